"""Civic events on SQLite and PostgreSQL: the verdict service switches to the stricter
variant for the window and back, events are checked and audited, and the coverage check
counts active staff holding the civic-integrity tools, lockdowns included."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime, timedelta
from typing import Any

import pytest
from sqlalchemy import func, select
from tests.integration import test_policy_versions as versions
from tests.integration.test_policy_versions import LOOSE_TEXT, STRICT_TEXT, staff

from townsquare.bootstrap import App
from townsquare.moderation.model import ModerationError
from townsquare.services import civic, content, labels, lockdown
from townsquare.services import staff as staff_service
from townsquare.services.context import Services
from townsquare.services.errors import ConflictError, ForbiddenError
from townsquare.services.label_cache import LabelCache
from townsquare.services.policies import PolicyInForce
from townsquare.services.visibility import VisibilityRuntime
from townsquare.staff.actor import system_actor
from townsquare.store.audit_tables import AuditEvent
from townsquare.store.civic_tables import CivicEventRow, PolicyVersion
from townsquare.store.tables import utcnow

HOUR = timedelta(hours=1)
app, services = versions.app, versions.services  # the same fixtures


def counts(app: App) -> tuple[int, int]:
    with app.sessions() as session:
        return (int(session.scalar(select(func.count()).select_from(CivicEventRow)) or 0),
                int(session.scalar(select(func.count()).select_from(PolicyVersion)) or 0))


def audit_actions(app: App) -> list[str]:
    with app.sessions() as session:
        return list(session.scalars(select(AuditEvent.action).where(
            AuditEvent.action.like("civic.%")).order_by(AuditEvent.seq)))


class Worker:
    """A label cache and verdict runtime following the policy in force, on a clock the
    test moves."""

    def __init__(self, app: App, now: datetime) -> None:
        self.now = now
        resolver = PolicyInForce(app.settings)
        with app.sessions() as session:
            start, _ = resolver.at(session, now)
        self.cache = LabelCache(app.sessions, start, poll_interval=0, clock=lambda: self.now,
                                policy=lambda session, at: resolver.at(session, at)[0])
        self.cache.load()
        self.visibility = VisibilityRuntime(app.sessions, start, self.cache,
                                            clock=lambda: self.now)

    def verdict_at(self, when: datetime, surface: str, item: str) -> str:
        self.now = when
        self.cache.refresh()
        return self.visibility.verdicts(surface, None, [item])[0].action


@pytest.fixture
def platform(app: App, services: Services) -> Iterator[App]:
    """An account with a post labelled civic misinformation."""
    content.create_account(app.sessions, "alice", "alice")
    content.create_post(app.sessions, services.moderation.compiled, "p1", "alice", "vote friday")
    labels.add_label(app.sessions, services.moderation.compiled, "post", "p1",
                     "civic_misinformation", "civic_integrity")
    yield app


def test_verdicts_switch_to_the_variant_for_the_window_and_back(
    platform: App, services: Services
) -> None:
    t0 = utcnow()
    worker = Worker(platform, t0)
    created = civic.create_event(services, staff("pat", "policy", 1), name="General election",
                                 starts_at=t0 + HOUR, ends_at=t0 + 2 * HOUR,
                                 policy_text=STRICT_TEXT, min_staff=0, now=t0)
    event = created["event"]
    assert (event["status"], event["policy_version"]) == ("scheduled", 2)

    assert worker.verdict_at(t0, "search_top", "p1") == "label"
    assert worker.verdict_at(t0 + HOUR - timedelta(seconds=1), "search_top", "p1") == "label"
    assert worker.verdict_at(t0 + HOUR, "search_top", "p1") == "drop"
    assert worker.cache.compiled.policy.name == "election"
    assert worker.verdict_at(t0 + 90 * timedelta(minutes=1), "trends", "p1") == "drop"
    assert worker.verdict_at(t0 + 2 * HOUR, "search_top", "p1") == "label"
    assert worker.cache.compiled.policy.name == "default"
    assert civic.get_event(services, event["id"], now=t0 + 3 * HOUR)["status"] == "ended"


def test_ending_an_event_early_restores_the_base_policy_at_once(
    platform: App, services: Services
) -> None:
    t0 = utcnow()
    worker = Worker(platform, t0)
    event = civic.create_event(services, staff("pat", "policy", 1), name="Referendum",
                               starts_at=t0 - HOUR, ends_at=t0 + 5 * HOUR,
                               policy_text=STRICT_TEXT, min_staff=0)["event"]
    assert worker.verdict_at(utcnow(), "search_top", "p1") == "drop"

    ended = civic.end_event(services, staff("pat", "policy", 1), event["id"], "count finished")
    assert (ended["status"], ended["ended_by"], ended["end_reason"]) == (
        "ended", "pat", "count finished")
    assert worker.verdict_at(utcnow(), "search_top", "p1") == "label"
    with pytest.raises(ConflictError, match="already ended"):
        civic.end_event(services, staff("pat", "policy", 1), event["id"], "again")
    assert audit_actions(platform) == ["civic.event.create", "civic.event.end"]


def test_a_stored_version_can_serve_as_the_variant(platform: App, services: Services) -> None:
    t0 = utcnow()
    first = civic.create_event(services, staff("pat", "policy", 1), name="Primary",
                               starts_at=t0 + HOUR, ends_at=t0 + 2 * HOUR,
                               policy_text=STRICT_TEXT, min_staff=0)["event"]
    second = civic.create_event(services, staff("pat", "policy", 1), name="Runoff",
                                starts_at=t0 + 3 * HOUR, ends_at=t0 + 4 * HOUR,
                                policy_version=first["policy_version"], min_staff=0)["event"]
    assert second["policy_version"] == first["policy_version"]
    assert counts(platform) == (2, 2)  # the file (v1) and one variant (v2)
    worker = Worker(platform, t0)
    assert worker.verdict_at(t0 + 3 * HOUR, "search_top", "p1") == "drop"


@pytest.mark.parametrize(
    ("change", "error", "message"),
    [
        ({"policy_text": LOOSE_TEXT}, ModerationError, "at least as strict"),
        ({"ends_in": -1}, ModerationError, "must be after starts_at"),
        ({"starts_in": -3, "ends_in": -2}, ModerationError, "already over"),
        ({"policy_version": 7, "policy_text": None}, LookupError, "no policy version 7"),
        ({"policy_version": 1}, ModerationError, "either policy_version"),
        ({"permissions": ["labels.write", "telepathy"]}, ValueError, "telepathy"),
        ({"permissions": []}, ModerationError, "at least one"),
        ({"min_staff": -1}, ModerationError, "min_staff"),
        ({"name": "  "}, ModerationError, "name"),
        ({"naive": True}, ModerationError, "timezone"),
    ],
    ids=["looser", "end-before-start", "past", "unknown-version", "both-policies",
         "unknown-permission", "no-permissions", "negative-minimum", "no-name", "naive"],
)
def test_bad_events_are_refused_and_nothing_is_stored(
    platform: App, services: Services, change: dict[str, Any], error: type[Exception],
    message: str,
) -> None:
    t0 = utcnow()
    fields: dict[str, Any] = {"name": "Election", "starts_at": t0 + HOUR,
                              "ends_at": t0 + 2 * HOUR, "policy_text": STRICT_TEXT,
                              "min_staff": 1, **change}
    for key in ("starts", "ends"):  # hours from now
        if f"{key}_in" in fields:
            fields[f"{key}_at"] = t0 + fields.pop(f"{key}_in") * HOUR
    if fields.pop("naive", False):
        fields["starts_at"] = (t0 + HOUR).replace(tzinfo=None)
    with pytest.raises(error, match=message):
        civic.create_event(services, staff("pat", "policy", 1), **fields)
    assert counts(platform) == (0, 0)
    assert audit_actions(platform) == []


def test_windows_may_not_overlap(platform: App, services: Services) -> None:
    t0 = utcnow()
    pat = staff("pat", "policy", 1)
    civic.create_event(services, pat, name="Election", starts_at=t0 + HOUR,
                       ends_at=t0 + 3 * HOUR, policy_text=STRICT_TEXT, min_staff=0)
    with pytest.raises(ConflictError, match="overlaps civic event #1 'Election'"):
        civic.create_event(services, pat, name="Runoff", starts_at=t0 + 2 * HOUR,
                           ends_at=t0 + 4 * HOUR, policy_version=2, min_staff=0)
    civic.create_event(services, pat, name="Runoff", starts_at=t0 + 3 * HOUR,
                       ends_at=t0 + 4 * HOUR, policy_version=2, min_staff=0)  # touching is fine


def test_only_civic_managers_create_or_end_events(platform: App, services: Services) -> None:
    t0 = utcnow()
    with pytest.raises(ForbiddenError, match=r"civic\.manage"):
        civic.create_event(services, staff("mo", "senior_moderator", 1), name="Election",
                           starts_at=t0 + HOUR, ends_at=t0 + 2 * HOUR,
                           policy_text=STRICT_TEXT, min_staff=0)
    assert counts(platform) == (0, 0)


def make_staff(app: App, name: str, role: str, teams: list[str] | None = None) -> None:
    staff_service.create_staff(app.sessions, system_actor(), name, name.title(), None,
                               roles=[role], teams=teams)


def test_coverage_counts_active_staff_holding_every_civic_tool_lockdowns_included(
    platform: App, services: Services
) -> None:
    make_staff(platform, "cleo", "moderator", teams=["civic-integrity"])
    make_staff(platform, "dev", "senior_moderator")
    make_staff(platform, "pol", "policy")  # no labels.write: never counts
    make_staff(platform, "gone", "moderator")
    staff_service.set_disabled(platform.sessions, system_actor(), "gone", True, "left")
    make_staff(platform, "spammy", "triage")
    staff_service.grant_role(platform.sessions, system_actor(), "spammy", "moderator",
                             policies=["spam"])  # scoped away from civic integrity
    t0 = utcnow()

    created = civic.create_event(services, staff("pat", "policy", 1), name="Election",
                                 starts_at=t0 + HOUR, ends_at=t0 + 2 * HOUR,
                                 policy_text=STRICT_TEXT, min_staff=3)
    cover = created["coverage"]
    assert (cover["count"], cover["covered"], cover["short"]) == (2, ["cleo", "dev"], True)
    assert created["warning"] is not None and "fewer than the 3 required" in created["warning"]
    assert cover["partial"] == {"spammy": ["actions.write", "labels.write"]}

    lockdown.start(services, system_actor(), "change of ownership",
                   exempt_teams=["civic-integrity"])
    report = civic.coverage_report(services)
    (check,) = report["checks"]
    assert report["short"] is True
    assert check["event"]["name"] == "Election"
    assert (check["coverage"]["covered"], check["coverage"]["frozen_by_lockdown"]) == (
        ["cleo"], ["dev"])

    enough = civic.coverage_check(services, minimum=1)
    assert (enough.count, enough.short, enough.warning()) == (1, False, None)
    by_event = civic.event_coverage(services, created["event"]["id"])
    assert by_event["coverage"]["count"] == 1


def test_without_events_the_report_checks_the_default_civic_set(
    platform: App, services: Services
) -> None:
    report = civic.coverage_report(services)
    (check,) = report["checks"]
    assert check["event"] is None
    assert (check["coverage"]["minimum"], check["coverage"]["short"]) == (1, True)
    make_staff(platform, "cleo", "moderator")
    assert civic.coverage_report(services)["short"] is False

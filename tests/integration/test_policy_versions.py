"""Stored policy versions on SQLite and PostgreSQL: version 1 is the file, a change is a
two-person operation, and an applied change becomes the live policy of a running cache."""

from __future__ import annotations

from collections.abc import Iterator
from importlib import resources
from pathlib import Path

import pytest
from sqlalchemy import func, select

from townsquare.bootstrap import App, open_app
from townsquare.moderation.model import ModerationError
from townsquare.services import approvals
from townsquare.services.context import Services, build_services
from townsquare.services.errors import ConflictError, ForbiddenError
from townsquare.services.label_cache import LabelCache
from townsquare.services.policies import (
    PolicyInForce,
    get_version,
    list_versions,
    live_policy,
)
from townsquare.services.policy_changes import propose_change
from townsquare.settings import load_settings
from townsquare.staff.actor import Actor, Grant
from townsquare.staff.permissions import permissions_of
from townsquare.store.audit_tables import AuditEvent
from townsquare.store.civic_tables import PolicyVersion
from townsquare.store.staff_tables import ApprovalRequest
from townsquare.store.tables import utcnow

DEFAULT_TEXT = resources.files("townsquare.moderation").joinpath(
    "policies", "default.yaml").read_text("utf-8")
_DISCOVERY = """      - id: civic_misinformation.discovery
        surfaces: [trends, recommendations]
        actions: [drop]
"""
# Stricter: civic misinformation is also dropped from search and from strangers' homes.
STRICT_TEXT = DEFAULT_TEXT.replace("name: default", "name: election").replace(
    _DISCOVERY, _DISCOVERY + """      - id: civic_misinformation.election
        surfaces: [search_top, search_latest, home_timeline]
        relations: [other, logged_out]
        actions: [drop]
""")
# Looser: civic misinformation may trend again.
LOOSE_TEXT = DEFAULT_TEXT.replace(_DISCOVERY, "")
assert STRICT_TEXT != DEFAULT_TEXT and LOOSE_TEXT != DEFAULT_TEXT


def staff(name: str, role: str, staff_id: int) -> Actor:
    return Actor(name, "staff", (Grant(role, permissions_of(role)),), staff_id=staff_id)


@pytest.fixture
def app(database_url: str, tmp_path: Path) -> Iterator[App]:
    opened = open_app(load_settings(database_url=database_url, data_dir=tmp_path,
                                    key_file=tmp_path / "key"))
    try:
        yield opened
    finally:
        opened.close()


@pytest.fixture
def services(app: App) -> Services:
    import townsquare.services.operations  # noqa: F401  (registers every operation)

    return build_services(app)


def stored_versions(app: App) -> int:
    with app.sessions() as session:
        return int(session.scalar(select(func.count()).select_from(PolicyVersion)) or 0)


def approval_count(app: App) -> int:
    with app.sessions() as session:
        return int(session.scalar(select(func.count()).select_from(ApprovalRequest)) or 0)


def test_the_policy_file_is_version_one_until_a_change_is_stored(
    app: App, services: Services
) -> None:
    assert live_policy(app.sessions, app.settings).policy.version == 1
    (only,) = list_versions(app.sessions, app.settings)
    assert (only.version, only.kind, only.name, only.author) == (1, "base", "default",
                                                                 "configuration")
    assert get_version(app.sessions, app.settings, 1).text == DEFAULT_TEXT
    assert stored_versions(app) == 0


def test_a_change_takes_a_second_person_then_becomes_version_two(
    app: App, services: Services
) -> None:
    pat, quinn = staff("pat", "policy", 1), staff("quinn", "policy", 2)

    outcome = propose_change(services, pat, STRICT_TEXT, "election season rules")
    assert outcome.status == "pending" and outcome.request is not None
    request_id = outcome.request["id"]
    assert stored_versions(app) == 0
    assert live_policy(app.sessions, app.settings).policy.name == "default"

    with pytest.raises(ForbiddenError, match="second person"):
        approvals.approve(services, pat, request_id)
    with pytest.raises(ForbiddenError):  # a moderator lacks policy.write
        approvals.approve(services, staff("mo", "moderator", 3), request_id)
    assert stored_versions(app) == 0

    done = approvals.approve(services, quinn, request_id)
    assert done["status"] == "applied"
    assert done["result"]["version"] == 2
    live = live_policy(app.sessions, app.settings)
    assert (live.policy.version, live.policy.name) == (2, "election")
    versions = list_versions(app.sessions, app.settings)
    assert [(v.version, v.author, v.approved_by) for v in versions] == [
        (2, "pat", "quinn"), (1, "configuration", None)]
    assert versions[0].reason == "election season rules"
    with app.sessions() as session:
        event = session.scalars(select(AuditEvent).where(AuditEvent.action == "policy.change")
                                ).one()
    assert (event.actor, event.subject_id) == ("pat", "2")
    with pytest.raises(ConflictError):  # applied once, never twice
        approvals.approve(services, staff("ray", "admin", 4), request_id)
    assert stored_versions(app) == 2


@pytest.mark.parametrize(
    ("text", "fmt", "reason", "message"),
    [
        ("version: 1\nlabels: {spam: {rules: [}", "yaml", "x", "invalid YAML"),
        (DEFAULT_TEXT.replace("  suspended:", "  suspendedx:"), "yaml", "x",
         "enforcement actions write the label"),
        (DEFAULT_TEXT, "json", "x", "format"),
        (DEFAULT_TEXT, "yaml", "  ", "reason"),
    ],
    ids=["syntax", "missing-label", "format", "no-reason"],
)
def test_a_bad_proposal_is_refused_and_nothing_is_stored(
    app: App, services: Services, text: str, fmt: str, reason: str, message: str
) -> None:
    with pytest.raises(ModerationError, match=message):
        propose_change(services, staff("pat", "policy", 1), text, reason, fmt)
    assert (stored_versions(app), approval_count(app)) == (0, 0)


def test_only_policy_writers_may_propose(app: App, services: Services) -> None:
    with pytest.raises(ForbiddenError, match=r"policy\.write"):
        propose_change(services, staff("mo", "senior_moderator", 1), STRICT_TEXT, "why")
    assert approval_count(app) == 0


def test_a_running_cache_switches_to_an_applied_change_without_restart(
    app: App, services: Services
) -> None:
    resolver = PolicyInForce(app.settings)
    with app.sessions() as session:
        start, _ = resolver.at(session, utcnow())
    seen: list[int] = []
    cache = LabelCache(app.sessions, start, poll_interval=0,
                       policy=lambda session, now: resolver.at(session, now)[0],
                       on_policy=lambda compiled: seen.append(compiled.policy.version))
    cache.load()
    assert cache.tables().compiled.policy.version == 1
    outcome = propose_change(services, staff("pat", "policy", 1), STRICT_TEXT, "elections")
    assert outcome.request is not None
    approvals.approve(services, staff("quinn", "admin", 2), outcome.request["id"])

    cache.refresh()
    assert cache.tables().compiled.policy.name == "election"
    assert seen == [2]
    cache.refresh()  # nothing new: no second switch
    assert seen == [2]

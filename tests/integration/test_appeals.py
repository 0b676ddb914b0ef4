"""Appeals as use cases on SQLite and PostgreSQL: filing (window, one per action, only the
author), deciding (not the original actor), and what an upheld appeal undoes."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from importlib import resources
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import func, select

from townsquare.bootstrap import App, open_app
from townsquare.moderation.model import ModerationError
from townsquare.moderation.verdicts import CompiledPolicy
from townsquare.policy_files import parse_policy_text
from townsquare.services import appeals, content
from townsquare.services.context import Services, build_services
from townsquare.services.enforcement import account_status, request_from, take_action
from townsquare.services.errors import ConflictError, ForbiddenError, NotFoundError
from townsquare.settings import load_settings
from townsquare.staff.actor import Actor, Grant
from townsquare.staff.permissions import permissions_of
from townsquare.store.audit_tables import AuditEvent
from townsquare.store.due_process_tables import Appeal

T0 = datetime(2026, 10, 1, 9, tzinfo=UTC)
DEFAULT_POLICY = resources.files("townsquare.moderation").joinpath(
    "policies", "default.yaml").read_text("utf-8")


def actor(name: str, role: str, policies: frozenset[str] | None = None) -> Actor:
    return Actor(name, "staff", (Grant(role, permissions_of(role), policies),))


PLATFORM = Actor("platform", "service", (Grant("service", permissions_of("service")),))
SAM = actor("sam", "senior_moderator")


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
    services = build_services(app)
    content.create_account(app.sessions, "alice", "alice_h", created_at=T0)
    content.create_post(app.sessions, services.moderation.compiled, "p1", "alice", "buy now",
                        created_at=T0)
    return services


def act(services: Services, kind: str, subject_id: str, *, by: str = "mo",
        at: datetime = T0, subject_type: str = "account", **extra: Any) -> dict[str, Any]:
    body = {"kind": kind, "subject_type": subject_type, "subject_id": subject_id,
            "policy": "spam", **extra}
    return take_action(services.moderation, request_from(body), by, now=at)


def status(services: Services, at: datetime) -> dict[str, Any]:
    return account_status(services.moderation, "alice", now=at)


def appeal_count(services: Services) -> int:
    with services.sessions() as session:
        return int(session.scalar(select(func.count()).select_from(Appeal)) or 0)


def test_an_upheld_appeal_restores_the_post_removes_the_strike_and_tells_the_author(
    services: Services,
) -> None:
    removal = act(services, "remove_post", "p1", subject_type="post")
    assert status(services, T0)["strikes"]["total_active"] == 1
    filed = appeals.file_appeal(services, PLATFORM, "action", removal["id"], "alice",
                                "It was a joke between friends.", now=T0 + timedelta(days=1))
    assert filed["status"] == "open" and filed["policy"] == "spam"
    with pytest.raises(ForbiddenError, match="'mo' took the remove post action"):
        appeals.decide_appeal(services, actor("mo", "senior_moderator"), filed["id"], "upheld",
                              "I changed my mind")
    later = T0 + timedelta(days=2)
    decided = appeals.decide_appeal(services, SAM, filed["id"], "upheld",
                                    "Context shows it was a joke.", now=later)
    assert decided["status"] == "upheld" and decided["decided_by"] == "sam"
    assert decided["undone"]["labels"] == removal["labels"]
    assert decided["undone"]["strikes"] == [removal["strike"]]
    after = status(services, later)
    assert [lim for lim in after["limits"] if lim["label"] == "removed"] == []
    assert after["strikes"]["total_active"] == 0
    notice = next(n for n in after["notices"] if n["kind"] == "appeal_upheld")
    assert "Your post (p1) is restored." in notice["body"]
    assert "Why: Context shows it was a joke." in notice["body"]
    assert "you now have 0 active strikes under this policy" in notice["body"]
    assert [(a["id"], a["status"], a["rationale"]) for a in after["appeals"]] == [
        (filed["id"], "upheld", "Context shows it was a joke.")]
    with services.sessions() as session:
        actions = [e.action for e in session.scalars(select(AuditEvent)
                                                      .where(AuditEvent.subject_type == "appeal"))]
        filed_event = session.scalar(select(AuditEvent).where(AuditEvent.action == "appeal.file"))
    assert actions == ["appeal.file", "appeal.decide"]
    assert filed_event is not None and "joke between friends" not in str(filed_event.after)


def test_a_denied_appeal_keeps_the_action_tells_why_and_is_final(services: Services) -> None:
    removal = act(services, "remove_post", "p1", subject_type="post")
    filed = appeals.file_appeal(services, PLATFORM, "action", removal["id"], "alice", "unfair",
                                now=T0)
    appeals.decide_appeal(services, SAM, filed["id"], "denied", "It is plainly spam.", now=T0)
    after = status(services, T0)
    assert [lim["label"] for lim in after["limits"]] == ["removed"]
    notice = next(n for n in after["notices"] if n["kind"] == "appeal_denied")
    assert "Why: It is plainly spam." in notice["body"]
    with pytest.raises(ConflictError, match="already decided"):
        appeals.decide_appeal(services, SAM, filed["id"], "upheld", "second thoughts")
    with pytest.raises(ConflictError, match=r"was already decided \(denied\)"):
        appeals.file_appeal(services, PLATFORM, "action", removal["id"], "alice", "again",
                            now=T0)


def test_undoing_a_strike_lifts_the_lock_it_caused_unless_other_strikes_still_call_for_it(
    services: Services,
) -> None:
    first = act(services, "limit_reach", "alice")
    second = act(services, "limit_reach", "p1", subject_type="post", at=T0 + timedelta(hours=1))
    assert second["escalation"] is not None  # 2 strikes: a 12-hour read-only lock
    locked = status(services, T0 + timedelta(hours=2))
    assert "read_only" in [lim["label"] for lim in locked["limits"]]
    filed = appeals.file_appeal(services, PLATFORM, "action", second["id"], "alice", "no",
                                now=T0 + timedelta(hours=2))
    decided = appeals.decide_appeal(services, SAM, filed["id"], "upheld", "Not spam.",
                                    now=T0 + timedelta(hours=3))
    assert decided["undone"]["escalations"] == [second["escalation"]["id"]]
    after = status(services, T0 + timedelta(hours=3))
    assert sorted(lim["label"] for lim in after["limits"]) == ["do_not_amplify"]
    assert after["strikes"]["total_active"] == 1
    assert [s["action_id"] for s in after["strikes"]["active"]] == [first["id"]]


def test_a_lock_the_remaining_strikes_still_deserve_stays(services: Services) -> None:
    act(services, "limit_reach", "alice")
    second = act(services, "label", "alice", label="trends_blacklist",
                 at=T0 + timedelta(minutes=1))
    act(services, "label", "alice", label="search_blacklist", at=T0 + timedelta(minutes=2))
    filed = appeals.file_appeal(services, PLATFORM, "action", second["id"], "alice", "no",
                                now=T0 + timedelta(minutes=3))
    decided = appeals.decide_appeal(services, SAM, filed["id"], "upheld", "Not spam.",
                                    now=T0 + timedelta(minutes=4))
    assert decided["undone"]["escalations"] == []
    labels = [lim["label"] for lim in status(services, T0 + timedelta(minutes=5))["limits"]]
    assert "read_only" in labels and "trends_blacklist" not in labels


def test_one_open_appeal_per_action_and_a_label_of_an_action_is_the_action(
    services: Services,
) -> None:
    removal = act(services, "remove_post", "p1", subject_type="post")
    first = appeals.file_appeal(services, PLATFORM, "action", removal["id"], "alice", "one",
                                now=T0)
    with pytest.raises(ConflictError, match=f"appeal #{first['id']} .* is already open"):
        appeals.file_appeal(services, PLATFORM, "label", removal["labels"][0], "alice", "two",
                            now=T0)
    assert appeal_count(services) == 1


def test_refusals_store_nothing(services: Services, app: App) -> None:
    removal = act(services, "remove_post", "p1", subject_type="post")
    late = T0 + timedelta(days=30)
    with pytest.raises(ModerationError, match=r"appeal window .* closed on 31 October 2026"):
        appeals.file_appeal(services, PLATFORM, "action", removal["id"], "alice", "late",
                            now=late)
    with pytest.raises(ForbiddenError, match="only the account it concerns"):
        appeals.file_appeal(services, PLATFORM, "action", removal["id"], "bob", "me", now=T0)
    with pytest.raises(NotFoundError, match="no enforcement action #999"):
        appeals.file_appeal(services, PLATFORM, "action", 999, "alice", "x", now=T0)
    with pytest.raises(ModerationError, match="statement: must not be empty"):
        appeals.file_appeal(services, PLATFORM, "action", removal["id"], "alice", "  ", now=T0)
    with pytest.raises(ModerationError, match="target_type"):
        appeals.file_appeal(services, PLATFORM, "strike", 1, "alice", "x", now=T0)
    with pytest.raises(ForbiddenError, match=r"content\.write"):
        appeals.file_appeal(services, SAM, "action", removal["id"], "alice", "x", now=T0)
    assert appeal_count(services) == 0


def test_a_decider_scoped_to_other_policies_cannot_decide(services: Services) -> None:
    removal = act(services, "remove_post", "p1", subject_type="post")
    filed = appeals.file_appeal(services, PLATFORM, "action", removal["id"], "alice", "x",
                                now=T0)
    civic_only = actor("cleo", "senior_moderator", frozenset({"civic_integrity"}))
    with pytest.raises(ForbiddenError, match="not for policy 'spam'"):
        appeals.decide_appeal(services, civic_only, filed["id"], "upheld", "ok")
    assert appeals.list_appeals(services, civic_only) == []
    assert [a["id"] for a in appeals.list_appeals(services, SAM)] == [filed["id"]]


def test_labels_the_policy_makes_unappealable_cannot_be_appealed(app: App) -> None:
    text = DEFAULT_POLICY.replace("  hateful_conduct:\n    subjects: [post]\n",
                                  "  hateful_conduct:\n    subjects: [post]\n"
                                  "    appealable: false\n")
    assert text != DEFAULT_POLICY
    services = build_services(app, compiled=CompiledPolicy(parse_policy_text(text, "yaml", "t")))
    content.create_account(app.sessions, "alice", "alice_h", created_at=T0)
    content.create_post(app.sessions, services.moderation.compiled, "p1", "alice", "x",
                        created_at=T0)
    labelled = act(services, "label", "p1", subject_type="post", label="hateful_conduct")
    for target in (("action", labelled["id"]), ("label", labelled["labels"][0])):
        with pytest.raises(ModerationError, match="cannot be appealed under the policy"):
            appeals.file_appeal(services, PLATFORM, *target, "alice", "x", now=T0)


def test_two_racing_decisions_decide_once(services: Services) -> None:
    removal = act(services, "remove_post", "p1", subject_type="post")
    filed = appeals.file_appeal(services, PLATFORM, "action", removal["id"], "alice", "x",
                                now=T0)
    barrier = threading.Barrier(2)
    outcomes: list[str] = []

    def decide(who: Actor, outcome: str) -> None:
        barrier.wait()
        try:
            outcomes.append(appeals.decide_appeal(services, who, filed["id"], outcome,
                                                  f"{who.name} decides")["status"])
        except ConflictError:
            outcomes.append("conflict")

    threads = [threading.Thread(target=decide, args=(SAM, "upheld")),
               threading.Thread(target=decide, args=(actor("sue", "senior_moderator"),
                                                     "denied"))]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert sorted(outcomes) in (["conflict", "upheld"], ["conflict", "denied"])
    notices = status(services, T0)["notices"]
    assert len([n for n in notices if n["kind"].startswith("appeal_")]) == 1

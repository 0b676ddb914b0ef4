"""Reports and queues as use cases on SQLite and PostgreSQL: routing at filing, duplicates,
claims that lapse (and a race with exactly one winner), decisions and who may take them,
related reports, reporters told, two-person actions, escalation, muted reporters, audit."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import func, select

from townsquare.bootstrap import App, open_app
from townsquare.moderation.model import ModerationError
from townsquare.moderation.reports import NewReport
from townsquare.services import (
    approvals,
    content,
    queues,
    report_decisions,
    report_handling,
    reporters,
    reports,
)
from townsquare.services.context import Services, build_services
from townsquare.services.enforcement import account_status
from townsquare.services.errors import ConflictError, ForbiddenError, NotFoundError
from townsquare.services.report_outcomes import tell_reporters_of_reversal
from townsquare.services.staff import create_staff, grant_role
from townsquare.settings import load_settings
from townsquare.staff.actor import Actor, Grant, system_actor
from townsquare.staff.permissions import permissions_of
from townsquare.store import enforcement as enforcement_repo
from townsquare.store.audit_tables import AuditEvent
from townsquare.store.db import unit_of_work
from townsquare.store.report_tables import Report

T0 = datetime(2026, 11, 2, 9, tzinfo=UTC)


def actor(name: str, role: str, queues_: frozenset[str] | None = None) -> Actor:
    return Actor(name, "staff", (Grant(role, permissions_of(role), None, queues_),))


PLATFORM = Actor("platform", "service", (Grant("service", permissions_of("service")),))
ADMIN = actor("ada", "admin")
POLICY = actor("pol", "policy")
MIA, BO = actor("mia", "moderator"), actor("bo", "moderator")
LEAD = actor("lee", "senior_moderator")


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
    for name in ("alice", "bob", "carol", "dan"):
        content.create_account(app.sessions, name, f"{name}_h")
    content.create_account(app.sessions, "mayor", "mayor_h", high_profile=True)
    compiled = services.moderation.compiled
    content.create_post(app.sessions, compiled, "p1", "bob", "cheap pills, buy now")
    content.create_post(app.sessions, compiled, "p2", "bob", "the polling station moved")
    content.create_post(app.sessions, compiled, "p3", "mayor", "vote for me")
    return services


def file(services: Services, reporter: str, subject: str, *, subject_type: str = "post",
         reason: str = "spam", policy: str = "spam", text: str = "",
         now: datetime | None = None) -> int:
    new = NewReport(reporter, subject_type, subject, reason, policy, text)  # type: ignore[arg-type]
    record = reports.file_report(services.sessions, services.moderation.compiled, PLATFORM, new,
                                 now=now)
    assert record["status"] == "received"
    return int(record["id"])


def row(services: Services, report_id: int) -> Report:
    with services.sessions() as session:
        found = session.get(Report, report_id)
        assert found is not None
        return found


def report_count(services: Services) -> int:
    with services.sessions() as session:
        return int(session.scalar(select(func.count()).select_from(Report)) or 0)


def audit_actions(services: Services, subject_id: int | str) -> list[str]:
    with services.sessions() as session:
        return list(session.scalars(select(AuditEvent.action).where(
            AuditEvent.subject_id == str(subject_id)).order_by(AuditEvent.seq)))


def notices_to(services: Services, account: str) -> list[dict[str, Any]]:
    return [n for n in account_status(services.moderation, account)["notices"]
            if n["subject_type"] == "report"]


def test_reports_are_routed_at_filing_by_the_ordered_rules(services: Services) -> None:
    for name in ("spam", "civic", "vip"):
        queues.create_queue(services.sessions, POLICY, name)
    queues.replace_rules(services.sessions, POLICY, [
        {"queue": "vip", "priority": 50, "match": {"high_profile": True}},
        {"queue": "civic", "priority": 10, "match": {"keywords": ["polling"]}},
        {"queue": "spam", "match": {"reasons": ["spam"]}},
    ])
    assert row(services, file(services, "alice", "p1")).queue == "spam"
    civic = row(services, file(services, "alice", "p2", reason="misinformation"))
    assert (civic.queue, civic.priority) == ("civic", 10)  # matched the post's own words
    vip = row(services, file(services, "alice", "p3"))
    assert (vip.queue, vip.priority) == ("vip", 50)  # a high-profile author comes first
    other = file(services, "alice", "bob", subject_type="account", reason="harassment",
                 policy="hateful_conduct")
    assert row(services, other).queue == "default"
    listed = reports.list_reports(services.sessions, LEAD, status="open")
    assert [r["queue"] for r in listed] == ["vip", "civic", "spam", "default"]
    assert all("text" not in r and "reporter_id" not in r for r in listed)


def test_one_undecided_report_per_reporter_and_subject(services: Services) -> None:
    first = file(services, "alice", "p1")
    with pytest.raises(ConflictError, match=f"already has an open report \\(#{first}\\)"):
        file(services, "alice", "p1", reason="harassment", policy="hateful_conduct")
    file(services, "carol", "p1")  # someone else may
    report_handling.claim(services.sessions, MIA, first)
    report_decisions.dismiss(services, MIA, first, "Not spam.", close_related=False)
    assert row(services, file(services, "alice", "p1")).status == "open"  # decided: again


def test_bad_reports_are_refused_and_nothing_is_stored(services: Services) -> None:
    cases: list[tuple[dict[str, str], type[Exception], str]] = [
        ({"reporter": "nobody"}, NotFoundError, "no account with id 'nobody'"),
        ({"subject": "p404"}, NotFoundError, "no post with id 'p404'"),
        ({"subject": "zed", "subject_type": "account"}, NotFoundError, "no account"),
        ({"policy": "made_up"}, ModerationError, "unknown policy 'made_up'"),
        ({"reporter": "bob"}, ModerationError, "cannot report its own posts"),
    ]
    for change, error, message in cases:
        args = {"reporter": "alice", "subject": "p1", "subject_type": "post", "policy": "spam"}
        args.update(change)
        with pytest.raises(error, match=message):
            file(services, args["reporter"], args["subject"], subject_type=args["subject_type"],
                 policy=args["policy"])
    assert report_count(services) == 0
    with services.sessions() as session:
        assert session.scalar(select(func.count()).where(
            AuditEvent.action.like("report.%"))) == 0


def test_two_moderators_claiming_at_once_exactly_one_wins(services: Services) -> None:
    ids = [file(services, reporter, "p1") for reporter in ("alice", "carol", "dan")]
    claimers = [actor(f"m{i}", "moderator") for i in range(4)]
    for report_id in ids:
        barrier = threading.Barrier(len(claimers))
        won: list[str] = []
        lost: list[str] = []

        def attempt(who: Actor, report_id: int = report_id,
                    barrier: threading.Barrier = barrier,
                    won: list[str] = won, lost: list[str] = lost) -> None:
            barrier.wait()
            try:
                report_handling.claim(services.sessions, who, report_id)
                won.append(who.name)
            except ConflictError as exc:
                lost.append(str(exc))

        threads = [threading.Thread(target=attempt, args=(c,)) for c in claimers]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        assert len(won) == 1, (won, lost)
        assert len(lost) == len(claimers) - 1
        assert all(f"claimed by {won[0]!r}" in message for message in lost)
        assert row(services, report_id).claimed_by == won[0]
        assert audit_actions(services, report_id).count("report.claim") == 1


def test_a_lapsed_claim_can_be_taken_and_only_its_holder_decides(services: Services) -> None:
    report_id = file(services, "alice", "p1", now=T0)
    report_handling.claim(services.sessions, MIA, report_id, now=T0)
    with pytest.raises(ConflictError, match="claimed by 'mia'"):
        report_handling.claim(services.sessions, BO, report_id, now=T0 + timedelta(minutes=14))
    with pytest.raises(ForbiddenError, match="'mia' holds its claim until"):
        report_decisions.dismiss(services, BO, report_id, "no", now=T0 + timedelta(minutes=1))
    with pytest.raises(ForbiddenError, match="'mia' holds its claim"):
        report_handling.release(services.sessions, BO, report_id, now=T0)
    later = T0 + timedelta(minutes=15)  # the default queue's 15 minutes have passed
    taken = report_handling.claim(services.sessions, BO, report_id, now=later)
    assert taken["claimed_by"] == "bo"
    with pytest.raises(ForbiddenError, match="'bo' holds its claim"):
        report_decisions.dismiss(services, MIA, report_id, "no", now=later)
    # A lead who may assign reports decides a stalled report without claiming it.
    decided = report_decisions.dismiss(services, LEAD, report_id, "Not spam.", now=later)
    assert decided.report["status"] == "dismissed" and decided.report["resolved_by"] == "lee"
    with pytest.raises(ConflictError, match="is dismissed, not open"):
        report_handling.claim(services.sessions, MIA, report_id, now=later)


def test_deciding_an_unclaimed_report_takes_it_in_the_same_step(services: Services) -> None:
    report_id = file(services, "alice", "p1")
    assert report_handling.release(services.sessions, MIA, report_id)["claimed_by"] is None
    decision = report_decisions.dismiss(services, MIA, report_id, "Not spam.")
    assert decision.report["resolved_by"] == "mia"
    assert audit_actions(services, report_id) == ["report.file", "report.dismiss"]


def test_an_action_resolves_the_report_closes_related_ones_and_tells_the_reporters(
    services: Services,
) -> None:
    first = file(services, "alice", "p1", text="spam spam spam")
    second = file(services, "carol", "p1")
    other_policy = file(services, "dan", "p1", reason="harassment", policy="hateful_conduct")
    report_handling.claim(services.sessions, MIA, first)
    decision = report_decisions.resolve_with_action(
        services, MIA, first, {"kind": "remove_post", "note": "Selling pills."})
    assert decision.status == "applied" and decision.closed_related == (second,)
    action_id = decision.action["id"] if decision.action else None
    assert row(services, first).action_id == action_id is not None
    assert row(services, second).decided_with == first
    assert row(services, second).action_id == action_id
    assert row(services, other_policy).status == "open"  # another policy: still to judge
    bob = account_status(services.moderation, "bob")
    assert any(n["kind"] == "action" and n["subject_id"] == "p1" for n in bob["notices"])
    for reporter in ("alice", "carol"):
        (told,) = notices_to(services, reporter)
        assert told["title"] == "We took action on the post you reported"
        assert "remove" not in told["body"] and "pills" not in told["body"]
        mine = reporters.reports_of(services.sessions, PLATFORM, reporter)
        assert [r["status"] for r in mine] == ["action_taken"]
    assert notices_to(services, "dan") == []


def test_a_dismissal_tells_the_reporter_no_violation_was_found(services: Services) -> None:
    report_id = file(services, "alice", "bob", subject_type="account", reason="harassment",
                     policy="hateful_conduct")
    report_handling.claim(services.sessions, MIA, report_id)
    report_decisions.dismiss(services, MIA, report_id, "Heated but within the rules.")
    (told,) = notices_to(services, "alice")
    assert "found no violation of our Hateful conduct policy" in told["body"]
    assert "Heated" not in told["body"]  # the internal reason stays internal
    assert reporters.reports_of(services.sessions, PLATFORM, "alice")[0]["status"] == \
        "no_violation"


def test_a_failed_action_leaves_the_report_open_and_claimed(services: Services) -> None:
    report_id = file(services, "alice", "p1")
    report_handling.claim(services.sessions, MIA, report_id)
    with pytest.raises(ModerationError, match="suspend needs a duration"):
        report_decisions.resolve_with_action(services, MIA, report_id, {"kind": "suspend"},
                                             target="author")
    with pytest.raises(ForbiddenError, match=r"actions\.severe"):  # a moderator can't ban
        report_decisions.resolve_with_action(services, MIA, report_id,
                                             {"kind": "block_url", "url_or_domain": "x.test"})
    after = row(services, report_id)
    assert (after.status, after.claimed_by, after.action_id) == ("open", "mia", None)
    triage = actor("tri", "triage")
    report_handling.release(services.sessions, MIA, report_id)
    report_handling.claim(services.sessions, triage, report_id)
    with pytest.raises(ForbiddenError, match=r"actions\.write"):
        report_decisions.resolve_with_action(services, triage, report_id, {"kind": "warn"})
    assert report_decisions.dismiss(services, triage, report_id, "ok").status == "applied"


def test_an_action_needing_a_second_person_leaves_the_report_pending_until_approved(
    services: Services,
) -> None:
    approved = file(services, "alice", "p3")  # the mayor's post: a high-profile account
    rejected = file(services, "carol", "mayor", subject_type="account")
    report_handling.claim(services.sessions, MIA, approved)
    decision = report_decisions.resolve_with_action(services, MIA, approved,
                                                    {"kind": "remove_post"})
    assert decision.status == "pending" and decision.approval_request is not None
    assert row(services, approved).status == "pending_approval"
    assert reporters.reports_of(services.sessions, PLATFORM, "alice")[0]["status"] == "received"
    with pytest.raises(ConflictError, match="pending approval, not open"):
        report_handling.claim(services.sessions, BO, approved)
    approvals.approve(services, LEAD, decision.approval_request["id"], "agreed")
    assert row(services, approved).status == "actioned"  # at once, before anyone reads it
    assert reports.get_report(services.sessions, LEAD, approved)["status"] == "actioned"
    assert row(services, approved).action_id is not None
    assert notices_to(services, "alice")[0]["title"].startswith("We took action")

    report_handling.claim(services.sessions, MIA, rejected)
    pending = report_decisions.resolve_with_action(services, MIA, rejected,
                                                   {"kind": "warn"})
    assert pending.approval_request is not None
    approvals.reject(services, LEAD, pending.approval_request["id"], "not enough")
    assert row(services, rejected).status == "open"
    listed = reports.list_reports(services.sessions, MIA, status="open")
    assert [r["id"] for r in listed] == [rejected]  # back in the queue, unclaimed
    assert listed[0]["claimed_by"] is None and notices_to(services, "carol") == []


def test_escalation_reroutes_to_another_queue_unclaimed_with_the_note(
    services: Services,
) -> None:
    queues.create_queue(services.sessions, POLICY, "senior")
    queues.add_rule(services.sessions, POLICY, {"queue": "senior", "priority": 20,
                                                "match": {"escalated": True}})
    report_id = file(services, "alice", "p1")
    report_handling.claim(services.sessions, BO, report_id)
    with pytest.raises(ForbiddenError, match="'bo' holds its claim"):
        report_handling.escalate(services.sessions, MIA, report_id, "hard case")
    report_handling.release(services.sessions, BO, report_id)
    report_handling.claim(services.sessions, MIA, report_id)
    with pytest.raises(ModerationError, match="note: say why"):
        report_handling.escalate(services.sessions, MIA, report_id, " ")
    moved = report_handling.escalate(services.sessions, MIA, report_id, "Needs a senior eye.")
    assert (moved["queue"], moved["priority"], moved["claimed_by"]) == ("senior", 20, None)
    assert moved["escalations"] == 1
    report_handling.claim(services.sessions, LEAD, report_id)
    with pytest.raises(ModerationError, match="no routing rule"):
        report_handling.escalate(services.sessions, LEAD, report_id, "again")
    with pytest.raises(NotFoundError, match="no queue named 'council'"):
        report_handling.escalate(services.sessions, LEAD, report_id, "again", "council")
    detail = reports.get_report(services.sessions, LEAD, report_id)
    assert detail["events"][-2]["detail"]["note"] == "Needs a senior eye."


def test_queue_scopes_limit_what_a_moderator_sees_and_claims(services: Services) -> None:
    queues.create_queue(services.sessions, POLICY, "civic")
    queues.add_rule(services.sessions, POLICY, {"queue": "civic",
                                                "match": {"reasons": ["misinformation"]}})
    civic = file(services, "alice", "p2", reason="misinformation")
    plain = file(services, "alice", "p1")
    scoped = actor("cy", "moderator", frozenset({"civic"}))
    assert [r["id"] for r in reports.list_reports(services.sessions, scoped)] == [civic]
    assert [q["name"] for q in queues.list_queues(services.sessions, scoped)] == ["civic"]
    with pytest.raises(ForbiddenError, match="not for queue 'default'"):
        report_handling.claim(services.sessions, scoped, plain)
    with pytest.raises(ForbiddenError, match="not for queue 'default'"):
        reports.get_report(services.sessions, scoped, plain)
    assert report_handling.claim_next(services.sessions, scoped, "civic")["id"] == civic
    with pytest.raises(NotFoundError, match="no unclaimed open report in queue 'civic'"):
        report_handling.claim_next(services.sessions, scoped, "civic")
    with pytest.raises(ForbiddenError, match="not for queue 'default'"):
        report_handling.claim_next(services.sessions, scoped, "default")


def test_a_muted_reporter_waits_behind_everyone_and_cannot_tell(services: Services) -> None:
    reporters.mute(services.sessions, LEAD, "alice", "Dozens of reports against rivals.")
    muted = file(services, "alice", "p1")
    plain = file(services, "carol", "p2")
    assert [r["id"] for r in reports.list_reports(services.sessions, MIA)] == [plain, muted]
    assert report_handling.claim_next(services.sessions, MIA, "default")["id"] == plain
    mine = reporters.reports_of(services.sessions, PLATFORM, "alice")
    assert mine == reporters.reports_of(services.sessions, PLATFORM, "alice")
    assert set(mine[0]) == set(reporters.reports_of(services.sessions, PLATFORM, "carol")[0])
    assert mine[0]["status"] == "received"
    with pytest.raises(ConflictError, match="already muted"):
        reporters.mute(services.sessions, LEAD, "alice", "again")
    (listed,) = reporters.muted_reporters(services.sessions, LEAD)
    assert (listed["account_id"], listed["open_reports"]) == ("alice", 1)
    reporters.unmute(services.sessions, LEAD, "alice", "Behaving now.")
    assert [r["id"] for r in reports.list_reports(services.sessions, MIA)] == [muted, plain]
    with pytest.raises(ForbiddenError, match=r"reports\.assign"):
        reporters.mute(services.sessions, MIA, "carol", "no")


def test_assignment_goes_only_to_staff_who_can_handle_the_queue(services: Services) -> None:
    root = system_actor("setup")
    create_staff(services.sessions, root, "nia", "Nia", None, roles=["moderator"])
    create_staff(services.sessions, root, "cy", "Cy", None)
    grant_role(services.sessions, root, "cy", "moderator", queues=["civic"])
    create_staff(services.sessions, root, "aud", "Aud", None, roles=["auditor"])
    report_id = file(services, "alice", "p1")
    with pytest.raises(ForbiddenError, match=r"reports\.assign"):
        report_handling.assign(services.sessions, MIA, report_id, "nia")
    for who, message in (("cy", "cannot handle reports in queue 'default'"),
                         ("aud", "cannot handle"), ("nobody", "no staff member")):
        with pytest.raises((ModerationError, NotFoundError), match=message):
            report_handling.assign(services.sessions, LEAD, report_id, who)
    done = report_handling.assign(services.sessions, LEAD, report_id, "nia")
    assert done["claimed_by"] == "nia"


def test_reading_a_report_and_every_change_is_in_the_audit_log(services: Services) -> None:
    report_id = file(services, "alice", "p1", text="my phone number is in it")
    reports.get_report(services.sessions, LEAD, report_id)
    report_handling.claim(services.sessions, MIA, report_id)
    report_handling.release(services.sessions, MIA, report_id)
    report_handling.claim(services.sessions, MIA, report_id)
    report_decisions.dismiss(services, MIA, report_id, "fine")
    assert audit_actions(services, report_id) == [
        "report.file", "read.report", "report.claim", "report.release", "report.claim",
        "report.dismiss"]
    with services.sessions() as session:
        filed = session.scalar(select(AuditEvent.after).where(
            AuditEvent.action == "report.file"))
    assert filed is not None and "phone" not in str(filed) and filed["text_length"] == 24


def test_a_reversed_action_is_told_to_its_reporters(services: Services) -> None:
    report_id = file(services, "alice", "p1")
    report_handling.claim(services.sessions, MIA, report_id)
    decision = report_decisions.resolve_with_action(services, MIA, report_id,
                                                    {"kind": "remove_post"})
    assert decision.action is not None
    with unit_of_work(services.sessions) as session:
        action = enforcement_repo.get_action(session, decision.action["id"])
        assert action is not None
        enforcement_repo.reverse_action(session, action, "appeals", T0)
        assert tell_reporters_of_reversal(session, action.id, T0) == [report_id]
    assert [n["kind"] for n in notices_to(services, "alice")] == [
        "report_outcome", "report_reversed"]
    assert reporters.reports_of(services.sessions, PLATFORM, "alice")[0]["status"] == \
        "action_reversed"


def test_queue_administration_keeps_what_reports_rely_on(services: Services) -> None:
    queues.create_queue(services.sessions, POLICY, "spam", "Spam and scams", 600)
    with pytest.raises(ConflictError, match="already exists"):
        queues.create_queue(services.sessions, POLICY, "spam")
    with pytest.raises(ModerationError, match="queue name"):
        queues.create_queue(services.sessions, POLICY, "Bad Name")
    with pytest.raises(ForbiddenError, match=r"queues\.admin"):
        queues.create_queue(services.sessions, MIA, "mine")
    rule = queues.add_rule(services.sessions, POLICY, {"queue": "spam",
                                                       "match": {"reasons": ["spam"]}})
    with pytest.raises(ConflictError, match="routing rules send reports"):
        queues.delete_queue(services.sessions, POLICY, "spam")
    with pytest.raises(ConflictError, match="default queue cannot be deleted"):
        queues.delete_queue(services.sessions, POLICY, "default")
    before = queues.list_rules(services.sessions, POLICY)
    with pytest.raises(NotFoundError, match="no queue named 'ghost'"):
        queues.replace_rules(services.sessions, POLICY, [{"queue": "spam"}, {"queue": "ghost"}])
    with pytest.raises(ModerationError, match="rule 2"):
        queues.replace_rules(services.sessions, POLICY, [{"queue": "spam"}, {"queue": 7}])
    assert queues.list_rules(services.sessions, POLICY) == before  # nothing half-replaced
    report_id = file(services, "alice", "p1")
    claimed = report_handling.claim(services.sessions, MIA, report_id)
    assert claimed["claim_expires_at"] - claimed["created_at"] <= timedelta(seconds=601)
    queues.remove_rule(services.sessions, POLICY, rule["id"])
    with pytest.raises(ConflictError, match="holds reports"):
        queues.delete_queue(services.sessions, POLICY, "spam")
    counts = {q["name"]: (q["open"], q["claimed"])
              for q in queues.list_queues(services.sessions, MIA)}
    assert counts == {"default": (0, 0), "spam": (1, 1)}

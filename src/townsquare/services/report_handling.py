"""Working a report: claiming it (with a lock that lapses after the queue's timeout),
claiming the next one of a queue, releasing, assigning to someone, escalating to another
queue.

A claim is one conditional UPDATE, the first statement of its transaction (on SQLite it
takes the write lock on a fresh snapshot, on PostgreSQL the row lock), so of two people
claiming the same report exactly one wins.
"""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import and_, or_, select
from sqlalchemy.orm import Session, sessionmaker

from townsquare.moderation.model import ModerationError
from townsquare.moderation.report_routing import route
from townsquare.moderation.reports import ReportStatus
from townsquare.services import audit
from townsquare.services.authz import staff_actor
from townsquare.services.errors import ConflictError, NotFoundError
from townsquare.services.queues import get_queue, load_rules
from townsquare.services.report_outcomes import settle_pending
from townsquare.services.report_records import (
    add_event,
    audit_safe,
    check_handles,
    check_note,
    check_undecided,
    check_works,
    claim_conflict,
    claim_of,
    claimable,
    facts_of,
    load,
    muted_now,
    summary,
    take,
    work_guard,
)
from townsquare.staff.actor import Actor
from townsquare.staff.permissions import Permission as P
from townsquare.store.db import unit_of_work
from townsquare.store.report_tables import Report
from townsquare.store.staff_tables import StaffMember
from townsquare.store.tables import utcnow


def claim(sessions: sessionmaker[Session], actor: Actor, report_id: int,
          now: datetime | None = None) -> dict[str, Any]:
    """Claim (or renew one's claim on) an open report for the queue's claim timeout;
    ConflictError naming the holder when someone else's claim is live."""
    now = now or utcnow()
    settle_pending(sessions, now)
    with sessions() as session:
        row = load(session, report_id)
        check_handles(actor, row)
        check_undecided(row)
        timeout = timedelta(seconds=get_queue(session, row.queue).claim_timeout_seconds)
        before = {"claimed_by": row.claimed_by, "claim_expires_at": row.claim_expires_at}
    with unit_of_work(sessions) as session:
        won = take(session, report_id,
                    and_(Report.status == ReportStatus.OPEN, claimable(actor.name, now)),
                    claimed_by=actor.name, claimed_at=now, claim_expires_at=now + timeout)
        if not won:
            raise claim_conflict(session, report_id, now)
        row = load(session, report_id)
        add_event(session, row, "claimed", actor, now, until=row.claim_expires_at)
        audit.record(session, actor, "report.claim", "report", report_id,
                     before=audit_safe(before), after={"claimed_by": actor.name,
                                                      "claim_expires_at": row.claim_expires_at})
        return summary(row, now)


def claim_next(sessions: sessionmaker[Session], actor: Actor, queue: str,
               now: datetime | None = None) -> dict[str, Any]:
    """Claim the most urgent unclaimed report of ``queue`` (the order of list_reports);
    NotFoundError when none is waiting."""
    actor.check(P.REPORTS_HANDLE, queue=queue)
    now = now or utcnow()
    settle_pending(sessions, now)
    scope = actor.scope_of(P.REPORTS_HANDLE, "policies")
    stmt = (select(Report.id).where(
        Report.queue == queue, Report.status == ReportStatus.OPEN,
        or_(Report.claimed_by.is_(None), Report.claim_expires_at <= now))
        .order_by(muted_now(), Report.priority.desc(), Report.created_at, Report.id).limit(20))
    if scope is not None:
        stmt = stmt.where(Report.policy.in_(sorted(scope)))
    with sessions() as session:
        get_queue(session, queue)
        candidates = list(session.scalars(stmt))
    for report_id in candidates:  # someone may take each first: try the next one
        try:
            return claim(sessions, actor, report_id, now)
        except ConflictError:
            continue
    raise NotFoundError(f"no unclaimed open report in queue {queue!r}")


def release(sessions: sessionmaker[Session], actor: Actor, report_id: int,
            now: datetime | None = None) -> dict[str, Any]:
    """Give up a claim (one's own, or anyone's with reports.assign); a report nobody holds
    is left as it is."""
    now = now or utcnow()
    with unit_of_work(sessions) as session:
        row = load(session, report_id)
        check_handles(actor, row)
        check_undecided(row)
        if not claim_of(row).live(now):
            return summary(row, now)  # nothing to give up: nothing changes, nothing recorded
        check_works(actor, row, now, "release")
        holder = row.claimed_by
        row.claimed_by = row.claimed_at = row.claim_expires_at = None
        add_event(session, row, "released", actor, now, holder=holder)
        audit.record(session, actor, "report.release", "report", report_id,
                     before={"claimed_by": holder}, after={"claimed_by": None})
        return summary(row, now)


def assign(sessions: sessionmaker[Session], actor: Actor, report_id: int, username: str,
           now: datetime | None = None) -> dict[str, Any]:
    """Claim a report for staff member ``username``, who must be able to handle it (their
    claim lapses after the queue's timeout like any other)."""
    now = now or utcnow()
    with sessions() as session:
        row = load(session, report_id)
        check_handles(actor, row, P.REPORTS_ASSIGN)
        check_undecided(row)
        member = session.scalar(select(StaffMember).where(StaffMember.username == username))
        if member is None:
            raise NotFoundError(f"no staff member named {username!r}")
        if member.disabled_at is not None:
            raise ModerationError(f"staff member {username!r} is disabled")
        if not staff_actor(session, member, now).may(P.REPORTS_HANDLE, queue=row.queue,
                                                     policy=row.policy):
            raise ModerationError(f"{username!r} cannot handle reports in queue {row.queue!r} "
                                  f"under policy {row.policy!r}")
        timeout = timedelta(seconds=get_queue(session, row.queue).claim_timeout_seconds)
        before = {"claimed_by": row.claimed_by if claim_of(row).live(now) else None}
    with unit_of_work(sessions) as session:
        if not take(session, report_id, Report.status == ReportStatus.OPEN,
                     claimed_by=username, claimed_at=now, claim_expires_at=now + timeout):
            raise claim_conflict(session, report_id, now)
        row = load(session, report_id)
        add_event(session, row, "assigned", actor, now, to=username, until=now + timeout)
        audit.record(session, actor, "report.assign", "report", report_id, before=before,
                     after={"claimed_by": username, "claim_expires_at": now + timeout})
        return summary(row, now)


def escalate(sessions: sessionmaker[Session], actor: Actor, report_id: int, note: str,
             queue: str | None = None, now: datetime | None = None) -> dict[str, Any]:
    """Move a report to ``queue``, or where the routing rules send escalated reports, with
    a note; it arrives unclaimed. ModerationError when no rule sends it anywhere else."""
    now = now or utcnow()
    note = check_note(note)
    with sessions() as session:
        row = load(session, report_id)
        check_undecided(row)
        check_works(actor, row, now, "escalate")
        guard = work_guard(actor, row, now)
        origin, rule_id, priority = row.queue, None, row.priority
        if queue is not None:
            get_queue(session, queue)
            if queue == origin:
                raise ModerationError(f"report #{report_id} is already in queue {queue!r}")
            target = queue
        else:
            rules = load_rules(session)
            facts = facts_of(session, row.reporter_id, row.subject_type, row.subject_id,
                             row.account_id, row.policy, row.reason, row.text, escalated=True)
            routed = route([rule for _, rule in rules], facts, avoid=origin)
            if routed is None:
                raise ModerationError("no routing rule sends this escalated report to another "
                                      "queue; name the queue")
            target, priority = routed.queue, max(priority, routed.priority)
            rule_id = None if routed.rule is None else rules[routed.rule][0]
    with unit_of_work(sessions) as session:
        moved = take(session, report_id,
                      and_(Report.status == ReportStatus.OPEN, Report.queue == origin, guard),
                      queue=target, priority=priority, escalations=Report.escalations + 1,
                      claimed_by=None, claimed_at=None, claim_expires_at=None)
        if not moved:
            raise ConflictError(f"report #{report_id} changed meanwhile; look again")
        row = load(session, report_id)
        add_event(session, row, "escalated", actor, now, origin=origin, to=target,
                  rule=rule_id, note=note)
        audit.record(session, actor, "report.escalate", "report", report_id,
                     before={"queue": origin}, after={"queue": target, "rule": rule_id,
                                                     "priority": priority, "note": note})
        return summary(row, now)

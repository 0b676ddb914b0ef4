"""Reporters: what an account sees of its own reports, and muting bad-faith reporters.

A muted reporter's reports are still accepted and answered exactly like anyone else's —
nothing tells them they are muted — but every queue lists them after all other reports,
so they are worked only when nothing else waits. Unmuting restores their order at once.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from townsquare.moderation.reports import ReportStatus
from townsquare.services import audit
from townsquare.services.errors import ConflictError, NotFoundError
from townsquare.services.report_outcomes import settle_pending
from townsquare.services.report_records import check_note, reporter_record
from townsquare.staff.actor import Actor
from townsquare.staff.permissions import Permission as P
from townsquare.store import moderation as content_repo
from townsquare.store.db import unit_of_work
from townsquare.store.moderation_tables import EnforcementAction
from townsquare.store.report_tables import Report, ReporterMute
from townsquare.store.tables import utcnow

MAX_REPORTS = 500


def _account(session: Session, account_id: str) -> None:
    if content_repo.get_account(session, account_id) is None:
        raise NotFoundError(f"no account with id {account_id!r}")


def reports_of(sessions: sessionmaker[Session], actor: Actor, account_id: str,
               now: datetime | None = None) -> list[dict[str, Any]]:
    """The account's own reports, newest first, each with the outcome it was told
    (received, action_taken, no_violation, action_reversed). Recorded as a read."""
    actor.check(P.STATUS_READ)
    settle_pending(sessions, now)
    with unit_of_work(sessions) as session:
        _account(session, account_id)
        rows = session.execute(
            select(Report, EnforcementAction.reversed_at)
            .outerjoin(EnforcementAction, EnforcementAction.id == Report.action_id)
            .where(Report.reporter_id == account_id)
            .order_by(Report.created_at.desc(), Report.id.desc()).limit(MAX_REPORTS)
        ).all()
        audit.record(session, actor, "read.reports_of_reporter", "account", account_id,
                     after={"returned": len(rows)})
        return [reporter_record(row, reversed_at is not None) for row, reversed_at in rows]


def _mute_record(row: ReporterMute) -> dict[str, Any]:
    return {"account_id": row.account_id, "reason": row.reason, "muted_by": row.muted_by,
            "muted_at": row.muted_at, "lifted_by": row.lifted_by, "lifted_at": row.lifted_at,
            "lift_reason": row.lift_reason}


def _active(session: Session, account_id: str) -> ReporterMute | None:
    return session.scalar(select(ReporterMute).where(
        ReporterMute.account_id == account_id, ReporterMute.lifted_at.is_(None)))


def mute(sessions: sessionmaker[Session], actor: Actor, account_id: str, reason: str,
         now: datetime | None = None) -> dict[str, Any]:
    """Mute a reporter for bad-faith reports (their reports go to the back of every queue)."""
    actor.check(P.REPORTS_ASSIGN)
    reason = check_note(reason, "reason")
    now = now or utcnow()
    with unit_of_work(sessions) as session:
        _account(session, account_id)
        if _active(session, account_id) is not None:
            raise ConflictError(f"reporter {account_id!r} is already muted")
        row = ReporterMute(account_id=account_id, reason=reason, muted_by=actor.name,
                           muted_at=now)
        session.add(row)
        session.flush()
        record = _mute_record(row)
        audit.record(session, actor, "reporter.mute", "account", account_id, after=record)
        return record


def unmute(sessions: sessionmaker[Session], actor: Actor, account_id: str, reason: str,
           now: datetime | None = None) -> dict[str, Any]:
    actor.check(P.REPORTS_ASSIGN)
    reason = check_note(reason, "reason")
    now = now or utcnow()
    with unit_of_work(sessions) as session:
        _account(session, account_id)
        row = _active(session, account_id)
        if row is None:
            raise ConflictError(f"reporter {account_id!r} is not muted")
        row.lifted_by, row.lifted_at, row.lift_reason = actor.name, now, reason
        record = _mute_record(row)
        audit.record(session, actor, "reporter.unmute", "account", account_id, after=record)
        return record


def muted_reporters(sessions: sessionmaker[Session], actor: Actor) -> list[dict[str, Any]]:
    """Reporters muted now, with why and by whom, and how many of their reports wait;
    recorded as a read (it names accounts)."""
    actor.check(P.REPORTS_ASSIGN)
    with unit_of_work(sessions) as session:
        rows = session.scalars(select(ReporterMute).where(ReporterMute.lifted_at.is_(None))
                               .order_by(ReporterMute.muted_at)).all()
        waiting: dict[str, int] = {}
        for account_id in session.scalars(select(Report.reporter_id).where(
                Report.status == ReportStatus.OPEN,
                Report.reporter_id.in_([r.account_id for r in rows]))):
            waiting[account_id] = waiting.get(account_id, 0) + 1
        audit.record(session, actor, "read.muted_reporters", "reporter_mutes", "*",
                     after={"returned": len(rows)})
        return [{**_mute_record(r), "open_reports": waiting.get(r.account_id, 0)}
                for r in rows]

"""What the report use cases share: loading a report, its claim, its history events,
the checks of who may work it, how staff and reporters see it, and what routing knows."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import ColumnElement, exists, func, or_, select, true, update
from sqlalchemy.orm import Session

from townsquare.moderation.model import ModerationError, SubjectType
from townsquare.moderation.report_claims import Claim, may_work
from townsquare.moderation.report_routing import ReportFacts
from townsquare.moderation.reports import (
    MAX_NOTE,
    ReporterTrust,
    ReportStatus,
    reporter_view,
    trust_level,
)
from townsquare.services.errors import ConflictError, ForbiddenError, NotFoundError
from townsquare.staff.actor import Actor
from townsquare.staff.permissions import Permission as P
from townsquare.store import moderation as content_repo
from townsquare.store.report_tables import Report, ReporterMute, ReportEvent


def load(session: Session, report_id: int) -> Report:
    row = session.get(Report, report_id)
    if row is None:
        raise NotFoundError(f"no report #{report_id}")
    return row


def claim_of(row: Report) -> Claim:
    return Claim(row.claimed_by, row.claim_expires_at)


def add_event(session: Session, row: Report, kind: str, actor: Actor | str,
              now: datetime, **detail: Any) -> None:
    name = actor.name if isinstance(actor, Actor) else actor
    session.add(ReportEvent(report_id=row.id, kind=kind, actor=name, at=now,
                            detail=audit_safe(detail)))


def audit_safe(detail: dict[str, Any]) -> dict[str, Any]:
    return {k: v.isoformat() if isinstance(v, datetime) else v for k, v in detail.items()}


def check_handles(actor: Actor, row: Report, permission: P = P.REPORTS_HANDLE) -> None:
    """Forbidden unless the actor holds ``permission`` for the report's queue and policy."""
    if actor.may(permission, queue=row.queue, policy=row.policy):
        return
    actor.check(permission, queue=row.queue)  # the refusal names what is missing
    actor.check(permission, policy=row.policy)
    raise ForbiddenError(f"{actor.name!r} holds {permission.value!r} for queue {row.queue!r} "
                         f"and for policy {row.policy!r}, but not for both at once")


def check_works(actor: Actor, row: Report, now: datetime, what: str) -> None:
    """Forbidden when someone else holds the report's claim, unless the actor may assign
    reports in its queue."""
    check_handles(actor, row)
    if not may_work(claim_of(row), actor.name, is_assigner(actor, row), now):
        until = row.claim_expires_at.isoformat() if row.claim_expires_at else "?"
        raise ForbiddenError(f"cannot {what} report #{row.id}: {row.claimed_by!r} holds its "
                             f"claim until {until}; ask them, or someone with 'reports.assign'")


def is_assigner(actor: Actor, row: Report) -> bool:
    return actor.may(P.REPORTS_ASSIGN, queue=row.queue, policy=row.policy)


def work_guard(actor: Actor, row: Report, now: datetime) -> ColumnElement[bool]:
    """The condition under which ``actor`` still may work ``row`` when an UPDATE runs."""
    return true() if is_assigner(actor, row) else claimable(actor.name, now)


def check_undecided(row: Report) -> None:
    if row.status != ReportStatus.OPEN:
        raise ConflictError(f"report #{row.id} is {row.status.replace('_', ' ')}, not open")


def check_note(note: str, what: str = "note") -> str:
    if not note.strip():
        raise ModerationError(f"{what}: say why")
    if len(note) > MAX_NOTE:
        raise ModerationError(f"{what}: at most {MAX_NOTE} characters")
    return note.strip()


def muted_now() -> ColumnElement[bool]:
    """Whether a report's reporter is muted right now (a correlated EXISTS)."""
    return exists().where(ReporterMute.account_id == Report.reporter_id,
                          ReporterMute.lifted_at.is_(None))


def trust_of(session: Session, reporter_id: str) -> ReporterTrust:
    counts = dict(session.execute(
        select(Report.status, func.count()).where(
            Report.reporter_id == reporter_id,
            Report.status.in_([ReportStatus.ACTIONED, ReportStatus.DISMISSED]),
        ).group_by(Report.status)
    ).all())
    return trust_level(counts.get(ReportStatus.ACTIONED, 0),
                       counts.get(ReportStatus.DISMISSED, 0))


def summary(row: Report, now: datetime, muted: bool = False) -> dict[str, Any]:
    """A report as staff see it in lists: no text, no reporter."""
    claim = claim_of(row)
    return {
        "id": row.id, "queue": row.queue, "status": row.status, "priority": row.priority,
        "reason": row.reason, "policy": row.policy, "subject_type": row.subject_type,
        "subject_id": row.subject_id, "account_id": row.account_id,
        "claimed_by": claim.holder if claim.live(now) else None,
        "claim_expires_at": row.claim_expires_at if claim.live(now) else None,
        "escalations": row.escalations, "deprioritised": muted,
        "action_id": row.action_id, "approval_request_id": row.approval_request_id,
        "decided_with": row.decided_with, "resolved_by": row.resolved_by,
        "resolved_at": row.resolved_at, "created_at": row.created_at,
    }


def facts_of(session: Session, reporter_id: str, subject_type: str, subject_id: str,
             owner: str, policy: str, reason: str, text: str, escalated: bool = False
             ) -> ReportFacts:
    """What routing looks at, for a report as filed (or escalated)."""
    account = content_repo.get_account(session, owner)
    post = content_repo.get_post(session, subject_id) if subject_type == SubjectType.POST else None
    return ReportFacts(
        policy=policy, reason=reason, subject_type=subject_type,
        reporter_trust=trust_of(session, reporter_id).value,
        high_profile=bool(account and account.high_profile),
        text=f"{text}\n{post.text if post else ''}", escalated=escalated,
    )


def reporter_record(row: Report, action_reversed: bool = False) -> dict[str, Any]:
    """A report as its reporter sees it: what they filed and its outcome, nothing more."""
    return {"id": row.id, "reporter_id": row.reporter_id, "subject_type": row.subject_type,
            "subject_id": row.subject_id, "reason": row.reason, "policy": row.policy,
            "status": reporter_view(row.status, action_reversed).value,
            "created_at": row.created_at, "decided_at": row.resolved_at}


def claimable(name: str, now: datetime) -> ColumnElement[bool]:
    return or_(Report.claimed_by.is_(None), Report.claim_expires_at <= now,
               Report.claimed_by == name)


def take(session: Session, row_id: int, condition: ColumnElement[bool], **values: Any) -> bool:
    """One conditional UPDATE of report ``row_id``; whether it matched."""
    done = session.execute(update(Report).where(Report.id == row_id, condition).values(**values))
    return bool(done.rowcount == 1)  # type: ignore[attr-defined]


def claim_conflict(session: Session, report_id: int, now: datetime) -> ConflictError:
    """Why a conditional UPDATE on an open report matched nothing, read after it."""
    row = load(session, report_id)
    if row.status != ReportStatus.OPEN:
        return ConflictError(f"report #{report_id} is {row.status.replace('_', ' ')}, not open")
    claim = claim_of(row)
    if not claim.live(now):
        return ConflictError(f"the claim on report #{report_id} lapsed; claim it again")
    until = row.claim_expires_at.isoformat() if row.claim_expires_at else "?"
    return ConflictError(f"report #{report_id} is claimed by {claim.holder!r} until {until}")

"""Recording what became of a report, in the caller's transaction: its status and action,
the reporter's notice, the other open reports on the same subject and policy it closes,
and reports whose action was waiting for a second person (settled once that person
decided). ``tell_reporters_of_reversal`` is for whoever undoes an action (an appeal)."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from townsquare.moderation.report_notices import statement_for_reporter
from townsquare.moderation.reports import ReporterView, ReportStatus
from townsquare.services import approvals, audit
from townsquare.services.approvals import describe as describe_approval
from townsquare.services.context import Services
from townsquare.services.report_records import add_event, take
from townsquare.staff.actor import Actor
from townsquare.store import enforcement as enforcement_repo
from townsquare.store.db import unit_of_work
from townsquare.store.report_tables import Report
from townsquare.store.staff_tables import ApprovalRequest
from townsquare.store.tables import utcnow

# An approval request in one of these states will never apply: its report goes back to work.
APPROVAL_DEAD = frozenset({"rejected", "cancelled", "expired", "failed"})


def tell_reporter(session: Session, row: Report, outcome: ReporterView, now: datetime) -> None:
    notice = statement_for_reporter(row.id, row.reporter_id, row.subject_type, row.subject_id,
                                    row.policy, row.created_at, outcome)
    enforcement_repo.add_notice(session, notice, created_at=now)


def decide(
    session: Session, row: Report, status: ReportStatus, by: Actor | str, now: datetime, *,
    note: str | None, action_id: int | None = None, close_related: bool = False,
) -> list[int]:
    """Record ``row`` (already taken out of the open state) as actioned or dismissed, tell
    its reporter, and with ``close_related`` decide the same way every other open report on
    its subject under its policy; the ids of those."""
    name = by.name if isinstance(by, Actor) else by
    outcome = (ReporterView.ACTION_TAKEN if status is ReportStatus.ACTIONED
               else ReporterView.NO_VIOLATION)
    fields: dict[str, Any] = {
        "status": status.value, "action_id": action_id, "resolution_note": note,
        "resolved_by": name, "resolved_at": now, "dedupe_key": None, "claimed_by": None,
        "claimed_at": None, "claim_expires_at": None,
    }
    for key, value in fields.items():
        setattr(row, key, value)
    tell_reporter(session, row, outcome, now)
    add_event(session, row, status.value, by, now, action_id=action_id, note=note)
    related: list[int] = []
    if close_related:
        others = session.scalars(select(Report.id).where(
            Report.subject_type == row.subject_type, Report.subject_id == row.subject_id,
            Report.policy == row.policy, Report.status == ReportStatus.OPEN,
            Report.id != row.id,
        ).order_by(Report.id)).all()
        for other_id in others:  # each only if still open: someone may be deciding it now
            if take(session, other_id, Report.status == ReportStatus.OPEN,
                    **{**fields, "decided_with": row.id}):
                other = _fresh(session, other_id)
                tell_reporter(session, other, outcome, now)
                add_event(session, other, status.value, by, now, action_id=action_id,
                          decided_with=row.id)
                audit.record(session, by, f"report.{_verb(status)}", "report", other_id,
                             after={"decided_with": row.id, "action_id": action_id})
                related.append(other_id)
    audit.record(session, by, f"report.{_verb(status)}", "report", row.id, after={
        "action_id": action_id, "note": note, "closed_related": related,
    })
    return related


def _verb(status: ReportStatus) -> str:
    return "action" if status is ReportStatus.ACTIONED else "dismiss"


def settle_pending(sessions: sessionmaker[Session], now: datetime | None = None) -> list[int]:
    """Settle reports whose action waited for a second person: actioned once the approval
    applied, back to open (unclaimed) once it was rejected, cancelled, expired or failed.
    The ids of the reports settled."""
    now = now or utcnow()
    with sessions() as session:
        waiting = session.execute(
            select(Report.id, Report.approval_request_id)
            .where(Report.status == ReportStatus.PENDING_APPROVAL).order_by(Report.id)
        ).all()
    settled = []
    for report_id, request_id in waiting:
        with unit_of_work(sessions) as session:
            if _settle(session, report_id, request_id, now):
                settled.append(report_id)
    return settled


def _settle(session: Session, report_id: int, request_id: int | None, now: datetime) -> bool:
    request = session.get(ApprovalRequest, request_id) if request_id else None
    state = describe_approval(request, now)["status"] if request else "failed"
    if state != "applied" and state not in APPROVAL_DEAD:
        return False  # still waiting (or being applied right now)
    pending = Report.status == ReportStatus.PENDING_APPROVAL
    if state == "applied" and request is not None:
        if not take(session, report_id, pending, status=ReportStatus.ACTIONED.value):
            return False  # settled meanwhile by another reader
        row = _fresh(session, report_id)
        decide(session, row, ReportStatus.ACTIONED, request.decided_by or "system", now,
               note=row.resolution_note, action_id=(request.result or {}).get("id"),
               close_related=row.closes_related)
        return True
    if not take(session, report_id, pending, status=ReportStatus.OPEN.value, claimed_by=None,
                claimed_at=None, claim_expires_at=None):
        return False
    row = _fresh(session, report_id)
    add_event(session, row, "reopened", "system", now, approval_request_id=request_id,
              approval=state)
    audit.record(session, "system", "report.reopen", "report", report_id,
                 after={"approval_request_id": request_id, "approval": state})
    return True


def _fresh(session: Session, report_id: int) -> Report:
    row = session.get(Report, report_id)
    assert row is not None
    session.refresh(row)  # the conditional UPDATE changed it behind the identity map
    return row


def tell_reporters_of_reversal(session: Session, action_id: int, now: datetime) -> list[int]:
    """In the transaction that reverses action ``action_id`` (an upheld appeal): tell every
    reporter whose report led to it that it was reversed; the ids of those reports."""
    rows = session.scalars(select(Report).where(
        Report.action_id == action_id, Report.status == ReportStatus.ACTIONED
    ).order_by(Report.id)).all()
    for row in rows:
        tell_reporter(session, row, ReporterView.ACTION_REVERSED, now)
        add_event(session, row, "action_reversed", "system", now, action_id=action_id)
    return [row.id for row in rows]


def _on_approval_settled(services: Services) -> None:
    settle_pending(services.sessions)


approvals.when_settled(_on_approval_settled)

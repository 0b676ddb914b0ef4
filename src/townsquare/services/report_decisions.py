"""Deciding a report: resolving it with an enforcement action on its subject (or the
subject's author) under its policy, or dismissing it with a reason. Nobody decides
a report someone else holds a live claim on, except someone who may assign reports in its
queue; deciding an unclaimed report takes it in the same step.

An action goes through :func:`sensitive_actions.submit_action`, so one that needs a second
person (a high-profile account, a permanent suspension) leaves the report
``pending_approval`` until that person decides (see :mod:`report_outcomes`).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any, Literal

from sqlalchemy import and_

from townsquare.moderation.model import ModerationError
from townsquare.moderation.reports import ReportStatus
from townsquare.services import audit
from townsquare.services.context import Services
from townsquare.services.enforcement import request_from
from townsquare.services.report_outcomes import decide
from townsquare.services.report_records import (
    add_event,
    check_note,
    check_undecided,
    check_works,
    claim_conflict,
    load,
    summary,
    take,
    work_guard,
)
from townsquare.services.sensitive_actions import submit_action
from townsquare.staff.actor import Actor
from townsquare.staff.permissions import Permission as P
from townsquare.store.db import unit_of_work
from townsquare.store.report_tables import Report
from townsquare.store.tables import utcnow

ACTION_FIELDS = frozenset({"kind", "duration_seconds", "note", "label", "url_or_domain"})


@dataclass(frozen=True)
class Decision:
    status: Literal["applied", "pending"]
    report: dict[str, Any]
    action: dict[str, Any] | None = None
    approval_request: dict[str, Any] | None = None
    closed_related: tuple[int, ...] = ()

    def as_dict(self) -> dict[str, Any]:
        return {"status": self.status, "report": self.report, "action": self.action,
                "approval_request": self.approval_request,
                "closed_related": list(self.closed_related)}


def resolve_with_action(
    services: Services, actor: Actor, report_id: int, action: dict[str, Any], *,
    target: Literal["subject", "author"] = "subject", close_related: bool = True,
    now: datetime | None = None,
) -> Decision:
    """Take ``action`` (kind, duration_seconds, note, label, url_or_domain) on the report's
    subject, or on the subject's author, under the report's policy, and link it to the
    report; with ``close_related`` the other open reports on the subject and policy close
    with it. Pending when the action needs a second person's approval."""
    now = now or utcnow()
    unknown = sorted(set(action) - ACTION_FIELDS)
    if unknown:
        raise ModerationError(f"action: unknown field(s) {', '.join(unknown)}")
    if not action.get("kind"):
        raise ModerationError("action: name its kind")
    with services.sessions() as session:
        row = load(session, report_id)
        check_undecided(row)
        check_works(actor, row, now, "resolve")
        subject = ((row.subject_type, row.subject_id) if target == "subject"
                   else ("account", row.account_id))
        payload = {**action, "subject_type": subject[0], "subject_id": subject[1],
                   "policy": row.policy}
        guard = work_guard(actor, row, now)
    request_from(payload)  # invalid actions are refused before the report is touched
    actor.check(P.ACTIONS_WRITE, policy=payload["policy"])
    with unit_of_work(services.sessions) as session:  # nobody else decides it meanwhile
        if not take(session, report_id, and_(Report.status == ReportStatus.OPEN, guard),
                    status=ReportStatus.ACTIONING.value):
            raise claim_conflict(session, report_id, now)
    try:
        outcome = submit_action(services, actor, payload)
    except BaseException:
        with unit_of_work(services.sessions) as session:
            take(session, report_id, Report.status == ReportStatus.ACTIONING,
                 status=ReportStatus.OPEN.value)
        raise
    note = str(action.get("note") or "") or None
    with unit_of_work(services.sessions) as session:
        row = load(session, report_id)
        if outcome.status == "pending":
            request = outcome.request or {}
            row.status = ReportStatus.PENDING_APPROVAL.value
            row.approval_request_id = request.get("id")
            row.resolution_note, row.closes_related = note, close_related
            add_event(session, row, "pending_approval", actor, now,
                      approval_request_id=row.approval_request_id, action=payload)
            audit.record(session, actor, "report.action_requested", "report", report_id,
                         after={"approval_request_id": row.approval_request_id,
                                "action": payload, "close_related": close_related})
            return Decision("pending", summary(row, now), approval_request=request)
        result = outcome.result or {}
        related = decide(session, row, ReportStatus.ACTIONED, actor, now, note=note,
                         action_id=result.get("id"), close_related=close_related)
        return Decision("applied", summary(row, now), action=result,
                        closed_related=tuple(related))


def dismiss(services: Services, actor: Actor, report_id: int, reason: str, *,
            close_related: bool = True, now: datetime | None = None) -> Decision:
    """Close the report without action (the reporter is told no violation was found); with
    ``close_related`` the other open reports on its subject and policy close with it."""
    now = now or utcnow()
    reason = check_note(reason, "reason")
    with services.sessions() as session:
        row = load(session, report_id)
        check_undecided(row)
        check_works(actor, row, now, "dismiss")
        guard = work_guard(actor, row, now)
    with unit_of_work(services.sessions) as session:
        if not take(session, report_id, and_(Report.status == ReportStatus.OPEN, guard),
                    status=ReportStatus.DISMISSED.value):
            raise claim_conflict(session, report_id, now)
        row = load(session, report_id)
        related = decide(session, row, ReportStatus.DISMISSED, actor, now, note=reason,
                         close_related=close_related)
        return Decision("applied", summary(row, now), closed_related=tuple(related))

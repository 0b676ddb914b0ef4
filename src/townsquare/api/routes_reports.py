"""Reports, queues, routing rules and reporters under /api/v1: thin — parse, call one
service, answer."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Body, Depends, Query, Response

from townsquare.api.auth import require, runtime
from townsquare.api.runtime import Runtime
from townsquare.api.schemas_reports import (
    AssignIn,
    DismissIn,
    EscalateIn,
    MuteIn,
    QueueChangeIn,
    QueueIn,
    ReportIn,
    ResolveIn,
    RuleIn,
)
from townsquare.moderation.model import SubjectType
from townsquare.moderation.reports import NewReport, ReportReason
from townsquare.services import queues, report_decisions, report_handling, reporters, reports
from townsquare.staff.actor import Actor
from townsquare.staff.permissions import Permission as P

router = APIRouter(prefix="/api/v1")
Rt = Annotated[Runtime, Depends(runtime)]
Reader = Annotated[Actor, Depends(require(P.REPORTS_READ))]
Handler = Annotated[Actor, Depends(require(P.REPORTS_HANDLE))]
Assigner = Annotated[Actor, Depends(require(P.REPORTS_ASSIGN))]
QueueAdmin = Annotated[Actor, Depends(require(P.QUEUES_ADMIN))]


# --- reports ------------------------------------------------------------------------------


@router.post("/reports", status_code=201, tags=["reports"])
def file_report(body: ReportIn, rt: Rt,
                who: Annotated[Actor, Depends(require(P.CONTENT_WRITE))]) -> dict[str, Any]:
    """A user's report (filed by the platform): routed to a queue; the answer is what the
    reporter may see. 404 unknown reporter or subject, 422 unknown reason or policy, 409
    when the reporter already has an open report on the subject."""
    new = NewReport(body.reporter_id, SubjectType(body.subject_type), body.subject_id,
                    ReportReason.parse(body.reason), body.policy, body.text)
    return reports.file_report(rt.app.sessions, rt.compiled, who, new)


@router.get("/reports", tags=["reports"])
def list_reports(
    rt: Rt, who: Reader, queue: str | None = None,
    status: str | None = Query("open", description="open, actioning, pending_approval, "
                               "actioned or dismissed; empty for all"),
    limit: int = 100,
) -> list[dict[str, Any]]:
    """Reports in the queues the caller may read, most urgent first (no text, no reporter)."""
    return reports.list_reports(rt.app.sessions, who, queue=queue, status=status or None,
                                limit=limit)


@router.get("/reports/{report_id}", tags=["reports"])
def get_report(report_id: int, rt: Rt, who: Reader) -> dict[str, Any]:
    """One report with its text, reporter and history (the read is audited)."""
    return reports.get_report(rt.app.sessions, who, report_id)


@router.post("/reports/{report_id}/claim", tags=["reports"])
def claim(report_id: int, rt: Rt, who: Handler) -> dict[str, Any]:
    """Claim for the queue's claim timeout (again: renew); 409 while someone else holds it."""
    return report_handling.claim(rt.app.sessions, who, report_id)


@router.post("/reports/{report_id}/release", tags=["reports"])
def release(report_id: int, rt: Rt, who: Handler) -> dict[str, Any]:
    return report_handling.release(rt.app.sessions, who, report_id)


@router.post("/reports/{report_id}/assign", tags=["reports"])
def assign(report_id: int, body: AssignIn, rt: Rt, who: Assigner) -> dict[str, Any]:
    """Claim the report for a staff member who can handle it."""
    return report_handling.assign(rt.app.sessions, who, report_id, body.to)


@router.post("/reports/{report_id}/escalate", tags=["reports"])
def escalate(report_id: int, body: EscalateIn, rt: Rt, who: Handler) -> dict[str, Any]:
    """To the named queue, or where the routing rules send escalated reports; unclaimed."""
    return report_handling.escalate(rt.app.sessions, who, report_id, body.note, body.queue)


@router.post("/reports/{report_id}/resolve", tags=["reports"])
def resolve(report_id: int, body: ResolveIn, rt: Rt, who: Handler,
            response: Response) -> dict[str, Any]:
    """Take an action under the report's policy and link it; 202 with the approval request
    when the action needs a second person (the report is then pending_approval)."""
    decision = report_decisions.resolve_with_action(
        rt.services, who, report_id, body.action.model_dump(exclude_none=True),
        target=body.target, close_related=body.close_related)
    if decision.status == "pending":
        response.status_code = 202
    return decision.as_dict()


@router.post("/reports/{report_id}/dismiss", tags=["reports"])
def dismiss(report_id: int, body: DismissIn, rt: Rt, who: Handler) -> dict[str, Any]:
    """No violation found: the reporter is told so."""
    return report_decisions.dismiss(rt.services, who, report_id, body.reason,
                                    close_related=body.close_related).as_dict()


@router.get("/accounts/{account_id}/reports", tags=["reports"])
def reports_of(account_id: str, rt: Rt,
               who: Annotated[Actor, Depends(require(P.STATUS_READ))]) -> list[dict[str, Any]]:
    """The account's own reports and their outcomes, as the reporter sees them."""
    return reporters.reports_of(rt.app.sessions, who, account_id)


# --- queues and routing rules -------------------------------------------------------------


@router.get("/queues", tags=["queues"])
def list_queues(rt: Rt, who: Reader) -> list[dict[str, Any]]:
    return queues.list_queues(rt.app.sessions, who)


@router.post("/queues", status_code=201, tags=["queues"])
def create_queue(body: QueueIn, rt: Rt, who: QueueAdmin) -> dict[str, Any]:
    return queues.create_queue(rt.app.sessions, who, body.name, body.description,
                               body.claim_timeout_seconds)


@router.patch("/queues/{name}", tags=["queues"])
def update_queue(name: str, body: QueueChangeIn, rt: Rt, who: QueueAdmin) -> dict[str, Any]:
    return queues.update_queue(rt.app.sessions, who, name, description=body.description,
                               claim_timeout_seconds=body.claim_timeout_seconds)


@router.delete("/queues/{name}", status_code=204, tags=["queues"])
def delete_queue(name: str, rt: Rt, who: QueueAdmin) -> Response:
    """Only a queue that never held a report and no routing rule names."""
    queues.delete_queue(rt.app.sessions, who, name)
    return Response(status_code=204)


@router.post("/queues/{name}/next", tags=["queues"])
def claim_next(name: str, rt: Rt, who: Handler) -> dict[str, Any]:
    """Claim the queue's most urgent unclaimed report; 404 when none waits."""
    return report_handling.claim_next(rt.app.sessions, who, name)


@router.get("/routing-rules", tags=["queues"])
def list_rules(rt: Rt, who: Reader) -> list[dict[str, Any]]:
    return queues.list_rules(rt.app.sessions, who)


@router.put("/routing-rules", tags=["queues"])
def replace_rules(rt: Rt, who: QueueAdmin,
                  body: Annotated[list[dict[str, Any]], Body(max_length=500)]
                  ) -> list[dict[str, Any]]:
    """Replace every rule with this ordered list (each like POST's body, without position)."""
    return queues.replace_rules(rt.app.sessions, who, body)


@router.post("/routing-rules", status_code=201, tags=["queues"])
def add_rule(body: RuleIn, rt: Rt, who: QueueAdmin) -> dict[str, Any]:
    rule = body.model_dump(exclude={"position"})
    return queues.add_rule(rt.app.sessions, who, rule, body.position)


@router.delete("/routing-rules/{rule_id}", status_code=204, tags=["queues"])
def remove_rule(rule_id: int, rt: Rt, who: QueueAdmin) -> Response:
    queues.remove_rule(rt.app.sessions, who, rule_id)
    return Response(status_code=204)


# --- reporters ----------------------------------------------------------------------------


@router.get("/reporters/muted", tags=["reports"])
def muted(rt: Rt, who: Assigner) -> list[dict[str, Any]]:
    return reporters.muted_reporters(rt.app.sessions, who)


@router.post("/reporters/{account_id}/mute", status_code=201, tags=["reports"])
def mute(account_id: str, body: MuteIn, rt: Rt, who: Assigner) -> dict[str, Any]:
    """Their reports still get answers, but wait behind everyone else's."""
    return reporters.mute(rt.app.sessions, who, account_id, body.reason)


@router.post("/reporters/{account_id}/unmute", tags=["reports"])
def unmute(account_id: str, body: MuteIn, rt: Rt, who: Assigner) -> dict[str, Any]:
    return reporters.unmute(rt.app.sessions, who, account_id, body.reason)

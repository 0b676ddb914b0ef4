"""Report handling in the console: queues with "claim next", the reports of a queue, and
the case view (the report, its subject's history, a verdict preview per surface) with the
claim / release / escalate / dismiss / resolve / label controls. Each control calls the
same use case as the API; an action that needs a second person says which request waits.

Pages answer POSTs by rendering the case again with what happened (htmx swaps only the
case's body), so every form also works as a plain POST."""

from __future__ import annotations

from datetime import timedelta
from typing import Annotated, Any, Literal, get_args

from fastapi import APIRouter, Form, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response

from townsquare.moderation.enforcement import RESERVED_LABELS
from townsquare.moderation.model import ModerationError, Surface
from townsquare.moderation.reports import ReportStatus, report_policies
from townsquare.services import case_files, queues, report_decisions, report_handling, reports
from townsquare.services.sensitive_actions import submit_label
from townsquare.staff.actor import Actor
from townsquare.staff.permissions import Permission as P
from townsquare.store.tables import utcnow
from townsquare.web.console.appeals import appeals_router
from townsquare.web.console.pages import Csrf, Viewer
from townsquare.web.console.reinstatement import reinstatement_router
from townsquare.web.console.render import add_nav, is_htmx, page
from townsquare.web.console.routing import ConsoleRoute
from townsquare.web.console.session import runtime_of

moderation_router = APIRouter(prefix="/console", include_in_schema=False,
                              route_class=ConsoleRoute)
Note = Annotated[str, Form(min_length=1, max_length=2_000)]
OptionalNote = Annotated[str, Form(max_length=2_000)]
Name = Annotated[str, Form(max_length=64)]
Seconds = Annotated[str, Form(max_length=12)]  # empty: no end
ActionKind = Literal["warn", "label", "limit_reach", "remove_post", "block_url", "read_only",
                     "suspend", "permanent_suspension"]
ACTION_KINDS = get_args(ActionKind)
DURATIONS = (("", "no end"), ("3600", "1 hour"), ("86400", "1 day"), ("604800", "7 days"),
             ("2592000", "30 days"), ("7776000", "90 days"))
# Who the verdict preview shows the subject to: "other" is an id no account has.
OTHER_VIEWER = "#console-preview"

add_nav("Queues", "/console/queues", P.REPORTS_READ)
add_nav("Appeals", "/console/appeals", P.APPEALS_DECIDE)
add_nav("Reinstatement", "/console/reinstatements", P.REINSTATEMENT_DECIDE)


# --- queues and report lists -------------------------------------------------------------


@moderation_router.get("/queues")
def queue_list(request: Request, viewer: Viewer) -> Response:
    rows = queues.list_queues(runtime_of(request).services.sessions, viewer)
    return page(request, viewer, "moderation_queues.html", title="Queues", queues=rows)


@moderation_router.post("/queues/{name}/next", dependencies=[Csrf])
def claim_next(request: Request, name: str, viewer: Viewer) -> Response:
    """Claim the queue's most urgent unclaimed report and open it."""
    claimed = report_handling.claim_next(runtime_of(request).services.sessions, viewer, name)
    return RedirectResponse(f"/console/reports/{claimed['id']}?done=claimed", status_code=303)


@moderation_router.get("/reports")
def report_list(request: Request, viewer: Viewer, queue: str | None = None,
                status: str = "open") -> Response:
    rows = reports.list_reports(runtime_of(request).services.sessions, viewer,
                                queue=queue or None, status=status or None)
    return page(request, viewer, "moderation_reports.html",
                title=f"Reports in {queue}" if queue else "Reports", reports=rows,
                queue=queue or "", report_status=status,
                statuses=[("", "any")] + [(s.value, s.value) for s in ReportStatus])


# --- the case view ------------------------------------------------------------------------


def _case(request: Request, viewer: Actor, report_id: int, *, status: int = 200,
          notice: str = "", pending: int | None = None) -> HTMLResponse:
    rt = runtime_of(request)
    case = case_files.open_case(rt.services, viewer, report_id)
    compiled = rt.compiled
    template = "moderation_case_body.html" if is_htmx(request) else "moderation_case.html"
    return page(
        request, viewer, template, status=status, title=f"Report #{report_id}", case=case,
        report=case["report"], notice=notice, pending=pending,
        preview=_preview(request, case), kinds=ACTION_KINDS, durations=DURATIONS,
        policies=sorted(report_policies(compiled.policy)),
        labels=sorted(name for name, d in compiled.policy.labels.items()
                      if name not in RESERVED_LABELS
                      and any(s.value == case["report"]["subject_type"] for s in d.subjects)),
        queue_names=[q["name"] for q in queues.list_queues(rt.services.sessions, viewer)],
        options=_options,
    )


def _options(values: Any) -> list[tuple[str, str]]:
    """Choices for a select whose values are their own labels."""
    return [(str(v), str(v)) for v in values]


def _preview(request: Request, case: dict[str, Any]) -> dict[str, Any]:
    """The verdict on the subject per surface, for a logged-out viewer, a follower of its
    author (when there is one) and anyone else."""
    report = case["report"]
    viewers: list[tuple[str, str | None]] = [("logged out", None)]
    if case["follower_id"]:
        viewers.append((f"follower ({case['follower_id']})", case["follower_id"]))
    viewers.append(("other viewer", OTHER_VIEWER))
    if report["subject_type"] == "account":
        surfaces = [Surface.PEOPLE_SEARCH.value]
    else:
        surfaces = [s.value for s in Surface if s is not Surface.PEOPLE_SEARCH]
    visibility = runtime_of(request).visibility
    rows = []
    for surface in surfaces:
        cells = []
        for _, viewer_id in viewers:
            verdict = visibility.verdicts(surface, viewer_id, [report["subject_id"]])[0]
            cells.append({"action": verdict.action,
                          "why": ", ".join(sorted({r.label for r in verdict.reasons}))})
        rows.append({"surface": surface, "cells": cells})
    return {"viewers": [name for name, _ in viewers], "rows": rows}


@moderation_router.get("/reports/{report_id}")
def report_view(request: Request, report_id: int, viewer: Viewer, done: str = "") -> Response:
    notice = {"claimed": "You hold the claim on this report."}.get(done, "")
    return _case(request, viewer, report_id, notice=notice)


@moderation_router.post("/reports/{report_id}/claim", dependencies=[Csrf])
def claim(request: Request, report_id: int, viewer: Viewer) -> Response:
    held = report_handling.claim(runtime_of(request).services.sessions, viewer, report_id)
    return _case(request, viewer, report_id,
                 notice=f"Claimed until {held['claim_expires_at']:%H:%M} UTC.")


@moderation_router.post("/reports/{report_id}/release", dependencies=[Csrf])
def release(request: Request, report_id: int, viewer: Viewer) -> Response:
    report_handling.release(runtime_of(request).services.sessions, viewer, report_id)
    return _case(request, viewer, report_id, notice="Released: back in the queue.")


@moderation_router.post("/reports/{report_id}/escalate", dependencies=[Csrf])
def escalate(request: Request, report_id: int, viewer: Viewer, note: Note,
             queue: Name = "") -> Response:
    moved = report_handling.escalate(runtime_of(request).services.sessions, viewer,
                                     report_id, note, queue or None)
    return _case(request, viewer, report_id, notice=f"Escalated to {moved['queue']}.")


@moderation_router.post("/reports/{report_id}/dismiss", dependencies=[Csrf])
def dismiss(request: Request, report_id: int, viewer: Viewer, reason: Note,
            close_related: Annotated[bool, Form()] = False) -> Response:
    decision = report_decisions.dismiss(runtime_of(request).services, viewer, report_id,
                                        reason, close_related=close_related)
    return _case(request, viewer, report_id, notice=_closed("Dismissed", decision))


@moderation_router.post("/reports/{report_id}/resolve", dependencies=[Csrf])
def resolve(
    request: Request, report_id: int, viewer: Viewer,
    kind: Annotated[ActionKind, Form()],
    note: OptionalNote = "", label: Name = "", url_or_domain: OptionalNote = "",
    duration_seconds: Seconds = "",
    target: Annotated[Literal["subject", "author"], Form()] = "subject",
    close_related: Annotated[bool, Form()] = False,
) -> Response:
    """Resolve with an action under the report's policy; 202 when a second person must
    approve it first."""
    action: dict[str, Any] = {"kind": kind, "note": note}
    if label:
        action["label"] = label
    if url_or_domain:
        action["url_or_domain"] = url_or_domain
    if seconds := _seconds(duration_seconds):
        action["duration_seconds"] = seconds
    decision = report_decisions.resolve_with_action(
        runtime_of(request).services, viewer, report_id, action, target=target,
        close_related=close_related)
    if decision.status == "pending":
        number = (decision.approval_request or {}).get("id")
        return _case(request, viewer, report_id, status=202, pending=number,
                     notice=f"Waiting for a second person (request #{number}).")
    taken = decision.action or {}
    return _case(request, viewer, report_id,
                 notice=_closed(f"Resolved with {kind} (action #{taken.get('id')})", decision))


@moderation_router.post("/reports/{report_id}/label", dependencies=[Csrf])
def add_label(
    request: Request, report_id: int, viewer: Viewer, label: Annotated[str, Form(
        min_length=1, max_length=64)], policy: Annotated[str, Form(min_length=1, max_length=64)],
    note: OptionalNote = "", duration_seconds: Seconds = "",
) -> Response:
    """Label the report's subject under a policy, for a while or until removed (the report
    stays open: resolving it is a decision of its own)."""
    if label in RESERVED_LABELS:
        raise ModerationError(f"label {label!r} is applied by the {RESERVED_LABELS[label]} "
                              "action: resolve the report with that action")
    rt = runtime_of(request)
    subject = reports.get_report(rt.services.sessions, viewer, report_id)
    payload: dict[str, Any] = {"subject_type": subject["subject_type"],
                               "subject_id": subject["subject_id"], "label": label,
                               "policy": policy, "note": note}
    if seconds := _seconds(duration_seconds):
        payload["expires_at"] = (utcnow() + timedelta(seconds=seconds)).isoformat()
    outcome = submit_label(rt.services, viewer, payload)
    if outcome.status == "pending":
        number = (outcome.request or {}).get("id")
        return _case(request, viewer, report_id, status=202, pending=number,
                     notice=f"Waiting for a second person (request #{number}).")
    return _case(request, viewer, report_id,
                 notice=f"Labelled {label} (label #{(outcome.result or {}).get('id')}).")


def _seconds(value: str) -> int | None:
    if not value.strip():
        return None
    if not value.strip().isdigit() or not 0 < int(value) <= 10 * 365 * 86_400:
        raise ModerationError("duration: a number of seconds from 1 to ten years, or none")
    return int(value)


def _closed(what: str, decision: report_decisions.Decision) -> str:
    also = decision.closed_related
    return f"{what}." + (f" Also closed: {', '.join(f'#{n}' for n in also)}." if also else "")


# Appeals and reinstatement requests: their own modules, registered with this router.
moderation_router.include_router(appeals_router)
moderation_router.include_router(reinstatement_router)

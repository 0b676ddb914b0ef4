"""Civic integrity in the console: civic events (list, set up, end) with the coverage
indicator — who counts, who a lockdown froze, who lacks what — and external requests
(register, list with the political flag, decide; political compliance and data exports
wait for a second person)."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Form, Query, Request
from fastapi.responses import HTMLResponse

from townsquare.moderation.external_requests import (
    DATA_SECTIONS,
    DECISIONS,
    KINDS,
    REQUESTER_TYPES,
    TAKEDOWN_ACTIONS,
)
from townsquare.moderation.model import ModerationError
from townsquare.services import civic
from townsquare.services import external_requests as requests
from townsquare.staff.actor import Actor
from townsquare.staff.coverage import DEFAULT_CIVIC_PERMISSIONS, DEFAULT_CIVIC_POLICY
from townsquare.staff.permissions import Permission as P
from townsquare.web.console.governance_forms import answer, optional, utc_moment
from townsquare.web.console.pages import Csrf, Viewer
from townsquare.web.console.render import add_nav
from townsquare.web.console.routing import ConsoleRoute
from townsquare.web.console.session import runtime_of

civic_router = APIRouter(route_class=ConsoleRoute)
Text = Annotated[str, Form(max_length=5_000)]
Short = Annotated[str, Form(max_length=64)]
Moment = Annotated[str, Form(max_length=40)]
STATUSES = ("open", "pending_approval", "decided")

add_nav("Civic events", "/console/civic", P.STATUS_READ)
add_nav("External requests", "/console/external", P.EXTERNAL_REQUESTS)


def whole(value: str, field: str, low: int, high: int) -> int | None:
    """An optional whole number from a form, within [low, high]."""
    if not value.strip():
        return None
    try:
        number = int(value.strip())
    except ValueError:
        raise ModerationError(f"{field}: a whole number") from None
    if not low <= number <= high:
        raise ModerationError(f"{field}: between {low} and {high}")
    return number


# --- civic events ----------------------------------------------------------------------


def _civic(request: Request, viewer: Actor, notice: str = "", warning: str = ""
           ) -> HTMLResponse:
    viewer.check(P.STATUS_READ)
    services = runtime_of(request).services
    report = civic.coverage_report(services) if viewer.may(P.CIVIC_MANAGE) else None
    return answer(request, viewer, "civic", title="Civic events", notice=notice,
                  warning=warning, events=civic.list_events(services, include_ended=True),
                  report=report, default_permissions=sorted(DEFAULT_CIVIC_PERMISSIONS),
                  default_policy=DEFAULT_CIVIC_POLICY,
                  permissions=sorted(p.value for p in P))


@civic_router.get("/civic")
def civic_page(request: Request, viewer: Viewer) -> HTMLResponse:
    return _civic(request, viewer)


@civic_router.post("/civic", dependencies=[Csrf])
def create_event(
    request: Request, viewer: Viewer, name: Annotated[str, Form(min_length=1, max_length=128)],
    starts_at: Moment, ends_at: Moment, min_staff: Short,
    policy_version: Short = "", policy_text: Annotated[str, Form(max_length=200_000)] = "",
    policy_format: Annotated[str, Form(pattern="^(yaml|toml)$")] = "yaml",
    permissions: Annotated[list[str] | None, Form(max_length=40)] = None,
    coverage_policy: Short = DEFAULT_CIVIC_POLICY,
) -> HTMLResponse:
    """An event with its stricter policy variant (a stored version or a policy file)."""
    start, end = utc_moment(starts_at, "starts_at"), utc_moment(ends_at, "ends_at")
    if start is None or end is None:
        raise ModerationError("starts_at and ends_at: both are needed")
    minimum = whole(min_staff, "min_staff", 0, civic.MAX_MIN_STAFF)
    made = civic.create_event(
        runtime_of(request).services, viewer, name=name, starts_at=start, ends_at=end,
        min_staff=0 if minimum is None else minimum,
        policy_version=whole(policy_version, "policy_version", 1, 2**31 - 1),
        policy_text=optional(policy_text), policy_format=policy_format,
        permissions=permissions or None, coverage_policy=optional(coverage_policy),
    )
    event = made["event"]
    return _civic(request, viewer, f"Civic event #{event['id']} {event['name']!r} is "
                  f"{event['status']}.", made["warning"] or "")


@civic_router.post("/civic/{event_id}/end", dependencies=[Csrf])
def end_event(request: Request, viewer: Viewer, event_id: int,
              reason: Annotated[str, Form(max_length=2_000)]) -> HTMLResponse:
    civic.end_event(runtime_of(request).services, viewer, event_id, reason)
    return _civic(request, viewer, f"Civic event #{event_id} ended; the base policy is back.")


# --- external requests -------------------------------------------------------------------


def _external(request: Request, viewer: Actor, notice: str = "", *, status: str = "",
              political: str = "", requester_type: str = "") -> HTMLResponse:
    found: list[dict[str, Any]] = requests.list_requests(
        runtime_of(request).services, viewer, status=status or None,
        political=None if not political else political == "yes",
        requester_type=requester_type or None)
    return answer(request, viewer, "external", title="External requests", notice=notice,
                  rows=found, filters={"status": status, "political": political,
                                       "requester_type": requester_type},
                  statuses=STATUSES, kinds=KINDS, requester_types=REQUESTER_TYPES,
                  actions=TAKEDOWN_ACTIONS)


@civic_router.get("/external")
def external_page(
    request: Request, viewer: Viewer,
    status: Annotated[str, Query(pattern="^(|open|pending_approval|decided)$")] = "",
    political: Annotated[str, Query(pattern="^(|yes|no)$")] = "",
    requester_type: Annotated[str, Query(max_length=32)] = "",
) -> HTMLResponse:
    return _external(request, viewer, status=status, political=political,
                     requester_type=requester_type)


@civic_router.post("/external", dependencies=[Csrf])
def register(
    request: Request, viewer: Viewer, kind: Short,
    requester_name: Annotated[str, Form(min_length=1, max_length=200)],
    requester_type: Short, country: Annotated[str, Form(max_length=2)], legal_basis: Text,
    subject_type: Short, subject_id: Annotated[str, Form(min_length=1, max_length=64)],
    requested_action: Short = "", received_at: Moment = "", details: Text = "",
) -> HTMLResponse:
    """Register a takedown or data request; political requesters come back flagged."""
    made = requests.register_request(
        runtime_of(request).services, viewer, kind=kind, requester_name=requester_name,
        requester_type=requester_type, country=country, legal_basis=legal_basis,
        subject_type=subject_type, subject_id=subject_id,
        requested_action=optional(requested_action),
        received_at=utc_moment(received_at, "received_at"), details=details)
    flag = f" Flagged political: {made['political_reason']}." if made["political"] else ""
    return _external(request, viewer, f"External request #{made['id']} registered.{flag}")


def _one(request: Request, viewer: Actor, request_id: int, notice: str = "") -> HTMLResponse:
    found = requests.get_request(runtime_of(request).services, viewer, request_id)
    return answer(request, viewer, "request", title=f"External request #{request_id}",
                  notice=notice, r=found, decisions=DECISIONS, actions=TAKEDOWN_ACTIONS,
                  sections=DATA_SECTIONS)


@civic_router.get("/external/{request_id}")
def request_page(request: Request, viewer: Viewer, request_id: int) -> HTMLResponse:
    return _one(request, viewer, request_id)


@civic_router.post("/external/{request_id}/decision", dependencies=[Csrf])
def decide(
    request: Request, viewer: Viewer, request_id: int, decision: Short, rationale: Text,
    action: Short = "", sections: Annotated[list[str] | None, Form(max_length=4)] = None,
    duration_seconds: Short = "", policy: Short = "legal_request",
) -> HTMLResponse:
    """Decide; complying with a political requester (or exporting data) waits for a second
    person when the two-person rule covers it."""
    done = requests.decide(
        runtime_of(request).services, viewer, request_id, decision=decision,
        rationale=rationale, action=optional(action), sections=sections or None,
        duration_seconds=whole(duration_seconds, "duration_seconds", 1, 10 * 365 * 86_400),
        policy=policy.strip() or "legal_request")
    if done["status"] == "pending":
        notice = (f"The decision needs a second person: approval request "
                  f"#{done['approval_request']['id']} waits for approval.")
    else:
        notice = f"External request #{request_id} decided: {decision}."
    return _one(request, viewer, request_id, notice)

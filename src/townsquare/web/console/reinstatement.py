"""Reinstatement requests in the console: the requests waiting for review, one request with
the account holder's statement, and the decision. Refusing applies at once; granting is a
two-person operation, so the page says which approval request waits for a second senior
moderator."""

from __future__ import annotations

from typing import Annotated, Literal

from fastapi import APIRouter, Form, Request
from fastapi.responses import HTMLResponse, Response

from townsquare.services import reinstatement
from townsquare.staff.actor import Actor
from townsquare.web.console.pages import Csrf, Viewer
from townsquare.web.console.render import is_htmx, page
from townsquare.web.console.routing import ConsoleRoute
from townsquare.web.console.session import runtime_of

# No prefix or navigation entry of its own: the moderation router includes it under
# /console and adds its section to the navigation.
reinstatement_router = APIRouter(include_in_schema=False, route_class=ConsoleRoute)
Status = Literal["review", "council", "approval", "granted", "refused", ""]
STATUSES = (("review", "waiting for review"), ("approval", "waiting for approval"),
            ("council", "with the council"), ("granted", "granted"), ("refused", "refused"),
            ("", "any"))


@reinstatement_router.get("/reinstatements")
def request_list(request: Request, viewer: Viewer, status: Status = "review") -> Response:
    rows = reinstatement.list_requests(runtime_of(request).services, viewer, status or None)
    return page(request, viewer, "moderation_reinstatements.html", title="Reinstatement",
                requests=rows, request_status=status, statuses=STATUSES)


def _request(request: Request, viewer: Actor, request_id: int, *, status: int = 200,
             notice: str = "") -> HTMLResponse:
    row = reinstatement.get_request(runtime_of(request).services, viewer, request_id)
    template = ("moderation_reinstatement_body.html" if is_htmx(request)
                else "moderation_reinstatement.html")
    return page(request, viewer, template, status=status,
                title=f"Reinstatement request #{request_id}", row=row, notice=notice)


@reinstatement_router.get("/reinstatements/{request_id}")
def request_view(request: Request, request_id: int, viewer: Viewer) -> Response:
    return _request(request, viewer, request_id)


@reinstatement_router.post("/reinstatements/{request_id}/decide", dependencies=[Csrf])
def decide(request: Request, request_id: int, viewer: Viewer,
           decision: Annotated[Literal["grant", "refuse"], Form()],
           rationale: Annotated[str, Form(min_length=1, max_length=5_000)]) -> Response:
    answer = reinstatement.decide(runtime_of(request).services, viewer, request_id, decision,
                                  rationale)
    if answer["status"] == "pending":
        number = (answer.get("approval_request") or {}).get("id")
        return _request(request, viewer, request_id, status=202,
                        notice=f"Waiting for a second person (request #{number}).")
    return _request(request, viewer, request_id, notice=f"Decided: {answer['status']}.")

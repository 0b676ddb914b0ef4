"""Appeals in the console: the open (or decided) appeals under the policies the viewer may
decide, one appeal with what it is against, and the decision (upheld undoes the action;
denied keeps it) with a rationale the author reads. Whoever took the action sees why they
cannot decide its appeal."""

from __future__ import annotations

from typing import Annotated, Literal

from fastapi import APIRouter, Form, Request
from fastapi.responses import HTMLResponse, Response

from townsquare.services import appeals, case_files
from townsquare.staff.actor import Actor
from townsquare.web.console.pages import Csrf, Viewer
from townsquare.web.console.render import is_htmx, page
from townsquare.web.console.routing import ConsoleRoute
from townsquare.web.console.session import runtime_of

# No prefix or navigation entry of its own: the moderation router includes it under
# /console and adds its section to the navigation.
appeals_router = APIRouter(include_in_schema=False, route_class=ConsoleRoute)
Rationale = Annotated[str, Form(min_length=1, max_length=5_000)]
STATUSES = (("open", "open"), ("upheld", "upheld"), ("denied", "denied"), ("", "any"))


@appeals_router.get("/appeals")
def appeal_list(request: Request, viewer: Viewer,
                status: Literal["open", "upheld", "denied", ""] = "open") -> Response:
    rows = appeals.list_appeals(runtime_of(request).services, viewer, status=status or None)
    return page(request, viewer, "moderation_appeals.html", title="Appeals", appeals=rows,
                appeal_status=status, statuses=STATUSES)


def _appeal(request: Request, viewer: Actor, appeal_id: int, notice: str = ""
            ) -> HTMLResponse:
    case = case_files.open_appeal(runtime_of(request).services, viewer, appeal_id)
    template = "moderation_appeal_body.html" if is_htmx(request) else "moderation_appeal.html"
    return page(request, viewer, template, title=f"Appeal #{appeal_id}", case=case,
                appeal=case["appeal"], notice=notice)


@appeals_router.get("/appeals/{appeal_id}")
def appeal_view(request: Request, appeal_id: int, viewer: Viewer) -> Response:
    return _appeal(request, viewer, appeal_id)


@appeals_router.post("/appeals/{appeal_id}/decide", dependencies=[Csrf])
def decide(request: Request, appeal_id: int, viewer: Viewer,
           outcome: Annotated[Literal["upheld", "denied"], Form()],
           rationale: Rationale) -> Response:
    decided = appeals.decide_appeal(runtime_of(request).services, viewer, appeal_id, outcome,
                                    rationale)
    done = ("Upheld: the action is undone and the author is told why."
            if decided["status"] == "upheld" else "Denied: the action stays; the author is "
            "told why.")
    return _appeal(request, viewer, appeal_id, notice=done)

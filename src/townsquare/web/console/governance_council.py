"""The council in the console: proposals and published decisions, one proposal's page with
voting (a stated reason), closing, opening proposals and seating members."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Form, Request
from fastapi.responses import HTMLResponse

from townsquare.moderation.council import CHOICES
from townsquare.services import council
from townsquare.services.council import SUBJECTS
from townsquare.staff.actor import Actor
from townsquare.staff.permissions import Permission as P
from townsquare.web.console.governance_forms import answer, optional, utc_moment
from townsquare.web.console.pages import Csrf, Viewer
from townsquare.web.console.render import add_nav
from townsquare.web.console.routing import ConsoleRoute
from townsquare.web.console.session import runtime_of

council_router = APIRouter(route_class=ConsoleRoute)
Text = Annotated[str, Form(max_length=20_000)]
# Reinstatement proposals open themselves (from a high-profile account's request).
KIND_OPTIONS = [("other", "Other question"), ("escalated_case", "Escalated case"),
                ("policy_change", "Policy change")]
SUBJECT_OPTIONS = [("", "(not a case)")] + [(s, s) for s in SUBJECTS]
OPENERS = (P.COUNCIL_ADMIN, P.POLICY_WRITE, P.REPORTS_ASSIGN)

add_nav("Council", "/console/council", P.STATUS_READ)


def _list(request: Request, viewer: Actor, notice: str = "") -> HTMLResponse:
    viewer.check(P.STATUS_READ)
    services = runtime_of(request).services
    proposals = council.list_proposals(services)
    return answer(request, viewer, "council", title="Council", notice=notice,
                  open=[p for p in proposals if p["status"] == "open"],
                  decided=[p for p in proposals if p["status"] != "open"],
                  members=council.list_members(services), kind_options=KIND_OPTIONS,
                  subject_options=SUBJECT_OPTIONS,
                  may_propose=any(viewer.may(p) for p in OPENERS))


def _proposal(request: Request, viewer: Actor, proposal_id: int, notice: str = ""
              ) -> HTMLResponse:
    viewer.check(P.STATUS_READ)
    proposal: dict[str, Any] = council.get_proposal(runtime_of(request).services, proposal_id)
    return answer(request, viewer, "proposal", title=f"Proposal #{proposal_id}",
                  notice=notice, p=proposal, choices=CHOICES,
                  elector=viewer.name in proposal["electorate"])


@council_router.get("/council")
def council_page(request: Request, viewer: Viewer) -> HTMLResponse:
    return _list(request, viewer)


@council_router.post("/council", dependencies=[Csrf])
def open_proposal(
    request: Request, viewer: Viewer, kind: Annotated[str, Form(max_length=32)],
    title: Annotated[str, Form(max_length=300)], body: Text, policy_text: Text = "",
    subject_type: Annotated[str, Form(max_length=32)] = "",
    subject_id: Annotated[str, Form(max_length=128)] = "",
    deadline: Annotated[str, Form(max_length=40)] = "",
) -> HTMLResponse:
    """Open a proposal: council.admin, policy.write (a policy change) or reports.assign (an
    escalated case); the service checks which."""
    made = council.propose(runtime_of(request).services, viewer, kind, title, body,
                           policy_text=optional(policy_text),
                           subject_type=optional(subject_type),
                           subject_id=optional(subject_id),
                           deadline=utc_moment(deadline, "deadline"))
    return _list(request, viewer, f"Proposal #{made['id']} is open for voting until "
                 f"{made['deadline']}.")


@council_router.post("/council/members", dependencies=[Csrf])
def seat_member(request: Request, viewer: Viewer,
                name: Annotated[str, Form(min_length=1, max_length=128)]) -> HTMLResponse:
    council.add_member(runtime_of(request).services, viewer, name.strip())
    return _list(request, viewer, f"{name.strip()} now sits on the council.")


@council_router.post("/council/members/{name}/remove", dependencies=[Csrf])
def unseat_member(request: Request, viewer: Viewer, name: str) -> HTMLResponse:
    council.remove_member(runtime_of(request).services, viewer, name)
    return _list(request, viewer, f"{name} no longer sits on the council.")


@council_router.get("/council/{proposal_id}")
def proposal_page(request: Request, viewer: Viewer, proposal_id: int) -> HTMLResponse:
    return _proposal(request, viewer, proposal_id)


@council_router.post("/council/{proposal_id}/vote", dependencies=[Csrf])
def vote(request: Request, viewer: Viewer, proposal_id: int,
         choice: Annotated[str, Form(max_length=16)],
         reason: Annotated[str, Form(max_length=5_000)]) -> HTMLResponse:
    """Cast or change one's vote, with its reason (the service refuses an empty one)."""
    done = council.vote(runtime_of(request).services, viewer, proposal_id, choice, reason)
    closed = "" if done["status"] == "open" else f" Voting closed: {done['status']}."
    return _proposal(request, viewer, proposal_id, f"Your vote ({choice}) is recorded.{closed}")


@council_router.post("/council/{proposal_id}/close", dependencies=[Csrf])
def close(request: Request, viewer: Viewer, proposal_id: int) -> HTMLResponse:
    done = council.close(runtime_of(request).services, viewer, proposal_id)
    return _proposal(request, viewer, proposal_id, f"Voting closed: {done['status']}.")

"""Insider-risk controls in the console: two-person approvals waiting for me, and the
lockdown control (start, list, ask to lift). Each page calls the same use cases as the API.

The other governance areas (council, civic events and external requests, audit log,
staff and roles) live in modules of their own whose routers this one includes, so the
app registers one router for all of them."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Form, Request
from fastapi.responses import HTMLResponse

from townsquare.services import approvals, lockdown
from townsquare.staff.actor import Actor
from townsquare.staff.permissions import LOCKDOWN_IMMUNE, Permission
from townsquare.staff.permissions import Permission as P
from townsquare.web.console.governance_audit import audit_router
from townsquare.web.console.governance_civic import civic_router
from townsquare.web.console.governance_council import council_router
from townsquare.web.console.governance_forms import answer, names, utc_moment
from townsquare.web.console.governance_staff import staff_router
from townsquare.web.console.pages import Csrf, Viewer
from townsquare.web.console.render import add_nav
from townsquare.web.console.routing import ConsoleRoute
from townsquare.web.console.session import console_actor, runtime_of

governance_router = APIRouter(prefix="/console", include_in_schema=False,
                              route_class=ConsoleRoute)
Note = Annotated[str, Form(max_length=2_000)]
Reason = Annotated[str, Form(min_length=1, max_length=2_000)]
Names = Annotated[str, Form(max_length=2_000)]
# What a lockdown can freeze (the platform's paths and the control itself never are).
FREEZABLE = sorted(p.value for p in Permission if p not in LOCKDOWN_IMMUNE)

add_nav("Approvals", "/console/approvals", P.APPROVALS_READ)
add_nav("Lockdown", "/console/lockdown", None)


# --- two-person approvals --------------------------------------------------------------


def _approvals(request: Request, viewer: Actor, notice: str = "") -> HTMLResponse:
    """The lists need approvals.read; after approving or rejecting without it (the API
    does not ask for it either) the page shows only what happened."""
    services = runtime_of(request).services
    if not viewer.may(P.APPROVALS_READ):
        if not notice:
            viewer.check(P.APPROVALS_READ)  # refused, with the reason
        return answer(request, viewer, "approvals", title="Approvals", notice=notice,
                      waiting=[], mine=[], settled=[])
    pending = approvals.list_requests(services, "pending")
    for row in pending:
        row["mine"] = row["requested_by"] == viewer.name
        row["permission"] = approvals.operation(row["operation"]).permission.value
    settled = [r for r in approvals.list_requests(services, None, limit=30)
               if r["status"] != "pending"]
    return answer(request, viewer, "approvals", title="Approvals", notice=notice,
                  waiting=[r for r in pending if not r["mine"]],
                  mine=[r for r in pending if r["mine"]], settled=settled)


@governance_router.get("/approvals")
def approvals_page(request: Request, viewer: Viewer) -> HTMLResponse:
    """Requests waiting for a second person, mine waiting for someone else, and history."""
    return _approvals(request, viewer)


@governance_router.post("/approvals/{request_id}/approve", dependencies=[Csrf])
def approve(request: Request, viewer: Viewer, request_id: int, note: Note = ""
            ) -> HTMLResponse:
    done = approvals.approve(runtime_of(request).services, viewer, request_id, note)
    return _approvals(request, fresh(request), f"Approved request #{request_id} "
                      f"({done['operation']}): {done['status']}.")


@governance_router.post("/approvals/{request_id}/reject", dependencies=[Csrf])
def reject(request: Request, viewer: Viewer, request_id: int, note: Note = ""
           ) -> HTMLResponse:
    done = approvals.reject(runtime_of(request).services, viewer, request_id, note)
    return _approvals(request, viewer, f"Request #{request_id} {done['status']}.")


# --- lockdown ----------------------------------------------------------------------------


def _lockdown(request: Request, viewer: Actor, notice: str = "") -> HTMLResponse:
    services = runtime_of(request).services
    current = lockdown.list_lockdowns(services)
    past = [r for r in lockdown.list_lockdowns(services, include_past=True)
            if not r["in_force"]][:20]
    lifts = {r["subject_id"]: r["id"] for r in approvals.list_requests(services, "pending")
             if r["operation"] == "lockdown.lift"} if viewer.may(P.APPROVALS_READ) else {}
    return answer(request, viewer, "lockdown", title="Lockdown", notice=notice,
                  current=current, past=past, lifts=lifts, freezable=FREEZABLE)


@governance_router.get("/lockdown")
def lockdown_page(request: Request, viewer: Viewer) -> HTMLResponse:
    """Lockdowns in force (everyone may see what is frozen and why) and the controls."""
    return _lockdown(request, viewer)


@governance_router.post("/lockdown", dependencies=[Csrf])
def start_lockdown(
    request: Request, viewer: Viewer, reason: Reason,
    permissions: Annotated[list[str] | None, Form(max_length=len(FREEZABLE))] = None,
    exempt_staff: Names = "", exempt_teams: Names = "", exempt_roles: Names = "",
    restore_at: Annotated[str, Form(max_length=40)] = "",
) -> HTMLResponse:
    """Org-wide when no permission is ticked; else only the ticked ones."""
    started = lockdown.start(
        runtime_of(request).services, viewer, reason, permissions=permissions or None,
        exempt_staff=names(exempt_staff), exempt_teams=names(exempt_teams),
        exempt_roles=names(exempt_roles), restore_at=utc_moment(restore_at, "restore_at"),
    )
    scope = "org-wide" if started["scope"] == "org" else ", ".join(started["frozen"])
    return _lockdown(request, fresh(request),
                     f"Lockdown #{started['id']} started ({scope}).")


@governance_router.post("/lockdown/{lockdown_id}/lift", dependencies=[Csrf])
def lift_lockdown(request: Request, viewer: Viewer, lockdown_id: int, reason: Reason
                  ) -> HTMLResponse:
    """Ask to lift: applied at once only when lifting is not a two-person operation."""
    outcome = lockdown.lift(runtime_of(request).services, viewer, lockdown_id, reason)
    if outcome.status == "pending" and outcome.request is not None:
        notice = (f"Lift of lockdown #{lockdown_id} needs a second person: approval "
                  f"request #{outcome.request['id']} waits for another lockdown manager.")
    else:
        notice = f"Lockdown #{lockdown_id} lifted."
    return _lockdown(request, fresh(request), notice)


def fresh(request: Request) -> Actor:
    """The viewer again after a change to grants or lockdowns (this worker's cache of
    identities was just cleared), so the page shows what is frozen for them now."""
    runtime_of(request).services.on_change()
    return console_actor(request)


governance_router.include_router(council_router)
governance_router.include_router(civic_router)
governance_router.include_router(audit_router)
governance_router.include_router(staff_router)

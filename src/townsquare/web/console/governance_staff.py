"""Staff and roles in the console (staff.admin): the list, one member's page (grants with
their scopes, teams, disable/enable), creating members and custom roles. The use cases are
those of /api/v1/staff and /api/v1/roles; nobody grants more than they hold."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Form, Request
from fastapi.responses import HTMLResponse

from townsquare.moderation.model import ModerationError
from townsquare.services import staff
from townsquare.staff.actor import Actor
from townsquare.staff.permissions import Permission
from townsquare.staff.permissions import Permission as P
from townsquare.web.console.governance_forms import answer, names
from townsquare.web.console.pages import Csrf, Viewer
from townsquare.web.console.render import add_nav
from townsquare.web.console.routing import ConsoleRoute
from townsquare.web.console.session import console_actor, runtime_of

staff_router = APIRouter(route_class=ConsoleRoute)
Short = Annotated[str, Form(max_length=254)]
Names = Annotated[str, Form(max_length=2_000)]
PERMISSIONS = sorted(p.value for p in Permission)

add_nav("Staff", "/console/staff", P.STAFF_ADMIN)


def _changed(request: Request) -> Actor:
    """After a change to grants: this worker sees it at once, and so does the page."""
    runtime_of(request).services.on_change()
    return console_actor(request)


def _list(request: Request, viewer: Actor, notice: str = "") -> HTMLResponse:
    sessions = runtime_of(request).app.sessions
    members = [s.public() for s in staff.list_staff(sessions, viewer)]  # an audited read
    roles = staff.list_roles(sessions)
    return answer(request, viewer, "staff", title="Staff and roles", notice=notice,
                  members=members, roles=roles,
                  permissions=PERMISSIONS)


def _member(request: Request, viewer: Actor, username: str, notice: str = ""
            ) -> HTMLResponse:
    sessions = runtime_of(request).app.sessions
    record = staff.get_staff(sessions, viewer, username).public()  # an audited read
    roles = [(r["name"], r["name"]) for r in staff.list_roles(sessions)]
    return answer(request, viewer, "member", title=f"Staff: {username}", notice=notice,
                  member=record, role_options=roles, myself=record["id"] == viewer.staff_id)


@staff_router.get("/staff")
def staff_page(request: Request, viewer: Viewer) -> HTMLResponse:
    return _list(request, viewer)


@staff_router.post("/staff", dependencies=[Csrf])
def create_member(
    request: Request, viewer: Viewer, username: Annotated[str, Form(min_length=2, max_length=63)],
    display_name: Annotated[str, Form(max_length=128)] = "", email: Short = "",
    password: Annotated[str, Form(max_length=1_000)] = "", teams: Names = "",
    roles: Annotated[list[str] | None, Form(max_length=20)] = None,
) -> HTMLResponse:
    viewer.check(P.STAFF_ADMIN)
    if password and len(password) < 12:
        raise ModerationError("password: at least 12 characters (or none: set it later)")
    made = staff.create_staff(runtime_of(request).app.sessions, viewer, username,
                              display_name, password or None, email=email.strip() or None,
                              teams=names(teams), roles=roles or [])
    return _list(request, _changed(request), f"{made.username} was created.")


@staff_router.post("/roles", dependencies=[Csrf])
def create_role(
    request: Request, viewer: Viewer, name: Annotated[str, Form(min_length=2, max_length=64)],
    permissions: Annotated[list[str] | None, Form(max_length=len(PERMISSIONS))] = None,
    description: Annotated[str, Form(max_length=2_000)] = "",
) -> HTMLResponse:
    viewer.check(P.STAFF_ADMIN)
    made = staff.create_role(runtime_of(request).app.sessions, viewer, name,
                             permissions or [], description)
    return _list(request, viewer, f"Role {made['name']} was created "
                 f"({', '.join(made['permissions'])}).")


@staff_router.get("/staff/{username}")
def member_page(request: Request, viewer: Viewer, username: str) -> HTMLResponse:
    return _member(request, viewer, username)


@staff_router.post("/staff/{username}/grants", dependencies=[Csrf])
def grant(request: Request, viewer: Viewer, username: str,
          role: Annotated[str, Form(min_length=1, max_length=64)], policies: Names = "",
          queues: Names = "") -> HTMLResponse:
    """Grant a role, limited to the policies and/or queues named (none: unscoped)."""
    viewer.check(P.STAFF_ADMIN)
    staff.grant_role(runtime_of(request).app.sessions, viewer, username, role,
                     names(policies) or None, names(queues) or None)
    return _member(request, _changed(request), username, f"{username} now holds {role}.")


@staff_router.post("/staff/{username}/grants/{role}/revoke", dependencies=[Csrf])
def revoke(request: Request, viewer: Viewer, username: str, role: str) -> HTMLResponse:
    viewer.check(P.STAFF_ADMIN)
    staff.revoke_role(runtime_of(request).app.sessions, viewer, username, role)
    return _member(request, _changed(request), username, f"{username} no longer holds {role}.")


@staff_router.post("/staff/{username}/teams", dependencies=[Csrf])
def set_teams(request: Request, viewer: Viewer, username: str, teams: Names = ""
              ) -> HTMLResponse:
    viewer.check(P.STAFF_ADMIN)
    done = staff.set_teams(runtime_of(request).app.sessions, viewer, username, names(teams))
    return _member(request, _changed(request), username,
                   f"Teams of {username}: {', '.join(done.teams) or 'none'}.")


@staff_router.post("/staff/{username}/disable", dependencies=[Csrf])
def disable(request: Request, viewer: Viewer, username: str,
            reason: Annotated[str, Form(max_length=2_000)] = "") -> HTMLResponse:
    """Their sessions and tokens stop working at once."""
    viewer.check(P.STAFF_ADMIN)
    staff.set_disabled(runtime_of(request).app.sessions, viewer, username, True, reason)
    return _member(request, _changed(request), username, f"{username} is disabled.")


@staff_router.post("/staff/{username}/enable", dependencies=[Csrf])
def enable(request: Request, viewer: Viewer, username: str) -> HTMLResponse:
    viewer.check(P.STAFF_ADMIN)
    staff.set_disabled(runtime_of(request).app.sessions, viewer, username, False)
    return _member(request, _changed(request), username, f"{username} is enabled again.")

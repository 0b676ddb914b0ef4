"""Staff, roles, tokens, logins, lockdowns and two-person approvals under /api/v1."""

from __future__ import annotations

from typing import Annotated, Any, TypeVar

from fastapi import APIRouter, Depends, Request, Response
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer

from townsquare.api.auth import require, runtime
from townsquare.api.runtime import Runtime
from townsquare.api.schemas_staff import (
    DisableIn,
    GrantIn,
    LockdownIn,
    LoginIn,
    NoteIn,
    PasswordIn,
    ReasonIn,
    RoleIn,
    StaffIn,
    StaffTokenIn,
    TeamsIn,
    TokenIn,
)
from townsquare.services import approvals, lockdown, logins, staff, tokens
from townsquare.staff.actor import Actor
from townsquare.staff.permissions import Permission as P

router = APIRouter(prefix="/api/v1")
Rt = Annotated[Runtime, Depends(runtime)]
Anyone = Annotated[Actor, Depends(require(None))]
Admin = Annotated[Actor, Depends(require(P.STAFF_ADMIN))]
_bearer = HTTPBearer(auto_error=False)


T = TypeVar("T")


def _changed(rt: Runtime, answer: T) -> T:
    rt.services.on_change()  # grants, tokens and lockdowns apply on this worker at once
    return answer


# --- logins ---------------------------------------------------------------------------


@router.post("/auth/login", tags=["staff"])
def login(body: LoginIn, request: Request, rt: Rt) -> dict[str, Any]:
    """A console session (a bearer secret starting ``tss_``); 401 on a bad password, 429
    after too many failures."""
    client = request.client.host if request.client else "unknown"
    made = logins.login(rt.app.sessions, body.username, body.password, client)
    return {"session": made.secret, "username": made.username,
            "expires_at": made.expires_at.isoformat()}


@router.post("/auth/logout", status_code=204, tags=["staff"])
def logout(
    rt: Rt, _: Anyone,
    credentials: Annotated[HTTPAuthorizationCredentials | None, Depends(_bearer)],
) -> Response:
    if credentials is not None:
        logins.logout(rt.app.sessions, credentials.credentials)
    return _changed(rt, Response(status_code=204))


@router.get("/auth/me", tags=["staff"])
def me(who: Anyone) -> dict[str, Any]:
    """Who the caller is and what they may do now (lockdowns applied)."""
    return {
        "name": who.name,
        "kind": who.kind,
        "roles": who.role.split(","),
        "teams": sorted(who.teams),
        "permissions": sorted(p.value for p in who.permissions),
        "frozen": {p.value: why for p, why in who.frozen.items()},
    }


# --- staff and roles ------------------------------------------------------------------


@router.get("/staff", tags=["staff"])
def list_staff(rt: Rt, who: Admin) -> list[dict[str, Any]]:
    return [s.public() for s in staff.list_staff(rt.app.sessions, who)]


@router.post("/staff", status_code=201, tags=["staff"])
def create_staff(body: StaffIn, rt: Rt, who: Admin) -> dict[str, Any]:
    record = staff.create_staff(rt.app.sessions, who, body.username, body.display_name,
                                body.password, email=body.email, teams=body.teams,
                                roles=body.roles)
    return _changed(rt, record.public())


@router.get("/staff/{username}", tags=["staff"])
def get_staff(username: str, rt: Rt, who: Admin) -> dict[str, Any]:
    return staff.get_staff(rt.app.sessions, who, username).public()


@router.post("/staff/{username}/disable", tags=["staff"])
def disable_staff(username: str, body: DisableIn, rt: Rt, who: Admin) -> dict[str, Any]:
    return _changed(rt, staff.set_disabled(rt.app.sessions, who, username, True,
                                           body.reason).public())


@router.post("/staff/{username}/enable", tags=["staff"])
def enable_staff(username: str, rt: Rt, who: Admin) -> dict[str, Any]:
    return _changed(rt, staff.set_disabled(rt.app.sessions, who, username, False).public())


@router.put("/staff/{username}/password", status_code=204, tags=["staff"])
def set_password(username: str, body: PasswordIn, rt: Rt, who: Anyone) -> Response:
    """One's own password, or anyone's with staff.admin; their sessions end."""
    staff.set_password(rt.app.sessions, who, username, body.password)
    return _changed(rt, Response(status_code=204))


@router.post("/staff/{username}/grants", status_code=201, tags=["staff"])
def grant(username: str, body: GrantIn, rt: Rt, who: Admin) -> dict[str, Any]:
    record = staff.grant_role(rt.app.sessions, who, username, body.role, body.policies,
                              body.queues)
    return _changed(rt, record.public())


@router.delete("/staff/{username}/grants/{role}", tags=["staff"])
def revoke(username: str, role: str, rt: Rt, who: Admin) -> dict[str, Any]:
    return _changed(rt, staff.revoke_role(rt.app.sessions, who, username, role).public())


@router.put("/staff/{username}/teams", tags=["staff"])
def set_teams(username: str, body: TeamsIn, rt: Rt, who: Admin) -> dict[str, Any]:
    return _changed(rt, staff.set_teams(rt.app.sessions, who, username, body.teams).public())


@router.post("/staff/{username}/tokens", status_code=201, tags=["staff"])
def staff_token(username: str, body: StaffTokenIn, rt: Rt, who: Anyone) -> dict[str, Any]:
    """A token acting as the staff member (one's own, or anyone's with staff.admin)."""
    secret = staff.create_staff_token(rt.app.sessions, who, username, body.name)
    return {"name": body.name, "token": secret}


@router.get("/roles", tags=["staff"])
def list_roles(rt: Rt, _: Anyone) -> list[dict[str, Any]]:
    return staff.list_roles(rt.app.sessions)


@router.post("/roles", status_code=201, tags=["staff"])
def create_role(body: RoleIn, rt: Rt, who: Admin) -> dict[str, Any]:
    return staff.create_role(rt.app.sessions, who, body.name, body.permissions,
                             body.description)


@router.post("/tokens", status_code=201, tags=["staff"])
def create_token(body: TokenIn, rt: Rt, who: Admin) -> dict[str, Any]:
    """A service identity's token with a role; the secret is shown once."""
    secret = staff.create_service_token(rt.app.sessions, who, body.name, body.role)
    return {"name": body.name, "role": body.role, "token": secret}


@router.delete("/tokens/{name}", status_code=204, tags=["staff"])
def revoke_token(name: str, rt: Rt, who: Admin) -> Response:
    tokens.revoke_token(rt.app.sessions, name, actor=who)
    return _changed(rt, Response(status_code=204))


# --- lockdowns ------------------------------------------------------------------------


@router.get("/lockdowns", tags=["lockdown"])
def list_lockdowns(rt: Rt, _: Anyone, include_past: bool = False) -> list[dict[str, Any]]:
    """Lockdowns in force (every member of staff may see what is frozen and why)."""
    return lockdown.list_lockdowns(rt.services, include_past)


@router.post("/lockdowns", status_code=201, tags=["lockdown"])
def start_lockdown(
    body: LockdownIn, rt: Rt, who: Annotated[Actor, Depends(require(P.LOCKDOWN_MANAGE))]
) -> dict[str, Any]:
    return lockdown.start(rt.services, who, body.reason, permissions=body.permissions,
                          exempt_staff=body.exempt_staff, exempt_teams=body.exempt_teams,
                          exempt_roles=body.exempt_roles, restore_at=body.restore_at)


@router.post("/lockdowns/{lockdown_id}/lift", tags=["lockdown"])
def lift_lockdown(
    lockdown_id: int, body: ReasonIn, rt: Rt, response: Response,
    who: Annotated[Actor, Depends(require(P.LOCKDOWN_MANAGE))],
) -> dict[str, Any]:
    """Lift a lockdown: 202 with the approval request when a second person must approve."""
    outcome = lockdown.lift(rt.services, who, lockdown_id, body.reason)
    if outcome.status == "pending":
        response.status_code = 202
    return {"status": outcome.status, "result": outcome.result,
            "approval_request": outcome.request}


# --- two-person approvals -------------------------------------------------------------


@router.get("/approvals", tags=["approvals"])
def list_approvals(
    rt: Rt, _: Annotated[Actor, Depends(require(P.APPROVALS_READ))], status: str | None = None
) -> list[dict[str, Any]]:
    return approvals.list_requests(rt.services, status)


@router.get("/approvals/{request_id}", tags=["approvals"])
def get_approval(
    request_id: int, rt: Rt, _: Annotated[Actor, Depends(require(P.APPROVALS_READ))]
) -> dict[str, Any]:
    return approvals.get_request(rt.services, request_id)


@router.post("/approvals/{request_id}/approve", tags=["approvals"])
def approve(request_id: int, body: NoteIn, rt: Rt, who: Anyone) -> dict[str, Any]:
    """Approve as the second person (someone else, holding the operation's permission);
    the operation is applied once. 409 when no longer pending."""
    return _changed(rt, approvals.approve(rt.services, who, request_id, body.note))


@router.post("/approvals/{request_id}/reject", tags=["approvals"])
def reject(request_id: int, body: NoteIn, rt: Rt, who: Anyone) -> dict[str, Any]:
    """Reject (an authorised second person) or cancel (the requester)."""
    return approvals.reject(rt.services, who, request_id, body.note)

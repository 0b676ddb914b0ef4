"""The console's own pages: sign in, sign out, the dashboard, and its static files.

Areas (reports, appeals, council, leak tracing, ...) add their pages in modules of their
own on :data:`console_router`, with the same route class and dependencies."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Depends, Form, Request
from fastapi.responses import FileResponse, RedirectResponse, Response

from townsquare.services import approvals, logins, queues
from townsquare.services.logins import LoginFailed, LoginThrottled
from townsquare.staff.actor import Actor
from townsquare.staff.permissions import Permission as P
from townsquare.web.console.render import TEMPLATES, page
from townsquare.web.console.routing import ConsoleRoute
from townsquare.web.console.session import (
    COOKIE,
    check_csrf,
    console_actor,
    runtime_of,
    session_secret,
)

console_router = APIRouter(prefix="/console", include_in_schema=False, route_class=ConsoleRoute)
Viewer = Annotated[Actor, Depends(console_actor)]
Csrf = Depends(check_csrf)
STATIC = {"htmx.min.js": "text/javascript; charset=utf-8",
          "console.js": "text/javascript; charset=utf-8",
          "console.css": "text/css; charset=utf-8"}


def _safe_next(value: str | None) -> str:
    # Only paths inside the console: never an open redirect to another site.
    if value and value.startswith("/console") and "//" not in value:
        return value
    return "/console/"


@console_router.get("/login")
def login_form(request: Request, next: str | None = None) -> Response:
    return page(request, None, "login.html", title="Sign in", next=_safe_next(next))


@console_router.post("/login")
def login(
    request: Request, username: Annotated[str, Form(max_length=64)],
    password: Annotated[str, Form(max_length=1_000)],
    next: Annotated[str, Form(max_length=500)] = "/console/",
) -> Response:
    client = request.client.host if request.client else "unknown"
    try:
        made = logins.login(runtime_of(request).app.sessions, username, password, client)
    except (LoginFailed, LoginThrottled) as exc:
        status = 429 if isinstance(exc, LoginThrottled) else 401
        return page(request, None, "login.html", status=status, title="Sign in",
                    next=_safe_next(next), error=str(exc), username=username)
    response = RedirectResponse(_safe_next(next), status_code=303)
    response.set_cookie(COOKIE, made.secret, httponly=True, samesite="strict",
                        secure=request.url.scheme == "https", path="/console",
                        max_age=logins.SESSION_HOURS * 3600)
    return response


@console_router.post("/logout", dependencies=[Csrf])
def logout(request: Request, _: Viewer) -> Response:
    secret = session_secret(request)
    if secret:
        logins.logout(runtime_of(request).app.sessions, secret)
        runtime_of(request).identities.pop(secret, None)
    response = RedirectResponse("/console/login", status_code=303)
    response.delete_cookie(COOKIE, path="/console")
    return response


@console_router.get("/")
def dashboard(request: Request, viewer: Viewer) -> Response:
    """What needs me: queues I can work, approvals I could give, what is frozen."""
    services = runtime_of(request).services
    queue_rows: list[dict[str, Any]] = (
        queues.list_queues(services.sessions, viewer) if viewer.may(P.REPORTS_READ) else []
    )
    waiting: list[dict[str, Any]] = []
    if viewer.may(P.APPROVALS_READ):
        waiting = [r for r in approvals.list_requests(services, "pending")
                   if r["requested_by"] != viewer.name]
    return page(request, viewer, "dashboard.html", title="Dashboard", queues=queue_rows,
                approvals=waiting)


@console_router.get("/static/{name}")
def static(name: str) -> Response:
    if name not in STATIC:
        return Response(status_code=404)
    return FileResponse(TEMPLATES.parent.parent / "static" / "console" / name,
                        media_type=STATIC[name], headers={"Cache-Control": "max-age=300"})

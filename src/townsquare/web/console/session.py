"""Console sessions in a cookie, the signed-in actor, and CSRF tokens.

The cookie holds a login session secret (``services.logins``); the CSRF token is an HMAC
of that secret under a key derived from the server's key file, so it needs no storage and
dies with the session. Every state-changing console request must carry it (form field
``csrf`` or header ``X-CSRF-Token``, which htmx sends from the page's ``hx-headers``).
"""

from __future__ import annotations

import hashlib
import hmac
from urllib.parse import quote

from fastapi import Request

from townsquare.api.auth import cached_actor
from townsquare.api.runtime import Runtime
from townsquare.staff.actor import Actor

COOKIE = "tsq_console"
CSRF_FIELD = "csrf"
CSRF_HEADER = "x-csrf-token"


class LoginRequired(Exception):
    """No live console session; the page answers with a redirect to the login form."""

    def __init__(self, next_path: str) -> None:
        super().__init__(next_path)
        self.next_path = next_path


class CsrfRejected(Exception):
    """A state-changing request without the session's CSRF token."""


def runtime_of(request: Request) -> Runtime:
    rt: Runtime = request.app.state.runtime
    return rt


def session_secret(request: Request) -> str | None:
    return request.cookies.get(COOKIE) or None


def console_actor(request: Request) -> Actor:
    """The signed-in staff member, with their grants in force now."""
    secret = session_secret(request)
    who = cached_actor(runtime_of(request), secret) if secret else None
    if who is None or who.kind != "staff":
        raise LoginRequired(request.url.path)
    return who


def csrf_token(request: Request) -> str:
    secret = session_secret(request) or ""
    key = runtime_of(request).app.key.derive("console-csrf")
    return hmac.new(key, secret.encode(), hashlib.sha256).hexdigest()


async def check_csrf(request: Request) -> None:
    """Refuse a POST without the session's token (a dependency of every form route)."""
    if request.method in ("GET", "HEAD", "OPTIONS"):
        return
    sent = request.headers.get(CSRF_HEADER)
    if sent is None:
        form = await request.form()
        value = form.get(CSRF_FIELD)
        sent = value if isinstance(value, str) else None
    if not sent or not session_secret(request) or not hmac.compare_digest(
        sent, csrf_token(request)
    ):
        raise CsrfRejected("the form is stale or was not sent from the console; reload it")


def login_url(next_path: str) -> str:
    return "/console/login?next=" + quote(next_path, safe="/")

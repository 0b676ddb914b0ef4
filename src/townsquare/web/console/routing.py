"""The console's route class: failures of any page become a page (or, for htmx, a
fragment for the flash area) with the right status, never a JSON error or a stack trace."""

from __future__ import annotations

from collections.abc import Callable, Coroutine
from typing import Any

from fastapi import Request, Response
from fastapi.exceptions import RequestValidationError
from fastapi.responses import RedirectResponse
from fastapi.routing import APIRoute

from townsquare.canary.model import CanaryError
from townsquare.moderation.model import ModerationError
from townsquare.services.errors import ConflictError, ForbiddenError, NotFoundError
from townsquare.staff.permissions import UnknownRoleError
from townsquare.web.console.render import is_htmx, page
from townsquare.web.console.session import (
    CsrfRejected,
    LoginRequired,
    console_actor,
    login_url,
)

FAILURES: tuple[tuple[type[Exception], int, str], ...] = (
    (CsrfRejected, 403, "Refused"),
    (ForbiddenError, 403, "Not allowed"),
    (NotFoundError, 404, "Not found"),
    (ConflictError, 409, "Conflict"),
    (ModerationError, 422, "Cannot do that"),
    (CanaryError, 422, "Cannot do that"),
    (UnknownRoleError, 422, "Cannot do that"),
    (RequestValidationError, 422, "Check the form"),
)


def _message(exc: Exception) -> str:
    if isinstance(exc, RequestValidationError):
        return "; ".join(
            f"{'.'.join(str(p) for p in e['loc'][1:]) or 'form'}: {e['msg']}"
            for e in exc.errors()
        )
    first = exc.args[0] if len(exc.args) == 1 else None
    return first if isinstance(first, str) else str(exc)


class ConsoleRoute(APIRoute):
    def get_route_handler(self) -> Callable[[Request], Coroutine[Any, Any, Response]]:
        handler = super().get_route_handler()

        async def handle(request: Request) -> Response:
            try:
                return await handler(request)
            except LoginRequired as exc:
                target = login_url(exc.next_path)
                if is_htmx(request):
                    return Response(status_code=401, headers={"HX-Redirect": target})
                return RedirectResponse(target, status_code=303)
            except Exception as exc:
                for kind, status, heading in FAILURES:
                    if isinstance(exc, kind):
                        return failure(request, status, heading, _message(exc))
                raise

        return handle


def failure(request: Request, status: int, heading: str, message: str) -> Response:
    try:
        actor = console_actor(request)
    except LoginRequired:
        actor = None
    template = "_failure.html" if is_htmx(request) else "failure.html"
    return page(request, actor, template, status=status, title=heading,
                heading=heading, message=message)

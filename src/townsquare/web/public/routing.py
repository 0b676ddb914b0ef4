"""The public pages' route class: a refused link, an unknown account or bad input becomes
a plain page with the right status, never a JSON error or a stack trace."""

from __future__ import annotations

from collections.abc import Callable, Coroutine
from typing import Any

from fastapi import Request, Response
from fastapi.exceptions import RequestValidationError
from fastapi.routing import APIRoute

from townsquare.moderation.model import ModerationError
from townsquare.services.errors import ConflictError, ForbiddenError, NotFoundError
from townsquare.web.public.render import failure

FAILURES: tuple[tuple[type[Exception], int], ...] = (
    (ForbiddenError, 403),
    (NotFoundError, 404),
    (ConflictError, 409),
    (ModerationError, 422),
    (RequestValidationError, 422),
)


def _message(exc: Exception) -> str:
    if isinstance(exc, RequestValidationError):
        return "; ".join(f"{'.'.join(str(p) for p in e['loc'][1:]) or 'form'}: {e['msg']}"
                         for e in exc.errors())
    first = exc.args[0] if len(exc.args) == 1 else None
    return first if isinstance(first, str) else str(exc)


class PublicRoute(APIRoute):
    def get_route_handler(self) -> Callable[[Request], Coroutine[Any, Any, Response]]:
        handler = super().get_route_handler()

        async def handle(request: Request) -> Response:
            try:
                return await handler(request)
            except Exception as exc:
                for kind, status in FAILURES:
                    if isinstance(exc, kind):
                        return failure(request, status, _message(exc))
                raise

        return handle

"""Request ids: each HTTP request carries one (the caller's ``X-Request-ID`` or a new uuid4),
recorded with the audit events it causes and echoed in the response header."""

from __future__ import annotations

import uuid

from starlette.datastructures import Headers, MutableHeaders
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from townsquare.services.audit import request_id_scope

HEADER = "X-Request-ID"
MAX_LENGTH = 128


def usable(value: str) -> bool:
    """A caller's id is kept when it is 1-128 visible ASCII characters (no spaces)."""
    return 0 < len(value) <= MAX_LENGTH and all("!" <= c <= "~" for c in value)


class RequestId:
    """ASGI middleware: binds the request id for :func:`townsquare.services.audit.record`.

    An unusable id (too long, spaces or control characters) is replaced, not refused: the id
    serves correlation, and a request must not fail over it."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        given = Headers(scope=scope).get(HEADER)
        request_id = given if given is not None and usable(given) else str(uuid.uuid4())

        async def send_with_id(message: Message) -> None:
            if message["type"] == "http.response.start":
                MutableHeaders(scope=message)[HEADER] = request_id
            await send(message)

        with request_id_scope(request_id):
            await self.app(scope, receive, send_with_id)

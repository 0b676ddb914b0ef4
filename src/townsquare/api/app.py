"""The FastAPI application factory (used by `townsquare serve` and the tests)."""

from __future__ import annotations

import gc
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from starlette.datastructures import Headers
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from townsquare.api.request_id import RequestId
from townsquare.api.routes import router
from townsquare.api.routes_audit import router as audit_router
from townsquare.api.routes_civic import router as civic_router
from townsquare.api.routes_delivery import router as delivery_router
from townsquare.api.routes_due_process import router as due_process_router
from townsquare.api.routes_reports import router as reports_router
from townsquare.api.routes_staff import router as staff_router
from townsquare.api.runtime import open_runtime
from townsquare.audit import AuditError
from townsquare.canary.model import CanaryError
from townsquare.moderation.model import ModerationError
from townsquare.services.errors import ConflictError, ForbiddenError, NotFoundError
from townsquare.services.logins import LoginFailed, LoginThrottled
from townsquare.settings import Settings, load_settings
from townsquare.staff.permissions import UnknownRoleError
from townsquare.web.console.governance import governance_router
from townsquare.web.console.leaks import leaks_router
from townsquare.web.console.moderation import moderation_router
from townsquare.web.console.pages import console_router
from townsquare.web.console.pledges import pledges_router
from townsquare.web.pledge_pages import pledge_router
from townsquare.web.public import install as install_public_pages
from townsquare.web.routes import demo_router

MAX_BODY = 1_000_000  # bytes; larger request bodies get 413


def create_app(settings: Settings | None = None) -> FastAPI:
    """A server bound to `settings` (read from the environment when None)."""
    settings = settings or load_settings()

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        app.state.runtime = open_runtime(settings)
        # The loaded cache is long-lived: keep it out of full collections, which would
        # otherwise stall requests for ~100 ms every few seconds while freeing nothing.
        gc.collect()
        gc.freeze()
        try:
            yield
        finally:
            app.state.runtime.close()

    app = FastAPI(
        title="townsquare",
        version="0.1.0",
        lifespan=lifespan,
        description="Trust-and-safety back office: visibility verdicts, labels, "
        "enforcement, notices, strikes.",
    )
    app.include_router(router)
    app.include_router(staff_router)
    app.include_router(audit_router)
    app.include_router(reports_router)
    app.include_router(due_process_router)
    app.include_router(civic_router)
    app.include_router(delivery_router)
    app.include_router(demo_router)
    app.include_router(console_router)
    app.include_router(pledges_router)
    app.include_router(pledge_router)
    app.include_router(leaks_router)
    app.include_router(moderation_router)
    app.include_router(governance_router)

    app.add_middleware(BodyLimit, limit=MAX_BODY)
    app.add_middleware(RequestId)  # outermost: even a refused body gets its request id
    install_public_pages(app)  # public pages, /metrics; its request log wraps everything

    def handler(code: int):  # type: ignore[no-untyped-def]
        async def handle(_: Request, exc: Exception) -> JSONResponse:
            return JSONResponse({"detail": _message(exc)}, code)

        return handle

    app.add_exception_handler(ForbiddenError, handler(403))
    app.add_exception_handler(NotFoundError, handler(404))
    app.add_exception_handler(ConflictError, handler(409))
    app.add_exception_handler(ModerationError, handler(422))
    app.add_exception_handler(CanaryError, handler(422))
    app.add_exception_handler(AuditError, handler(422))
    app.add_exception_handler(UnknownRoleError, handler(422))
    app.add_exception_handler(LoginFailed, handler(401))
    app.add_exception_handler(LoginThrottled, _throttled)
    app.add_exception_handler(RequestValidationError, _validation)
    return app


async def _throttled(_: Request, exc: Exception) -> JSONResponse:
    wait = exc.retry_after if isinstance(exc, LoginThrottled) else 60
    return JSONResponse({"detail": _message(exc)}, 429, headers={"Retry-After": str(wait)})


def _message(exc: Exception) -> str:
    # str(KeyError) adds quotes; other messages may end in a quote of their own.
    first = exc.args[0] if len(exc.args) == 1 else None
    return first if isinstance(first, str) else str(exc)


class BodyLimit:
    """413 for a request body over `limit` bytes, declared (Content-Length) or streamed
    (chunked), before any route reads it."""

    def __init__(self, app: ASGIApp, limit: int) -> None:
        self.app, self.limit = app, limit

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        length = Headers(scope=scope).get("content-length", "")
        if length.isdigit() and int(length) > self.limit:
            await self._refuse(scope, receive, send)
            return
        body: list[bytes] = []
        size, more = 0, True
        while more:  # buffer the body (at most `limit` bytes) so an oversize one never routes
            message = await receive()
            if message["type"] != "http.request":  # the client went away mid-body
                await self.app(scope, _replay(message, receive), send)
                return
            chunk = message.get("body", b"")
            size += len(chunk)
            if size > self.limit:
                await self._refuse(scope, receive, send)
                return
            body.append(chunk)
            more = message.get("more_body", False)
        whole: Message = {"type": "http.request", "body": b"".join(body), "more_body": False}
        await self.app(scope, _replay(whole, receive), send)

    async def _refuse(self, scope: Scope, receive: Receive, send: Send) -> None:
        response = JSONResponse({"detail": f"request body over {self.limit} bytes"}, 413)
        await response(scope, receive, send)


def _replay(first: Message, receive: Receive) -> Receive:
    """A receive callable that hands over `first`, then defers to the server's `receive`."""
    pending = [first]

    async def replay() -> Message:
        return pending.pop() if pending else await receive()

    return replay


async def _validation(_: Request, exc: Exception) -> JSONResponse:
    raw = exc.errors() if isinstance(exc, RequestValidationError) else []
    errors = [{"loc": list(e["loc"]), "msg": e["msg"]} for e in raw]
    return JSONResponse({"detail": errors}, 422)

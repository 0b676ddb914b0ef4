"""The FastAPI application factory (used by `townsquare serve` and the tests)."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse

from townsquare.api.routes import router
from townsquare.api.runtime import open_runtime
from townsquare.canary.model import CanaryError
from townsquare.moderation.model import ModerationError
from townsquare.services.errors import ConflictError, NotFoundError
from townsquare.settings import Settings, load_settings
from townsquare.staff.permissions import UnknownRoleError

MAX_BODY = 1_000_000  # bytes; larger request bodies get 413


def create_app(settings: Settings | None = None) -> FastAPI:
    """A server bound to `settings` (read from the environment when None)."""
    settings = settings or load_settings()

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        app.state.runtime = open_runtime(settings)
        app.state.token_cache = {}
        try:
            yield
        finally:
            app.state.runtime.close()

    app = FastAPI(title="townsquare", version="0.1.0", lifespan=lifespan,
                  description="Trust-and-safety back office: visibility verdicts, labels, "
                              "enforcement, notices, strikes.")
    app.include_router(router)

    @app.middleware("http")
    async def limit_body(request: Request, call_next):  # type: ignore[no-untyped-def]
        length = request.headers.get("content-length")
        if length and length.isdigit() and int(length) > MAX_BODY:
            return JSONResponse({"detail": f"request body over {MAX_BODY} bytes"}, 413)
        return await call_next(request)

    def handler(code: int):  # type: ignore[no-untyped-def]
        async def handle(_: Request, exc: Exception) -> JSONResponse:
            return JSONResponse({"detail": str(exc).strip("'\"")}, code)
        return handle

    app.add_exception_handler(NotFoundError, handler(404))
    app.add_exception_handler(ConflictError, handler(409))
    app.add_exception_handler(ModerationError, handler(422))
    app.add_exception_handler(CanaryError, handler(422))
    app.add_exception_handler(UnknownRoleError, handler(422))
    app.add_exception_handler(RequestValidationError, _validation)
    return app


async def _validation(_: Request, exc: Exception) -> JSONResponse:
    raw = exc.errors() if isinstance(exc, RequestValidationError) else []
    errors = [{"loc": list(e["loc"]), "msg": e["msg"]} for e in raw]
    return JSONResponse({"detail": errors}, 422)

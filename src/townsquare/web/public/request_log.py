"""Operators' view of every request: one JSON log line (request id, method, route template,
status, duration) on the ``townsquare.requests`` logger, and the request metrics.

The middleware sits outside the request-id middleware, so it reads the id from the
response header that one sets; it adds two clock reads, a counter and a histogram update
to each request, and builds the log line only when the level lets it through.
"""

from __future__ import annotations

import json
import logging
import re
import sys
import time
from datetime import UTC, datetime
from typing import Any, Literal

from pydantic_settings import BaseSettings, SettingsConfigDict
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from townsquare.web.public.metrics import Metrics

LOGGER = "townsquare.requests"
METHODS = frozenset({"GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"})
UNMATCHED = "<unmatched>"  # 404s: no per-path label, whatever the path
VERDICT_ROUTE = "/api/v1/visibility"
SURFACE = re.compile(rb'^\{"surface":"([A-Za-z0-9_.-]{1,64})"')
ITEM = b'"item_id":'  # never inside a JSON string, whose quotes are escaped


class ObservabilitySettings(BaseSettings):
    """``TOWNSQUARE_LOG_LEVEL`` (debug, info, warning, error; info logs every request) and
    ``TOWNSQUARE_METRICS_TOKEN`` (when set, /metrics wants it as a bearer token)."""

    model_config = SettingsConfigDict(env_prefix="TOWNSQUARE_", extra="ignore", frozen=True)

    log_level: Literal["debug", "info", "warning", "error"] = "info"
    metrics_token: str | None = None


class JsonLines(logging.Formatter):
    """A record as one JSON object: time, level, message and the record's ``fields``."""

    def format(self, record: logging.LogRecord) -> str:
        line: dict[str, Any] = {
            "time": datetime.fromtimestamp(record.created, UTC).isoformat(),
            "level": record.levelname.lower(),
            "logger": record.name,
            "message": record.getMessage(),
            **getattr(record, "fields", {}),
        }
        if record.exc_info:
            line["error"] = self.formatException(record.exc_info)
        return json.dumps(line, ensure_ascii=False, default=str)


def configure_logging(level: str) -> logging.Logger:
    """The request logger at ``level``, writing JSON lines to stderr (set up once)."""
    logger = logging.getLogger(LOGGER)
    logger.setLevel(level.upper())
    if not any(isinstance(h.formatter, JsonLines) for h in logger.handlers):
        handler = logging.StreamHandler(sys.stderr)
        handler.setFormatter(JsonLines())
        logger.addHandler(handler)
        logger.propagate = False
    return logger


# Paths that carry a bearer secret of their own (pledge links, signed status links keep
# theirs in the query string, which is never logged): the log keeps the route only.
SECRET_PATHS = ("/pledge/",)


def _loggable(path: str) -> str:
    for prefix in SECRET_PATHS:
        if path.startswith(prefix):
            return prefix + "…"
    return path


def _route(scope: Scope) -> str:
    route = scope.get("route")
    path = getattr(route, "path_format", None) or getattr(route, "path", None)
    return path if isinstance(path, str) else UNMATCHED


class RequestLog:
    """ASGI middleware: count, time and log each HTTP request."""

    def __init__(self, app: ASGIApp, metrics: Metrics, logger: logging.Logger) -> None:
        self.app, self.metrics, self.logger = app, metrics, logger

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        started = time.perf_counter()
        answer: dict[str, Any] = {"status": 500, "request_id": None, "verdict": None}

        async def observed(message: Message) -> None:
            if message["type"] == "http.response.start":
                answer["status"] = message["status"]
                for name, value in message.get("headers", ()):
                    if name.lower() == b"x-request-id":
                        answer["request_id"] = value.decode("latin-1")
            elif answer["verdict"] is not None:
                answer["verdict"].append(message.get("body", b""))
            await send(message)

        if scope["path"] == VERDICT_ROUTE and scope["method"] == "POST":
            answer["verdict"] = []
        failed: BaseException | None = None
        try:
            await self.app(scope, receive, observed)
        except BaseException as exc:
            failed = exc
            raise
        finally:
            self._done(scope, answer, time.perf_counter() - started, failed)

    def _done(self, scope: Scope, answer: dict[str, Any], seconds: float,
              failed: BaseException | None) -> None:
        route, status = _route(scope), answer["status"]
        method = scope["method"] if scope["method"] in METHODS else "OTHER"  # bounded labels
        self.metrics.observe(method, route, status, seconds)
        if answer["verdict"] is not None and status == 200:
            body = b"".join(answer["verdict"])
            surface = SURFACE.match(body)
            if surface:
                self.metrics.served(surface.group(1).decode(), body.count(ITEM))
        level = logging.ERROR if failed is not None or status >= 500 else logging.INFO
        if self.logger.isEnabledFor(level):
            self.logger.log(level, "request", exc_info=failed, extra={"fields": {
                "request_id": answer["request_id"], "method": method, "route": route,
                "path": _loggable(scope["path"]), "status": status,
                "duration_ms": round(seconds * 1000, 3)}})

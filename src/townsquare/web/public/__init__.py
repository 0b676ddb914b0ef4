"""The public pages (account status by signed link, transparency report, moderation log)
and what operators read (/metrics, JSON request logs). :func:`install` wires them all."""

from __future__ import annotations

from fastapi import FastAPI

from townsquare.web.public.metrics import Metrics, metrics_router
from townsquare.web.public.request_log import (
    ObservabilitySettings,
    RequestLog,
    configure_logging,
)
from townsquare.web.public.status_pages import link_api, status_router
from townsquare.web.public.transparency_pages import transparency_router


def install(app: FastAPI, settings: ObservabilitySettings | None = None) -> None:
    """Add the public pages, the status-link API route and /metrics to ``app``, and the
    request log as its outermost middleware (call it after the other middleware)."""
    settings = settings or ObservabilitySettings()
    metrics = Metrics(settings.metrics_token)
    app.state.metrics = metrics
    for router in (status_router, link_api, transparency_router, metrics_router):
        app.include_router(router)
    app.add_middleware(RequestLog, metrics=metrics, logger=configure_logging(settings.log_level))
    metrics.watch(app)

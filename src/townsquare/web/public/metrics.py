"""Prometheus metrics at /metrics: requests and latencies per route template (counted by
the request log middleware), verdicts served, and gauges read at scrape time (label cache
lag, open reports per queue, pending two-person requests, lockdowns in force).

Each app has a registry of its own, so several apps in one process (tests, workers in
threads) never share or double-register a metric.
"""

from __future__ import annotations

import hmac
import time
from collections.abc import Iterator
from typing import Annotated, Any

from fastapi import APIRouter, Depends, FastAPI, Header, Request, Response
from prometheus_client import CONTENT_TYPE_LATEST, CollectorRegistry, Counter, Histogram
from prometheus_client.core import GaugeMetricFamily
from prometheus_client.exposition import generate_latest
from prometheus_client.registry import Collector

from townsquare.api.auth import runtime
from townsquare.api.runtime import Runtime
from townsquare.services.errors import ForbiddenError
from townsquare.services.operator_gauges import read_gauges

metrics_router = APIRouter(include_in_schema=False)
BUCKETS = (0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0)


class Metrics:
    """The app's registry and the metrics its middleware updates."""

    def __init__(self, token: str | None = None) -> None:
        self.token = token
        self.registry = CollectorRegistry()
        self.requests = Counter("townsquare_http_requests", "HTTP requests answered",
                                ["method", "route", "status"], registry=self.registry)
        self.latency = Histogram("townsquare_http_request_duration_seconds",
                                 "Time to answer an HTTP request", ["method", "route"],
                                 buckets=BUCKETS, registry=self.registry)
        self.verdicts = Counter("townsquare_verdicts_served",
                                "Visibility verdicts answered by the API",
                                ["surface"], registry=self.registry)

        # label lookups cost a lock and a tuple each; a route's children are kept at hand
        self._children: dict[tuple[str, str, int], tuple[Any, Any]] = {}
        self._surfaces: dict[str, Any] = {}

    def observe(self, method: str, route: str, status: int, seconds: float) -> None:
        """Count one answered request and its duration."""
        key = (method, route, status)
        children = self._children.get(key)
        if children is None:
            children = (self.requests.labels(method, route, str(status)),
                        self.latency.labels(method, route))
            self._children[key] = children
        children[0].inc()
        children[1].observe(seconds)

    def served(self, surface: str, verdicts: int) -> None:
        child = self._surfaces.get(surface)
        if child is None:
            child = self._surfaces[surface] = self.verdicts.labels(surface)
        child.inc(verdicts)

    def watch(self, app: FastAPI) -> None:
        self.registry.register(RuntimeGauges(app))


class RuntimeGauges(Collector):
    """Gauges read from the app's runtime and the database when Prometheus scrapes."""

    def __init__(self, app: FastAPI) -> None:
        self.app = app

    def collect(self) -> Iterator[GaugeMetricFamily]:
        rt: Runtime | None = getattr(self.app.state, "runtime", None)
        if rt is None:  # not started (or already closed)
            return
        cache = rt.cache
        if cache.last_refresh is not None:  # None until the first good poll
            yield GaugeMetricFamily(
                "townsquare_label_cache_lag_seconds",
                "Seconds since this worker's label cache last applied the change logs",
                value=max(0.0, time.monotonic() - cache.last_refresh))
        label_version, _ = cache.versions
        yield GaugeMetricFamily("townsquare_label_cache_version",
                                "Last label change this worker's cache applied",
                                value=label_version)
        gauges = read_gauges(rt.services)
        reports = GaugeMetricFamily("townsquare_open_reports",
                                    "Reports waiting for a decision, per queue",
                                    labels=["queue"])
        for queue, count in sorted(gauges.open_reports.items()):
            reports.add_metric([queue], count)
        yield reports
        yield GaugeMetricFamily("townsquare_pending_approvals",
                                "Two-person requests waiting for a second person",
                                value=gauges.pending_approvals)
        yield GaugeMetricFamily("townsquare_lockdowns_in_force",
                                "Lockdowns in force now (0: none)",
                                value=gauges.lockdowns_in_force)


@metrics_router.get("/metrics")
def metrics(request: Request, _: Annotated[Runtime, Depends(runtime)],
            authorization: Annotated[str | None, Header()] = None) -> Response:
    """Every metric in the Prometheus text format (a bearer token when one is configured)."""
    held: Metrics = request.app.state.metrics
    if held.token is not None and not hmac.compare_digest(
            (authorization or "").encode(), f"Bearer {held.token}".encode()):
        raise ForbiddenError("metrics: give the operators' bearer token")
    return Response(generate_latest(held.registry), media_type=CONTENT_TYPE_LATEST)

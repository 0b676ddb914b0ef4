"""The transparency report (/transparency) and the public moderation log
(/transparency/log, with CSV and JSON downloads). No login."""

from __future__ import annotations

import csv
import io
import json
from typing import Annotated

from fastapi import APIRouter, Depends, Query, Request
from fastapi.responses import HTMLResponse, Response

from townsquare.api.auth import runtime
from townsquare.api.runtime import Runtime
from townsquare.services import public_log, transparency
from townsquare.web.public.render import page
from townsquare.web.public.routing import PublicRoute

transparency_router = APIRouter(include_in_schema=False, route_class=PublicRoute)
Rt = Annotated[Runtime, Depends(runtime)]
Day = Annotated[str | None, Query(max_length=10)]


def _period(first: str | None, last: str | None) -> transparency.Period:
    return transparency.parse_period(first or None, last or None)


@transparency_router.get("/transparency", response_class=HTMLResponse)
def report_page(request: Request, rt: Rt, from_: Annotated[str | None, Query(
        alias="from", max_length=10)] = None, to: Day = None) -> HTMLResponse:
    """Actions by policy and surface, appeals, reinstatements, external requests and the
    median time to action for the chosen period, with charts and tables."""
    period = _period(from_, to)
    numbers = transparency.report(rt.services, period)
    return page(request, "transparency.html", title="Transparency report",
                period=period, report=numbers)


@transparency_router.get("/transparency/log", response_class=HTMLResponse)
def log_page(request: Request, rt: Rt, from_: Annotated[str | None, Query(
        alias="from", max_length=10)] = None, to: Day = None,
        page_: Annotated[int, Query(alias="page", ge=1, le=1_000_000)] = 1) -> HTMLResponse:
    """One page of the pseudonymised moderation log, newest first."""
    period = _period(from_, to)
    shown = public_log.log_page(rt.services, period, page_)
    return page(request, "log.html", title="Public moderation log", period=period,
                log=shown, fields=public_log.FIELDS)


@transparency_router.get("/transparency/log.json")
def log_json(rt: Rt, from_: Annotated[str | None, Query(alias="from", max_length=10)] = None,
             to: Day = None) -> Response:
    period = _period(from_, to)
    body = {"from": period.first.isoformat(), "to": period.last.isoformat(),
            "entries": public_log.whole_log(rt.services, period)}
    return Response(json.dumps(body, ensure_ascii=False), media_type="application/json",
                    headers=_attachment(period, "json"))


@transparency_router.get("/transparency/log.csv")
def log_csv(rt: Rt, from_: Annotated[str | None, Query(alias="from", max_length=10)] = None,
            to: Day = None) -> Response:
    period = _period(from_, to)
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=public_log.FIELDS, lineterminator="\r\n")
    writer.writeheader()
    for entry in public_log.whole_log(rt.services, period):
        row = {**entry, "surfaces": " ".join(entry["surfaces"])}
        writer.writerow({name: _cell(value) for name, value in row.items()})
    return Response(out.getvalue(), media_type="text/csv; charset=utf-8",
                    headers=_attachment(period, "csv"))


def _cell(value: object) -> str:
    """A CSV cell a spreadsheet shows as text: no formula from a policy or label name."""
    text = "" if value is None else str(value)
    return "'" + text if text[:1] in ("=", "+", "-", "@", "\t", "\r") else text


def _attachment(period: transparency.Period, extension: str) -> dict[str, str]:
    name = f"moderation-log-{period.first}-{period.last}.{extension}"
    return {"Content-Disposition": f'attachment; filename="{name}"'}

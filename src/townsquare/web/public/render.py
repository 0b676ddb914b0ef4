"""Rendering the public pages: one Jinja environment over templates/public."""

from __future__ import annotations

from datetime import datetime
from functools import cache
from pathlib import Path
from typing import Any

from fastapi import Request
from fastapi.responses import HTMLResponse
from jinja2 import Environment, FileSystemLoader, select_autoescape

from townsquare.web.public.charts import bar_chart

TEMPLATES = Path(__file__).resolve().parent.parent / "templates" / "public"


def _when(value: datetime | str | None) -> str:
    if value is None:
        return "no end date"
    moment = datetime.fromisoformat(value) if isinstance(value, str) else value
    return moment.strftime("%Y-%m-%d %H:%M UTC")


def _duration(seconds: float | None) -> str:
    if seconds is None:
        return "no report led to an action in this period"
    minutes = seconds / 60
    if minutes < 90:
        return f"{minutes:.0f} minutes"
    hours = minutes / 60
    return f"{hours:.1f} hours" if hours < 48 else f"{hours / 24:.1f} days"


@cache
def environment() -> Environment:
    env = Environment(loader=FileSystemLoader(TEMPLATES), autoescape=select_autoescape(["html"]),
                      trim_blocks=True, lstrip_blocks=True)
    env.filters["when"] = _when
    env.filters["duration"] = _duration
    env.globals["bar_chart"] = bar_chart
    return env


def page(request: Request, template: str, *, status: int = 200, title: str = "",
         **context: Any) -> HTMLResponse:
    html = environment().get_template(template).render(
        {"request": request, "path": request.url.path, "title": title, **context})
    return HTMLResponse(html, status_code=status)


def failure(request: Request, status: int, message: str) -> HTMLResponse:
    titles = {403: "Not allowed", 404: "Not found", 409: "Already done",
              422: "Please check what you entered"}
    return page(request, "failure.html", status=status,
                title=titles.get(status, "Something went wrong"), message=message)

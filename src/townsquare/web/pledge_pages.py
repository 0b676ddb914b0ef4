"""The public pledge page: ``/pledge/<token>`` shows the recipient their own copy of the
memo and an "I acknowledge" button. No login: the signed token in the path is the
credential, so the form needs no other CSRF token (another site cannot know it)."""

from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from jinja2 import Environment, FileSystemLoader, select_autoescape

from townsquare.services import pledges
from townsquare.services.errors import NotFoundError
from townsquare.web.console.session import runtime_of

TEMPLATES = Path(__file__).resolve().parent / "templates" / "pledge"
# The token must not leak to other sites through Referer, nor stay in shared caches.
PRIVATE = {"Referrer-Policy": "no-referrer", "Cache-Control": "no-store"}

pledge_router = APIRouter(include_in_schema=False)


@cache
def _environment() -> Environment:
    return Environment(loader=FileSystemLoader(TEMPLATES), autoescape=select_autoescape(["html"]),
                       trim_blocks=True, lstrip_blocks=True)


def _render(template: str, status: int = 200, **context: Any) -> HTMLResponse:
    html = _environment().get_template(template).render(**context)
    return HTMLResponse(html, status_code=status, headers=PRIVATE)


def _not_found(exc: NotFoundError) -> HTMLResponse:
    return _render("missing.html", 404, title="Link not valid", message=str(exc))


@pledge_router.get("/pledge/{token}")
def pledge_page(token: str, request: Request) -> Response:
    try:
        view = pledges.pledge_view(runtime_of(request).app, token)
    except NotFoundError as exc:
        return _not_found(exc)
    return _render("page.html", title=view.title, view=view,
                   just_signed=request.query_params.get("signed") == "1")


@pledge_router.post("/pledge/{token}")
def pledge_sign(token: str, request: Request) -> Response:
    try:
        pledges.acknowledge(runtime_of(request).app, token)
    except NotFoundError as exc:
        return _not_found(exc)
    return RedirectResponse(f"/pledge/{token}?signed=1", 303, headers=PRIVATE)

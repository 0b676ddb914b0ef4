"""Rendering console pages: one Jinja environment, and what every page knows (the viewer,
what they may do, what a lockdown froze, the CSRF token, the navigation)."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

from fastapi import Request
from fastapi.responses import HTMLResponse
from jinja2 import Environment, FileSystemLoader, select_autoescape

from townsquare.staff.actor import Actor
from townsquare.staff.permissions import Permission
from townsquare.web.console.fingerprint import fingerprint
from townsquare.web.console.session import CSRF_FIELD, csrf_token

TEMPLATES = Path(__file__).resolve().parent.parent / "templates" / "console"


@dataclass(frozen=True)
class NavItem:
    label: str
    href: str
    needs: Permission | None  # shown to those who hold it (None: everyone)


# The console's sections; areas add theirs with add_nav (in import order).
NAV: list[NavItem] = [NavItem("Dashboard", "/console/", None)]


def add_nav(label: str, href: str, needs: Permission | None) -> None:
    if all(item.href != href for item in NAV):
        NAV.append(NavItem(label, href, needs))


@cache
def environment() -> Environment:
    env = Environment(
        loader=FileSystemLoader(TEMPLATES),
        autoescape=select_autoescape(["html"]),
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters["fingerprint"] = fingerprint  # {{ text | fingerprint }}: the viewer's copy
    return env


def page(
    request: Request, actor: Actor | None, template: str, *, status: int = 200,
    title: str = "", **context: Any,
) -> HTMLResponse:
    """Render ``template`` for ``actor`` (None on the login page)."""
    def may(name: str) -> bool:
        return actor is not None and actor.may(Permission(name))

    values = {
        "request": request,
        "path": request.url.path,
        "viewer": actor,
        "may": may,
        "frozen": dict(actor.frozen) if actor else {},
        "nav": [n for n in NAV if actor and (n.needs is None or actor.may(n.needs))],
        "csrf": csrf_token(request) if actor else "",
        "csrf_field": CSRF_FIELD,
        "title": title,
        **context,
    }
    html = environment().get_template(template).render(values)
    return HTMLResponse(html, status_code=status)


def is_htmx(request: Request) -> bool:
    return request.headers.get("hx-request") == "true"

"""What the governance pages share: rendering a page or its htmx fragment, and reading
form values (name lists, moments, optional fields) with clear messages for bad input."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from fastapi import Request
from fastapi.responses import HTMLResponse

from townsquare.moderation.model import ModerationError
from townsquare.staff.actor import Actor
from townsquare.web.console.render import is_htmx, page


def answer(request: Request, viewer: Actor, name: str, *, title: str, **context: Any
           ) -> HTMLResponse:
    """The page ``governance_<name>.html``; for htmx, only its body fragment."""
    template = f"governance_{name}_body.html" if is_htmx(request) else f"governance_{name}.html"
    return page(request, viewer, template, title=title, **context)


def names(value: str) -> list[str]:
    """A comma- or space-separated list of names, empty entries dropped."""
    return [n for n in value.replace(",", " ").split() if n]


def utc_moment(value: str, field: str) -> datetime | None:
    """A form's date and time (``datetime-local``, read as UTC, or ISO with a zone)."""
    if not value.strip():
        return None
    try:
        moment = datetime.fromisoformat(value.strip().replace("Z", "+00:00"))
    except ValueError:
        raise ModerationError(f"{field}: a date and time like 2026-12-01T09:00") from None
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


def optional(value: str) -> str | None:
    """A form field left empty is a value not given."""
    return value.strip() or None

"""The account holder's status page (/status/{account_id}, reached by a signed link) and
its appeal form; and the API route the platform mints those links with."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Depends, Form, Query, Request
from fastapi.responses import HTMLResponse
from pydantic import BaseModel, Field

from townsquare.api.auth import require, runtime
from townsquare.api.runtime import Runtime
from townsquare.services import status_links
from townsquare.staff.actor import Actor
from townsquare.staff.permissions import Permission
from townsquare.web.public.render import page
from townsquare.web.public.routing import PublicRoute

status_router = APIRouter(include_in_schema=False, route_class=PublicRoute)
link_api = APIRouter(prefix="/api/v1", tags=["status"])
Rt = Annotated[Runtime, Depends(runtime)]
Expires = Annotated[str, Query(max_length=20)]
Sig = Annotated[str, Query(max_length=100)]


class StatusLinkIn(BaseModel):
    hours: float = Field(default=status_links.DEFAULT_HOURS, gt=0, le=status_links.MAX_HOURS,
                         description="How long the link stays valid.")


@link_api.post("/accounts/{account_id}/status-link", status_code=201)
def mint_status_link(
    account_id: str, rt: Rt,
    who: Annotated[Actor, Depends(require(Permission.STATUS_READ))],
    body: StatusLinkIn | None = None,
) -> dict[str, Any]:
    """A signed link to the account holder's status page (path relative to this server)."""
    hours = body.hours if body else status_links.DEFAULT_HOURS
    link = status_links.mint(rt.services, who, account_id, hours)
    return {"account_id": account_id, "path": link.path,
            "expires_at": link.expires_at.isoformat()}


def _view(request: Request, rt: Runtime, link: status_links.StatusLink, *, status: int = 200,
          **context: Any) -> HTMLResponse:
    return page(request, "status.html", status=status, title="Your account status", link=link,
                **status_links.status_for(rt.services, link), **context)


@status_router.get("/status/{account_id}", response_class=HTMLResponse)
def status_page(request: Request, account_id: str, rt: Rt, expires: Expires = "",
                sig: Sig = "") -> HTMLResponse:
    """Every active limit on the account, why, and how to appeal it."""
    link = status_links.verify(rt.services.app.key, account_id, expires, sig)
    return _view(request, rt, link)


@status_router.post("/status/{account_id}/appeals", response_class=HTMLResponse)
def appeal(
    request: Request, account_id: str, rt: Rt,
    expires: Annotated[str, Form(max_length=20)],
    sig: Annotated[str, Form(max_length=100)],
    target_type: Annotated[str, Form(max_length=16)],
    target_id: Annotated[int, Form(ge=1)],
    statement: Annotated[str, Form(max_length=5000)] = "",
) -> HTMLResponse:
    """File the holder's appeal; the form carries the link's signature (its CSRF token)."""
    link = status_links.verify(rt.services.app.key, account_id, expires, sig)
    filed = status_links.appeal_from_page(rt.services, link, target_type, target_id, statement)
    return _view(request, rt, link, status=201, filed=filed)

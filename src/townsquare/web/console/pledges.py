"""Memo delivery by email and pledge campaigns in the console (memos.issue): a memo's
delivery status with a "deliver by email" button; pledge campaigns (set up, a live table of
who signed, record an acknowledgement, send reminders, export CSV). Each page calls the
same use cases as the API and the CLI."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Annotated

from fastapi import APIRouter, Form, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response

from townsquare.moderation.model import ModerationError
from townsquare.services import delivery, pledges
from townsquare.services.memos import list_memos
from townsquare.staff.actor import Actor
from townsquare.staff.permissions import Permission as P
from townsquare.web.console.pages import Csrf, Viewer
from townsquare.web.console.render import add_nav, is_htmx, page
from townsquare.web.console.routing import ConsoleRoute
from townsquare.web.console.session import runtime_of

pledges_router = APIRouter(prefix="/console", include_in_schema=False,
                           route_class=ConsoleRoute)
POLL_SECONDS = 5  # how often the campaign table refreshes itself

add_nav("Pledges", "/console/pledges", P.MEMOS_ISSUE)


def _moment(value: str) -> datetime:
    """A datetime-local form value (UTC unless it names a zone)."""
    try:
        when = datetime.fromisoformat(value)
    except ValueError:
        raise ModerationError(f"deadline: {value!r} is not a date and time") from None
    return when if when.tzinfo else when.replace(tzinfo=UTC)


# --- delivery -----------------------------------------------------------------------------


def _delivery(request: Request, viewer: Actor, memo_id: str, notice: str = "") -> HTMLResponse:
    rows = delivery.delivery_status(runtime_of(request).app, viewer, memo_id)
    counts = {s: sum(1 for r in rows if r["status"] == s) for s in ("pending", "sending", "sent",
                                                               "failed")}
    template = "pledges_delivery_body.html" if is_htmx(request) else "pledges_delivery.html"
    return page(request, viewer, template, title=f"Delivery of {memo_id}", memo_id=memo_id,
                rows=rows, counts=counts, notice=notice)


@pledges_router.get("/memos/{memo_id}/delivery")
def delivery_page(request: Request, viewer: Viewer, memo_id: str) -> HTMLResponse:
    """Each recipient's delivery status and the button that (re)sends the copies."""
    return _delivery(request, viewer, memo_id)


@pledges_router.post("/memos/{memo_id}/delivery", dependencies=[Csrf])
def deliver(request: Request, viewer: Viewer, memo_id: str) -> HTMLResponse:
    done = delivery.deliver_memo(runtime_of(request).app, viewer, memo_id)
    return _delivery(request, viewer, memo_id,
                     f"Sent {done['sent']}, failed {done['failed']}, already delivered "
                     f"{done['skipped']}.")


# --- pledge campaigns ---------------------------------------------------------------------


@pledges_router.get("/pledges")
def campaigns_page(request: Request, viewer: Viewer) -> HTMLResponse:
    """Campaigns with how many signed, and the form that sets one up."""
    app = runtime_of(request).app
    found = pledges.list_campaigns(app, viewer)
    taken = {c["memo_id"] for c in found}
    memos = [m for m in list_memos(app.sessions) if m.id not in taken]
    return page(request, viewer, "pledges_list.html", title="Pledge campaigns",
                campaigns=found, memos=memos)


@pledges_router.post("/pledges", dependencies=[Csrf])
def create_campaign(
    request: Request, viewer: Viewer, memo_id: Annotated[str, Form(min_length=1, max_length=32)],
    deadline: Annotated[str, Form(min_length=1, max_length=40)],
    remind_hours: Annotated[int, Form(ge=1, le=pledges.MAX_REMIND_HOURS)] = 48,
) -> Response:
    made = pledges.create_campaign(runtime_of(request).app, viewer, memo_id,
                                   _moment(deadline), remind_hours)
    return RedirectResponse(f"/console/pledges/{made['id']}", status_code=303)


def _campaign(request: Request, viewer: Actor, campaign_id: int, notice: str = "",
              fragment: bool = False) -> HTMLResponse:
    table = pledges.campaign_table(runtime_of(request).app, viewer, campaign_id)
    template = "pledges_table.html" if fragment else "pledges_campaign.html"
    return page(request, viewer, template, title=f"Pledge: {table['title']}", c=table,
                notice=notice, poll=POLL_SECONDS)


@pledges_router.get("/pledges/{campaign_id}")
def campaign_page(request: Request, viewer: Viewer, campaign_id: int) -> HTMLResponse:
    """Who signed and who did not; the table refreshes itself while the page is open."""
    return _campaign(request, viewer, campaign_id)


@pledges_router.get("/pledges/{campaign_id}/table")
def campaign_table(request: Request, viewer: Viewer, campaign_id: int) -> HTMLResponse:
    """The table alone (what the page polls)."""
    return _campaign(request, viewer, campaign_id, fragment=True)


@pledges_router.post("/pledges/{campaign_id}/signatures", dependencies=[Csrf])
def record_signature(
    request: Request, viewer: Viewer, campaign_id: int,
    recipient_id: Annotated[str, Form(min_length=1, max_length=128)],
) -> HTMLResponse:
    pledges.record_acknowledgement(runtime_of(request).app, viewer, campaign_id, recipient_id)
    return _campaign(request, viewer, campaign_id,
                     f"Recorded {recipient_id}'s acknowledgement.", fragment=is_htmx(request))


@pledges_router.post("/pledges/{campaign_id}/reminders", dependencies=[Csrf])
def send_reminders(request: Request, viewer: Viewer, campaign_id: int) -> HTMLResponse:
    report = pledges.remind(runtime_of(request).app, viewer)
    mine = [r for r in report if r["campaign_id"] == campaign_id]
    notice = (f"Reminded {mine[0]['reminded']} (failed {mine[0]['failed']}) for today's "
              "window." if mine else "This campaign is not in its reminder period.")
    return _campaign(request, viewer, campaign_id, notice, fragment=is_htmx(request))


@pledges_router.get("/pledges/{campaign_id}/export.csv")
def export(request: Request, viewer: Viewer, campaign_id: int) -> Response:
    text = pledges.export_csv(runtime_of(request).app, viewer, campaign_id)
    return Response(text, media_type="text/csv; charset=utf-8", headers={
        "Content-Disposition": f'attachment; filename="pledge-{campaign_id}.csv"'})

"""Memo delivery by email and pledge campaigns under /api/v1 (memos.issue): parse, call
one service, answer."""

from __future__ import annotations

from datetime import datetime
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Response
from pydantic import Field

from townsquare.api.auth import require, runtime
from townsquare.api.runtime import Runtime
from townsquare.api.schemas import Strict
from townsquare.services import delivery, pledges
from townsquare.staff.actor import Actor
from townsquare.staff.permissions import Permission as P

router = APIRouter(prefix="/api/v1")
Rt = Annotated[Runtime, Depends(runtime)]
Issuer = Annotated[Actor, Depends(require(P.MEMOS_ISSUE))]


class PledgeIn(Strict):
    memo_id: str = Field(min_length=1, max_length=32)
    deadline: datetime
    remind_hours: int = Field(default=48, ge=1, le=pledges.MAX_REMIND_HOURS)


class SignatureIn(Strict):
    recipient_id: str = Field(min_length=1, max_length=128)


@router.post("/memos/{memo_id}/deliveries", tags=["memos"])
def deliver(memo_id: str, rt: Rt, who: Issuer) -> dict[str, Any]:
    """Email each recipient not yet served their own copy (SMTP settings); the counts and
    each recipient's outcome. Calling it again retries only the failures."""
    return delivery.deliver_memo(rt.app, who, memo_id)


@router.get("/memos/{memo_id}/deliveries", tags=["memos"])
def deliveries(memo_id: str, rt: Rt, who: Issuer) -> list[dict[str, Any]]:
    """Each recipient's delivery status: pending, sent or failed (with the last error)."""
    return delivery.delivery_status(rt.app, who, memo_id)


@router.post("/pledges", status_code=201, tags=["pledges"])
def create_pledge(body: PledgeIn, rt: Rt, who: Issuer) -> dict[str, Any]:
    """Make a memo a pledge to acknowledge by ``deadline``; deliver it afterwards."""
    return pledges.create_campaign(rt.app, who, body.memo_id, body.deadline, body.remind_hours)


@router.get("/pledges", tags=["pledges"])
def list_pledges(rt: Rt, who: Issuer) -> list[dict[str, Any]]:
    return pledges.list_campaigns(rt.app, who)


@router.get("/pledges/{campaign_id}", tags=["pledges"])
def pledge_table(campaign_id: int, rt: Rt, who: Issuer) -> dict[str, Any]:
    """The campaign and one row per recipient: signed or not, when, how, reminders."""
    return pledges.campaign_table(rt.app, who, campaign_id)


@router.get("/pledges/{campaign_id}/export", tags=["pledges"])
def export_pledge(campaign_id: int, rt: Rt, who: Issuer) -> Response:
    """The table as CSV."""
    text = pledges.export_csv(rt.app, who, campaign_id)
    return Response(text, media_type="text/csv; charset=utf-8", headers={
        "Content-Disposition": f'attachment; filename="pledge-{campaign_id}.csv"'})


@router.post("/pledges/{campaign_id}/signatures", status_code=201, tags=["pledges"])
def record_signature(campaign_id: int, body: SignatureIn, rt: Rt,
                     who: Issuer) -> dict[str, Any]:
    """Record that a recipient acknowledged (e.g. in person)."""
    return pledges.record_acknowledgement(rt.app, who, campaign_id, body.recipient_id)


@router.post("/pledges/reminders", tags=["pledges"])
def send_reminders(rt: Rt, who: Issuer) -> list[dict[str, Any]]:
    """Remind everyone who has not signed a campaign in its reminder period (once per
    recipient per UTC day)."""
    return pledges.remind(rt.app, who)

"""Delivery and pledge repository: plain functions over a Session (no commits)."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime
from typing import Any, cast

from sqlalchemy import CursorResult, and_, func, or_, select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from townsquare.store.delivery_tables import (
    MemoDelivery,
    PledgeCampaign,
    PledgeReminder,
    PledgeSignature,
)
from townsquare.store.memos import RecipientRow
from townsquare.store.tables import MemoRecipient, utcnow

_PAGE = 1000


def recipients(session: Session, memo_id: str) -> Iterator[RecipientRow]:
    """Every recipient of a memo in position order, fetched a page at a time."""
    after = -1
    while True:
        rows = session.execute(
            select(MemoRecipient.position, MemoRecipient.recipient_id, MemoRecipient.name,
                   MemoRecipient.email, MemoRecipient.copy_sha256)
            .where(MemoRecipient.memo_id == memo_id, MemoRecipient.position > after)
            .order_by(MemoRecipient.position).limit(_PAGE)
        ).all()
        for row in rows:
            yield RecipientRow(*row)
        if len(rows) < _PAGE:
            return
        after = rows[-1].position


def deliveries(session: Session, memo_id: str) -> dict[int, MemoDelivery]:
    """The latest delivery status of each recipient (by position) that was tried."""
    rows = session.scalars(select(MemoDelivery).where(MemoDelivery.memo_id == memo_id))
    return {row.position: row for row in rows}


def claim_delivery(session: Session, memo_id: str, position: int, email: str,
                   now: datetime, stale_before: datetime) -> bool:
    """Mark a recipient's delivery as in progress, unless it was sent or another run is
    sending it (a claim older than ``stale_before`` is abandoned and may be taken over).
    True when this caller holds the claim."""
    try:
        with session.begin_nested():
            session.add(MemoDelivery(memo_id=memo_id, position=position, email=email,
                                     status="sending", attempts=0, updated_at=now))
        return True
    except IntegrityError:
        pass
    taken = session.execute(
        update(MemoDelivery)
        .where(MemoDelivery.memo_id == memo_id, MemoDelivery.position == position,
               or_(MemoDelivery.status == "failed",
                   and_(MemoDelivery.status == "sending", MemoDelivery.updated_at < stale_before)))
        .values(status="sending", updated_at=now)
    )
    return cast(CursorResult[Any], taken).rowcount == 1


def save_delivery(session: Session, memo_id: str, position: int, email: str, status: str,
                  attempts: int, error: str | None, message_id: str | None) -> None:
    """Store a recipient's latest delivery outcome (attempts add up across runs)."""
    row = session.get(MemoDelivery, (memo_id, position))
    if row is None:
        row = MemoDelivery(memo_id=memo_id, position=position, attempts=0)
        session.add(row)
    row.email, row.status, row.last_error = email, status, error
    row.attempts = (row.attempts or 0) + attempts
    row.message_id = message_id or row.message_id
    row.updated_at = utcnow()
    session.flush()


def campaign(session: Session, campaign_id: int) -> PledgeCampaign | None:
    return session.get(PledgeCampaign, campaign_id)


def campaign_of_memo(session: Session, memo_id: str) -> PledgeCampaign | None:
    return session.scalars(
        select(PledgeCampaign).where(PledgeCampaign.memo_id == memo_id)
    ).first()


def campaigns(session: Session) -> list[PledgeCampaign]:
    """Every campaign, the nearest deadline first."""
    return list(session.scalars(
        select(PledgeCampaign).order_by(PledgeCampaign.deadline, PledgeCampaign.id)))


def signatures(session: Session, campaign_id: int) -> dict[int, PledgeSignature]:
    rows = session.scalars(
        select(PledgeSignature).where(PledgeSignature.campaign_id == campaign_id))
    return {row.position: row for row in rows}


def add_signature(session: Session, campaign_id: int, position: int, via: str,
                  signed_by: str, at: datetime) -> PledgeSignature:
    row = PledgeSignature(campaign_id=campaign_id, position=position, via=via,
                          signed_by=signed_by, signed_at=at)
    session.add(row)
    session.flush()
    return row


def reminded(session: Session, campaign_id: int, window: str) -> set[int]:
    """Positions already reminded in ``window``."""
    return set(session.scalars(select(PledgeReminder.position).where(
        PledgeReminder.campaign_id == campaign_id, PledgeReminder.window == window)))


def add_reminder(session: Session, campaign_id: int, position: int, window: str,
                 at: datetime) -> None:
    session.add(PledgeReminder(campaign_id=campaign_id, position=position, window=window,
                               sent_at=at))
    session.flush()


def reminder_counts(session: Session, campaign_id: int) -> dict[int, int]:
    """How many reminders each position was sent."""
    rows = session.execute(
        select(PledgeReminder.position, func.count())
        .where(PledgeReminder.campaign_id == campaign_id).group_by(PledgeReminder.position))
    return {int(pos): int(n) for pos, n in rows}


def position_of(session: Session, memo_id: str, recipient_id: str) -> int | None:
    return session.scalars(select(MemoRecipient.position).where(
        MemoRecipient.memo_id == memo_id, MemoRecipient.recipient_id == recipient_id)).first()

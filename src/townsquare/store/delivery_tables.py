"""Email deliveries of memo copies, pledge campaigns and acknowledgements."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import ForeignKey, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from townsquare.store.tables import Base, UTCDateTime, utcnow


class MemoDelivery(Base):
    """One recipient's copy of a memo sent by email: its latest status and attempts."""

    __tablename__ = "memo_deliveries"

    memo_id: Mapped[str] = mapped_column(
        String(32), ForeignKey("memos.id", ondelete="CASCADE"), primary_key=True
    )
    position: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    email: Mapped[str] = mapped_column(String(320))
    status: Mapped[str] = mapped_column(String(16))  # 'sent' | 'failed'
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    last_error: Mapped[str | None] = mapped_column(Text)
    message_id: Mapped[str | None] = mapped_column(String(255))
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)


class PledgeCampaign(Base):
    """A memo each recipient must acknowledge by ``deadline``; reminders go out in the
    ``remind_hours`` before it."""

    __tablename__ = "pledge_campaigns"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    memo_id: Mapped[str] = mapped_column(
        String(32), ForeignKey("memos.id", ondelete="CASCADE"), unique=True
    )
    deadline: Mapped[datetime] = mapped_column(UTCDateTime)
    remind_hours: Mapped[int] = mapped_column(Integer)
    created_by: Mapped[str] = mapped_column(String(128))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)


class PledgeSignature(Base):
    """A recipient acknowledged the memo (through their signed link or the console)."""

    __tablename__ = "pledge_signatures"

    campaign_id: Mapped[int] = mapped_column(
        ForeignKey("pledge_campaigns.id", ondelete="CASCADE"), primary_key=True
    )
    position: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    via: Mapped[str] = mapped_column(String(16))  # 'link' | 'console'
    signed_by: Mapped[str] = mapped_column(String(128))
    signed_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)


class PledgeReminder(Base):
    """A reminder sent to one recipient in one reminder window (at most one per window;
    failed sends are not recorded, so the next run tries again)."""

    __tablename__ = "pledge_reminders"
    __table_args__ = (UniqueConstraint("campaign_id", "position", "window"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    campaign_id: Mapped[int] = mapped_column(
        ForeignKey("pledge_campaigns.id", ondelete="CASCADE"), index=True
    )
    position: Mapped[int] = mapped_column(Integer)
    window: Mapped[str] = mapped_column(String(32))
    sent_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)

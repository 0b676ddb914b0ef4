"""SQLAlchemy tables: memos, their recipients and shingles, and traces."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from sqlalchemy import (
    JSON,
    BigInteger,
    DateTime,
    Dialect,
    ForeignKey,
    Integer,
    MetaData,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.dialects.postgresql import JSONB
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column
from sqlalchemy.types import TypeDecorator

NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}

# JSONB on PostgreSQL (compact, indexable); JSON text on SQLite.
JSONDocument = JSON().with_variant(JSONB(), "postgresql")


def utcnow() -> datetime:
    return datetime.now(UTC)


class UTCDateTime(TypeDecorator[datetime]):
    """A timezone-aware UTC datetime on every database (SQLite drops the zone)."""

    impl = DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("naive datetime: pass a timezone-aware datetime")
        return value.astimezone(UTC)

    def process_result_value(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            return value.replace(tzinfo=UTC)
        return value.astimezone(UTC)


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING_CONVENTION)


class Memo(Base):
    """An issued memo: its canonical text, the engine's layout and how it was keyed."""

    __tablename__ = "memos"

    id: Mapped[str] = mapped_column(String(32), primary_key=True)
    title: Mapped[str] = mapped_column(String(200))
    filename: Mapped[str] = mapped_column(String(255))
    extension: Mapped[str] = mapped_column(String(16))
    language: Mapped[str] = mapped_column(String(8))
    channels: Mapped[list[str]] = mapped_column(JSONDocument)
    canonical_text: Mapped[str] = mapped_column(Text)
    layout: Mapped[dict[str, Any]] = mapped_column(JSONDocument)
    recipient_count: Mapped[int] = mapped_column(Integer)
    slot_count: Mapped[int] = mapped_column(Integer)
    key_check: Mapped[str] = mapped_column(String(16))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)


class MemoRecipient(Base):
    """One recipient's copy; ``position`` selects the recipient's codeword."""

    __tablename__ = "memo_recipients"
    __table_args__ = (UniqueConstraint("memo_id", "recipient_id"),)

    memo_id: Mapped[str] = mapped_column(
        String(32), ForeignKey("memos.id", ondelete="CASCADE"), primary_key=True
    )
    position: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    recipient_id: Mapped[str] = mapped_column(String(128))
    name: Mapped[str] = mapped_column(String(255))
    email: Mapped[str] = mapped_column(String(320))
    copy_sha256: Mapped[str] = mapped_column(String(64))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)


class MemoShingle(Base):
    """How often a 64-bit shingle hash occurs in a memo; finds the memo behind a leak."""

    __tablename__ = "memo_shingles"

    memo_id: Mapped[str] = mapped_column(
        String(32), ForeignKey("memos.id", ondelete="CASCADE"), primary_key=True
    )
    shingle: Mapped[int] = mapped_column(
        BigInteger, primary_key=True, autoincrement=False, index=True
    )
    count: Mapped[int] = mapped_column(Integer)


class Trace(Base):
    """One tracing run over a leaked text or image, and what it concluded."""

    __tablename__ = "traces"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    memo_id: Mapped[str | None] = mapped_column(
        String(32), ForeignKey("memos.id", ondelete="SET NULL"), index=True
    )
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    source_kind: Mapped[str] = mapped_column(String(16))
    source_sha256: Mapped[str] = mapped_column(String(64))
    verdict: Mapped[str] = mapped_column(String(16))
    result: Mapped[dict[str, Any]] = mapped_column(JSONDocument)


# The other areas keep their tables in modules of their own; importing them here registers them on
# Base.metadata for Alembic and the drift check (it imports Base from this module).
from townsquare.store import audit_tables as _audit_tables  # noqa: E402, F401
from townsquare.store import civic_tables as _civic_tables  # noqa: E402, F401
from townsquare.store import delivery_tables as _delivery_tables  # noqa: E402, F401
from townsquare.store import due_process_tables as _due_process_tables  # noqa: E402, F401
from townsquare.store import moderation_tables as _moderation_tables  # noqa: E402, F401
from townsquare.store import page_view_tables as _page_view_tables  # noqa: E402, F401
from townsquare.store import report_tables as _report_tables  # noqa: E402, F401
from townsquare.store import staff_tables as _staff_tables  # noqa: E402, F401

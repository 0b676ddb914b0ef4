"""Console page views: who saw which fingerprinted page, when, and the texts they saw.

A text shown through the console's ``fingerprint`` filter is stored once (``page_texts``,
its canonical form and the engine's layout); every view of it is one numbered copy
(``page_text_copies.position`` selects the codeword), tied to its page view."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import BigInteger, ForeignKey, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from townsquare.store.tables import Base, JSONDocument, UTCDateTime, utcnow


class PageView(Base):
    """One console page rendered for one staff member."""

    __tablename__ = "page_views"

    id: Mapped[str] = mapped_column(String(32), primary_key=True)
    viewer: Mapped[str] = mapped_column(String(128), index=True)
    path: Mapped[str] = mapped_column(String(500))
    viewed_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)


class PageText(Base):
    """A text some console page showed, in canonical form, with its slots."""

    __tablename__ = "page_texts"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    sha256: Mapped[str] = mapped_column(String(64), unique=True)
    canonical_text: Mapped[str] = mapped_column(Text)
    layout: Mapped[dict[str, Any]] = mapped_column(JSONDocument)
    slot_count: Mapped[int] = mapped_column(Integer)
    copies: Mapped[int] = mapped_column(Integer, default=0)
    key_check: Mapped[str] = mapped_column(String(16))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)


class PageTextCopy(Base):
    """The copy of a text one page view showed: ``position`` selects its codeword."""

    __tablename__ = "page_text_copies"

    text_id: Mapped[int] = mapped_column(
        ForeignKey("page_texts.id", ondelete="CASCADE"), primary_key=True
    )
    position: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    view_id: Mapped[str] = mapped_column(
        String(32), ForeignKey("page_views.id", ondelete="CASCADE"), index=True
    )


class PageTextShingle(Base):
    """Word shingles of a page text: how a leak finds the text it came from."""

    __tablename__ = "page_text_shingles"

    text_id: Mapped[int] = mapped_column(
        ForeignKey("page_texts.id", ondelete="CASCADE"), primary_key=True
    )
    shingle: Mapped[int] = mapped_column(
        BigInteger, primary_key=True, autoincrement=False, index=True
    )
    count: Mapped[int] = mapped_column(Integer)

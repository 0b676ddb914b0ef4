"""SQLAlchemy tables of moderation: the platform's accounts, posts and follows, labels and
their change log, notices, enforcement actions, strikes, URL blocks and API tokens.

Kinds (label source, action kind, notice kind...) are stored as their string values so
that a new kind needs no schema change. The two ``*_changes`` tables are append-only
version counters that every worker polls to keep its in-process cache fresh.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import Boolean, ForeignKey, Index, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from townsquare.store.tables import Base, JSONDocument, UTCDateTime, utcnow


class Account(Base):
    """An account of the platform, as far as moderation needs to know it."""

    __tablename__ = "accounts"

    id: Mapped[str] = mapped_column(String(64), primary_key=True)
    handle: Mapped[str] = mapped_column(String(64), unique=True)
    high_profile: Mapped[bool] = mapped_column(Boolean, default=False)
    # Viewer preference: sees sensitive media without an interstitial.
    sensitive_media_opt_in: Mapped[bool] = mapped_column(Boolean, default=False)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)


class Post(Base):
    __tablename__ = "posts"

    id: Mapped[str] = mapped_column(String(64), primary_key=True)
    author_id: Mapped[str] = mapped_column(String(64), ForeignKey("accounts.id"), index=True)
    text: Mapped[str] = mapped_column(Text)
    urls: Mapped[list[str]] = mapped_column(JSONDocument)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)


class Follow(Base):
    __tablename__ = "follows"

    follower_id: Mapped[str] = mapped_column(
        String(64), ForeignKey("accounts.id"), primary_key=True
    )
    followee_id: Mapped[str] = mapped_column(
        String(64), ForeignKey("accounts.id"), primary_key=True
    )
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)


class Label(Base):
    """A safety label on a post or an account; removal keeps the row (``removed_at``)."""

    __tablename__ = "labels"
    __table_args__ = (Index("ix_labels_subject_type_subject_id", "subject_type", "subject_id"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    subject_type: Mapped[str] = mapped_column(String(16))
    subject_id: Mapped[str] = mapped_column(String(64))
    label: Mapped[str] = mapped_column(String(64))
    policy: Mapped[str] = mapped_column(String(64))
    source: Mapped[str] = mapped_column(String(16))
    note: Mapped[str] = mapped_column(Text, default="")
    created_by: Mapped[str] = mapped_column(String(128))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    expires_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    removed_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    removed_by: Mapped[str | None] = mapped_column(String(128))


class LabelChange(Base):
    """One label added or removed on a subject; ``version`` only grows (never reused)."""

    __tablename__ = "label_changes"
    __table_args__ = ({"sqlite_autoincrement": True},)

    version: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    subject_type: Mapped[str] = mapped_column(String(16))
    subject_id: Mapped[str] = mapped_column(String(64))
    changed_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)


class ContentChange(Base):
    """An account, post or follow created or changed; ``kind`` says which, ``other_id`` is
    the followee of a follow."""

    __tablename__ = "content_changes"
    __table_args__ = ({"sqlite_autoincrement": True},)

    version: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    kind: Mapped[str] = mapped_column(String(16))
    subject_id: Mapped[str] = mapped_column(String(64))
    other_id: Mapped[str | None] = mapped_column(String(64))
    changed_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)


class EnforcementAction(Base):
    """An enforcement action (warn, limit reach, remove, lock, suspend...) on a subject."""

    __tablename__ = "enforcement_actions"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    kind: Mapped[str] = mapped_column(String(32))
    subject_type: Mapped[str] = mapped_column(String(16))
    subject_id: Mapped[str] = mapped_column(String(64))
    account_id: Mapped[str] = mapped_column(String(64), ForeignKey("accounts.id"), index=True)
    policy: Mapped[str] = mapped_column(String(64))
    note: Mapped[str] = mapped_column(Text, default="")
    duration_seconds: Mapped[int | None] = mapped_column(Integer)
    expires_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    created_by: Mapped[str] = mapped_column(String(128))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    reversed_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    reversed_by: Mapped[str | None] = mapped_column(String(128))
    label_ids: Mapped[list[int]] = mapped_column(JSONDocument, default=list)


class Notice(Base):
    """A statement of reasons sent to an account holder."""

    __tablename__ = "notices"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    account_id: Mapped[str] = mapped_column(String(64), ForeignKey("accounts.id"), index=True)
    kind: Mapped[str] = mapped_column(String(32))
    subject_type: Mapped[str] = mapped_column(String(16))
    subject_id: Mapped[str] = mapped_column(String(64))
    policy: Mapped[str] = mapped_column(String(64))
    label: Mapped[str | None] = mapped_column(String(64))
    surfaces: Mapped[list[str]] = mapped_column(JSONDocument, default=list)
    expires_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    appealable: Mapped[bool] = mapped_column(Boolean, default=True)
    title: Mapped[str] = mapped_column(String(200))
    body: Mapped[str] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    label_id: Mapped[int | None] = mapped_column(Integer, ForeignKey("labels.id"))
    action_id: Mapped[int | None] = mapped_column(Integer, ForeignKey("enforcement_actions.id"))


class Strike(Base):
    __tablename__ = "strikes"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    account_id: Mapped[str] = mapped_column(String(64), ForeignKey("accounts.id"), index=True)
    policy: Mapped[str] = mapped_column(String(64))
    action_id: Mapped[int] = mapped_column(Integer, ForeignKey("enforcement_actions.id"))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    reversed_at: Mapped[datetime | None] = mapped_column(UTCDateTime)


class UrlBlock(Base):
    """A blocked URL prefix or domain, always with the reason shown to whoever shares it."""

    __tablename__ = "url_blocks"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    pattern: Mapped[str] = mapped_column(String(255), unique=True)
    kind: Mapped[str] = mapped_column(String(16))  # 'url' | 'domain'
    reason: Mapped[str] = mapped_column(Text)
    policy: Mapped[str] = mapped_column(String(64))
    created_by: Mapped[str] = mapped_column(String(128))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    removed_at: Mapped[datetime | None] = mapped_column(UTCDateTime)


class ApiToken(Base):
    """A service's bearer token; only the SHA-256 of the secret is stored."""

    __tablename__ = "api_tokens"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    name: Mapped[str] = mapped_column(String(128), unique=True)
    role: Mapped[str] = mapped_column(String(32))  # "staff" when tied to a staff member
    # A staff member's token acts with that member's grants (and stops when they are disabled).
    staff_id: Mapped[int | None] = mapped_column(ForeignKey("staff_members.id"))
    token_hash: Mapped[str] = mapped_column(String(64), unique=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    last_used_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    revoked_at: Mapped[datetime | None] = mapped_column(UTCDateTime)


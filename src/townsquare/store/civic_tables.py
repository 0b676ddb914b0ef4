"""Policy versions, civic events, external requests.

``policy_changes`` is an append-only counter (like ``label_changes``): every stored
policy version and every civic event created or ended adds a row, and each worker polls
its newest ``version`` to know when to re-read which policy is in force.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import Boolean, ForeignKey, Index, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from townsquare.store.tables import Base, JSONDocument, UTCDateTime, utcnow


class PolicyVersion(Base):
    """A visibility policy as it was stored: ``base`` versions are the live policy from
    their creation until the next one; ``variant`` versions serve civic events."""

    __tablename__ = "policy_versions"

    version: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    kind: Mapped[str] = mapped_column(String(16))  # 'base' | 'variant'
    name: Mapped[str] = mapped_column(String(128))
    format: Mapped[str] = mapped_column(String(8))  # 'yaml' | 'toml'
    text: Mapped[str] = mapped_column(Text)
    author: Mapped[str] = mapped_column(String(128))
    approved_by: Mapped[str | None] = mapped_column(String(128))
    reason: Mapped[str] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)


class PolicyChange(Base):
    """Something changed which policy is in force; ``version`` only grows."""

    __tablename__ = "policy_changes"
    __table_args__ = ({"sqlite_autoincrement": True},)

    version: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    what: Mapped[str] = mapped_column(String(64))
    changed_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)


class CivicEventRow(Base):
    """An election or similar window, its stricter policy variant and its coverage rule."""

    __tablename__ = "civic_events"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    name: Mapped[str] = mapped_column(String(128))
    starts_at: Mapped[datetime] = mapped_column(UTCDateTime)
    ends_at: Mapped[datetime] = mapped_column(UTCDateTime)
    policy_version: Mapped[int] = mapped_column(ForeignKey("policy_versions.version"))
    permissions: Mapped[list[str]] = mapped_column(JSONDocument)
    coverage_policy: Mapped[str | None] = mapped_column(String(64))
    min_staff: Mapped[int] = mapped_column(Integer)
    created_by: Mapped[str] = mapped_column(String(128))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    ended_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    ended_by: Mapped[str | None] = mapped_column(String(128))
    end_reason: Mapped[str | None] = mapped_column(Text)


class PoliticalEntity(Base):
    """A party or candidate: requests whose requester names one are flagged political."""

    __tablename__ = "political_entities"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    name: Mapped[str] = mapped_column(String(200), unique=True)  # normalised: casefolded
    kind: Mapped[str] = mapped_column(String(16))  # 'party' | 'candidate'
    country: Mapped[str | None] = mapped_column(String(2))
    added_by: Mapped[str] = mapped_column(String(128))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)


class ExternalRequest(Base):
    """A takedown or data request from outside (government, campaign, police, court...)."""

    __tablename__ = "external_requests"
    __table_args__ = (Index("ix_external_requests_received_at", "received_at"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    kind: Mapped[str] = mapped_column(String(16))  # 'takedown' | 'data'
    requester_name: Mapped[str] = mapped_column(String(200))
    requester_type: Mapped[str] = mapped_column(String(32))
    country: Mapped[str] = mapped_column(String(2))
    legal_basis: Mapped[str] = mapped_column(Text)
    subject_type: Mapped[str] = mapped_column(String(16))
    subject_id: Mapped[str] = mapped_column(String(64))
    requested_action: Mapped[str] = mapped_column(String(32))
    details: Mapped[str] = mapped_column(Text, default="")
    received_at: Mapped[datetime] = mapped_column(UTCDateTime)
    political: Mapped[bool] = mapped_column(Boolean, default=False)
    political_reason: Mapped[str | None] = mapped_column(Text)
    status: Mapped[str] = mapped_column(String(24), default="open")
    registered_by: Mapped[str] = mapped_column(String(128))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    decision: Mapped[str | None] = mapped_column(String(16))
    rationale: Mapped[str | None] = mapped_column(Text)
    decided_by: Mapped[str | None] = mapped_column(String(128))
    approved_by: Mapped[str | None] = mapped_column(String(128))
    decided_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    approval_id: Mapped[int | None] = mapped_column(Integer)
    action_id: Mapped[int | None] = mapped_column(ForeignKey("enforcement_actions.id"))
    export_id: Mapped[int | None] = mapped_column(ForeignKey("personal_data_exports.id"))


class PersonalDataExport(Base):
    """What an account's holder's data looked like when exported (posts, labels, actions,
    notices); reading it is audited."""

    __tablename__ = "personal_data_exports"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    account_id: Mapped[str] = mapped_column(String(64), index=True)
    sections: Mapped[list[str]] = mapped_column(JSONDocument)
    document: Mapped[dict[str, Any]] = mapped_column(JSONDocument)
    reason: Mapped[str] = mapped_column(Text)
    requested_by: Mapped[str] = mapped_column(String(128))
    approved_by: Mapped[str | None] = mapped_column(String(128))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)

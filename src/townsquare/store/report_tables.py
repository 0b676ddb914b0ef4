"""Reports, queues, routing rules, report events and muted reporters.

A report's claim is two columns (``claimed_by``, ``claim_expires_at``) taken with one
conditional UPDATE, so of two people claiming at once exactly one wins. ``dedupe_key`` is
set while a report is undecided and cleared when it is decided: its UNIQUE constraint
refuses a second undecided report of one reporter on one subject, even under a race.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import Boolean, ForeignKey, Index, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from townsquare.store.tables import Base, JSONDocument, UTCDateTime, utcnow


class ReportQueue(Base):
    __tablename__ = "report_queues"

    name: Mapped[str] = mapped_column(String(64), primary_key=True)
    description: Mapped[str] = mapped_column(Text, default="")
    claim_timeout_seconds: Mapped[int] = mapped_column(Integer, default=900)
    created_by: Mapped[str] = mapped_column(String(128))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)


class RoutingRuleRow(Base):
    """One routing rule; rules apply in ``position`` order, the first match wins."""

    __tablename__ = "routing_rules"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    position: Mapped[int] = mapped_column(Integer, index=True)
    name: Mapped[str] = mapped_column(String(128), default="")
    queue: Mapped[str] = mapped_column(String(64), ForeignKey("report_queues.name"))
    priority: Mapped[int] = mapped_column(Integer, default=0)
    match: Mapped[dict[str, Any]] = mapped_column(JSONDocument)
    created_by: Mapped[str] = mapped_column(String(128))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)


class Report(Base):
    """A user's report of a post or an account, and how it was handled."""

    __tablename__ = "reports"
    __table_args__ = (
        Index("ix_reports_subject_type_subject_id", "subject_type", "subject_id"),
        Index("ix_reports_queue_status", "queue", "status"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    reporter_id: Mapped[str] = mapped_column(String(64), ForeignKey("accounts.id"), index=True)
    subject_type: Mapped[str] = mapped_column(String(16))
    subject_id: Mapped[str] = mapped_column(String(64))
    # The reported account (a post's author), for routing and for acting on the author.
    account_id: Mapped[str] = mapped_column(String(64), ForeignKey("accounts.id"))
    reason: Mapped[str] = mapped_column(String(32))
    policy: Mapped[str] = mapped_column(String(64))
    text: Mapped[str] = mapped_column(Text, default="")  # personal data: reads are audited
    queue: Mapped[str] = mapped_column(String(64), ForeignKey("report_queues.name"))
    priority: Mapped[int] = mapped_column(Integer, default=0)
    routed_by: Mapped[int | None] = mapped_column(Integer)  # the routing rule's id
    status: Mapped[str] = mapped_column(String(24), index=True)
    dedupe_key: Mapped[str | None] = mapped_column(String(160), unique=True)
    claimed_by: Mapped[str | None] = mapped_column(String(128))
    claimed_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    claim_expires_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    escalations: Mapped[int] = mapped_column(Integer, default=0)
    action_id: Mapped[int | None] = mapped_column(ForeignKey("enforcement_actions.id"))
    approval_request_id: Mapped[int | None] = mapped_column(ForeignKey("approval_requests.id"))
    # Asked with an action awaiting approval: decide related reports once it applies.
    closes_related: Mapped[bool] = mapped_column(Boolean, default=False)
    resolution_note: Mapped[str | None] = mapped_column(Text)
    resolved_by: Mapped[str | None] = mapped_column(String(128))
    resolved_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    # Decided together with another report on the same subject and policy.
    decided_with: Mapped[int | None] = mapped_column(ForeignKey("reports.id"))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)


class ReportEvent(Base):
    """One step in a report's handling (filed, claimed, escalated, resolved...), for staff."""

    __tablename__ = "report_events"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    report_id: Mapped[int] = mapped_column(ForeignKey("reports.id"), index=True)
    kind: Mapped[str] = mapped_column(String(32))
    actor: Mapped[str] = mapped_column(String(128))
    detail: Mapped[dict[str, Any]] = mapped_column(JSONDocument, default=dict)
    at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)


class ReporterMute(Base):
    """A reporter muted for bad-faith reports; lifting keeps the row (``lifted_at``)."""

    __tablename__ = "reporter_mutes"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    account_id: Mapped[str] = mapped_column(String(64), ForeignKey("accounts.id"), index=True)
    reason: Mapped[str] = mapped_column(Text)
    muted_by: Mapped[str] = mapped_column(String(128))
    muted_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    lifted_by: Mapped[str | None] = mapped_column(String(128))
    lifted_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    lift_reason: Mapped[str | None] = mapped_column(Text)

"""Appeals, reinstatement requests, council members, proposals and votes.

``open_key`` columns are unique and set only while a case is open (NULL once decided), so
the database itself refuses a second open appeal of one action or label, or a second open
reinstatement request of one account, however requests race.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import Boolean, Float, ForeignKey, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from townsquare.store.tables import Base, JSONDocument, UTCDateTime, utcnow


class Appeal(Base):
    """An author's appeal against an enforcement action or a label, and its decision."""

    __tablename__ = "appeals"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    target_type: Mapped[str] = mapped_column(String(16))  # action | label
    target_id: Mapped[int] = mapped_column(Integer)
    open_key: Mapped[str | None] = mapped_column(String(40), unique=True)
    account_id: Mapped[str] = mapped_column(String(64), ForeignKey("accounts.id"), index=True)
    policy: Mapped[str] = mapped_column(String(64))
    statement: Mapped[str] = mapped_column(Text)
    filed_by: Mapped[str] = mapped_column(String(128))
    filed_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    status: Mapped[str] = mapped_column(String(16))  # open | upheld | denied
    decided_by: Mapped[str | None] = mapped_column(String(128))
    decided_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    rationale: Mapped[str | None] = mapped_column(Text)
    # What an upheld appeal undid: labels lifted, strikes removed, escalations undone.
    undone: Mapped[dict[str, Any] | None] = mapped_column(JSONDocument)


class ReinstatementRequest(Base):
    """A suspended account's request to return, and the published decision on it."""

    __tablename__ = "reinstatement_requests"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    account_id: Mapped[str] = mapped_column(String(64), ForeignKey("accounts.id"), index=True)
    open_key: Mapped[str | None] = mapped_column(String(64), unique=True)
    statement: Mapped[str] = mapped_column(Text)
    filed_by: Mapped[str] = mapped_column(String(128))
    filed_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    suspended_at: Mapped[datetime] = mapped_column(UTCDateTime)
    policies: Mapped[list[str]] = mapped_column(JSONDocument, default=list)
    high_profile: Mapped[bool] = mapped_column(Boolean, default=False)
    # review -> (approval) -> granted | refused; council -> granted | refused
    status: Mapped[str] = mapped_column(String(16))
    proposal_id: Mapped[int | None] = mapped_column(ForeignKey("council_proposals.id"))
    approval_request_id: Mapped[int | None] = mapped_column(Integer)
    decided_by: Mapped[str | None] = mapped_column(String(256))
    decided_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    rationale: Mapped[str | None] = mapped_column(Text)


class CouncilMember(Base):
    """A council seat, held by a staff username or a token's name; removal keeps the row."""

    __tablename__ = "council_members"

    name: Mapped[str] = mapped_column(String(128), primary_key=True)
    added_by: Mapped[str] = mapped_column(String(128))
    added_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    removed_by: Mapped[str | None] = mapped_column(String(128))
    removed_at: Mapped[datetime | None] = mapped_column(UTCDateTime)


class CouncilProposal(Base):
    """A question put to the council, its electorate and rules, and its published decision."""

    __tablename__ = "council_proposals"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    kind: Mapped[str] = mapped_column(String(32))
    title: Mapped[str] = mapped_column(String(200))
    body: Mapped[str] = mapped_column(Text)
    policy_text: Mapped[str | None] = mapped_column(Text)  # policy_change: the proposed file
    subject_type: Mapped[str | None] = mapped_column(String(32))
    subject_id: Mapped[str | None] = mapped_column(String(128))
    electorate: Mapped[list[str]] = mapped_column(JSONDocument)
    quorum: Mapped[float] = mapped_column(Float)
    majority: Mapped[float] = mapped_column(Float)
    opened_by: Mapped[str] = mapped_column(String(128))
    opened_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    deadline: Mapped[datetime] = mapped_column(UTCDateTime)
    status: Mapped[str] = mapped_column(String(16))  # open | adopted | rejected | no_quorum
    closed_by: Mapped[str | None] = mapped_column(String(128))
    closed_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    tally: Mapped[dict[str, Any] | None] = mapped_column(JSONDocument)
    decision: Mapped[str | None] = mapped_column(Text)


class CouncilVote(Base):
    """A member's vote on a proposal, with the stated reason; changeable until it closes."""

    __tablename__ = "council_votes"

    proposal_id: Mapped[int] = mapped_column(
        ForeignKey("council_proposals.id"), primary_key=True)
    member: Mapped[str] = mapped_column(String(128), primary_key=True)
    choice: Mapped[str] = mapped_column(String(16))  # for | against | abstain
    reason: Mapped[str] = mapped_column(Text)
    cast_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)

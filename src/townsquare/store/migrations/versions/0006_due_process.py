"""Appeals, reinstatement requests, council members, proposals and votes.

Revision ID: 0006_due_process
Revises: 0005_reports
Create Date: 2026-11-25
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

from townsquare.store.migrations.columns import fk as _fk
from townsquare.store.migrations.columns import json_document as _json
from townsquare.store.migrations.columns import utc as _utc

revision: str = "0006_due_process"
down_revision: str | None = "0005_reports"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "appeals",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("target_type", sa.String(16), nullable=False),
        sa.Column("target_id", sa.Integer(), nullable=False),
        sa.Column("open_key", sa.String(40), nullable=True),
        sa.Column("account_id", sa.String(64), nullable=False),
        sa.Column("policy", sa.String(64), nullable=False),
        sa.Column("statement", sa.Text(), nullable=False),
        sa.Column("filed_by", sa.String(128), nullable=False),
        sa.Column("filed_at", _utc(), nullable=False),
        sa.Column("status", sa.String(16), nullable=False),
        sa.Column("decided_by", sa.String(128), nullable=True),
        sa.Column("decided_at", _utc(), nullable=True),
        sa.Column("rationale", sa.Text(), nullable=True),
        sa.Column("undone", _json(), nullable=True),
        _fk("appeals", "account_id", "accounts"),
        sa.PrimaryKeyConstraint("id", name="pk_appeals"),
        sa.UniqueConstraint("open_key", name="uq_appeals_open_key"),
    )
    op.create_index("ix_appeals_account_id", "appeals", ["account_id"])
    op.create_table(
        "council_members",
        sa.Column("name", sa.String(128), nullable=False),
        sa.Column("added_by", sa.String(128), nullable=False),
        sa.Column("added_at", _utc(), nullable=False),
        sa.Column("removed_by", sa.String(128), nullable=True),
        sa.Column("removed_at", _utc(), nullable=True),
        sa.PrimaryKeyConstraint("name", name="pk_council_members"),
    )
    op.create_table(
        "council_proposals",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("kind", sa.String(32), nullable=False),
        sa.Column("title", sa.String(200), nullable=False),
        sa.Column("body", sa.Text(), nullable=False),
        sa.Column("policy_text", sa.Text(), nullable=True),
        sa.Column("subject_type", sa.String(32), nullable=True),
        sa.Column("subject_id", sa.String(128), nullable=True),
        sa.Column("electorate", _json(), nullable=False),
        sa.Column("quorum", sa.Float(), nullable=False),
        sa.Column("majority", sa.Float(), nullable=False),
        sa.Column("opened_by", sa.String(128), nullable=False),
        sa.Column("opened_at", _utc(), nullable=False),
        sa.Column("deadline", _utc(), nullable=False),
        sa.Column("status", sa.String(16), nullable=False),
        sa.Column("closed_by", sa.String(128), nullable=True),
        sa.Column("closed_at", _utc(), nullable=True),
        sa.Column("tally", _json(), nullable=True),
        sa.Column("decision", sa.Text(), nullable=True),
        sa.PrimaryKeyConstraint("id", name="pk_council_proposals"),
    )
    op.create_table(
        "council_votes",
        sa.Column("proposal_id", sa.Integer(), nullable=False),
        sa.Column("member", sa.String(128), nullable=False),
        sa.Column("choice", sa.String(16), nullable=False),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.Column("cast_at", _utc(), nullable=False),
        _fk("council_votes", "proposal_id", "council_proposals"),
        sa.PrimaryKeyConstraint("proposal_id", "member", name="pk_council_votes"),
    )
    op.create_table(
        "reinstatement_requests",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("account_id", sa.String(64), nullable=False),
        sa.Column("open_key", sa.String(64), nullable=True),
        sa.Column("statement", sa.Text(), nullable=False),
        sa.Column("filed_by", sa.String(128), nullable=False),
        sa.Column("filed_at", _utc(), nullable=False),
        sa.Column("suspended_at", _utc(), nullable=False),
        sa.Column("policies", _json(), nullable=False),
        sa.Column("high_profile", sa.Boolean(), nullable=False),
        sa.Column("status", sa.String(16), nullable=False),
        sa.Column("proposal_id", sa.Integer(), nullable=True),
        sa.Column("approval_request_id", sa.Integer(), nullable=True),
        sa.Column("decided_by", sa.String(256), nullable=True),
        sa.Column("decided_at", _utc(), nullable=True),
        sa.Column("rationale", sa.Text(), nullable=True),
        _fk("reinstatement_requests", "account_id", "accounts"),
        _fk("reinstatement_requests", "proposal_id", "council_proposals"),
        sa.PrimaryKeyConstraint("id", name="pk_reinstatement_requests"),
        sa.UniqueConstraint("open_key", name="uq_reinstatement_requests_open_key"),
    )
    op.create_index(
        "ix_reinstatement_requests_account_id", "reinstatement_requests", ["account_id"]
    )


def downgrade() -> None:
    op.drop_index("ix_reinstatement_requests_account_id", table_name="reinstatement_requests")
    op.drop_table("reinstatement_requests")
    op.drop_table("council_votes")
    op.drop_table("council_proposals")
    op.drop_table("council_members")
    op.drop_index("ix_appeals_account_id", table_name="appeals")
    op.drop_table("appeals")

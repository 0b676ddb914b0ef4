"""Tamper-evident audit log (hash chain).

Revision ID: 0003_audit
Revises: 0002_moderation
Create Date: 2026-11-25
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

from townsquare.store.migrations.columns import json_document as _json
from townsquare.store.migrations.columns import utc as _utc

revision: str = "0003_audit"
down_revision: str | None = "0002_moderation"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    # seq is assigned by the appender (previous seq + 1 under a lock), never by the database.
    op.create_table(
        "audit_events",
        sa.Column("seq", sa.Integer(), autoincrement=False, nullable=False),
        sa.Column("at", _utc(), nullable=False),
        sa.Column("actor", sa.String(128), nullable=False),
        sa.Column("actor_kind", sa.String(16), nullable=False),
        sa.Column("action", sa.String(64), nullable=False),
        sa.Column("subject_type", sa.String(32), nullable=False),
        sa.Column("subject_id", sa.String(128), nullable=False),
        sa.Column("before", _json(), nullable=True),
        sa.Column("after", _json(), nullable=True),
        sa.Column("request_id", sa.String(128), nullable=True),
        sa.Column("prev_hash", sa.String(64), nullable=False),
        sa.Column("hash", sa.String(64), nullable=False),
        sa.PrimaryKeyConstraint("seq", name="pk_audit_events"),
        # Two appends that read the same head cannot both land: the chain cannot fork.
        sa.UniqueConstraint("prev_hash", name="uq_audit_events_prev_hash"),
    )
    op.create_index("ix_audit_events_at", "audit_events", ["at"])
    op.create_index("ix_audit_events_action", "audit_events", ["action"])
    op.create_index("ix_audit_events_actor_seq", "audit_events", ["actor", "seq"])
    op.create_index(
        "ix_audit_events_subject_type_subject_id", "audit_events", ["subject_type", "subject_id"]
    )


def downgrade() -> None:
    op.drop_table("audit_events")

"""Reports, queues, routing rules, claims, muted reporters.

Revision ID: 0005_reports
Revises: 0004_staff
Create Date: 2026-11-25
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, datetime

import sqlalchemy as sa
from alembic import op

from townsquare.store.migrations.columns import fk as _fk
from townsquare.store.migrations.columns import json_document as _json
from townsquare.store.migrations.columns import utc as _utc

revision: str = "0005_reports"
down_revision: str | None = "0004_staff"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    queues = op.create_table(
        "report_queues",
        sa.Column("name", sa.String(64), nullable=False),
        sa.Column("description", sa.Text(), nullable=False),
        sa.Column("claim_timeout_seconds", sa.Integer(), nullable=False),
        sa.Column("created_by", sa.String(128), nullable=False),
        sa.Column("created_at", _utc(), nullable=False),
        sa.PrimaryKeyConstraint("name", name="pk_report_queues"),
    )
    # Reports that no routing rule claims land here; it cannot be deleted.
    op.bulk_insert(queues, [{
        "name": "default", "description": "Reports no routing rule sends elsewhere.",
        "claim_timeout_seconds": 900, "created_by": "migration 0005_reports",
        "created_at": datetime(2026, 11, 25, tzinfo=UTC),
    }])
    op.create_table(
        "routing_rules",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(128), nullable=False),
        sa.Column("queue", sa.String(64), nullable=False),
        sa.Column("priority", sa.Integer(), nullable=False),
        sa.Column("match", _json(), nullable=False),
        sa.Column("created_by", sa.String(128), nullable=False),
        sa.Column("created_at", _utc(), nullable=False),
        _fk("routing_rules", "queue", "report_queues", "name"),
        sa.PrimaryKeyConstraint("id", name="pk_routing_rules"),
    )
    op.create_index("ix_routing_rules_position", "routing_rules", ["position"])
    op.create_table(
        "reports",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("reporter_id", sa.String(64), nullable=False),
        sa.Column("subject_type", sa.String(16), nullable=False),
        sa.Column("subject_id", sa.String(64), nullable=False),
        sa.Column("account_id", sa.String(64), nullable=False),
        sa.Column("reason", sa.String(32), nullable=False),
        sa.Column("policy", sa.String(64), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("queue", sa.String(64), nullable=False),
        sa.Column("priority", sa.Integer(), nullable=False),
        sa.Column("routed_by", sa.Integer(), nullable=True),
        sa.Column("status", sa.String(24), nullable=False),
        sa.Column("dedupe_key", sa.String(160), nullable=True),
        sa.Column("claimed_by", sa.String(128), nullable=True),
        sa.Column("claimed_at", _utc(), nullable=True),
        sa.Column("claim_expires_at", _utc(), nullable=True),
        sa.Column("escalations", sa.Integer(), nullable=False),
        sa.Column("action_id", sa.Integer(), nullable=True),
        sa.Column("approval_request_id", sa.Integer(), nullable=True),
        sa.Column("closes_related", sa.Boolean(), nullable=False),
        sa.Column("resolution_note", sa.Text(), nullable=True),
        sa.Column("resolved_by", sa.String(128), nullable=True),
        sa.Column("resolved_at", _utc(), nullable=True),
        sa.Column("decided_with", sa.Integer(), nullable=True),
        sa.Column("created_at", _utc(), nullable=False),
        _fk("reports", "reporter_id", "accounts"),
        _fk("reports", "account_id", "accounts"),
        _fk("reports", "queue", "report_queues", "name"),
        _fk("reports", "action_id", "enforcement_actions"),
        _fk("reports", "approval_request_id", "approval_requests"),
        _fk("reports", "decided_with", "reports"),
        sa.PrimaryKeyConstraint("id", name="pk_reports"),
        sa.UniqueConstraint("dedupe_key", name="uq_reports_dedupe_key"),
    )
    op.create_index("ix_reports_reporter_id", "reports", ["reporter_id"])
    op.create_index("ix_reports_status", "reports", ["status"])
    op.create_index("ix_reports_subject_type_subject_id", "reports",
                    ["subject_type", "subject_id"])
    op.create_index("ix_reports_queue_status", "reports", ["queue", "status"])
    op.create_table(
        "report_events",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("report_id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(32), nullable=False),
        sa.Column("actor", sa.String(128), nullable=False),
        sa.Column("detail", _json(), nullable=False),
        sa.Column("at", _utc(), nullable=False),
        _fk("report_events", "report_id", "reports"),
        sa.PrimaryKeyConstraint("id", name="pk_report_events"),
    )
    op.create_index("ix_report_events_report_id", "report_events", ["report_id"])
    op.create_table(
        "reporter_mutes",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("account_id", sa.String(64), nullable=False),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.Column("muted_by", sa.String(128), nullable=False),
        sa.Column("muted_at", _utc(), nullable=False),
        sa.Column("lifted_by", sa.String(128), nullable=True),
        sa.Column("lifted_at", _utc(), nullable=True),
        sa.Column("lift_reason", sa.Text(), nullable=True),
        _fk("reporter_mutes", "account_id", "accounts"),
        sa.PrimaryKeyConstraint("id", name="pk_reporter_mutes"),
    )
    op.create_index("ix_reporter_mutes_account_id", "reporter_mutes", ["account_id"])


def downgrade() -> None:
    op.drop_index("ix_reporter_mutes_account_id", table_name="reporter_mutes")
    op.drop_table("reporter_mutes")
    op.drop_index("ix_report_events_report_id", table_name="report_events")
    op.drop_table("report_events")
    for index in ("ix_reports_queue_status", "ix_reports_subject_type_subject_id",
                  "ix_reports_status", "ix_reports_reporter_id"):
        op.drop_index(index, table_name="reports")
    op.drop_table("reports")
    op.drop_index("ix_routing_rules_position", table_name="routing_rules")
    op.drop_table("routing_rules")
    op.drop_table("report_queues")

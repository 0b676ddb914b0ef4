"""Policy versions, civic events, external requests.

Revision ID: 0007_civic
Revises: 0006_due_process
Create Date: 2026-11-25
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

from townsquare.store.migrations.columns import fk as _fk
from townsquare.store.migrations.columns import json_document as _json
from townsquare.store.migrations.columns import utc as _utc

revision: str = "0007_civic"
down_revision: str | None = "0006_due_process"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "policy_versions",
        sa.Column("version", sa.Integer(), autoincrement=False, nullable=False),
        sa.Column("kind", sa.String(16), nullable=False),
        sa.Column("name", sa.String(128), nullable=False),
        sa.Column("format", sa.String(8), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("author", sa.String(128), nullable=False),
        sa.Column("approved_by", sa.String(128), nullable=True),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.Column("created_at", _utc(), nullable=False),
        sa.PrimaryKeyConstraint("version", name="pk_policy_versions"),
    )
    # AUTOINCREMENT on SQLite: a change number is never reused.
    op.create_table(
        "policy_changes",
        sa.Column("version", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("what", sa.String(64), nullable=False),
        sa.Column("changed_at", _utc(), nullable=False),
        sa.PrimaryKeyConstraint("version", name="pk_policy_changes"),
        sqlite_autoincrement=True,
    )
    op.create_table(
        "civic_events",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("name", sa.String(128), nullable=False),
        sa.Column("starts_at", _utc(), nullable=False),
        sa.Column("ends_at", _utc(), nullable=False),
        sa.Column("policy_version", sa.Integer(), nullable=False),
        sa.Column("permissions", _json(), nullable=False),
        sa.Column("coverage_policy", sa.String(64), nullable=True),
        sa.Column("min_staff", sa.Integer(), nullable=False),
        sa.Column("created_by", sa.String(128), nullable=False),
        sa.Column("created_at", _utc(), nullable=False),
        sa.Column("ended_at", _utc(), nullable=True),
        sa.Column("ended_by", sa.String(128), nullable=True),
        sa.Column("end_reason", sa.Text(), nullable=True),
        _fk("civic_events", "policy_version", "policy_versions", "version"),
        sa.PrimaryKeyConstraint("id", name="pk_civic_events"),
    )
    op.create_table(
        "political_entities",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("name", sa.String(200), nullable=False),
        sa.Column("kind", sa.String(16), nullable=False),
        sa.Column("country", sa.String(2), nullable=True),
        sa.Column("added_by", sa.String(128), nullable=False),
        sa.Column("created_at", _utc(), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_political_entities"),
        sa.UniqueConstraint("name", name="uq_political_entities_name"),
    )
    op.create_table(
        "personal_data_exports",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("account_id", sa.String(64), nullable=False),
        sa.Column("sections", _json(), nullable=False),
        sa.Column("document", _json(), nullable=False),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.Column("requested_by", sa.String(128), nullable=False),
        sa.Column("approved_by", sa.String(128), nullable=True),
        sa.Column("created_at", _utc(), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_personal_data_exports"),
    )
    op.create_index(
        "ix_personal_data_exports_account_id", "personal_data_exports", ["account_id"]
    )
    op.create_table(
        "external_requests",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("kind", sa.String(16), nullable=False),
        sa.Column("requester_name", sa.String(200), nullable=False),
        sa.Column("requester_type", sa.String(32), nullable=False),
        sa.Column("country", sa.String(2), nullable=False),
        sa.Column("legal_basis", sa.Text(), nullable=False),
        sa.Column("subject_type", sa.String(16), nullable=False),
        sa.Column("subject_id", sa.String(64), nullable=False),
        sa.Column("requested_action", sa.String(32), nullable=False),
        sa.Column("details", sa.Text(), nullable=False),
        sa.Column("received_at", _utc(), nullable=False),
        sa.Column("political", sa.Boolean(), nullable=False),
        sa.Column("political_reason", sa.Text(), nullable=True),
        sa.Column("status", sa.String(24), nullable=False),
        sa.Column("registered_by", sa.String(128), nullable=False),
        sa.Column("created_at", _utc(), nullable=False),
        sa.Column("decision", sa.String(16), nullable=True),
        sa.Column("rationale", sa.Text(), nullable=True),
        sa.Column("decided_by", sa.String(128), nullable=True),
        sa.Column("approved_by", sa.String(128), nullable=True),
        sa.Column("decided_at", _utc(), nullable=True),
        sa.Column("approval_id", sa.Integer(), nullable=True),
        sa.Column("action_id", sa.Integer(), nullable=True),
        sa.Column("export_id", sa.Integer(), nullable=True),
        _fk("external_requests", "action_id", "enforcement_actions"),
        _fk("external_requests", "export_id", "personal_data_exports"),
        sa.PrimaryKeyConstraint("id", name="pk_external_requests"),
    )
    op.create_index(
        "ix_external_requests_received_at", "external_requests", ["received_at"]
    )


def downgrade() -> None:
    op.drop_index("ix_external_requests_received_at", table_name="external_requests")
    op.drop_table("external_requests")
    op.drop_index("ix_personal_data_exports_account_id", table_name="personal_data_exports")
    op.drop_table("personal_data_exports")
    op.drop_table("political_entities")
    op.drop_table("civic_events")
    op.drop_table("policy_changes")
    op.drop_table("policy_versions")

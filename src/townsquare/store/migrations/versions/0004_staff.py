"""Staff accounts, roles and grants, sessions, login attempts, lockdowns, approval requests.

Revision ID: 0004_staff
Revises: 0003_audit
Create Date: 2026-11-25
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

from townsquare.store.migrations.columns import fk as _fk
from townsquare.store.migrations.columns import json_document as _json
from townsquare.store.migrations.columns import utc as _utc

revision: str = "0004_staff"
down_revision: str | None = "0003_audit"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "staff_members",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("username", sa.String(64), nullable=False),
        sa.Column("display_name", sa.String(128), nullable=False),
        sa.Column("email", sa.String(254), nullable=True),
        sa.Column("password_hash", sa.String(256), nullable=True),
        sa.Column("teams", _json(), nullable=False),
        sa.Column("created_at", _utc(), nullable=False),
        sa.Column("created_by", sa.String(128), nullable=False),
        sa.Column("disabled_at", _utc(), nullable=True),
        sa.Column("disabled_reason", sa.Text(), nullable=True),
        sa.PrimaryKeyConstraint("id", name="pk_staff_members"),
        sa.UniqueConstraint("username", name="uq_staff_members_username"),
    )
    op.create_table(
        "custom_roles",
        sa.Column("name", sa.String(64), nullable=False),
        sa.Column("permissions", _json(), nullable=False),
        sa.Column("description", sa.Text(), nullable=False),
        sa.Column("created_by", sa.String(128), nullable=False),
        sa.Column("created_at", _utc(), nullable=False),
        sa.PrimaryKeyConstraint("name", name="pk_custom_roles"),
    )
    op.create_table(
        "role_grants",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("staff_id", sa.Integer(), nullable=False),
        sa.Column("role", sa.String(64), nullable=False),
        sa.Column("policies", _json(), nullable=True),
        sa.Column("queues", _json(), nullable=True),
        sa.Column("granted_by", sa.String(128), nullable=False),
        sa.Column("granted_at", _utc(), nullable=False),
        _fk("role_grants", "staff_id", "staff_members"),
        sa.PrimaryKeyConstraint("id", name="pk_role_grants"),
        sa.UniqueConstraint("staff_id", "role", name="uq_role_grants_staff_id_role"),
    )
    op.create_index("ix_role_grants_staff_id", "role_grants", ["staff_id"])
    op.create_table(
        "staff_sessions",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("token_hash", sa.String(64), nullable=False),
        sa.Column("staff_id", sa.Integer(), nullable=False),
        sa.Column("created_at", _utc(), nullable=False),
        sa.Column("expires_at", _utc(), nullable=False),
        sa.Column("last_seen_at", _utc(), nullable=False),
        sa.Column("revoked_at", _utc(), nullable=True),
        sa.Column("client", sa.String(128), nullable=True),
        _fk("staff_sessions", "staff_id", "staff_members"),
        sa.PrimaryKeyConstraint("id", name="pk_staff_sessions"),
        sa.UniqueConstraint("token_hash", name="uq_staff_sessions_token_hash"),
    )
    op.create_index("ix_staff_sessions_staff_id", "staff_sessions", ["staff_id"])
    op.create_table(
        "login_attempts",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("username", sa.String(64), nullable=False),
        sa.Column("client", sa.String(128), nullable=False),
        sa.Column("at", _utc(), nullable=False),
        sa.Column("success", sa.Boolean(), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_login_attempts"),
    )
    op.create_index("ix_login_attempts_username_at", "login_attempts", ["username", "at"])
    op.create_index("ix_login_attempts_client_at", "login_attempts", ["client", "at"])
    op.create_table(
        "lockdowns",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("permissions", _json(), nullable=True),
        sa.Column("exempt_staff", _json(), nullable=False),
        sa.Column("exempt_teams", _json(), nullable=False),
        sa.Column("exempt_roles", _json(), nullable=False),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.Column("started_by", sa.String(128), nullable=False),
        sa.Column("started_at", _utc(), nullable=False),
        sa.Column("restore_at", _utc(), nullable=True),
        sa.Column("lifted_at", _utc(), nullable=True),
        sa.Column("lifted_by", sa.String(128), nullable=True),
        sa.PrimaryKeyConstraint("id", name="pk_lockdowns"),
    )
    op.create_table(
        "approval_requests",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("operation", sa.String(64), nullable=False),
        sa.Column("payload", _json(), nullable=False),
        sa.Column("subject_type", sa.String(32), nullable=False),
        sa.Column("subject_id", sa.String(128), nullable=False),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.Column("requested_by", sa.String(128), nullable=False),
        sa.Column("requested_by_kind", sa.String(16), nullable=False),
        sa.Column("requested_by_staff_id", sa.Integer(), nullable=True),
        sa.Column("created_at", _utc(), nullable=False),
        sa.Column("expires_at", _utc(), nullable=False),
        sa.Column("status", sa.String(16), nullable=False),
        sa.Column("decided_by", sa.String(128), nullable=True),
        sa.Column("decided_at", _utc(), nullable=True),
        sa.Column("decision_note", sa.Text(), nullable=True),
        sa.Column("result", _json(), nullable=True),
        sa.PrimaryKeyConstraint("id", name="pk_approval_requests"),
    )
    op.create_index("ix_approval_requests_status", "approval_requests", ["status"])
    # Batch mode: SQLite cannot add a foreign key to an existing table in place.
    with op.batch_alter_table("api_tokens") as batch:
        batch.add_column(sa.Column("staff_id", sa.Integer(), nullable=True))
        batch.create_foreign_key(
            "fk_api_tokens_staff_id_staff_members", "staff_members", ["staff_id"], ["id"]
        )


def downgrade() -> None:
    with op.batch_alter_table("api_tokens") as batch:
        batch.drop_constraint("fk_api_tokens_staff_id_staff_members", type_="foreignkey")
        batch.drop_column("staff_id")
    op.drop_index("ix_approval_requests_status", table_name="approval_requests")
    op.drop_table("approval_requests")
    op.drop_table("lockdowns")
    op.drop_index("ix_login_attempts_client_at", table_name="login_attempts")
    op.drop_index("ix_login_attempts_username_at", table_name="login_attempts")
    op.drop_table("login_attempts")
    op.drop_index("ix_staff_sessions_staff_id", table_name="staff_sessions")
    op.drop_table("staff_sessions")
    op.drop_index("ix_role_grants_staff_id", table_name="role_grants")
    op.drop_table("role_grants")
    op.drop_table("custom_roles")
    op.drop_table("staff_members")

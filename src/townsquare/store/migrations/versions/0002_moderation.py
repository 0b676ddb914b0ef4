"""Moderation: accounts, posts, follows, labels and their change logs, enforcement actions,
notices, strikes, URL blocks, API tokens.

Revision ID: 0002_moderation
Revises: 0001_initial
Create Date: 2025-11-27
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

from townsquare.store.migrations.columns import fk as _fk
from townsquare.store.migrations.columns import json_document as _json
from townsquare.store.migrations.columns import utc as _utc

revision: str = "0002_moderation"
down_revision: str | None = "0001_initial"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "accounts",
        sa.Column("id", sa.String(64), nullable=False),
        sa.Column("handle", sa.String(64), nullable=False),
        sa.Column("high_profile", sa.Boolean(), nullable=False),
        sa.Column("sensitive_media_opt_in", sa.Boolean(), nullable=False),
        sa.Column("created_at", _utc(), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_accounts"),
        sa.UniqueConstraint("handle", name="uq_accounts_handle"),
    )
    op.create_table(
        "posts",
        sa.Column("id", sa.String(64), nullable=False),
        sa.Column("author_id", sa.String(64), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("urls", _json(), nullable=False),
        sa.Column("created_at", _utc(), nullable=False),
        _fk("posts", "author_id", "accounts"),
        sa.PrimaryKeyConstraint("id", name="pk_posts"),
    )
    op.create_index("ix_posts_author_id", "posts", ["author_id"])
    op.create_table(
        "follows",
        sa.Column("follower_id", sa.String(64), nullable=False),
        sa.Column("followee_id", sa.String(64), nullable=False),
        sa.Column("created_at", _utc(), nullable=False),
        _fk("follows", "follower_id", "accounts"),
        _fk("follows", "followee_id", "accounts"),
        sa.PrimaryKeyConstraint("follower_id", "followee_id", name="pk_follows"),
    )
    op.create_table(
        "labels",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("subject_type", sa.String(16), nullable=False),
        sa.Column("subject_id", sa.String(64), nullable=False),
        sa.Column("label", sa.String(64), nullable=False),
        sa.Column("policy", sa.String(64), nullable=False),
        sa.Column("source", sa.String(16), nullable=False),
        sa.Column("note", sa.Text(), nullable=False),
        sa.Column("created_by", sa.String(128), nullable=False),
        sa.Column("created_at", _utc(), nullable=False),
        sa.Column("expires_at", _utc(), nullable=True),
        sa.Column("removed_at", _utc(), nullable=True),
        sa.Column("removed_by", sa.String(128), nullable=True),
        sa.PrimaryKeyConstraint("id", name="pk_labels"),
    )
    op.create_index(
        "ix_labels_subject_type_subject_id", "labels", ["subject_type", "subject_id"]
    )
    # AUTOINCREMENT on SQLite: a version is never reused, even after the newest row goes.
    op.create_table(
        "label_changes",
        sa.Column("version", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("subject_type", sa.String(16), nullable=False),
        sa.Column("subject_id", sa.String(64), nullable=False),
        sa.Column("changed_at", _utc(), nullable=False),
        sa.PrimaryKeyConstraint("version", name="pk_label_changes"),
        sqlite_autoincrement=True,
    )
    op.create_table(
        "content_changes",
        sa.Column("version", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("kind", sa.String(16), nullable=False),
        sa.Column("subject_id", sa.String(64), nullable=False),
        sa.Column("other_id", sa.String(64), nullable=True),
        sa.Column("changed_at", _utc(), nullable=False),
        sa.PrimaryKeyConstraint("version", name="pk_content_changes"),
        sqlite_autoincrement=True,
    )
    op.create_table(
        "enforcement_actions",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("kind", sa.String(32), nullable=False),
        sa.Column("subject_type", sa.String(16), nullable=False),
        sa.Column("subject_id", sa.String(64), nullable=False),
        sa.Column("account_id", sa.String(64), nullable=False),
        sa.Column("policy", sa.String(64), nullable=False),
        sa.Column("note", sa.Text(), nullable=False),
        sa.Column("duration_seconds", sa.Integer(), nullable=True),
        sa.Column("expires_at", _utc(), nullable=True),
        sa.Column("created_by", sa.String(128), nullable=False),
        sa.Column("created_at", _utc(), nullable=False),
        sa.Column("reversed_at", _utc(), nullable=True),
        sa.Column("reversed_by", sa.String(128), nullable=True),
        sa.Column("label_ids", _json(), nullable=False),
        _fk("enforcement_actions", "account_id", "accounts"),
        sa.PrimaryKeyConstraint("id", name="pk_enforcement_actions"),
    )
    op.create_index(
        "ix_enforcement_actions_account_id", "enforcement_actions", ["account_id"]
    )
    op.create_table(
        "notices",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("account_id", sa.String(64), nullable=False),
        sa.Column("kind", sa.String(32), nullable=False),
        sa.Column("subject_type", sa.String(16), nullable=False),
        sa.Column("subject_id", sa.String(64), nullable=False),
        sa.Column("policy", sa.String(64), nullable=False),
        sa.Column("label", sa.String(64), nullable=True),
        sa.Column("surfaces", _json(), nullable=False),
        sa.Column("expires_at", _utc(), nullable=True),
        sa.Column("appealable", sa.Boolean(), nullable=False),
        sa.Column("title", sa.String(200), nullable=False),
        sa.Column("body", sa.Text(), nullable=False),
        sa.Column("created_at", _utc(), nullable=False),
        sa.Column("label_id", sa.Integer(), nullable=True),
        sa.Column("action_id", sa.Integer(), nullable=True),
        _fk("notices", "account_id", "accounts"),
        _fk("notices", "label_id", "labels"),
        _fk("notices", "action_id", "enforcement_actions"),
        sa.PrimaryKeyConstraint("id", name="pk_notices"),
    )
    op.create_index("ix_notices_account_id", "notices", ["account_id"])
    op.create_table(
        "strikes",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("account_id", sa.String(64), nullable=False),
        sa.Column("policy", sa.String(64), nullable=False),
        sa.Column("action_id", sa.Integer(), nullable=False),
        sa.Column("created_at", _utc(), nullable=False),
        sa.Column("reversed_at", _utc(), nullable=True),
        _fk("strikes", "account_id", "accounts"),
        _fk("strikes", "action_id", "enforcement_actions"),
        sa.PrimaryKeyConstraint("id", name="pk_strikes"),
    )
    op.create_index("ix_strikes_account_id", "strikes", ["account_id"])
    op.create_table(
        "url_blocks",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("pattern", sa.String(255), nullable=False),
        sa.Column("kind", sa.String(16), nullable=False),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.Column("policy", sa.String(64), nullable=False),
        sa.Column("created_by", sa.String(128), nullable=False),
        sa.Column("created_at", _utc(), nullable=False),
        sa.Column("removed_at", _utc(), nullable=True),
        sa.PrimaryKeyConstraint("id", name="pk_url_blocks"),
        sa.UniqueConstraint("pattern", name="uq_url_blocks_pattern"),
    )
    op.create_table(
        "api_tokens",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("name", sa.String(128), nullable=False),
        sa.Column("role", sa.String(32), nullable=False),
        sa.Column("token_hash", sa.String(64), nullable=False),
        sa.Column("created_at", _utc(), nullable=False),
        sa.Column("last_used_at", _utc(), nullable=True),
        sa.Column("revoked_at", _utc(), nullable=True),
        sa.PrimaryKeyConstraint("id", name="pk_api_tokens"),
        sa.UniqueConstraint("name", name="uq_api_tokens_name"),
        sa.UniqueConstraint("token_hash", name="uq_api_tokens_token_hash"),
    )


def downgrade() -> None:
    op.drop_table("api_tokens")
    op.drop_table("url_blocks")
    op.drop_index("ix_strikes_account_id", table_name="strikes")
    op.drop_table("strikes")
    op.drop_index("ix_notices_account_id", table_name="notices")
    op.drop_table("notices")
    op.drop_index("ix_enforcement_actions_account_id", table_name="enforcement_actions")
    op.drop_table("enforcement_actions")
    op.drop_table("content_changes")
    op.drop_table("label_changes")
    op.drop_index("ix_labels_subject_type_subject_id", table_name="labels")
    op.drop_table("labels")
    op.drop_table("follows")
    op.drop_index("ix_posts_author_id", table_name="posts")
    op.drop_table("posts")
    op.drop_table("accounts")

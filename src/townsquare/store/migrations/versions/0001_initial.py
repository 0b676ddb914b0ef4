"""Initial schema: memos, memo_recipients, memo_shingles, traces.

Revision ID: 0001_initial
Revises:
Create Date: 2025-11-25
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

from townsquare.store.migrations.columns import json_document as _json
from townsquare.store.migrations.columns import utc as _utc

revision: str = "0001_initial"
down_revision: str | None = None
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "memos",
        sa.Column("id", sa.String(32), nullable=False),
        sa.Column("title", sa.String(200), nullable=False),
        sa.Column("filename", sa.String(255), nullable=False),
        sa.Column("extension", sa.String(16), nullable=False),
        sa.Column("language", sa.String(8), nullable=False),
        sa.Column("channels", _json(), nullable=False),
        sa.Column("canonical_text", sa.Text(), nullable=False),
        sa.Column("layout", _json(), nullable=False),
        sa.Column("recipient_count", sa.Integer(), nullable=False),
        sa.Column("slot_count", sa.Integer(), nullable=False),
        sa.Column("key_check", sa.String(16), nullable=False),
        sa.Column("created_at", _utc(), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_memos"),
    )
    op.create_table(
        "memo_recipients",
        sa.Column("memo_id", sa.String(32), nullable=False),
        sa.Column("position", sa.Integer(), autoincrement=False, nullable=False),
        sa.Column("recipient_id", sa.String(128), nullable=False),
        sa.Column("name", sa.String(255), nullable=False),
        sa.Column("email", sa.String(320), nullable=False),
        sa.Column("copy_sha256", sa.String(64), nullable=False),
        sa.Column("created_at", _utc(), nullable=False),
        sa.ForeignKeyConstraint(
            ["memo_id"],
            ["memos.id"],
            name="fk_memo_recipients_memo_id_memos",
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("memo_id", "position", name="pk_memo_recipients"),
        sa.UniqueConstraint(
            "memo_id", "recipient_id", name="uq_memo_recipients_memo_id_recipient_id"
        ),
    )
    op.create_table(
        "memo_shingles",
        sa.Column("memo_id", sa.String(32), nullable=False),
        sa.Column("shingle", sa.BigInteger(), autoincrement=False, nullable=False),
        sa.Column("count", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["memo_id"],
            ["memos.id"],
            name="fk_memo_shingles_memo_id_memos",
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("memo_id", "shingle", name="pk_memo_shingles"),
    )
    op.create_index("ix_memo_shingles_shingle", "memo_shingles", ["shingle"])
    op.create_table(
        "traces",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("memo_id", sa.String(32), nullable=True),
        sa.Column("created_at", _utc(), nullable=False),
        sa.Column("source_kind", sa.String(16), nullable=False),
        sa.Column("source_sha256", sa.String(64), nullable=False),
        sa.Column("verdict", sa.String(16), nullable=False),
        sa.Column("result", _json(), nullable=False),
        sa.ForeignKeyConstraint(
            ["memo_id"],
            ["memos.id"],
            name="fk_traces_memo_id_memos",
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name="pk_traces"),
    )
    op.create_index("ix_traces_memo_id", "traces", ["memo_id"])


def downgrade() -> None:
    op.drop_index("ix_traces_memo_id", table_name="traces")
    op.drop_table("traces")
    op.drop_index("ix_memo_shingles_shingle", table_name="memo_shingles")
    op.drop_table("memo_shingles")
    op.drop_table("memo_recipients")
    op.drop_table("memos")

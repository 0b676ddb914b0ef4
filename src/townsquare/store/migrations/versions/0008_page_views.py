"""Console page views (per-viewer fingerprints of console pages).

Revision ID: 0008_page_views
Revises: 0007_civic
Create Date: 2026-11-25
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

from townsquare.store.migrations.columns import json_document as _json
from townsquare.store.migrations.columns import utc as _utc

revision: str = "0008_page_views"
down_revision: str | None = "0007_civic"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "page_views",
        sa.Column("id", sa.String(32), nullable=False),
        sa.Column("viewer", sa.String(128), nullable=False),
        sa.Column("path", sa.String(500), nullable=False),
        sa.Column("viewed_at", _utc(), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_page_views"),
    )
    op.create_index("ix_page_views_viewer", "page_views", ["viewer"])
    op.create_table(
        "page_texts",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("sha256", sa.String(64), nullable=False),
        sa.Column("canonical_text", sa.Text(), nullable=False),
        sa.Column("layout", _json(), nullable=False),
        sa.Column("slot_count", sa.Integer(), nullable=False),
        sa.Column("copies", sa.Integer(), nullable=False),
        sa.Column("key_check", sa.String(16), nullable=False),
        sa.Column("created_at", _utc(), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_page_texts"),
        sa.UniqueConstraint("sha256", name="uq_page_texts_sha256"),
    )
    op.create_table(
        "page_text_copies",
        sa.Column("text_id", sa.Integer(), nullable=False),
        sa.Column("position", sa.Integer(), autoincrement=False, nullable=False),
        sa.Column("view_id", sa.String(32), nullable=False),
        sa.ForeignKeyConstraint(
            ["text_id"], ["page_texts.id"], name="fk_page_text_copies_text_id_page_texts",
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["view_id"], ["page_views.id"], name="fk_page_text_copies_view_id_page_views",
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("text_id", "position", name="pk_page_text_copies"),
    )
    op.create_index("ix_page_text_copies_view_id", "page_text_copies", ["view_id"])
    op.create_table(
        "page_text_shingles",
        sa.Column("text_id", sa.Integer(), nullable=False),
        sa.Column("shingle", sa.BigInteger(), autoincrement=False, nullable=False),
        sa.Column("count", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["text_id"], ["page_texts.id"], name="fk_page_text_shingles_text_id_page_texts",
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("text_id", "shingle", name="pk_page_text_shingles"),
    )
    op.create_index("ix_page_text_shingles_shingle", "page_text_shingles", ["shingle"])


def downgrade() -> None:
    op.drop_table("page_text_shingles")
    op.drop_table("page_text_copies")
    op.drop_table("page_texts")
    op.drop_table("page_views")

"""Memo delivery by email and pledge campaigns.

Revision ID: 0009_delivery
Revises: 0008_page_views
Create Date: 2026-11-25
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

from townsquare.store.migrations.columns import utc as _utc

revision: str = "0009_delivery"
down_revision: str | None = "0008_page_views"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "memo_deliveries",
        sa.Column("memo_id", sa.String(32), nullable=False),
        sa.Column("position", sa.Integer(), autoincrement=False, nullable=False),
        sa.Column("email", sa.String(320), nullable=False),
        sa.Column("status", sa.String(16), nullable=False),
        sa.Column("attempts", sa.Integer(), nullable=False),
        sa.Column("last_error", sa.Text(), nullable=True),
        sa.Column("message_id", sa.String(255), nullable=True),
        sa.Column("updated_at", _utc(), nullable=False),
        sa.ForeignKeyConstraint(["memo_id"], ["memos.id"], ondelete="CASCADE",
                                name="fk_memo_deliveries_memo_id_memos"),
        sa.PrimaryKeyConstraint("memo_id", "position", name="pk_memo_deliveries"),
    )
    op.create_table(
        "pledge_campaigns",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("memo_id", sa.String(32), nullable=False),
        sa.Column("deadline", _utc(), nullable=False),
        sa.Column("remind_hours", sa.Integer(), nullable=False),
        sa.Column("created_by", sa.String(128), nullable=False),
        sa.Column("created_at", _utc(), nullable=False),
        sa.ForeignKeyConstraint(["memo_id"], ["memos.id"], ondelete="CASCADE",
                                name="fk_pledge_campaigns_memo_id_memos"),
        sa.PrimaryKeyConstraint("id", name="pk_pledge_campaigns"),
        sa.UniqueConstraint("memo_id", name="uq_pledge_campaigns_memo_id"),
    )
    op.create_table(
        "pledge_signatures",
        sa.Column("campaign_id", sa.Integer(), nullable=False),
        sa.Column("position", sa.Integer(), autoincrement=False, nullable=False),
        sa.Column("via", sa.String(16), nullable=False),
        sa.Column("signed_by", sa.String(128), nullable=False),
        sa.Column("signed_at", _utc(), nullable=False),
        sa.ForeignKeyConstraint(["campaign_id"], ["pledge_campaigns.id"], ondelete="CASCADE",
                                name="fk_pledge_signatures_campaign_id_pledge_campaigns"),
        sa.PrimaryKeyConstraint("campaign_id", "position", name="pk_pledge_signatures"),
    )
    op.create_table(
        "pledge_reminders",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("campaign_id", sa.Integer(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("window", sa.String(32), nullable=False),
        sa.Column("sent_at", _utc(), nullable=False),
        sa.ForeignKeyConstraint(["campaign_id"], ["pledge_campaigns.id"], ondelete="CASCADE",
                                name="fk_pledge_reminders_campaign_id_pledge_campaigns"),
        sa.PrimaryKeyConstraint("id", name="pk_pledge_reminders"),
        sa.UniqueConstraint("campaign_id", "position", "window",
                            name="uq_pledge_reminders_campaign_id_position_window"),
    )
    op.create_index("ix_pledge_reminders_campaign_id", "pledge_reminders", ["campaign_id"])


def downgrade() -> None:
    op.drop_index("ix_pledge_reminders_campaign_id", table_name="pledge_reminders")
    op.drop_table("pledge_reminders")
    op.drop_table("pledge_signatures")
    op.drop_table("pledge_campaigns")
    op.drop_table("memo_deliveries")

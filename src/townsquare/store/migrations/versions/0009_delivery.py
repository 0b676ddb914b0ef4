"""Memo delivery by email and pledge campaigns.

Revision ID: 0009_delivery
Revises: 0008_page_views
Create Date: 2026-11-25
"""

from __future__ import annotations

from collections.abc import Sequence

revision: str = "0009_delivery"
down_revision: str | None = "0008_page_views"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    pass


def downgrade() -> None:
    pass

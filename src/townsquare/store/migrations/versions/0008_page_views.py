"""Console page views (per-viewer fingerprints of console pages).

Revision ID: 0008_page_views
Revises: 0007_civic
Create Date: 2026-11-25
"""

from __future__ import annotations

from collections.abc import Sequence

revision: str = "0008_page_views"
down_revision: str | None = "0007_civic"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    pass


def downgrade() -> None:
    pass

"""Column types and constraints the migrations share. Migrations import only this module
from the package, and it must stay as it is: changing it would change old migrations."""

from __future__ import annotations

from typing import Any

import sqlalchemy as sa
from sqlalchemy.dialects import postgresql


def json_document() -> sa.types.TypeEngine[Any]:
    """JSONB on PostgreSQL, JSON text on SQLite (as ``store.tables.JSONDocument``)."""
    return sa.JSON().with_variant(postgresql.JSONB(), "postgresql")


def utc() -> sa.DateTime:
    return sa.DateTime(timezone=True)


def fk(table: str, column: str, referred: str, key: str = "id") -> sa.ForeignKeyConstraint:
    """A foreign key named as the metadata's naming convention names it."""
    return sa.ForeignKeyConstraint(
        [column], [f"{referred}.{key}"], name=f"fk_{table}_{column}_{referred}"
    )

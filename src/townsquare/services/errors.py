"""Typed failures of the use cases; edges map them (404, 409) and
``moderation.model.ModerationError`` (422, invalid input)."""

from __future__ import annotations


class NotFoundError(LookupError):
    """Something the request names (account, post, label...) does not exist."""


class ConflictError(Exception):
    """The request would duplicate something that already exists."""

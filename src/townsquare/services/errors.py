"""Typed failures of the use cases; edges map them (403, 404, 409) and
``moderation.model.ModerationError`` (422, invalid input)."""

from __future__ import annotations

from townsquare.staff.actor import Forbidden as ForbiddenError

__all__ = ["ConflictError", "ForbiddenError", "NotFoundError"]


class NotFoundError(LookupError):
    """Something the request names (account, post, label...) does not exist."""


class ConflictError(Exception):
    """The request would duplicate something that already exists."""


"""Typed failures of the use cases; edges map them (403, 404, 409) and
``moderation.model.ModerationError`` (422, invalid input)."""

from __future__ import annotations


class NotFoundError(LookupError):
    """Something the request names (account, post, label...) does not exist."""


class ConflictError(Exception):
    """The request would duplicate something that already exists."""


class ForbiddenError(PermissionError):
    """The caller may not do this (role, scope, lockdown, or a rule such as deciding
    one's own case)."""

"""Resolving a caller (bearer token, later a console session) to an :class:`Actor` with the
grants in force right now."""

from __future__ import annotations

from sqlalchemy.orm import Session

from townsquare.services.tokens import identify
from townsquare.staff.actor import Actor


def actor_for_secret(session: Session, secret: str) -> Actor | None:
    """The actor behind a bearer token, or None for unknown, revoked or expired tokens."""
    return identify(session, secret)

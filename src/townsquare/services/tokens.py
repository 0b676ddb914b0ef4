"""API bearer tokens: created once (the secret is shown once), stored as SHA-256 hashes."""

from __future__ import annotations

import hashlib
import secrets

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session, sessionmaker

from townsquare.services.errors import ConflictError, NotFoundError
from townsquare.staff.actor import Actor, Grant
from townsquare.staff.permissions import permissions_of
from townsquare.store.db import unit_of_work
from townsquare.store.moderation_tables import ApiToken
from townsquare.store.tables import utcnow

TOKEN_PREFIX = "tsq_"


def _hash(secret: str) -> str:
    return hashlib.sha256(secret.encode()).hexdigest()


def create_token(sessions: sessionmaker[Session], name: str, role: str) -> str:
    """A new token for `name` with `role`; returns the secret (never stored)."""
    permissions_of(role)  # validates the role
    name = name.strip()
    if not name or len(name) > 128:
        raise ValueError("a token name is 1-128 characters")
    secret = TOKEN_PREFIX + secrets.token_urlsafe(32)
    try:
        with unit_of_work(sessions) as session:
            session.add(ApiToken(name=name, role=role, token_hash=_hash(secret)))
    except IntegrityError:
        raise ConflictError(f"a token named {name!r} already exists") from None
    return secret


def revoke_token(sessions: sessionmaker[Session], name: str) -> None:
    with unit_of_work(sessions) as session:
        row = session.scalar(select(ApiToken).where(ApiToken.name == name))
        if row is None or row.revoked_at is not None:
            raise NotFoundError(f"no active token named {name!r}")
        row.revoked_at = utcnow()


def identify(session: Session, secret: str) -> Actor | None:
    """The actor behind a bearer secret, or None for unknown or revoked tokens."""
    row = session.scalar(select(ApiToken).where(ApiToken.token_hash == _hash(secret)))
    if row is None or row.revoked_at is not None:
        return None
    return Actor(row.name, "service", (Grant(row.role, permissions_of(row.role)),))

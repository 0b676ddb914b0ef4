"""API bearer tokens: created once (the secret is shown once), stored as SHA-256 hashes.

A token is either a service identity with a role (built-in or custom) or tied to a staff
member, acting with that member's grants."""

from __future__ import annotations

import hashlib
import secrets

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session, sessionmaker

from townsquare.services import audit
from townsquare.services.errors import ConflictError, NotFoundError
from townsquare.staff.actor import Actor, system_actor
from townsquare.staff.permissions import ROLES, UnknownRoleError
from townsquare.store.db import unit_of_work
from townsquare.store.moderation_tables import ApiToken
from townsquare.store.staff_tables import CustomRole
from townsquare.store.tables import utcnow

TOKEN_PREFIX = "tsq_"
STAFF_ROLE = "staff"  # the role column of a token that acts as its staff member


def secret_hash(secret: str) -> str:
    return hashlib.sha256(secret.encode()).hexdigest()


def new_token(
    sessions: sessionmaker[Session], name: str, role: str, *, actor: Actor | None = None,
    staff_id: int | None = None,
) -> str:
    """Store a new token; returns the secret (never stored)."""
    actor = actor or system_actor("cli")
    name = name.strip()
    if not name or len(name) > 128:
        raise ValueError("a token name is 1-128 characters")
    secret = TOKEN_PREFIX + secrets.token_urlsafe(32)
    try:
        with unit_of_work(sessions) as session:
            if staff_id is None and role not in ROLES and session.get(CustomRole, role) is None:
                raise UnknownRoleError(
                    f"unknown role {role!r}; choose from {', '.join(sorted(ROLES))} "
                    "or a custom role"
                )
            session.add(ApiToken(name=name, role=role, staff_id=staff_id,
                                 token_hash=secret_hash(secret)))
            session.flush()
            audit.record(session, actor, "token.create", "token", name,
                         after={"role": role, "staff_id": staff_id})
    except IntegrityError:
        raise ConflictError(f"a token named {name!r} already exists") from None
    return secret


def create_token(
    sessions: sessionmaker[Session], name: str, role: str, *, actor: Actor | None = None
) -> str:
    """A new service token for ``name`` with ``role``; returns the secret."""
    return new_token(sessions, name, role, actor=actor)


def revoke_token(sessions: sessionmaker[Session], name: str, *, actor: Actor | None = None
                 ) -> None:
    with unit_of_work(sessions) as session:
        row = session.scalar(select(ApiToken).where(ApiToken.name == name))
        if row is None or row.revoked_at is not None:
            raise NotFoundError(f"no active token named {name!r}")
        row.revoked_at = utcnow()
        audit.record(session, actor or system_actor("cli"), "token.revoke", "token", name)


def token_row(session: Session, secret: str) -> ApiToken | None:
    """The live token row behind a bearer secret, or None for unknown or revoked tokens."""
    row = session.scalar(select(ApiToken).where(ApiToken.token_hash == secret_hash(secret)))
    if row is None or row.revoked_at is not None:
        return None
    return row

"""Resolving a caller — a bearer token or a console session — to an :class:`Actor` with the
grants in force right now (lockdowns applied)."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from townsquare.services.tokens import STAFF_ROLE, secret_hash, token_row
from townsquare.staff.actor import Actor, Grant
from townsquare.staff.lockdown import Lockdown, apply_lockdowns
from townsquare.staff.permissions import ROLES, Permission, parse_permissions
from townsquare.store.staff_tables import (
    CustomRole,
    LockdownRow,
    RoleGrant,
    StaffMember,
    StaffSession,
)
from townsquare.store.tables import utcnow

SESSION_PREFIX = "tss_"


def _role_table(session: Session) -> dict[str, frozenset[Permission]]:
    table = dict(ROLES)
    for row in session.scalars(select(CustomRole)):
        table[row.name] = parse_permissions(row.permissions)
    return table


def _scope(values: list[str] | None) -> frozenset[str] | None:
    return None if values is None else frozenset(values)


def lockdowns_in_force(session: Session, now: datetime) -> list[Lockdown]:
    rows = session.scalars(
        select(LockdownRow).where(
            LockdownRow.lifted_at.is_(None),
            or_(LockdownRow.restore_at.is_(None), LockdownRow.restore_at > now),
        )
    )
    return [lockdown_of(r) for r in rows]


def lockdown_of(row: LockdownRow) -> Lockdown:
    return Lockdown(
        row.id,
        None if row.permissions is None else parse_permissions(row.permissions),
        row.reason,
        row.started_at,
        row.restore_at,
        row.lifted_at,
        frozenset(row.exempt_staff),
        frozenset(row.exempt_teams),
        frozenset(row.exempt_roles),
    )


def staff_actor(
    session: Session, member: StaffMember, now: datetime | None = None,
    roles: dict[str, frozenset[Permission]] | None = None,
    lockdowns: list[Lockdown] | None = None,
) -> Actor:
    """``member`` as an Actor: their grants, minus what lockdowns in force freeze."""
    now = now or utcnow()
    roles = roles if roles is not None else _role_table(session)
    grants = tuple(
        Grant(g.role, roles.get(g.role, frozenset()), _scope(g.policies), _scope(g.queues))
        for g in session.scalars(select(RoleGrant).where(RoleGrant.staff_id == member.id))
    )
    actor = Actor(member.username, "staff", grants, staff_id=member.id,
                  teams=frozenset(member.teams))
    if lockdowns is None:
        lockdowns = lockdowns_in_force(session, now)
    return apply_lockdowns(actor, lockdowns, now)


def actor_for_secret(session: Session, secret: str, now: datetime | None = None
                     ) -> Actor | None:
    """The actor behind a bearer token or session secret; None when unknown, revoked,
    expired, or its staff member is disabled."""
    now = now or utcnow()
    if secret.startswith(SESSION_PREFIX):
        login = session.scalar(
            select(StaffSession).where(StaffSession.token_hash == secret_hash(secret))
        )
        if login is None or login.revoked_at is not None or login.expires_at <= now:
            return None
        member = session.get(StaffMember, login.staff_id)
    else:
        row = token_row(session, secret)
        if row is None:
            return None
        if row.staff_id is None:
            roles = _role_table(session)
            if row.role not in roles:
                return None  # a deleted custom role grants nothing
            actor = Actor(row.name, "service", (Grant(row.role, roles[row.role]),))
            return apply_lockdowns(actor, lockdowns_in_force(session, now), now)
        assert row.role == STAFF_ROLE
        member = session.get(StaffMember, row.staff_id)
    if member is None or member.disabled_at is not None:
        return None
    return staff_actor(session, member, now)


def active_staff_actors(session: Session, now: datetime | None = None) -> list[Actor]:
    """Every enabled staff member as an Actor, lockdowns in force applied."""
    now = now or utcnow()
    roles = _role_table(session)
    lockdowns = lockdowns_in_force(session, now)
    members = session.scalars(
        select(StaffMember).where(StaffMember.disabled_at.is_(None))
        .order_by(StaffMember.username)
    )
    return [staff_actor(session, m, now, roles, lockdowns) for m in members]

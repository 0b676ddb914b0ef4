"""Use cases: staff accounts, passwords, roles and grants, staff tokens."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from sqlalchemy import delete, func, select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session, sessionmaker

from townsquare.moderation.model import ModerationError
from townsquare.services import audit
from townsquare.services.errors import ConflictError, ForbiddenError, NotFoundError
from townsquare.services.tokens import STAFF_ROLE, create_token, new_token
from townsquare.staff.actor import Actor, system_actor
from townsquare.staff.grants import check_grantable
from townsquare.staff.permissions import (
    BUILTIN_ROLES,
    ROLES,
    Permission,
    UnknownRoleError,
    parse_permissions,
)
from townsquare.store.db import unit_of_work
from townsquare.store.staff_tables import CustomRole, RoleGrant, StaffMember, StaffSession
from townsquare.store.tables import utcnow

USERNAME = re.compile(r"^[a-z0-9][a-z0-9._-]{1,62}$")
MIN_PASSWORD = 12
_hasher = PasswordHasher()


@dataclass(frozen=True)
class GrantRecord:
    role: str
    policies: list[str] | None
    queues: list[str] | None
    granted_by: str


@dataclass(frozen=True)
class StaffRecord:
    id: int
    username: str
    display_name: str
    email: str | None
    teams: list[str]
    disabled: bool
    grants: list[GrantRecord]
    created_at: datetime

    def public(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "username": self.username,
            "display_name": self.display_name,
            "email": self.email,
            "teams": self.teams,
            "disabled": self.disabled,
            "grants": [g.__dict__ for g in self.grants],
            "created_at": self.created_at.isoformat(),
        }


def hash_password(password: str) -> str:
    if len(password) < MIN_PASSWORD:
        raise ModerationError(f"a password has at least {MIN_PASSWORD} characters")
    return _hasher.hash(password)


def password_matches(password_hash: str | None, password: str) -> bool:
    if not password_hash:
        return False
    try:
        return _hasher.verify(password_hash, password)
    except (VerificationError, InvalidHashError):
        return False


def _username(value: str) -> str:
    name = value.strip().lower()
    if not USERNAME.match(name):
        raise ModerationError(
            "a username is 2-63 characters: lowercase letters, digits, '.', '_' or '-'"
        )
    return name


def role_permissions(session: Session, role: str) -> frozenset[Permission]:
    if role in ROLES:
        return ROLES[role]
    row = session.get(CustomRole, role)
    if row is None:
        raise UnknownRoleError(
            f"unknown role {role!r}; choose from {', '.join(sorted(ROLES))} or a custom role"
        )
    return parse_permissions(row.permissions)


def _scope(values: list[str] | None) -> frozenset[str] | None:
    return None if values is None else frozenset(values)


def _record(session: Session, row: StaffMember) -> StaffRecord:
    grants = session.scalars(
        select(RoleGrant).where(RoleGrant.staff_id == row.id).order_by(RoleGrant.role)
    )
    return StaffRecord(
        row.id,
        row.username,
        row.display_name,
        row.email,
        list(row.teams),
        row.disabled_at is not None,
        [GrantRecord(g.role, g.policies, g.queues, g.granted_by) for g in grants],
        row.created_at,
    )


def _member(session: Session, username: str) -> StaffMember:
    row = session.scalar(select(StaffMember).where(StaffMember.username == username))
    if row is None:
        raise NotFoundError(f"no staff member named {username!r}")
    return row


def _grant(
    session: Session, actor: Actor, member: StaffMember, role: str,
    policies: list[str] | None, queues: list[str] | None,
) -> None:
    check_grantable(actor, role_permissions(session, role), _scope(policies), _scope(queues))
    existing = session.scalar(
        select(RoleGrant).where(RoleGrant.staff_id == member.id, RoleGrant.role == role)
    )
    before = None
    if existing is not None:
        before = {"role": role, "policies": existing.policies, "queues": existing.queues}
        session.delete(existing)
        session.flush()
    session.add(RoleGrant(staff_id=member.id, role=role, policies=policies, queues=queues,
                          granted_by=actor.name))
    audit.record(session, actor, "staff.grant", "staff", member.username, before=before,
                 after={"role": role, "policies": policies, "queues": queues})


def create_staff(
    sessions: sessionmaker[Session], actor: Actor, username: str, display_name: str,
    password: str | None, *, email: str | None = None, teams: list[str] | None = None,
    roles: list[str] | None = None,
) -> StaffRecord:
    """A new staff member with (optionally) a password and roles; the creator must hold
    everything they grant."""
    name = _username(username)
    password_hash = hash_password(password) if password else None
    try:
        with unit_of_work(sessions) as session:
            row = StaffMember(username=name, display_name=display_name.strip() or name,
                              email=email, password_hash=password_hash,
                              teams=sorted(set(teams or [])), created_by=actor.name)
            session.add(row)
            session.flush()
            for role in roles or []:
                _grant(session, actor, row, role, None, None)
            audit.record(session, actor, "staff.create", "staff", name,
                         after={"display_name": row.display_name, "email": email,
                                "teams": row.teams, "roles": roles or []})
            return _record(session, row)
    except IntegrityError:
        raise ConflictError(f"a staff member named {name!r} already exists") from None


def bootstrap_admin(
    sessions: sessionmaker[Session], username: str, password: str
) -> tuple[StaffRecord, str]:
    """The first admin and a token for them; refused once any staff member exists."""
    with sessions() as session:
        if session.scalar(select(func.count()).select_from(StaffMember)):
            raise ConflictError("staff already exist: ask an admin for an account")
    record = create_staff(sessions, system_actor("bootstrap"), username, username, password,
                          roles=["admin"])
    secret = create_staff_token(sessions, system_actor("bootstrap"), record.username,
                                f"{record.username}-cli")
    return record, secret


def create_staff_token(
    sessions: sessionmaker[Session], actor: Actor, username: str, token_name: str
) -> str:
    """A bearer token acting as ``username`` (with their grants, lockdowns applied)."""
    with sessions() as session:
        member = _member(session, username)
    if actor.staff_id != member.id and actor.kind != "system":
        actor.check(Permission.STAFF_ADMIN)
    return new_token(sessions, token_name, "staff", actor=actor, staff_id=member.id)


def create_service_token(
    sessions: sessionmaker[Session], actor: Actor, token_name: str, role: str
) -> str:
    """A service identity's token with ``role`` (built-in or custom), which ``actor`` may
    only hand out if they hold every permission in it; returns the secret."""
    if role == STAFF_ROLE:
        raise ModerationError(
            "a staff member's token acts as that member: POST /api/v1/staff/{username}/tokens"
            " or townsquare staff token"
        )
    with sessions() as session:
        check_grantable(actor, role_permissions(session, role))
    return create_token(sessions, token_name, role, actor=actor)


def set_disabled(
    sessions: sessionmaker[Session], actor: Actor, username: str, disabled: bool,
    reason: str = "",
) -> StaffRecord:
    """Disable (sessions and tokens stop working at once) or enable a staff member."""
    with unit_of_work(sessions) as session:
        member = _member(session, username)
        if disabled and member.id == actor.staff_id:
            raise ForbiddenError("you cannot disable yourself")
        before = {"disabled": member.disabled_at is not None}
        now = utcnow()
        member.disabled_at = now if disabled else None
        member.disabled_reason = reason if disabled else None
        if disabled:
            session.execute(update(StaffSession)
                            .where(StaffSession.staff_id == member.id,
                                   StaffSession.revoked_at.is_(None))
                            .values(revoked_at=now))
        audit.record(session, actor, "staff.disable" if disabled else "staff.enable",
                     "staff", member.username, before=before,
                     after={"disabled": disabled, "reason": reason or None})
        return _record(session, member)


def set_password(
    sessions: sessionmaker[Session], actor: Actor, username: str, password: str
) -> None:
    """Change a password (one's own, or anyone's with staff.admin); ends their sessions."""
    password_hash = hash_password(password)
    with unit_of_work(sessions) as session:
        member = _member(session, username)
        if member.id != actor.staff_id:
            actor.check(Permission.STAFF_ADMIN)
        member.password_hash = password_hash
        session.execute(update(StaffSession)
                        .where(StaffSession.staff_id == member.id,
                               StaffSession.revoked_at.is_(None))
                        .values(revoked_at=utcnow()))
        audit.record(session, actor, "staff.password", "staff", member.username)


def grant_role(
    sessions: sessionmaker[Session], actor: Actor, username: str, role: str,
    policies: list[str] | None = None, queues: list[str] | None = None,
) -> StaffRecord:
    with unit_of_work(sessions) as session:
        member = _member(session, username)
        _grant(session, actor, member, role, policies, queues)
        return _record(session, member)


def revoke_role(
    sessions: sessionmaker[Session], actor: Actor, username: str, role: str
) -> StaffRecord:
    with unit_of_work(sessions) as session:
        member = _member(session, username)
        gone = session.execute(
            delete(RoleGrant).where(RoleGrant.staff_id == member.id, RoleGrant.role == role)
        )
        if not gone.rowcount:  # type: ignore[attr-defined]
            raise NotFoundError(f"{username!r} does not hold the role {role!r}")
        audit.record(session, actor, "staff.revoke", "staff", member.username,
                     before={"role": role})
        return _record(session, member)


def set_teams(
    sessions: sessionmaker[Session], actor: Actor, username: str, teams: list[str]
) -> StaffRecord:
    with unit_of_work(sessions) as session:
        member = _member(session, username)
        before = {"teams": list(member.teams)}
        member.teams = sorted(set(teams))
        audit.record(session, actor, "staff.teams", "staff", member.username, before=before,
                     after={"teams": member.teams})
        return _record(session, member)


def list_staff(sessions: sessionmaker[Session], reader: Actor) -> list[StaffRecord]:
    """Every staff member. Records hold e-mail addresses (personal data): the read is
    audited."""
    reader.check(Permission.STAFF_ADMIN)
    with unit_of_work(sessions) as session:
        rows = session.scalars(select(StaffMember).order_by(StaffMember.username)).all()
        records = [_record(session, r) for r in rows]
        audit.record(session, reader, "read.staff", "staff", "*")
        return records


def get_staff(sessions: sessionmaker[Session], reader: Actor, username: str) -> StaffRecord:
    """One staff member (an audited read, as :func:`list_staff`)."""
    reader.check(Permission.STAFF_ADMIN)
    with unit_of_work(sessions) as session:
        record = _record(session, _member(session, username))
        audit.record(session, reader, "read.staff", "staff", record.username)
        return record


def create_role(
    sessions: sessionmaker[Session], actor: Actor, name: str, permissions: list[str],
    description: str = "",
) -> dict[str, Any]:
    """A custom role made of existing permissions the creator holds."""
    role = name.strip()
    if not re.match(r"^[a-z][a-z0-9_]{1,63}$", role):
        raise ModerationError("a role name is 2-64 lowercase letters, digits or '_'")
    if role in BUILTIN_ROLES:
        raise ConflictError(f"{role!r} is a built-in role")
    if not permissions:
        raise ModerationError("a role has at least one permission")
    perms = parse_permissions(permissions)
    check_grantable(actor, perms)
    try:
        with unit_of_work(sessions) as session:
            session.add(CustomRole(name=role, permissions=sorted(p.value for p in perms),
                                   description=description, created_by=actor.name))
            session.flush()
            audit.record(session, actor, "role.create", "role", role,
                         after={"permissions": sorted(p.value for p in perms)})
    except IntegrityError:
        raise ConflictError(f"a role named {role!r} already exists") from None
    return {"name": role, "permissions": sorted(p.value for p in perms),
            "description": description, "builtin": False}


def list_roles(sessions: sessionmaker[Session]) -> list[dict[str, Any]]:
    roles = [{"name": name, "permissions": sorted(p.value for p in perms),
              "description": "", "builtin": True} for name, perms in sorted(ROLES.items())]
    with sessions() as session:
        for row in session.scalars(select(CustomRole).order_by(CustomRole.name)):
            roles.append({"name": row.name, "permissions": sorted(row.permissions),
                          "description": row.description, "builtin": False})
    return roles

"""Use cases: start a lockdown, lift it (two-person), list lockdowns, restore on schedule."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from townsquare.moderation.model import ModerationError
from townsquare.services import audit
from townsquare.services.approvals import Operation, Outcome, register, submit
from townsquare.services.authz import lockdown_of
from townsquare.services.context import Services
from townsquare.services.errors import ConflictError, NotFoundError
from townsquare.staff.actor import Actor
from townsquare.staff.approvals import LOCKDOWN_LIFT
from townsquare.staff.permissions import LOCKDOWN_IMMUNE, Permission, parse_permissions
from townsquare.store.db import unit_of_work
from townsquare.store.staff_tables import LockdownRow
from townsquare.store.tables import utcnow

SCHEDULE = "schedule"  # who lifts a lockdown whose restore time has come


def describe(row: LockdownRow, now: datetime | None = None) -> dict[str, Any]:
    now = now or utcnow()
    lockdown = lockdown_of(row)
    return {
        "id": row.id,
        "scope": "org" if row.permissions is None else "permissions",
        "permissions": row.permissions,
        "frozen": sorted(p.value for p in lockdown.frozen),
        "exempt_staff": row.exempt_staff,
        "exempt_teams": row.exempt_teams,
        "exempt_roles": row.exempt_roles,
        "reason": row.reason,
        "started_by": row.started_by,
        "started_at": row.started_at.isoformat(),
        "restore_at": row.restore_at.isoformat() if row.restore_at else None,
        "lifted_at": row.lifted_at.isoformat() if row.lifted_at else None,
        "lifted_by": row.lifted_by,
        "in_force": lockdown.in_force(now),
    }


def start(
    services: Services, actor: Actor, reason: str, *, permissions: list[str] | None = None,
    exempt_staff: list[str] | None = None, exempt_teams: list[str] | None = None,
    exempt_roles: list[str] | None = None, restore_at: datetime | None = None,
) -> dict[str, Any]:
    """Freeze tool access now: org-wide (``permissions`` None) or the named permissions."""
    actor.check(Permission.LOCKDOWN_MANAGE)
    now = utcnow()
    if not reason.strip():
        raise ModerationError("a lockdown needs a reason")
    if restore_at is not None:
        if restore_at.tzinfo is None:
            raise ModerationError("restore_at: give a timezone (e.g. 2026-12-01T09:00:00Z)")
        if restore_at <= now:
            raise ModerationError("restore_at must be in the future")
    if permissions is not None:
        if not permissions:
            raise ModerationError("name at least one permission, or none for org-wide")
        frozen = parse_permissions(permissions) - LOCKDOWN_IMMUNE
        if not frozen:
            raise ModerationError(
                "those permissions are never frozen (the platform's paths and this control)"
            )
        permissions = sorted(p.value for p in frozen)
    with unit_of_work(services.sessions) as session:
        row = LockdownRow(
            permissions=permissions, exempt_staff=sorted(set(exempt_staff or [])),
            exempt_teams=sorted(set(exempt_teams or [])),
            exempt_roles=sorted(set(exempt_roles or [])), reason=reason.strip(),
            started_by=actor.name, started_at=now, restore_at=restore_at,
        )
        session.add(row)
        session.flush()
        described = describe(row, now)
        audit.record(session, actor, "lockdown.start", "lockdown", str(row.id), after=described)
    services.on_change()
    return described


def _apply_lift(services: Services, payload: dict[str, Any], requested_by: Actor,
                approved_by: Actor | None) -> dict[str, Any]:
    with unit_of_work(services.sessions) as session:
        row = _get(session, int(payload["lockdown_id"]))
        if row.lifted_at is not None:
            raise ConflictError(f"lockdown #{row.id} was already lifted")
        row.lifted_at = utcnow()
        row.lifted_by = requested_by.name if approved_by is None else (
            f"{requested_by.name}+{approved_by.name}")
        described = describe(row)
        audit.record(session, approved_by or requested_by, "lockdown.lift", "lockdown",
                     str(row.id), after=described)
    services.on_change()
    return described


register(Operation(LOCKDOWN_LIFT, Permission.LOCKDOWN_MANAGE, _apply_lift))


def _get(session: Session, lockdown_id: int) -> LockdownRow:
    row = session.get(LockdownRow, lockdown_id)
    if row is None:
        raise NotFoundError(f"no lockdown #{lockdown_id}")
    return row


def lift(services: Services, actor: Actor, lockdown_id: int, reason: str) -> Outcome:
    """Restore access: a two-person operation by default."""
    with services.sessions() as session:
        row = _get(session, lockdown_id)
        if row.lifted_at is not None or not lockdown_of(row).in_force(utcnow()):
            raise ConflictError(f"lockdown #{lockdown_id} is not in force")
    return submit(services, actor, LOCKDOWN_LIFT, {"lockdown_id": lockdown_id},
                  subject_type="lockdown", subject_id=str(lockdown_id), reason=reason)


def restore_due(services: Services, now: datetime | None = None) -> list[int]:
    """Mark lockdowns whose scheduled restore time has passed as lifted (audited)."""
    now = now or utcnow()
    with unit_of_work(services.sessions) as session:
        rows = session.scalars(
            select(LockdownRow).where(LockdownRow.lifted_at.is_(None),
                                      LockdownRow.restore_at.is_not(None),
                                      LockdownRow.restore_at <= now)
        ).all()
        for row in rows:
            row.lifted_at = row.restore_at
            row.lifted_by = SCHEDULE
            audit.record(session, SCHEDULE, "lockdown.restore", "lockdown", str(row.id),
                         after={"restore_at": row.lifted_at.isoformat()
                                if row.lifted_at else None})
        return [r.id for r in rows]


def list_lockdowns(services: Services, include_past: bool = False) -> list[dict[str, Any]]:
    restore_due(services)
    now = utcnow()
    with services.sessions() as session:
        query = select(LockdownRow).order_by(LockdownRow.id.desc())
        if not include_past:
            query = query.where(LockdownRow.lifted_at.is_(None))
        return [describe(r, now) for r in session.scalars(query)]

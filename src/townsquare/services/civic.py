"""Civic events (elections): create and end them (``civic.manage``, audited), list them,
and check that enough active staff hold the civic-integrity tools.

An event puts a stricter policy variant in force for its window: a stored version, or a
text stored as a new ``variant`` version. Workers switch at the window's edges by
themselves (their label cache polls :class:`~townsquare.services.policies.PolicyInForce`).
"""

from __future__ import annotations

from datetime import datetime
from typing import Any, NamedTuple

from sqlalchemy import select
from sqlalchemy.orm import Session

from townsquare.moderation.civic import check_window, overlapping, require_stricter
from townsquare.moderation.model import ModerationError
from townsquare.services import audit
from townsquare.services.authz import active_staff_actors, lockdowns_in_force, staff_actor
from townsquare.services.context import Services
from townsquare.services.errors import ConflictError, NotFoundError
from townsquare.services.policies import (
    VARIANT,
    PolicyInForce,
    check_candidate,
    check_reason,
    ensure_version,
    event_of,
    record_change,
    store_version,
)
from townsquare.staff.actor import Actor
from townsquare.staff.coverage import (
    DEFAULT_CIVIC_PERMISSIONS,
    DEFAULT_CIVIC_POLICY,
    Coverage,
    coverage,
)
from townsquare.staff.permissions import Permission, parse_permissions
from townsquare.store.civic_tables import CivicEventRow
from townsquare.store.db import unit_of_work
from townsquare.store.staff_tables import StaffMember
from townsquare.store.tables import utcnow

MAX_MIN_STAFF = 10_000
DEFAULT_MIN_STAFF = 1  # the check without any event: is anyone at all holding the tools?


def describe(row: CivicEventRow, now: datetime) -> dict[str, Any]:
    event = event_of(row)
    return {
        "id": row.id, "name": row.name, "status": event.status(now),
        "starts_at": row.starts_at, "ends_at": row.ends_at, "effective_end": event.end,
        "policy_version": row.policy_version, "permissions": sorted(row.permissions),
        "coverage_policy": row.coverage_policy, "min_staff": row.min_staff,
        "created_by": row.created_by, "created_at": row.created_at,
        "ended_at": row.ended_at, "ended_by": row.ended_by, "end_reason": row.end_reason,
    }


def _required(names: list[str] | None) -> frozenset[Permission]:
    if names is None:
        return DEFAULT_CIVIC_PERMISSIONS
    if not names:
        raise ModerationError("permissions: name at least one civic-integrity permission")
    return parse_permissions(names)


def _check_minimum(minimum: int) -> int:
    if not 0 <= minimum <= MAX_MIN_STAFF:
        raise ModerationError(f"min_staff: between 0 and {MAX_MIN_STAFF}")
    return minimum


class _Staff(NamedTuple):
    now: list[Actor]  # lockdowns applied
    unlocked: list[Actor]  # the same people without lockdowns (empty when none is in force)


def _staff(session: Session, now: datetime) -> _Staff:
    actors = active_staff_actors(session, now)
    if not lockdowns_in_force(session, now):
        return _Staff(actors, [])
    members = session.scalars(select(StaffMember).where(StaffMember.disabled_at.is_(None)))
    return _Staff(actors, [staff_actor(session, m, now, lockdowns=[]) for m in members])


def _check(staff: _Staff, permissions: frozenset[Permission], minimum: int,
           policy: str | None) -> Coverage:
    return coverage(staff.now, permissions, minimum, policy, staff.unlocked)


def _coverage_of(session: Session, row: CivicEventRow, now: datetime) -> Coverage:
    return _check(_staff(session, now), parse_permissions(row.permissions), row.min_staff,
                  row.coverage_policy)


def create_event(
    services: Services, actor: Actor, *, name: str, starts_at: datetime, ends_at: datetime,
    min_staff: int, policy_version: int | None = None, policy_text: str | None = None,
    policy_format: str = "yaml", permissions: list[str] | None = None,
    coverage_policy: str | None = DEFAULT_CIVIC_POLICY, now: datetime | None = None,
) -> dict[str, Any]:
    """Store an event and its variant; the answer carries a coverage warning when short."""
    actor.check(Permission.CIVIC_MANAGE)
    now = now or utcnow()
    name = check_window(name, starts_at, ends_at, now)
    if (policy_version is None) == (policy_text is None):
        raise ModerationError("give either policy_version (a stored version) or policy_text")
    required = _required(permissions)
    _check_minimum(min_staff)
    candidate = None if policy_text is None else check_candidate(
        policy_text, policy_format, "policy_text")
    with unit_of_work(services.sessions) as session:
        resolver = PolicyInForce(services.settings)
        base = resolver.base(session)
        if policy_text is not None and candidate is not None:
            require_stricter(base, candidate)
            version = store_version(
                session, services.settings, candidate, policy_text, policy_format,
                kind=VARIANT, author=actor.name, reason=f"civic event {name!r}",
            ).version
        else:
            assert policy_version is not None
            version = ensure_version(session, services.settings, policy_version).version
            require_stricter(base, resolver.compiled(session, version))
        events = [event_of(r) for r in session.scalars(select(CivicEventRow))]
        if clash := overlapping(events, starts_at, ends_at):
            other = clash[0]
            raise ConflictError(
                f"the window overlaps civic event #{other.id} {other.name!r} "
                f"({other.starts_at.isoformat()} to {other.end.isoformat()}); "
                f"end it first or choose another window"
            )
        row = CivicEventRow(
            name=name, starts_at=starts_at, ends_at=ends_at, policy_version=version,
            permissions=sorted(required), coverage_policy=coverage_policy or None,
            min_staff=min_staff, created_by=actor.name, created_at=now,
        )
        session.add(row)
        session.flush()
        record_change(session, "civic.create")
        event = describe(row, now)
        audit.record(session, actor, "civic.event.create", "civic_event", row.id, after=event)
        checked = _coverage_of(session, row, now)
    services.on_change()  # this worker switches at once if the window is open
    return {"event": event, "coverage": checked.as_dict(), "warning": checked.warning()}


def end_event(services: Services, actor: Actor, event_id: int, reason: str,
              now: datetime | None = None) -> dict[str, Any]:
    """End an event now (a scheduled one is cancelled); the base policy is back at once."""
    actor.check(Permission.CIVIC_MANAGE)
    reason = check_reason(reason)
    now = now or utcnow()
    with unit_of_work(services.sessions) as session:
        row = _load(session, event_id)
        if event_of(row).status(now) == "ended":
            raise ConflictError(f"civic event #{event_id} has already ended")
        before = describe(row, now)
        row.ended_at, row.ended_by, row.end_reason = now, actor.name, reason
        record_change(session, "civic.end")
        after = describe(row, now)
        audit.record(session, actor, "civic.event.end", "civic_event", row.id,
                     before=before, after=after)
    services.on_change()
    return after


def _load(session: Session, event_id: int) -> CivicEventRow:
    row = session.get(CivicEventRow, event_id)
    if row is None:
        raise NotFoundError(f"no civic event #{event_id}")
    return row


def list_events(services: Services, *, include_ended: bool = False,
                now: datetime | None = None) -> list[dict[str, Any]]:
    """Events, soonest first; ended ones only when asked."""
    now = now or utcnow()
    with services.sessions() as session:
        rows = session.scalars(select(CivicEventRow).order_by(CivicEventRow.starts_at,
                                                              CivicEventRow.id))
        events = [describe(r, now) for r in rows]
    return [e for e in events if include_ended or e["status"] != "ended"]


def get_event(services: Services, event_id: int, now: datetime | None = None
              ) -> dict[str, Any]:
    with services.sessions() as session:
        return describe(_load(session, event_id), now or utcnow())


def event_coverage(services: Services, event_id: int, now: datetime | None = None
                   ) -> dict[str, Any]:
    """The coverage check of one event, as of now."""
    now = now or utcnow()
    with services.sessions() as session:
        row = _load(session, event_id)
        return {"event": describe(row, now), "coverage": _coverage_of(session, row, now).as_dict()}


def coverage_check(services: Services, *, minimum: int, permissions: list[str] | None = None,
                   policy: str | None = DEFAULT_CIVIC_POLICY, now: datetime | None = None
                   ) -> Coverage:
    """An ad-hoc check: who holds ``permissions`` (default: the civic set) right now."""
    required = _required(permissions)
    _check_minimum(minimum)
    with services.sessions() as session:
        return _check(_staff(session, now or utcnow()), required, minimum, policy or None)


def coverage_report(services: Services, now: datetime | None = None) -> dict[str, Any]:
    """A check per event in force or scheduled (without any: the default civic set, at
    least one person); ``short`` when any check is."""
    now = now or utcnow()
    checks: list[dict[str, Any]] = []
    with services.sessions() as session:
        staff = _staff(session, now)
        rows = session.scalars(select(CivicEventRow).order_by(CivicEventRow.starts_at))
        for row in rows:
            if event_of(row).status(now) == "ended":
                continue
            checked = _check(staff, parse_permissions(row.permissions), row.min_staff,
                             row.coverage_policy)
            checks.append({"event": describe(row, now), "coverage": checked.as_dict()})
    if not checks:
        checked = _check(staff, DEFAULT_CIVIC_PERMISSIONS, DEFAULT_MIN_STAFF,
                         DEFAULT_CIVIC_POLICY)
        checks.append({"event": None, "coverage": checked.as_dict()})
    return {"at": now, "short": any(c["coverage"]["short"] for c in checks), "checks": checks}

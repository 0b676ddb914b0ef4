"""The two-person rule as use cases: submit a sensitive operation, approve, reject, list.

Each sensitive operation registers an :class:`Operation` (its permission and how to apply
it). ``submit`` applies at once when the operation is not in the configured two-person set;
otherwise it stores a request that a second, different person holding the permission must
approve before it expires. Approval claims the request with one conditional UPDATE, so of
two racing approvals exactly one applies the operation.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any, Literal

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from townsquare.services import audit
from townsquare.services.context import Services
from townsquare.services.errors import ConflictError, NotFoundError
from townsquare.staff.actor import Actor
from townsquare.staff.approvals import (
    DEFAULT_TWO_PERSON,
    PENDING,
    PendingRequest,
    check_approver,
    effective_status,
    same_person,
)
from townsquare.staff.permissions import Permission
from townsquare.store.db import unit_of_work
from townsquare.store.staff_tables import ApprovalRequest
from townsquare.store.tables import utcnow

Apply = Callable[[Services, dict[str, Any], Actor, Actor | None], dict[str, Any]]


@dataclass(frozen=True)
class Operation:
    name: str
    permission: Permission  # needed to approve it (and to request it, unless below)
    apply: Apply  # runs its own unit of work; returns a JSON-able result
    request_permission: Permission | None = None

    @property
    def requester_permission(self) -> Permission:
        return self.request_permission or self.permission


@dataclass(frozen=True)
class Outcome:
    status: Literal["applied", "pending"]
    result: dict[str, Any] | None = None
    request: dict[str, Any] | None = None


_OPERATIONS: dict[str, Operation] = {}
# Called after a request is settled (applied, failed, rejected, cancelled), outside its
# transaction: e.g. a report waiting on the action it asked for is closed at once.
_SETTLED: list[Callable[[Services], object]] = []


def when_settled(listener: Callable[[Services], object]) -> None:
    _SETTLED.append(listener)


def _settled(services: Services) -> None:
    for listener in _SETTLED:
        listener(services)


def jsonable(value: dict[str, Any]) -> dict[str, Any]:
    """``value`` with datetimes (and anything else JSON lacks) as strings."""
    out: dict[str, Any] = json.loads(json.dumps(value, default=_iso))
    return out


def _iso(value: object) -> str:
    return value.isoformat() if isinstance(value, datetime) else str(value)


def register(operation: Operation) -> None:
    _OPERATIONS[operation.name] = operation


def operation(name: str) -> Operation:
    if name not in _OPERATIONS:
        import townsquare.services.operations  # noqa: F401  (registers every operation)
    try:
        return _OPERATIONS[name]
    except KeyError:
        raise NotFoundError(f"no sensitive operation named {name!r}") from None


def two_person_set(services: Services) -> frozenset[str]:
    configured = services.settings.two_person_operations
    return DEFAULT_TWO_PERSON if configured is None else frozenset(configured)


def describe(row: ApprovalRequest, now: datetime | None = None) -> dict[str, Any]:
    return {
        "id": row.id,
        "operation": row.operation,
        "subject_type": row.subject_type,
        "subject_id": row.subject_id,
        "payload": row.payload,
        "reason": row.reason,
        "requested_by": row.requested_by,
        "created_at": row.created_at.isoformat(),
        "expires_at": row.expires_at.isoformat(),
        "status": effective_status(_pending(row), now or utcnow()),
        "decided_by": row.decided_by,
        "decided_at": row.decided_at.isoformat() if row.decided_at else None,
        "decision_note": row.decision_note,
        "result": row.result,
    }


def _pending(row: ApprovalRequest) -> PendingRequest:
    return PendingRequest(row.id, row.operation, row.status, row.requested_by,
                          row.requested_by_staff_id, row.expires_at)


def submit(
    services: Services, actor: Actor, name: str, payload: dict[str, Any], *,
    subject_type: str, subject_id: str, reason: str = "",
) -> Outcome:
    """Apply ``name`` now, or store it for a second person's approval."""
    op = operation(name)
    actor.check(op.requester_permission)
    if name not in two_person_set(services):
        return Outcome("applied", result=jsonable(op.apply(services, payload, actor, None)))
    now = utcnow()
    hours = services.settings.approval_ttl_hours
    with unit_of_work(services.sessions) as session:
        row = ApprovalRequest(
            operation=name, payload=payload, subject_type=subject_type,
            subject_id=str(subject_id), reason=reason, requested_by=actor.name,
            requested_by_kind=actor.kind, requested_by_staff_id=actor.staff_id,
            created_at=now, expires_at=now + timedelta(hours=hours), status=PENDING,
        )
        session.add(row)
        session.flush()
        audit.record(session, actor, "approval.request", "approval", str(row.id),
                     after={"operation": name, "subject_type": subject_type,
                            "subject_id": str(subject_id), "payload": payload,
                            "reason": reason})
        return Outcome("pending", request=describe(row, now))


def _load(session: Session, request_id: int) -> ApprovalRequest:
    row = session.get(ApprovalRequest, request_id)
    if row is None:
        raise NotFoundError(f"no approval request #{request_id}")
    return row


def approve(services: Services, approver: Actor, request_id: int, note: str = ""
            ) -> dict[str, Any]:
    """Approve and apply; exactly once even when approvals race."""
    now = utcnow()
    with services.sessions() as session:
        row = _load(session, request_id)
        op = operation(row.operation)
        try:
            check_approver(_pending(row), approver, op.permission, now)
        except ValueError as exc:
            raise ConflictError(str(exc)) from None
        requester = Actor(row.requested_by, _kind(row.requested_by_kind), (),
                          staff_id=row.requested_by_staff_id)
        payload = dict(row.payload)
    # The conditional UPDATE is the transaction's first statement: on SQLite it takes the
    # write lock on a fresh snapshot, on PostgreSQL the row lock; one approver wins.
    with unit_of_work(services.sessions) as session:
        claimed = session.execute(
            update(ApprovalRequest)
            .where(ApprovalRequest.id == request_id, ApprovalRequest.status == PENDING,
                   ApprovalRequest.expires_at > now)
            .values(status="applying", decided_by=approver.name, decided_at=now,
                    decision_note=note or None)
        )
        if claimed.rowcount != 1:  # type: ignore[attr-defined]
            raise ConflictError(f"approval request #{request_id} is no longer pending")
        audit.record(session, approver, "approval.approve", "approval", str(request_id),
                     after={"operation": row.operation, "note": note or None})
    try:
        result = op.apply(services, payload, requester, approver)
    except Exception as exc:
        _finish(services, request_id, "failed", {"error": str(exc)})
        _settled(services)
        raise
    _finish(services, request_id, "applied", jsonable(result))
    _settled(services)
    with services.sessions() as session:
        return describe(_load(session, request_id))


def _kind(value: str) -> Literal["staff", "service", "system"]:
    return "staff" if value == "staff" else "system" if value == "system" else "service"


def _finish(services: Services, request_id: int, status: str, result: dict[str, Any]) -> None:
    with unit_of_work(services.sessions) as session:
        row = _load(session, request_id)
        row.status = status
        row.result = result
        audit.record(session, row.decided_by or "system", f"approval.{status}", "approval",
                     str(request_id), after=result)


def reject(services: Services, actor: Actor, request_id: int, note: str) -> dict[str, Any]:
    """Reject (an authorised second person) or cancel (the requester) a pending request."""
    now = utcnow()
    with unit_of_work(services.sessions) as session:
        row = _load(session, request_id)
        status = effective_status(_pending(row), now)
        if status != PENDING:
            raise ConflictError(f"approval request #{request_id} is {status}, not pending")
        outcome = "cancelled" if same_person(_pending(row), actor) else "rejected"
        if outcome == "rejected":
            actor.check(operation(row.operation).permission)
        row.status = outcome
        row.decided_by = actor.name
        row.decided_at = now
        row.decision_note = note or None
        audit.record(session, actor, "approval.cancel" if outcome == "cancelled"
                     else "approval.reject", "approval", str(request_id),
                     after={"note": note or None})
        described = describe(row, now)
    _settled(services)
    return described


def list_requests(services: Services, status: str | None = None, limit: int = 200
                  ) -> list[dict[str, Any]]:
    now = utcnow()
    with services.sessions() as session:
        rows = session.scalars(
            select(ApprovalRequest).order_by(ApprovalRequest.id.desc()).limit(limit * 4)
        ).all()
        described = [describe(r, now) for r in rows]
    return [d for d in described if status is None or d["status"] == status][:limit]


def get_request(services: Services, request_id: int) -> dict[str, Any]:
    with services.sessions() as session:
        return describe(_load(session, request_id))

"""The two-person rule: which operations need a second person, and who may be that person.

An approval request is applied only when someone other than its requester — a different
staff member (another token of the same person does not count), holding the operation's
permission right now — approves it before it expires.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from townsquare.staff.actor import Actor, Forbidden
from townsquare.staff.permissions import Permission

# Operations subject to the rule unless settings say otherwise.
ACTION_HIGH_PROFILE = "action.high_profile"
LABEL_HIGH_PROFILE = "label.high_profile"
ACTION_PERMANENT_SUSPENSION = "action.permanent_suspension"
ACTION_BULK = "action.bulk"
LOCKDOWN_LIFT = "lockdown.lift"
REINSTATEMENT_GRANT = "reinstatement.grant"
PERSONAL_DATA_EXPORT = "personal_data.export"
POLICY_CHANGE = "policy.change"
EXTERNAL_POLITICAL = "external_request.comply_political"

DEFAULT_TWO_PERSON: frozenset[str] = frozenset(
    {
        ACTION_HIGH_PROFILE,
        LABEL_HIGH_PROFILE,
        ACTION_PERMANENT_SUSPENSION,
        ACTION_BULK,
        LOCKDOWN_LIFT,
        REINSTATEMENT_GRANT,
        PERSONAL_DATA_EXPORT,
        POLICY_CHANGE,
        EXTERNAL_POLITICAL,
    }
)

PENDING = "pending"
OPEN_STATUSES = frozenset({PENDING})


@dataclass(frozen=True)
class PendingRequest:
    """What the rule needs to know about a request."""

    id: int
    operation: str
    status: str
    requested_by: str
    requested_by_staff_id: int | None
    expires_at: datetime


def same_person(request: PendingRequest, actor: Actor) -> bool:
    if actor.staff_id is not None and actor.staff_id == request.requested_by_staff_id:
        return True
    return actor.name == request.requested_by


def effective_status(request: PendingRequest, now: datetime) -> str:
    if request.status == PENDING and now >= request.expires_at:
        return "expired"
    return request.status


def check_approver(
    request: PendingRequest, approver: Actor, permission: Permission, now: datetime
) -> None:
    """Raise :class:`Forbidden` (or ValueError for a request no longer open) unless
    ``approver`` may approve ``request`` now."""
    status = effective_status(request, now)
    if status != PENDING:
        raise ValueError(f"approval request #{request.id} is {status}, not pending")
    if same_person(request, approver):
        raise Forbidden(
            f"approval request #{request.id} needs a second person: "
            f"{approver.name!r} requested it"
        )
    approver.check(permission)

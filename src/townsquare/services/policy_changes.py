"""Changing the live visibility policy: the two-person operation ``policy.change``.

A proposal is checked first (nothing is stored when it cannot serve as a live policy);
once applied — at once, or after a second person approves — it is stored as the next
version, becomes the base policy, and every worker switches to it at its next poll.
"""

from __future__ import annotations

from typing import Any

from townsquare.services import audit
from townsquare.services.approvals import Operation, Outcome, register, submit
from townsquare.services.context import Services
from townsquare.services.policies import BASE, check_candidate, check_reason, store_version
from townsquare.staff.actor import Actor
from townsquare.staff.approvals import POLICY_CHANGE
from townsquare.staff.permissions import Permission
from townsquare.store.db import unit_of_work


def propose_change(services: Services, actor: Actor, text: str, reason: str,
                   fmt: str = "yaml") -> Outcome:
    """Store ``text`` as the next live version, now or once a second person approves."""
    actor.check(Permission.POLICY_WRITE)
    reason = check_reason(reason)
    compiled = check_candidate(text, fmt)
    payload = {"text": text, "format": fmt, "reason": reason}
    return submit(services, actor, POLICY_CHANGE, payload, subject_type="policy",
                  subject_id=compiled.policy.name, reason=reason)


def _apply_change(services: Services, payload: dict[str, Any], requested_by: Actor,
                  approved_by: Actor | None) -> dict[str, Any]:
    text, fmt = str(payload["text"]), str(payload.get("format", "yaml"))
    compiled = check_candidate(text, fmt)
    with unit_of_work(services.sessions) as session:
        stored = store_version(
            session, services.settings, compiled, text, fmt, kind=BASE,
            author=requested_by.name, reason=str(payload["reason"]),
            approved_by=approved_by.name if approved_by else None,
        )
        audit.record(session, requested_by, "policy.change", "policy_version",
                     stored.version, after=stored.as_dict())
    services.on_change()  # this worker switches now; the others at their next poll
    return stored.as_dict()


register(Operation(POLICY_CHANGE, Permission.POLICY_WRITE, _apply_change))

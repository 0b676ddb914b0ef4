"""Enforcement under the two-person rule: actions and labels on high-profile accounts,
permanent suspensions and bulk actions go through :mod:`townsquare.services.approvals`."""

from __future__ import annotations

from dataclasses import asdict
from datetime import datetime
from typing import Any

from townsquare.moderation.model import ModerationError
from townsquare.services import labels
from townsquare.services.approvals import Operation, Outcome, jsonable, register, submit
from townsquare.services.context import Services
from townsquare.services.enforcement import label_notifier, owner_of, request_from, take_action
from townsquare.staff.actor import Actor
from townsquare.staff.approvals import (
    ACTION_BULK,
    ACTION_HIGH_PROFILE,
    ACTION_PERMANENT_SUSPENSION,
    LABEL_HIGH_PROFILE,
)
from townsquare.staff.permissions import Permission
from townsquare.store import moderation as content_repo

MAX_BULK = 500
SEVERE_KINDS = frozenset({"permanent_suspension", "block_url"})


def _apply_one(services: Services, payload: dict[str, Any], requested_by: Actor,
               approved_by: Actor | None) -> dict[str, Any]:
    # Attributed to the requester; the approver is in the approval request and the audit log.
    result = take_action(services.moderation, request_from(payload), requested_by.name)
    services.on_change()
    return result


def _apply_bulk(services: Services, payload: dict[str, Any], requested_by: Actor,
                approved_by: Actor | None) -> dict[str, Any]:
    done: list[dict[str, Any]] = []
    failed: list[dict[str, Any]] = []
    for item in payload["actions"]:
        try:
            done.append(take_action(services.moderation, request_from(item), requested_by.name))
        except (ModerationError, LookupError) as exc:
            failed.append({"action": item, "error": str(exc)})
    services.on_change()
    return {"applied": done, "failed": failed}


# Any moderator may ask for an action on a high-profile account; a senior one approves.
register(Operation(ACTION_HIGH_PROFILE, Permission.ACTIONS_SEVERE, _apply_one,
                   request_permission=Permission.ACTIONS_WRITE))
register(Operation(ACTION_PERMANENT_SUSPENSION, Permission.ACTIONS_SEVERE, _apply_one))
register(Operation(ACTION_BULK, Permission.ACTIONS_SEVERE, _apply_bulk,
                   request_permission=Permission.ACTIONS_WRITE))


def _high_profile(services: Services, subject_type: str, subject_id: str) -> bool:
    if not subject_id:
        return False
    with services.sessions() as session:
        account = content_repo.get_account(session, owner_of(session, subject_type, subject_id))
        return bool(account and account.high_profile)


def submit_action(services: Services, actor: Actor, payload: dict[str, Any]) -> Outcome:
    """One enforcement action: applied now, or waiting for a second person when it is a
    permanent suspension or touches a high-profile account."""
    request = request_from(payload)  # validates before anything is stored
    actor.check(Permission.ACTIONS_WRITE, policy=request.policy)
    if payload["kind"] in SEVERE_KINDS:
        actor.check(Permission.ACTIONS_SEVERE, policy=request.policy)
    subject = (payload["subject_type"], payload.get("subject_id") or "")
    if payload["kind"] == "permanent_suspension":
        name = ACTION_PERMANENT_SUSPENSION
    elif _high_profile(services, *subject):
        name = ACTION_HIGH_PROFILE
    else:
        result = take_action(services.moderation, request, actor.name)
        services.on_change()
        return Outcome("applied", result=jsonable(result))
    return submit(services, actor, name, payload, subject_type=subject[0],
                  subject_id=subject[1], reason=payload.get("note") or "")


def _apply_label(services: Services, payload: dict[str, Any], requested_by: Actor,
                 approved_by: Actor | None) -> dict[str, Any]:
    record = labels.add_label(
        services.sessions, services.moderation.compiled, payload["subject_type"],
        payload["subject_id"], payload["label"], payload["policy"], payload.get("note") or "",
        _when(payload.get("expires_at")), "human", requested_by.name,
        notify=label_notifier(services.moderation),
    )
    services.on_change()
    return asdict(record)


def _when(value: str | None) -> datetime | None:
    return datetime.fromisoformat(value) if value else None


# Labelling a high-profile account or its posts is sensitive like any action on them.
register(Operation(LABEL_HIGH_PROFILE, Permission.ACTIONS_SEVERE, _apply_label,
                   request_permission=Permission.LABELS_WRITE))


def submit_label(services: Services, actor: Actor, payload: dict[str, Any]) -> Outcome:
    """A label (``payload`` in JSON form): applied now, or waiting for a second person when
    it lands on a high-profile account or its post."""
    actor.check(Permission.LABELS_WRITE, policy=payload["policy"])
    if not _high_profile(services, payload["subject_type"], payload["subject_id"]):
        return Outcome("applied", result=_apply_label(services, payload, actor, None))
    return submit(services, actor, LABEL_HIGH_PROFILE, payload,
                  subject_type=payload["subject_type"], subject_id=payload["subject_id"],
                  reason=payload.get("note") or "")


def submit_bulk(services: Services, actor: Actor, actions: list[dict[str, Any]], reason: str
                ) -> Outcome:
    """Many actions at once: always a bulk operation (two-person when configured)."""
    if not actions:
        raise ModerationError("a bulk action needs at least one action")
    if len(actions) > MAX_BULK:
        raise ModerationError(f"at most {MAX_BULK} actions in one bulk request")
    for item in actions:
        request = request_from(item)
        actor.check(Permission.ACTIONS_WRITE, policy=request.policy)
    return submit(services, actor, ACTION_BULK, {"actions": actions},
                  subject_type="bulk", subject_id=str(len(actions)), reason=reason)

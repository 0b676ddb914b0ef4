"""External requests: register them (political ones flagged), decide them with a rationale,
and count them for the transparency report. Every change and every read is audited.

Complying (fully or partly) with a takedown applies the action through ``take_action``;
with a data request, it exports the subject's account. A rejection applies at once.
Compliance goes through the two-person rule when it exports personal data
(``personal_data.export``: the approver holds ``personal_data.read``, and also
``external.requests`` when the request is political) or when the request is political
(``external_request.comply_political``). While an approval is pending the request is
``pending_approval``; if the approval is rejected or expires it is open again.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from townsquare.moderation.external_requests import (
    ENTITY_KINDS,
    LEGAL_POLICY,
    Counted,
    check_decision,
    check_request,
    normalised_name,
    political_reason,
    takedown_request,
    transparency_counts,
)
from townsquare.moderation.model import ModerationError
from townsquare.services import approvals, audit
from townsquare.services.approvals import Operation, register, submit, two_person_set
from townsquare.services.context import Services
from townsquare.services.enforcement import owner_of, take_action
from townsquare.services.errors import ConflictError, NotFoundError
from townsquare.services.personal_data import export_account
from townsquare.staff.actor import Actor
from townsquare.staff.approvals import EXTERNAL_POLITICAL, PERSONAL_DATA_EXPORT
from townsquare.staff.permissions import Permission
from townsquare.store import moderation as content_repo
from townsquare.store.civic_tables import ExternalRequest, PoliticalEntity
from townsquare.store.db import unit_of_work
from townsquare.store.staff_tables import ApprovalRequest
from townsquare.store.tables import utcnow

OPEN, PENDING_APPROVAL, APPLYING, DECIDED = "open", "pending_approval", "applying", "decided"
P = Permission


def _status(session: Session, row: ExternalRequest, now: datetime) -> str:
    """The request's status; a pending approval that died (rejected, expired...) reopens it."""
    if row.status != PENDING_APPROVAL:
        return row.status
    approval = session.get(ApprovalRequest, row.approval_id) if row.approval_id else None
    if approval is not None and approval.status in ("pending", "applying") and (
        approval.status == "applying" or approval.expires_at > now
    ):
        return PENDING_APPROVAL
    return OPEN


def describe(session: Session, row: ExternalRequest, now: datetime | None = None
             ) -> dict[str, Any]:
    return {
        "id": row.id, "kind": row.kind, "requester_name": row.requester_name,
        "requester_type": row.requester_type, "country": row.country,
        "legal_basis": row.legal_basis, "subject_type": row.subject_type,
        "subject_id": row.subject_id, "requested_action": row.requested_action,
        "details": row.details, "received_at": row.received_at,
        "political": row.political, "political_reason": row.political_reason,
        "status": _status(session, row, now or utcnow()), "approval_id": row.approval_id,
        "registered_by": row.registered_by, "created_at": row.created_at,
        "decision": row.decision, "rationale": row.rationale, "decided_by": row.decided_by,
        "approved_by": row.approved_by, "decided_at": row.decided_at,
        "action_id": row.action_id, "export_id": row.export_id,
    }


def political_entities(session: Session) -> list[tuple[str, str]]:
    return [(e.name, e.kind) for e in session.scalars(select(PoliticalEntity))]


def register_request(
    services: Services, actor: Actor, *, kind: str, requester_name: str,
    requester_type: str, country: str, legal_basis: str, subject_type: str, subject_id: str,
    requested_action: str | None = None, received_at: datetime | None = None,
    details: str = "", now: datetime | None = None,
) -> dict[str, Any]:
    """Register a request (its subject must exist); flagged when political."""
    actor.check(P.EXTERNAL_REQUESTS)
    now = now or utcnow()
    fields = check_request(
        kind=kind, requester_name=requester_name, requester_type=requester_type,
        country=country, legal_basis=legal_basis, subject_type=subject_type,
        subject_id=subject_id, requested_action=requested_action,
        received_at=received_at or now, now=now, details=details,
    )
    with unit_of_work(services.sessions) as session:
        owner_of(session, fields.subject_type, fields.subject_id)  # 404 for an unknown one
        why = political_reason(fields.requester_name, fields.requester_type,
                               political_entities(session))
        row = ExternalRequest(
            kind=fields.kind, requester_name=fields.requester_name,
            requester_type=fields.requester_type, country=fields.country,
            legal_basis=fields.legal_basis, subject_type=fields.subject_type,
            subject_id=fields.subject_id, requested_action=fields.requested_action,
            details=fields.details, received_at=fields.received_at, political=why is not None,
            political_reason=why, status=OPEN, registered_by=actor.name, created_at=now,
        )
        session.add(row)
        session.flush()
        described = describe(session, row, now)
        audit.record(session, actor, "external_request.register", "external_request", row.id,
                     after=described)
        return described


def _load(session: Session, request_id: int) -> ExternalRequest:
    row = session.get(ExternalRequest, request_id)
    if row is None:
        raise NotFoundError(f"no external request #{request_id}")
    return row


def list_requests(
    services: Services, actor: Actor, *, status: str | None = None,
    political: bool | None = None, requester_type: str | None = None, limit: int = 200,
) -> list[dict[str, Any]]:
    """Requests, newest first, political ones flagged; the read is audited."""
    actor.check(P.EXTERNAL_REQUESTS)
    if not 1 <= limit <= 1000:
        raise ModerationError("limit: between 1 and 1000")
    now = utcnow()
    with unit_of_work(services.sessions) as session:
        query = select(ExternalRequest).order_by(ExternalRequest.id.desc())
        if political is not None:
            query = query.where(ExternalRequest.political.is_(political))
        if requester_type is not None:
            query = query.where(ExternalRequest.requester_type == requester_type)
        found = [describe(session, r, now) for r in session.scalars(query)]
        found = [r for r in found if status is None or r["status"] == status][:limit]
        audit.record(session, actor, "read.external_requests", "external_request", "*",
                     after={"status": status, "political": political,
                            "requester_type": requester_type, "ids": [r["id"] for r in found]})
        return found


def get_request(services: Services, actor: Actor, request_id: int) -> dict[str, Any]:
    actor.check(P.EXTERNAL_REQUESTS)
    with unit_of_work(services.sessions) as session:
        described = describe(session, _load(session, request_id))
        audit.record(session, actor, "read.external_request", "external_request", request_id)
        return described


def decide(
    services: Services, actor: Actor, request_id: int, *, decision: str, rationale: str,
    action: str | None = None, sections: list[str] | None = None,
    duration_seconds: int | None = None, policy: str = LEGAL_POLICY,
) -> dict[str, Any]:
    """Decide an open request: ``{"status": "decided", "request"}``, or ``{"status":
    "pending", "approval_request"}`` when a second person must approve."""
    actor.check(P.EXTERNAL_REQUESTS)
    now = utcnow()
    with services.sessions() as session:
        row = _load(session, request_id)
        if (status := _status(session, row, now)) != OPEN:
            raise ConflictError(f"external request #{request_id} is {status}, not open")
        checked = check_decision(row.kind, row.requested_action, decision, rationale, action,
                                 sections)
        account = owner_of(session, row.subject_type, row.subject_id)
        if checked.action is not None:
            takedown_request(checked.action, row.subject_type, row.subject_id, policy,
                             duration_seconds)  # validates before anything is stored
            holder = content_repo.get_account(session, account)
            if holder is not None and holder.high_profile:
                actor.check(P.ACTIONS_SEVERE)  # as severe as acting on the account directly
        seen_status, seen_approval = row.status, row.approval_id
        kind, political = row.kind, row.political
    payload = {"request_id": request_id, "decision": checked.decision,
               "rationale": checked.rationale, "action": checked.action,
               "sections": list(checked.sections), "duration_seconds": duration_seconds,
               "policy": policy, "account_id": account}
    operation = None
    if checked.decision != "reject":
        operation = PERSONAL_DATA_EXPORT if kind == "data" else (
            EXTERNAL_POLITICAL if political else None)
    if operation is None or operation not in two_person_set(services):
        return {"status": "decided", "request": _apply_decision(services, payload, actor, None)}
    outcome = submit(services, actor, operation, payload, subject_type="external_request",
                     subject_id=str(request_id), reason=checked.rationale)
    assert outcome.request is not None
    approval_id = int(outcome.request["id"])
    with unit_of_work(services.sessions) as session:  # one pending decision per request
        claimed = session.execute(
            update(ExternalRequest).where(
                ExternalRequest.id == request_id, ExternalRequest.status == seen_status,
                ExternalRequest.approval_id.is_(None) if seen_approval is None
                else ExternalRequest.approval_id == seen_approval,
            ).values(status=PENDING_APPROVAL, approval_id=approval_id)
        ).rowcount == 1  # type: ignore[attr-defined]
        if claimed:
            audit.record(session, actor, "external_request.submit", "external_request",
                         request_id, after={"decision": checked.decision,
                                            "approval_id": approval_id})
    if not claimed:
        approvals.reject(services, actor, approval_id, "superseded: the request changed")
        raise ConflictError(f"external request #{request_id} changed meanwhile; reload it")
    return {"status": "pending", "approval_request": outcome.request}


def _apply_decision(services: Services, payload: dict[str, Any], requested_by: Actor,
                    approved_by: Actor | None) -> dict[str, Any]:
    request_id = int(payload["request_id"])
    with services.sessions() as session:
        row = _load(session, request_id)
        if row.political and approved_by is not None:
            approved_by.check(P.EXTERNAL_REQUESTS)  # a political export needs both permissions
        kind, subject = row.kind, (row.subject_type, row.subject_id)
    with unit_of_work(services.sessions) as session:  # applied once, however callers race
        if session.execute(update(ExternalRequest).where(
                ExternalRequest.id == request_id,
                ExternalRequest.status.in_((OPEN, PENDING_APPROVAL)),
        ).values(status=APPLYING)).rowcount != 1:  # type: ignore[attr-defined]
            raise ConflictError(f"external request #{request_id} is already decided")
    try:
        return _decided(services, payload, requested_by, approved_by, kind, subject)
    except BaseException:
        with unit_of_work(services.sessions) as session:
            _load(session, request_id).status = OPEN
        raise


def _decided(services: Services, payload: dict[str, Any], requested_by: Actor,
             approved_by: Actor | None, kind: str, subject: tuple[str, str]) -> dict[str, Any]:
    request_id = int(payload["request_id"])
    action_id = None
    if kind == "takedown" and payload["action"] is not None:
        request = takedown_request(payload["action"], *subject, payload["policy"],
                                   payload["duration_seconds"],
                                   f"external request #{request_id}")
        action_id = take_action(services.moderation, request, requested_by.name)["id"]
        services.on_change()
    with unit_of_work(services.sessions) as session:
        row = _load(session, request_id)
        before = {"status": OPEN, "decision": None}
        if kind == "data" and payload["sections"]:
            export = export_account(
                session, payload["account_id"], payload["sections"],
                reason=f"external request #{request_id}: {payload['rationale']}",
                requested_by=requested_by.name,
                approved_by=approved_by.name if approved_by else None,
            )
            row.export_id = export.id
            audit.record(session, requested_by, "personal_data.export", "account",
                         payload["account_id"], after={"export_id": export.id,
                                                       "sections": export.sections,
                                                       "external_request": request_id})
        row.status, row.decision = DECIDED, payload["decision"]
        row.rationale, row.decided_by = payload["rationale"], requested_by.name
        row.decided_at, row.action_id = utcnow(), action_id
        row.approved_by = approved_by.name if approved_by else None
        after = describe(session, row)
        audit.record(session, requested_by, "external_request.decide", "external_request",
                     request_id, before=before, after=after)
        return after


def transparency(services: Services, *, since: datetime | None = None,
                 until: datetime | None = None, period: str = "month") -> dict[str, Any]:
    """Counts for the transparency report, by requester type, decision, kind and period."""
    for name, value in (("since", since), ("until", until)):
        if value is not None and value.tzinfo is None:
            raise ModerationError(f"{name}: give a timezone (e.g. 2026-01-01T00:00:00Z)")
    with services.sessions() as session:
        query = select(ExternalRequest)
        if since is not None:
            query = query.where(ExternalRequest.received_at >= since)
        if until is not None:
            query = query.where(ExternalRequest.received_at < until)
        rows = [Counted(r.requester_type, r.kind, r.decision, r.political, r.received_at)
                for r in session.scalars(query)]
    counts = transparency_counts(rows, period)
    return {"since": since, "until": until, "period": period, **counts}


def add_political_entity(services: Services, actor: Actor, name: str, kind: str,
                         country: str | None = None) -> dict[str, Any]:
    """List a party or candidate; undecided requests naming it are flagged at once."""
    actor.check(P.EXTERNAL_REQUESTS)
    normal = normalised_name(name)
    if not normal or len(normal) > 200:
        raise ModerationError("name: 1-200 characters with at least one letter or digit")
    if kind not in ENTITY_KINDS:
        raise ModerationError(f"kind: {kind!r} is not one of {', '.join(ENTITY_KINDS)}")
    if country is not None and not (len(country) == 2 and country.isalpha()):
        raise ModerationError("country: a two-letter ISO 3166 code, e.g. FR")
    with unit_of_work(services.sessions) as session:
        if session.scalar(select(PoliticalEntity).where(PoliticalEntity.name == normal)):
            raise ConflictError(f"{normal!r} is already listed")
        row = PoliticalEntity(name=normal, kind=kind, country=country.upper() if country
                              else None, added_by=actor.name, created_at=utcnow())
        session.add(row)
        session.flush()
        flagged = _flag_matching(session, normal, kind)
        described = {**_entity(row), "flagged_requests": flagged}
        audit.record(session, actor, "political_entity.add", "political_entity", row.id,
                     after=described)
        return described


def _entity(row: PoliticalEntity) -> dict[str, Any]:
    return {"id": row.id, "name": row.name, "kind": row.kind, "country": row.country,
            "added_by": row.added_by, "created_at": row.created_at}


def list_political_entities(services: Services, actor: Actor) -> list[dict[str, Any]]:
    actor.check(P.EXTERNAL_REQUESTS)
    with services.sessions() as session:
        rows = session.scalars(select(PoliticalEntity).order_by(PoliticalEntity.name))
        return [_entity(r) for r in rows]


def remove_political_entity(services: Services, actor: Actor, entity_id: int
                            ) -> dict[str, Any]:
    """Unlist one (requests already flagged stay flagged)."""
    actor.check(P.EXTERNAL_REQUESTS)
    with unit_of_work(services.sessions) as session:
        row = session.get(PoliticalEntity, entity_id)
        if row is None:
            raise NotFoundError(f"no political entity #{entity_id}")
        described = _entity(row)
        session.delete(row)
        audit.record(session, actor, "political_entity.remove", "political_entity",
                     entity_id, before=described)
        return described


def _flag_matching(session: Session, name: str, kind: str) -> list[int]:
    flagged = []
    for row in session.scalars(select(ExternalRequest).where(
            ExternalRequest.political.is_(False), ExternalRequest.status != DECIDED)):
        why = political_reason(row.requester_name, row.requester_type, [(name, kind)])
        if why is not None:
            row.political, row.political_reason = True, why
            flagged.append(row.id)
    return flagged


# Political compliance needs a second holder of external.requests; a personal-data export
# needs a second person holding personal_data.read.
register(Operation(EXTERNAL_POLITICAL, P.EXTERNAL_REQUESTS, _apply_decision))
register(Operation(PERSONAL_DATA_EXPORT, P.PERSONAL_DATA_READ, _apply_decision,
                   request_permission=P.EXTERNAL_REQUESTS))

"""Use cases: a suspended account asks to return; a senior moderator reviews it, or, for a
high-profile account, the council votes; every decision is published with its rationale.

Granting is the two-person operation ``reinstatement.grant``: a senior moderator's grant
waits for a second, different senior moderator (see :mod:`townsquare.services.approvals`).
For a high-profile account the council's adopted proposal is the decision and stands as
the second approval: a quorum of members has already weighed it, so it applies when the
vote closes. Granting lifts the account's suspension; its enforcement history and strikes
stay on record.
"""

from __future__ import annotations

import hashlib
from datetime import datetime
from typing import Any

from sqlalchemy import select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from townsquare.moderation.appeals import required_text
from townsquare.moderation.council import Tally
from townsquare.moderation.model import ModerationError
from townsquare.moderation.reinstatement import (
    MAX_RATIONALE,
    MAX_STATEMENT,
    Decision,
    eligibility,
    parse_decision,
    statement_for_decision,
)
from townsquare.services import approvals, audit, council
from townsquare.services.approvals import Operation, register
from townsquare.services.context import Services
from townsquare.services.errors import ConflictError, ForbiddenError, NotFoundError
from townsquare.services.labels import active_labels, lift_label
from townsquare.staff.actor import Actor
from townsquare.staff.approvals import REINSTATEMENT_GRANT
from townsquare.staff.permissions import Permission
from townsquare.store import enforcement as enforcement_repo
from townsquare.store import moderation as content_repo
from townsquare.store.db import unit_of_work
from townsquare.store.due_process_tables import CouncilProposal, ReinstatementRequest
from townsquare.store.moderation_tables import EnforcementAction
from townsquare.store.tables import utcnow

REVIEW, COUNCIL, APPROVAL = "review", "council", "approval"  # open states
GRANTED, REFUSED = "granted", "refused"
OPEN_STATES = (REVIEW, COUNCIL, APPROVAL)
SUSPENDED = "suspended"


def public(row: ReinstatementRequest) -> dict[str, Any]:
    """What is published about a request: no statement, no staff names."""
    return {
        "id": row.id, "account_id": row.account_id, "filed_at": row.filed_at.isoformat(),
        "suspended_at": row.suspended_at.isoformat(), "policies": row.policies,
        "high_profile": row.high_profile, "status": row.status,
        "decided_through": "council" if row.proposal_id else "review",
        "proposal_id": row.proposal_id,
        "decided_at": row.decided_at.isoformat() if row.decided_at else None,
        "rationale": row.rationale,
    }


def describe(row: ReinstatementRequest) -> dict[str, Any]:
    """The whole request, for reviewers: the account holder's statement and who decided."""
    return {**public(row), "statement": row.statement, "filed_by": row.filed_by,
            "approval_request_id": row.approval_request_id, "decided_by": row.decided_by}


def _for_audit(row: ReinstatementRequest) -> dict[str, Any]:
    digest = hashlib.sha256(row.statement.encode("utf-8")).hexdigest()
    return {**describe(row), "statement": None, "statement_sha256": digest}


def _suspension(session: Session, account_id: str, now: datetime) -> tuple[datetime, set[str]]:
    """When the account's suspension began and the policies it was actioned under."""
    suspended = [lab for lab in active_labels(session, account_id, now)
                 if lab.subject_type == "account" and lab.label == SUSPENDED]
    if not suspended:
        raise ModerationError(f"account {account_id!r} is not suspended")
    policies = set(session.scalars(select(EnforcementAction.policy).where(
        EnforcementAction.account_id == account_id, EnforcementAction.reversed_at.is_(None))))
    return min(lab.created_at for lab in suspended), policies | {
        lab.policy for lab in suspended}


def request_reinstatement(services: Services, actor: Actor, account_id: str, statement: str,
                          *, now: datetime | None = None) -> dict[str, Any]:
    """File a suspended account's request to return (the platform, for the account holder).

    Refused (422, nothing stored) before the waiting period — with the date it ends — or
    for good under a never-eligible policy, with the reason. A high-profile account's
    request goes to the council as a proposal at once."""
    actor.check(Permission.CONTENT_WRITE)
    statement = required_text(statement, "statement", MAX_STATEMENT)
    now = now or utcnow()
    try:
        with unit_of_work(services.sessions) as session:
            account = content_repo.get_account(session, account_id)
            if account is None:
                raise NotFoundError(f"no account with id {account_id!r}")
            since, policies = _suspension(session, account_id, now)
            verdict = eligibility(services.moderation.compiled.policy, since, policies, now)
            if not verdict.eligible:
                raise ModerationError(verdict.reason)
            pending = session.scalar(select(ReinstatementRequest.id).where(
                ReinstatementRequest.open_key == account_id))
            if pending is not None:
                raise ConflictError(f"reinstatement request #{pending} for {account_id!r} "
                                    "is already open")
            row = ReinstatementRequest(
                account_id=account_id, open_key=account_id, statement=statement,
                filed_by=actor.name, filed_at=now, suspended_at=since,
                policies=sorted(policies), high_profile=account.high_profile,
                status=COUNCIL if account.high_profile else REVIEW)
            session.add(row)
            session.flush()
            if account.high_profile:
                row.proposal_id = council.open_in(
                    session, services, actor, "reinstatement",
                    f"Reinstate the high-profile account {account_id}?",
                    f"The high-profile account {account_id}, suspended since "
                    f"{since.date().isoformat()} (policies: {', '.join(sorted(policies))}), "
                    f"asks to be reinstated: request #{row.id}. Members read the account "
                    "holder's statement in the case file before voting.",
                    subject_type="reinstatement", subject_id=str(row.id), now=now).id
            audit.record(session, actor, "reinstatement.request", "account", account_id,
                         after=_for_audit(row))
            return describe(row)
    except IntegrityError:  # a concurrent request for the same account won
        raise ConflictError(f"a reinstatement request for {account_id!r} is already open"
                            ) from None


def _get(session: Session, request_id: int) -> ReinstatementRequest:
    row = session.get(ReinstatementRequest, request_id)
    if row is None:
        raise NotFoundError(f"no reinstatement request #{request_id}")
    return row


def _claim(session: Session, request_id: int, states: tuple[str, ...], to: str) -> bool:
    """Move the request from one of ``states`` to ``to``; False when another decision
    got there first (the UPDATE is the transaction's first write: it takes the lock)."""
    done = session.execute(update(ReinstatementRequest).where(
        ReinstatementRequest.id == request_id, ReinstatementRequest.status.in_(states),
    ).values(status=to))
    return bool(done.rowcount == 1)  # type: ignore[attr-defined]


def _finish(session: Session, row: ReinstatementRequest, decision: Decision, decided_by: str,
            rationale: str, told: str, now: datetime) -> None:
    """Record the decision, lift the suspension when granted, and tell the account holder."""
    if decision == "grant":
        for lab in active_labels(session, row.account_id, now):
            if lab.subject_type == "account" and lab.label == SUSPENDED:
                lift_label(session, lab.id, decided_by, now=now)
    row.status = GRANTED if decision == "grant" else REFUSED
    row.open_key, row.decided_by, row.decided_at, row.rationale = (
        None, decided_by, now, rationale)
    session.flush()
    notice = statement_for_decision(row.account_id, row.id, decision, rationale, told)
    enforcement_repo.add_notice(session, notice, created_at=now)
    audit.record(session, decided_by, f"reinstatement.{decision}", "account", row.account_id,
                 after=_for_audit(row))


def _apply_grant(services: Services, payload: dict[str, Any], requested_by: Actor,
                 approved_by: Actor | None) -> dict[str, Any]:
    request_id, now = int(payload["request_id"]), utcnow()
    with unit_of_work(services.sessions) as session:
        if not _claim(session, request_id, (REVIEW, APPROVAL), GRANTED):
            raise ConflictError(f"reinstatement request #{request_id} is no longer open")
        row = _get(session, request_id)
        by = requested_by.name + (f"+{approved_by.name}" if approved_by else "")
        told = ("a senior moderator, with a second person's approval" if approved_by
                else "a senior moderator")
        _finish(session, row, "grant", by, str(payload["rationale"]), told, now)
        described = describe(row)
    services.on_change()
    return described


register(Operation(REINSTATEMENT_GRANT, Permission.REINSTATEMENT_DECIDE, _apply_grant))


def decide(services: Services, actor: Actor, request_id: int, decision: str, rationale: str,
           *, now: datetime | None = None) -> dict[str, Any]:
    """A senior moderator's review: ``refuse`` applies now; ``grant`` is the two-person
    operation (``status`` "pending" with the approval request, or "granted"). A grant whose
    approval was rejected or expired may be decided again."""
    actor.check(Permission.REINSTATEMENT_DECIDE)
    chosen = parse_decision(decision)
    rationale = required_text(rationale, "rationale", MAX_RATIONALE)
    with services.sessions() as session:
        row = _get(session, request_id)
        status, proposal, approval = row.status, row.proposal_id, row.approval_request_id
        account_id = row.account_id
    if status == COUNCIL:
        raise ConflictError(f"reinstatement request #{request_id} is for the council to "
                            f"decide (proposal #{proposal})")
    if status == APPROVAL and (approval is None or approvals.get_request(
            services, approval)["status"] in ("pending", "applying", "applied")):
        raise ConflictError(f"reinstatement request #{request_id} awaits a second person's "
                            f"approval (approval request #{approval})")
    if status not in (REVIEW, APPROVAL):
        raise ConflictError(f"reinstatement request #{request_id} was already {status}")
    now = now or utcnow()
    with unit_of_work(services.sessions) as session:
        if not _claim(session, request_id, (status,), REFUSED if chosen == "refuse"
                      else APPROVAL):
            raise ConflictError(f"reinstatement request #{request_id} is no longer open")
        row = _get(session, request_id)
        if chosen == "refuse":
            _finish(session, row, "refuse", actor.name, rationale, "a senior moderator", now)
            return {"status": REFUSED, "request": describe(row), "approval_request": None}
        row.approval_request_id = None
        audit.record(session, actor, "reinstatement.grant_requested", "account", account_id,
                     after={"request_id": request_id, "rationale": rationale})
    try:
        outcome = approvals.submit(services, actor, REINSTATEMENT_GRANT,
                                   {"request_id": request_id, "rationale": rationale},
                                   subject_type="account", subject_id=account_id,
                                   reason=rationale)
    except Exception:
        with unit_of_work(services.sessions) as session:  # back to review, as it was
            _claim(session, request_id, (APPROVAL,), REVIEW)
        raise
    if outcome.status == "pending" and outcome.request is not None:
        with unit_of_work(services.sessions) as session:
            _get(session, request_id).approval_request_id = int(outcome.request["id"])
    return {"status": GRANTED if outcome.status == "applied" else "pending",
            "request": get_request(services, None, request_id),
            "approval_request": outcome.request}


def _council_decided(session: Session, proposal: CouncilProposal, result: Tally,
                     closed_by: str) -> None:
    """A reinstatement proposal closed: grant when adopted, refuse otherwise."""
    row = session.scalar(select(ReinstatementRequest).where(
        ReinstatementRequest.proposal_id == proposal.id, ReinstatementRequest.status == COUNCIL))
    if row is None:
        return
    now, who = proposal.closed_at or utcnow(), f"council proposal #{proposal.id}"
    rationale = proposal.decision or ""
    if result.outcome == "no_quorum":
        rationale += "\nThe council reached no decision; you may file a new request."
    _finish(session, row, "grant" if result.outcome == "adopted" else "refuse", who,
            rationale, f"the moderation council (proposal #{proposal.id})", now)


council.on_close("reinstatement", _council_decided)


def get_request(services: Services, actor: Actor | None, request_id: int) -> dict[str, Any]:
    """One request with the account holder's statement, for a reviewer (a read of personal
    data, audited; ``actor`` None: internal use, not audited)."""
    if actor is not None:
        actor.check(Permission.REINSTATEMENT_DECIDE)
    with unit_of_work(services.sessions) as session:
        described = describe(_get(session, request_id))
        if actor is not None:
            audit.record(session, actor, "read.reinstatement", "account",
                         described["account_id"], after={"request_id": request_id})
        return described


def case_for_council(services: Services, actor: Actor, proposal_id: int) -> dict[str, Any]:
    """The request behind a reinstatement proposal, statement included, for the members
    voting on it (audited read); 403 for anyone outside its electorate."""
    actor.check(Permission.COUNCIL_VOTE)
    with unit_of_work(services.sessions) as session:
        proposal = session.get(CouncilProposal, proposal_id)
        if proposal is None:
            raise NotFoundError(f"no council proposal #{proposal_id}")
        if actor.name not in proposal.electorate:
            raise ForbiddenError(f"{actor.name!r} does not vote on proposal #{proposal_id}")
        row = session.scalar(select(ReinstatementRequest).where(
            ReinstatementRequest.proposal_id == proposal_id))
        if row is None:
            raise NotFoundError(f"council proposal #{proposal_id} is not about a "
                                "reinstatement request")
        audit.record(session, actor, "read.reinstatement", "account", row.account_id,
                     after={"request_id": row.id, "proposal_id": proposal_id})
        return describe(row)


def list_requests(services: Services, actor: Actor, status: str | None = None,
                  limit: int = 200) -> list[dict[str, Any]]:
    """Requests, newest first, with statements (reviewers; audited)."""
    actor.check(Permission.REINSTATEMENT_DECIDE)
    query = select(ReinstatementRequest).order_by(ReinstatementRequest.id.desc()).limit(limit)
    if status is not None:
        query = query.where(ReinstatementRequest.status == status)
    with unit_of_work(services.sessions) as session:
        rows = [describe(r) for r in session.scalars(query)]
        audit.record(session, actor, "read.reinstatements", "account", "*",
                     after={"status": status, "count": len(rows)})
        return rows


def list_decisions(services: Services, limit: int = 200) -> list[dict[str, Any]]:
    """Published decisions, newest first: outcome, rationale, route, no personal data."""
    council.close_due(services)
    query = (select(ReinstatementRequest)
             .where(ReinstatementRequest.status.in_((GRANTED, REFUSED)))
             .order_by(ReinstatementRequest.decided_at.desc(), ReinstatementRequest.id.desc())
             .limit(limit))
    with services.sessions() as session:
        return [public(r) for r in session.scalars(query)]


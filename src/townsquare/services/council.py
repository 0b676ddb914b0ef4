"""Use cases of the moderation council: members, proposals, votes, closing, decisions.

A proposal's electorate is the membership when it opens, with the quorum and majority
then configured. Voting closes when every elector has voted, at the deadline (checked
whenever proposals are read or voted on, and by ``townsquare council close-due``), or when
``council.admin`` closes it early. Closing publishes the tally and every reason, and runs
what the decision entails in the same transaction (a reinstatement proposal grants or
refuses its request: see :mod:`townsquare.services.reinstatement`).
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from townsquare.moderation.appeals import required_text
from townsquare.moderation.council import (
    OPEN,
    CouncilRules,
    Kind,
    Tally,
    Vote,
    decision_text,
    due_to_close,
    parse_choice,
    parse_kind,
    reason_text,
    tally,
)
from townsquare.moderation.model import ModerationError
from townsquare.services import audit
from townsquare.services.context import Services
from townsquare.services.errors import ConflictError, ForbiddenError, NotFoundError
from townsquare.services.policies import check_candidate
from townsquare.staff.actor import Actor
from townsquare.staff.permissions import Permission
from townsquare.store.db import unit_of_work
from townsquare.store.due_process_tables import CouncilMember, CouncilProposal, CouncilVote
from townsquare.store.moderation_tables import ApiToken
from townsquare.store.staff_tables import StaffMember
from townsquare.store.tables import utcnow

MAX_TITLE = 200
MAX_BODY = 20_000
MAX_VOTING = timedelta(days=366)
SUBJECTS = ("report", "action", "appeal")  # what an escalated case can name
# Who may open each kind of proposal besides council.admin.
OPENERS: dict[str, Permission] = {"policy_change": Permission.POLICY_WRITE,
                                  "escalated_case": Permission.REPORTS_ASSIGN}

# Runs in the closing transaction: (session, proposal, tally, who closed it).
OnClose = Callable[[Session, CouncilProposal, Tally, str], None]
_ON_CLOSE: dict[str, OnClose] = {}


def on_close(kind: Kind, hook: OnClose) -> None:
    """Have ``hook`` carry out the decisions of proposals of ``kind``."""
    _ON_CLOSE[kind] = hook


def _hook(kind: str) -> OnClose | None:
    if kind == "reinstatement" and kind not in _ON_CLOSE:
        import townsquare.services.reinstatement  # noqa: F401  (registers its hook)
    return _ON_CLOSE.get(kind)


def rules(services: Services) -> CouncilRules:
    return CouncilRules(services.settings.council_quorum, services.settings.council_majority)


# --- members --------------------------------------------------------------------------


def members(session: Session) -> list[str]:
    """Names of the council's current members, sorted."""
    return list(session.scalars(select(CouncilMember.name).where(
        CouncilMember.removed_at.is_(None)).order_by(CouncilMember.name)))


def _member(row: CouncilMember) -> dict[str, Any]:
    return {"name": row.name, "added_by": row.added_by, "added_at": row.added_at.isoformat(),
            "removed_by": row.removed_by,
            "removed_at": row.removed_at.isoformat() if row.removed_at else None}


def list_members(services: Services, include_past: bool = False) -> list[dict[str, Any]]:
    query = select(CouncilMember).order_by(CouncilMember.name)
    if not include_past:
        query = query.where(CouncilMember.removed_at.is_(None))
    with services.sessions() as session:
        return [_member(r) for r in session.scalars(query)]


def _known_identity(session: Session, name: str) -> bool:
    return (session.scalar(select(StaffMember.id).where(StaffMember.username == name))
            is not None or
            session.scalar(select(ApiToken.id).where(ApiToken.name == name)) is not None)


def add_member(services: Services, actor: Actor, name: str) -> dict[str, Any]:
    """Seat ``name`` (a staff username or a token's name) on the council."""
    actor.check(Permission.COUNCIL_ADMIN)
    name = required_text(name, "name", 128)
    now = utcnow()
    with unit_of_work(services.sessions) as session:
        if not _known_identity(session, name):
            raise NotFoundError(f"no staff member or token named {name!r}")
        row = session.get(CouncilMember, name)
        if row is not None and row.removed_at is None:
            raise ConflictError(f"{name!r} is already a council member")
        if row is None:
            row = CouncilMember(name=name, added_by=actor.name, added_at=now)
            session.add(row)
        else:  # a former member returns
            row.added_by, row.added_at, row.removed_by, row.removed_at = (
                actor.name, now, None, None)
        session.flush()
        described = _member(row)
        audit.record(session, actor, "council.member_add", "council_member", name,
                     after=described)
        return described


def remove_member(services: Services, actor: Actor, name: str) -> dict[str, Any]:
    """Unseat a member; their votes already cast still count."""
    actor.check(Permission.COUNCIL_ADMIN)
    with unit_of_work(services.sessions) as session:
        row = session.get(CouncilMember, name)
        if row is None or row.removed_at is not None:
            raise NotFoundError(f"{name!r} is not a council member")
        row.removed_by, row.removed_at = actor.name, utcnow()
        described = _member(row)
        audit.record(session, actor, "council.member_remove", "council_member", name,
                     after=described)
        return described


# --- proposals ------------------------------------------------------------------------


def describe(session: Session, row: CouncilProposal) -> dict[str, Any]:
    """A proposal as published: while open, who voted; once closed, every vote and reason."""
    votes = list(session.scalars(select(CouncilVote).where(
        CouncilVote.proposal_id == row.id).order_by(CouncilVote.member)))
    closed = row.status != OPEN
    return {
        "id": row.id, "kind": row.kind, "title": row.title, "body": row.body,
        "policy_text": row.policy_text, "subject_type": row.subject_type,
        "subject_id": row.subject_id, "electorate": row.electorate,
        "rules": {"quorum": row.quorum, "majority": row.majority},
        "opened_by": row.opened_by, "opened_at": row.opened_at.isoformat(),
        "deadline": row.deadline.isoformat(), "status": row.status,
        "voted": [v.member for v in votes],
        "votes": [{"member": v.member, "choice": v.choice, "reason": v.reason,
                   "cast_at": v.cast_at.isoformat()} for v in votes] if closed else None,
        "closed_by": row.closed_by,
        "closed_at": row.closed_at.isoformat() if row.closed_at else None,
        "tally": row.tally, "decision": row.decision,
    }


def open_in(
    session: Session, services: Services, actor: Actor | str, kind: Kind, title: str,
    body: str, *, policy_text: str | None = None, subject_type: str | None = None,
    subject_id: str | None = None, deadline: datetime | None = None,
    now: datetime | None = None,
) -> CouncilProposal:
    """Open a proposal inside the caller's transaction (checks done by the caller)."""
    now = now or utcnow()
    electorate = members(session)
    if not electorate:
        raise ModerationError("the council has no members; seat some first (council.admin)")
    if deadline is None:
        deadline = now + timedelta(days=services.settings.council_vote_days)
    elif deadline.tzinfo is None or not now < deadline <= now + MAX_VOTING:
        raise ModerationError("deadline: a timezone-aware moment in the next 366 days")
    council_rules = rules(services)
    row = CouncilProposal(
        kind=kind, title=required_text(title, "title", MAX_TITLE),
        body=required_text(body, "body", MAX_BODY), policy_text=policy_text,
        subject_type=subject_type, subject_id=subject_id, electorate=electorate,
        quorum=council_rules.quorum, majority=council_rules.majority,
        opened_by=actor if isinstance(actor, str) else actor.name, opened_at=now,
        deadline=deadline, status=OPEN,
    )
    session.add(row)
    session.flush()
    audit.record(session, actor, "council.propose", "council_proposal", row.id,
                 after=describe(session, row))
    return row


def propose(
    services: Services, actor: Actor, kind: str, title: str, body: str, *,
    policy_text: str | None = None, subject_type: str | None = None,
    subject_id: str | None = None, deadline: datetime | None = None,
) -> dict[str, Any]:
    """Put a question to the council: a policy change (with the proposed policy file), an
    escalated case (a report, action or appeal), or anything else."""
    chosen = parse_kind(kind)
    if chosen == "reinstatement":
        raise ModerationError("reinstatement proposals are opened by the reinstatement "
                              "requests of high-profile accounts")
    if not actor.may(Permission.COUNCIL_ADMIN):
        actor.check(OPENERS.get(chosen, Permission.COUNCIL_ADMIN))
    if chosen == "policy_change":
        if not policy_text:
            raise ModerationError("policy_text: a policy change proposes a policy file")
        check_candidate(policy_text, source="policy_text")
    elif policy_text is not None:
        raise ModerationError("policy_text: only for kind=policy_change")
    if chosen == "escalated_case":
        if subject_type not in SUBJECTS or not (subject_id or "").strip():
            raise ModerationError(
                f"an escalated case names subject_type ({', '.join(SUBJECTS)}) and subject_id")
    elif subject_type is not None or subject_id is not None:
        raise ModerationError("subject_type and subject_id: only for kind=escalated_case")
    with unit_of_work(services.sessions) as session:
        row = open_in(session, services, actor, chosen, title, body, policy_text=policy_text,
                      subject_type=subject_type, subject_id=subject_id, deadline=deadline)
        return describe(session, row)


def _lock(session: Session, proposal_id: int) -> CouncilProposal:
    """The proposal, locked for this transaction: a no-op UPDATE first takes SQLite's write
    lock or PostgreSQL's row lock, so votes and closings on it happen one at a time."""
    locked = session.execute(update(CouncilProposal).where(CouncilProposal.id == proposal_id)
                             .values(status=CouncilProposal.status))
    if locked.rowcount != 1:  # type: ignore[attr-defined]
        raise NotFoundError(f"no council proposal #{proposal_id}")
    row = session.get(CouncilProposal, proposal_id, populate_existing=True)
    assert row is not None
    return row


def _votes(session: Session, proposal_id: int) -> list[Vote]:
    rows = session.scalars(select(CouncilVote).where(CouncilVote.proposal_id == proposal_id))
    return [Vote(r.member, parse_choice(r.choice), r.reason, r.cast_at) for r in rows]


def _close(session: Session, row: CouncilProposal, closed_by: str, now: datetime) -> None:
    votes = _votes(session, row.id)
    result = tally(votes, row.electorate, CouncilRules(row.quorum, row.majority))
    row.status, row.closed_by, row.closed_at = result.outcome, closed_by, now
    row.tally = result.as_dict()
    row.decision = decision_text(result, {v.member: (v.choice, v.reason) for v in votes
                                          if v.member in row.electorate})
    session.flush()
    audit.record(session, closed_by, "council.close", "council_proposal", row.id,
                 after={"status": row.status, "tally": row.tally})
    hook = _hook(row.kind)
    if hook is not None:
        hook(session, row, result, closed_by)


def vote(services: Services, actor: Actor, proposal_id: int, choice: str, reason: str, *,
         now: datetime | None = None) -> dict[str, Any]:
    """Cast or change ``actor``'s vote, with its reason; closes the proposal when every
    elector has voted. 403 for anyone outside its electorate or no longer a member."""
    actor.check(Permission.COUNCIL_VOTE)
    chosen, reason = parse_choice(choice), reason_text(reason)
    now = now or utcnow()
    close_due(services, now)
    with unit_of_work(services.sessions) as session:
        row = _lock(session, proposal_id)
        if row.status != OPEN:
            raise ConflictError(f"council proposal #{proposal_id} is closed ({row.status})")
        if actor.name not in row.electorate or actor.name not in members(session):
            raise ForbiddenError(f"{actor.name!r} is not a council member voting on "
                                 f"proposal #{proposal_id}")
        ballot = session.get(CouncilVote, (proposal_id, actor.name))
        before = None if ballot is None else {"choice": ballot.choice, "reason": ballot.reason}
        if ballot is None:
            ballot = CouncilVote(proposal_id=proposal_id, member=actor.name)
            session.add(ballot)
        ballot.choice, ballot.reason, ballot.cast_at = chosen, reason, now
        session.flush()
        audit.record(session, actor, "council.vote", "council_proposal", proposal_id,
                     before=before, after={"choice": chosen, "reason": reason})
        if due_to_close(_votes(session, proposal_id), row.electorate, row.deadline, now):
            _close(session, row, "council", now)
        described = describe(session, row)
    services.on_change()
    return described


def close(services: Services, actor: Actor, proposal_id: int, *,
          now: datetime | None = None) -> dict[str, Any]:
    """Close voting early (council.admin) and publish the decision."""
    actor.check(Permission.COUNCIL_ADMIN)
    now = now or utcnow()
    with unit_of_work(services.sessions) as session:
        row = _lock(session, proposal_id)
        if row.status != OPEN:
            raise ConflictError(f"council proposal #{proposal_id} is closed ({row.status})")
        _close(session, row, actor.name, now)
        described = describe(session, row)
    services.on_change()
    return described


def close_due(services: Services, now: datetime | None = None) -> list[int]:
    """Close every open proposal whose deadline has passed; their ids."""
    now = now or utcnow()
    with services.sessions() as session:
        due = list(session.scalars(select(CouncilProposal.id).where(
            CouncilProposal.status == OPEN, CouncilProposal.deadline <= now)))
    closed = []
    for proposal_id in due:
        with unit_of_work(services.sessions) as session:
            row = _lock(session, proposal_id)
            if row.status == OPEN:  # not closed meanwhile by another worker
                _close(session, row, "deadline", now)
                closed.append(proposal_id)
    if closed:
        services.on_change()
    return closed


def get_proposal(services: Services, proposal_id: int) -> dict[str, Any]:
    close_due(services)
    with services.sessions() as session:
        row = session.get(CouncilProposal, proposal_id)
        if row is None:
            raise NotFoundError(f"no council proposal #{proposal_id}")
        return describe(session, row)


def list_proposals(services: Services, status: str | None = None, limit: int = 200
                   ) -> list[dict[str, Any]]:
    """Proposals, newest first; ``status`` 'open', 'closed', or an outcome."""
    close_due(services)
    query = select(CouncilProposal).order_by(CouncilProposal.id.desc()).limit(limit)
    if status == "closed":
        query = query.where(CouncilProposal.status != OPEN)
    elif status is not None:
        query = query.where(CouncilProposal.status == status)
    with services.sessions() as session:
        return [describe(session, r) for r in session.scalars(query)]

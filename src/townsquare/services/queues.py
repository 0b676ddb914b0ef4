"""Report queues and routing rules as use cases: create, change and delete queues; read,
replace, add and remove the ordered routing rules. ``queues.admin`` for every change."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import case, delete, func, select
from sqlalchemy.orm import Session, sessionmaker

from townsquare.moderation.model import ModerationError
from townsquare.moderation.report_claims import DEFAULT_CLAIM_TIMEOUT, check_claim_timeout
from townsquare.moderation.report_routing import (
    DEFAULT_QUEUE,
    RoutingRule,
    check_queue_name,
    parse_rule,
    parse_rules,
)
from townsquare.moderation.reports import UNDECIDED
from townsquare.services import audit
from townsquare.services.errors import ConflictError, NotFoundError
from townsquare.staff.actor import Actor
from townsquare.staff.permissions import Permission as P
from townsquare.store.db import unit_of_work
from townsquare.store.report_tables import Report, ReportQueue, RoutingRuleRow
from townsquare.store.tables import utcnow

MAX_RULES = 500
MAX_DESCRIPTION = 2_000


def get_queue(session: Session, name: str) -> ReportQueue:
    row = session.get(ReportQueue, name)
    if row is None:
        raise NotFoundError(f"no queue named {name!r}")
    return row


def _describe(row: ReportQueue, waiting: int = 0, claimed: int = 0) -> dict[str, Any]:
    return {"name": row.name, "description": row.description,
            "claim_timeout_seconds": row.claim_timeout_seconds, "open": waiting,
            "claimed": claimed, "created_by": row.created_by, "created_at": row.created_at}


def _description(value: str) -> str:
    if len(value) > MAX_DESCRIPTION:
        raise ModerationError(f"description: at most {MAX_DESCRIPTION} characters")
    return value


def list_queues(sessions: sessionmaker[Session], actor: Actor, now: datetime | None = None
                ) -> list[dict[str, Any]]:
    """The queues the actor may read (their queue scope), with open and claimed counts."""
    actor.check(P.REPORTS_READ)
    now = now or utcnow()
    scope = actor.scope_of(P.REPORTS_READ, "queues")
    claimed = func.sum(case((Report.claim_expires_at > now, 1), else_=0))
    with sessions() as session:
        counts = {
            queue: (int(n), int(held or 0)) for queue, n, held in session.execute(
                select(Report.queue, func.count(), claimed)
                .where(Report.status.in_(UNDECIDED)).group_by(Report.queue)
            )
        }
        return [
            _describe(q, *counts.get(q.name, (0, 0)))
            for q in session.scalars(select(ReportQueue).order_by(ReportQueue.name))
            if scope is None or q.name in scope
        ]


def create_queue(sessions: sessionmaker[Session], actor: Actor, name: str,
                 description: str = "", claim_timeout_seconds: int | None = None
                 ) -> dict[str, Any]:
    actor.check(P.QUEUES_ADMIN)
    check_queue_name(name)
    timeout = check_claim_timeout(
        int(DEFAULT_CLAIM_TIMEOUT.total_seconds()) if claim_timeout_seconds is None
        else claim_timeout_seconds
    )
    with unit_of_work(sessions) as session:
        if session.get(ReportQueue, name) is not None:
            raise ConflictError(f"a queue named {name!r} already exists")
        row = ReportQueue(name=name, description=_description(description),
                          claim_timeout_seconds=timeout, created_by=actor.name,
                          created_at=utcnow())
        session.add(row)
        session.flush()
        result = _describe(row)
        audit.record(session, actor, "queue.create", "queue", name, after=result)
        return result


def update_queue(sessions: sessionmaker[Session], actor: Actor, name: str, *,
                 description: str | None = None, claim_timeout_seconds: int | None = None
                 ) -> dict[str, Any]:
    """Change a queue's description or claim timeout (claims already taken keep theirs)."""
    actor.check(P.QUEUES_ADMIN)
    if claim_timeout_seconds is not None:
        check_claim_timeout(claim_timeout_seconds)
    with unit_of_work(sessions) as session:
        row = get_queue(session, name)
        before = _describe(row)
        if description is not None:
            row.description = _description(description)
        if claim_timeout_seconds is not None:
            row.claim_timeout_seconds = claim_timeout_seconds
        result = _describe(row)
        audit.record(session, actor, "queue.update", "queue", name, before=before, after=result)
        return result


def delete_queue(sessions: sessionmaker[Session], actor: Actor, name: str) -> None:
    """Delete a queue no report, past or present, and no routing rule refers to."""
    actor.check(P.QUEUES_ADMIN)
    with unit_of_work(sessions) as session:
        row = get_queue(session, name)
        if name == DEFAULT_QUEUE:
            raise ConflictError("the default queue cannot be deleted")
        if session.scalar(select(func.count()).where(RoutingRuleRow.queue == name)):
            raise ConflictError(f"routing rules send reports to {name!r}: remove them first")
        if session.scalar(select(func.count()).where(Report.queue == name)):
            raise ConflictError(f"queue {name!r} holds reports; it can no longer be deleted")
        audit.record(session, actor, "queue.delete", "queue", name, before=_describe(row))
        session.delete(row)


# --- routing rules ------------------------------------------------------------------------


def _rule_rows(session: Session) -> list[RoutingRuleRow]:
    return list(session.scalars(
        select(RoutingRuleRow).order_by(RoutingRuleRow.position, RoutingRuleRow.id)
    ))


def _rule_of(row: RoutingRuleRow) -> RoutingRule:
    return parse_rule({"queue": row.queue, "priority": row.priority, "name": row.name,
                       "match": row.match}, f"rule #{row.id}")


def load_rules(session: Session) -> list[tuple[int, RoutingRule]]:
    """The stored rules in order, with their ids."""
    return [(row.id, _rule_of(row)) for row in _rule_rows(session)]


def _describe_rules(session: Session) -> list[dict[str, Any]]:
    return [{"id": rule_id, "position": i, **rule.to_dict()}
            for i, (rule_id, rule) in enumerate(load_rules(session), start=1)]


def _check_queues(session: Session, rules: list[RoutingRule] | tuple[RoutingRule, ...]) -> None:
    known = set(session.scalars(select(ReportQueue.name)))
    missing = sorted({r.queue for r in rules} - known)
    if missing:
        raise NotFoundError(f"no queue named {', '.join(map(repr, missing))}")


def _store(session: Session, actor: Actor, rule: RoutingRule, position: int) -> None:
    data = rule.to_dict()
    session.add(RoutingRuleRow(position=position, name=rule.name, queue=rule.queue,
                               priority=rule.priority, match=data["match"],
                               created_by=actor.name, created_at=utcnow()))


def list_rules(sessions: sessionmaker[Session], actor: Actor) -> list[dict[str, Any]]:
    actor.check(P.REPORTS_READ)
    with sessions() as session:
        return _describe_rules(session)


def replace_rules(sessions: sessionmaker[Session], actor: Actor, data: Any
                  ) -> list[dict[str, Any]]:
    """Replace every rule with ``data`` (an ordered list, validated whole first)."""
    actor.check(P.QUEUES_ADMIN)
    rules = parse_rules(data)
    if len(rules) > MAX_RULES:
        raise ModerationError(f"at most {MAX_RULES} routing rules")
    with unit_of_work(sessions) as session:
        _check_queues(session, rules)
        before = _describe_rules(session)
        session.execute(delete(RoutingRuleRow))
        for position, rule in enumerate(rules, start=1):
            _store(session, actor, rule, position)
        session.flush()
        after = _describe_rules(session)
        audit.record(session, actor, "routing.replace", "routing_rules", "all",
                     before=before, after=after)
        return after


def add_rule(sessions: sessionmaker[Session], actor: Actor, data: Any,
             position: int | None = None) -> dict[str, Any]:
    """Insert one rule at ``position`` (from 1; None: last); the rules after it move down."""
    actor.check(P.QUEUES_ADMIN)
    rule = parse_rule(data)
    with unit_of_work(sessions) as session:
        _check_queues(session, [rule])
        rows = _rule_rows(session)
        if len(rows) >= MAX_RULES:
            raise ModerationError(f"at most {MAX_RULES} routing rules")
        if position is not None and not 1 <= position <= len(rows) + 1:
            raise ModerationError(f"position: from 1 to {len(rows) + 1}")
        at = len(rows) + 1 if position is None else position
        for i, row in enumerate(rows, start=1):  # renumber densely, leaving a gap at `at`
            row.position = i if i < at else i + 1
        _store(session, actor, rule, at)
        session.flush()
        added = _describe_rules(session)[at - 1]
        audit.record(session, actor, "routing.add", "routing_rule", added["id"], after=added)
        return added


def remove_rule(sessions: sessionmaker[Session], actor: Actor, rule_id: int) -> None:
    actor.check(P.QUEUES_ADMIN)
    with unit_of_work(sessions) as session:
        row = session.get(RoutingRuleRow, rule_id)
        if row is None:
            raise NotFoundError(f"no routing rule #{rule_id}")
        before = {"id": row.id, **_rule_of(row).to_dict()}
        session.delete(row)
        session.flush()
        for i, other in enumerate(_rule_rows(session), start=1):
            other.position = i
        audit.record(session, actor, "routing.remove", "routing_rule", rule_id, before=before)

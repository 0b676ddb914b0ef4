"""Use cases: file an appeal (the platform, for the author), decide it (someone other than
the original actor), read appeals.

An upheld appeal undoes what it was against in the decision's transaction: the action's
labels are lifted (a removed post is restored, a lock or suspension ends), its strike is
removed, a ladder escalation that strike caused is lifted unless the remaining strikes
still call for it, a URL block is lifted with its warning labels, and the reporters whose
reports led to the action are told it was reversed; the author gets a notice with the
rationale either way. Appealing a label that an action applied appeals the action.
"""

from __future__ import annotations

import hashlib
from dataclasses import replace
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from townsquare.moderation.appeals import (
    MAX_RATIONALE,
    MAX_STATEMENT,
    OPEN,
    AppealTarget,
    Outcome,
    check_decider,
    check_filing,
    escalation_still_due,
    label_lifted,
    parse_outcome,
    parse_target_type,
    required_text,
    statement_for_decision,
    strike_removed,
)
from townsquare.moderation.strikes import active_strikes, consequence, strike_count
from townsquare.services import audit
from townsquare.services.context import Services
from townsquare.services.enforcement import ModerationContext, owner_of
from townsquare.services.errors import ConflictError, NotFoundError
from townsquare.services.labels import get_label, lift_label
from townsquare.services.report_outcomes import tell_reporters_of_reversal
from townsquare.staff.actor import Actor
from townsquare.staff.permissions import Permission
from townsquare.store import enforcement as repo
from townsquare.store.db import unit_of_work
from townsquare.store.due_process_tables import Appeal
from townsquare.store.moderation_tables import EnforcementAction
from townsquare.store.tables import utcnow


def describe(row: Appeal) -> dict[str, Any]:
    return {
        "id": row.id,
        "target_type": row.target_type,
        "target_id": row.target_id,
        "account_id": row.account_id,
        "policy": row.policy,
        "statement": row.statement,
        "filed_by": row.filed_by,
        "filed_at": row.filed_at.isoformat(),
        "status": row.status,
        "decided_by": row.decided_by,
        "decided_at": row.decided_at.isoformat() if row.decided_at else None,
        "rationale": row.rationale,
        "undone": row.undone,
    }


def for_audit(described: dict[str, Any]) -> dict[str, Any]:
    """``described`` with the author's statement as a digest: the log is permanent, the
    statement may have to be erased."""
    text = str(described.get("statement") or "")
    return {**described, "statement": None,
            "statement_sha256": hashlib.sha256(text.encode("utf-8")).hexdigest()}


def _action_target(action: EnforcementAction) -> AppealTarget:
    return AppealTarget("action", action.id, action.account_id, action.subject_type,
                        action.subject_id, action.policy, action.kind, action.created_at,
                        action.created_by, True, action.reversed_at is not None)


def load_target(session: Session, ctx: ModerationContext, target_type: str, target_id: int,
                now: datetime) -> AppealTarget:
    """What an appeal of ``target_type`` #``target_id`` is against (a label an action wrote
    resolves to the action); NotFoundError when there is no such thing."""
    kind = parse_target_type(target_type)
    if kind == "action":
        action = repo.get_action(session, target_id)
        if action is None:
            raise NotFoundError(f"no enforcement action #{target_id}")
        return _with_labels(session, ctx, _action_target(action), action)
    label = get_label(session, target_id)
    account = owner_of(session, label.subject_type, label.subject_id)
    action = repo.action_of_label(session, account, label.id)
    if action is not None:
        return _with_labels(session, ctx, _action_target(action), action)
    definition = ctx.compiled.policy.labels.get(label.label)
    ended = label.removed_at is not None or (
        label.expires_at is not None and label.expires_at <= now)
    return AppealTarget("label", label.id, account, label.subject_type, label.subject_id,
                        label.policy, label.label, label.created_at, label.created_by,
                        definition.appealable if definition else True, ended)


def _with_labels(session: Session, ctx: ModerationContext, target: AppealTarget,
                 action: EnforcementAction) -> AppealTarget:
    """The action's target, not appealable when any label it wrote is not."""
    labels = ctx.compiled.policy.labels
    for label_id in action.label_ids or []:
        name = get_label(session, label_id).label
        if name in labels and not labels[name].appealable:
            return replace(target, appealable=False)
    return target


def file_appeal(
    services: Services, actor: Actor, target_type: str, target_id: int, account_id: str,
    statement: str, *, now: datetime | None = None,
) -> dict[str, Any]:
    """Store the author's appeal (filed by the platform on their behalf); 409 when the same
    action or label was appealed already (open or decided), 422 past the window or when
    not appealable, 403 when ``account_id`` is not the account it concerns."""
    actor.check(Permission.CONTENT_WRITE)
    now = now or utcnow()
    statement = required_text(statement, "statement", MAX_STATEMENT)
    window = timedelta(days=services.settings.appeal_window_days)
    try:
        with unit_of_work(services.sessions) as session:
            target = load_target(session, services.moderation, target_type, target_id, now)
            check_filing(target, account_id, now, window)
            earlier = session.scalars(select(Appeal).where(
                Appeal.target_type == target.type, Appeal.target_id == target.id)).first()
            if earlier is not None:
                state = "is already open" if earlier.status == OPEN else (
                    f"was already decided ({earlier.status}); decisions are final")
                raise ConflictError(f"appeal #{earlier.id} against {target.describe()} {state}")
            row = Appeal(target_type=target.type, target_id=target.id, open_key=target.key,
                         account_id=target.account_id, policy=target.policy,
                         statement=statement, filed_by=actor.name, filed_at=now, status=OPEN)
            session.add(row)
            session.flush()
            described = describe(row)
            audit.record(session, actor, "appeal.file", "appeal", row.id,
                         after=for_audit(described))
            return described
    except IntegrityError:  # a concurrent appeal of the same target won the race
        raise ConflictError(f"an appeal against {target_type} #{target_id} is already open"
                            ) from None


def _get(session: Session, appeal_id: int) -> Appeal:
    row = session.get(Appeal, appeal_id)
    if row is None:
        raise NotFoundError(f"no appeal #{appeal_id}")
    return row


def decide_appeal(
    services: Services, actor: Actor, appeal_id: int, outcome: str, rationale: str, *,
    now: datetime | None = None,
) -> dict[str, Any]:
    """Decide an open appeal: ``upheld`` undoes the action, its strike and escalations it
    caused; ``denied`` keeps it. The author is told, with the rationale. Exactly one of two
    racing decisions applies."""
    result: Outcome = parse_outcome(outcome)
    rationale = required_text(rationale, "rationale", MAX_RATIONALE)
    now = now or utcnow()
    ctx = services.moderation
    with services.sessions() as session:
        row = _get(session, appeal_id)
        actor.check(Permission.APPEALS_DECIDE, policy=row.policy)
        if row.status != OPEN:
            raise ConflictError(f"appeal #{appeal_id} was already decided ({row.status})")
        target = load_target(session, ctx, row.target_type, row.target_id, now)
        check_decider(target, actor)
    with unit_of_work(services.sessions) as session:
        # The conditional UPDATE comes first: it takes the write lock (SQLite) or the row
        # lock (PostgreSQL), so a racing decision finds the appeal no longer open.
        claimed = session.execute(
            update(Appeal).where(Appeal.id == appeal_id, Appeal.status == OPEN).values(
                status=result, open_key=None, decided_by=actor.name, decided_at=now,
                rationale=rationale)
        )
        if claimed.rowcount != 1:  # type: ignore[attr-defined]
            raise ConflictError(f"appeal #{appeal_id} was already decided")
        undone: dict[str, Any] = {"labels": [], "strikes": [], "escalations": [],
                                  "url_block": None, "reporters_told": []}
        changes: list[str] = []
        if result == "upheld":
            changes = _undo(session, ctx, target, actor, now, undone)
        row = _get(session, appeal_id)
        row.undone = undone if result == "upheld" else None
        notice = statement_for_decision(row.id, target, result, rationale, changes, now)
        repo.add_notice(session, notice, created_at=now,
                        action_id=target.id if target.type == "action" else None,
                        label_id=target.id if target.type == "label" else None)
        described = describe(row)
        audit.record(session, actor, "appeal.decide", "appeal", row.id,
                     before={"status": OPEN}, after=for_audit(described))
    services.on_change()
    return described


def _lift(session: Session, label_id: int, actor: Actor, now: datetime,
          undone: dict[str, Any], changes: list[str]) -> None:
    label = get_label(session, label_id)
    if label.removed_at is not None or (label.expires_at is not None
                                        and label.expires_at <= now):
        return
    lift_label(session, label_id, actor.name, now=now)
    undone["labels"].append(label_id)
    changes.append(label_lifted(label.label, label.subject_type, label.subject_id))


def _undo(session: Session, ctx: ModerationContext, target: AppealTarget, actor: Actor,
          now: datetime, undone: dict[str, Any]) -> list[str]:
    """Undo what the appeal was against; the sentences that tell the author what changed."""
    changes: list[str] = []
    if target.type == "label":
        _lift(session, target.id, actor, now, undone, changes)
        return changes
    action = repo.get_action(session, target.id)
    assert action is not None  # loaded by the caller in this decision
    for label_id in action.label_ids or []:
        _lift(session, label_id, actor, now, undone, changes)
    block = repo.url_block_of(session, action) if action.kind == "block_url" else None
    if block is not None:
        block.removed_at = now
        undone["url_block"] = block.pattern
        for label_id in repo.active_labels_by(session, f"url_block:{block.pattern}"):
            lift_label(session, label_id, actor.name, now=now)
        changes.append(f"The block on {block.pattern} is lifted.")
    undone["reporters_told"] = tell_reporters_of_reversal(session, action.id, now)
    undone["strikes"] = repo.reverse_action(session, action, actor.name, now)
    if not undone["strikes"]:
        return changes
    active = active_strikes(repo.strikes_of(session, action.account_id), now, ctx.ladder.decay)
    left = strike_count(active, action.policy, ctx.ladder)
    changes.append(strike_removed(action.policy, left, ctx.ladder.per_policy))
    for escalation in repo.ladder_escalations_of(session, action):
        span = (timedelta(seconds=escalation.duration_seconds)
                if escalation.duration_seconds else None)
        remaining = consequence(strike_count(active, escalation.policy, ctx.ladder), ctx.ladder)
        if escalation_still_due(remaining, escalation.kind, span):
            continue
        for label_id in escalation.label_ids or []:
            _lift(session, label_id, actor, now, undone, changes)
        repo.reverse_action(session, escalation, actor.name, now)
        undone["escalations"].append(escalation.id)
    return changes


def get_appeal(services: Services, actor: Actor, appeal_id: int) -> dict[str, Any]:
    """One appeal, with the author's statement (a read of personal data, audited)."""
    actor.check(Permission.APPEALS_DECIDE)
    with unit_of_work(services.sessions) as session:
        described = describe(_get(session, appeal_id))
        audit.record(session, actor, "read.appeal", "appeal", appeal_id)
        return described


def list_appeals(services: Services, actor: Actor, *, status: str | None = None,
                 account_id: str | None = None, limit: int = 200) -> list[dict[str, Any]]:
    """Appeals, newest first, those under policies the actor may decide (audited read)."""
    actor.check(Permission.APPEALS_DECIDE)
    scope = actor.scope_of(Permission.APPEALS_DECIDE, "policies")
    query = select(Appeal).order_by(Appeal.id.desc()).limit(limit)
    if status is not None:
        query = query.where(Appeal.status == status)
    if account_id is not None:
        query = query.where(Appeal.account_id == account_id)
    if scope is not None:
        query = query.where(Appeal.policy.in_(sorted(scope)))
    with unit_of_work(services.sessions) as session:
        rows = [describe(r) for r in session.scalars(query)]
        audit.record(session, actor, "read.appeals", "appeal", account_id or "*",
                     after={"status": status, "count": len(rows)})
        return rows


"""Use cases: enforcement actions with strikes and notices, label notices, account status."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from townsquare.moderation.detection import DetectionRule, detect
from townsquare.moderation.enforcement import (
    EnforcementPlan,
    EnforcementRequest,
    plan_enforcement,
    url_matches_block,
)
from townsquare.moderation.model import ModerationError, SubjectType
from townsquare.moderation.notices import (
    statement_for_action,
    statement_for_label,
    statement_for_label_removed,
    statement_for_strike,
    surface_effects,
)
from townsquare.moderation.strikes import (
    ConsequenceKind,
    StrikeLadder,
    active_strikes,
    consequence,
    consequence_request,
    strike_count,
    strike_summary,
)
from townsquare.moderation.verdicts import CompiledPolicy
from townsquare.services import audit
from townsquare.services.errors import ConflictError, NotFoundError
from townsquare.services.labels import (
    LABEL_ADDED,
    LabelNotify,
    LabelRecord,
    active_labels,
    apply_label,
    lift_label,
)
from townsquare.store import enforcement as repo
from townsquare.store import moderation as content_repo
from townsquare.store.db import unit_of_work
from townsquare.store.due_process_tables import Appeal, ReinstatementRequest
from townsquare.store.tables import utcnow

UNTRUSTED_URL = "untrusted_url"


@dataclass(frozen=True)
class ModerationContext:
    """What every moderation use case needs: the store, the live policy, ladder and rules."""

    sessions: sessionmaker[Session]
    compiled: CompiledPolicy
    ladder: StrikeLadder
    rules: tuple[DetectionRule, ...]
    appeal_url: str = "/appeals"


def owner_of(session: Session, subject_type: str, subject_id: str) -> str:
    """The account a subject belongs to (the author of a post)."""
    if subject_type == SubjectType.POST:
        post = content_repo.get_post(session, subject_id)
        if post is None:
            raise NotFoundError(f"no post with id {subject_id!r}")
        return post.author_id
    if content_repo.get_account(session, subject_id) is None:
        raise NotFoundError(f"no account with id {subject_id!r}")
    return subject_id


def label_notifier(ctx: ModerationContext, *, action_id: int | None = None) -> LabelNotify:
    """Writes the statement of reasons for a label with a visibility effect, in its transaction."""

    def notify(session: Session, record: LabelRecord, event: str) -> None:
        surfaces = ctx.compiled.surfaces_limited(record.label)
        if not surfaces and record.label not in ("read_only", "suspended"):
            return
        label = record.safety_label()
        account = owner_of(session, record.subject_type, record.subject_id)
        if event == LABEL_ADDED:
            notice = statement_for_label(
                label,
                ctx.compiled.policy.label(record.label),
                surfaces,
                ctx.appeal_url,
                account_id=account,
                effects=surface_effects(ctx.compiled, record.label),
            )
        else:
            notice = statement_for_label_removed(label, account_id=account)
        repo.add_notice(
            session, notice, created_at=utcnow(), label_id=record.id, action_id=action_id
        )

    return notify


def detector(ctx: ModerationContext) -> Any:
    """Detection rules plus active URL blocks, as the content service's detector."""

    def run(text: str, urls: list[str]) -> list[tuple[str, str, str]]:
        found = [
            (d.label, d.policy, d.rule_id)
            for d in detect(ctx.rules, text, urls)
            if d.mode == "label"
        ]
        with unit_of_work(ctx.sessions) as session:
            for block in repo.active_url_blocks(session):
                if any(url_matches_block(u, block.pattern) for u in urls):
                    found.append((UNTRUSTED_URL, block.policy, f"url_block:{block.pattern}"))
        return found

    return run


def _apply_plan(
    session: Session,
    ctx: ModerationContext,
    plan: EnforcementPlan,
    account: str,
    actor: str,
    note: str,
    now: datetime,
) -> tuple[int, list[LabelRecord]]:
    request = plan.request
    row = repo.add_action(
        session,
        kind=request.kind.value,
        subject_type=request.subject_type.value,
        subject_id=request.subject_id,
        account_id=account,
        policy=request.policy,
        note=note,
        duration_seconds=int(request.duration.total_seconds()) if request.duration else None,
        expires_at=plan.expires_at,
        created_by=actor,
        created_at=now,
    )
    notify = label_notifier(ctx, action_id=row.id)
    records = []
    for planned in plan.labels:
        records.append(
            apply_label(
                session,
                ctx.compiled,
                planned.subject_type.value,
                planned.subject_id,
                planned.label,
                planned.policy,
                note,
                planned.expires_at,
                "human",
                actor,
                notify=notify,
                now=now,
            )
        )
    row.label_ids = [r.id for r in records]
    if plan.url_block:
        _block_url(session, ctx, plan, actor, note, now, notify)
    repo.add_notice(
        session,
        statement_for_action(plan, account, ctx.appeal_url),
        created_at=now,
        action_id=row.id,
    )
    return row.id, records


def _block_url(
    session: Session,
    ctx: ModerationContext,
    plan: EnforcementPlan,
    actor: str,
    note: str,
    now: datetime,
    notify: LabelNotify,
) -> None:
    pattern = plan.url_block or ""
    if repo.find_url_block(session, pattern) is not None:
        raise ConflictError(f"{pattern!r} is already blocked")
    repo.add_url_block(
        session,
        pattern,
        "url" if "/" in pattern else "domain",
        note or "blocked",
        plan.request.policy,
        actor,
        now,
    )
    for post_id, urls in repo.posts_with_urls(session):
        if any(url_matches_block(u, pattern) for u in urls) and not (
            content_repo.find_active_label(session, "post", post_id, UNTRUSTED_URL, now)
        ):
            apply_label(
                session,
                ctx.compiled,
                "post",
                post_id,
                UNTRUSTED_URL,
                plan.request.policy,
                f"links to blocked {pattern}",
                None,
                "rule",
                f"url_block:{pattern}",
                notify=notify,
                now=now,
            )


def take_action(
    ctx: ModerationContext, request: EnforcementRequest, actor: str, now: datetime | None = None
) -> dict[str, Any]:
    """Apply one enforcement action, its strike and any escalation the ladder calls for."""
    now = now or utcnow()
    plan = plan_enforcement(request, ctx.compiled.policy, now, ctx.ladder.strike_kinds)
    with unit_of_work(ctx.sessions) as session:
        account = (
            owner_of(session, request.subject_type.value, request.subject_id)
            if request.subject_type
            else ""
        )
        action_id, records = _apply_plan(session, ctx, plan, account, actor, request.note, now)
        result: dict[str, Any] = {
            "id": action_id,
            "kind": request.kind.value,
            "subject_type": request.subject_type.value,
            "subject_id": request.subject_id,
            "account_id": account,
            "policy": request.policy,
            "expires_at": plan.expires_at,
            "labels": [r.id for r in records],
            "strike": None,
            "escalation": None,
        }
        if plan.counts_as_strike and account:
            result["strike"], result["escalation"] = _strike(
                session, ctx, account, request.policy, action_id, actor, now
            )
        audit.record(session, actor, "action.take", request.subject_type.value,
                     request.subject_id, after={**result, "note": request.note})
        return result


def _strike(
    session: Session,
    ctx: ModerationContext,
    account: str,
    policy: str,
    action_id: int,
    actor: str,
    now: datetime,
) -> tuple[int, dict[str, Any] | None]:
    strike = repo.add_strike(session, account, policy, action_id, now)
    active = active_strikes(repo.strikes_of(session, account), now, ctx.ladder.decay)
    mine = next(s for s in active if s.id == strike.id)
    repo.add_notice(
        session,
        statement_for_strike(mine, active, ctx.ladder, ctx.appeal_url),
        created_at=now,
        action_id=action_id,
    )
    result = consequence(strike_count(active, policy, ctx.ladder), ctx.ladder)
    request = consequence_request(result, account, policy, "strike ladder")
    if request is None or result.kind is ConsequenceKind.NONE:
        return strike.id, None
    held = {
        lab.label: lab
        for lab in active_labels(session, account, now)
        if lab.subject_type == "account"
    }
    if "suspended" in held:
        return strike.id, None  # already at least this restricted
    lock = held.get("read_only")
    if result.kind is ConsequenceKind.READ_ONLY and lock is not None:
        if lock.expires_at is None or (
            lock.expires_at - lock.created_at >= (result.duration or timedelta(0))
        ):
            return strike.id, None  # already locked at this step or a harsher one
        # A harsher step's longer lock replaces the shorter one (its notice explains it).
        lift_label(session, lock.id, f"ladder:{actor}", now=now)
    plan = plan_enforcement(request, ctx.compiled.policy, now, ctx.ladder.strike_kinds)
    escalation_id, _ = _apply_plan(
        session,
        ctx,
        plan,
        account,
        f"ladder:{actor}",
        f"escalation after {strike_count(active, policy, ctx.ladder)} strikes",
        now,
    )
    return strike.id, {"id": escalation_id, "consequence": result.as_dict()}


def account_status(
    ctx: ModerationContext, account_id: str, now: datetime | None = None
) -> dict[str, Any]:
    """Every active limit (with surfaces), every notice, the strike summary, and the
    account's appeals and reinstatement requests with their decisions' rationales."""
    now = now or utcnow()
    with unit_of_work(ctx.sessions) as session:
        labels = active_labels(session, account_id, now)
        limits = [
            {
                "id": lab.id,
                "label": lab.label,
                "subject_type": lab.subject_type,
                "subject_id": lab.subject_id,
                "surfaces": ctx.compiled.surfaces_limited(lab.label)
                if lab.label in ctx.compiled.label_index
                else [],
                "policy": lab.policy,
                "source": lab.source,
                "created_at": lab.created_at,
                "expires_at": lab.expires_at,
                "appealable": ctx.compiled.policy.labels[lab.label].appealable
                if lab.label in ctx.compiled.policy.labels
                else True,
            }
            for lab in labels
        ]
        notices = [
            {
                "id": n.id,
                "kind": n.kind,
                "subject_type": n.subject_type,
                "subject_id": n.subject_id,
                "policy": n.policy,
                "label": n.label,
                "surfaces": n.surfaces,
                "expires_at": n.expires_at,
                "appealable": n.appealable,
                "title": n.title,
                "body": n.body,
                "created_at": n.created_at,
                "label_id": n.label_id,
                "action_id": n.action_id,
            }
            for n in repo.notices_of(session, account_id)
        ]
        strikes = strike_summary(repo.strikes_of(session, account_id), now, ctx.ladder)
        appeals = [
            {"id": a.id, "target_type": a.target_type, "target_id": a.target_id,
             "status": a.status, "filed_at": a.filed_at, "decided_at": a.decided_at,
             "rationale": a.rationale}
            for a in session.scalars(select(Appeal).where(Appeal.account_id == account_id)
                                     .order_by(Appeal.id.desc()))
        ]
        reinstatement = [
            {"id": r.id, "status": r.status, "filed_at": r.filed_at,
             "decided_at": r.decided_at, "rationale": r.rationale,
             "council_proposal_id": r.proposal_id}
            for r in session.scalars(select(ReinstatementRequest)
                                     .where(ReinstatementRequest.account_id == account_id)
                                     .order_by(ReinstatementRequest.id.desc()))
        ]
    return {"account_id": account_id, "limits": limits, "notices": notices, "strikes": strikes,
            "appeals": appeals, "reinstatement": reinstatement}


def request_from(data: dict[str, Any]) -> EnforcementRequest:
    """An EnforcementRequest from API/CLI fields (duration in seconds or ISO-like hours)."""
    seconds = data.get("duration_seconds")
    if seconds is not None and (not isinstance(seconds, int | float) or seconds <= 0):
        raise ModerationError("duration_seconds: expected a positive number")
    return EnforcementRequest(
        kind=data["kind"],
        subject_type=data["subject_type"],
        subject_id=data["subject_id"],
        policy=data["policy"],
        duration=timedelta(seconds=seconds) if seconds else None,
        note=data.get("note") or "",
        label=data.get("label"),
        url_or_domain=data.get("url_or_domain"),
    )

"""User reports as use cases: filing (the platform, for a user) with routing to a queue, and
reading them (the text is personal data: each read of it is audited). Claims live in
:mod:`report_handling`, decisions in :mod:`report_decisions`."""

from __future__ import annotations

import hashlib
from datetime import datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session, sessionmaker

from townsquare.moderation.model import ModerationError
from townsquare.moderation.report_routing import route
from townsquare.moderation.reports import NewReport, ReportStatus, report_policies
from townsquare.moderation.verdicts import CompiledPolicy
from townsquare.services import audit
from townsquare.services.enforcement import owner_of
from townsquare.services.errors import ConflictError, NotFoundError
from townsquare.services.queues import get_queue, load_rules
from townsquare.services.report_outcomes import settle_pending
from townsquare.services.report_records import (
    add_event,
    check_handles,
    facts_of,
    load,
    muted_now,
    reporter_record,
    summary,
    trust_of,
)
from townsquare.staff.actor import Actor
from townsquare.staff.permissions import Permission as P
from townsquare.store import moderation as content_repo
from townsquare.store.db import unit_of_work
from townsquare.store.report_tables import Report, ReportEvent
from townsquare.store.tables import utcnow

MAX_PAGE = 500


def _digest(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


# --- filing -------------------------------------------------------------------------------


def file_report(sessions: sessionmaker[Session], compiled: CompiledPolicy, actor: Actor,
                new: NewReport, now: datetime | None = None) -> dict[str, Any]:
    """Store a user's report, routed to its queue; what the reporter may see of it.

    NotFoundError for an unknown reporter or subject, ModerationError for an unknown
    policy, ConflictError when the reporter already has an undecided report on it."""
    actor.check(P.CONTENT_WRITE)
    new.check_policy(report_policies(compiled.policy))
    now = now or utcnow()
    with unit_of_work(sessions) as session:
        if content_repo.get_account(session, new.reporter_id) is None:
            raise NotFoundError(f"no account with id {new.reporter_id!r}")
        owner = owner_of(session, new.subject_type.value, new.subject_id)
        if owner == new.reporter_id:
            raise ModerationError("an account cannot report its own posts")
        duplicate = session.scalar(select(Report.id).where(Report.dedupe_key == new.dedupe_key))
        if duplicate is not None:
            raise ConflictError(f"{new.reporter_id!r} already has an open report "
                                f"(#{duplicate}) on this {new.subject_type.value}")
        facts = facts_of(session, new.reporter_id, new.subject_type.value, new.subject_id,
                         owner, new.policy, new.reason.value, new.text)
        rules = load_rules(session)
        routed = route([rule for _, rule in rules], facts)
        assert routed is not None  # filing always has the default queue
        row = Report(
            reporter_id=new.reporter_id, subject_type=new.subject_type.value,
            subject_id=new.subject_id, account_id=owner, reason=new.reason.value,
            policy=new.policy, text=new.text, queue=routed.queue, priority=routed.priority,
            routed_by=None if routed.rule is None else rules[routed.rule][0],
            status=ReportStatus.OPEN.value, dedupe_key=new.dedupe_key, escalations=0,
            created_at=now,
        )
        session.add(row)
        try:
            session.flush()
        except IntegrityError:  # the same report filed twice at once: one of them stands
            raise ConflictError(f"{new.reporter_id!r} already has an open report on this "
                                f"{new.subject_type.value}") from None
        add_event(session, row, "filed", actor, now, queue=row.queue, rule=row.routed_by,
                  priority=row.priority, reporter_trust=facts.reporter_trust)
        audit.record(session, actor, "report.file", "report", row.id, after={
            "reporter_id": row.reporter_id, "subject_type": row.subject_type,
            "subject_id": row.subject_id, "reason": row.reason, "policy": row.policy,
            "queue": row.queue, "rule": row.routed_by, "priority": row.priority,
            "text_sha256": _digest(row.text), "text_length": len(row.text),
        })
        return reporter_record(row)


# --- reading ------------------------------------------------------------------------------


def list_reports(sessions: sessionmaker[Session], actor: Actor, *, queue: str | None = None,
                 status: str | None = ReportStatus.OPEN.value, limit: int = 100,
                 now: datetime | None = None) -> list[dict[str, Any]]:
    """Reports in the queues (and policies) the actor may read, most urgent first: higher
    priority, then older; muted reporters' reports after all others."""
    actor.check(P.REPORTS_READ, queue=queue)
    if status is not None and status not in set(ReportStatus):
        raise ModerationError(f"unknown status {status!r}; choose from "
                              f"{', '.join(s.value for s in ReportStatus)}")
    if not 1 <= limit <= MAX_PAGE:
        raise ModerationError(f"limit: from 1 to {MAX_PAGE}")
    now = now or utcnow()
    settle_pending(sessions, now)
    muted = muted_now()
    stmt = select(Report, muted.label("muted"))
    if queue is not None:
        stmt = stmt.where(Report.queue == queue)
    if status is not None:
        stmt = stmt.where(Report.status == status)
    queues, policies = (actor.scope_of(P.REPORTS_READ, "queues"),
                        actor.scope_of(P.REPORTS_READ, "policies"))
    if queues is not None:
        stmt = stmt.where(Report.queue.in_(sorted(queues)))
    if policies is not None:
        stmt = stmt.where(Report.policy.in_(sorted(policies)))
    stmt = stmt.order_by(muted, Report.priority.desc(), Report.created_at, Report.id)
    with sessions() as session:
        if queue is not None:
            get_queue(session, queue)
        return [summary(row, now, bool(m)) for row, m in session.execute(stmt.limit(limit))]


def get_report(sessions: sessionmaker[Session], actor: Actor, report_id: int,
               now: datetime | None = None) -> dict[str, Any]:
    """One report with its text, reporter and history; recorded as ``read.report``."""
    now = now or utcnow()
    settle_pending(sessions, now)
    with unit_of_work(sessions) as session:
        row = load(session, report_id)
        check_handles(actor, row, P.REPORTS_READ)
        muted = bool(session.scalar(select(muted_now().where(Report.id == row.id))))
        events = session.scalars(
            select(ReportEvent).where(ReportEvent.report_id == row.id).order_by(ReportEvent.id)
        )
        detail = {
            **summary(row, now, muted), "text": row.text, "reporter_id": row.reporter_id,
            "reporter_trust": trust_of(session, row.reporter_id).value,
            "resolution_note": row.resolution_note,
            "events": [{"kind": e.kind, "actor": e.actor, "at": e.at, "detail": e.detail}
                       for e in events],
        }
        audit.record(session, actor, "read.report", "report", row.id)
        return detail

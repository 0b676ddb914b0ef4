"""What a moderator reads before deciding: a report with its subject's history (posts,
labels, enforcement actions, strikes, notices, earlier reports), and an appeal with whether
this reader may decide it. Reads only; the report and appeal reads are audited by the use
cases they go through (:func:`reports.get_report`, :func:`appeals.get_appeal`)."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import and_, or_, select

from townsquare.moderation.appeals import check_decider
from townsquare.moderation.strikes import strike_summary
from townsquare.services import appeals, reports
from townsquare.services.context import Services
from townsquare.services.errors import ForbiddenError
from townsquare.services.report_records import summary
from townsquare.staff.actor import Actor
from townsquare.staff.permissions import Permission
from townsquare.store import enforcement as repo
from townsquare.store.moderation_tables import EnforcementAction, Follow, Label, Post
from townsquare.store.report_tables import Report
from townsquare.store.tables import utcnow

HISTORY_LIMIT = 50


def open_case(services: Services, actor: Actor, report_id: int,
              now: datetime | None = None) -> dict[str, Any]:
    """The report (its text, reporter and events: an audited read) and the history of the
    account it is about; ``follower_id`` is one follower of that account (None: nobody),
    for previewing what a follower sees."""
    now = now or utcnow()
    report = reports.get_report(services.sessions, actor, report_id, now)
    account = report["account_id"]
    posts_of_account = select(Post.id).where(Post.author_id == account)
    with services.sessions() as session:
        subject_post = (session.get(Post, report["subject_id"])
                        if report["subject_type"] == "post" else None)
        posts = session.scalars(select(Post).where(Post.author_id == account)
                                .order_by(Post.created_at.desc()).limit(HISTORY_LIMIT))
        labels = session.scalars(select(Label).where(or_(
            and_(Label.subject_type == "account", Label.subject_id == account),
            and_(Label.subject_type == "post", Label.subject_id.in_(posts_of_account)),
        )).order_by(Label.id.desc()).limit(HISTORY_LIMIT))
        actions = session.scalars(select(EnforcementAction)
                                  .where(EnforcementAction.account_id == account)
                                  .order_by(EnforcementAction.id.desc()).limit(HISTORY_LIMIT))
        earlier = session.scalars(select(Report).where(Report.account_id == account,
                                                       Report.id != report_id)
                                  .order_by(Report.id.desc()).limit(HISTORY_LIMIT))
        return {
            "report": report,
            "subject_text": subject_post.text if subject_post else None,
            "posts": [{"id": p.id, "text": p.text, "created_at": p.created_at}
                      for p in posts],
            "labels": [_label(lab, now) for lab in labels],
            "actions": [_action(a) for a in actions],
            "strikes": strike_summary(repo.strikes_of(session, account), now,
                                      services.moderation.ladder),
            "notices": [{"id": n.id, "kind": n.kind, "title": n.title, "policy": n.policy,
                         "created_at": n.created_at}
                        for n in repo.notices_of(session, account)][-HISTORY_LIMIT:][::-1],
            "earlier_reports": [summary(r, now) for r in earlier],
            "follower_id": session.scalar(select(Follow.follower_id)
                                          .where(Follow.followee_id == account)
                                          .order_by(Follow.follower_id).limit(1)),
        }


def _label(row: Label, now: datetime) -> dict[str, Any]:
    if row.removed_at is not None:
        state = f"removed by {row.removed_by}"
    elif row.expires_at is not None and row.expires_at <= now:
        state = "expired"
    else:
        state = "active"
    return {"id": row.id, "label": row.label, "policy": row.policy,
            "subject": f"{row.subject_type} {row.subject_id}", "source": row.source,
            "created_by": row.created_by, "created_at": row.created_at,
            "expires_at": row.expires_at, "state": state}


def _action(row: EnforcementAction) -> dict[str, Any]:
    return {"id": row.id, "kind": row.kind, "policy": row.policy,
            "subject": f"{row.subject_type} {row.subject_id}", "note": row.note,
            "created_by": row.created_by, "created_at": row.created_at,
            "expires_at": row.expires_at,
            "state": f"reversed by {row.reversed_by}" if row.reversed_at else "in force"}


def open_appeal(services: Services, actor: Actor, appeal_id: int,
                now: datetime | None = None) -> dict[str, Any]:
    """The appeal (an audited read) with what it is against, and ``blocked``: why this
    reader may not decide it (None when they may)."""
    now = now or utcnow()
    appeal = appeals.get_appeal(services, actor, appeal_id)
    with services.sessions() as session:
        target = appeals.load_target(session, services.moderation, appeal["target_type"],
                                     appeal["target_id"], now)
    blocked: str | None = None
    try:
        check_decider(target, actor)
        actor.check(Permission.APPEALS_DECIDE, policy=appeal["policy"])
    except ForbiddenError as exc:
        blocked = str(exc)
    return {"appeal": appeal, "blocked": blocked, "target": {
        "type": target.type, "what": target.what, "policy": target.policy,
        "subject": f"{target.subject_type} {target.subject_id}",
        "created_by": target.created_by, "created_at": target.created_at,
        "reversed": target.reversed,
    }}

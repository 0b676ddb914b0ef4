"""Repositories for enforcement actions, strikes, notices and URL blocks."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from townsquare.moderation.notices import Notice as NoticeData
from townsquare.moderation.strikes import Strike as StrikeData
from townsquare.store.moderation_tables import (
    EnforcementAction,
    Label,
    Notice,
    Post,
    Strike,
    UrlBlock,
)


def add_action(session: Session, **fields: object) -> EnforcementAction:
    row = EnforcementAction(**fields)
    session.add(row)
    session.flush()
    return row


def add_notice(
    session: Session,
    notice: NoticeData,
    *,
    created_at: datetime,
    label_id: int | None = None,
    action_id: int | None = None,
) -> Notice:
    row = Notice(
        account_id=notice.account_id,
        kind=notice.kind,
        subject_type=str(notice.subject_type),
        subject_id=notice.subject_id,
        policy=notice.policy,
        label=notice.label or None,
        surfaces=list(notice.surfaces),
        expires_at=notice.expires_at,
        appealable=notice.appealable,
        title=notice.title[:200],
        body=notice.body,
        created_at=created_at,
        label_id=label_id,
        action_id=action_id,
    )
    session.add(row)
    session.flush()
    return row


def notices_of(session: Session, account_id: str) -> list[Notice]:
    stmt = (
        select(Notice)
        .where(Notice.account_id == account_id)
        .order_by(Notice.created_at.desc(), Notice.id.desc())
    )
    return list(session.scalars(stmt))


def add_strike(
    session: Session, account_id: str, policy: str, action_id: int, created_at: datetime
) -> Strike:
    row = Strike(account_id=account_id, policy=policy, action_id=action_id, created_at=created_at)
    session.add(row)
    session.flush()
    return row


def strikes_of(session: Session, account_id: str) -> list[StrikeData]:
    stmt = select(Strike).where(Strike.account_id == account_id).order_by(Strike.id)
    return [
        StrikeData(r.id, r.account_id, r.policy, r.action_id, r.created_at, r.reversed_at)
        for r in session.scalars(stmt)
    ]


def add_url_block(
    session: Session,
    pattern: str,
    kind: str,
    reason: str,
    policy: str,
    created_by: str,
    created_at: datetime,
) -> UrlBlock:
    row = UrlBlock(
        pattern=pattern,
        kind=kind,
        reason=reason,
        policy=policy,
        created_by=created_by,
        created_at=created_at,
    )
    session.add(row)
    session.flush()
    return row


def active_url_blocks(session: Session) -> list[UrlBlock]:
    return list(session.scalars(select(UrlBlock).where(UrlBlock.removed_at.is_(None))))


def find_url_block(session: Session, pattern: str) -> UrlBlock | None:
    return session.scalar(select(UrlBlock).where(UrlBlock.pattern == pattern))


def posts_with_urls(session: Session) -> list[tuple[str, list[str]]]:
    """(post id, urls) of every post that links anywhere (for applying a new URL block)."""
    rows = session.execute(select(Post.id, Post.urls))
    return [(pid, list(urls)) for pid, urls in rows if urls]


# --- undoing an action (upheld appeals) ---------------------------------------------------


def get_action(session: Session, action_id: int) -> EnforcementAction | None:
    return session.get(EnforcementAction, action_id)


def action_of_label(session: Session, account_id: str, label_id: int) -> EnforcementAction | None:
    """The action that wrote ``label_id`` on the account or its posts, if one did."""
    stmt = select(EnforcementAction).where(EnforcementAction.account_id == account_id)
    return next((a for a in session.scalars(stmt) if label_id in (a.label_ids or [])), None)


def reverse_action(
    session: Session, action: EnforcementAction, by: str, now: datetime
) -> list[int]:
    """Mark an action reversed and its strikes removed; the ids of the strikes removed."""
    action.reversed_at, action.reversed_by = now, by
    strikes = list(session.scalars(
        select(Strike).where(Strike.action_id == action.id, Strike.reversed_at.is_(None))
    ))
    for strike in strikes:
        strike.reversed_at = now
    session.flush()
    return [s.id for s in strikes]


def ladder_escalations_of(session: Session, action: EnforcementAction) -> list[EnforcementAction]:
    """The escalations the strike ladder applied together with ``action`` (same account and
    moment, recorded as taken by "ladder:<its actor>"), not yet reversed."""
    stmt = select(EnforcementAction).where(
        EnforcementAction.account_id == action.account_id,
        EnforcementAction.created_at == action.created_at,
        EnforcementAction.created_by == f"ladder:{action.created_by}",
        EnforcementAction.reversed_at.is_(None),
    )
    return list(session.scalars(stmt))


def url_block_of(session: Session, action: EnforcementAction) -> UrlBlock | None:
    """The URL block a block_url action wrote (same author, same moment), if still in force."""
    return session.scalar(select(UrlBlock).where(
        UrlBlock.created_by == action.created_by, UrlBlock.created_at == action.created_at,
        UrlBlock.removed_at.is_(None),
    ))


def active_labels_by(session: Session, created_by: str) -> list[int]:
    """Ids of labels not removed that ``created_by`` wrote (a URL block's rule labels)."""
    stmt = select(Label.id).where(Label.created_by == created_by, Label.removed_at.is_(None))
    return list(session.scalars(stmt))

"""Repositories for enforcement actions, strikes, notices and URL blocks."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from townsquare.moderation.notices import Notice as NoticeData
from townsquare.moderation.strikes import Strike as StrikeData
from townsquare.store.moderation_tables import EnforcementAction, Notice, Post, Strike, UrlBlock


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

"""Moderation repository: plain functions over a Session (flush, never commit).

Every write that a worker's hot-path cache must learn about appends a row to a change
log (``label_changes`` or ``content_changes``) in the same transaction. Versions must
become visible in increasing order, or a poller that already saw version 7 would miss
a slower transaction's version 6: on PostgreSQL a transaction-scoped advisory lock taken
just before the append serialises the appenders until commit; SQLite has one writer at
a time already.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from datetime import datetime
from itertools import islice
from typing import Any, NamedTuple, TypeVar

from sqlalchemy import and_, delete, func, or_, select, text
from sqlalchemy.orm import Session

from townsquare.store.moderation_tables import (
    Account,
    ContentChange,
    Follow,
    Label,
    LabelChange,
    Post,
)
from townsquare.store.tables import utcnow

# Well under SQLite's (32,766) and PostgreSQL's (65,535) bound-parameter limits.
IN_LIST_CHUNK = 900
# pg_advisory_xact_lock key of the change logs ("townsqua" as a big-endian integer).
CHANGE_LOG_LOCK = 0x746F776E73717561

ACCOUNT_CHANGE = "account"
POST_CHANGE = "post"
FOLLOW_CHANGE = "follow"

_T = TypeVar("_T")


class ChangeRow(NamedTuple):
    """A change-log entry: for labels (version, subject_type, subject_id, None); for
    content (version, kind, subject_id, other_id)."""

    version: int
    kind: str
    subject_id: str
    other_id: str | None


def _chunks(items: Iterable[_T], size: int = IN_LIST_CHUNK) -> Iterator[list[_T]]:
    iterator = iter(items)
    while chunk := list(islice(iterator, size)):
        yield chunk


def _lock_change_log(session: Session) -> None:
    if session.get_bind().dialect.name == "postgresql":
        session.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": CHANGE_LOG_LOCK})


# --- change logs -------------------------------------------------------------------------


def record_label_change(
    session: Session, subject_type: str, subject_id: str, now: datetime | None = None
) -> None:
    """Append a label change for a subject; workers reload that subject's labels."""
    _lock_change_log(session)
    session.add(LabelChange(subject_type=subject_type, subject_id=subject_id,
                            changed_at=now or utcnow()))
    session.flush()


def record_content_change(
    session: Session, kind: str, subject_id: str, other_id: str | None = None,
    now: datetime | None = None,
) -> None:
    """Append a content change (account, post or follow); workers reload that row."""
    _lock_change_log(session)
    session.add(ContentChange(kind=kind, subject_id=subject_id, other_id=other_id,
                              changed_at=now or utcnow()))
    session.flush()


def change_versions(session: Session) -> tuple[int, int]:
    """The newest (label, content) change versions; 0 when a log is empty."""
    row = session.execute(
        select(
            select(func.max(LabelChange.version)).scalar_subquery(),
            select(func.max(ContentChange.version)).scalar_subquery(),
        )
    ).one()
    return int(row[0] or 0), int(row[1] or 0)


def label_changes_after(session: Session, version: int, limit: int = 10_000) -> list[ChangeRow]:
    """Label changes newer than ``version``, oldest first."""
    stmt = (
        select(LabelChange.version, LabelChange.subject_type, LabelChange.subject_id)
        .where(LabelChange.version > version)
        .order_by(LabelChange.version)
        .limit(limit)
    )
    return [ChangeRow(v, t, s, None) for v, t, s in session.execute(stmt)]


def content_changes_after(
    session: Session, version: int, limit: int = 10_000
) -> list[ChangeRow]:
    """Content changes newer than ``version``, oldest first."""
    stmt = (
        select(ContentChange.version, ContentChange.kind, ContentChange.subject_id,
               ContentChange.other_id)
        .where(ContentChange.version > version)
        .order_by(ContentChange.version)
        .limit(limit)
    )
    return [ChangeRow(*row) for row in session.execute(stmt)]


# --- accounts, posts, follows -----------------------------------------------------------


def add_account(
    session: Session, *, account_id: str, handle: str, high_profile: bool = False,
    sensitive_media_opt_in: bool = False, created_at: datetime | None = None,
) -> Account:
    account = Account(id=account_id, handle=handle, high_profile=high_profile,
                      sensitive_media_opt_in=sensitive_media_opt_in,
                      created_at=created_at or utcnow())
    session.add(account)
    session.flush()
    record_content_change(session, ACCOUNT_CHANGE, account_id)
    return account


def get_account(session: Session, account_id: str) -> Account | None:
    return session.get(Account, account_id)


def account_by_handle(session: Session, handle: str) -> Account | None:
    return session.scalar(select(Account).where(Account.handle == handle))


def set_sensitive_media_opt_in(session: Session, account: Account, value: bool) -> None:
    account.sensitive_media_opt_in = value
    session.flush()
    record_content_change(session, ACCOUNT_CHANGE, account.id)


def add_post(
    session: Session, *, post_id: str, author_id: str, text: str, urls: Sequence[str],
    created_at: datetime | None = None,
) -> Post:
    post = Post(id=post_id, author_id=author_id, text=text, urls=list(urls),
                created_at=created_at or utcnow())
    session.add(post)
    session.flush()
    record_content_change(session, POST_CHANGE, post_id, author_id)
    return post


def get_post(session: Session, post_id: str) -> Post | None:
    return session.get(Post, post_id)


def add_follow(
    session: Session, follower_id: str, followee_id: str, created_at: datetime | None = None
) -> Follow:
    follow = Follow(follower_id=follower_id, followee_id=followee_id,
                    created_at=created_at or utcnow())
    session.add(follow)
    session.flush()
    record_content_change(session, FOLLOW_CHANGE, follower_id, followee_id)
    return follow


def get_follow(session: Session, follower_id: str, followee_id: str) -> Follow | None:
    return session.get(Follow, (follower_id, followee_id))


def delete_follow(session: Session, follower_id: str, followee_id: str) -> bool:
    """Whether a follow was deleted."""
    deleted = session.execute(
        delete(Follow).where(Follow.follower_id == follower_id, Follow.followee_id == followee_id)
    )
    if not getattr(deleted, "rowcount", 0):
        return False
    record_content_change(session, FOLLOW_CHANGE, follower_id, followee_id)
    return True


def subject_exists(session: Session, subject_type: str, subject_id: str) -> bool:
    model: Any = Post if subject_type == "post" else Account
    return session.scalar(select(model.id).where(model.id == subject_id)) is not None


# --- labels -----------------------------------------------------------------------------


def _active(now: datetime) -> Any:
    return and_(Label.removed_at.is_(None), or_(Label.expires_at.is_(None), Label.expires_at > now))


def add_label(
    session: Session, *, subject_type: str, subject_id: str, label: str, policy: str,
    source: str, note: str, created_by: str, expires_at: datetime | None,
    created_at: datetime | None = None,
) -> Label:
    """Insert a label and its change-log entry."""
    now = created_at or utcnow()
    row = Label(subject_type=subject_type, subject_id=subject_id, label=label, policy=policy,
                source=source, note=note, created_by=created_by, created_at=now,
                expires_at=expires_at)
    session.add(row)
    session.flush()
    record_label_change(session, subject_type, subject_id, now)
    return row


def get_label(session: Session, label_id: int) -> Label | None:
    return session.get(Label, label_id)


def mark_label_removed(session: Session, row: Label, removed_by: str, now: datetime) -> None:
    """Mark a label removed (the row stays for the record) and log the change."""
    row.removed_at = now
    row.removed_by = removed_by
    session.flush()
    record_label_change(session, row.subject_type, row.subject_id, now)


def find_active_label(
    session: Session, subject_type: str, subject_id: str, label: str, now: datetime
) -> Label | None:
    stmt = select(Label).where(
        Label.subject_type == subject_type, Label.subject_id == subject_id,
        Label.label == label, _active(now),
    )
    return session.scalars(stmt.limit(1)).first()


def active_labels_of_subjects(
    session: Session, subject_type: str, subject_ids: Iterable[str], now: datetime
) -> list[Label]:
    """Labels neither removed nor expired on these subjects, oldest first."""
    out: list[Label] = []
    for chunk in _chunks(sorted(set(subject_ids))):
        stmt = select(Label).where(
            Label.subject_type == subject_type, Label.subject_id.in_(chunk), _active(now)
        )
        out.extend(session.scalars(stmt))
    out.sort(key=lambda row: row.id)
    return out


def active_labels_of_account(session: Session, account_id: str, now: datetime) -> list[Label]:
    """Active labels on the account itself and on every post it wrote, oldest first."""
    own_posts = select(Post.id).where(Post.author_id == account_id)
    stmt = (
        select(Label)
        .where(
            or_(
                and_(Label.subject_type == "account", Label.subject_id == account_id),
                and_(Label.subject_type == "post", Label.subject_id.in_(own_posts)),
            ),
            _active(now),
        )
        .order_by(Label.id)
    )
    return list(session.scalars(stmt))


# --- full loads and targeted reloads for the hot-path cache ----------------------------


def iter_active_labels(session: Session, now: datetime) -> Iterator[Label]:
    yield from session.scalars(select(Label).where(_active(now)).order_by(Label.id))


def iter_posts(session: Session) -> Iterator[tuple[str, str]]:
    """(post_id, author_id) of every post."""
    rows = session.execute(select(Post.id, Post.author_id))
    return ((post_id, author_id) for post_id, author_id in rows)


def iter_accounts(session: Session) -> Iterator[tuple[str, bool]]:
    """(account_id, sensitive_media_opt_in) of every account."""
    for account_id, opt_in in session.execute(select(Account.id, Account.sensitive_media_opt_in)):
        yield account_id, bool(opt_in)


def iter_follows(session: Session) -> Iterator[tuple[str, str]]:
    """(follower_id, followee_id) of every follow."""
    rows = session.execute(select(Follow.follower_id, Follow.followee_id))
    return ((follower, followee) for follower, followee in rows)


def posts_by_ids(session: Session, post_ids: Iterable[str]) -> dict[str, str]:
    """post_id -> author_id for those of ``post_ids`` that exist."""
    out: dict[str, str] = {}
    for chunk in _chunks(sorted(set(post_ids))):
        stmt = select(Post.id, Post.author_id).where(Post.id.in_(chunk))
        out.update((post_id, author_id) for post_id, author_id in session.execute(stmt))
    return out


def accounts_by_ids(session: Session, account_ids: Iterable[str]) -> dict[str, bool]:
    """account_id -> sensitive_media_opt_in for those of ``account_ids`` that exist."""
    out: dict[str, bool] = {}
    for chunk in _chunks(sorted(set(account_ids))):
        stmt = select(Account.id, Account.sensitive_media_opt_in).where(Account.id.in_(chunk))
        out.update((account_id, bool(v)) for account_id, v in session.execute(stmt))
    return out


def followees_of(session: Session, follower_ids: Iterable[str]) -> dict[str, set[str]]:
    """follower_id -> the accounts it follows, for every requested follower (maybe empty)."""
    wanted = sorted(set(follower_ids))
    out: dict[str, set[str]] = {f: set() for f in wanted}
    for chunk in _chunks(wanted):
        stmt = select(Follow.follower_id, Follow.followee_id).where(Follow.follower_id.in_(chunk))
        for follower, followee in session.execute(stmt):
            out[follower].add(followee)
    return out

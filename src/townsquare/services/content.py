"""Use cases that mirror the platform's content: accounts, posts (with rule labels), follows.

Each is one transaction and appends a ``content_changes`` row, so every worker's cache
learns of the new author, account or follow within a poll interval.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session, sessionmaker

from townsquare.moderation.model import LabelSource, ModerationError
from townsquare.moderation.verdicts import CompiledPolicy
from townsquare.services import audit
from townsquare.services.errors import ConflictError, NotFoundError
from townsquare.services.labels import LabelNotify, LabelRecord, apply_label, aware_datetime
from townsquare.store import moderation as repo
from townsquare.store.db import unit_of_work
from townsquare.store.moderation_tables import Account, Post
from townsquare.store.tables import utcnow

MAX_ID = 64
MAX_TEXT = 10_000
MAX_URLS = 100
MAX_URL = 2048
# Who the audit log names when a caller does not say: the platform mirrors its own writes.
PLATFORM = "platform"

# (label, policy, rule_id) for each rule a new post trips.
Detection = tuple[str, str, str]
# Given a post's text and URLs, the labels detection rules put on it.
Detector = Callable[[str, list[str]], list[Detection]]


@dataclass(frozen=True)
class AccountRecord:
    id: str
    handle: str
    high_profile: bool
    sensitive_media_opt_in: bool
    created_at: datetime

    @classmethod
    def of(cls, row: Account) -> AccountRecord:
        return cls(row.id, row.handle, row.high_profile, row.sensitive_media_opt_in,
                   row.created_at)


@dataclass(frozen=True)
class PostRecord:
    id: str
    author_id: str
    text: str
    urls: tuple[str, ...]
    created_at: datetime
    labels: tuple[LabelRecord, ...] = ()

    @classmethod
    def of(cls, row: Post, labels: Sequence[LabelRecord] = ()) -> PostRecord:
        return cls(row.id, row.author_id, row.text, tuple(row.urls), row.created_at,
                   tuple(labels))


@dataclass(frozen=True)
class FollowRecord:
    follower_id: str
    followee_id: str
    created_at: datetime


def _identifier(value: str, what: str) -> str:
    if not isinstance(value, str) or not value or len(value) > MAX_ID:
        raise ModerationError(f"{what}: expected 1 to {MAX_ID} characters")
    if not value.isprintable() or any(c.isspace() for c in value):
        raise ModerationError(f"{what}: {value!r} may not contain spaces or control characters")
    return value


def _created_at(value: datetime | None) -> datetime:
    if value is None:
        return utcnow()
    return aware_datetime(value, "created_at")


def _urls(urls: Sequence[str]) -> list[str]:
    if isinstance(urls, str):
        raise ModerationError("urls: expected a list of URLs, not one string")
    out = list(urls)
    if len(out) > MAX_URLS:
        raise ModerationError(f"urls: at most {MAX_URLS} URLs per post")
    for i, url in enumerate(out):
        if not isinstance(url, str) or not url.strip() or len(url) > MAX_URL:
            raise ModerationError(f"urls[{i}]: expected a URL of 1 to {MAX_URL} characters")
    return out


def _require_account(session: Session, account_id: str, what: str) -> Account:
    account = repo.get_account(session, account_id)
    if account is None:
        raise NotFoundError(f"{what}: no account with id {account_id!r}")
    return account


def create_account(
    sessions: sessionmaker[Session], account_id: str, handle: str, *,
    high_profile: bool = False, sensitive_media_opt_in: bool = False,
    created_at: datetime | None = None, actor: str = PLATFORM,
) -> AccountRecord:
    """Register an account; ConflictError when its id or handle is taken."""
    _identifier(account_id, "id")
    _identifier(handle, "handle")
    when = _created_at(created_at)
    try:
        with unit_of_work(sessions) as session:
            if repo.get_account(session, account_id) is not None:
                raise ConflictError(f"an account with id {account_id!r} already exists")
            if repo.account_by_handle(session, handle) is not None:
                raise ConflictError(f"the handle {handle!r} is taken")
            row = repo.add_account(
                session, account_id=account_id, handle=handle, high_profile=high_profile,
                sensitive_media_opt_in=sensitive_media_opt_in, created_at=when,
            )
            audit.record(session, actor, "account.create", "account", account_id,
                         after={"handle": handle, "high_profile": high_profile,
                                "sensitive_media_opt_in": sensitive_media_opt_in})
            return AccountRecord.of(row)
    except IntegrityError:  # lost a race with a concurrent identical request
        raise ConflictError(f"account {account_id!r} or handle {handle!r} already exists") from None


def set_sensitive_media_opt_in(
    sessions: sessionmaker[Session], account_id: str, value: bool, *, actor: str = PLATFORM
) -> AccountRecord:
    """Record whether the account holder wants sensitive media shown without a warning."""
    with unit_of_work(sessions) as session:
        account = _require_account(session, account_id, "id")
        before = account.sensitive_media_opt_in
        repo.set_sensitive_media_opt_in(session, account, value)
        audit.record(session, actor, "account.sensitive_media", "account", account_id,
                     before={"sensitive_media_opt_in": before},
                     after={"sensitive_media_opt_in": value})
        return AccountRecord.of(account)


def create_post(
    sessions: sessionmaker[Session], compiled: CompiledPolicy, post_id: str, author_id: str,
    text: str, *, urls: Sequence[str] = (), created_at: datetime | None = None,
    detector: Detector | None = None, notify: LabelNotify | None = None,
    actor: str = PLATFORM,
) -> PostRecord:
    """Register a post; the labels ``detector`` finds are stored with it (source ``rule``),
    in the same transaction.

    Raises NotFoundError for an unknown author, ConflictError for a taken post id, and
    ModerationError for bad fields or a detection naming a label the policy lacks.
    """
    _identifier(post_id, "id")
    _identifier(author_id, "author_id")
    if not isinstance(text, str) or len(text) > MAX_TEXT:
        raise ModerationError(f"text: expected at most {MAX_TEXT} characters")
    url_list = _urls(urls)
    when = _created_at(created_at)
    detections = _dedupe(detector(text, list(url_list))) if detector else []
    try:
        with unit_of_work(sessions) as session:
            _require_account(session, author_id, "author_id")
            if repo.get_post(session, post_id) is not None:
                raise ConflictError(f"a post with id {post_id!r} already exists")
            row = repo.add_post(session, post_id=post_id, author_id=author_id, text=text,
                                urls=url_list, created_at=when)
            # A digest, not the text: the log is permanent, the post may have to be erased.
            audit.record(session, actor, "post.create", "post", post_id, after={
                "author_id": author_id, "urls": len(url_list),
                "text_sha256": hashlib.sha256(text.encode("utf-8")).hexdigest(),
            })
            labels = [
                apply_label(session, compiled, "post", post_id, label, policy,
                            f"detected by rule {rule_id}", None, LabelSource.RULE,
                            f"rule:{rule_id}", notify=notify)
                for label, policy, rule_id in detections
            ]
            return PostRecord.of(row, labels)
    except IntegrityError:
        raise ConflictError(f"a post with id {post_id!r} already exists") from None


def _dedupe(detections: Sequence[Detection]) -> list[Detection]:
    """One detection per label (the first rule that found it)."""
    seen: set[str] = set()
    out: list[Detection] = []
    for label, policy, rule_id in detections:
        if label not in seen:
            seen.add(label)
            out.append((label, policy, rule_id))
    return out


def create_follow(
    sessions: sessionmaker[Session], follower_id: str, followee_id: str, *,
    created_at: datetime | None = None, actor: str = PLATFORM,
) -> FollowRecord:
    """Record that ``follower_id`` follows ``followee_id``.

    Raises NotFoundError for an unknown account, ConflictError when already following,
    ModerationError for a self-follow.
    """
    if follower_id == followee_id:
        raise ModerationError("an account cannot follow itself")
    when = _created_at(created_at)
    try:
        with unit_of_work(sessions) as session:
            _require_account(session, follower_id, "follower_id")
            _require_account(session, followee_id, "followee_id")
            if repo.get_follow(session, follower_id, followee_id) is not None:
                raise ConflictError(f"{follower_id!r} already follows {followee_id!r}")
            row = repo.add_follow(session, follower_id, followee_id, when)
            audit.record(session, actor, "follow.create", "account", follower_id,
                         after={"followee_id": followee_id})
            return FollowRecord(row.follower_id, row.followee_id, row.created_at)
    except IntegrityError:
        raise ConflictError(f"{follower_id!r} already follows {followee_id!r}") from None


def remove_follow(
    sessions: sessionmaker[Session], follower_id: str, followee_id: str, *,
    actor: str = PLATFORM,
) -> None:
    """Stop ``follower_id`` following ``followee_id``; NotFoundError when it did not."""
    with unit_of_work(sessions) as session:
        if not repo.delete_follow(session, follower_id, followee_id):
            raise NotFoundError(f"{follower_id!r} does not follow {followee_id!r}")
        audit.record(session, actor, "follow.remove", "account", follower_id,
                     before={"followee_id": followee_id})

"""Seed the demo platform: accounts, follows, posts and a few labels, through the services.

Idempotent: whatever exists is left alone, so a second run changes nothing. A label the
seed applied once is never applied again, even after a moderator removed it.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from townsquare.bootstrap import App
from townsquare.services import content, labels
from townsquare.services.context import moderation_context
from townsquare.services.enforcement import detector, label_notifier
from townsquare.store import moderation as repo
from townsquare.store.moderation_tables import Account, Follow, Label, Post
from townsquare.store.tables import utcnow
from townsquare.web.demo_data import DemoData, account_id, demo_data

SEED_ACTOR = "demo-seed"
ACCOUNT_AGE = timedelta(days=400)
FOLLOW_AGE = timedelta(days=30)


@dataclass(frozen=True)
class SeedReport:
    """How many of each thing this run created (all zero on a second run)."""

    accounts: int = 0
    follows: int = 0
    posts: int = 0
    labels: int = 0


@dataclass
class _Existing:
    accounts: set[str]
    posts: set[str]
    follows: set[tuple[str, str]]
    seeded_labels: set[tuple[str, str, str]]  # (subject_type, subject_id, label), even removed


def _existing(sessions: sessionmaker[Session]) -> _Existing:
    with sessions() as session:
        return _Existing(
            accounts=set(session.scalars(select(Account.id))),
            posts=set(session.scalars(select(Post.id))),
            follows={(a, b) for a, b in session.execute(
                select(Follow.follower_id, Follow.followee_id))},
            seeded_labels={(t, s, n) for t, s, n in session.execute(
                select(Label.subject_type, Label.subject_id, Label.label)
                .where(Label.created_by == SEED_ACTOR))},
        )


def seed_demo(app: App, *, data: DemoData | None = None, now: datetime | None = None) -> SeedReport:
    """Create whatever of the demo content is missing; what this run created."""
    data = data or demo_data()
    now = now or utcnow()
    ctx = moderation_context(app)
    compiled = ctx.compiled
    have = _existing(app.sessions)
    made = {"accounts": 0, "follows": 0, "posts": 0, "labels": 0}

    for account in data.accounts:
        if account.id not in have.accounts:
            content.create_account(app.sessions, account.id, account.handle,
                                   high_profile=account.high_profile,
                                   sensitive_media_opt_in=account.sensitive_media_opt_in,
                                   created_at=now - ACCOUNT_AGE)
            made["accounts"] += 1

    for follower, followee in data.follows:
        pair = (account_id(follower), account_id(followee))
        if pair not in have.follows:
            content.create_follow(app.sessions, *pair, created_at=now - FOLLOW_AGE)
            made["follows"] += 1

    # Posts go through detection like any post the platform registers (rule labels).
    detect, notify = detector(ctx), label_notifier(ctx)
    for post in data.posts:
        if post.id not in have.posts:
            content.create_post(app.sessions, compiled, post.id, account_id(post.handle),
                                post.text, urls=post.urls,
                                created_at=now - timedelta(hours=post.hours_ago),
                                detector=detect, notify=notify)
            made["posts"] += 1

    for lab in data.labels:
        key = (lab.subject_type, lab.subject_id, lab.label)
        if key in have.seeded_labels or _carries(app.sessions, key, now):
            continue
        labels.add_label(app.sessions, compiled, lab.subject_type, lab.subject_id, lab.label,
                         lab.policy, lab.note, None, "human", SEED_ACTOR, notify=notify)
        made["labels"] += 1
    return SeedReport(**made)


def _carries(sessions: sessionmaker[Session], key: tuple[str, str, str], now: datetime) -> bool:
    """Whether someone else already put this label on the subject."""
    with sessions() as session:
        return repo.find_active_label(session, *key, now) is not None

"""Content use cases on SQLite and PostgreSQL: accounts, posts with rule labels, follows."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

import pytest
from sqlalchemy import func, select
from sqlalchemy.orm import Session, sessionmaker

from townsquare.moderation.model import ModerationError
from townsquare.moderation.verdicts import CompiledPolicy
from townsquare.policy_files import load_policy
from townsquare.services import content
from townsquare.services.errors import ConflictError, NotFoundError
from townsquare.services.labels import LabelRecord
from townsquare.store import moderation as repo
from townsquare.store.db import unit_of_work
from townsquare.store.moderation_tables import Account, ContentChange, Label, Post

T0 = datetime(2025, 3, 4, 5, 6, 7, tzinfo=UTC)


@pytest.fixture(scope="module")
def compiled() -> CompiledPolicy:
    return load_policy()


def count(sessions: sessionmaker[Session], model: Any) -> int:
    with unit_of_work(sessions) as session:
        return session.scalar(select(func.count()).select_from(model)) or 0


def test_accounts_posts_and_follows_are_stored_and_logged(
    session_factory: sessionmaker[Session], compiled: CompiledPolicy
) -> None:
    alice = content.create_account(session_factory, "alice", "alice_h", high_profile=True,
                                   created_at=T0)
    content.create_account(session_factory, "bob", "bob_h", sensitive_media_opt_in=True)
    post = content.create_post(session_factory, compiled, "p1", "alice", "Hello, town square.",
                               urls=["https://example.org/a"], created_at=T0)
    follow = content.create_follow(session_factory, "bob", "alice")

    assert alice == content.AccountRecord("alice", "alice_h", True, False, T0)
    assert post == content.PostRecord("p1", "alice", "Hello, town square.",
                                      ("https://example.org/a",), T0, ())
    assert (follow.follower_id, follow.followee_id) == ("bob", "alice")
    with unit_of_work(session_factory) as session:
        stored = repo.get_post(session, "p1")
        assert stored is not None and stored.urls == ["https://example.org/a"]
        assert stored.created_at == T0
        bob = repo.get_account(session, "bob")
        assert bob is not None and bob.sensitive_media_opt_in and not bob.high_profile
        kinds = [(c.kind, c.subject_id, c.other_id) for c in repo.content_changes_after(session, 0)]
    assert kinds == [("account", "alice", None), ("account", "bob", None),
                     ("post", "p1", "alice"), ("follow", "bob", "alice")]


def test_duplicates_are_conflicts_and_store_nothing(
    session_factory: sessionmaker[Session], compiled: CompiledPolicy
) -> None:
    content.create_account(session_factory, "alice", "alice_h")
    content.create_account(session_factory, "bob", "bob_h")
    content.create_post(session_factory, compiled, "p1", "alice", "first")
    content.create_follow(session_factory, "bob", "alice")
    changes = count(session_factory, ContentChange)

    with pytest.raises(ConflictError, match="id 'alice' already exists"):
        content.create_account(session_factory, "alice", "other_h")
    with pytest.raises(ConflictError, match="handle 'bob_h' is taken"):
        content.create_account(session_factory, "carol", "bob_h")
    with pytest.raises(ConflictError, match="post with id 'p1' already exists"):
        content.create_post(session_factory, compiled, "p1", "bob", "second")
    with pytest.raises(ConflictError, match="already follows"):
        content.create_follow(session_factory, "bob", "alice")

    assert count(session_factory, Account) == 2
    assert count(session_factory, ContentChange) == changes
    with unit_of_work(session_factory) as session:
        post = repo.get_post(session, "p1")
        assert post is not None and post.text == "first"


def test_unknown_accounts_are_not_found_and_bad_fields_are_refused(
    session_factory: sessionmaker[Session], compiled: CompiledPolicy
) -> None:
    content.create_account(session_factory, "alice", "alice_h")

    with pytest.raises(NotFoundError, match="author_id: no account with id 'ghost'"):
        content.create_post(session_factory, compiled, "p1", "ghost", "boo")
    with pytest.raises(NotFoundError, match="follower_id"):
        content.create_follow(session_factory, "ghost", "alice")
    with pytest.raises(NotFoundError, match="followee_id"):
        content.create_follow(session_factory, "alice", "ghost")
    with pytest.raises(NotFoundError, match="does not follow"):
        content.remove_follow(session_factory, "alice", "ghost")
    with pytest.raises(ModerationError, match="cannot follow itself"):
        content.create_follow(session_factory, "alice", "alice")
    with pytest.raises(ModerationError, match="spaces"):
        content.create_account(session_factory, "has space", "h")
    with pytest.raises(ModerationError, match="1 to 64"):
        content.create_account(session_factory, "x" * 65, "h")
    with pytest.raises(ModerationError, match="timezone"):
        content.create_post(session_factory, compiled, "p2", "alice", "t",
                            created_at=datetime(2025, 1, 1))
    with pytest.raises(ModerationError, match="not one string"):
        content.create_post(session_factory, compiled, "p2", "alice", "t",
                            urls="https://example.org")
    with pytest.raises(ModerationError, match="at most 100"):
        content.create_post(session_factory, compiled, "p2", "alice", "t",
                            urls=[f"https://example.org/{i}" for i in range(101)])

    assert count(session_factory, Post) == 0
    assert count(session_factory, Account) == 1


def test_detector_labels_are_stored_with_the_post_as_rule_labels(
    session_factory: sessionmaker[Session], compiled: CompiledPolicy
) -> None:
    content.create_account(session_factory, "alice", "alice_h")
    seen: list[tuple[str, list[str]]] = []
    notified: list[tuple[str, str]] = []

    def detector(text: str, urls: list[str]) -> list[tuple[str, str, str]]:
        seen.append((text, urls))
        return [("private_information", "privacy", "pii.email"),
                ("private_information", "privacy", "pii.phone"),
                ("spam", "platform_manipulation", "spam.keywords")]

    def notify(session: Session, label: LabelRecord, event: str) -> None:
        assert session.get(Label, label.id) is not None  # inside the label's transaction
        notified.append((label.label, event))

    post = content.create_post(session_factory, compiled, "p1", "alice", "mail me: a@b.example",
                               urls=["https://spam.example"], detector=detector, notify=notify)

    assert seen == [("mail me: a@b.example", ["https://spam.example"])]
    assert [(lab.label, lab.policy, lab.source, lab.created_by) for lab in post.labels] == [
        ("private_information", "privacy", "rule", "rule:pii.email"),
        ("spam", "platform_manipulation", "rule", "rule:spam.keywords"),
    ]
    assert notified == [("private_information", "added"), ("spam", "added")]
    with unit_of_work(session_factory) as session:
        assert [c.subject_id for c in repo.label_changes_after(session, 0)] == ["p1", "p1"]


def test_a_detection_the_policy_cannot_apply_stores_no_post(
    session_factory: sessionmaker[Session], compiled: CompiledPolicy
) -> None:
    content.create_account(session_factory, "alice", "alice_h")

    with pytest.raises(ModerationError, match="unknown label 'nonsense'"):
        content.create_post(session_factory, compiled, "p1", "alice", "x",
                            detector=lambda _t, _u: [("nonsense", "p", "r1")])
    with pytest.raises(ModerationError, match="applies to account"):
        content.create_post(session_factory, compiled, "p1", "alice", "x",
                            detector=lambda _t, _u: [("search_blacklist", "p", "r1")])

    assert count(session_factory, Post) == 0
    assert count(session_factory, Label) == 0


def test_follows_can_be_removed_and_preferences_changed(
    session_factory: sessionmaker[Session],
) -> None:
    content.create_account(session_factory, "alice", "alice_h")
    content.create_account(session_factory, "bob", "bob_h")
    content.create_follow(session_factory, "bob", "alice")

    content.remove_follow(session_factory, "bob", "alice")
    updated = content.set_sensitive_media_opt_in(session_factory, "bob", True)

    assert updated.sensitive_media_opt_in
    with unit_of_work(session_factory) as session:
        assert repo.get_follow(session, "bob", "alice") is None
        assert [c.kind for c in repo.content_changes_after(session, 3)] == ["follow", "account"]
    with pytest.raises(NotFoundError):
        content.set_sensitive_media_opt_in(session_factory, "ghost", True)

"""Label use cases on SQLite and PostgreSQL: add, remove, change log, hook, account status."""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest
from sqlalchemy import func, select
from sqlalchemy.orm import Session, sessionmaker

from townsquare.moderation.model import ModerationError
from townsquare.moderation.verdicts import CompiledPolicy
from townsquare.policy_files import load_policy
from townsquare.services import content, labels
from townsquare.services.errors import ConflictError, NotFoundError
from townsquare.services.labels import LabelRecord
from townsquare.store import moderation as repo
from townsquare.store.db import unit_of_work
from townsquare.store.moderation_tables import Label, LabelChange
from townsquare.store.tables import utcnow


@pytest.fixture(scope="module")
def compiled() -> CompiledPolicy:
    return load_policy()


@pytest.fixture
def sessions(
    session_factory: sessionmaker[Session], compiled: CompiledPolicy
) -> sessionmaker[Session]:
    content.create_account(session_factory, "alice", "alice_h")
    content.create_account(session_factory, "bob", "bob_h")
    content.create_post(session_factory, compiled, "p1", "alice", "one")
    content.create_post(session_factory, compiled, "p2", "alice", "two")
    content.create_post(session_factory, compiled, "p3", "bob", "three")
    return session_factory


def changes(sessions: sessionmaker[Session]) -> list[tuple[int, str, str]]:
    with unit_of_work(sessions) as session:
        return [(c.version, c.kind, c.subject_id) for c in repo.label_changes_after(session, 0)]


def test_adding_and_removing_a_label_logs_each_change(
    sessions: sessionmaker[Session], compiled: CompiledPolicy
) -> None:
    expires = utcnow() + timedelta(days=7)
    added = labels.add_label(sessions, compiled, "post", "p1", "do_not_amplify", "reach",
                             "borderline", expires, "human", "mod:ana")

    assert (added.subject_type, added.subject_id, added.label, added.policy) == (
        "post", "p1", "do_not_amplify", "reach")
    assert (added.source, added.note, added.created_by) == ("human", "borderline", "mod:ana")
    assert added.expires_at == expires and added.removed_at is None
    [(v1, kind, subject)] = changes(sessions)
    assert (kind, subject) == ("post", "p1")

    removed = labels.remove_label(sessions, added.id, "mod:ben")

    assert removed.removed_by == "mod:ben" and removed.removed_at is not None
    [_, (v2, kind, subject)] = changes(sessions)
    assert v2 > v1 and (kind, subject) == ("post", "p1")
    with unit_of_work(sessions) as session:
        row = session.get(Label, added.id)
        assert row is not None and row.removed_at is not None  # kept for the record
    with pytest.raises(NotFoundError, match="already removed"):
        labels.remove_label(sessions, added.id, "mod:ben")
    with pytest.raises(NotFoundError, match="no label with id 999"):
        labels.remove_label(sessions, 999, "mod:ben")
    assert len(changes(sessions)) == 2


def test_bad_labels_are_refused_and_log_nothing(
    sessions: sessionmaker[Session], compiled: CompiledPolicy
) -> None:
    def add(**changes: object) -> LabelRecord:
        fields: dict[str, object] = {"subject_type": "post", "subject_id": "p1",
                                     "label": "spam", "policy": "spam"}
        fields.update(changes)
        return labels.add_label(sessions, compiled, **fields)  # type: ignore[arg-type]

    with pytest.raises(NotFoundError, match="no post with id 'ghost'"):
        add(subject_id="ghost")
    with pytest.raises(NotFoundError, match="no account with id 'p1'"):
        add(subject_type="account", label="suspended")
    with pytest.raises(ModerationError, match="unknown label 'made_up'"):
        add(label="made_up")
    with pytest.raises(ModerationError, match="applies to account, not to a post"):
        add(label="search_blacklist")
    with pytest.raises(ModerationError, match="'user' is not 'post' or 'account'"):
        add(subject_type="user")
    with pytest.raises(ModerationError, match="not in the future"):
        add(expires_at=utcnow() - timedelta(seconds=1))
    with pytest.raises(ModerationError, match="timezone"):
        add(expires_at=datetime(2099, 1, 1))
    with pytest.raises(ModerationError, match="source"):
        add(source="oracle")
    with pytest.raises(ModerationError, match="policy: must not be empty"):
        add(policy=" ")

    assert changes(sessions) == []


def test_a_label_already_in_force_is_a_conflict_until_removed(
    sessions: sessionmaker[Session], compiled: CompiledPolicy
) -> None:
    first = labels.add_label(sessions, compiled, "account", "bob", "search_blacklist", "spam")

    with pytest.raises(ConflictError, match=f"label {first.id}"):
        labels.add_label(sessions, compiled, "account", "bob", "search_blacklist", "spam")
    labels.remove_label(sessions, first.id, "mod")
    again = labels.add_label(sessions, compiled, "account", "bob", "search_blacklist", "spam")

    assert again.id != first.id


def test_the_notify_hook_runs_inside_the_transaction(
    sessions: sessionmaker[Session], compiled: CompiledPolicy
) -> None:
    events: list[tuple[int, str]] = []

    def notify(session: Session, label: LabelRecord, event: str) -> None:
        assert session.scalar(select(func.count()).select_from(LabelChange)) == len(events) + 1
        events.append((label.id, event))

    added = labels.add_label(sessions, compiled, "post", "p1", "spam", "spam", notify=notify)
    labels.remove_label(sessions, added.id, "mod", notify=notify)
    assert events == [(added.id, "added"), (added.id, "removed")]

    def failing(_session: Session, _label: LabelRecord, _event: str) -> None:
        raise RuntimeError("notice could not be written")

    with pytest.raises(RuntimeError):
        labels.add_label(sessions, compiled, "post", "p2", "spam", "spam", notify=failing)
    assert len(changes(sessions)) == 2
    with unit_of_work(sessions) as session:
        assert repo.active_labels_of_subjects(session, "post", ["p2"], utcnow()) == []


def test_active_labels_lists_the_account_and_its_posts_in_force(
    sessions: sessionmaker[Session], compiled: CompiledPolicy
) -> None:
    now = utcnow()
    on_account = labels.add_label(sessions, compiled, "account", "alice", "do_not_amplify", "r")
    on_post = labels.add_label(sessions, compiled, "post", "p2", "hateful_conduct", "hate")
    brief = labels.add_label(sessions, compiled, "post", "p1", "spam", "spam",
                             expires_at=now + timedelta(hours=1))
    gone = labels.add_label(sessions, compiled, "post", "p1", "sensitive_media", "media")
    labels.remove_label(sessions, gone.id, "mod")
    labels.add_label(sessions, compiled, "post", "p3", "spam", "spam")  # bob's post

    with unit_of_work(sessions) as session:
        current = labels.active_labels(session, "alice")
        later = labels.active_labels(session, "alice", now + timedelta(hours=2))
        with pytest.raises(NotFoundError):
            labels.active_labels(session, "ghost")

    assert [lab.id for lab in current] == [on_account.id, on_post.id, brief.id]
    assert [lab.id for lab in later] == [on_account.id, on_post.id]
    assert current[0].safety_label().subject_id == "alice"

"""The hot-path label cache on SQLite and PostgreSQL: lazy expiry, and freshness across
workers (another engine in this process, and real second OS processes)."""

from __future__ import annotations

import multiprocessing
import random
import threading
import time
from collections.abc import Callable, Iterator
from datetime import datetime, timedelta
from typing import Any

import pytest
from sqlalchemy.exc import OperationalError
from sqlalchemy.orm import Session, sessionmaker

from townsquare.moderation.verdicts import CompiledPolicy
from townsquare.policy_files import load_policy
from townsquare.services import content, labels
from townsquare.services.label_cache import LabelCache
from townsquare.services.visibility import VisibilityRuntime
from townsquare.store import moderation as repo
from townsquare.store.db import make_engine, make_session_factory
from townsquare.store.tables import utcnow

POLL = 0.2
FRESH_WITHIN = 1.0


@pytest.fixture(scope="module")
def compiled() -> CompiledPolicy:
    return load_policy()


@pytest.fixture
def sessions(
    session_factory: sessionmaker[Session], compiled: CompiledPolicy
) -> sessionmaker[Session]:
    for account in ("alice", "bob", "carol"):
        content.create_account(session_factory, account, f"{account}_h")
    content.create_post(session_factory, compiled, "p1", "alice", "hello")
    return session_factory


@pytest.fixture
def other_worker(database_url: str) -> Iterator[sessionmaker[Session]]:
    """Sessions on an engine of their own, as another worker process would have."""
    engine = make_engine(database_url)
    yield make_session_factory(engine)
    engine.dispose()


def wait_for(condition: Callable[[], bool], timeout: float = 5.0) -> float:
    """Seconds until ``condition()`` held; fails after ``timeout``."""
    start = time.monotonic()
    while not condition():
        if time.monotonic() - start > timeout:
            raise AssertionError(f"not true within {timeout} s")
        time.sleep(0.005)
    return time.monotonic() - start


def action(rt: VisibilityRuntime, item: str, surface: str = "search_top",
           viewer: str | None = "carol", now: datetime | None = None) -> str:
    return rt.verdicts(surface, viewer, [item], now=now)[0].action


def test_labels_expire_at_evaluation_time_without_a_database_change(
    sessions: sessionmaker[Session], compiled: CompiledPolicy
) -> None:
    t = utcnow()
    clock = [t]
    labels.add_label(sessions, compiled, "post", "p1", "do_not_amplify", "reach",
                     expires_at=t + timedelta(seconds=1))
    labels.add_label(sessions, compiled, "account", "alice", "trends_blacklist", "spam",
                     expires_at=t + timedelta(seconds=3))
    cache = LabelCache(sessions, compiled, poll_interval=0, clock=lambda: clock[0]).start()
    rt = VisibilityRuntime(sessions, compiled, cache, clock=lambda: clock[0])
    versions = cache.versions

    assert action(rt, "p1") == "drop"
    assert action(rt, "p1", now=t + timedelta(milliseconds=500)) == "drop"
    assert action(rt, "p1", now=t + timedelta(milliseconds=1500)) == "allow"
    assert action(rt, "p1", "trends", now=t + timedelta(milliseconds=1500)) == "drop"
    clock[0] = t + timedelta(seconds=4)
    assert action(rt, "p1", "trends") == "allow"
    assert cache.post_labels("p1", clock[0]).labels == ()
    assert cache.versions == versions  # nothing was read from the database meanwhile
    assert not cache.running


def test_changes_made_by_another_worker_are_seen_within_a_second(
    sessions: sessionmaker[Session], other_worker: sessionmaker[Session],
    compiled: CompiledPolicy,
) -> None:
    rt = VisibilityRuntime(sessions, compiled, poll_interval=POLL)
    try:
        assert rt.cache.running
        content.create_post(other_worker, compiled, "p2", "alice", "new")
        assert wait_for(lambda: action(rt, "p2") == "allow") < FRESH_WITHIN

        content.create_follow(other_worker, "carol", "alice")
        assert wait_for(lambda: "alice" in rt.cache.followees("carol")) < FRESH_WITHIN

        added = labels.add_label(other_worker, compiled, "post", "p2", "do_not_amplify", "r")
        assert wait_for(lambda: action(rt, "p2") == "drop") < FRESH_WITHIN
        # carol follows alice now: notifications keep the post for followers only
        assert action(rt, "p2", "notifications") == "avoid_ads"
        assert action(rt, "p2", "notifications", viewer="bob") == "drop"

        labels.add_label(other_worker, compiled, "account", "alice", "search_blacklist", "r")
        assert wait_for(lambda: action(rt, "alice", "people_search") == "drop") < FRESH_WITHIN

        labels.remove_label(other_worker, added.id, "mod")
        assert wait_for(lambda: action(rt, "p2", "trends") == "allow") < FRESH_WITHIN

        content.set_sensitive_media_opt_in(other_worker, "bob", True)
        assert wait_for(lambda: rt.cache.sensitive_media_opt_in("bob")) < FRESH_WITHIN
        content.remove_follow(other_worker, "carol", "alice")
        assert wait_for(lambda: "alice" not in rt.cache.followees("carol")) < FRESH_WITHIN
    finally:
        rt.close()
    assert not rt.cache.running


class FlakySessions:
    """A session factory whose second to fourth sessions fail to connect."""

    def __init__(self, sessions: sessionmaker[Session]) -> None:
        self.sessions = sessions
        self.calls = 0

    def __call__(self) -> Session:
        self.calls += 1
        if 2 <= self.calls <= 4:
            raise OperationalError("connect", None, Exception("database went away"))
        return self.sessions()


def test_the_refresher_survives_database_errors(
    sessions: sessionmaker[Session], compiled: CompiledPolicy
) -> None:
    flaky: Any = FlakySessions(sessions)
    with LabelCache(flaky, compiled, poll_interval=0.02) as cache:
        wait_for(lambda: cache.last_error is not None)
        assert "database went away" in (cache.last_error or "")
        labels.add_label(sessions, compiled, "post", "p1", "spam", "spam")
        wait_for(lambda: cache.post_labels("p1", utcnow()).bits != 0)
        wait_for(lambda: cache.last_error is None)  # cleared just after the swap
        assert cache.running


def test_concurrent_writers_never_make_a_fast_poller_skip_a_change(
    sessions: sessionmaker[Session], other_worker: sessionmaker[Session],
    compiled: CompiledPolicy,
) -> None:
    posts = [f"q{i}" for i in range(40)]
    for post_id in posts:
        content.create_post(sessions, compiled, post_id, "bob", "text")

    def slow_commit(_session: Session, _label: object, _event: str) -> None:
        time.sleep(random.uniform(0, 0.01))  # widen the append-to-commit window

    def write(mine: list[str]) -> None:
        for post_id in mine:
            labels.add_label(other_worker, compiled, "post", post_id, "spam", "spam",
                             notify=slow_commit)

    with LabelCache(sessions, compiled, poll_interval=0.005) as cache:
        threads = [threading.Thread(target=write, args=(posts[i::4],)) for i in range(4)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        with sessions() as session:
            newest = repo.change_versions(session)
        wait_for(lambda: cache.versions >= newest)
        missing = [p for p in posts if not cache.post_labels(p, utcnow()).labels]
    assert missing == []


# --- real second OS processes (spawned, so nothing is inherited but arguments) --------


def _label_from_child(database_url: str, out: Any) -> None:
    engine = make_engine(database_url)
    try:
        sessions = make_session_factory(engine)
        labels.add_label(sessions, load_policy(), "post", "p1", "do_not_amplify", "reach",
                         actor="other-process")
        out.put(time.time())  # just after commit
    finally:
        engine.dispose()


def _worker_child(database_url: str, out: Any) -> None:
    engine = make_engine(database_url)
    rt = VisibilityRuntime(make_session_factory(engine), load_policy(), poll_interval=POLL)
    try:
        out.put(("ready", action(rt, "p1")))
        deadline = time.monotonic() + 20
        while action(rt, "p1") != "drop" and time.monotonic() < deadline:
            time.sleep(0.005)
        out.put(("seen", time.time(), action(rt, "p1")))
    finally:
        rt.close()
        engine.dispose()


def _spawn(target: Callable[..., None], *args: Any) -> tuple[Any, Any]:
    context = multiprocessing.get_context("spawn")
    queue = context.Queue()
    process = context.Process(target=target, args=(*args, queue), daemon=True)
    process.start()
    return process, queue


def test_a_label_added_by_another_process_reaches_this_cache_within_a_second(
    sessions: sessionmaker[Session], compiled: CompiledPolicy, database_url: str
) -> None:
    rt = VisibilityRuntime(sessions, compiled, poll_interval=POLL)
    try:
        assert action(rt, "p1") == "allow"
        process, queue = _spawn(_label_from_child, database_url)
        committed_at = queue.get(timeout=60)
        wait_for(lambda: action(rt, "p1") == "drop")
        lag = time.time() - committed_at
        process.join(timeout=30)
    finally:
        rt.close()
    assert process.exitcode == 0
    assert lag < FRESH_WITHIN


def test_a_worker_process_sees_a_label_added_here_within_a_second(
    sessions: sessionmaker[Session], compiled: CompiledPolicy, database_url: str
) -> None:
    process, queue = _spawn(_worker_child, database_url)
    try:
        assert queue.get(timeout=60) == ("ready", "allow")
        labels.add_label(sessions, compiled, "post", "p1", "do_not_amplify", "reach")
        committed_at = time.time()
        kind, seen_at, seen_action = queue.get(timeout=30)
        process.join(timeout=30)
    finally:
        if process.is_alive():
            process.kill()
    assert (kind, seen_action, process.exitcode) == ("seen", "drop", 0)
    assert seen_at - committed_at < FRESH_WITHIN

"""The audit log on SQLite and PostgreSQL: appends form one verifiable chain."""

from __future__ import annotations

from sqlalchemy.orm import Session, sessionmaker

from townsquare.audit import GENESIS
from townsquare.services import audit
from townsquare.staff.actor import system_actor
from townsquare.store.db import unit_of_work


def test_record_appends_linked_events_that_carry_who_what_and_the_request_id(
    session_factory: sessionmaker[Session],
) -> None:
    with unit_of_work(session_factory) as session:
        first = audit.record(session, "alice", "label.add", "post", "p1",
                             after={"label": "spam", "score": 0.5, "tags": ("a", "b")})
    with audit.request_id_scope("req-42"), unit_of_work(session_factory) as session:
        second = audit.record(session, system_actor("scheduler"), "label.remove", "post", 7,
                              before={"label": "spam"})

    assert (first.seq, first.prev_hash) == (1, GENESIS)
    assert (second.seq, second.prev_hash) == (2, first.hash)
    assert (second.actor, second.actor_kind, second.subject_id) == ("scheduler", "system", "7")
    assert second.request_id == "req-42" and first.request_id is None
    assert first.after == {"label": "spam", "score": 0.5, "tags": ["a", "b"]}
    with session_factory() as session:
        assert audit.head(session) == (2, second.hash)


def test_an_event_rolled_back_with_its_transaction_leaves_no_gap(
    session_factory: sessionmaker[Session],
) -> None:
    try:
        with unit_of_work(session_factory) as session:
            audit.record(session, "alice", "label.add", "post", "p1")
            raise RuntimeError("the change fails")
    except RuntimeError:
        pass
    with unit_of_work(session_factory) as session:
        event = audit.record(session, "alice", "label.add", "post", "p2")
    assert (event.seq, event.prev_hash) == (1, GENESIS)

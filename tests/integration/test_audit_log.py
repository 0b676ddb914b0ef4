"""The audit log on SQLite and PostgreSQL: appends form one chain, and editing, inserting or
deleting a row directly in SQL makes verification fail naming the event."""

from __future__ import annotations

import io
import threading
from datetime import timedelta
from typing import Any

import pytest
from sqlalchemy import Engine, delete, insert, select, update
from sqlalchemy.orm import Session, sessionmaker

from townsquare.audit import GENESIS, Anchor, AuditError, seal
from townsquare.policy_files import load_policy
from townsquare.services import audit, content, labels
from townsquare.staff.actor import Actor, Forbidden, Grant, system_actor
from townsquare.staff.permissions import permissions_of
from townsquare.store.audit_tables import AuditEvent
from townsquare.store.db import unit_of_work

AUDITOR = Actor("ada", "staff", (Grant("auditor", permissions_of("auditor")),))
# Documents of every JSON shape, so that both databases must store them exactly as hashed.
DOCUMENTS: list[Any] = [
    None, {"label": "spam", "score": 0.1, "n": 3}, {"nested": {"list": [1, 2.5, "x", None]}},
    {"text": "élection — 選挙 \"quoted\" \\ back"}, {"flag": True, "empty": {}, "big": 2**53 + 1},
]


def fill(sessions: sessionmaker[Session], n: int) -> list[audit.Event]:
    events = []
    for i in range(n):
        with unit_of_work(sessions) as session:
            events.append(audit.record(
                session, f"mod{i % 3}", "label.add", "post", f"p{i}",
                before=DOCUMENTS[i % len(DOCUMENTS)], after=DOCUMENTS[(i + 1) % len(DOCUMENTS)],
            ))
    return events


def run(engine: Engine, statement: Any) -> None:
    with engine.begin() as conn:
        conn.execute(statement)


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
    with pytest.raises(RuntimeError), unit_of_work(session_factory) as session:
        audit.record(session, "alice", "label.add", "post", "p1")
        raise RuntimeError("the change fails")
    with unit_of_work(session_factory) as session:
        event = audit.record(session, "alice", "label.add", "post", "p2")
    assert (event.seq, event.prev_hash) == (1, GENESIS)


def test_an_untouched_log_verifies_and_verifying_records_itself_without_breaking_it(
    session_factory: sessionmaker[Session],
) -> None:
    fill(session_factory, 12)

    first = audit.verify_log(session_factory, AUDITOR)
    second = audit.verify_log(session_factory, AUDITOR)

    assert first.ok and first.checked == 12
    assert second.ok and second.checked == 13  # the first verification's own event
    with session_factory() as session:
        newest = session.execute(select(AuditEvent).where(AuditEvent.seq == 13)).scalar_one()
    assert (newest.action, newest.actor, newest.after["ok"]) == ("audit.verify", "ada", True)


@pytest.mark.parametrize(("column", "value"), [
    ("actor", "mallory"), ("action", "label.remove"), ("subject_id", "p999"),
    ("after", {"label": "spam", "score": 0.2, "n": 3}), ("before", None),
    ("request_id", "req-forged"), ("actor_kind", "system"),
])
def test_editing_any_column_of_a_row_is_caught_at_that_event(
    session_factory: sessionmaker[Session], engine: Engine, column: str, value: Any,
) -> None:
    fill(session_factory, 8)
    run(engine, update(AuditEvent.__table__).where(AuditEvent.seq == 5).values({column: value}))

    verdict = audit.verify_log(session_factory, AUDITOR)

    assert not verdict.ok
    assert (verdict.bad_seq, verdict.problem, verdict.checked) == (5, "edited", 4)
    assert verdict.reason is not None and verdict.reason.startswith("event 5:")


def test_editing_the_time_of_an_event_is_caught(
    session_factory: sessionmaker[Session], engine: Engine,
) -> None:
    events = fill(session_factory, 4)
    earlier = events[1].at - timedelta(microseconds=1)
    run(engine, update(AuditEvent.__table__).where(AuditEvent.seq == 2).values(at=earlier))

    verdict = audit.verify_log(session_factory, AUDITOR)

    assert (verdict.ok, verdict.bad_seq, verdict.problem) == (False, 2, "edited")


def test_an_edit_with_a_recomputed_hash_is_caught_at_the_next_event(
    session_factory: sessionmaker[Session], engine: Engine,
) -> None:
    events = fill(session_factory, 6)
    original = events[2]
    forged = seal(seq=3, at=original.at, actor="mallory", actor_kind=original.actor_kind,
                  action=original.action, subject_type=original.subject_type,
                  subject_id=original.subject_id, before=original.before, after=original.after,
                  request_id=None, prev_hash=original.prev_hash)
    run(engine, update(AuditEvent.__table__).where(AuditEvent.seq == 3)
        .values(actor="mallory", request_id=None, hash=forged.hash))

    verdict = audit.verify_log(session_factory, AUDITOR)

    assert (verdict.ok, verdict.bad_seq, verdict.problem) == (False, 4, "inserted_or_deleted")


def test_deleting_a_row_in_the_middle_is_caught_at_the_event_after_it(
    session_factory: sessionmaker[Session], engine: Engine,
) -> None:
    fill(session_factory, 7)
    run(engine, delete(AuditEvent.__table__).where(AuditEvent.seq == 4))

    verdict = audit.verify_log(session_factory, AUDITOR)

    assert (verdict.ok, verdict.bad_seq, verdict.problem) == (False, 5, "inserted_or_deleted")
    assert "deleted" in (verdict.reason or "")


def test_deleting_the_first_row_is_caught(
    session_factory: sessionmaker[Session], engine: Engine,
) -> None:
    fill(session_factory, 3)
    run(engine, delete(AuditEvent.__table__).where(AuditEvent.seq == 1))

    verdict = audit.verify_log(session_factory, AUDITOR)

    assert (verdict.ok, verdict.bad_seq) == (False, 2)


def test_a_row_inserted_in_the_middle_is_caught(
    session_factory: sessionmaker[Session], engine: Engine,
) -> None:
    events = fill(session_factory, 6)
    # Make room at seq 4 (two steps: a primary key cannot pass through itself), then forge.
    run(engine, update(AuditEvent.__table__).where(AuditEvent.seq >= 4)
        .values(seq=-AuditEvent.seq))
    run(engine, update(AuditEvent.__table__).where(AuditEvent.seq < 0)
        .values(seq=1 - AuditEvent.seq))
    forged = seal(seq=4, at=events[2].at, actor="mallory", actor_kind="staff",
                  action="label.remove", subject_type="post", subject_id="p1", before=None,
                  after=None, request_id=None, prev_hash="f" * 64)
    run(engine, insert(AuditEvent.__table__).values(forged.to_dict()
                                                     | {"at": forged.at}))

    verdict = audit.verify_log(session_factory, AUDITOR)

    assert (verdict.ok, verdict.bad_seq, verdict.problem) == (False, 4, "inserted_or_deleted")


def test_a_forged_row_appended_at_the_end_is_caught(
    session_factory: sessionmaker[Session], engine: Engine,
) -> None:
    events = fill(session_factory, 3)
    run(engine, insert(AuditEvent.__table__).values(
        seq=4, at=events[-1].at, actor="mallory", actor_kind="staff", action="label.remove",
        subject_type="post", subject_id="p1", before=None, after=None, request_id=None,
        prev_hash=events[-1].hash, hash="0" * 63 + "1",
    ))

    verdict = audit.verify_log(session_factory, AUDITOR)

    assert (verdict.ok, verdict.bad_seq, verdict.problem) == (False, 4, "edited")


def test_deleting_the_newest_rows_is_caught_only_against_a_head_kept_earlier(
    session_factory: sessionmaker[Session], engine: Engine,
) -> None:
    events = fill(session_factory, 5)
    kept = Anchor(events[-1].seq, events[-1].hash)
    run(engine, delete(AuditEvent.__table__).where(AuditEvent.seq >= 4))

    alone = audit.verify_log(session_factory, AUDITOR)
    anchored = audit.verify_log(session_factory, AUDITOR, anchor=kept)

    assert alone.ok  # a chain cannot know its own tail was cut: see docs/audit.md
    assert (anchored.ok, anchored.bad_seq, anchored.problem) == (False, 5, "truncated")


def test_a_chain_recomputed_from_some_point_on_is_caught_against_a_head_kept_earlier(
    session_factory: sessionmaker[Session], engine: Engine,
) -> None:
    events = fill(session_factory, 4)
    kept = Anchor(events[-1].seq, events[-1].hash)
    run(engine, delete(AuditEvent.__table__).where(AuditEvent.seq >= 2))
    with unit_of_work(session_factory) as session:  # a rewritten history, hashed correctly
        for i in range(3):
            audit.record(session, "mallory", "label.add", "post", f"x{i}")

    verdict = audit.verify_log(session_factory, AUDITOR, anchor=kept)

    assert (verdict.ok, verdict.bad_seq, verdict.problem) == (False, 4, "anchor")


def test_concurrent_appends_from_eight_threads_form_one_valid_chain(
    session_factory: sessionmaker[Session],
) -> None:
    per_thread, threads = 15, 8
    failures: list[BaseException] = []
    start = threading.Barrier(threads)

    def append(worker: int) -> None:
        try:
            start.wait()
            for i in range(per_thread):
                with unit_of_work(session_factory) as session:
                    audit.record(session, f"w{worker}", "label.add", "post", f"{worker}-{i}")
        except BaseException as exc:  # reported by the assertion below
            failures.append(exc)

    workers = [threading.Thread(target=append, args=(w,)) for w in range(threads)]
    for w in workers:
        w.start()
    for w in workers:
        w.join()

    assert failures == []
    verdict = audit.verify_log(session_factory, AUDITOR)
    assert verdict.ok and verdict.checked == per_thread * threads
    with session_factory() as session:
        seqs = session.scalars(select(AuditEvent.seq).order_by(AuditEvent.seq)).all()
    assert seqs == list(range(1, per_thread * threads + 2))  # + the verification's event


def test_an_export_verifies_on_its_own_and_an_edited_export_does_not(
    session_factory: sessionmaker[Session],
) -> None:
    fill(session_factory, 6)
    sink = io.StringIO()
    summary = audit.export(session_factory, AUDITOR, sink)
    lines = sink.getvalue().splitlines()

    assert summary.events == 6 and len(lines) == 6
    assert audit.verify_events(_parse(lines)).ok
    edited = [lines[0], lines[1], lines[2].replace('"mod2"', '"mod1"'), *lines[3:]]
    verdict = audit.verify_events(_parse(edited))
    assert (verdict.ok, verdict.bad_seq, verdict.problem) == (False, 3, "edited")
    dropped = lines[:3] + lines[4:]
    assert audit.verify_events(_parse(dropped)).bad_seq == 5


def test_an_export_of_a_time_range_is_a_verifiable_run_of_the_chain(
    session_factory: sessionmaker[Session],
) -> None:
    events = fill(session_factory, 6)
    sink = io.StringIO()
    summary = audit.export(session_factory, AUDITOR, sink, since=events[2].at,
                           until=events[4].at)
    lines = sink.getvalue().splitlines()

    assert (summary.events, summary.first_seq, summary.head) == (
        2, 3, Anchor(4, events[3].hash))
    verdict = audit.verify_events(_parse(lines))
    assert verdict.ok and verdict.checked == 2
    # The first line must chain from the genesis when it claims to be the log's first event.
    renumbered = audit.verify_events(_parse([
        lines[0].replace('"seq":3', '"seq":1')]))
    assert not renumbered.ok


def test_export_refuses_a_backwards_range_and_readers_need_audit_read(
    session_factory: sessionmaker[Session],
) -> None:
    events = fill(session_factory, 2)
    with pytest.raises(AuditError, match="since must be before until"):
        audit.export(session_factory, AUDITOR, io.StringIO(), since=events[1].at,
                     until=events[0].at)
    moderator = Actor("mo", "staff", (Grant("moderator", permissions_of("moderator")),))
    with pytest.raises(Forbidden):
        audit.verify_log(session_factory, moderator)
    with pytest.raises(Forbidden):
        audit.list_events(session_factory, moderator)
    with session_factory() as session:
        assert audit.head(session)[0] == 2  # nothing recorded for refused calls


def test_list_filters_and_pages_newest_first(session_factory: sessionmaker[Session]) -> None:
    fill(session_factory, 9)  # actors mod0, mod1, mod2 in turn

    page = audit.list_events(session_factory, AUDITOR, audit.EventFilter(actor="mod1"),
                             limit=2)
    rest = audit.list_events(session_factory, AUDITOR, audit.EventFilter(actor="mod1"),
                             before=page.next_cursor, limit=2)
    forwards = audit.list_events(session_factory, AUDITOR, after=7, limit=5)

    assert [e.seq for e in page.events] == [8, 5] and page.next_cursor == 5
    assert [e.seq for e in rest.events] == [2] and rest.next_cursor is None
    assert [e.seq for e in forwards.events] == [8, 9, 10, 11]  # 10, 11: the two lists above
    assert [e.action for e in forwards.events[2:]] == ["audit.list", "audit.list"]


def test_the_moderation_services_record_what_they_change(
    session_factory: sessionmaker[Session],
) -> None:
    compiled = load_policy()
    content.create_account(session_factory, "a1", "alice", actor="platform-svc")
    content.create_post(session_factory, compiled, "p1", "a1", "hello", actor="platform-svc")
    label = labels.add_label(session_factory, compiled, "post", "p1", "do_not_amplify",
                             "civic_integrity", actor="mo")
    labels.remove_label(session_factory, label.id, "senior")

    with session_factory() as session:
        rows = [(e.actor, e.action, e.subject_type, e.subject_id) for e in audit.walk(session)]
    assert rows == [
        ("platform-svc", "account.create", "account", "a1"),
        ("platform-svc", "post.create", "post", "p1"),
        ("mo", "label.add", "post", "p1"),
        ("senior", "label.remove", "post", "p1"),
    ]
    assert audit.verify_log(session_factory, AUDITOR).ok


def _parse(lines: list[str]) -> Any:
    import json

    from townsquare.audit import event_from_dict

    return iter([event_from_dict(json.loads(line)) for line in lines])

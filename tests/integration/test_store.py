"""The store on SQLite and PostgreSQL: schema, memos at scale, leak lookup, traces."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import Engine, func, inspect, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session, sessionmaker

from townsquare.store import memos
from townsquare.store.db import (
    SCHEMA_HEAD,
    SQLITE_BUSY_TIMEOUT_MS,
    make_engine,
    unit_of_work,
    upgrade,
)
from townsquare.store.tables import Base, Memo, MemoRecipient, MemoShingle

T0 = datetime(2025, 1, 2, 3, 4, 5, tzinfo=UTC)


def recipients(n: int) -> list[memos.RecipientRow]:
    return [
        memos.RecipientRow(i, f"r{i:07d}", f"Person {i}", f"p{i}@example.org", f"{i:064x}")
        for i in range(n)
    ]


def memo_fields(memo_id: str, **changes: Any) -> dict[str, Any]:
    fields: dict[str, Any] = {
        "memo_id": memo_id,
        "title": f"Memo {memo_id}",
        "filename": f"{memo_id}.md",
        "extension": ".md",
        "language": "en",
        "channels": ["spacing", "typography"],
        "canonical_text": "First sentence.  Second sentence.",
        "layout": {"slots": [{"offset": 15, "channel": "spacing"}], "version": 1},
        "slot_count": 1,
        "key_check": "0123456789abcdef",
        "recipients": recipients(3),
        "shingles": {1: 1, 2: 1},
        "created_at": T0,
    }
    fields.update(changes)
    return fields


def count(session: Session, model: type[MemoRecipient | MemoShingle], memo_id: str) -> int:
    stmt = select(func.count()).select_from(model).where(model.memo_id == memo_id)
    return session.scalar(stmt) or 0


def test_migrations_create_the_schema_the_models_describe(engine: Engine) -> None:
    assert set(inspect(engine).get_table_names()) >= {
        "memos",
        "memo_recipients",
        "memo_shingles",
        "traces",
        "alembic_version",
    }
    with engine.connect() as conn:
        context = MigrationContext.configure(conn, opts={"compare_type": True})
        assert compare_metadata(context, Base.metadata) == []


def test_upgrading_twice_changes_nothing(engine: Engine) -> None:
    upgrade(engine)

    with engine.connect() as conn:
        assert MigrationContext.configure(conn).get_current_revision() == SCHEMA_HEAD


def test_sqlite_engine_creates_its_directory_and_uses_wal(tmp_path: Path) -> None:
    engine = make_engine(f"sqlite:///{tmp_path}/new/dir/db.sqlite3")
    try:
        with engine.connect() as conn:
            assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
            assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
            assert conn.exec_driver_sql("PRAGMA busy_timeout").scalar() == SQLITE_BUSY_TIMEOUT_MS
        assert (tmp_path / "new" / "dir" / "db.sqlite3").exists()
    finally:
        engine.dispose()


def test_a_stored_memo_reads_back_whole(session_factory: sessionmaker[Session]) -> None:
    with unit_of_work(session_factory) as session:
        memos.add_memo(session, **memo_fields("m_abc"))

    with unit_of_work(session_factory) as session:
        memo = memos.get_memo(session, "m_abc")
        assert memo is not None
        assert memo.channels == ["spacing", "typography"]
        assert memo.layout == {"slots": [{"offset": 15, "channel": "spacing"}], "version": 1}
        assert memo.canonical_text == "First sentence.  Second sentence."
        assert memo.recipient_count == 3
        assert memo.created_at == T0
        assert memo.created_at.tzinfo is not None
        assert memos.get_memo(session, "m_missing") is None


def test_list_memos_is_newest_first(session_factory: sessionmaker[Session]) -> None:
    with unit_of_work(session_factory) as session:
        memos.add_memo(session, **memo_fields("m_old", created_at=T0))
        memos.add_memo(session, **memo_fields("m_new", created_at=T0 + timedelta(hours=1)))

    with unit_of_work(session_factory) as session:
        listed = memos.list_memos(session)

    assert [m.id for m in listed] == ["m_new", "m_old"]
    assert listed[0] == ("m_new", "Memo m_new", "en", 3, T0 + timedelta(hours=1))


def test_many_recipients_are_stored_and_read_back_by_position(
    session_factory: sessionmaker[Session],
) -> None:
    people = recipients(20_000)
    with unit_of_work(session_factory) as session:
        memos.add_memo(session, **memo_fields("m_big", recipients=people))

    with unit_of_work(session_factory) as session:
        found = memos.recipients_at(session, "m_big", [0, 7, 12_345, 19_999, 20_000])
        assert count(session, MemoRecipient, "m_big") == 20_000

    assert found == {p: people[p] for p in (0, 7, 12_345, 19_999)}


def test_a_duplicate_recipient_id_stores_nothing(session_factory: sessionmaker[Session]) -> None:
    people = recipients(5)
    people[4] = people[4]._replace(recipient_id=people[1].recipient_id)

    with (
        pytest.raises(IntegrityError),
        unit_of_work(session_factory) as session,
    ):
        memos.add_memo(session, **memo_fields("m_dup", recipients=people))

    with unit_of_work(session_factory) as session:
        assert memos.get_memo(session, "m_dup") is None
        assert count(session, MemoRecipient, "m_dup") == 0
        assert count(session, MemoShingle, "m_dup") == 0


def test_positions_outside_the_recipient_range_are_refused(
    session_factory: sessionmaker[Session],
) -> None:
    people = [memos.RecipientRow(5, "a", "A", "a@example.org", "0" * 64)]

    with pytest.raises(ValueError, match="positions"), unit_of_work(session_factory) as session:
        memos.add_memo(session, **memo_fields("m_bad", recipients=people))


def test_candidate_memos_ranks_the_memo_sharing_most_shingles_first(
    session_factory: sessionmaker[Session],
) -> None:
    big = -(2**63)  # shingles are signed 64-bit hashes: the extremes must round-trip
    with unit_of_work(session_factory) as session:
        memos.add_memo(session, **memo_fields("m_a", shingles={1: 1, 2: 1, 3: 2}))
        memos.add_memo(session, **memo_fields("m_b", shingles={3: 1, 4: 1, big: 1, 2**63 - 1: 1}))
        memos.add_memo(session, **memo_fields("m_c", shingles={99: 1}))

    leak = [3, 4, big, 2**63 - 1, 1, 1000, *range(10_000, 12_000)]
    with unit_of_work(session_factory) as session:
        ranked = memos.candidate_memos(session, leak)
        assert memos.candidate_memos(session, leak, limit=1) == [("m_b", 4)]
        assert memos.candidate_memos(session, [123456]) == []

    assert ranked == [("m_b", 4), ("m_a", 2)]


def test_deleting_a_memo_deletes_its_recipients_and_shingles_and_unlinks_traces(
    session_factory: sessionmaker[Session],
) -> None:
    with unit_of_work(session_factory) as session:
        memos.add_memo(session, **memo_fields("m_gone"))
        memos.add_memo(session, **memo_fields("m_kept"))
        trace = memos.add_trace(
            session,
            memo_id="m_gone",
            source_kind="text",
            source_sha256="f" * 64,
            verdict="accused",
            result={"accused": ["r0000001"]},
        )
        trace_id = trace.id

    with unit_of_work(session_factory) as session:
        assert memos.delete_memo(session, "m_gone") is True
        assert memos.delete_memo(session, "m_gone") is False

    with unit_of_work(session_factory) as session:
        assert session.get(Memo, "m_gone") is None
        assert count(session, MemoRecipient, "m_gone") == 0
        assert count(session, MemoShingle, "m_gone") == 0
        assert count(session, MemoRecipient, "m_kept") == 3
        assert count(session, MemoShingle, "m_kept") == 2
        [kept_trace] = memos.list_traces(session)
        assert (kept_trace.id, kept_trace.memo_id) == (trace_id, None)


def test_traces_are_listed_newest_first_and_by_memo(session_factory: sessionmaker[Session]) -> None:
    with unit_of_work(session_factory) as session:
        memos.add_memo(session, **memo_fields("m_a"))
        for i, memo_id in enumerate(["m_a", None, "m_a"]):
            memos.add_trace(
                session,
                memo_id=memo_id,
                source_kind="image" if memo_id is None else "text",
                source_sha256=f"{i:064x}",
                verdict="inconclusive",
                result={"n": i, "notes": ["é", "«»"]},
                created_at=T0 + timedelta(minutes=i),
            )

    with unit_of_work(session_factory) as session:
        everything = memos.list_traces(session)
        of_a = memos.list_traces(session, memo_id="m_a")

    assert [t.result["n"] for t in everything] == [2, 1, 0]
    assert [t.result["n"] for t in of_a] == [2, 0]
    assert everything[0].created_at == T0 + timedelta(minutes=2)
    assert everything[1].result["notes"] == ["é", "«»"]


def test_schema_head_constant_matches_alembic(engine) -> None:  # type: ignore[no-untyped-def]
    from alembic.script import ScriptDirectory

    from townsquare.store.db import SCHEMA_HEAD, alembic_config, is_current

    assert ScriptDirectory.from_config(alembic_config()).get_current_head() == SCHEMA_HEAD
    assert is_current(engine)

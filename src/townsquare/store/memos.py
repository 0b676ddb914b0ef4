"""Memo and trace repository: plain functions over a Session.

Recipient lists can hold a million rows, so writes go through Core bulk
inserts in chunks and reads only ever fetch the rows asked for.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Iterator, Mapping, Sequence
from datetime import datetime
from itertools import islice
from typing import Any, NamedTuple, TypeVar, cast

from sqlalchemy import Connection, CursorResult, Table, delete, func, insert, select
from sqlalchemy.exc import DBAPIError, IntegrityError
from sqlalchemy.orm import Session

from townsquare.store.tables import Memo, MemoRecipient, MemoShingle, Trace, utcnow

INSERT_CHUNK = 10_000
# Well under SQLite's (32,766) and PostgreSQL's (65,535) bound-parameter limits.
IN_LIST_CHUNK = 900

_T = TypeVar("_T")


class RecipientRow(NamedTuple):
    position: int
    recipient_id: str
    name: str
    email: str
    copy_sha256: str


class MemoSummary(NamedTuple):
    id: str
    title: str
    language: str
    recipient_count: int
    created_at: datetime


def _table(model: type[Any]) -> Table:
    return cast(Table, model.__table__)


def _chunks(items: Iterable[_T], size: int) -> Iterator[list[_T]]:
    iterator = iter(items)
    while chunk := list(islice(iterator, size)):
        yield chunk


def _bulk_insert(
    session: Session, table: Table, columns: Sequence[str], rows: Iterable[tuple[Any, ...]]
) -> None:
    """Insert many rows in the session's transaction: COPY on PostgreSQL (twice as fast
    as batched INSERTs at a million rows), chunked executemany elsewhere."""
    connection = session.connection()
    if connection.dialect.name == "postgresql" and connection.dialect.driver == "psycopg":
        _copy_rows(connection, table, columns, rows)
        return
    for chunk in _chunks(rows, INSERT_CHUNK):
        session.execute(insert(table), [dict(zip(columns, row, strict=True)) for row in chunk])


def _copy_rows(
    connection: Connection, table: Table, columns: Sequence[str], rows: Iterable[tuple[Any, ...]]
) -> None:
    import psycopg  # only reached on PostgreSQL

    quote = connection.dialect.identifier_preparer
    sql = (
        f"COPY {quote.format_table(table)} ({', '.join(quote.quote(c) for c in columns)}) "
        "FROM STDIN"
    )
    driver_connection: Any = connection.connection.driver_connection
    try:
        with driver_connection.cursor() as cursor, cursor.copy(sql) as copy:
            for row in rows:
                copy.write_row(row)
    except psycopg.IntegrityError as exc:
        raise IntegrityError(sql, None, exc) from exc
    except psycopg.Error as exc:
        raise DBAPIError(sql, None, exc) from exc


def add_memo(
    session: Session,
    *,
    memo_id: str,
    title: str,
    filename: str,
    extension: str,
    language: str,
    channels: Sequence[str],
    canonical_text: str,
    layout: Mapping[str, Any],
    slot_count: int,
    key_check: str,
    recipients: Sequence[tuple[int, str, str, str, str]],
    shingles: Mapping[int, int],
    created_at: datetime | None = None,
) -> Memo:
    """Store a memo with its recipients (position, recipient_id, name, email, copy_sha256)
    and shingle counts. Flushes, but commits nothing: the caller's unit of work does.

    Raises ValueError when positions are not exactly 0..n-1 (duplicates surface as
    IntegrityError, as do duplicate recipient ids).
    """
    count = len(recipients)
    if any(not 0 <= row[0] < count for row in recipients):
        raise ValueError(f"recipient positions must be 0..{count - 1}")
    now = created_at or utcnow()
    memo = Memo(
        id=memo_id,
        title=title,
        filename=filename,
        extension=extension,
        language=language,
        channels=list(channels),
        canonical_text=canonical_text,
        layout=dict(layout),
        recipient_count=count,
        slot_count=slot_count,
        key_check=key_check,
        created_at=now,
    )
    session.add(memo)
    session.flush()
    _bulk_insert(
        session,
        _table(MemoRecipient),
        ("memo_id", "position", "recipient_id", "name", "email", "copy_sha256", "created_at"),
        ((memo_id, *row, now) for row in recipients),
    )
    _bulk_insert(
        session,
        _table(MemoShingle),
        ("memo_id", "shingle", "count"),
        ((memo_id, shingle, n) for shingle, n in shingles.items()),
    )
    return memo


def get_memo(session: Session, memo_id: str) -> Memo | None:
    """The memo, or None when no memo has this id."""
    return session.get(Memo, memo_id)


def list_memos(session: Session) -> list[MemoSummary]:
    """Every memo, newest first, without the heavy text and layout columns."""
    stmt = select(
        Memo.id, Memo.title, Memo.language, Memo.recipient_count, Memo.created_at
    ).order_by(Memo.created_at.desc(), Memo.id.desc())
    return [MemoSummary(*row) for row in session.execute(stmt)]


def delete_memo(session: Session, memo_id: str) -> bool:
    """Delete a memo; its recipients and shingles go with it, its traces keep no link.

    Returns whether a memo was deleted.
    """
    result = session.execute(delete(Memo).where(Memo.id == memo_id))
    return cast(CursorResult[Any], result).rowcount > 0


def recipients_at(
    session: Session, memo_id: str, positions: Iterable[int]
) -> dict[int, RecipientRow]:
    """The recipients at the requested positions (absent positions are left out)."""
    found: dict[int, RecipientRow] = {}
    for chunk in _chunks(sorted(set(positions)), IN_LIST_CHUNK):
        stmt = select(
            MemoRecipient.position,
            MemoRecipient.recipient_id,
            MemoRecipient.name,
            MemoRecipient.email,
            MemoRecipient.copy_sha256,
        ).where(MemoRecipient.memo_id == memo_id, MemoRecipient.position.in_(chunk))
        for row in session.execute(stmt):
            found[row.position] = RecipientRow(*row)
    return found


def candidate_memos(
    session: Session, shingles: Iterable[int], limit: int = 5
) -> list[tuple[str, int]]:
    """Memos sharing shingles with a leak: (memo_id, distinct shared shingles), best first."""
    hits: Counter[str] = Counter()
    for chunk in _chunks(sorted(set(shingles)), IN_LIST_CHUNK):
        stmt = (
            select(MemoShingle.memo_id, func.count())
            .where(MemoShingle.shingle.in_(chunk))
            .group_by(MemoShingle.memo_id)
        )
        for memo_id, n in session.execute(stmt):
            hits[memo_id] += n
    ranked = sorted(hits.items(), key=lambda item: (-item[1], item[0]))
    return ranked[:limit]


def add_trace(
    session: Session,
    *,
    memo_id: str | None,
    source_kind: str,
    source_sha256: str,
    verdict: str,
    result: Mapping[str, Any],
    created_at: datetime | None = None,
) -> Trace:
    """Record one tracing run; the returned row has its id assigned."""
    trace = Trace(
        memo_id=memo_id,
        source_kind=source_kind,
        source_sha256=source_sha256,
        verdict=verdict,
        result=dict(result),
        created_at=created_at or utcnow(),
    )
    session.add(trace)
    session.flush()
    return trace


def list_traces(session: Session, memo_id: str | None = None) -> list[Trace]:
    """Traces, newest first; only those of one memo when ``memo_id`` is given."""
    stmt = select(Trace).order_by(Trace.created_at.desc(), Trace.id.desc())
    if memo_id is not None:
        stmt = stmt.where(Trace.memo_id == memo_id)
    return list(session.scalars(stmt))

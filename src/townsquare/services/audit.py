"""Appending to the audit log, reading it back, verifying and exporting its hash chain.

:func:`record` appends in the caller's transaction, so an event exists exactly when the change
it describes was committed. Appends are serialised (an advisory lock on PostgreSQL, the write
lock on SQLite) so that concurrent transactions extend one chain instead of forking it.
Reading, verifying and exporting the log are tool use too: each appends an event of its own,
after its walk, so verifying never trips over its own event.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import IO, Any

from sqlalchemy import Select, func, insert, select, text
from sqlalchemy.orm import Session, sessionmaker

from townsquare.audit import (
    GENESIS,
    Anchor,
    AuditError,
    Event,
    Verdict,
    canonical,
    event_from_dict,
    seal,
    verify,
)
from townsquare.staff.actor import Actor
from townsquare.staff.permissions import Permission
from townsquare.store.audit_tables import AuditEvent
from townsquare.store.db import unit_of_work
from townsquare.store.tables import utcnow

MAX_PAGE = 1000
_BATCH = 2000  # events per query while walking the chain

# pg_advisory_xact_lock key of the audit chain ("tsqaudit" as a big-endian integer).
AUDIT_CHAIN_LOCK = 0x7473716175646974

# The id of the HTTP request being served (set by the API's middleware), recorded with events.
REQUEST_ID: ContextVar[str | None] = ContextVar("townsquare_request_id", default=None)


@contextmanager
def request_id_scope(request_id: str | None) -> Iterator[None]:
    """Events recorded inside the block carry ``request_id``."""
    token = REQUEST_ID.set(request_id)
    try:
        yield
    finally:
        REQUEST_ID.reset(token)


def _lock_chain(session: Session) -> None:
    if session.get_bind().dialect.name == "postgresql":
        session.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": AUDIT_CHAIN_LOCK})
    else:
        # A write that matches nothing still takes SQLite's write lock (waiting for the busy
        # timeout), so the head read next cannot be overtaken by another writer.
        session.execute(text("UPDATE audit_events SET seq = seq WHERE 0 = 1"))


def head(session: Session) -> tuple[int, str]:
    """The newest event's (seq, hash); (0, GENESIS) for an empty log."""
    row = session.execute(
        select(AuditEvent.seq, AuditEvent.hash).order_by(AuditEvent.seq.desc()).limit(1)
    ).first()
    return (0, GENESIS) if row is None else (int(row[0]), str(row[1]))


def record(
    session: Session, actor: Actor | str, action: str, subject_type: str, subject_id: object,
    *, before: Any = None, after: Any = None,
) -> Event:
    """Append an event to the audit log in the caller's transaction and return it.

    ``actor`` is the caller (an :class:`Actor`, or a bare name when only that is known);
    ``before``/``after`` are JSON-able snapshots (datetimes, enums and sets are converted).
    Raises :class:`townsquare.audit.AuditError` when a document cannot be encoded."""
    name, kind = (actor.name, actor.kind) if isinstance(actor, Actor) else (str(actor), "named")
    _lock_chain(session)
    seq, prev_hash = head(session)
    event = seal(
        seq=seq + 1, at=utcnow(), actor=name, actor_kind=kind, action=action,
        subject_type=subject_type, subject_id=str(subject_id), before=before, after=after,
        request_id=REQUEST_ID.get(), prev_hash=prev_hash,
    )
    session.execute(insert(AuditEvent), [{**event.to_dict(), "at": event.at}])
    return event


# --- reading ------------------------------------------------------------------------------


def _event(row: Any) -> Event:
    return Event(
        seq=row.seq, at=row.at, actor=row.actor, actor_kind=row.actor_kind, action=row.action,
        subject_type=row.subject_type, subject_id=row.subject_id, before=row.before,
        after=row.after, request_id=row.request_id, prev_hash=row.prev_hash, hash=row.hash,
    )


def walk(session: Session, first: int = 1, last: int | None = None) -> Iterator[Event]:
    """Events ``first``..``last`` (inclusive; None: the newest) in seq order, fetched in
    batches so that a long log is never held in memory."""
    cursor = first - 1
    while True:
        stmt = select(AuditEvent.__table__).where(AuditEvent.seq > cursor)
        if last is not None:
            stmt = stmt.where(AuditEvent.seq <= last)
        rows = session.execute(stmt.order_by(AuditEvent.seq).limit(_BATCH)).all()
        for row in rows:
            yield _event(row)
        if len(rows) < _BATCH:
            return
        cursor = rows[-1].seq


@dataclass(frozen=True)
class EventFilter:
    actor: str | None = None
    action: str | None = None
    subject_type: str | None = None
    subject_id: str | None = None

    def apply(self, stmt: Select[Any]) -> Select[Any]:
        for column, value in ((AuditEvent.actor, self.actor), (AuditEvent.action, self.action),
                              (AuditEvent.subject_type, self.subject_type),
                              (AuditEvent.subject_id, self.subject_id)):
            if value is not None:
                stmt = stmt.where(column == value)
        return stmt


@dataclass(frozen=True)
class Page:
    events: list[Event]
    # The cursor of the next page (``after=`` when reading forwards, ``before=`` backwards).
    next_cursor: int | None


def list_events(
    sessions: sessionmaker[Session], actor: Actor, where: EventFilter = EventFilter(), *,
    after: int | None = None, before: int | None = None, limit: int = 100,
) -> Page:
    """Matching events: the newest first (below ``before`` when given), or, with ``after``,
    the oldest after that seq first (to follow the log). Recorded as ``audit.list``."""
    actor.check(Permission.AUDIT_READ)
    if not 1 <= limit <= MAX_PAGE:
        raise AuditError(f"limit: expected 1 to {MAX_PAGE}")
    if after is not None and before is not None:
        raise AuditError("give after or before, not both")
    if (after is not None and after < 0) or (before is not None and before < 1):
        raise AuditError("after/before: expected a seq (after >= 0, before >= 1)")
    stmt = where.apply(select(AuditEvent.__table__))
    if after is not None:
        stmt = stmt.where(AuditEvent.seq > after).order_by(AuditEvent.seq)
    else:
        if before is not None:
            stmt = stmt.where(AuditEvent.seq < before)
        stmt = stmt.order_by(AuditEvent.seq.desc())
    with unit_of_work(sessions) as session:
        events = [_event(row) for row in session.execute(stmt.limit(limit))]
        record(session, actor, "audit.list", "audit_log", "events", after={
            **{k: v for k, v in vars(where).items() if v is not None},
            "after": after, "before": before, "limit": limit, "returned": len(events),
        })
    cursor = events[-1].seq if len(events) == limit else None
    return Page(events, cursor)


# --- verifying ----------------------------------------------------------------------------


def verify_log(
    sessions: sessionmaker[Session], actor: Actor, *, anchor: Anchor | None = None
) -> Verdict:
    """Walk the whole chain from the genesis; ``anchor`` (a head kept from an earlier export
    or verification) also catches deleted newest events. Recorded as ``audit.verify``."""
    actor.check(Permission.AUDIT_READ)
    with sessions() as session:
        verdict = verify(walk(session), anchor=anchor)
    with unit_of_work(sessions) as session:
        record(session, actor, "audit.verify", "audit_log", "database",
               after={**verdict.to_dict(), "anchor": None if anchor is None else str(anchor)})
    return verdict


def read_export(path: Path) -> Iterator[Event]:
    """The events of an export file, one per line; AuditError naming a malformed line."""
    with path.open(encoding="utf-8") as lines:
        for number, line in enumerate(lines, start=1):
            if not line.strip():
                continue
            try:
                data = json.loads(line)
                if not isinstance(data, dict):
                    raise AuditError("not a JSON object")
                yield event_from_dict(data)
            except (ValueError, AuditError) as exc:
                raise AuditError(f"line {number} is not an audit event: {exc}") from None


def verify_events(events: Iterator[Event], anchor: Anchor | None = None) -> Verdict:
    """Verify a stand-alone run of events (an export): it starts at its first event's
    prev_hash, which must be the genesis when that event is the first of the log."""
    first = next(events, None)
    if first is None:
        return verify(iter(()), anchor=anchor)
    start = GENESIS if first.seq == 1 else first.prev_hash

    def chained() -> Iterator[Event]:
        yield first
        yield from events

    return verify(chained(), prev_hash=start, first_seq=first.seq, anchor=anchor)


def verify_file(
    sessions: sessionmaker[Session], actor: Actor, path: Path, *, anchor: Anchor | None = None
) -> Verdict:
    """Verify an export file on its own; a malformed line fails the verification (the file
    was damaged), an unreadable file raises AuditError. Recorded as ``audit.verify``."""
    actor.check(Permission.AUDIT_READ)
    if not path.is_file():
        raise AuditError(f"no such file: {path}")
    try:
        verdict = verify_events(read_export(path), anchor)
    except AuditError as exc:
        verdict = Verdict(False, 0, None, None, "malformed", str(exc))
    except (OSError, UnicodeDecodeError) as exc:
        raise AuditError(f"cannot read {path}: {exc}") from None
    with unit_of_work(sessions) as session:
        record(session, actor, "audit.verify", "audit_export", _sha256_of(path),
               after={**verdict.to_dict(), "file": path.name,
                      "anchor": None if anchor is None else str(anchor)})
    return verdict


def _sha256_of(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as data:
        for block in iter(lambda: data.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


# --- exporting ----------------------------------------------------------------------------


@dataclass(frozen=True)
class ExportSummary:
    events: int
    first_seq: int | None
    head: Anchor | None  # the last exported event: keep it to detect a truncated log later

    def to_dict(self) -> dict[str, Any]:
        return {"events": self.events, "first_seq": self.first_seq,
                "head": None if self.head is None else str(self.head)}


def _seq_range(
    session: Session, since: datetime | None, until: datetime | None
) -> tuple[int, int] | None:
    # A time window becomes a seq range so that the export is one unbroken run of the chain.
    lo = select(func.min(AuditEvent.seq))
    hi = select(func.max(AuditEvent.seq))
    if since is not None:
        lo = lo.where(AuditEvent.at >= since)
        hi = hi.where(AuditEvent.at >= since)
    if until is not None:
        lo = lo.where(AuditEvent.at < until)
        hi = hi.where(AuditEvent.at < until)
    first, last = session.execute(select(lo.scalar_subquery(), hi.scalar_subquery())).one()
    return None if first is None else (int(first), int(last))


def export(
    sessions: sessionmaker[Session], actor: Actor, out: IO[str], *,
    since: datetime | None = None, until: datetime | None = None,
) -> ExportSummary:
    """Write the events from ``since`` (inclusive) to ``until`` (exclusive) to ``out`` as
    JSON Lines, one canonical event per line with its hashes. Recorded as ``audit.export``."""
    actor.check(Permission.AUDIT_READ)
    for name, value in (("since", since), ("until", until)):
        if value is not None and value.tzinfo is None:
            raise AuditError(f"{name}: give a timezone (e.g. 2025-01-31T00:00:00Z)")
    if since is not None and until is not None and since >= until:
        raise AuditError("since must be before until")
    count, first_seq, last = 0, None, None
    with sessions() as session:
        bounds = _seq_range(session, since, until)
        if bounds is not None:
            for event in walk(session, *bounds):
                out.write(canonical(event.to_dict()).decode("utf-8") + "\n")
                count += 1
                first_seq = event.seq if first_seq is None else first_seq
                last = event
    summary = ExportSummary(count, first_seq, None if last is None else Anchor(last.seq, last.hash))
    with unit_of_work(sessions) as session:
        record(session, actor, "audit.export", "audit_log", "export", after={
            **summary.to_dict(), "since": since, "until": until,
        })
    return summary


def head_of_export(path: Path) -> Anchor:
    """The last event of an export file as an anchor; AuditError when there is none."""
    last = None
    try:
        for event in read_export(path):
            last = event
    except (OSError, UnicodeDecodeError) as exc:
        raise AuditError(f"cannot read {path}: {exc}") from None
    if last is None:
        raise AuditError(f"{path} holds no audit event")
    return Anchor(last.seq, last.hash)

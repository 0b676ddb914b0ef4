"""Appending to the audit log, reading it back and verifying its hash chain.

:func:`record` appends in the caller's transaction, so an event exists exactly when the change
it describes was committed. Appends are serialised (an advisory lock on PostgreSQL, the write
lock on SQLite) so that concurrent transactions extend one chain instead of forking it.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from typing import Any

from sqlalchemy import select, text
from sqlalchemy.orm import Session

from townsquare.audit import GENESIS, Event, seal
from townsquare.staff.actor import Actor
from townsquare.store.audit_tables import AuditEvent
from townsquare.store.tables import utcnow

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
    session.add(AuditEvent(
        seq=event.seq, at=event.at, actor=event.actor, actor_kind=event.actor_kind,
        action=event.action, subject_type=event.subject_type, subject_id=event.subject_id,
        before=event.before, after=event.after, request_id=event.request_id,
        prev_hash=event.prev_hash, hash=event.hash,
    ))
    session.flush()
    return event


def to_event(row: AuditEvent) -> Event:
    return Event(
        seq=row.seq, at=row.at, actor=row.actor, actor_kind=row.actor_kind, action=row.action,
        subject_type=row.subject_type, subject_id=row.subject_id, before=row.before,
        after=row.after, request_id=row.request_id, prev_hash=row.prev_hash, hash=row.hash,
    )

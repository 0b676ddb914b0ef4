"""Audit log benchmarks on SQLite: appends per second and verification events per second.

- ``audit``: ``services.audit.record`` appending one event per transaction (what a use case
  pays), against plain inserts of the same, already sealed rows, one per transaction (the
  floor: what storing the row costs without the chain lock, the head read and hashing);
  the same for a batch of events in one transaction; then ``verify`` walking a log of N
  events from the database, against reading the same rows without hashing and against
  hashing the events alone in memory.

Every case and its floor are timed round-robin (median of 5 runs after 1 warm-up).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from sqlalchemy import insert
from sqlalchemy.orm import Session, sessionmaker

from bench.canary_bench import QUICK, scratch
from bench.timing import BenchResult, Case, Row, measure_interleaved
from townsquare.audit import Event, compute_hash, seal, verify
from townsquare.services import audit
from townsquare.store.audit_tables import AuditEvent
from townsquare.store.db import make_engine, make_session_factory, unit_of_work, upgrade
from townsquare.store.tables import utcnow

DOCUMENT = {"label": "do_not_amplify", "policy": "civic_integrity", "note": "spam wave",
            "expires_at": None, "labels": [1, 2, 3]}


def _store(path: Path) -> sessionmaker[Session]:
    engine = make_engine(f"sqlite:///{path}")
    upgrade(engine)
    return make_session_factory(engine)


def _sealed(sessions: sessionmaker[Session], n: int) -> list[Event]:
    """The next ``n`` events of the chain, hashed in advance (for the floors)."""
    with sessions() as session:
        seq, prev = audit.head(session)
    events = []
    for i in range(n):
        event = seal(seq=seq + i + 1, at=utcnow(), actor="bench", actor_kind="staff",
                     action="label.add", subject_type="post", subject_id=f"p{seq + i}",
                     before=None, after=DOCUMENT, request_id="req", prev_hash=prev)
        events.append(event)
        prev = event.hash
    return events


def _row(event: Event) -> dict[str, Any]:
    return {**event.to_dict(), "at": event.at}


def _record(sessions: sessionmaker[Session], n: int, *, one_transaction: bool) -> None:
    if one_transaction:
        with audit.request_id_scope("req"), unit_of_work(sessions) as session:
            for i in range(n):
                audit.record(session, "bench", "label.add", "post", f"p{i}", after=DOCUMENT)
        return
    with audit.request_id_scope("req"):
        for i in range(n):
            with unit_of_work(sessions) as session:
                audit.record(session, "bench", "label.add", "post", f"p{i}", after=DOCUMENT)


def _insert(sessions: sessionmaker[Session], events: list[Event], *, one_transaction: bool
            ) -> None:
    if one_transaction:
        with unit_of_work(sessions) as session:
            for event in events:
                session.execute(insert(AuditEvent), [_row(event)])
        return
    for event in events:
        with unit_of_work(sessions) as session:
            session.execute(insert(AuditEvent), [_row(event)])


def bench_audit(sizes: object, log: Callable[[str], None]) -> BenchResult:
    quick = sizes is QUICK
    appends, batch, walked = (200, 1_000, 10_000) if quick else (500, 2_000, 30_000)
    result = BenchResult("audit", "Audit log on SQLite: appends and verification")
    with scratch("audit") as tmp:
        record_db, floor_db = _store(tmp / "record.sqlite3"), _store(tmp / "floor.sqlite3")
        log(f"appends: {appends} one per transaction, {batch} in one transaction")
        t = measure_interleaved({
            "record": Case(lambda _: _record(record_db, appends, one_transaction=False)),
            "insert": Case(lambda ev: _insert(floor_db, ev, one_transaction=False),
                           setup=lambda: _sealed(floor_db, appends)),
            "record-batch": Case(lambda _: _record(record_db, batch, one_transaction=True)),
            "insert-batch": Case(lambda ev: _insert(floor_db, ev, one_transaction=True),
                                 setup=lambda: _sealed(floor_db, batch)),
        })
        result.rows += [
            Row("record(): one event per transaction", f"{appends:,}", t["record"],
                "plain insert of sealed rows, one per transaction", t["insert"],
                per_second=(appends, "events")),
            Row("record(): events in one transaction", f"{batch:,}", t["record-batch"],
                "plain insert of sealed rows, one transaction", t["insert-batch"],
                per_second=(batch, "events")),
        ]

        log(f"verify: a log of {walked:,} events")
        verify_db = _store(tmp / "verify.sqlite3")
        events = _sealed(verify_db, walked)
        with unit_of_work(verify_db) as session:
            session.execute(insert(AuditEvent), [_row(e) for e in events])

        def walk_and_verify(_: object) -> None:
            with verify_db() as session:
                assert verify(audit.walk(session)).ok

        def walk_only(_: object) -> None:
            with verify_db() as session:
                for _event in audit.walk(session):
                    pass

        def hash_only(_: object) -> None:
            for event in events:
                compute_hash(event)

        v = measure_interleaved({"verify": Case(walk_and_verify), "walk": Case(walk_only),
                                 "hash": Case(hash_only)})
        result.rows += [
            Row("verify: walk the database and check the chain", f"{walked:,}", v["verify"],
                "walk the same rows, no hashing", v["walk"], per_second=(walked, "events")),
            Row("  floor: hash the events alone, in memory", f"{walked:,}", v["hash"],
                "walk the same rows, no hashing", v["walk"], per_second=(walked, "events")),
        ]
    result.notes += [
        "SQLite file in WAL mode (synchronous=NORMAL), as `townsquare serve` opens it; "
        "each append takes the write lock, reads the head and hashes the canonical JSON",
        f"every append carries a {len(str(DOCUMENT))}-character after-document; verify "
        "walks in batches of 2,000 rows",
    ]
    return result


BENCHMARKS: dict[str, Callable[[Any, Callable[[str], None]], BenchResult]] = {
    "audit": bench_audit,
}

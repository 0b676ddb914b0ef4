"""`townsquare audit list|verify|export`: read, verify and export the hash-chained audit log
(identity: TOWNSQUARE_TOKEN, permission audit.read). Each use is itself recorded."""

from __future__ import annotations

from datetime import UTC, date, datetime
from pathlib import Path
from typing import Annotated

import typer
from rich.table import Table

from townsquare.audit import Anchor, AuditError, Verdict
from townsquare.cli.common import application, cli_actor, emit_json, err, fail, out
from townsquare.staff.permissions import Permission as P

audit_app = typer.Typer(no_args_is_help=True, help="The tamper-evident audit log.")

JsonOpt = Annotated[bool, typer.Option("--json", help="Print JSON.")]
BROKEN_EXIT = 1


def _when(text: str | None, what: str) -> datetime | None:
    """An ISO 8601 time with a timezone, or a date (midnight UTC)."""
    if text is None:
        return None
    try:
        if len(text) == 10:
            return datetime.combine(date.fromisoformat(text), datetime.min.time(), UTC)
        when = datetime.fromisoformat(text)
    except ValueError:
        fail(f"{what}: {text!r} is not a date (2025-01-31) or a time (2025-01-31T12:00:00Z)")
        raise
    if when.tzinfo is None:
        fail(f"{what}: give a timezone (e.g. 2025-01-31T12:00:00Z)")
    return when


def _anchor(anchor_file: Path | None, expect_head: str | None) -> Anchor | None:
    from townsquare.services.audit import head_of_export

    if anchor_file is not None and expect_head is not None:
        fail("give --anchor or --expect-head, not both")
    try:
        if expect_head is not None:
            return Anchor.parse(expect_head)
        return head_of_export(anchor_file) if anchor_file is not None else None
    except AuditError as exc:
        fail(str(exc))
        raise


@audit_app.command("verify")
def verify(
    file: Annotated[Path | None, typer.Option(
        "--file", help="Verify this export (JSON Lines) instead of the database.")] = None,
    anchor_file: Annotated[Path | None, typer.Option(
        "--anchor", help="An earlier export: its last event must still be in the log "
        "(catches deleted newest events).")] = None,
    expect_head: Annotated[str | None, typer.Option(
        "--expect-head", help="SEQ:HASH of a head kept earlier (same purpose as --anchor).")]
    = None,
    as_json: JsonOpt = False,
) -> None:
    """Walk the hash chain; exit 0 when intact, 1 naming the first bad event."""
    from townsquare.services import audit

    anchor = _anchor(anchor_file, expect_head)
    with application() as a:
        actor = cli_actor(a, P.AUDIT_READ)
        try:
            if file is not None:
                verdict = audit.verify_file(a.sessions, actor, file, anchor=anchor)
            else:
                verdict = audit.verify_log(a.sessions, actor, anchor=anchor)
        except AuditError as exc:
            fail(str(exc))
            raise
    _report(verdict, as_json)


def _report(verdict: Verdict, as_json: bool) -> None:
    if as_json:
        emit_json(verdict.to_dict())
    elif verdict.ok:
        head = f"; head {verdict.head}" if verdict.head else ""
        out.print(f"intact: {verdict.checked} events{head}", markup=False, highlight=False)
    else:
        err.print(f"BROKEN: {verdict.reason} ({verdict.checked} events before it are intact)",
                  markup=False, highlight=False)
    if not verdict.ok:
        raise typer.Exit(BROKEN_EXIT)


@audit_app.command("export")
def export(
    out_file: Annotated[Path, typer.Option("--out", help="A new file to write (JSON Lines).")],
    since: Annotated[str | None, typer.Option(
        "--since", help="From this date or time (inclusive).")] = None,
    until: Annotated[str | None, typer.Option(
        "--until", help="Up to this date or time (exclusive).")] = None,
    as_json: JsonOpt = False,
) -> None:
    """Write events as JSON Lines, verifiable on their own (`audit verify --file`); prints
    the head (SEQ:HASH) to keep for `audit verify --expect-head`."""
    from townsquare.services import audit

    start, end = _when(since, "--since"), _when(until, "--until")
    with application() as a:
        actor = cli_actor(a, P.AUDIT_READ)
        try:
            with out_file.open("x", encoding="utf-8") as sink:
                summary = audit.export(a.sessions, actor, sink, since=start, until=end)
        except FileExistsError:
            fail(f"{out_file} exists: choose a new file")
            raise
        except AuditError as exc:
            out_file.unlink(missing_ok=True)
            fail(str(exc))
            raise
        except OSError as exc:
            fail(f"cannot write {out_file}: {exc}")
            raise
    if as_json:
        emit_json({**summary.to_dict(), "out": str(out_file)})
        return
    err.print(f"wrote {summary.events} events to {out_file}", markup=False)
    if summary.head is not None:
        out.print(str(summary.head), markup=False, highlight=False)


@audit_app.command("list")
def list_events(
    actor: Annotated[str | None, typer.Option("--actor", help="Who acted.")] = None,
    action: Annotated[str | None, typer.Option("--action", help="e.g. label.add")] = None,
    subject: Annotated[str | None, typer.Option(
        "--subject", help="TYPE or TYPE:ID, e.g. post:p1")] = None,
    limit: Annotated[int, typer.Option("--limit", help="At most this many (1-1000).")] = 50,
    before: Annotated[int | None, typer.Option("--before", help="Below this seq.")] = None,
    as_json: JsonOpt = False,
) -> None:
    """The newest matching events first."""
    from townsquare.services import audit

    subject_type, _, subject_id = (subject or "").partition(":")
    where = audit.EventFilter(actor, action, subject_type or None, subject_id or None)
    with application() as a:
        caller = cli_actor(a, P.AUDIT_READ)
        try:
            page = audit.list_events(a.sessions, caller, where, before=before, limit=limit)
        except AuditError as exc:
            fail(str(exc))
            raise
    if as_json:
        emit_json({"events": [e.to_dict() for e in page.events],
                   "next": None if page.next_cursor is None else {"before": page.next_cursor}})
        return
    table = Table("seq", "at", "actor", "action", "subject", "request")
    for e in page.events:
        table.add_row(str(e.seq), e.at.strftime("%Y-%m-%d %H:%M:%S"), e.actor, e.action,
                      f"{e.subject_type}:{e.subject_id}", e.request_id or "")
    out.print(table)
    if page.next_cursor is not None:
        err.print(f"more: --before {page.next_cursor}", markup=False)

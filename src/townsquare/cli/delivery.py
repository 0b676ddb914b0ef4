"""`townsquare memo deliver|deliveries` and `townsquare pledge ...`: memo copies by email
and pledge campaigns (identity: TOWNSQUARE_TOKEN; every command needs memos.issue)."""

from __future__ import annotations

import sys
from datetime import datetime
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.table import Table

from townsquare.cli.common import application, cli_actor, emit_json, err, fail, out
from townsquare.staff.permissions import Permission as P

pledge_app = typer.Typer(no_args_is_help=True,
                         help="Pledge campaigns: memos each recipient must acknowledge.")

JsonOpt = Annotated[bool, typer.Option("--json", help="Print JSON.")]
FAILED_EXIT = 1  # `memo deliver` when some message could not be delivered, for cron


def memo_deliver(
    memo_id: Annotated[str, typer.Argument(help="The memo id (see `memo list`).")],
    dry_run: Annotated[Path | None, typer.Option(
        "--dry-run", help="Write one <recipient id>.eml per recipient to this directory "
        "instead of sending.")] = None,
    as_json: JsonOpt = False,
) -> None:
    """Email each recipient their own copy (SMTP settings: TOWNSQUARE_SMTP_*); recipients
    already served are skipped, so running it again retries only the failures. Exits 1
    when some message failed."""
    from townsquare.services.delivery import deliver_memo

    with application() as a:
        actor = cli_actor(a, P.MEMOS_ISSUE)
        report = deliver_memo(a, actor, memo_id, dry_run=dry_run)
    if as_json:
        emit_json(report)
    else:
        for r in report["recipients"]:
            if r["status"] == "failed":
                err.print(f"failed: {r['recipient_id']} <{r['email']}> after {r['attempts']} "
                          f"attempt(s): {r['error']}", markup=False, highlight=False)
        if report["dry_run"]:
            out.print(f"wrote {report['written']} messages to {dry_run}", markup=False)
        else:
            busy = (f", being sent by another run {report['in_progress']}"
                    if report["in_progress"] else "")
            out.print(f"sent {report['sent']}, failed {report['failed']}, already delivered "
                      f"{report['skipped']}{busy}", markup=False)
    if report["failed"]:
        raise typer.Exit(FAILED_EXIT)


def memo_deliveries(
    memo_id: Annotated[str, typer.Argument(help="The memo id.")],
    as_json: JsonOpt = False,
) -> None:
    """Each recipient's delivery status: pending, sent or failed (with the last error)."""
    from townsquare.services.delivery import delivery_status

    with application() as a:
        rows = delivery_status(a, cli_actor(a, P.MEMOS_ISSUE), memo_id)
    if as_json:
        emit_json(rows)
        return
    table = Table()
    for col in ("recipient", "email", "status", "attempts", "error"):
        table.add_column(col)
    for r in rows:
        table.add_row(r["recipient_id"], r["email"], r["status"], str(r["attempts"]),
                      r["error"] or "")
    out.print(table)


def register_memo_commands(memo_app: typer.Typer) -> None:
    """Add the delivery commands to the existing `memo` group."""
    memo_app.command("deliver")(memo_deliver)
    memo_app.command("deliveries")(memo_deliveries)


def _when(value: str) -> datetime:
    try:
        return datetime.fromisoformat(value)
    except ValueError:
        fail(f"--deadline: {value!r} is not an ISO 8601 date-time (e.g. 2026-12-01T17:00Z)")
        raise


@pledge_app.command("create")
def pledge_create(
    memo_id: Annotated[str, typer.Argument(help="The memo to acknowledge.")],
    deadline: Annotated[str, typer.Option("--deadline", help="ISO 8601, with a time zone.")],
    remind_hours: Annotated[int, typer.Option(
        "--remind-hours", help="Reminders go out in this many hours before the deadline.")] = 48,
    as_json: JsonOpt = False,
) -> None:
    """Make a memo a pledge; `memo deliver` then adds each recipient's signed link."""
    from townsquare.services.pledges import create_campaign

    when = _when(deadline)
    with application() as a:
        made = create_campaign(a, cli_actor(a, P.MEMOS_ISSUE), memo_id, when, remind_hours)
    if as_json:
        emit_json(made)
    else:
        out.print(f"pledge campaign #{made['id']} for {memo_id}, deadline {made['deadline']}",
                  markup=False)


@pledge_app.command("list")
def pledge_list(as_json: JsonOpt = False) -> None:
    """Every campaign, nearest deadline first, with how many signed."""
    from townsquare.services.pledges import list_campaigns

    with application() as a:
        found = list_campaigns(a, cli_actor(a, P.MEMOS_ISSUE))
    if as_json:
        emit_json(found)
        return
    table = Table()
    for col in ("id", "memo", "title", "deadline", "signed"):
        table.add_column(col)
    for c in found:
        table.add_row(str(c["id"]), c["memo_id"], c["title"], c["deadline"],
                      f"{c['signed']}/{c['recipients']}")
    out.print(table)


def _print_table(data: dict[str, Any]) -> None:
    out.print(f"#{data['id']} {data['title']} ({data['memo_id']}): {data['signed']} signed, "
              f"{data['unsigned']} not yet; deadline {data['deadline']}"
              + (" (passed)" if data["overdue"] else ""), markup=False)
    table = Table()
    for col in ("recipient", "name", "signed", "at", "via", "reminders"):
        table.add_column(col)
    for r in data["rows"]:
        table.add_row(r["recipient_id"], r["name"],
                      ("late" if r["late"] else "yes") if r["signed"] else "no",
                      r["signed_at"] or "", r["via"] or "", str(r["reminders"]))
    out.print(table)


@pledge_app.command("status")
def pledge_status(
    campaign_id: Annotated[int, typer.Argument(help="The campaign id (see `pledge list`).")],
    as_json: JsonOpt = False,
) -> None:
    """Who signed and who did not."""
    from townsquare.services.pledges import campaign_table

    with application() as a:
        data = campaign_table(a, cli_actor(a, P.MEMOS_ISSUE), campaign_id)
    if as_json:
        emit_json(data)
    else:
        _print_table(data)


@pledge_app.command("sign")
def pledge_sign(
    campaign_id: Annotated[int, typer.Argument(help="The campaign id.")],
    recipient_id: Annotated[str, typer.Argument(help="Who acknowledged (their id).")],
) -> None:
    """Record that a recipient acknowledged (e.g. on paper or in person)."""
    from townsquare.services.pledges import record_acknowledgement

    with application() as a:
        record_acknowledgement(a, cli_actor(a, P.MEMOS_ISSUE), campaign_id, recipient_id)
    out.print(f"{recipient_id} acknowledged campaign #{campaign_id}", markup=False)


@pledge_app.command("remind")
def pledge_remind(
    dry_run: Annotated[Path | None, typer.Option(
        "--dry-run", help="Write the reminders as .eml files here instead of sending.")] = None,
    as_json: JsonOpt = False,
) -> None:
    """Email everyone who has not signed a campaign in its reminder period, at most once
    per recipient per UTC day (safe to run from cron every hour)."""
    from townsquare.services.pledges import remind

    with application() as a:
        report = remind(a, cli_actor(a, P.MEMOS_ISSUE), dry_run=dry_run)
    if as_json:
        emit_json(report)
        return
    if not report:
        out.print("no campaign is in its reminder period", markup=False)
    for r in report:
        out.print(f"#{r['campaign_id']} ({r['memo_id']}), window {r['window']}: "
                  f"reminded {r['reminded']}, failed {r['failed']}", markup=False)


@pledge_app.command("export")
def pledge_export(
    campaign_id: Annotated[int, typer.Argument(help="The campaign id.")],
    out_file: Annotated[Path | None, typer.Option(
        "--out", help="Write the CSV here (default: standard output).")] = None,
) -> None:
    """The table of who signed as CSV."""
    from townsquare.services.pledges import export_csv

    with application() as a:
        text = export_csv(a, cli_actor(a, P.MEMOS_ISSUE), campaign_id)
    if out_file is None:
        sys.stdout.write(text)
    else:
        out_file.write_text(text, "utf-8")
        err.print(f"wrote {out_file}", markup=False)

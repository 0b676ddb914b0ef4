"""`townsquare report|queue ...`: user reports, queues and routing rules from the command
line (identity: TOWNSQUARE_TOKEN; each command checks what its API route checks)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.table import Table

from townsquare.cli.common import application, cli_actor, emit_json, err, fail, out
from townsquare.staff.permissions import Permission as P

report_app = typer.Typer(no_args_is_help=True, help="User reports: file, work, decide.")
queue_app = typer.Typer(no_args_is_help=True, help="Report queues and routing rules.")

JsonOpt = Annotated[bool, typer.Option("--json", help="Print JSON.")]
ReportId = Annotated[int, typer.Argument(help="The report's id.")]
KeepRelated = Annotated[bool, typer.Option(
    "--keep-related", help="Leave the other open reports on the subject and policy open.")]


def _when(value: Any) -> str:
    return "" if value is None else str(value)[:16].replace("T", " ")


def _reports_table(rows: list[dict[str, Any]]) -> None:
    table = Table("id", "queue", "status", "prio", "reason", "policy", "subject", "claimed by",
                  "filed")
    for r in rows:
        table.add_row(str(r["id"]), r["queue"], r["status"], str(r["priority"]), r["reason"],
                      r["policy"], f"{r['subject_type']} {r['subject_id']}",
                      r["claimed_by"] or "", _when(r["created_at"]))
    out.print(table)


def _show(record: dict[str, Any], as_json: bool) -> None:
    if as_json:
        emit_json(record)
        return
    claimed = (f", claimed by {record['claimed_by']} until {_when(record['claim_expires_at'])}"
               if record.get("claimed_by") else "")
    out.print(f"report #{record['id']}: {record['status']} in queue {record['queue']}{claimed}",
              markup=False)


def _decision(decision: Any, as_json: bool) -> None:
    data = decision.as_dict()
    if as_json:
        emit_json(data)
        return
    if decision.status == "pending":
        err.print(f"report #{data['report']['id']} waits for a second person: approval "
                  f"request #{data['approval_request']['id']}", markup=False)
        return
    related = data["closed_related"]
    out.print(f"report #{data['report']['id']}: {data['report']['status']}"
              + (f" (with {', '.join(f'#{i}' for i in related)})" if related else ""),
              markup=False)


@report_app.command("file")
def file_(
    reporter: Annotated[str, typer.Option("--reporter", help="The reporting account's id.")],
    subject_type: Annotated[str, typer.Option("--subject-type", help="post or account.")],
    subject: Annotated[str, typer.Option("--subject", help="The reported post or account.")],
    reason: Annotated[str, typer.Option("--reason")],
    policy: Annotated[str, typer.Option("--policy")],
    text: Annotated[str, typer.Option("--text", help="The reporter's words.")] = "",
    as_json: JsonOpt = False,
) -> None:
    """File a user's report (as the platform does); prints what the reporter sees."""
    from townsquare.moderation.reports import NewReport
    from townsquare.services.context import build_services
    from townsquare.services.reports import file_report

    with application() as a:
        actor = cli_actor(a, P.CONTENT_WRITE)
        new = NewReport(reporter, subject_type, subject, reason, policy, text)  # type: ignore[arg-type]
        record = file_report(a.sessions, build_services(a).moderation.compiled, actor, new)
    if as_json:
        emit_json(record)
    else:
        out.print(f"report #{record['id']} received", markup=False)


@report_app.command("list")
def list_(
    queue: Annotated[str | None, typer.Option("--queue")] = None,
    status: Annotated[str, typer.Option("--status", help="'all' for every status.")] = "open",
    limit: Annotated[int, typer.Option("--limit")] = 100,
    as_json: JsonOpt = False,
) -> None:
    """Reports in the queues you may read, most urgent first."""
    from townsquare.services.reports import list_reports

    with application() as a:
        rows = list_reports(a.sessions, cli_actor(a, P.REPORTS_READ), queue=queue,
                            status=None if status == "all" else status, limit=limit)
    if as_json:
        emit_json(rows)
    else:
        _reports_table(rows)


@report_app.command("show")
def show(report_id: ReportId, as_json: JsonOpt = False) -> None:
    """One report with its text, reporter and history (the read is audited)."""
    from townsquare.services.reports import get_report

    with application() as a:
        record = get_report(a.sessions, cli_actor(a, P.REPORTS_READ), report_id)
    if as_json:
        emit_json(record)
        return
    _show(record, False)
    out.print(f"{record['reason']} under {record['policy']}, {record['subject_type']} "
              f"{record['subject_id']} (account {record['account_id']}), reported by "
              f"{record['reporter_id']} ({record['reporter_trust']})", markup=False)
    if record["text"]:
        out.print(f'"{record["text"]}"', markup=False)
    for event in record["events"]:
        detail = ", ".join(f"{k}={v}" for k, v in event["detail"].items() if v is not None)
        out.print(f"  {_when(event['at'])} {event['kind']} by {event['actor']} {detail}",
                  markup=False)


@report_app.command("claim")
def claim(report_id: ReportId, as_json: JsonOpt = False) -> None:
    """Claim a report for the queue's claim timeout (again: renew your claim)."""
    from townsquare.services.report_handling import claim as claim_report

    with application() as a:
        _show(claim_report(a.sessions, cli_actor(a, P.REPORTS_HANDLE), report_id), as_json)


@report_app.command("release")
def release(report_id: ReportId, as_json: JsonOpt = False) -> None:
    """Give up a claim (yours, or anyone's with reports.assign)."""
    from townsquare.services.report_handling import release as release_report

    with application() as a:
        _show(release_report(a.sessions, cli_actor(a, P.REPORTS_HANDLE), report_id), as_json)


@report_app.command("assign")
def assign(report_id: ReportId, to: Annotated[str, typer.Option("--to", help="A username.")],
           as_json: JsonOpt = False) -> None:
    """Claim a report for a staff member who can handle it."""
    from townsquare.services.report_handling import assign as assign_report

    with application() as a:
        _show(assign_report(a.sessions, cli_actor(a, P.REPORTS_ASSIGN), report_id, to), as_json)


@report_app.command("escalate")
def escalate(
    report_id: ReportId, note: Annotated[str, typer.Option("--note", help="Why.")],
    queue: Annotated[str | None, typer.Option(
        "--queue", help="Default: where the routing rules send escalated reports.")] = None,
    as_json: JsonOpt = False,
) -> None:
    """Move a report to another queue with a note; it arrives unclaimed."""
    from townsquare.services.report_handling import escalate as escalate_report

    with application() as a:
        actor = cli_actor(a, P.REPORTS_HANDLE)
        _show(escalate_report(a.sessions, actor, report_id, note, queue), as_json)


@report_app.command("resolve")
def resolve(
    report_id: ReportId,
    kind: Annotated[str, typer.Option("--kind", help="warn, label, limit_reach, remove_post, "
                                      "block_url, read_only, suspend, permanent_suspension")],
    duration_seconds: Annotated[int | None, typer.Option("--duration-seconds")] = None,
    note: Annotated[str, typer.Option("--note", help="Shown to the author.")] = "",
    label: Annotated[str | None, typer.Option("--label", help="For kind=label.")] = None,
    url: Annotated[str | None, typer.Option("--url-or-domain", help="For block_url.")] = None,
    author: Annotated[bool, typer.Option("--author", help="Act on the subject's author.")
                      ] = False,
    keep_related: KeepRelated = False,
    as_json: JsonOpt = False,
) -> None:
    """Take an action under the report's policy (a second person may need to approve it)."""
    from townsquare.services.context import build_services
    from townsquare.services.report_decisions import resolve_with_action

    action = {k: v for k, v in {"kind": kind, "duration_seconds": duration_seconds,
                                "note": note, "label": label, "url_or_domain": url}.items()
              if v not in (None, "")}
    with application() as a:
        actor = cli_actor(a, P.REPORTS_HANDLE)
        decision = resolve_with_action(build_services(a), actor, report_id, action,
                                       target="author" if author else "subject",
                                       close_related=not keep_related)
    _decision(decision, as_json)


@report_app.command("dismiss")
def dismiss(report_id: ReportId, reason: Annotated[str, typer.Option("--reason")],
            keep_related: KeepRelated = False, as_json: JsonOpt = False) -> None:
    """No violation: close the report (the reporter is told)."""
    from townsquare.services.context import build_services
    from townsquare.services.report_decisions import dismiss as dismiss_report

    with application() as a:
        actor = cli_actor(a, P.REPORTS_HANDLE)
        decision = dismiss_report(build_services(a), actor, report_id, reason,
                                  close_related=not keep_related)
    _decision(decision, as_json)


@report_app.command("by")
def by(account: Annotated[str, typer.Argument(help="The reporter's account id.")],
       as_json: JsonOpt = False) -> None:
    """An account's own reports and what the reporter was told of each."""
    from townsquare.services.reporters import reports_of

    with application() as a:
        rows = reports_of(a.sessions, cli_actor(a, P.STATUS_READ), account)
    if as_json:
        emit_json(rows)
        return
    table = Table("id", "subject", "reason", "policy", "status", "filed")
    for r in rows:
        table.add_row(str(r["id"]), f"{r['subject_type']} {r['subject_id']}", r["reason"],
                      r["policy"], r["status"], _when(r["created_at"]))
    out.print(table)


@report_app.command("mute")
def mute(account: Annotated[str, typer.Argument()],
         reason: Annotated[str, typer.Option("--reason")]) -> None:
    """Mute a bad-faith reporter: their reports wait behind everyone else's."""
    from townsquare.services.reporters import mute as mute_reporter

    with application() as a:
        mute_reporter(a.sessions, cli_actor(a, P.REPORTS_ASSIGN), account, reason)
    out.print(f"reporter {account} muted", markup=False)


@report_app.command("unmute")
def unmute(account: Annotated[str, typer.Argument()],
           reason: Annotated[str, typer.Option("--reason")]) -> None:
    """Lift a reporter's mute."""
    from townsquare.services.reporters import unmute as unmute_reporter

    with application() as a:
        unmute_reporter(a.sessions, cli_actor(a, P.REPORTS_ASSIGN), account, reason)
    out.print(f"reporter {account} unmuted", markup=False)


@report_app.command("muted")
def muted(as_json: JsonOpt = False) -> None:
    """Reporters muted now (the read is audited)."""
    from townsquare.services.reporters import muted_reporters

    with application() as a:
        rows = muted_reporters(a.sessions, cli_actor(a, P.REPORTS_ASSIGN))
    if as_json:
        emit_json(rows)
        return
    table = Table("account", "since", "by", "open reports", "reason")
    for r in rows:
        table.add_row(r["account_id"], _when(r["muted_at"]), r["muted_by"],
                      str(r["open_reports"]), r["reason"])
    out.print(table)


# --- queues and routing rules -------------------------------------------------------------


@queue_app.command("list")
def queue_list(as_json: JsonOpt = False) -> None:
    """The queues you may read, with their open and claimed reports."""
    from townsquare.services.queues import list_queues

    with application() as a:
        rows = list_queues(a.sessions, cli_actor(a, P.REPORTS_READ))
    if as_json:
        emit_json(rows)
        return
    table = Table("queue", "open", "claimed", "claim timeout", "description")
    for q in rows:
        table.add_row(q["name"], str(q["open"]), str(q["claimed"]),
                      f"{q['claim_timeout_seconds'] // 60} min", q["description"])
    out.print(table)


TimeoutOpt = Annotated[int | None, typer.Option(
    "--claim-timeout", help="Seconds before a claim lapses (default 900).")]


@queue_app.command("create")
def queue_create(name: Annotated[str, typer.Argument()],
                 description: Annotated[str, typer.Option("--description")] = "",
                 claim_timeout: TimeoutOpt = None) -> None:
    """Create a queue (routing rules then send reports to it)."""
    from townsquare.services.queues import create_queue

    with application() as a:
        create_queue(a.sessions, cli_actor(a, P.QUEUES_ADMIN), name, description, claim_timeout)
    out.print(f"queue {name} created", markup=False)


@queue_app.command("update")
def queue_update(name: Annotated[str, typer.Argument()],
                 description: Annotated[str | None, typer.Option("--description")] = None,
                 claim_timeout: TimeoutOpt = None) -> None:
    """Change a queue's description or claim timeout."""
    from townsquare.services.queues import update_queue

    with application() as a:
        update_queue(a.sessions, cli_actor(a, P.QUEUES_ADMIN), name, description=description,
                     claim_timeout_seconds=claim_timeout)
    out.print(f"queue {name} updated", markup=False)


@queue_app.command("delete")
def queue_delete(name: Annotated[str, typer.Argument()]) -> None:
    """Delete a queue that never held a report and that no routing rule names."""
    from townsquare.services.queues import delete_queue

    with application() as a:
        delete_queue(a.sessions, cli_actor(a, P.QUEUES_ADMIN), name)
    out.print(f"queue {name} deleted", markup=False)


@queue_app.command("next")
def queue_next(name: Annotated[str, typer.Argument()], as_json: JsonOpt = False) -> None:
    """Claim the queue's most urgent unclaimed report."""
    from townsquare.services.report_handling import claim_next

    with application() as a:
        actor = cli_actor(a, P.REPORTS_HANDLE, queue=name)
        _show(claim_next(a.sessions, actor, name), as_json)


def _rules_table(rows: list[dict[str, Any]]) -> None:
    table = Table("#", "id", "queue", "prio", "name", "match")
    for r in rows:
        table.add_row(str(r["position"]), str(r["id"]), r["queue"], str(r["priority"]),
                      r["name"], json.dumps(r["match"], ensure_ascii=False))
    out.print(table)


@queue_app.command("rules")
def rules(as_json: JsonOpt = False) -> None:
    """The routing rules in order (the first match wins; no match: the default queue)."""
    from townsquare.services.queues import list_rules

    with application() as a:
        rows = list_rules(a.sessions, cli_actor(a, P.REPORTS_READ))
    if as_json:
        emit_json(rows)
    else:
        _rules_table(rows)


def _json_arg(value: str, what: str) -> Any:
    try:
        return json.loads(value)
    except ValueError as exc:
        fail(f"{what}: not JSON: {exc}")


@queue_app.command("rule-add")
def rule_add(
    queue: Annotated[str, typer.Option("--queue")],
    match: Annotated[str, typer.Option("--match", help='JSON, e.g. {"policies": ["spam"]}')
                     ] = "{}",
    priority: Annotated[int, typer.Option("--priority")] = 0,
    name: Annotated[str, typer.Option("--name")] = "",
    position: Annotated[int | None, typer.Option("--position", help="From 1; default last.")
                        ] = None,
) -> None:
    """Insert a routing rule (criteria left out match anything)."""
    from townsquare.services.queues import add_rule

    rule = {"queue": queue, "priority": priority, "name": name,
            "match": _json_arg(match, "--match")}
    with application() as a:
        added = add_rule(a.sessions, cli_actor(a, P.QUEUES_ADMIN), rule, position)
    out.print(f"rule #{added['id']} added at position {added['position']}", markup=False)


@queue_app.command("rule-remove")
def rule_remove(rule_id: Annotated[int, typer.Argument()]) -> None:
    """Remove a routing rule; the ones after it move up."""
    from townsquare.services.queues import remove_rule

    with application() as a:
        remove_rule(a.sessions, cli_actor(a, P.QUEUES_ADMIN), rule_id)
    out.print(f"rule #{rule_id} removed", markup=False)


@queue_app.command("rules-set")
def rules_set(path: Annotated[Path, typer.Argument(help="A JSON or YAML list of rules.")]
              ) -> None:
    """Replace every routing rule with the file's ordered list."""
    import yaml

    from townsquare.services.queues import replace_rules

    try:
        data = yaml.safe_load(path.read_text("utf-8"))  # YAML also reads JSON
    except (OSError, UnicodeDecodeError, yaml.YAMLError) as exc:
        fail(f"cannot read {path}: {exc}")
    with application() as a:
        stored = replace_rules(a.sessions, cli_actor(a, P.QUEUES_ADMIN), data)
    _rules_table(stored)

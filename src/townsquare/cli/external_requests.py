"""`townsquare request ...`: external takedown and data requests, the parties and
candidates that flag a request political, the transparency counts and personal-data
exports (identity: TOWNSQUARE_TOKEN; each command checks its API route's permission)."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Any

import typer
from rich.table import Table

from townsquare.cli.civic import JsonOpt, when
from townsquare.cli.common import application, cli_actor, emit_json, fail, out
from townsquare.staff.permissions import Permission as P

request_app = typer.Typer(no_args_is_help=True, help="External takedown and data requests.")
SHOWN = ("id", "kind", "status", "requester_name", "requester_type", "country", "legal_basis",
         "subject_type", "subject_id", "requested_action", "received_at", "political_reason",
         "approval_id", "decision", "rationale", "decided_by", "approved_by", "action_id",
         "export_id")


def _show(record: dict[str, Any], as_json: bool) -> None:
    if as_json:
        emit_json(record)
        return
    for key in SHOWN:
        value = record.get(key)
        if value is not None and value != "":
            out.print(f"{key}: {value}", markup=False, highlight=False)


@request_app.command("register")
def register(
    kind: Annotated[str, typer.Option("--kind", help="takedown or data.")],
    requester: Annotated[str, typer.Option("--requester", help="Who sent it.")],
    requester_type: Annotated[str, typer.Option(
        "--type", help="government, political_campaign, law_enforcement, court, "
        "rights_holder or other.")],
    country: Annotated[str, typer.Option("--country", help="ISO 3166 code, e.g. FR.")],
    legal_basis: Annotated[str, typer.Option("--legal-basis")],
    subject_type: Annotated[str, typer.Option("--subject-type", help="post or account.")],
    subject_id: Annotated[str, typer.Option("--subject-id")],
    action: Annotated[str | None, typer.Option(
        "--action", help="Takedowns: remove_post, limit_reach, read_only or suspend.")] = None,
    received: Annotated[str | None, typer.Option(
        "--received", help="When it arrived (ISO 8601; default now).")] = None,
    details: Annotated[str, typer.Option("--details")] = "",
    as_json: JsonOpt = False,
) -> None:
    """Register a request; political ones are flagged."""
    from townsquare.services.context import build_services
    from townsquare.services.external_requests import register_request

    received_at = when(received, "--received") if received is not None else None
    with application() as a:
        actor = cli_actor(a, P.EXTERNAL_REQUESTS)
        made = register_request(
            build_services(a), actor, kind=kind, requester_name=requester,
            requester_type=requester_type, country=country, legal_basis=legal_basis,
            subject_type=subject_type, subject_id=subject_id, requested_action=action,
            received_at=received_at, details=details,
        )
    _show(made, as_json)


@request_app.command("list")
def list_(
    status: Annotated[str | None, typer.Option("--status")] = None,
    political: Annotated[bool | None, typer.Option(
        "--political/--not-political", help="Only flagged (or unflagged) requests.")] = None,
    requester_type: Annotated[str | None, typer.Option("--type")] = None,
    as_json: JsonOpt = False,
) -> None:
    """Requests, newest first; POLITICAL marks flagged ones."""
    from townsquare.services.context import build_services
    from townsquare.services.external_requests import list_requests

    with application() as a:
        actor = cli_actor(a, P.EXTERNAL_REQUESTS)
        found = list_requests(build_services(a), actor, status=status, political=political,
                              requester_type=requester_type)
    if as_json:
        emit_json(found)
        return
    table = Table()
    for col in ("id", "flag", "kind", "requester", "type", "country", "subject", "asks",
                "status", "decision"):
        table.add_column(col)
    for r in found:
        table.add_row(str(r["id"]), "POLITICAL" if r["political"] else "", r["kind"],
                      r["requester_name"], r["requester_type"], r["country"],
                      f"{r['subject_type']} {r['subject_id']}", r["requested_action"],
                      r["status"], r["decision"] or "-")
    out.print(table)


@request_app.command("show")
def show(request_id: Annotated[int, typer.Argument()], as_json: JsonOpt = False) -> None:
    """One request (the read is audited)."""
    from townsquare.services.context import build_services
    from townsquare.services.external_requests import get_request

    with application() as a:
        actor = cli_actor(a, P.EXTERNAL_REQUESTS)
        found = get_request(build_services(a), actor, request_id)
    _show(found, as_json)


@request_app.command("decide")
def decide(
    request_id: Annotated[int, typer.Argument()],
    decision: Annotated[str, typer.Option("--decision", help="comply, partial or reject.")],
    rationale: Annotated[str, typer.Option("--rationale")],
    action: Annotated[str | None, typer.Option(
        "--action", help="Partial takedowns: the lesser action taken.")] = None,
    section: Annotated[list[str] | None, typer.Option(
        "--section", help="Partial data requests: posts, labels, actions or notices "
        "(repeatable).")] = None,
    duration_seconds: Annotated[int | None, typer.Option("--duration-seconds")] = None,
    policy: Annotated[str, typer.Option("--policy")] = "legal_request",
    as_json: JsonOpt = False,
) -> None:
    """Decide with a rationale (comply, partial or reject).

    Political compliance and personal-data exports wait for a second person."""
    from townsquare.services.context import build_services
    from townsquare.services.external_requests import decide as decide_request

    with application() as a:
        actor = cli_actor(a, P.EXTERNAL_REQUESTS)
        outcome = decide_request(build_services(a), actor, request_id, decision=decision,
                                 rationale=rationale, action=action, sections=section,
                                 duration_seconds=duration_seconds, policy=policy)
    if as_json:
        emit_json(outcome)
    elif outcome["status"] == "pending":
        number = outcome["approval_request"]["id"]
        out.print(f"pending: approval request #{number} needs a second person "
                  f"(townsquare approval approve {number})", markup=False)
    else:
        _show(outcome["request"], False)


@request_app.command("transparency")
def transparency(
    since: Annotated[str | None, typer.Option("--since", help="ISO 8601, inclusive.")] = None,
    until: Annotated[str | None, typer.Option("--until", help="ISO 8601, exclusive.")] = None,
    period: Annotated[str, typer.Option("--period", help="month, quarter or year.")] = "month",
    as_json: JsonOpt = False,
) -> None:
    """Counts for the transparency report (by requester type, decision, kind, period)."""
    from townsquare.services.context import build_services
    from townsquare.services.external_requests import transparency as counts

    start = when(since, "--since") if since is not None else None
    end = when(until, "--until") if until is not None else None
    with application() as a:
        cli_actor(a, P.POLICY_READ)
        report = counts(build_services(a), since=start, until=end, period=period)
    if as_json:
        emit_json(report)
        return
    out.print(f"{report['total']} requests, {report['political']} political", markup=False)
    for name in ("by_requester_type", "by_kind", "by_decision"):
        shown = ", ".join(f"{k} {v}" for k, v in report[name].items()) or "-"
        out.print(f"{name.removeprefix('by_').replace('_', ' ')}: {shown}", markup=False)
    for row in report["by_period"]:
        rest = ", ".join(f"{k} {v}" for k, v in row.items() if k not in ("period", "received"))
        out.print(f"{row['period']}: {row['received']} ({rest})", markup=False)


@request_app.command("political-add")
def political_add(
    name: Annotated[str, typer.Argument(help="A party's or candidate's name.")],
    kind: Annotated[str, typer.Option("--kind", help="party or candidate.")],
    country: Annotated[str | None, typer.Option("--country")] = None,
    as_json: JsonOpt = False,
) -> None:
    """List a party or candidate: requests whose requester names it are flagged."""
    from townsquare.services.context import build_services
    from townsquare.services.external_requests import add_political_entity

    with application() as a:
        actor = cli_actor(a, P.EXTERNAL_REQUESTS)
        made = add_political_entity(build_services(a), actor, name, kind, country)
    if as_json:
        emit_json(made)
    else:
        out.print(f"#{made['id']} {made['name']} ({made['kind']}); flagged requests: "
                  f"{made['flagged_requests'] or 'none'}", markup=False)


@request_app.command("political-list")
def political_list(as_json: JsonOpt = False) -> None:
    """The listed parties and candidates."""
    from townsquare.services.context import build_services
    from townsquare.services.external_requests import list_political_entities

    with application() as a:
        actor = cli_actor(a, P.EXTERNAL_REQUESTS)
        found = list_political_entities(build_services(a), actor)
    if as_json:
        emit_json(found)
        return
    for e in found:
        out.print(f"#{e['id']} {e['name']} ({e['kind']}, {e['country'] or 'any country'})",
                  markup=False)


@request_app.command("political-remove")
def political_remove(entity_id: Annotated[int, typer.Argument()]) -> None:
    """Unlist a party or candidate (requests already flagged stay flagged)."""
    from townsquare.services.context import build_services
    from townsquare.services.external_requests import remove_political_entity

    with application() as a:
        actor = cli_actor(a, P.EXTERNAL_REQUESTS)
        gone = remove_political_entity(build_services(a), actor, entity_id)
    out.print(f"unlisted {gone['name']}", markup=False)


@request_app.command("export")
def export(
    export_id: Annotated[int, typer.Argument(help="A personal-data export's id.")],
    out_file: Annotated[Path | None, typer.Option("--out", help="Write the JSON here.")] = None,
) -> None:
    """Print (or write) a personal-data export; the read is audited."""
    import json

    from townsquare.services.context import build_services
    from townsquare.services.personal_data import read_export

    with application() as a:
        actor = cli_actor(a, P.PERSONAL_DATA_READ)
        found = read_export(build_services(a), actor, export_id)
    if out_file is None:
        emit_json(found)
        return
    try:
        out_file.write_text(json.dumps(found, indent=2, ensure_ascii=False, default=str)
                            + "\n", encoding="utf-8")
    except OSError as exc:
        fail(f"cannot write {out_file}: {exc.strerror or exc}")
    out.print(f"wrote export #{export_id} to {out_file}", markup=False)

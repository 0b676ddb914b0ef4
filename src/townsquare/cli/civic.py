"""`townsquare policy versions|show|live|propose` and `townsquare civic ...`: policy
versions, civic events and the coverage check (identity: TOWNSQUARE_TOKEN; each command
checks the permission of the matching API route)."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.table import Table

from townsquare.cli.common import application, cli_actor, emit_json, err, fail, out
from townsquare.staff.permissions import Permission as P

civic_app = typer.Typer(no_args_is_help=True, help="Civic events and the coverage check.")

JsonOpt = Annotated[bool, typer.Option("--json", help="Print JSON.")]
SHORT_EXIT = 1  # `civic coverage` when short, for cron


def when(value: str, name: str) -> datetime:
    """An ISO 8601 option value (exit 2 when it is not one)."""
    try:
        return datetime.fromisoformat(value)
    except ValueError:
        fail(f"{name}: {value!r} is not an ISO 8601 date-time (e.g. 2026-11-03T06:00:00Z)")
        raise


# --- policy versions (registered on the existing `policy` group) ------------------------


def policy_versions(as_json: JsonOpt = False) -> None:
    """Stored policy versions, newest first (version 1 is the policy file)."""
    from townsquare.services.policies import list_versions

    with application() as a:
        cli_actor(a, P.POLICY_READ)
        found = [v.as_dict() for v in list_versions(a.sessions, a.settings)]
    if as_json:
        emit_json(found)
        return
    table = Table()
    for col in ("version", "kind", "name", "author", "approved by", "reason", "created"):
        table.add_column(col)
    for v in found:
        table.add_row(str(v["version"]), v["kind"], v["name"], v["author"],
                      v["approved_by"] or "-", v["reason"],
                      f"{v['created_at']:%Y-%m-%d %H:%M}" if v["created_at"] else "-")
    out.print(table)


def policy_show(
    version: Annotated[int, typer.Argument(help="The version number.")],
    as_json: JsonOpt = False,
) -> None:
    """Print one version's text (with --json: its details too)."""
    from townsquare.services.policies import get_version

    with application() as a:
        cli_actor(a, P.POLICY_READ)
        found = get_version(a.sessions, a.settings, version)
    if as_json:
        emit_json(found.as_dict(with_text=True))
    else:
        print(found.text, end="" if found.text.endswith("\n") else "\n")


def policy_live(as_json: JsonOpt = False) -> None:
    """The version in force now, and the civic event behind it if any."""
    from townsquare.services.policies import live_summary

    with application() as a:
        cli_actor(a, P.POLICY_READ)
        live = live_summary(a.sessions, a.settings)
    if as_json:
        emit_json(live)
        return
    event = live["civic_event"]
    out.print(f"v{live['version']} ({live['name']})"
              + (f", civic event #{event['id']} {event['name']!r} until {event['ends_at']}"
                 if event else f", the base policy (v{live['base_version']})"), markup=False)


def policy_propose(
    file: Annotated[Path, typer.Argument(help="The new policy (YAML or TOML).")],
    reason: Annotated[str, typer.Option("--reason", help="Why (kept with the version).")],
    as_json: JsonOpt = False,
) -> None:
    """Make FILE the next live version, now or once a second person approves."""
    from townsquare.policy_files import policy_source
    from townsquare.services.context import build_services
    from townsquare.services.policy_changes import propose_change

    with application() as a:
        actor = cli_actor(a, P.POLICY_WRITE)
        text, fmt, _ = policy_source(file)
        outcome = propose_change(build_services(a), actor, text, reason, fmt)
    data = {"status": outcome.status, "result": outcome.result,
            "approval_request": outcome.request}
    if as_json:
        emit_json(data)
    elif outcome.request is not None:
        out.print(f"pending: approval request #{outcome.request['id']} needs a second person "
                  f"(townsquare approval approve {outcome.request['id']})", markup=False)
    else:
        out.print(f"applied: version {(outcome.result or {}).get('version')} is live",
                  markup=False)


def register_policy_commands(policy_app: typer.Typer) -> None:
    """Add the version commands to the existing `policy` group."""
    policy_app.command("versions")(policy_versions)
    policy_app.command("show")(policy_show)
    policy_app.command("live")(policy_live)
    policy_app.command("propose")(policy_propose)


# --- civic events -----------------------------------------------------------------------


def _show_event(event: dict[str, Any]) -> None:
    out.print(f"#{event['id']} {event['name']} ({event['status']}): {event['starts_at']} to "
              f"{event['effective_end']}, policy v{event['policy_version']}, at least "
              f"{event['min_staff']} staff holding {', '.join(event['permissions'])}",
              markup=False)


def _show_coverage(coverage: dict[str, Any]) -> None:
    out.print(f"  {coverage['count']} of {coverage['minimum']} required: "
              f"{', '.join(coverage['covered']) or 'nobody'}", markup=False)
    if coverage["frozen_by_lockdown"]:
        out.print(f"  frozen by a lockdown: {', '.join(coverage['frozen_by_lockdown'])}",
                  markup=False)
    if coverage["warning"]:
        err.print(f"warning: {coverage['warning']}", markup=False)


@civic_app.command("create")
def civic_create(
    name: Annotated[str, typer.Argument(help="e.g. 'General election 2026'.")],
    start: Annotated[str, typer.Option("--start", help="ISO 8601 with a timezone.")],
    end: Annotated[str, typer.Option("--end", help="ISO 8601 with a timezone.")],
    min_staff: Annotated[int, typer.Option("--min-staff", help="Coverage minimum N.")],
    policy_version: Annotated[int | None, typer.Option(
        "--policy-version", help="A stored version to use in the window.")] = None,
    policy_file: Annotated[Path | None, typer.Option(
        "--policy-file", help="A stricter variant to store and use in the window.")] = None,
    permission: Annotated[list[str] | None, typer.Option(
        "--permission", help="Civic-integrity permission (repeatable; default "
        "labels.write, actions.write, reports.handle).")] = None,
    coverage_policy: Annotated[str, typer.Option(
        "--coverage-policy", help="Staff must hold the permissions for this policy "
        "('' for any).")] = "civic_integrity",
    as_json: JsonOpt = False,
) -> None:
    """Create a civic event; warns (stderr) when coverage is short."""
    from townsquare.policy_files import policy_source
    from townsquare.services.civic import create_event
    from townsquare.services.context import build_services

    with application() as a:
        actor = cli_actor(a, P.CIVIC_MANAGE)
        text, fmt = (policy_source(policy_file)[:2] if policy_file is not None
                     else (None, "yaml"))
        made = create_event(
            build_services(a), actor, name=name, starts_at=when(start, "--start"),
            ends_at=when(end, "--end"), min_staff=min_staff,
            policy_version=policy_version, policy_text=text, policy_format=fmt,
            permissions=permission, coverage_policy=coverage_policy or None,
        )
    if as_json:
        emit_json(made)
        return
    _show_event(made["event"])
    _show_coverage(made["coverage"])


@civic_app.command("list")
def civic_list(
    include_ended: Annotated[bool, typer.Option("--all", help="Ended ones too.")] = False,
    as_json: JsonOpt = False,
) -> None:
    """Civic events in force or scheduled, soonest first."""
    from townsquare.services.civic import list_events
    from townsquare.services.context import build_services

    with application() as a:
        cli_actor(a, P.POLICY_READ)
        events = list_events(build_services(a), include_ended=include_ended)
    if as_json:
        emit_json(events)
        return
    for event in events:
        _show_event(event)
    if not events:
        out.print("no civic events")


@civic_app.command("show")
def civic_show(event_id: Annotated[int, typer.Argument()], as_json: JsonOpt = False) -> None:
    """One civic event."""
    from townsquare.services.civic import get_event
    from townsquare.services.context import build_services

    with application() as a:
        cli_actor(a, P.POLICY_READ)
        event = get_event(build_services(a), event_id)
    if as_json:
        emit_json(event)
    else:
        _show_event(event)


@civic_app.command("end")
def civic_end(
    event_id: Annotated[int, typer.Argument()],
    reason: Annotated[str, typer.Option("--reason")],
    as_json: JsonOpt = False,
) -> None:
    """End an event now (cancel a scheduled one): the base policy is back."""
    from townsquare.services.civic import end_event
    from townsquare.services.context import build_services

    with application() as a:
        actor = cli_actor(a, P.CIVIC_MANAGE)
        event = end_event(build_services(a), actor, event_id, reason)
    if as_json:
        emit_json(event)
    else:
        _show_event(event)


@civic_app.command("coverage")
def civic_coverage(
    event_id: Annotated[int | None, typer.Option("--event", help="Only this event.")] = None,
    minimum: Annotated[int | None, typer.Option(
        "--minimum", help="An ad-hoc check with this N instead of the events'.")] = None,
    permission: Annotated[list[str] | None, typer.Option(
        "--permission", help="With --minimum: the permissions (repeatable).")] = None,
    as_json: JsonOpt = False,
) -> None:
    """Whether enough active staff hold the civic-integrity tools; exit 1 when short.

    One check per current or scheduled event, lockdowns included; cron-friendly."""
    from townsquare.services.civic import coverage_check, coverage_report, event_coverage
    from townsquare.services.context import build_services

    if event_id is not None and minimum is not None:
        fail("--event and --minimum do not go together")
    with application() as a:
        cli_actor(a, P.CIVIC_MANAGE)
        services = build_services(a)
        if event_id is not None:
            one = event_coverage(services, event_id)
            report = {"short": one["coverage"]["short"], "checks": [one]}
        elif minimum is not None:
            checked = coverage_check(services, minimum=minimum, permissions=permission)
            report = {"short": checked.short,
                      "checks": [{"event": None, "coverage": checked.as_dict()}]}
        else:
            report = coverage_report(services)
    if as_json:
        emit_json(report)
    else:
        for check in report["checks"]:
            event = check["event"]
            out.print(f"#{event['id']} {event['name']}" if event else "civic-integrity staff",
                      markup=False)
            _show_coverage(check["coverage"])
    if report["short"]:
        raise typer.Exit(SHORT_EXIT)

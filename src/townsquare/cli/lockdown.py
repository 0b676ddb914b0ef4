"""`townsquare lockdown|approval ...`: lockdowns and the two-person rule from the command
line (identity: TOWNSQUARE_TOKEN)."""

from __future__ import annotations

from datetime import datetime
from typing import Annotated

import typer
from rich.table import Table

from townsquare.cli.common import application, cli_actor, emit_json, fail, out
from townsquare.staff.permissions import Permission as P

lockdown_app = typer.Typer(no_args_is_help=True, help="Freeze tool access in an emergency.")
approval_app = typer.Typer(no_args_is_help=True, help="Two-person approvals.")

JsonOpt = Annotated[bool, typer.Option("--json", help="Print JSON.")]


def _when(value: str | None) -> datetime | None:
    if value is None:
        return None
    try:
        return datetime.fromisoformat(value)
    except ValueError:
        fail(f"--restore-at: not an ISO date-time: {value!r}")
        raise


@lockdown_app.command("start")
def lockdown_start(
    reason: Annotated[str, typer.Option("--reason")],
    permission: Annotated[list[str] | None, typer.Option(
        "--permission", help="Freeze only these (repeatable); none: org-wide.")] = None,
    exempt_staff: Annotated[list[str] | None, typer.Option("--exempt-staff")] = None,
    exempt_team: Annotated[list[str] | None, typer.Option("--exempt-team")] = None,
    exempt_role: Annotated[list[str] | None, typer.Option("--exempt-role")] = None,
    restore_at: Annotated[str | None, typer.Option(
        "--restore-at", help="ISO date-time with zone: restore automatically then.")] = None,
    as_json: JsonOpt = False,
) -> None:
    """Freeze tool access org-wide or per permission, with named exemptions."""
    from townsquare.services.context import build_services
    from townsquare.services.lockdown import start

    with application() as a:
        actor = cli_actor(a, P.LOCKDOWN_MANAGE)
        made = start(build_services(a), actor, reason, permissions=permission,
                     exempt_staff=exempt_staff, exempt_teams=exempt_team,
                     exempt_roles=exempt_role, restore_at=_when(restore_at))
    if as_json:
        emit_json(made)
    else:
        out.print(f"lockdown #{made['id']} in force: {', '.join(made['frozen'])}", markup=False)


@lockdown_app.command("list")
def lockdown_list(
    include_past: Annotated[bool, typer.Option("--all", help="Lifted ones too.")] = False,
    as_json: JsonOpt = False,
) -> None:
    from townsquare.services.context import build_services
    from townsquare.services.lockdown import list_lockdowns

    with application() as a:
        cli_actor(a, None)
        rows = list_lockdowns(build_services(a), include_past)
    if as_json:
        emit_json(rows)
        return
    table = Table("id", "scope", "reason", "exempt", "started", "restore", "state")
    for r in rows:
        exempt = ", ".join(r["exempt_staff"] + r["exempt_teams"] + r["exempt_roles"])
        table.add_row(str(r["id"]), r["scope"], r["reason"], exempt, r["started_at"],
                      r["restore_at"] or "-", "in force" if r["in_force"] else "lifted")
    out.print(table)


@lockdown_app.command("lift")
def lockdown_lift(lockdown_id: Annotated[int, typer.Argument()],
                  reason: Annotated[str, typer.Option("--reason")]) -> None:
    """Ask to lift a lockdown (a second person approves: townsquare approval approve)."""
    from townsquare.services.context import build_services
    from townsquare.services.lockdown import lift

    with application() as a:
        outcome = lift(build_services(a), cli_actor(a, P.LOCKDOWN_MANAGE), lockdown_id, reason)
    if outcome.status == "pending" and outcome.request:
        out.print(f"approval request #{outcome.request['id']} waits for a second person",
                  markup=False)
    else:
        out.print(f"lockdown #{lockdown_id} lifted", markup=False)


@approval_app.command("list")
def approval_list(
    status: Annotated[str | None, typer.Option("--status")] = "pending",
    as_json: JsonOpt = False,
) -> None:
    from townsquare.services.approvals import list_requests
    from townsquare.services.context import build_services

    with application() as a:
        cli_actor(a, P.APPROVALS_READ)
        rows = list_requests(build_services(a), status)
    if as_json:
        emit_json(rows)
        return
    table = Table("id", "operation", "subject", "requested by", "reason", "expires", "status")
    for r in rows:
        table.add_row(str(r["id"]), r["operation"], f"{r['subject_type']}:{r['subject_id']}",
                      r["requested_by"], r["reason"], r["expires_at"], r["status"])
    out.print(table)


@approval_app.command("approve")
def approval_approve(request_id: Annotated[int, typer.Argument()],
                     note: Annotated[str, typer.Option("--note")] = "",
                     as_json: JsonOpt = False) -> None:
    """Approve as the second person; the operation is applied."""
    from townsquare.services.approvals import approve
    from townsquare.services.context import build_services

    with application() as a:
        done = approve(build_services(a), cli_actor(a, None), request_id, note)
    if as_json:
        emit_json(done)
    else:
        out.print(f"approval request #{request_id}: {done['status']}", markup=False)


@approval_app.command("reject")
def approval_reject(request_id: Annotated[int, typer.Argument()],
                    note: Annotated[str, typer.Option("--note")] = "") -> None:
    """Reject (a second person) or cancel (the requester)."""
    from townsquare.services.approvals import reject
    from townsquare.services.context import build_services

    with application() as a:
        done = reject(build_services(a), cli_actor(a, None), request_id, note)
    out.print(f"approval request #{request_id}: {done['status']}", markup=False)

"""`townsquare staff|role ...`: staff accounts, grants, tokens and roles from the command
line (identity: TOWNSQUARE_TOKEN)."""

from __future__ import annotations

import sys
from typing import Annotated, Any

import typer
from rich.table import Table

from townsquare.cli.common import application, cli_actor, emit_json, err, fail, out
from townsquare.staff.permissions import Permission as P

staff_app = typer.Typer(no_args_is_help=True, help="Staff accounts, grants and tokens.")
role_app = typer.Typer(no_args_is_help=True, help="Built-in and custom roles.")

JsonOpt = Annotated[bool, typer.Option("--json", help="Print JSON.")]


def _password(stdin: bool) -> str:
    if stdin:
        return sys.stdin.readline().rstrip("\n")
    first = typer.prompt("password", hide_input=True)
    if typer.prompt("again", hide_input=True) != first:
        fail("the passwords differ")
    return str(first)


def _show_staff(record: dict[str, Any], as_json: bool) -> None:
    if as_json:
        emit_json(record)
        return
    grants = ", ".join(
        g["role"] + (f" (policies {','.join(g['policies'])})" if g["policies"] else "")
        + (f" (queues {','.join(g['queues'])})" if g["queues"] else "")
        for g in record["grants"]
    )
    state = "disabled" if record["disabled"] else "active"
    out.print(f"{record['username']} ({record['display_name']}), {state}; "
              f"roles: {grants or 'none'}; teams: {', '.join(record['teams']) or 'none'}",
              markup=False)


@staff_app.command("bootstrap")
def bootstrap(
    username: Annotated[str, typer.Argument(help="The first admin's username.")],
    password_stdin: Annotated[bool, typer.Option("--password-stdin")] = False,
) -> None:
    """Create the first admin (only while no staff exist); prints their token last."""
    from townsquare.services.staff import bootstrap_admin

    password = _password(password_stdin)
    with application() as a:
        record, secret = bootstrap_admin(a.sessions, username, password)
    err.print(f"admin {record.username!r} created; export TOWNSQUARE_TOKEN with the token "
              "below (shown once)", markup=False)
    print(secret)


@staff_app.command("create")
def create(
    username: Annotated[str, typer.Argument()],
    name: Annotated[str, typer.Option("--name", help="Display name.")] = "",
    email: Annotated[str | None, typer.Option("--email")] = None,
    team: Annotated[list[str] | None, typer.Option("--team", help="Repeatable.")] = None,
    role: Annotated[list[str] | None, typer.Option("--role", help="Repeatable.")] = None,
    password_stdin: Annotated[bool, typer.Option("--password-stdin")] = False,
    no_password: Annotated[bool, typer.Option("--no-password", help="Token use only.")] = False,
    as_json: JsonOpt = False,
) -> None:
    """Create a staff member (you can only grant roles whose permissions you hold)."""
    from townsquare.services.staff import create_staff

    password = None if no_password else _password(password_stdin)
    with application() as a:
        actor = cli_actor(a, P.STAFF_ADMIN)
        record = create_staff(a.sessions, actor, username, name, password, email=email,
                              teams=team or [], roles=role or [])
    _show_staff(record.public(), as_json)


@staff_app.command("list")
def list_(as_json: JsonOpt = False) -> None:
    """Every staff member with their roles and teams."""
    from townsquare.services.staff import list_staff

    with application() as a:
        records = [r.public() for r in list_staff(a.sessions, cli_actor(a, P.STAFF_ADMIN))]
    if as_json:
        emit_json(records)
        return
    table = Table("username", "name", "state", "roles", "teams")
    for r in records:
        table.add_row(r["username"], r["display_name"], "disabled" if r["disabled"] else "active",
                      ", ".join(g["role"] for g in r["grants"]), ", ".join(r["teams"]))
    out.print(table)


@staff_app.command("show")
def show(username: Annotated[str, typer.Argument()], as_json: JsonOpt = False) -> None:
    from townsquare.services.staff import get_staff

    with application() as a:
        record = get_staff(a.sessions, cli_actor(a, P.STAFF_ADMIN), username).public()
    _show_staff(record, as_json)


@staff_app.command("disable")
def disable(
    username: Annotated[str, typer.Argument()],
    reason: Annotated[str, typer.Option("--reason")] = "",
) -> None:
    """Disable a staff member: their sessions and tokens stop working."""
    from townsquare.services.staff import set_disabled

    with application() as a:
        record = set_disabled(a.sessions, cli_actor(a, P.STAFF_ADMIN), username, True, reason)
    _show_staff(record.public(), False)


@staff_app.command("enable")
def enable(username: Annotated[str, typer.Argument()]) -> None:
    from townsquare.services.staff import set_disabled

    with application() as a:
        record = set_disabled(a.sessions, cli_actor(a, P.STAFF_ADMIN), username, False)
    _show_staff(record.public(), False)


@staff_app.command("grant")
def grant(
    username: Annotated[str, typer.Argument()],
    role: Annotated[str, typer.Argument()],
    policy: Annotated[list[str] | None, typer.Option("--policy", help="Scope; repeatable.")
                      ] = None,
    queue: Annotated[list[str] | None, typer.Option("--queue", help="Scope; repeatable.")
                     ] = None,
) -> None:
    """Grant a role, optionally scoped to policies and/or queues."""
    from townsquare.services.staff import grant_role

    with application() as a:
        record = grant_role(a.sessions, cli_actor(a, P.STAFF_ADMIN), username, role,
                            policy or None, queue or None)
    _show_staff(record.public(), False)


@staff_app.command("revoke")
def revoke(username: Annotated[str, typer.Argument()], role: Annotated[str, typer.Argument()]
           ) -> None:
    from townsquare.services.staff import revoke_role

    with application() as a:
        record = revoke_role(a.sessions, cli_actor(a, P.STAFF_ADMIN), username, role)
    _show_staff(record.public(), False)


@staff_app.command("teams")
def teams(username: Annotated[str, typer.Argument()],
          team: Annotated[list[str] | None, typer.Argument(help="The full list.")] = None
          ) -> None:
    """Set a staff member's teams (lockdowns can exempt a team)."""
    from townsquare.services.staff import set_teams

    with application() as a:
        record = set_teams(a.sessions, cli_actor(a, P.STAFF_ADMIN), username, team or [])
    _show_staff(record.public(), False)


@staff_app.command("passwd")
def passwd(
    username: Annotated[str, typer.Argument()],
    password_stdin: Annotated[bool, typer.Option("--password-stdin")] = False,
) -> None:
    """Set a password (your own, or anyone's with staff.admin); their sessions end."""
    from townsquare.services.staff import set_password

    password = _password(password_stdin)
    with application() as a:
        set_password(a.sessions, cli_actor(a, None), username, password)
    out.print(f"password of {username} changed", markup=False)


@staff_app.command("token")
def staff_token(username: Annotated[str, typer.Argument()],
                name: Annotated[str, typer.Argument(help="The token's name.")]) -> None:
    """A token acting as the staff member; the secret is printed once, last."""
    from townsquare.services.staff import create_staff_token

    with application() as a:
        secret = create_staff_token(a.sessions, cli_actor(a, None), username, name)
    err.print(f"token {name!r} for {username!r} created; it is not shown again", markup=False)
    print(secret)


@role_app.command("list")
def role_list(as_json: JsonOpt = False) -> None:
    from townsquare.services.staff import list_roles

    with application() as a:
        cli_actor(a, None)
        roles = list_roles(a.sessions)
    if as_json:
        emit_json(roles)
        return
    table = Table("role", "kind", "permissions")
    for r in roles:
        table.add_row(r["name"], "built-in" if r["builtin"] else "custom",
                      ", ".join(r["permissions"]))
    out.print(table)


@role_app.command("create")
def role_create(
    name: Annotated[str, typer.Argument()],
    permission: Annotated[list[str], typer.Option("--permission", help="Repeatable.")],
    description: Annotated[str, typer.Option("--description")] = "",
) -> None:
    """A custom role made of permissions you hold."""
    from townsquare.services.staff import create_role

    with application() as a:
        role = create_role(a.sessions, cli_actor(a, P.STAFF_ADMIN), name, permission,
                           description)
    out.print(f"role {role['name']}: {', '.join(role['permissions'])}", markup=False)

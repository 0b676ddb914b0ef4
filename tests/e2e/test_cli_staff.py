"""`townsquare staff|role|lockdown|approval` end to end on SQLite and PostgreSQL."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import Result
from typer.testing import CliRunner

from townsquare.cli import app

PASSWORD = "correct horse battery"


@pytest.fixture
def cli(database_url: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> CliRunner:
    monkeypatch.setenv("TOWNSQUARE_DATABASE_URL", database_url)
    monkeypatch.setenv("TOWNSQUARE_KEY_FILE", str(tmp_path / "key"))
    monkeypatch.setenv("TOWNSQUARE_DATA_DIR", str(tmp_path / "var"))
    monkeypatch.setenv("COLUMNS", "200")
    monkeypatch.delenv("TOWNSQUARE_TOKEN", raising=False)
    return CliRunner()


def run(cli: CliRunner, token: str | None, *args: str, stdin: str | None = None) -> Result:
    env = {"TOWNSQUARE_TOKEN": token} if token else {}
    return cli.invoke(app, list(args), input=stdin, env=env)


def last_line(result: Result) -> str:
    assert result.exit_code == 0, result.output
    return result.stdout.strip().splitlines()[-1]


def test_bootstrap_once_then_staff_lockdown_and_a_second_person(cli: CliRunner) -> None:
    root = last_line(run(cli, None, "staff", "bootstrap", "root", "--password-stdin",
                         stdin=PASSWORD + "\n"))
    again = run(cli, None, "staff", "bootstrap", "eve", "--password-stdin",
                stdin=PASSWORD + "\n")
    assert again.exit_code == 2 and "staff already exist" in again.stderr

    assert run(cli, root, "staff", "create", "sec2", "--role", "admin", "--password-stdin",
               stdin=PASSWORD + "\n").exit_code == 0
    assert run(cli, root, "staff", "create", "mod", "--role", "moderator", "--no-password",
               "--team", "trust").exit_code == 0
    sec2 = last_line(run(cli, root, "staff", "token", "sec2", "sec2-cli"))
    mod = last_line(run(cli, root, "staff", "token", "mod", "mod-cli"))

    listed = run(cli, root, "staff", "list")
    assert listed.exit_code == 0 and "sec2" in listed.stdout and "moderator" in listed.stdout
    denied = run(cli, mod, "staff", "list")
    assert denied.exit_code == 3 and "lacks the permission 'staff.admin'" in denied.stderr
    grant = run(cli, mod, "staff", "grant", "mod", "admin")
    assert grant.exit_code == 3

    started = run(cli, root, "lockdown", "start", "--reason", "incident",
                  "--exempt-staff", "sec2")
    assert started.exit_code == 0, started.output
    frozen = run(cli, mod, "staff", "token", "mod", "mod-second")  # allowed: own token
    assert frozen.exit_code == 0
    blocked = run(cli, root, "staff", "list")
    assert blocked.exit_code == 3 and "frozen by a lockdown" in blocked.stderr
    assert run(cli, sec2, "staff", "list").exit_code == 0  # exempt by name

    lift = run(cli, root, "lockdown", "lift", "1", "--reason", "resolved")
    assert lift.exit_code == 0 and "waits for a second person" in lift.stdout
    same = run(cli, root, "approval", "approve", "1")
    assert same.exit_code == 3 and "needs a second person" in same.stderr
    done = run(cli, sec2, "approval", "approve", "1")
    assert done.exit_code == 0 and "applied" in done.stdout
    assert run(cli, root, "staff", "list").exit_code == 0
    assert run(cli, root, "approval", "approve", "1").exit_code == 2  # no longer pending


def test_commands_without_a_valid_token_exit_2_and_say_why(cli: CliRunner) -> None:
    missing = run(cli, None, "staff", "list")
    assert missing.exit_code == 2 and "TOWNSQUARE_TOKEN" in missing.stderr
    bogus = run(cli, "tsq_nope", "lockdown", "list")
    assert bogus.exit_code == 2 and "unknown, revoked or expired" in bogus.stderr


def test_custom_roles_and_scoped_grants_from_the_cli(cli: CliRunner) -> None:
    root = last_line(run(cli, None, "staff", "bootstrap", "root", "--password-stdin",
                         stdin=PASSWORD + "\n"))
    made = run(cli, root, "role", "create", "spam_desk", "--permission", "labels.write",
               "--permission", "status.read", "--description", "spam only")
    assert made.exit_code == 0, made.output
    bad = run(cli, root, "role", "create", "weird", "--permission", "fly")
    assert bad.exit_code == 2 and "unknown permission" in bad.stderr
    assert run(cli, root, "staff", "create", "ann", "--no-password").exit_code == 0
    scoped = run(cli, root, "staff", "grant", "ann", "spam_desk", "--policy", "spam")
    assert scoped.exit_code == 0 and "policies spam" in scoped.stdout
    roles = run(cli, root, "role", "list", "--json")
    assert '"spam_desk"' in roles.stdout and '"builtin": false' in roles.stdout
    unknown = run(cli, root, "staff", "grant", "ann", "emperor")
    assert unknown.exit_code == 2 and "unknown role 'emperor'" in unknown.stderr

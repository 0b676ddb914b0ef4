"""The CLI permission matrix: every command for every built-in role — allowed roles exit 0,
the others exit 3 ("forbidden") — with no lockdown and under an org-wide lockdown. On
SQLite: the commands share their authorisation code with the API, whose matrix also runs
on PostgreSQL."""

from __future__ import annotations

import functools
from collections.abc import Iterator
from itertools import count
from pathlib import Path
from typing import Any

import pytest
import typer
import typer.testing
from tests.conftest import export_cli_token
from tests.e2e.cli_matrix_cases import CLI_CASES, NOT_RUN, PASSWORD, Cli
from tests.e2e.conftest import ROLES
from typer.testing import CliRunner

from townsquare.cli import app
from townsquare.staff.permissions import LOCKDOWN_IMMUNE
from townsquare.staff.permissions import ROLES as ROLE_PERMISSIONS

FORBIDDEN = 3


def commands(group: Any, prefix: tuple[str, ...] = ()) -> Iterator[str]:
    if hasattr(group, "list_commands"):
        ctx = typer.Context(group)
        for name in group.list_commands(ctx):
            yield from commands(group.get_command(ctx, name), (*prefix, name))
    else:
        yield " ".join(prefix)


def test_every_cli_command_has_a_case() -> None:
    every = set(commands(typer.main.get_command(app)))
    missing = sorted(every - set(CLI_CASES) - set(NOT_RUN))
    stale = sorted((set(CLI_CASES) | set(NOT_RUN)) - every)
    assert not missing, f"commands without a CLI matrix case: {missing}"
    assert not stale, f"cases for commands that no longer exist: {stale}"


@pytest.fixture
def cli(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Cli:
    # Typer rebuilds the whole click command tree on every invoke (half this test's time
    # over ~1,000 calls); the tree never changes, so build it once.
    monkeypatch.setattr(typer.testing, "_get_command", functools.cache(typer.main.get_command))
    monkeypatch.setenv("TOWNSQUARE_DATABASE_URL", f"sqlite:///{tmp_path / 'ts.sqlite3'}")
    monkeypatch.setenv("TOWNSQUARE_KEY_FILE", str(tmp_path / "key"))
    monkeypatch.setenv("TOWNSQUARE_DATA_DIR", str(tmp_path / "var"))
    monkeypatch.setenv("COLUMNS", "200")
    runner = CliRunner()
    made = runner.invoke(app, ["staff", "bootstrap", "matrix-setup", "--password-stdin"],
                         input=PASSWORD + "\n", env={"TOWNSQUARE_TOKEN": ""})
    assert made.exit_code == 0, made.output
    return Cli(runner, tmp_path, made.stdout.strip().splitlines()[-1])


@pytest.mark.parametrize("locked", [False, True], ids=["open", "lockdown"])
@pytest.mark.parametrize("role", ROLES)
def test_every_command_answers_each_role_as_its_permissions_say(
    cli: Cli, role: str, locked: bool, monkeypatch: pytest.MonkeyPatch
) -> None:
    token = export_cli_token(monkeypatch, role, f"matrix-{role}")
    if locked:
        cli.setup("lockdown", "start", "--reason", "matrix", "--exempt-staff", "matrix-setup")
    numbers = count(1)
    wrong: list[str] = []
    for name, case in sorted(CLI_CASES.items()):
        invocation = case.make(cli, next(numbers))
        result = cli.run(None if case.need == "public" else token, invocation.args,
                         invocation.stdin)
        if case.need in ("public", "any"):
            expect_ok = True
        else:
            expect_ok = case.need in ROLE_PERMISSIONS[role] and (
                not locked or case.need in LOCKDOWN_IMMUNE)
        expected = 0 if expect_ok else FORBIDDEN
        if result.exit_code != expected:
            wrong.append(f"{name} as {role}: exit {result.exit_code} (expected {expected}) "
                         f"{result.output[-300:]!r}")
    assert not wrong, "\n".join(wrong)

"""`townsquare report ...` and `townsquare queue ...` on SQLite and PostgreSQL: every command
for every built-in role (allowed: exit 0, others: exit 3 before anything is stored), a
report worked end to end, and bad input (exit 2, nothing stored)."""

from __future__ import annotations

import itertools
import json
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import click
import pytest
import typer
from click.testing import CliRunner, Result
from sqlalchemy import func, select
from tests.e2e.conftest import ROLES

from townsquare.bootstrap import App, open_app
from townsquare.cli.reports import queue_app, report_app
from townsquare.moderation.reports import NewReport
from townsquare.services import content, queues, report_handling, reporters, reports
from townsquare.services.context import build_services
from townsquare.services.staff import create_staff
from townsquare.services.tokens import create_token
from townsquare.settings import load_settings
from townsquare.staff.actor import Actor, Grant, system_actor
from townsquare.staff.permissions import ROLES as ROLE_PERMISSIONS
from townsquare.staff.permissions import Permission as P
from townsquare.store.report_tables import Report

_ids = itertools.count(1)
SETUP = system_actor("setup")
PLATFORM = Actor("platform", "service", (Grant("service", ROLE_PERMISSIONS["service"]),))


@contextmanager
def store() -> Iterator[App]:
    app = open_app(load_settings())
    try:
        yield app
    finally:
        app.close()


@dataclass
class Cli:
    runner: CliRunner
    tokens: dict[str, str]
    app: App  # the same store, opened once for setting up and counting
    command: click.Command  # the whole CLI, built once (building it costs most of a run)

    def run(self, role: str, *args: str) -> Result:
        return self.runner.invoke(self.command, list(args),
                                  env={"TOWNSQUARE_TOKEN": self.tokens[role]})


@pytest.fixture
def cli(database_url: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Cli]:
    monkeypatch.setenv("TOWNSQUARE_DATABASE_URL", database_url)
    monkeypatch.setenv("TOWNSQUARE_KEY_FILE", str(tmp_path / "key"))
    monkeypatch.setenv("TOWNSQUARE_DATA_DIR", str(tmp_path / "var"))
    monkeypatch.setenv("COLUMNS", "200")
    with store() as app:
        tokens = {role: create_token(app.sessions, f"cli-{role}", role) for role in ROLES}
        for name in ("alice", "bob"):
            content.create_account(app.sessions, name, f"{name}_h")
        content.create_post(app.sessions, build_services(app).moderation.compiled, "p1",
                            "bob", "cheap pills")
        queues.create_queue(app.sessions, SETUP, "senior")
        create_staff(app.sessions, SETUP, "nia", "Nia", None, roles=["moderator"])
    from townsquare.cli import app as cli_app

    with store() as app:
        yield Cli(CliRunner(), tokens, app, typer.main.get_command(cli_app))


def as_role(role: str) -> Actor:
    """The CLI token of ``role`` as an actor (claims are held by the token's name)."""
    return Actor(f"cli-{role}", "service", (Grant(role, ROLE_PERMISSIONS[role]),))


def new_report(app: App) -> str:
    """A fresh reporter's report on bob; its id."""
    reporter = account(app)
    new = NewReport(reporter, "account", "bob", "spam", "spam")  # type: ignore[arg-type]
    compiled = build_services(app).moderation.compiled
    return str(reports.file_report(app.sessions, compiled, PLATFORM, new)["id"])


def claimed(app: App, role: str) -> str:
    report_id = new_report(app)
    if P.REPORTS_HANDLE in ROLE_PERMISSIONS[role]:
        report_handling.claim(app.sessions, as_role(role), int(report_id))
    return report_id


def account(app: App) -> str:
    name = f"a{next(_ids)}"
    content.create_account(app.sessions, name, f"{name}_h")
    return name


def muted_account(app: App) -> str:
    name = account(app)
    reporters.mute(app.sessions, SETUP, name, "bad faith")
    return name


def queue(app: App) -> str:
    name = f"q{next(_ids)}"
    queues.create_queue(app.sessions, SETUP, name)
    return name


def rule(app: App) -> str:
    return str(queues.add_rule(app.sessions, SETUP, {"queue": "senior"})["id"])


def rules_file(tmp: Path) -> str:
    path = tmp / f"rules{next(_ids)}.yaml"
    path.write_text("- queue: senior\n  match: {escalated: true}\n", "utf-8")
    return str(path)


@dataclass(frozen=True)
class Command:
    name: str
    needs: frozenset[P]
    args: Callable[[App, str, Path], list[str]]  # (store, role, temp dir) -> arguments


H, A, W = P.REPORTS_HANDLE, P.REPORTS_ASSIGN, P.QUEUES_ADMIN
COMMANDS = [
    Command("report file", frozenset({P.CONTENT_WRITE}), lambda app, role, tmp: [
        "--reporter", account(app), "--subject-type", "post", "--subject", "p1",
        "--reason", "spam", "--policy", "spam"]),
    Command("report list", frozenset({P.REPORTS_READ}), lambda app, role, tmp: []),
    Command("report show", frozenset({P.REPORTS_READ}),
            lambda app, role, tmp: [new_report(app)]),
    Command("report claim", frozenset({H}), lambda app, role, tmp: [new_report(app)]),
    Command("report release", frozenset({H}), lambda app, role, tmp: [claimed(app, role)]),
    Command("report assign", frozenset({A}),
            lambda app, role, tmp: [new_report(app), "--to", "nia"]),
    Command("report escalate", frozenset({H}), lambda app, role, tmp: [
        claimed(app, role), "--note", "hard case", "--queue", "senior"]),
    Command("report resolve", frozenset({H, P.ACTIONS_WRITE}),
            lambda app, role, tmp: [claimed(app, role), "--kind", "warn"]),
    Command("report dismiss", frozenset({H}),
            lambda app, role, tmp: [claimed(app, role), "--reason", "fine"]),
    Command("report by", frozenset({P.STATUS_READ}), lambda app, role, tmp: ["alice"]),
    Command("report mute", frozenset({A}),
            lambda app, role, tmp: [account(app), "--reason", "bad"]),
    Command("report unmute", frozenset({A}),
            lambda app, role, tmp: [muted_account(app), "--reason", "ok"]),
    Command("report muted", frozenset({A}), lambda app, role, tmp: []),
    Command("queue list", frozenset({P.REPORTS_READ}), lambda app, role, tmp: []),
    Command("queue create", frozenset({W}), lambda app, role, tmp: [f"q{next(_ids)}"]),
    Command("queue update", frozenset({W}),
            lambda app, role, tmp: ["senior", "--claim-timeout", "600"]),
    Command("queue delete", frozenset({W}), lambda app, role, tmp: [queue(app)]),
    Command("queue next", frozenset({H}),
            lambda app, role, tmp: [new_report(app) and "default"]),
    Command("queue rules", frozenset({P.REPORTS_READ}), lambda app, role, tmp: []),
    Command("queue rule-add", frozenset({W}), lambda app, role, tmp: [
        "--queue", "senior", "--match", '{"reasons": ["violence"]}']),
    Command("queue rule-remove", frozenset({W}), lambda app, role, tmp: [rule(app)]),
    Command("queue rules-set", frozenset({W}), lambda app, role, tmp: [rules_file(tmp)]),
]


def report_count(app: App) -> int:
    with app.sessions() as session:
        return int(session.scalar(select(func.count()).select_from(Report)) or 0)


def test_every_report_and_queue_command_for_every_role(cli: Cli, tmp_path: Path) -> None:
    registered = {f"report {c.name}" for c in report_app.registered_commands} | {
        f"queue {c.name}" for c in queue_app.registered_commands}
    assert registered == {c.name for c in COMMANDS}  # every command, once
    for command in COMMANDS:
        for role in ROLES:
            args = command.args(cli.app, role, tmp_path)
            before = report_count(cli.app)
            done = cli.run(role, *command.name.split(), *args)
            if command.needs <= ROLE_PERMISSIONS[role]:
                assert done.exit_code == 0, (command.name, role, done.output)
            else:
                assert done.exit_code == 3, (command.name, role, done.output)
                assert "forbidden" in done.stderr, (command.name, role)
                assert report_count(cli.app) == before


def test_a_report_worked_from_the_command_line(cli: Cli) -> None:
    assert cli.run("policy", "queue", "create", "spam", "--claim-timeout", "600").exit_code == 0
    added = cli.run("policy", "queue", "rule-add", "--queue", "spam", "--match",
                    '{"policies": ["spam"]}')
    assert added.exit_code == 0 and "position 1" in added.stdout
    filed = cli.run("service", "report", "file", "--reporter", "alice", "--subject-type",
                    "post", "--subject", "p1", "--reason", "spam", "--policy", "spam",
                    "--text", "pills again", "--json")
    assert filed.exit_code == 0, filed.output
    report_id = str(json.loads(filed.stdout)["id"])
    listed = json.loads(cli.run("moderator", "report", "list", "--queue", "spam",
                                "--json").stdout)
    assert [(r["id"], r["queue"]) for r in listed] == [(int(report_id), "spam")]
    claim = cli.run("moderator", "report", "claim", report_id)
    assert claim.exit_code == 0 and "claimed by cli-moderator" in claim.stdout
    taken = cli.run("senior_moderator", "report", "claim", report_id)
    assert taken.exit_code == 2 and "claimed by 'cli-moderator'" in taken.stderr
    done = cli.run("moderator", "report", "resolve", report_id, "--kind", "remove_post",
                   "--note", "Selling pills.", "--json")
    assert done.exit_code == 0, done.output
    assert json.loads(done.stdout)["report"]["status"] == "actioned"
    mine = json.loads(cli.run("service", "report", "by", "alice", "--json").stdout)
    assert [m["status"] for m in mine] == ["action_taken"]
    shown = cli.run("senior_moderator", "report", "show", report_id)
    assert '"pills again"' in shown.stdout and "actioned by cli-moderator" in shown.stdout


def test_bad_input_exits_2_with_a_message_and_stores_nothing(cli: Cli, tmp_path: Path) -> None:
    bad_rules = tmp_path / "bad.yaml"
    bad_rules.write_text("- queue: ghost\n", "utf-8")
    cases = [
        (("report", "file", "--reporter", "alice", "--subject-type", "post", "--subject",
          "p404", "--reason", "spam", "--policy", "spam"), "no post with id 'p404'"),
        (("report", "file", "--reporter", "alice", "--subject-type", "post", "--subject",
          "p1", "--reason", "rude", "--policy", "spam"), "unknown reason 'rude'"),
        (("report", "file", "--reporter", "alice", "--subject-type", "post", "--subject",
          "p1", "--reason", "spam", "--policy", "nope"), "unknown policy 'nope'"),
        (("report", "claim", "999"), "no report #999"),
        (("report", "list", "--queue", "ghost"), "no queue named 'ghost'"),
        (("queue", "create", "Bad Name"), "queue name"),
        (("queue", "rule-add", "--queue", "senior", "--match", "{oops"), "not JSON"),
        (("queue", "rules-set", str(bad_rules)), "no queue named 'ghost'"),
        (("queue", "rules-set", str(tmp_path / "missing.yaml")), "cannot read"),
        (("report", "mute", "zed", "--reason", "x"), "no account with id 'zed'"),
    ]
    for args, message in cases:
        done = cli.run("admin", *args)
        assert done.exit_code == 2, (args, done.output)
        assert message in " ".join(done.stderr.split()), (args, done.stderr)
    assert report_count(cli.app) == 0
    assert json.loads(cli.run("admin", "queue", "rules", "--json").stdout) == []

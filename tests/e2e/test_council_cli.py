"""`townsquare appeal|reinstatement|council` end to end on SQLite and PostgreSQL: the same
permissions as the API (exit 3 when forbidden), clear errors (exit 2), nothing stored."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest
from click.testing import Result
from sqlalchemy import func, select
from typer.testing import CliRunner

from townsquare.bootstrap import App, open_app
from townsquare.cli import app
from townsquare.services import content
from townsquare.services.context import build_services
from townsquare.services.enforcement import request_from, take_action
from townsquare.services.tokens import create_token
from townsquare.settings import load_settings
from townsquare.store.due_process_tables import Appeal, ReinstatementRequest
from townsquare.store.tables import utcnow

ROLES = ("service", "moderator", "senior_moderator", "admin", "council")


@pytest.fixture
def cli(database_url: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> CliRunner:
    monkeypatch.setenv("TOWNSQUARE_DATABASE_URL", database_url)
    monkeypatch.setenv("TOWNSQUARE_KEY_FILE", str(tmp_path / "key"))
    monkeypatch.setenv("TOWNSQUARE_DATA_DIR", str(tmp_path / "var"))
    monkeypatch.setenv("COLUMNS", "200")
    monkeypatch.delenv("TOWNSQUARE_TOKEN", raising=False)
    return CliRunner()


@pytest.fixture
def store(cli: CliRunner) -> Iterator[App]:
    opened = open_app(load_settings())
    try:
        yield opened
    finally:
        opened.close()


@pytest.fixture
def tokens(store: App) -> dict[str, str]:
    made = {role: create_token(store.sessions, role, role) for role in ROLES}
    made["ana"] = create_token(store.sessions, "ana", "council")
    return made


def run(cli: CliRunner, token: str, *args: str) -> Result:
    return cli.invoke(app, list(args), env={"TOWNSQUARE_TOKEN": token})


def ok(result: Result) -> str:
    assert result.exit_code == 0, (result.stdout, result.stderr)
    return result.stdout


def act(store: App, kind: str, subject_id: str, subject_type: str = "account",
        days_ago: int = 0, **extra: Any) -> dict[str, Any]:
    body = {"kind": kind, "subject_type": subject_type, "subject_id": subject_id,
            "policy": "spam", **extra}
    return take_action(build_services(store).moderation, request_from(body), "mo",
                       now=utcnow() - timedelta(days=days_ago))


def count(store: App, table: type[Any]) -> int:
    with store.sessions() as session:
        return int(session.scalar(select(func.count()).select_from(table)) or 0)


def test_appeals_from_the_command_line(cli: CliRunner, store: App,
                                       tokens: dict[str, str]) -> None:
    content.create_account(store.sessions, "alice", "alice_h")
    content.create_post(store.sessions, build_services(store).moderation.compiled, "p1",
                        "alice", "hello")
    action = act(store, "remove_post", "p1", subject_type="post")
    file = ("appeal", "file", "action", str(action["id"]), "--account", "alice",
            "--statement", "satire")
    denied = run(cli, tokens["moderator"], *file)
    assert denied.exit_code == 3 and "lacks the permission 'content.write'" in denied.stderr
    assert "appeal #1 filed" in ok(run(cli, tokens["service"], *file))
    again = run(cli, tokens["service"], *file)
    assert again.exit_code == 2 and "is already open" in again.stderr
    assert run(cli, tokens["moderator"], "appeal", "list").exit_code == 3
    assert "satire" in ok(run(cli, tokens["senior_moderator"], "appeal", "show", "1"))
    bad = run(cli, tokens["senior_moderator"], "appeal", "decide", "1", "--outcome", "maybe",
              "--rationale", "x")
    assert bad.exit_code == 2 and "'upheld'" in bad.stderr
    decided = ok(run(cli, tokens["senior_moderator"], "appeal", "decide", "1", "--outcome",
                     "upheld", "--rationale", "Satire is allowed."))
    assert "appeal #1 upheld: lifted 1 label(s), removed 1 strike(s)" in decided
    assert count(store, Appeal) == 1


def test_reinstatement_and_the_council_from_the_command_line(
    cli: CliRunner, store: App, tokens: dict[str, str]
) -> None:
    for name in ("council", "ana"):
        assert run(cli, tokens["council"], "council", "add-member", name).exit_code == 3
        ok(run(cli, tokens["admin"], "council", "add-member", name))
    assert "ana" in ok(run(cli, tokens["service"], "council", "members"))
    content.create_account(store.sessions, "mayor", "mayor_h", high_profile=True)
    act(store, "permanent_suspension", "mayor", days_ago=5)
    early = run(cli, tokens["service"], "reinstatement", "request", "mayor", "--statement",
                "please")
    assert early.exit_code == 2 and "can ask to be reinstated from" in early.stderr
    assert count(store, ReinstatementRequest) == 0
    content.create_account(store.sessions, "gov", "gov_h", high_profile=True)
    act(store, "permanent_suspension", "gov", days_ago=100)
    filed = ok(run(cli, tokens["service"], "reinstatement", "request", "gov", "--statement",
                   "I have changed."))
    assert "council proposal #1" in filed
    assert "I have changed." in ok(run(cli, tokens["ana"], "council", "case", "1"))
    assert run(cli, tokens["admin"], "council", "vote", "1", "--choice", "for", "--reason",
               "x").exit_code == 3
    ok(run(cli, tokens["ana"], "council", "vote", "1", "--choice", "against", "--reason",
           "Too soon."))
    closed = ok(run(cli, tokens["council"], "council", "vote", "1", "--choice", "against",
                    "--reason", "No remorse shown."))
    assert "proposal rejected" in closed
    shown = ok(run(cli, tokens["service"], "council", "show", "1"))
    assert "ana (against): Too soon." in shown
    decisions = ok(run(cli, tokens["service"], "reinstatement", "decisions", "--json"))
    assert '"status": "refused"' in decisions and "No remorse shown." in decisions


def test_council_proposals_and_closing(cli: CliRunner, store: App,
                                       tokens: dict[str, str], tmp_path: Path) -> None:
    ok(run(cli, tokens["admin"], "council", "add-member", "ana"))
    policy = tmp_path / "candidate.yaml"
    policy.write_text("version: 1\nlabels: {}\n", "utf-8")
    bad = run(cli, tokens["admin"], "council", "propose", "--kind", "policy_change",
              "--title", "T", "--body", "B", "--policy-file", str(policy))
    assert bad.exit_code == 2 and "policy" in bad.stderr
    assert run(cli, tokens["moderator"], "council", "propose", "--kind", "other", "--title",
               "T", "--body", "B").exit_code == 3
    made = ok(run(cli, tokens["admin"], "council", "propose", "--kind", "other", "--title",
                  "Publish the guidelines?", "--body", "In full?", "--days", "2"))
    assert "council proposal #1 open" in made and "electorate: ana" in made
    assert run(cli, tokens["council"], "council", "close", "1").exit_code == 3
    closed = ok(run(cli, tokens["admin"], "council", "close", "1"))
    assert "#1 no_quorum" in closed
    assert "closed 0 proposal(s)" in ok(run(cli, tokens["admin"], "council", "close-due"))

"""`townsquare memo deliver|deliveries` and `townsquare pledge ...` end to end, with a real
local SMTP server."""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from tests.conftest import export_cli_token
from tests.integration.smtp_server import MEMO, Inbox, free_port, parts, smtp_server
from typer.testing import CliRunner

from townsquare.cli import app


@pytest.fixture
def inbox() -> Iterator[tuple[Inbox, int]]:
    with smtp_server() as server:
        yield server


@pytest.fixture
def cli(database_url: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
        inbox: tuple[Inbox, int]) -> CliRunner:
    monkeypatch.setenv("TOWNSQUARE_DATABASE_URL", database_url)
    monkeypatch.setenv("TOWNSQUARE_KEY_FILE", str(tmp_path / "key"))
    monkeypatch.setenv("TOWNSQUARE_DATA_DIR", str(tmp_path / "var"))
    monkeypatch.setenv("TOWNSQUARE_SMTP_HOST", "127.0.0.1")
    monkeypatch.setenv("TOWNSQUARE_SMTP_PORT", str(inbox[1]))
    monkeypatch.setenv("TOWNSQUARE_MAIL_BACKOFF_SECONDS", "0")
    monkeypatch.setenv("TOWNSQUARE_PUBLIC_BASE_URL", "https://ts.example.org")
    export_cli_token(monkeypatch)
    monkeypatch.setenv("COLUMNS", "200")
    return CliRunner()


def issue(cli: CliRunner, tmp_path: Path, people: int = 3) -> str:
    memo = tmp_path / "memo.md"
    memo.write_text(MEMO, "utf-8")
    csv = tmp_path / "people.csv"
    csv.write_text("id,name,email\n" + "".join(
        f"p{i},Person {i},p{i}@example.org\n" for i in range(people)), "utf-8")
    made = cli.invoke(app, ["memo", "issue", str(memo), "--recipients", str(csv),
                            "--out", str(tmp_path / "copies"), "--title", "Plan", "--json"])
    assert made.exit_code == 0, made.output
    return str(json.loads(made.stdout)["memo_id"])


def test_deliver_sends_each_copy_and_reports_the_status(
    cli: CliRunner, tmp_path: Path, inbox: tuple[Inbox, int],
) -> None:
    server, _ = inbox
    memo_id = issue(cli, tmp_path)
    sent = cli.invoke(app, ["memo", "deliver", memo_id])
    assert sent.exit_code == 0, sent.output
    assert "sent 3, failed 0, already delivered 0" in sent.stdout
    assert sorted(r[0] for r, _ in server.messages) == [
        "p0@example.org", "p1@example.org", "p2@example.org"]
    again = cli.invoke(app, ["memo", "deliver", memo_id])
    assert "sent 0, failed 0, already delivered 3" in again.stdout
    status = json.loads(cli.invoke(app, ["memo", "deliveries", memo_id, "--json"]).stdout)
    assert [(r["recipient_id"], r["status"]) for r in status] == [
        ("p0", "sent"), ("p1", "sent"), ("p2", "sent")]


def test_dry_run_writes_eml_files(cli: CliRunner, tmp_path: Path,
                                  inbox: tuple[Inbox, int]) -> None:
    memo_id = issue(cli, tmp_path)
    result = cli.invoke(app, ["memo", "deliver", memo_id, "--dry-run", str(tmp_path / "eml")])
    assert result.exit_code == 0, result.output
    assert sorted(p.name for p in (tmp_path / "eml").iterdir()) == [
        "p0.eml", "p1.eml", "p2.eml"]
    plain, _ = parts((tmp_path / "eml" / "p1.eml").read_bytes())
    assert plain.replace("\r\n", "\n") == (tmp_path / "copies" / "p1.md").read_text("utf-8")
    assert inbox[0].messages == []


def test_failed_deliveries_exit_1_with_the_reason(
    cli: CliRunner, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
) -> None:
    memo_id = issue(cli, tmp_path, 2)
    monkeypatch.setenv("TOWNSQUARE_SMTP_PORT", str(free_port()))
    monkeypatch.setenv("TOWNSQUARE_MAIL_RETRIES", "0")
    result = cli.invoke(app, ["memo", "deliver", memo_id])
    assert result.exit_code == 1
    assert "failed: p0 <p0@example.org> after 1 attempt(s)" in result.stderr


def test_pledge_commands(cli: CliRunner, tmp_path: Path, inbox: tuple[Inbox, int]) -> None:
    server, _ = inbox
    memo_id = issue(cli, tmp_path)
    deadline = (datetime.now(UTC) + timedelta(hours=20)).isoformat()
    made = cli.invoke(app, ["pledge", "create", memo_id, "--deadline", deadline, "--json"])
    assert made.exit_code == 0, made.output
    campaign = str(json.loads(made.stdout)["id"])
    assert cli.invoke(app, ["memo", "deliver", memo_id]).exit_code == 0
    plain, _ = parts(server.messages[0][1])
    assert f"https://ts.example.org/pledge/{campaign}.0." in plain
    assert cli.invoke(app, ["pledge", "sign", campaign, "p2"]).exit_code == 0
    reminded = cli.invoke(app, ["pledge", "remind", "--json"])
    assert json.loads(reminded.stdout)[0]["reminded"] == 2
    assert "window" in cli.invoke(app, ["pledge", "remind"]).stdout  # nothing new to send
    assert len(server.messages) == 5
    status = cli.invoke(app, ["pledge", "status", campaign])
    assert "1 signed, 2 not yet" in status.stdout
    exported = cli.invoke(app, ["pledge", "export", campaign]).stdout.splitlines()
    assert exported[3].startswith("p2,Person 2,p2@example.org,yes,")
    listed = json.loads(cli.invoke(app, ["pledge", "list", "--json"]).stdout)
    assert [(c["memo_id"], c["signed"], c["recipients"]) for c in listed] == [(memo_id, 1, 3)]


def test_bad_input_is_a_clear_error(cli: CliRunner, tmp_path: Path) -> None:
    memo_id = issue(cli, tmp_path)
    bad = cli.invoke(app, ["pledge", "create", memo_id, "--deadline", "tomorrow"])
    assert bad.exit_code == 2 and "ISO 8601" in bad.stderr
    past = cli.invoke(app, ["pledge", "create", memo_id, "--deadline", "2020-01-01T00:00Z"])
    assert past.exit_code == 2 and "future" in past.stderr
    unknown = cli.invoke(app, ["memo", "deliver", "m_nope"])
    assert unknown.exit_code == 2 and "no memo" in unknown.stderr

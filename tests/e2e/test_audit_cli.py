"""`townsquare audit list|verify|export` on SQLite and PostgreSQL."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import Result
from sqlalchemy import create_engine, text
from sqlalchemy.pool import NullPool
from tests.conftest import export_cli_token
from typer.testing import CliRunner

from townsquare.bootstrap import open_app
from townsquare.services import content
from townsquare.settings import load_settings


@pytest.fixture
def cli(database_url: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> CliRunner:
    monkeypatch.setenv("TOWNSQUARE_DATABASE_URL", database_url)
    monkeypatch.setenv("TOWNSQUARE_KEY_FILE", str(tmp_path / "key"))
    monkeypatch.setenv("TOWNSQUARE_DATA_DIR", str(tmp_path / "var"))
    monkeypatch.setenv("COLUMNS", "200")
    export_cli_token(monkeypatch, role="auditor", name="ada")
    app = open_app(load_settings())
    try:
        for i in range(4):
            content.create_account(app.sessions, f"a{i}", f"h{i}", actor="platform")
    finally:
        app.close()
    return CliRunner()


def run(cli: CliRunner, *args: str) -> Result:
    from townsquare.cli import app

    return cli.invoke(app, list(args))


def sql(database_url: str, statement: str) -> None:
    engine = create_engine(database_url, poolclass=NullPool)
    try:
        with engine.begin() as conn:
            conn.execute(text(statement))
    finally:
        engine.dispose()


def test_verify_passes_untouched_and_fails_naming_the_event_edited_in_sql(
    cli: CliRunner, database_url: str
) -> None:
    ok = run(cli, "audit", "verify")
    assert ok.exit_code == 0 and "intact: 5 events" in ok.stdout  # 4 accounts + a token

    sql(database_url, "UPDATE audit_events SET subject_id = 'a9' WHERE seq = 3")
    broken = run(cli, "audit", "verify", "--json")

    assert broken.exit_code == 1
    report = json.loads(broken.stdout)
    assert (report["ok"], report["bad_seq"], report["problem"]) == (False, 3, "edited")
    human = run(cli, "audit", "verify")
    assert human.exit_code == 1 and "BROKEN: event 3:" in human.stderr


def test_deleted_row_and_truncated_tail_are_caught(
    cli: CliRunner, database_url: str, tmp_path: Path
) -> None:
    kept = tmp_path / "kept.jsonl"
    assert run(cli, "audit", "export", "--out", str(kept)).exit_code == 0
    sql(database_url, "DELETE FROM audit_events WHERE seq = 2")

    middle = run(cli, "audit", "verify", "--json")
    assert middle.exit_code == 1 and json.loads(middle.stdout)["bad_seq"] == 3

    sql(database_url, "DELETE FROM audit_events WHERE seq >= 2")
    assert run(cli, "audit", "verify").exit_code == 0  # a cut tail alone looks intact
    anchored = run(cli, "audit", "verify", "--anchor", str(kept), "--json")
    assert anchored.exit_code == 1
    assert json.loads(anchored.stdout)["problem"] in ("truncated", "anchor")


def test_export_then_verify_the_file_and_an_edited_file_fails(
    cli: CliRunner, tmp_path: Path
) -> None:
    out_file = tmp_path / "audit.jsonl"
    exported = run(cli, "audit", "export", "--out", str(out_file))
    assert exported.exit_code == 0, exported.output
    head = exported.stdout.strip()
    lines = out_file.read_text("utf-8").splitlines()
    assert len(lines) == 5 and head == f"5:{json.loads(lines[-1])['hash']}"

    assert run(cli, "audit", "verify", "--file", str(out_file)).exit_code == 0
    assert run(cli, "audit", "verify", "--expect-head", head).exit_code == 0

    lines[1] = lines[1].replace('"platform"', '"someone-else"')
    out_file.write_text("\n".join(lines) + "\n", encoding="utf-8")
    edited = run(cli, "audit", "verify", "--file", str(out_file), "--json")
    assert edited.exit_code == 1 and json.loads(edited.stdout)["bad_seq"] == 2

    out_file.write_text("not json\n", encoding="utf-8")
    garbled = run(cli, "audit", "verify", "--file", str(out_file))
    assert garbled.exit_code == 1 and "line 1" in garbled.stderr


def test_export_of_a_time_range(cli: CliRunner, tmp_path: Path) -> None:
    future = run(cli, "audit", "export", "--out", str(tmp_path / "none.jsonl"),
                 "--since", "2999-01-01", "--json")
    past = run(cli, "audit", "export", "--out", str(tmp_path / "all.jsonl"),
               "--since", "2000-01-01T00:00:00+00:00", "--until", "2999-01-01", "--json")

    assert future.exit_code == 0 and json.loads(future.stdout)["events"] == 0
    assert past.exit_code == 0 and json.loads(past.stdout)["events"] == 6  # + one export


@pytest.mark.parametrize("args", [
    ["audit", "export", "--out", "{tmp}/x.jsonl", "--since", "yesterday"],
    ["audit", "export", "--out", "{tmp}/x.jsonl", "--since", "2025-01-01T00:00:00"],
    ["audit", "export", "--out", "{tmp}/x.jsonl", "--since", "2025-02-01",
     "--until", "2025-01-01"],
    ["audit", "export", "--out", "{tmp}/no/such/dir/x.jsonl"],
    ["audit", "verify", "--expect-head", "3:abc"],
    ["audit", "verify", "--file", "{tmp}/missing.jsonl"],
    ["audit", "verify", "--anchor", "{tmp}/missing.jsonl"],
    ["audit", "list", "--limit", "0"],
])
def test_bad_input_exits_2_and_records_nothing(
    cli: CliRunner, database_url: str, tmp_path: Path, args: list[str]
) -> None:
    result = run(cli, *[a.replace("{tmp}", str(tmp_path)) for a in args])

    assert result.exit_code == 2, result.output
    assert result.stderr.startswith("error:")
    assert not (tmp_path / "x.jsonl").exists()
    engine = create_engine(database_url, poolclass=NullPool)
    with engine.connect() as conn:
        assert conn.execute(text("SELECT count(*) FROM audit_events")).scalar_one() == 5
    engine.dispose()


def test_export_refuses_to_overwrite_a_file(cli: CliRunner, tmp_path: Path) -> None:
    target = tmp_path / "keep.txt"
    target.write_text("precious", encoding="utf-8")
    result = run(cli, "audit", "export", "--out", str(target))
    assert result.exit_code == 2 and target.read_text(encoding="utf-8") == "precious"


def test_list_filters_by_actor_action_and_subject(cli: CliRunner) -> None:
    by_subject = run(cli, "audit", "list", "--subject", "account:a2", "--json")
    by_action = run(cli, "audit", "list", "--action", "account.create", "--limit", "2",
                    "--json")
    table = run(cli, "audit", "list", "--actor", "platform")

    assert [e["subject_id"] for e in json.loads(by_subject.stdout)["events"]] == ["a2"]
    page = json.loads(by_action.stdout)
    assert [e["subject_id"] for e in page["events"]] == ["a3", "a2"]
    assert page["next"] == {"before": page["events"][-1]["seq"]}
    assert table.exit_code == 0 and "account.create" in table.stdout


@pytest.mark.parametrize("command", [
    ["audit", "verify"], ["audit", "list"], ["audit", "export", "--out", "{tmp}/x.jsonl"],
])
def test_commands_need_audit_read(
    cli: CliRunner, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, command: list[str]
) -> None:
    args = [a.replace("{tmp}", str(tmp_path)) for a in command]
    export_cli_token(monkeypatch, role="moderator", name="mo")
    refused = run(cli, *args)
    monkeypatch.delenv("TOWNSQUARE_TOKEN")
    anonymous = run(cli, *args)

    assert refused.exit_code == 3 and "forbidden" in refused.stderr
    assert anonymous.exit_code == 2
    assert not (tmp_path / "x.jsonl").exists()

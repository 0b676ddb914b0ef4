"""`townsquare policy versions|show|live|propose`, `civic ...` and `request ...` end to end
on SQLite and PostgreSQL: flows, exit codes, and nothing stored on bad input."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from click.testing import Result
from sqlalchemy import create_engine, text
from sqlalchemy.pool import NullPool
from tests.integration.test_policy_versions import LOOSE_TEXT, STRICT_TEXT
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
    monkeypatch.delenv("TOWNSQUARE_POLICY_FILE", raising=False)
    return CliRunner()


def run(cli: CliRunner, token: str | None, *args: str) -> Result:
    return cli.invoke(app, list(args), env={"TOWNSQUARE_TOKEN": token or ""})


def ok(result: Result) -> Result:
    assert result.exit_code == 0, result.output
    return result


def staff_tokens(cli: CliRunner, **people: str) -> dict[str, str]:
    """A token per person (name -> role); the first one bootstraps as admin."""
    made = ok(cli.invoke(app, ["staff", "bootstrap", "root", "--password-stdin"],
                         input=PASSWORD + "\n", env={"TOWNSQUARE_TOKEN": ""}))
    tokens = {"root": made.stdout.strip().splitlines()[-1]}
    for name, role in people.items():
        ok(run(cli, tokens["root"], "staff", "create", name, "--role", role, "--no-password",
               *(["--team", "civic-integrity"] if name.startswith("civic") else [])))
        tokens[name] = ok(run(cli, tokens["root"], "staff", "token", name, f"{name}-cli")
                          ).stdout.strip().splitlines()[-1]
    return tokens


def count(database_url: str, table: str) -> int:
    engine = create_engine(database_url, poolclass=NullPool)
    try:
        with engine.connect() as conn:
            return int(conn.execute(text(f"SELECT count(*) FROM {table}")).scalar_one())
    finally:
        engine.dispose()


def test_a_policy_change_by_file_takes_a_second_person(cli: CliRunner, tmp_path: Path) -> None:
    t = staff_tokens(cli, pol="policy", pol2="policy")
    strict = tmp_path / "strict.yaml"
    strict.write_text(STRICT_TEXT, encoding="utf-8")

    proposed = ok(run(cli, t["pol"], "policy", "propose", str(strict), "--reason", "elections"))
    assert "pending: approval request #" in proposed.stdout
    request_id = proposed.stdout.split("#")[1].split()[0]
    assert json.loads(ok(run(cli, t["pol"], "policy", "live", "--json")).stdout)["version"] == 1
    assert run(cli, t["pol"], "approval", "approve", request_id).exit_code == 3  # same person
    ok(run(cli, t["pol2"], "approval", "approve", request_id))

    live = json.loads(ok(run(cli, t["pol"], "policy", "live", "--json")).stdout)
    assert (live["version"], live["name"]) == (2, "election")
    versions = json.loads(ok(run(cli, t["pol"], "policy", "versions", "--json")).stdout)
    assert [(v["version"], v["author"], v["approved_by"]) for v in versions] == [
        (2, "pol", "pol2"), (1, "configuration", None)]
    assert ok(run(cli, t["pol"], "policy", "show", "2")).stdout == STRICT_TEXT


def test_bad_policy_files_exit_2_and_store_nothing(
    cli: CliRunner, tmp_path: Path, database_url: str
) -> None:
    t = staff_tokens(cli, pol="policy", mod="moderator")
    broken = tmp_path / "broken.yaml"
    broken.write_text("labels: [\n", encoding="utf-8")
    for path, message in ((broken, "invalid YAML"), (tmp_path / "none.yaml", "does not exist"),
                          (tmp_path / "p.ini", "unknown policy file type")):
        result = run(cli, t["pol"], "policy", "propose", str(path), "--reason", "x")
        assert result.exit_code == 2 and message in result.stderr, result.output
    strict = tmp_path / "strict.yaml"
    strict.write_text(STRICT_TEXT, encoding="utf-8")
    denied = run(cli, t["mod"], "policy", "propose", str(strict), "--reason", "x")
    assert denied.exit_code == 3 and "policy.write" in denied.stderr
    assert run(cli, None, "policy", "versions").exit_code == 2  # no token
    assert count(database_url, "approval_requests") == 0
    assert count(database_url, "policy_versions") == 0


def test_civic_events_and_the_coverage_check_from_the_command_line(
    cli: CliRunner, tmp_path: Path, database_url: str
) -> None:
    t = staff_tokens(cli, pol="policy", civic1="moderator", dev="senior_moderator")
    strict, loose = tmp_path / "strict.yaml", tmp_path / "loose.yaml"
    strict.write_text(STRICT_TEXT, encoding="utf-8")
    loose.write_text(LOOSE_TEXT, encoding="utf-8")
    start = datetime.now(UTC) + timedelta(hours=1)
    window = ["--start", start.isoformat(), "--end", (start + timedelta(hours=3)).isoformat()]

    refused = run(cli, t["pol"], "civic", "create", "Election", *window, "--min-staff", "3",
                  "--policy-file", str(loose))
    assert refused.exit_code == 2 and "at least as strict" in refused.stderr
    bad_date = run(cli, t["pol"], "civic", "create", "Election", "--start", "tomorrow",
                   "--end", "later", "--min-staff", "3", "--policy-file", str(strict))
    assert bad_date.exit_code == 2 and "ISO 8601" in bad_date.stderr
    assert count(database_url, "civic_events") == 0

    made = run(cli, t["pol"], "civic", "create", "Election", *window, "--min-staff", "4",
               "--policy-file", str(strict))
    assert made.exit_code == 0, made.output
    assert "fewer than the 4 required" in made.stderr  # the warning
    short = run(cli, t["pol"], "civic", "coverage")
    assert short.exit_code == 1 and "civic1, dev, root" in short.stdout
    assert run(cli, t["pol"], "civic", "coverage", "--minimum", "3").exit_code == 0

    ok(run(cli, t["root"], "lockdown", "start", "--reason", "ownership change",
           "--exempt-team", "civic-integrity", "--exempt-staff", "pol"))
    locked = json.loads(run(cli, t["pol"], "civic", "coverage", "--json").stdout)
    coverage = locked["checks"][0]["coverage"]
    assert (coverage["covered"], coverage["frozen_by_lockdown"]) == (["civic1"],
                                                                     ["dev", "root"])
    assert run(cli, t["dev"], "civic", "list").exit_code == 3  # frozen

    listed = json.loads(ok(run(cli, t["pol"], "civic", "list", "--json")).stdout)
    ended = ok(run(cli, t["pol"], "civic", "end", str(listed[0]["id"]), "--reason", "moved"))
    assert "(ended)" in ended.stdout
    assert json.loads(ok(run(cli, t["pol"], "civic", "list", "--json")).stdout) == []


def test_external_requests_from_the_command_line(cli: CliRunner, database_url: str) -> None:
    t = staff_tokens(cli, pol="policy", pol2="policy", sen="senior_moderator")
    from townsquare.bootstrap import open_app
    from townsquare.services.content import create_account
    from townsquare.settings import load_settings

    opened = open_app(load_settings())
    create_account(opened.sessions, "alice", "alice")
    opened.close()

    ok(run(cli, t["pol"], "request", "political-add", "Jane Doe", "--kind", "candidate"))
    register = ["request", "register", "--kind", "data", "--requester", "Friends of Jane Doe",
                "--type", "other", "--country", "us", "--legal-basis", "subpoena",
                "--subject-type", "account", "--subject-id", "alice", "--json"]
    made = json.loads(ok(run(cli, t["pol"], *register)).stdout)
    assert made["political"] and "jane doe" in made["political_reason"]
    bad = run(cli, t["pol"], *[("USA" if a == "us" else a) for a in register])
    assert bad.exit_code == 2 and "country" in bad.stderr
    assert count(database_url, "external_requests") == 1
    assert "POLITICAL" in ok(run(cli, t["pol"], "request", "list")).stdout

    decided = ok(run(cli, t["pol"], "request", "decide", str(made["id"]), "--decision",
                     "partial", "--section", "posts", "--rationale", "narrowed subpoena"))
    approval = decided.stdout.split("#")[1].split()[0]
    assert run(cli, t["pol2"], "approval", "approve", approval).exit_code == 3  # no pd.read
    # The senior moderator holds personal_data.read but not external.requests, which a
    # political export also needs: the approval fails and the request is open again.
    failed = run(cli, t["sen"], "approval", "approve", approval)
    assert failed.exit_code == 3 and "external.requests" in failed.stderr
    shown = json.loads(ok(run(cli, t["pol"], "request", "show", str(made["id"]), "--json")
                          ).stdout)
    assert shown["status"] == "open" and shown["export_id"] is None

    decided = ok(run(cli, t["pol"], "request", "decide", str(made["id"]), "--decision",
                     "partial", "--section", "posts", "--rationale", "narrowed subpoena"))
    ok(run(cli, t["root"], "approval", "approve", decided.stdout.split("#")[1].split()[0]))
    shown = json.loads(ok(run(cli, t["pol"], "request", "show", str(made["id"]), "--json")
                          ).stdout)
    assert shown["status"] == "decided" and shown["approved_by"] == "root"
    export = json.loads(ok(run(cli, t["sen"], "request", "export", str(shown["export_id"])
                               )).stdout)
    assert export["sections"] == ["posts"] and export["document"]["account"]["id"] == "alice"
    assert run(cli, t["pol"], "request", "export", str(shown["export_id"])).exit_code == 3
    counts = json.loads(ok(run(cli, t["pol"], "request", "transparency", "--json")).stdout)
    assert counts["by_decision"] == {"partial": 1} and counts["political"] == 1

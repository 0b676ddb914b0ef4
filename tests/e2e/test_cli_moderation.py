"""`townsquare token create` and `townsquare policy check|shadow`, on SQLite and PostgreSQL."""

from __future__ import annotations

import json
import warnings
from importlib import resources
from pathlib import Path

import pytest
from click.testing import Result
from sqlalchemy import create_engine, text
from sqlalchemy.pool import NullPool
from tests.conftest import export_cli_token
from typer.testing import CliRunner

from townsquare.api.app import create_app
from townsquare.cli import app
from townsquare.settings import load_settings

DEFAULT_POLICY = resources.files("townsquare.moderation").joinpath(
    "policies", "default.yaml").read_text("utf-8")


@pytest.fixture
def cli(database_url: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> CliRunner:
    for name in ("TOWNSQUARE_POLICY_FILE",):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("TOWNSQUARE_DATABASE_URL", database_url)
    monkeypatch.setenv("TOWNSQUARE_KEY_FILE", str(tmp_path / "key"))
    monkeypatch.setenv("TOWNSQUARE_DATA_DIR", str(tmp_path / "var"))
    export_cli_token(monkeypatch)
    return CliRunner()


def run(cli: CliRunner, *args: str) -> Result:
    return cli.invoke(app, list(args))


def one_line(text_: str) -> str:
    return " ".join(text_.split())


def names_file(message: str, path: Path) -> bool:
    """Whether ``message`` names ``path``; rich folds long words at 80 columns when stderr is
    not a terminal (its width is fixed when townsquare.cli is imported), so ignore spaces."""
    return "".join(str(path).split()) in "".join(message.split())


def token_count(database_url: str) -> int:
    engine = create_engine(database_url, poolclass=NullPool)
    try:
        with engine.connect() as conn:
            return int(conn.execute(text("SELECT count(*) FROM api_tokens")).scalar_one())
    finally:
        engine.dispose()


# --- token create ------------------------------------------------------------------------


def test_token_create_prints_the_token_last_and_it_authenticates(
    cli: CliRunner, database_url: str, tmp_path: Path
) -> None:
    made = run(cli, "token", "create", "the-platform", "--role", "service")
    assert made.exit_code == 0, made.output
    token = made.stdout.rstrip("\n").splitlines()[-1]
    assert token.startswith("tsq_") and " " not in token
    admin = run(cli, "token", "create", "an-admin", "--role", "admin")
    admin_token = admin.stdout.strip().splitlines()[-1]

    settings = load_settings(database_url=database_url, key_file=tmp_path / "key",
                             data_dir=tmp_path / "var")
    with warnings.catch_warnings():  # starlette prefers httpx2; the lock file has httpx
        warnings.simplefilter("ignore")
        from fastapi.testclient import TestClient
    with TestClient(create_app(settings)) as client:
        service = {"Authorization": f"Bearer {token}"}
        r = client.post("/api/v1/accounts", json={"id": "alice", "handle": "alice"},
                        headers=service)
        assert r.status_code == 201, r.text
        r = client.post("/api/v1/visibility", json={"surface": "trends", "item_ids": ["x"]},
                        headers=service)
        assert r.status_code == 200
        r = client.post("/api/v1/labels", headers=service, json={
            "subject_type": "account", "subject_id": "alice", "label": "spam", "policy": "spam"})
        assert r.status_code == 403
        assert "(service) lacks the permission 'labels.write'" in r.json()["detail"]
        r = client.post("/api/v1/labels", headers={"Authorization": f"Bearer {admin_token}"},
                        json={"subject_type": "account", "subject_id": "alice",
                              "label": "spam", "policy": "spam"})
        assert r.status_code == 201
        assert r.json()["created_by"] == "an-admin"


def test_token_create_refuses_a_duplicate_name_or_an_unknown_role(
    cli: CliRunner, database_url: str
) -> None:
    assert run(cli, "token", "create", "ops", "--role", "moderator").exit_code == 0
    before = token_count(database_url)
    again = run(cli, "token", "create", "ops", "--role", "admin")
    assert again.exit_code != 0
    assert "already exists" in one_line(again.stderr) and "'ops'" in again.stderr
    assert not again.stdout.strip(), "no token printed"
    unknown = run(cli, "token", "create", "bot", "--role", "overlord")
    assert unknown.exit_code != 0
    message = one_line(unknown.stderr)
    assert "unknown role 'overlord'" in message and "moderator" in message
    assert not unknown.stdout.strip()
    blank = run(cli, "token", "create", "  ", "--role", "admin")
    assert blank.exit_code != 0 and "name" in blank.stderr
    missing = run(cli, "token", "create", "bot")
    assert missing.exit_code != 0 and "--role" in missing.output
    assert token_count(database_url) == before


# --- policy check / shadow ---------------------------------------------------------------


def variant(tmp_path: Path, name: str, old: str, new: str, source: str = DEFAULT_POLICY) -> Path:
    assert old in source, old
    path = tmp_path / name
    path.write_text(source.replace(old, new, 1), encoding="utf-8")
    return path


INVALID = {
    "unknown-surface": (
        "      - id: do_not_amplify.discovery\n"
        "        surfaces: [home_out_of_network, search_top, trends, recommendations]",
        "      - id: do_not_amplify.discovery\n"
        "        surfaces: [home_out_of_network, search_topp, trends, recommendations]",
        ["labels.do_not_amplify.rules[0].surfaces", "'search_topp'"]),
    "unknown-action": (
        "        relations: [author]\n        actions: [tombstone]",
        "        relations: [author]\n        actions: [tombstones]",
        ["labels.private_information.rules[1].actions", "'tombstones'"]),
    "unknown-relation": (
        "        relations: [other, logged_out]\n        actions: [drop]",
        "        relations: [stranger]\n        actions: [drop]",
        ["labels.do_not_amplify.rules[1].relations", "'stranger'"]),
    "bad-version": ("version: 1", "version: one", ["policy.version"]),
    "unknown-flag": (
        "        unless_viewer: [sensitive_media_opt_in]",
        "        unless_viewer: [brave]",
        ["labels.sensitive_media.rules[0].unless_viewer", "brave"]),
    "duplicate-key": ("  spam:\n", "  spam:\n    subjects: [post]\n", ["duplicate key", "line"]),
    "no-labels": ("labels:\n", "labelz:\n", ["labels"]),
}


@pytest.mark.parametrize("case", list(INVALID))
def test_policy_check_names_the_file_and_the_field(
    cli: CliRunner, tmp_path: Path, case: str
) -> None:
    old, new, words = INVALID[case]
    path = variant(tmp_path, f"{case}.yaml", old, new)
    result = run(cli, "policy", "check", str(path))
    assert result.exit_code == 2, result.output
    message = one_line(result.stderr)
    assert names_file(message, path), message
    for word in words:
        assert word in message, (word, message)


def test_policy_check_refuses_unreadable_files(cli: CliRunner, tmp_path: Path) -> None:
    cases: dict[str, tuple[bytes | None, str]] = {
        "missing.yaml": (None, "does not exist"),
        "policy.json": (b"{}", "unknown policy file type"),
        "latin1.yaml": ("name: caf\u00e9\n".encode("latin-1"), "UTF-8"),
        "broken.toml": (b"version = [\n", "invalid TOML"),
        "broken.yaml": (b"labels: [\n", "invalid YAML"),
        "empty.yaml": (b"", "mapping"),
    }
    for name, (content, words) in cases.items():
        path = tmp_path / name
        if content is not None:
            path.write_bytes(content)
        result = run(cli, "policy", "check", str(path))
        assert result.exit_code == 2, (name, result.output)
        message = one_line(result.stderr)
        assert names_file(message, path) and words in message, (name, message)


def test_policy_check_accepts_the_default_and_a_valid_copy(cli: CliRunner, tmp_path: Path) -> None:
    path = tmp_path / "copy.yaml"
    path.write_text(DEFAULT_POLICY, encoding="utf-8")
    result = run(cli, "policy", "check", str(path))
    assert result.exit_code == 0, result.output
    assert "ok" in result.stdout and "default v1" in result.stdout


SPAM_REPLIES = ("      - id: spam.replies\n        surfaces: [conversation]\n"
                "        actions: [downrank]")


def test_policy_shadow_reports_the_changed_cells(cli: CliRunner, tmp_path: Path) -> None:
    # Spam is now also dropped from profiles for people who don't follow the author.
    candidate = variant(tmp_path, "candidate.yaml", SPAM_REPLIES, SPAM_REPLIES + """
      - id: spam.profile
        surfaces: [profile]
        relations: [other, logged_out]
        actions: [drop]""")
    result = run(cli, "policy", "shadow", "--json", str(candidate))
    assert result.exit_code == 0, result.output
    report = json.loads(result.stdout)
    cells = {(c["label"], c["surface"], c["relation"], tuple(c["before"]), tuple(c["after"]))
             for c in report["changes"]}
    assert cells == {("spam", "profile", "other", ("allow",), ("drop",)),
                     ("spam", "profile", "logged_out", ("allow",), ("drop",))}
    assert report["changed_cells"] == len(report["changes"]) > 0

    table = run(cli, "policy", "shadow", str(candidate))
    assert table.exit_code == 0
    assert "spam" in table.stdout and "profile" in table.stdout and "drop" in table.stdout
    assert str(report["changed_cells"]) in table.stdout

    same = tmp_path / "same.yaml"
    same.write_text(DEFAULT_POLICY, encoding="utf-8")
    unchanged = run(cli, "policy", "shadow", "--json", str(same))
    assert json.loads(unchanged.stdout) == {"changed_cells": 0, "changes": []}


def test_policy_shadow_refuses_an_invalid_candidate(cli: CliRunner, tmp_path: Path) -> None:
    old, new, words = INVALID["unknown-surface"]
    path = variant(tmp_path, "bad.yaml", old, new)
    result = run(cli, "policy", "shadow", str(path))
    assert result.exit_code == 2
    message = one_line(result.stderr)
    assert names_file(message, path) and words[0] in message

"""The `townsquare memo` and `townsquare leak` commands, end to end on SQLite and PostgreSQL."""

from __future__ import annotations

import json
import unicodedata
from importlib import resources
from pathlib import Path

import pytest
from tests.conftest import export_cli_token
from typer.testing import CliRunner

from townsquare.canary.normalize import fold_typography, strip_zero_width
from townsquare.cli import app

MEMO = resources.files("townsquare.samples").joinpath("memo_en.md").read_text("utf-8")


@pytest.fixture
def cli(database_url: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> CliRunner:
    monkeypatch.setenv("TOWNSQUARE_DATABASE_URL", database_url)
    monkeypatch.setenv("TOWNSQUARE_KEY_FILE", str(tmp_path / "key"))
    monkeypatch.setenv("TOWNSQUARE_DATA_DIR", str(tmp_path / "var"))
    export_cli_token(monkeypatch)
    monkeypatch.setenv("COLUMNS", "200")
    return CliRunner()


def write_recipients(path: Path, n: int, *, duplicate: bool = False) -> Path:
    rows = ["id,name,email"] + [f"r{i},Person {i},r{i}@example.org" for i in range(n)]
    if duplicate:
        rows.append("r3,Someone Else,else@example.org")
    path.write_text("\n".join(rows) + "\n", encoding="utf-8")
    return path


def issue(cli: CliRunner, tmp_path: Path, n: int = 200) -> dict:
    memo = tmp_path / "memo.md"
    memo.write_text(MEMO, encoding="utf-8")
    csv = write_recipients(tmp_path / "people.csv", n)
    result = cli.invoke(
        app,
        [
            "memo",
            "issue",
            str(memo),
            "--recipients",
            str(csv),
            "--out",
            str(tmp_path / "out"),
            "--title",
            "Integrity update",
            "--json",
        ],
    )
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


def trace(cli: CliRunner, path: Path, *extra: str) -> dict:
    result = cli.invoke(app, ["leak", "trace", str(path), "--json", *extra])
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


def test_issue_writes_one_copy_per_recipient_and_traces_a_pasted_copy(
    cli: CliRunner, tmp_path: Path
) -> None:
    issued = issue(cli, tmp_path)
    assert issued["copies"] == 200 and issued["memo_id"].startswith("m_")
    assert set(issued["capacity"]) >= {"spacing", "typography", "zero_width"}
    copies = sorted((tmp_path / "out").iterdir())
    assert len(copies) == 200 and copies[0].suffix == ".md"
    texts = {p.read_text("utf-8") for p in copies}
    assert len(texts) == 200  # every copy differs...
    visible = {fold_typography(strip_zero_width(t)).replace("  ", " ") for t in texts}
    # ...yet reads the same once invisible marks are ignored (lexical variants aside)
    assert len(visible) <= len(texts)

    result = trace(cli, tmp_path / "out" / "r17.md")
    assert result["memo_id"] == issued["memo_id"]
    assert result["verdict"] == "identified"
    assert [a["recipient_id"] for a in result["accused"]] == ["r17"]
    assert result["accused"][0]["name"] == "Person 17"
    assert 0 < result["accused"][0]["false_accusation_probability"] <= 1e-6
    assert result["slots_read"] <= result["slots_total"]
    assert set(result) >= {
        "memo_id",
        "verdict",
        "accused",
        "slots_read",
        "slots_total",
        "channels",
        "needed_sentences",
    }


def test_cleaned_excerpt_and_unrelated_text(cli: CliRunner, tmp_path: Path) -> None:
    issue(cli, tmp_path)
    copy = (tmp_path / "out" / "r5.md").read_text("utf-8")
    paragraph = next(p for p in copy.split("\n\n") if len(p) > 400)
    excerpt = tmp_path / "excerpt.txt"
    excerpt.write_text(paragraph, encoding="utf-8")
    assert [a["recipient_id"] for a in trace(cli, excerpt)["accused"]] == ["r5"]

    unrelated = tmp_path / "unrelated.txt"
    unrelated.write_text("The weather in Lyon was mild this week, and the market was busy.")
    result = trace(cli, unrelated)
    assert result["verdict"] == "no_match" and result["accused"] == [] and result["memo_id"] is None

    original = tmp_path / "original.md"
    original.write_text(MEMO, encoding="utf-8")
    assert trace(cli, original)["accused"] == []

    cleaned = tmp_path / "cleaned.txt"
    folded = fold_typography(strip_zero_width(unicodedata.normalize("NFKC", copy)))
    cleaned.write_text(" ".join(folded.split()), encoding="utf-8")
    result = trace(cli, cleaned)
    assert all(a["recipient_id"] == "r5" for a in result["accused"])


def test_list_show_and_plan(cli: CliRunner, tmp_path: Path) -> None:
    issued = issue(cli, tmp_path, n=50)
    listed = cli.invoke(app, ["memo", "list", "--json"])
    assert listed.exit_code == 0
    assert [m["id"] for m in json.loads(listed.stdout)] == [issued["memo_id"]]
    shown = cli.invoke(app, ["memo", "show", issued["memo_id"], "--json"])
    assert shown.exit_code == 0 and json.loads(shown.stdout)["recipients"] == 50
    planned = cli.invoke(
        app, ["memo", "plan", str(tmp_path / "memo.md"), "--recipients", "1000", "--json"]
    )
    assert planned.exit_code == 0, planned.output
    data = json.loads(planned.stdout)
    assert set(data["forms"]) == {"pasted", "cleaned", "retyped", "screenshot"}
    assert data["forms"]["pasted"]["full_copy_identifies"] is True


def _nothing_stored(cli: CliRunner, out: Path) -> None:
    listed = cli.invoke(app, ["memo", "list", "--json"])
    assert listed.exit_code == 0 and json.loads(listed.stdout) == []
    assert not out.exists() or not any(out.iterdir())


@pytest.mark.parametrize(
    ("memo_bytes", "csv_text", "message"),
    [
        (b"Caf\xe9 au lait. Tr\xe8s bien.", None, "not UTF-8"),
        (b"   \n\n", None, "empty"),
        (None, "id;name;email\nr1;A;a@x.org\n", "header"),
        (None, 'id,name,email\nr1,"unterminated,a@x.org\n', "CSV"),
        (None, "id,name,email\nr1,A,a@x.org\nr1,B,b@x.org\n", "duplicate recipient id 'r1'"),
        (None, "id,name,email\n../evil,A,a@x.org\n", "recipient id"),
        (b"Too short. Far too short.", None, "cannot carry"),
    ],
)
def test_bad_issue_input_is_refused_and_nothing_is_stored(
    cli: CliRunner, tmp_path: Path, memo_bytes: bytes | None, csv_text: str | None, message: str
) -> None:
    memo = tmp_path / "memo.md"
    memo.write_bytes(memo_bytes if memo_bytes is not None else MEMO.encode())
    csv = tmp_path / "people.csv"
    if csv_text is None:
        write_recipients(csv, 1000)
    else:
        csv.write_text(csv_text, encoding="utf-8")
    out = tmp_path / "out"
    result = cli.invoke(
        app, ["memo", "issue", str(memo), "--recipients", str(csv), "--out", str(out)]
    )
    assert result.exit_code != 0
    assert message in result.output
    _nothing_stored(cli, out)


def test_bad_trace_input(cli: CliRunner, tmp_path: Path) -> None:
    issue(cli, tmp_path, n=20)
    broken = tmp_path / "broken.png"
    broken.write_bytes(b"\x89PNG\r\n\x1a\n" + b"\x00garbage" * 10)
    result = cli.invoke(app, ["leak", "trace", str(broken)])
    assert result.exit_code != 0 and "image" in result.output
    unknown = cli.invoke(
        app, ["leak", "trace", str(tmp_path / "out" / "r1.md"), "--memo", "m_nope"]
    )
    assert unknown.exit_code != 0 and "no memo with id 'm_nope'" in unknown.output
    missing = cli.invoke(app, ["leak", "trace", str(tmp_path / "nowhere.txt")])
    assert missing.exit_code != 0 and "does not exist" in missing.output
    binary = tmp_path / "blob.bin"
    binary.write_bytes(bytes(range(256)) * 4)
    assert cli.invoke(app, ["leak", "trace", str(binary)]).exit_code != 0
    bad_channel = cli.invoke(
        app,
        [
            "memo",
            "plan",
            str(tmp_path / "memo.md"),
            "--recipients",
            "5",
            "--channels",
            "spacing,smoke",
        ],
    )
    assert bad_channel.exit_code != 0 and "smoke" in bad_channel.output


def test_a_different_key_file_is_refused_clearly(
    cli: CliRunner, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    issue(cli, tmp_path, n=20)
    monkeypatch.setenv("TOWNSQUARE_KEY_FILE", str(tmp_path / "other-key"))
    result = cli.invoke(app, ["leak", "trace", str(tmp_path / "out" / "r1.md")])
    assert result.exit_code != 0 and "different key file" in result.output


def test_lexical_rules_can_be_left_out(cli: CliRunner, tmp_path: Path) -> None:
    memo = tmp_path / "memo.md"
    memo.write_text(MEMO, encoding="utf-8")

    def lexical_slots(*extra: str) -> int:
        r = cli.invoke(app, ["memo", "plan", str(memo), "--recipients", "100", "--json", *extra])
        assert r.exit_code == 0, r.output
        return int(json.loads(r.stdout)["capacity"]["lexical"]["slots"])

    assert lexical_slots("--reject-lexical", "en.contraction") < lexical_slots()
    bad = cli.invoke(app, ["memo", "plan", str(memo), "--recipients", "5",
                           "--reject-lexical", "en.nonsense"])
    assert bad.exit_code != 0 and "en.nonsense" in bad.output

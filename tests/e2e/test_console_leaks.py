"""Leak tracing in the console over HTTP: review a memo's wording variants and plan, issue
it to an uploaded list, download the copies, and trace leaks of memos and of console pages
(SQLite and PostgreSQL). The screenshot path is in tests/browser/test_console_leaks.py."""

from __future__ import annotations

import html
import io
import json
import re
import zipfile
from importlib import resources
from pathlib import Path

import pytest
from sqlalchemy import func, select
from tests.conftest import export_cli_token
from tests.e2e.conftest import Api
from tests.e2e.test_api_staff import make_staff
from tests.e2e.test_console_session import sign_in
from typer.testing import CliRunner

from townsquare.cli import app
from townsquare.store.tables import Memo

MEMO = resources.files("townsquare.samples").joinpath("memo_en.md").read_text("utf-8")
PEOPLE = "id,name,email\n" + "".join(f"r{i},Person {i},r{i}@example.org\n" for i in range(40))
CHANNELS = ["spacing", "typography", "lexical", "zero_width"]


def memos_stored(api: Api) -> int:
    with api.engine.connect() as conn:
        return int(conn.execute(select(func.count()).select_from(Memo)).scalar_one())


def review(api: Api, csrf: str, **extra: object) -> str:
    data = {"csrf": csrf, "title": "Integrity update", "text": MEMO, "channel": CHANNELS,
            "recipients": "40", **extra}
    r = api.client.post("/console/memos/review", data=data)
    assert r.status_code == 200, r.text
    return r.text


def issue(api: Api, csrf: str, people: str = PEOPLE, **extra: object):  # type: ignore[no-untyped-def]
    data = {"csrf": csrf, "title": "Integrity update", "text": MEMO, "channel": CHANNELS,
            "filename": "update.md", **extra}
    return api.client.post("/console/memos/issue", data=data,
                           files={"people": ("people.csv", people.encode(), "text/csv")},
                           follow_redirects=False)


def lexical_slots(page: str) -> int:
    found = re.search(r"<td>lexical</td><td>(\d+)</td>", page)
    assert found, page
    return int(found.group(1))


def test_review_lists_the_variants_and_rejecting_a_family_changes_the_plan(api: Api) -> None:
    make_staff(api, "sec", "admin")
    csrf = sign_in(api, "sec")
    page = review(api, csrf)
    families = sorted(set(re.findall(r'name="offered" value="(\w+\.\w+)"', page)))
    assert families and "use the family" in page and "Places" in page
    before = lexical_slots(page)
    offered = re.findall(r'name="offered" value="([\w.]+)"', page)
    keep = [o for o in offered if not o.startswith(families[0])]
    after = lexical_slots(review(api, csrf, reviewed="true", offered=offered, use=keep))
    assert 0 <= after < before
    # the family shows unticked, and the plan still names one leaker among 40
    again = review(api, csrf, reviewed="true", offered=offered, use=keep)
    assert f'value="{families[0]}" checked' not in again
    assert "A full pasted copy names one leaker among 40" in again


def test_issue_download_and_trace_a_pasted_copy_with_the_evidence(api: Api) -> None:
    make_staff(api, "sec", "admin")
    csrf = sign_in(api, "sec")
    r = issue(api, csrf)
    assert r.status_code == 303, r.text
    memo_page = api.client.get(r.headers["location"])
    assert "Integrity update" in memo_page.text and "40" in memo_page.text
    memo_id = r.headers["location"].rsplit("/", 1)[1]
    archive = zipfile.ZipFile(io.BytesIO(
        api.client.get(f"/console/memos/{memo_id}/copies.zip").content))
    names = archive.namelist()
    assert len(names) == 40 and f"{memo_id}/r7.md" in names
    leaked = archive.read(f"{memo_id}/r7.md").decode()
    excerpt = "\n\n".join(leaked.split("\n\n")[2:5])
    result = api.client.post("/console/leaks", data={"csrf": csrf, "text": excerpt,
                                                     "threshold": "1e-6"})
    assert result.status_code == 200
    assert "Verdict: identified" in result.text
    assert re.search(r"<td>accused</td>\s*<td>r7</td><td>Person 7</td>", result.text)
    assert "Evidence per sentence" in result.text and "<details>" in result.text


def test_a_pasted_console_page_names_who_viewed_it_where_and_when(
    api: Api, database_url: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    make_staff(api, "sec", "admin")
    make_staff(api, "ola", "admin")
    csrf = sign_in(api, "sec")
    memo_id = issue(api, csrf).headers["location"].rsplit("/", 1)[1]
    views = {}
    for who in ("ola", "sec"):
        sign_in(api, who)
        page = api.client.get(f"/console/memos/{memo_id}").text
        shown = re.search(r'<span class="fp"[^>]*>(.*?)</span></div>', page, re.S)
        assert shown
        views[who] = re.sub(r"<[^>]+>", "", shown.group(1))  # the text a browser copies
    assert views["ola"] != views["sec"]  # each viewer sees a copy of their own
    pasted = html.unescape(views["ola"]).split("\n\n", 3)[3]
    result = api.client.post("/console/leaks", data={"csrf": sign_in(api, "sec"),
                                                     "text": pasted})
    assert "Verdict: identified" in result.text
    row = re.search(r"<td>accused</td>\s*<td>(\w+)</td><td>([^<]+)</td><td>([^<]+)</td>",
                    result.text)
    assert row and row.group(1) == "ola" and row.group(2) == f"/console/memos/{memo_id}"
    assert row.group(3).startswith("20")  # when, to the second
    # the command line answers the same for a console page
    monkeypatch.setenv("TOWNSQUARE_DATABASE_URL", database_url)
    monkeypatch.setenv("TOWNSQUARE_KEY_FILE", str(tmp_path / "townsquare.key"))
    monkeypatch.setenv("TOWNSQUARE_DATA_DIR", str(tmp_path))
    monkeypatch.setenv("COLUMNS", "200")
    export_cli_token(monkeypatch)
    leak = tmp_path / "leak.txt"
    leak.write_text(pasted, encoding="utf-8")
    cli = CliRunner().invoke(app, ["leak", "trace", str(leak), "--json"])
    assert cli.exit_code == 0, cli.output
    [accused] = json.loads(cli.stdout)["accused"]
    assert (accused["name"], accused["page"]) == ("ola", f"/console/memos/{memo_id}")
    shown = CliRunner().invoke(app, ["leak", "trace", str(leak)])
    assert "console page" in shown.stdout and "ola" in shown.stdout
    assert f"/console/memos/{memo_id}" in shown.stdout


def test_bad_input_is_refused_with_a_message_and_nothing_is_stored(api: Api) -> None:
    make_staff(api, "sec", "admin")
    make_staff(api, "mo", "moderator")
    csrf = sign_in(api, "sec")
    r = api.client.post("/console/memos/review", data={"csrf": csrf, "text": "  ",
                                                       "channel": CHANNELS})
    assert r.status_code == 422 and "the memo is empty" in r.text
    r = issue(api, csrf, people="id,name,email\nr1,A,a@x.org\nr1,B,b@x.org\n")
    assert r.status_code == 422 and "duplicate recipient id 'r1'" in html.unescape(r.text)
    assert "tsq-console" not in r.text  # no server paths in messages
    r = issue(api, csrf, people="")
    assert r.status_code == 422 and "recipient list" in r.text
    r = api.client.post("/console/memos/issue", data={"text": MEMO, "channel": CHANNELS},
                        files={"people": ("p.csv", PEOPLE.encode(), "text/csv")})
    assert r.status_code == 403  # no CSRF token
    r = api.client.post("/console/leaks", data={"csrf": csrf, "text": MEMO, "threshold": "2"})
    assert r.status_code == 422
    assert memos_stored(api) == 0
    csrf = sign_in(api, "mo")
    assert api.client.get("/console/memos").status_code == 403
    page = api.client.get("/console/leaks").text
    assert "needs the permission leaks.trace" in page  # the button is disabled with why
    r = issue(api, csrf)
    assert r.status_code == 403 and "memos.issue" in r.text
    r = api.client.post("/console/leaks", data={"csrf": csrf, "text": MEMO})
    assert r.status_code == 403
    assert memos_stored(api) == 0


def test_a_lockdown_disables_issuing_and_tracing_with_its_reason(api: Api) -> None:
    make_staff(api, "sec", "admin")
    csrf = sign_in(api, "sec")
    draft = review(api, csrf)
    assert '<button type="submit" formaction="/console/memos/issue">Issue copies' in draft
    api.post("/lockdowns", {"reason": "board meeting leak",
                            "permissions": ["memos.issue", "leaks.trace"]})
    csrf = sign_in(api, "sec")
    page = api.client.get("/console/leaks").text
    assert "disabled" in page and "board meeting leak" in page
    r = api.client.post("/console/leaks", data={"csrf": csrf, "text": MEMO})
    assert r.status_code == 403 and "board meeting leak" in r.text
    r = issue(api, csrf)
    assert r.status_code == 403 and "frozen by a lockdown" in r.text
    assert memos_stored(api) == 0


def test_an_uploaded_memo_is_reviewed_and_bad_uploads_are_refused(api: Api) -> None:
    make_staff(api, "sec", "admin")
    csrf = sign_in(api, "sec")
    r = api.client.post("/console/memos/review", data={"csrf": csrf, "channel": CHANNELS},
                        files={"upload": ("update.md", MEMO.encode(), "text/markdown")})
    assert r.status_code == 200
    assert 'name="filename" value="update.md"' in r.text and "Wording variants" in r.text
    r = api.client.post("/console/memos/review", data={"csrf": csrf, "channel": CHANNELS},
                        files={"upload": ("memo.txt", b"\xff\xfe\x00bad", "text/plain")})
    assert r.status_code == 422 and "not UTF-8 text" in r.text
    r = api.client.post("/console/leaks", data={"csrf": csrf},
                        files={"leak": ("shot.png", b"\x89PNG\r\n\x1a\nbroken", "image/png")})
    assert r.status_code == 422 and "cannot be read as an image" in r.text
    assert "tsq-console" not in r.text

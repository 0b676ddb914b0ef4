"""Memo delivery and pledge campaigns over HTTP: the API, the public pledge page reached
through the link in a delivered message, and the console pages (permissions, CSRF, bad
input), with a real local SMTP server."""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from tests.e2e.conftest import Api, running_api
from tests.e2e.issued_memos import memo
from tests.e2e.test_api_staff import make_staff
from tests.e2e.test_console_session import sign_in
from tests.integration.smtp_server import Inbox, parts, smtp_server

LINK = re.compile(r"http://testserver(/pledge/[\w.-]+)")


@pytest.fixture
def inbox() -> Iterator[tuple[Inbox, int]]:
    with smtp_server() as server:
        yield server


@pytest.fixture
def mailing_api(database_url: str, tmp_path: Path, inbox: tuple[Inbox, int],
                monkeypatch: pytest.MonkeyPatch) -> Iterator[Api]:
    monkeypatch.setenv("TOWNSQUARE_SMTP_HOST", "127.0.0.1")
    monkeypatch.setenv("TOWNSQUARE_SMTP_PORT", str(inbox[1]))
    monkeypatch.setenv("TOWNSQUARE_MAIL_BACKOFF_SECONDS", "0")
    monkeypatch.setenv("TOWNSQUARE_PUBLIC_BASE_URL", "http://testserver")
    with running_api(database_url, tmp_path, "") as running:
        yield running


def soon(days: float = 1) -> str:
    return (datetime.now(UTC) + timedelta(days=days)).isoformat()


def test_api_delivers_and_the_recipient_signs_through_the_public_page(
    mailing_api: Api, inbox: tuple[Inbox, int],
) -> None:
    api, server = mailing_api, inbox[0]
    memo_id = memo(api, 1)
    made = api.post("/pledges", {"memo_id": memo_id, "deadline": soon(), "remind_hours": 48})
    assert made.status_code == 201, made.text
    campaign = made.json()["id"]
    sent = api.post(f"/memos/{memo_id}/deliveries")
    assert sent.status_code == 200 and sent.json()["sent"] == 3
    statuses = api.get(f"/memos/{memo_id}/deliveries").json()
    assert [s["status"] for s in statuses] == ["sent"] * 3

    raw = next(raw for rcpts, raw in server.messages if rcpts == ["r2@example.org"])
    (path,) = LINK.findall(parts(raw)[0])
    page = api.client.get(path)
    assert page.status_code == 200 and "For Person 2." in page.text
    assert page.headers["referrer-policy"] == "no-referrer"
    assert "I acknowledge" in page.text
    signed = api.client.post(path, follow_redirects=True)
    assert "Thank you. You acknowledged this memo" in signed.text
    assert "I acknowledge" not in signed.text

    table = api.get(f"/pledges/{campaign}").json()
    assert (table["signed"], table["unsigned"]) == (1, 2)
    assert [r["recipient_id"] for r in table["rows"] if r["signed"]] == ["r2"]
    csv = api.get(f"/pledges/{campaign}/export")
    assert csv.headers["content-type"].startswith("text/csv")
    assert "r2,Person 2,r2@example.org,yes," in csv.text

    reminded = api.post("/pledges/reminders").json()
    assert reminded[0]["reminded"] == 2
    assert api.post("/pledges/reminders").json()[0]["reminded"] == 0


def test_a_tampered_link_shows_a_clear_404_and_signs_nothing(api: Api) -> None:
    memo_id = memo(api, 1)
    campaign = api.post("/pledges", {"memo_id": memo_id, "deadline": soon()}).json()["id"]
    for path in (f"/pledge/{campaign}.0.AAAAAAAAAAAAAAAAAAAAAA", "/pledge/nonsense"):
        assert api.client.get(path).status_code == 404
        r = api.client.post(path)
        assert r.status_code == 404 and "not valid" in r.text
    assert api.get(f"/pledges/{campaign}").json()["signed"] == 0


def test_api_bad_input_is_refused(api: Api) -> None:
    memo_id = memo(api, 1)
    past = api.post("/pledges", {"memo_id": memo_id, "deadline": soon(-1)})
    assert past.status_code == 422 and "future" in past.text
    assert api.post("/pledges", {"memo_id": "m_nope", "deadline": soon()}).status_code == 404
    assert api.post("/pledges", {"memo_id": memo_id, "deadline": soon(),
                                 "remind_hours": 0}).status_code == 422
    assert api.get("/pledges").json() == []
    assert api.post("/memos/m_nope/deliveries").status_code == 404
    assert api.post(f"/memos/{memo_id}/deliveries", role="moderator").status_code == 403


def test_console_campaign_page_and_its_controls(api: Api) -> None:
    make_staff(api, "iris", "admin")
    token = sign_in(api, "iris")
    memo_id = memo(api, 1)
    listing = api.client.get("/console/pledges")
    assert listing.status_code == 200 and memo_id in listing.text
    no_csrf = api.client.post("/console/pledges", data={"memo_id": memo_id,
                                                         "deadline": "2099-01-01T12:00"})
    assert no_csrf.status_code == 403 and api.get("/pledges").json() == []
    bad = api.client.post("/console/pledges", data={"memo_id": memo_id, "deadline": "soon",
                                                    "csrf": token})
    assert bad.status_code == 422 and "not a date and time" in bad.text
    made = api.client.post("/console/pledges", data={
        "memo_id": memo_id, "deadline": "2099-01-01T12:00", "remind_hours": "24",
        "csrf": token}, follow_redirects=False)
    assert made.status_code == 303
    page = api.client.get(made.headers["location"])
    assert "0 signed</strong>, 3 not yet" in page.text
    assert 'hx-trigger="every 5s"' in page.text  # the table keeps itself current
    campaign = made.headers["location"].rsplit("/", 1)[1]
    fragment = api.client.post(f"/console/pledges/{campaign}/signatures",
                               data={"recipient_id": "r0"},
                               headers={"X-CSRF-Token": token, "HX-Request": "true"})
    assert fragment.status_code == 200 and "<html" not in fragment.text
    assert "recorded by iris" in fragment.text and "1 signed" in fragment.text
    again = api.client.post(f"/console/pledges/{campaign}/signatures",
                            data={"recipient_id": "r0", "csrf": token})
    assert again.status_code == 409
    table = api.client.get(f"/console/pledges/{campaign}/table")
    assert "1 signed" in table.text and "<html" not in table.text
    exported = api.client.get(f"/console/pledges/{campaign}/export.csv")
    assert "r0,Person 0,r0@example.org,yes," in exported.text


def test_console_delivery_and_pledge_pages_are_refused_to_moderators(api: Api) -> None:
    make_staff(api, "mo", "moderator")
    sign_in(api, "mo")
    memo_id = memo(api, 1, delivered=True)
    assert api.client.get(f"/console/memos/{memo_id}/delivery").status_code == 403
    assert api.client.get("/console/pledges").status_code == 403
    assert "Pledges" not in api.client.get("/console/").text


def test_console_delivery_page_shows_status_and_delivers(
    mailing_api: Api, inbox: tuple[Inbox, int],
) -> None:
    api = mailing_api
    make_staff(api, "iris", "admin")
    token = sign_in(api, "iris")
    memo_id = memo(api, 1)
    page = api.client.get(f"/console/memos/{memo_id}/delivery")
    assert "0 sent, 0 failed, 3 not yet tried" in page.text
    assert 'data-confirm="Email every recipient' in page.text
    done = api.client.post(f"/console/memos/{memo_id}/delivery",
                           headers={"X-CSRF-Token": token, "HX-Request": "true"})
    assert "Sent 3, failed 0, already delivered 0." in done.text
    assert "3 sent, 0 failed, 0 not yet tried" in done.text
    assert len(inbox[0].messages) == 3

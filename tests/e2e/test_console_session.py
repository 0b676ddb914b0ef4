"""The console's sign-in, CSRF protection and failure pages (HTTP, SQLite and PostgreSQL)."""

from __future__ import annotations

import re

from tests.e2e.conftest import Api
from tests.e2e.test_api_staff import PASSWORD, make_staff


def sign_in(api: Api, username: str, password: str = PASSWORD) -> str:
    """Sign in through the form; the page's CSRF token."""
    r = api.client.post("/console/login", data={"username": username, "password": password,
                                                "next": "/console/"}, follow_redirects=False)
    assert r.status_code == 303 and r.headers["location"] == "/console/", r.text
    page = api.client.get("/console/")
    assert page.status_code == 200
    found = re.search(r'name="csrf" value="([0-9a-f]+)"', page.text)
    assert found
    return found.group(1)


def test_pages_need_a_session_and_sign_in_goes_back_where_you_were(api: Api) -> None:
    r = api.client.get("/console/", follow_redirects=False)
    assert r.status_code == 303 and r.headers["location"] == "/console/login?next=/console/"
    make_staff(api, "mia", "moderator")
    r = api.client.post("/console/login", data={"username": "mia", "password": "wrong"})
    assert r.status_code == 401 and "invalid username or password" in r.text
    sign_in(api, "mia")
    page = api.client.get("/console/").text
    assert "mia (moderator)" in page and "Queues" in page
    r = api.client.post("/console/login", data={"username": "mia", "password": PASSWORD,
                                                "next": "https://evil.example/"},
                        follow_redirects=False)
    assert r.headers["location"] == "/console/"  # never an open redirect


def test_state_changes_need_the_csrf_token(api: Api) -> None:
    make_staff(api, "mia", "moderator")
    token = sign_in(api, "mia")
    r = api.client.post("/console/logout", data={})
    assert r.status_code == 403 and "stale" in r.text
    assert api.client.get("/console/").status_code == 200  # still signed in
    r = api.client.post("/console/logout", data={"csrf": "0" * 64})
    assert r.status_code == 403
    r = api.client.post("/console/logout", data={"csrf": token}, follow_redirects=False)
    assert r.status_code == 303
    assert api.client.get("/console/", follow_redirects=False).status_code == 303


def test_a_service_token_in_the_cookie_is_not_a_console_session(api: Api) -> None:
    api.client.cookies.set("tsq_console", api.tokens["admin"], path="/console")
    assert api.client.get("/console/", follow_redirects=False).status_code == 303


def test_the_dashboard_shows_the_lockdown_and_waiting_approvals(api: Api) -> None:
    make_staff(api, "lead", "senior_moderator")
    api.account("alice")
    api.post("/actions", {"kind": "permanent_suspension", "subject_type": "account",
                          "subject_id": "alice", "policy": "spam", "note": "ring"}, "admin")
    api.post("/lockdowns", {"reason": "ownership change", "permissions": ["labels.write"]})
    sign_in(api, "lead")
    page = api.client.get("/console/").text
    assert "Lockdown in force" in page and "ownership change" in page
    assert "labels.write" in page
    assert "action.permanent_suspension on account alice, asked by admin: ring" in page

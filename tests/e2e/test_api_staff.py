"""Staff accounts, logins, grants and scopes through the HTTP API (SQLite and PostgreSQL)."""

from __future__ import annotations

from typing import Any

from sqlalchemy import text
from tests.e2e.conftest import Api

PASSWORD = "correct horse battery"


def make_staff(api: Api, username: str, *roles: str, teams: list[str] | None = None
               ) -> dict[str, Any]:
    return api.created("/staff", {"username": username, "display_name": username.title(),
                                  "email": f"{username}@example.org", "password": PASSWORD,
                                  "roles": list(roles), "teams": teams or []})


def login(api: Api, username: str, password: str = PASSWORD) -> dict[str, str]:
    r = api.client.post("/api/v1/auth/login", json={"username": username, "password": password})
    assert r.status_code == 200, r.text
    return {"Authorization": f"Bearer {r.json()['session']}"}


def test_a_staff_member_logs_in_and_acts_with_their_roles(api: Api) -> None:
    make_staff(api, "mia", "moderator")
    mia = login(api, "mia")
    me = api.client.get("/api/v1/auth/me", headers=mia).json()
    assert me["name"] == "mia" and me["kind"] == "staff" and me["roles"] == ["moderator"]
    api.account("alice")
    r = api.client.post("/api/v1/labels", headers=mia, json={
        "subject_type": "account", "subject_id": "alice", "label": "spam", "policy": "spam"})
    assert r.status_code == 201 and r.json()["created_by"] == "mia"
    r = api.client.post("/api/v1/staff", headers=mia, json={"username": "x1", "password": None})
    assert r.status_code == 403 and "staff.admin" in r.json()["detail"]


def test_wrong_passwords_get_one_message_then_the_login_is_throttled(api: Api) -> None:
    make_staff(api, "bo", "triage")
    for attempt in ("nope", "nope2", "nope3", "nope4", "nope5"):
        r = api.client.post("/api/v1/auth/login", json={"username": "bo", "password": attempt})
        assert r.status_code == 401 and r.json()["detail"] == "invalid username or password"
    r = api.client.post("/api/v1/auth/login", json={"username": "ghost", "password": "x"})
    assert r.status_code == 401 and r.json()["detail"] == "invalid username or password"
    r = api.client.post("/api/v1/auth/login", json={"username": "bo", "password": PASSWORD})
    assert r.status_code == 429 and int(r.headers["Retry-After"]) > 0


def test_disabling_ends_sessions_and_staff_tokens_at_once(api: Api) -> None:
    make_staff(api, "cy", "moderator")
    session = login(api, "cy")
    token = api.created("/staff/cy/tokens", {"name": "cy-laptop"})["token"]
    as_token = {"Authorization": f"Bearer {token}"}
    assert api.client.get("/api/v1/auth/me", headers=as_token).status_code == 200
    assert api.post("/staff/cy/disable", {"reason": "left the company"}).status_code == 200
    assert api.client.get("/api/v1/auth/me", headers=session).status_code == 401
    assert api.client.get("/api/v1/auth/me", headers=as_token).status_code == 401
    r = api.client.post("/api/v1/auth/login", json={"username": "cy", "password": PASSWORD})
    assert r.status_code == 401
    assert api.post("/staff/cy/enable").status_code == 200
    assert api.client.get("/api/v1/auth/me", headers=as_token).status_code == 200


def test_nobody_grants_themselves_more_than_they_hold(api: Api) -> None:
    make_staff(api, "lead", "senior_moderator")
    api.created("/roles", {"name": "staff_clerk", "permissions": ["staff.admin",
                                                                  "status.read"]})
    api.created("/staff/lead/grants", {"role": "staff_clerk"})
    lead = login(api, "lead")
    r = api.client.post("/api/v1/staff/lead/grants", headers=lead, json={"role": "admin"})
    assert r.status_code == 403 and "cannot grant what they do not hold" in r.json()["detail"]
    r = api.client.post("/api/v1/staff", headers=lead, json={
        "username": "newbie", "password": PASSWORD, "roles": ["policy"]})
    assert r.status_code == 403
    r = api.client.post("/api/v1/staff", headers=lead, json={
        "username": "newbie", "password": PASSWORD, "roles": ["moderator"]})
    assert r.status_code == 201  # moderator is within senior_moderator
    r = api.client.post("/api/v1/roles", headers=lead, json={
        "name": "sneaky", "permissions": ["audit.read"]})
    assert r.status_code == 403
    with api.engine.connect() as conn:
        grants = conn.execute(text(
            "SELECT role FROM role_grants JOIN staff_members s ON s.id = staff_id "
            "WHERE s.username = 'lead' ORDER BY role")).scalars().all()
    assert grants == ["senior_moderator", "staff_clerk"]


def test_a_moderator_scoped_to_a_policy_acts_only_under_it(api: Api) -> None:
    make_staff(api, "sam")
    api.created("/staff/sam/grants", {"role": "moderator", "policies": ["spam"]})
    sam = login(api, "sam")
    api.account("alice")
    ok = {"subject_type": "account", "subject_id": "alice", "policy": "spam", "kind": "warn"}
    assert api.client.post("/api/v1/actions", headers=sam, json=ok).status_code == 201
    r = api.client.post("/api/v1/actions", headers=sam, json={**ok, "policy": "hate_speech"})
    assert r.status_code == 403 and "not for policy 'hate_speech'" in r.json()["detail"]


def test_bad_staff_input_is_refused_and_nothing_stored(api: Api) -> None:
    before = staff_count(api)
    assert api.post("/staff", {"username": "Bad Name!", "password": PASSWORD}).status_code == 422
    assert api.post("/staff", {"username": "ok1", "password": "short"}).status_code == 422
    assert api.post("/staff", {"username": "ok2", "password": PASSWORD,
                               "roles": ["emperor"]}).status_code == 422
    make_staff(api, "dup")
    assert api.post("/staff", {"username": "dup", "password": PASSWORD}).status_code == 409
    assert api.post("/roles", {"name": "r1", "permissions": ["fly"]}).status_code == 422
    assert api.post("/roles", {"name": "admin", "permissions": ["status.read"]}
                    ).status_code == 409
    assert api.post("/staff/nobody/grants", {"role": "moderator"}).status_code == 404
    assert staff_count(api) == before + 1


def staff_count(api: Api) -> int:
    with api.engine.connect() as conn:
        return int(conn.execute(text("SELECT count(*) FROM staff_members")).scalar_one())


def test_staff_reading_an_account_status_is_audited_the_platform_is_not(api: Api) -> None:
    make_staff(api, "viv", "triage")
    api.account("alice")
    api.status("alice")  # the platform (service token)
    viv = login(api, "viv")
    assert api.client.get("/api/v1/accounts/alice/status", headers=viv).status_code == 200
    with api.engine.connect() as conn:
        reads = conn.execute(text(
            "SELECT actor FROM audit_events WHERE action = 'read.status'")).scalars().all()
    assert reads == ["viv"]

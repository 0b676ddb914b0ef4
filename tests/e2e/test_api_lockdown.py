"""Lockdowns through the HTTP API: tools freeze, named exemptions and the platform's
paths keep working, lifting needs a second person, a scheduled restore ends it."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from sqlalchemy import text
from tests.e2e.conftest import Api
from tests.e2e.test_api_staff import login, make_staff


def label_as(api: Api, headers: dict[str, str], account: str) -> int:
    return api.client.post("/api/v1/labels", headers=headers, json={
        "subject_type": "account", "subject_id": account, "label": "spam", "policy": "spam",
    }).status_code


def test_org_wide_lockdown_with_a_civic_team_exemption_then_two_person_lift(api: Api) -> None:
    make_staff(api, "mod", "moderator")
    make_staff(api, "civic", "moderator", teams=["civic-integrity"])
    make_staff(api, "sec1", "admin")
    make_staff(api, "sec2", "admin")
    mod, civic = login(api, "mod"), login(api, "civic")
    sec1, sec2 = login(api, "sec1"), login(api, "sec2")
    api.account("alice")
    api.account("bob")
    api.posted("p1", "alice")

    r = api.client.post("/api/v1/lockdowns", headers=sec1, json={
        "reason": "change of ownership", "exempt_teams": ["civic-integrity"]})
    assert r.status_code == 201, r.text
    lockdown_id = r.json()["id"]

    r = api.client.post("/api/v1/labels", headers=mod, json={
        "subject_type": "account", "subject_id": "alice", "label": "spam", "policy": "spam"})
    assert r.status_code == 403
    assert "frozen by a lockdown" in r.json()["detail"]
    assert "change of ownership" in r.json()["detail"]
    assert label_as(api, civic, "alice") == 201  # the exempt team keeps working
    # The platform's hot path and writes keep working.
    assert api.verdict("home_timeline", None, "p1")["item_id"] == "p1"
    api.posted("p2", "alice")
    # Admin tools freeze too (a service admin token is not exempt).
    assert api.post("/staff", {"username": "z9", "password": None}).status_code == 403
    me = api.client.get("/api/v1/auth/me", headers=mod).json()
    assert "labels.write" in me["frozen"] and "labels.write" not in me["permissions"]

    r = api.client.post(f"/api/v1/lockdowns/{lockdown_id}/lift", headers=sec1,
                        json={"reason": "new owners vetted"})
    assert r.status_code == 202
    request_id = r.json()["approval_request"]["id"]
    r = api.client.post(f"/api/v1/approvals/{request_id}/approve", headers=sec1, json={})
    assert r.status_code == 403 and "needs a second person" in r.json()["detail"]
    assert label_as(api, mod, "alice") == 403  # still locked
    r = api.client.post(f"/api/v1/approvals/{request_id}/approve", headers=sec2, json={})
    assert r.status_code == 200 and r.json()["status"] == "applied"
    assert label_as(api, mod, "bob") == 201
    assert api.get("/lockdowns").json() == []
    past = api.get("/lockdowns?include_past=true").json()
    assert past[0]["lifted_by"] == "sec1+sec2"


def test_a_permission_lockdown_restores_itself_on_schedule(api: Api) -> None:
    make_staff(api, "mod", "moderator")
    mod = login(api, "mod")
    api.account("alice")
    restore = datetime.now(UTC) + timedelta(minutes=30)
    r = api.post("/lockdowns", {"reason": "incident", "permissions": ["labels.write"],
                                "restore_at": restore.isoformat()})
    assert r.status_code == 201
    assert label_as(api, mod, "alice") == 403
    warn = {"kind": "warn", "subject_type": "account", "subject_id": "alice",
            "policy": "spam"}
    assert api.client.post("/api/v1/actions", headers=mod, json=warn).status_code == 201
    with api.engine.begin() as conn:  # let the restore time pass
        conn.execute(text("UPDATE lockdowns SET restore_at = :t"),
                     {"t": datetime.now(UTC) - timedelta(seconds=1)})
    api.app.state.runtime.identities.clear()
    assert label_as(api, mod, "alice") == 201
    listed = api.get("/lockdowns?include_past=true").json()
    assert listed[0]["lifted_by"] == "schedule" and not listed[0]["in_force"]


def test_bad_lockdown_input_is_refused(api: Api) -> None:
    past = (datetime.now(UTC) - timedelta(hours=1)).isoformat()
    assert api.post("/lockdowns", {"reason": ""}).status_code == 422
    assert api.post("/lockdowns", {"reason": "x", "restore_at": past}).status_code == 422
    assert api.post("/lockdowns", {"reason": "x", "permissions": ["warp"]}).status_code == 422
    assert api.post("/lockdowns", {"reason": "x", "permissions": ["visibility.read"]}
                    ).status_code == 422
    assert api.post("/lockdowns/99/lift", {"reason": "x"}).status_code == 404
    assert api.post("/lockdowns", {"reason": "x"}, "moderator").status_code == 403
    assert api.get("/lockdowns").json() == []

"""The two-person rule through the HTTP API: never with one person, nor the same person
twice, nor after expiry; racing approvals apply the operation once."""

from __future__ import annotations

import threading
from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import text
from tests.e2e.conftest import Api
from tests.e2e.test_api_staff import login, make_staff

from townsquare.services import approvals
from townsquare.services.errors import ConflictError
from townsquare.staff.actor import Actor, Grant
from townsquare.staff.permissions import ROLES

PERMANENT = {"kind": "permanent_suspension", "subject_type": "account", "subject_id": "alice",
             "policy": "spam", "note": "ban evasion network"}


def actions_on(api: Api, account: str) -> int:
    with api.engine.connect() as conn:
        return int(conn.execute(text(
            "SELECT count(*) FROM enforcement_actions WHERE account_id = :a"),
            {"a": account}).scalar_one())


def suspended(api: Api, account: str) -> bool:
    limits = api.status(account)["limits"]
    return any(limit["label"] == "suspended" for limit in limits)


def test_a_permanent_suspension_waits_for_a_different_authorised_person(api: Api) -> None:
    api.account("alice")
    r = api.post("/actions", PERMANENT, "senior_moderator")
    assert r.status_code == 202
    request_id = r.json()["approval_request"]["id"]
    assert actions_on(api, "alice") == 0 and not suspended(api, "alice")
    # The requester again: refused.
    r = api.post(f"/approvals/{request_id}/approve", {}, "senior_moderator")
    assert r.status_code == 403 and "needs a second person" in r.json()["detail"]
    # Someone without the permission: refused.
    r = api.post(f"/approvals/{request_id}/approve", {}, "moderator")
    assert r.status_code == 403
    assert actions_on(api, "alice") == 0
    listed = api.get("/approvals?status=pending", "auditor").json()
    assert [x["id"] for x in listed] == [request_id]
    r = api.post(f"/approvals/{request_id}/approve", {"note": "checked"}, "admin")
    assert r.status_code == 200 and r.json()["status"] == "applied"
    assert r.json()["decided_by"] == "admin"
    assert actions_on(api, "alice") == 1 and suspended(api, "alice")
    r = api.post(f"/approvals/{request_id}/approve", {}, "admin")
    assert r.status_code == 409


def test_the_same_person_through_another_token_is_not_a_second_person(api: Api) -> None:
    make_staff(api, "ana", "senior_moderator")
    session = login(api, "ana")
    token = api.created("/staff/ana/tokens", {"name": "ana-script"})["token"]
    api.account("alice")
    r = api.client.post("/api/v1/actions", headers=session, json=PERMANENT)
    request_id = r.json()["approval_request"]["id"]
    r = api.client.post(f"/api/v1/approvals/{request_id}/approve",
                        headers={"Authorization": f"Bearer {token}"}, json={})
    assert r.status_code == 403 and "needs a second person" in r.json()["detail"]
    assert actions_on(api, "alice") == 0


def test_an_expired_request_never_applies(api: Api) -> None:
    api.account("alice")
    request_id = api.post("/actions", PERMANENT, "senior_moderator").json()[
        "approval_request"]["id"]
    with api.engine.begin() as conn:
        conn.execute(text("UPDATE approval_requests SET expires_at = :t"),
                     {"t": datetime.now(UTC) - timedelta(seconds=1)})
    r = api.post(f"/approvals/{request_id}/approve", {}, "admin")
    assert r.status_code == 409 and "expired" in r.json()["detail"]
    assert api.get(f"/approvals/{request_id}", "auditor").json()["status"] == "expired"
    assert actions_on(api, "alice") == 0


def test_actions_on_high_profile_accounts_and_bulk_actions_need_two_people(api: Api) -> None:
    api.account("mayor", high_profile=True)
    api.account("bot1")
    api.account("bot2")
    warn = {"kind": "warn", "subject_type": "account", "subject_id": "mayor", "policy": "spam"}
    r = api.post("/actions", warn, "moderator")
    assert r.status_code == 202 and r.json()["approval_request"]["operation"] == (
        "action.high_profile")
    assert actions_on(api, "mayor") == 0
    bulk = {"reason": "spam ring", "actions": [
        {"kind": "suspend", "subject_type": "account", "subject_id": b, "policy": "spam",
         "duration_seconds": 3600} for b in ("bot1", "bot2")]}
    r = api.post("/actions/bulk", bulk, "moderator")
    assert r.status_code == 202
    done = api.post(f"/approvals/{r.json()['approval_request']['id']}/approve", {},
                    "senior_moderator").json()
    assert len(done["result"]["applied"]) == 2 and done["result"]["failed"] == []
    assert suspended(api, "bot1") and suspended(api, "bot2")


def test_the_requester_can_cancel_and_a_second_person_can_reject(api: Api) -> None:
    api.account("alice")
    first = api.post("/actions", PERMANENT, "senior_moderator").json()["approval_request"]
    r = api.post(f"/approvals/{first['id']}/reject", {"note": "wrong account"},
                 "senior_moderator")
    assert r.json()["status"] == "cancelled"
    second = api.post("/actions", PERMANENT, "senior_moderator").json()["approval_request"]
    assert api.post(f"/approvals/{second['id']}/reject", {}, "moderator").status_code == 403
    r = api.post(f"/approvals/{second['id']}/reject", {"note": "not enough evidence"}, "admin")
    assert r.json()["status"] == "rejected"
    assert api.post(f"/approvals/{second['id']}/approve", {}, "admin").status_code == 409
    assert actions_on(api, "alice") == 0


@pytest.mark.parametrize("approvers", [4])
def test_racing_approvals_apply_the_operation_once(api: Api, approvers: int) -> None:
    api.account("alice")
    request_id = api.post("/actions", PERMANENT, "senior_moderator").json()[
        "approval_request"]["id"]
    services = api.app.state.runtime.services
    barrier = threading.Barrier(approvers)
    outcomes: list[str] = []

    def approve(i: int) -> None:
        actor = Actor(f"approver-{i}", "service", (Grant("admin", ROLES["admin"]),))
        barrier.wait()
        try:
            approvals.approve(services, actor, request_id)
            outcomes.append("applied")
        except ConflictError:
            outcomes.append("conflict")

    threads = [threading.Thread(target=approve, args=(i,)) for i in range(approvers)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert sorted(outcomes) == ["applied"] + ["conflict"] * (approvers - 1)
    assert actions_on(api, "alice") == 1


def test_labelling_a_high_profile_account_or_its_post_needs_a_second_person(api: Api) -> None:
    api.account("mayor", high_profile=True)
    api.posted("m1", "mayor")
    body = {"subject_type": "post", "subject_id": "m1", "label": "do_not_amplify",
            "policy": "civic_integrity"}
    r = api.post("/labels", body, "moderator")
    assert r.status_code == 202
    assert r.json()["approval_request"]["operation"] == "label.high_profile"
    assert api.verdict("search_top", None, "m1")["action"] == "allow"
    label = api.approved(r.json()["approval_request"]["id"], "senior_moderator")
    assert label["label"] == "do_not_amplify" and label["created_by"] == "moderator"
    api.settle()
    assert api.verdict("search_top", None, "m1")["action"] != "allow"

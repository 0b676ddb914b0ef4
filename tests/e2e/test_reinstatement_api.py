"""Reinstatement and the council through the HTTP API on SQLite and PostgreSQL: the
acceptance flow (suspension, a request refused before the waiting period, a request after
it, the council's vote for a high-profile account, the published decision) and the senior
review with a second person's approval."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from sqlalchemy import text
from tests.e2e.conftest import Api

from townsquare.services.tokens import create_token


def as_token(api: Api, token: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {token}"}


def backdate_suspension(api: Api, account: str, days: int) -> None:
    """As if the account had been suspended ``days`` ago (the waiting period runs from it)."""
    with api.engine.begin() as conn:
        conn.execute(text("UPDATE labels SET created_at = :t WHERE subject_id = :a "
                          "AND label = 'suspended'"),
                     {"t": datetime.now(UTC) - timedelta(days=days), "a": account})


def requests_stored(api: Api) -> int:
    with api.engine.connect() as conn:
        return int(conn.execute(text("SELECT count(*) FROM reinstatement_requests")
                                ).scalar_one())


def suspended(api: Api, account: str) -> bool:
    return any(lim["label"] == "suspended" for lim in api.status(account)["limits"])


def test_suspension_early_request_refused_then_council_vote_and_published_decision(
    api: Api,
) -> None:
    sessions = api.app.state.runtime.app.sessions
    voters = {"council": api.tokens["council"],
              "ana": create_token(sessions, "ana", "council"),
              "bo": create_token(sessions, "bo", "council")}
    for name in voters:
        api.created("/council/members", {"name": name})
    api.account("mayor", high_profile=True)
    api.posted("m1", "mayor", "vote early")
    api.action("permanent_suspension", "mayor", "hateful_conduct", role="senior_moderator",
               note="incitement")
    api.settle()
    assert suspended(api, "mayor") and api.verdict("profile", None, "m1")["action"] == "tombstone"

    ask = {"account_id": "mayor", "statement": "I regret the posts and ask to return."}
    r = api.post("/reinstatements", ask, "service")
    assert r.status_code == 422
    assert "can ask to be reinstated from" in r.json()["detail"]
    assert "(90 days after its suspension began)" in r.json()["detail"]
    assert requests_stored(api) == 0

    backdate_suspension(api, "mayor", 91)
    filed = api.created("/reinstatements", ask, "service")
    assert filed["status"] == "council" and filed["high_profile"] is True
    proposal = filed["proposal_id"]
    r = api.post(f"/reinstatements/{filed['id']}/decide",
                 {"decision": "grant", "rationale": "ok"}, "senior_moderator")
    assert r.status_code == 409 and "for the council to decide" in r.json()["detail"]

    r = api.client.get(f"/api/v1/council/proposals/{proposal}/case",
                       headers=as_token(api, voters["ana"]))
    assert r.status_code == 200 and r.json()["statement"] == ask["statement"]
    r = api.post(f"/council/proposals/{proposal}/votes",
                 {"choice": "for", "reason": "not a member"}, "admin")
    assert r.status_code == 403 and "not a council member" in r.json()["detail"]
    r = api.post(f"/council/proposals/{proposal}/votes", {"choice": "for", "reason": ""},
                 "council")
    assert r.status_code == 422
    ballots = [("council", "for", "Ninety days of silence; the regret reads as sincere."),
               ("ana", "against", "The incitement targeted election workers."),
               ("bo", "for", "Voters need to hear their elected officials.")]
    for name, choice, reason in ballots:
        r = api.client.post(f"/api/v1/council/proposals/{proposal}/votes",
                            headers=as_token(api, voters[name]),
                            json={"choice": choice, "reason": reason})
        assert r.status_code == 200, r.text
    assert r.json()["status"] == "adopted"

    api.settle()
    assert not suspended(api, "mayor")
    assert api.verdict("profile", None, "m1")["action"] == "allow"
    published = api.get("/reinstatements/decisions", "service").json()
    assert [(d["account_id"], d["status"], d["decided_through"], d["proposal_id"])
            for d in published] == [("mayor", "granted", "council", proposal)]
    assert published[0]["rationale"].startswith("Adopted (2 for, 1 against, 0 abstaining")
    assert "- ana (against): The incitement targeted election workers." in (
        published[0]["rationale"])
    decision = api.get(f"/council/proposals/{proposal}", "service").json()
    assert [v["reason"] for v in decision["votes"]] == [b[2] for b in sorted(ballots)]
    status = api.status("mayor")
    assert status["reinstatement"][0]["status"] == "granted"
    assert any(n["kind"] == "reinstatement_granted" for n in status["notices"])


def test_a_senior_grant_waits_for_a_second_person(api: Api) -> None:
    api.account("alice")
    api.action("suspend", "alice", "spam", duration_seconds=3_600 * 24 * 365)
    backdate_suspension(api, "alice", 31)  # spam: 30 days' wait
    filed = api.created("/reinstatements", {"account_id": "alice",
                                            "statement": "Sorry for the spam."}, "service")
    assert filed["status"] == "review"
    assert api.get(f"/reinstatements/{filed['id']}", "council").status_code == 403
    listed = api.get("/reinstatements?status=review", "senior_moderator").json()
    assert [x["statement"] for x in listed] == ["Sorry for the spam."]
    r = api.post(f"/reinstatements/{filed['id']}/decide",
                 {"decision": "grant", "rationale": "A first offence, long ago."},
                 "senior_moderator")
    assert r.status_code == 202, r.text
    request_id = r.json()["approval_request"]["id"]
    assert suspended(api, "alice")
    r = api.post(f"/approvals/{request_id}/approve", {}, "senior_moderator")
    assert r.status_code == 403
    r = api.post(f"/approvals/{request_id}/approve", {"note": "agreed"}, "admin")
    assert r.status_code == 200 and r.json()["status"] == "applied", r.text
    assert not suspended(api, "alice")
    published = api.get("/reinstatements/decisions", "auditor").json()
    assert [(d["status"], d["rationale"]) for d in published] == [
        ("granted", "A first offence, long ago.")]


def test_never_eligible_and_bad_requests_store_nothing(api: Api) -> None:
    api.account("tara")
    api.action("permanent_suspension", "tara", "terrorism")
    backdate_suspension(api, "tara", 3_000)
    r = api.post("/reinstatements", {"account_id": "tara", "statement": "please"}, "service")
    assert r.status_code == 422 and "never reinstated" in r.json()["detail"]
    api.account("fine")
    for body, code in [({"account_id": "fine", "statement": "x"}, 422),
                       ({"account_id": "ghost", "statement": "x"}, 404),
                       ({"account_id": "tara"}, 422)]:
        assert api.post("/reinstatements", body, "service").status_code == code
    assert api.post("/reinstatements", {"account_id": "tara", "statement": "x"},
                    "senior_moderator").status_code == 403
    assert requests_stored(api) == 0
    assert api.post("/reinstatements/9/decide", {"decision": "grant", "rationale": "x"},
                    "senior_moderator").status_code == 404

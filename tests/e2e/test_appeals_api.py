"""Appeals through the HTTP API on SQLite and PostgreSQL: the acceptance flow from a user's
report to an upheld appeal, and the refusals (original actor, second appeal, window, bad
input) that store nothing."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from sqlalchemy import text
from tests.e2e.conftest import Api


def notices(api: Api, account: str, kind: str) -> list[dict[str, object]]:
    return [n for n in api.status(account)["notices"] if n["kind"] == kind]


def appeals_stored(api: Api) -> int:
    with api.engine.connect() as conn:
        return int(conn.execute(text("SELECT count(*) FROM appeals")).scalar_one())


def test_report_claim_action_appeal_upheld_undoes_it_and_tells_author_and_reporter(
    api: Api,
) -> None:
    api.account("alice")
    api.account("rita")
    api.posted("p1", "alice", "miracle cure, click here")
    report = api.created("/reports", {"reporter_id": "rita", "subject_type": "post",
                                      "subject_id": "p1", "reason": "spam", "policy": "spam",
                                      "text": "scam link"}, "service")
    queued = api.get("/reports?queue=default", "triage").json()
    assert [q["id"] for q in queued] == [report["id"]]
    r = api.post(f"/reports/{report['id']}/claim", {}, "senior_moderator")
    assert r.status_code == 200, r.text
    r = api.post(f"/reports/{report['id']}/resolve",
                 {"action": {"kind": "remove_post", "note": "scam"}}, "senior_moderator")
    assert r.status_code == 200, r.text
    action = r.json()["action"]
    api.settle()
    assert api.verdict("search_top", None, "p1")["action"] == "drop"
    before = api.status("alice")
    assert before["strikes"]["total_active"] == 1
    assert [n["title"] for n in notices(api, "alice", "action")] == ["We removed your post (p1)"]
    assert len(notices(api, "rita", "report_outcome")) == 1

    appeal = api.created("/appeals", {"target_type": "action", "target_id": action["id"],
                                      "account_id": "alice",
                                      "statement": "It is my own product, not a scam."},
                         "service")
    assert appeal["status"] == "open"
    r = api.post(f"/appeals/{appeal['id']}/decide",
                 {"outcome": "upheld", "rationale": "I was too quick."}, "senior_moderator")
    assert r.status_code == 403
    assert "someone else must decide its appeal" in r.json()["detail"]
    r = api.post(f"/appeals/{appeal['id']}/decide",
                 {"outcome": "upheld", "rationale": "A real shop; the link is fine."}, "admin")
    assert r.status_code == 200, r.text
    assert r.json()["undone"]["reporters_told"] == [report["id"]]

    api.settle()
    assert api.verdict("search_top", None, "p1")["action"] == "allow"
    after = api.status("alice")
    assert [lim for lim in after["limits"] if lim["label"] == "removed"] == []
    assert after["strikes"]["total_active"] == 0
    assert after["appeals"][0]["rationale"] == "A real shop; the link is fine."
    told = notices(api, "alice", "appeal_upheld")
    assert len(told) == 1 and "Your post (p1) is restored." in str(told[0]["body"])
    assert len(notices(api, "rita", "report_reversed")) == 1


def test_refusals_answer_clearly_and_store_nothing(api: Api) -> None:
    api.account("alice")
    api.posted("p1", "alice")
    action = api.action("remove_post", "p1", "spam", subject_type="post",
                        role="senior_moderator")
    body = {"target_type": "action", "target_id": action["id"], "account_id": "alice",
            "statement": "unfair"}
    for bad, code in [
        ({**body, "target_id": 999}, 404),
        ({**body, "account_id": "nobody"}, 403),
        ({**body, "target_type": "strike"}, 422),
        ({**body, "statement": ""}, 422),
        ({**body, "extra": 1}, 422),
    ]:
        r = api.post("/appeals", bad, "service")
        assert r.status_code == code, (bad, r.text)
    assert api.post("/appeals", body, "moderator").status_code == 403
    assert appeals_stored(api) == 0

    first = api.created("/appeals", body, "service")
    r = api.post("/appeals", body, "service")
    assert r.status_code == 409 and f"appeal #{first['id']}" in r.json()["detail"]
    r = api.post(f"/appeals/{first['id']}/decide", {"outcome": "maybe", "rationale": "x"})
    assert r.status_code == 422
    assert api.post("/appeals/999/decide", {"outcome": "denied", "rationale": "x"}
                    ).status_code == 404
    assert api.get(f"/appeals/{first['id']}", "moderator").status_code == 403
    assert api.get(f"/appeals/{first['id']}", "senior_moderator").json()["statement"] == "unfair"
    assert appeals_stored(api) == 1


def test_an_appeal_after_the_window_is_refused_with_the_date(api: Api) -> None:
    api.account("alice")
    api.posted("p1", "alice")
    action = api.action("remove_post", "p1", "spam", subject_type="post")
    taken = datetime.now(UTC) - timedelta(days=31)
    with api.engine.begin() as conn:
        conn.execute(text("UPDATE enforcement_actions SET created_at = :t"), {"t": taken})
    r = api.post("/appeals", {"target_type": "action", "target_id": action["id"],
                              "account_id": "alice", "statement": "late"}, "service")
    assert r.status_code == 422
    assert "the appeal window" in r.json()["detail"] and "closed on" in r.json()["detail"]
    assert appeals_stored(api) == 0

"""The issue's API contract, end to end on SQLite and PostgreSQL: status codes and shapes."""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from conftest import Api

REASON_KEYS = {"label", "subject_type", "subject_id", "policy", "rule", "source"}
LIMIT_KEYS = {"label", "subject_type", "subject_id", "surfaces", "policy", "expires_at",
              "appealable"}


def test_health_needs_no_token(api: Api) -> None:
    r = api.get("/health", role=None)
    assert r.status_code == 200
    assert r.json()["status"] == "ok"


def test_the_contract_end_to_end(api: Api) -> None:
    alice = api.account("alice")
    assert alice["id"] == "alice" and alice["handle"] == "alice_h"
    assert api.account("bob", high_profile=True)["high_profile"] is True
    api.account("carol")
    post = api.created("/posts", {"id": "p1", "author_id": "alice", "text": "hello town",
                                  "urls": ["https://example.org/a"],
                                  "created_at": "2025-01-31T12:00:00Z"})
    assert post["id"] == "p1" and post["author_id"] == "alice"
    assert datetime.fromisoformat(post["created_at"]) == datetime.fromisoformat(
        "2025-01-31T12:00:00+00:00")
    api.posted("p2", "alice")
    follow = api.follow("bob", "alice")
    assert (follow["follower_id"], follow["followee_id"]) == ("bob", "alice")
    api.follow("carol", "bob")

    label = api.label("post", "p1", "do_not_amplify", "civic_integrity", note="rumour")
    assert isinstance(label["id"], int)
    assert {k: label[k] for k in ("subject_type", "subject_id", "label", "policy", "source",
                                  "note", "expires_at")} == {
        "subject_type": "post", "subject_id": "p1", "label": "do_not_amplify",
        "policy": "civic_integrity", "source": "human", "note": "rumour", "expires_at": None}
    api.settle()

    r = api.post("/visibility", {"surface": "search_top", "viewer_id": "carol",
                                 "item_ids": ["p1", "p2", "ghost"]}, "service")
    assert r.status_code == 200
    body = r.json()
    assert set(body) == {"surface", "verdicts"} and body["surface"] == "search_top"
    dropped, allowed, unknown = body["verdicts"]
    for v in body["verdicts"]:
        assert set(v) == {"item_id", "action", "actions", "reasons"}
        for reason in v["reasons"]:
            assert set(reason) == REASON_KEYS
    assert dropped["item_id"] == "p1" and dropped["action"] == "drop"
    assert dropped["actions"] == ["drop"]
    assert {(x["label"], x["subject_type"], x["subject_id"], x["policy"], x["source"])
            for x in dropped["reasons"]} == {
        ("do_not_amplify", "post", "p1", "civic_integrity", "human")}
    assert "do_not_amplify.discovery" in {x["rule"] for x in dropped["reasons"]}
    assert allowed == {"item_id": "p2", "action": "allow", "actions": ["allow"], "reasons": []}
    assert unknown["item_id"] == "ghost" and unknown["action"] == "drop"
    assert unknown["reasons"], "an unknown item is dropped with a reason"

    # Enforcement: a timed reach limit on p2 (its label and notice), and a warning.
    limited = api.action("limit_reach", "p2", "spam", subject_type="post", duration_seconds=3600)
    assert limited["kind"] == "limit_reach" and limited["account_id"] == "alice"
    assert len(limited["labels"]) == 1 and limited["expires_at"] is not None
    warned = api.action("warn", "alice", "harassment", note="be kind")
    assert warned["kind"] == "warn" and warned["labels"] == [] and warned["strike"] is None

    status = api.status("alice")
    assert set(status) >= {"account_id", "limits", "notices", "strikes"}
    assert status["account_id"] == "alice"
    for limit in status["limits"]:
        assert set(limit) >= LIMIT_KEYS
    limits = {(x["label"], x["subject_id"]): x for x in status["limits"]}
    assert set(limits) == {("do_not_amplify", "p1"), ("do_not_amplify", "p2")}
    p1 = limits[("do_not_amplify", "p1")]
    assert p1["subject_type"] == "post" and p1["policy"] == "civic_integrity"
    assert p1["expires_at"] is None and p1["appealable"] is True
    assert {"search_top", "trends", "recommendations", "home_out_of_network"} <= set(
        p1["surfaces"])
    assert limits[("do_not_amplify", "p2")]["expires_at"] is not None
    assert isinstance(status["notices"], list) and status["notices"]
    assert isinstance(status["strikes"], dict)
    kinds = [(n["kind"], n["subject_id"], n["policy"]) for n in status["notices"]]
    assert ("warning", "alice", "harassment") in kinds, kinds
    assert ("action", "p2", "spam") in kinds, kinds

    r = api.delete(f"/labels/{label['id']}")
    assert r.status_code == 200, r.text
    assert r.json()["id"] == label["id"] and r.json()["removed_at"] is not None
    api.settle()
    assert api.verdict("search_top", "carol", "p1")["action"] == "allow"
    assert ("do_not_amplify", "p1") not in {
        (x["label"], x["subject_id"]) for x in api.status("alice")["limits"]}


def test_openapi_documents_the_routes(api: Api) -> None:
    paths = api.client.get("/openapi.json").json()["paths"]
    for path in ("/api/v1/health", "/api/v1/accounts", "/api/v1/posts", "/api/v1/follows",
                 "/api/v1/labels", "/api/v1/labels/{label_id}", "/api/v1/actions",
                 "/api/v1/visibility", "/api/v1/accounts/{account_id}/status"):
        assert path in paths, path
    assert api.client.get("/docs").status_code == 200


def test_a_write_is_seen_at_once_by_the_worker_that_made_it(api: Api) -> None:
    """No waiting for the poll: the writer's own worker answers with the change."""
    api.app.state.runtime.cache.close()  # no background poller: only the write path refreshes
    api.created("/accounts", {"id": "rw1", "handle": "rw_one"})
    api.created("/posts", {"id": "rwp", "author_id": "rw1", "text": "read your writes"})
    label = api.created("/labels", {"subject_type": "post", "subject_id": "rwp",
                                    "label": "spam", "policy": "spam"})
    assert api.verdicts("search_top", None, ["rwp"])[0]["action"] == "drop"
    assert api.delete(f"/labels/{label['id']}").status_code == 200
    assert api.verdicts("search_top", None, ["rwp"])[0]["action"] == "allow"

"""The audit log over HTTP on SQLite and PostgreSQL: request ids, browsing, verification."""

from __future__ import annotations

import uuid

import httpx
import pytest
from sqlalchemy import text
from tests.e2e.conftest import ROLES, Api


def post_with_id(api: Api, path: str, body: dict, role: str, request_id: str
                 ) -> httpx.Response:
    return api.client.post(f"/api/v1{path}", json=body,
                           headers={**api.auth(role), "X-Request-ID": request_id})


def events(api: Api, query: str = "", role: str = "auditor") -> list[dict]:
    r = api.get(f"/audit/events{query}", role)
    assert r.status_code == 200, r.text
    return list(r.json()["events"])


def test_events_caused_by_a_request_carry_its_request_id_and_the_caller(api: Api) -> None:
    r = post_with_id(api, "/accounts", {"id": "a1", "handle": "alice"}, "service",
                     "req-from-platform-1")
    assert r.status_code == 201 and r.headers["X-Request-ID"] == "req-from-platform-1"
    generated = api.post("/posts", {"id": "p1", "author_id": "a1", "text": "hi"}, "service")
    label = post_with_id(api, "/labels", {"subject_type": "post", "subject_id": "p1",
                                          "label": "do_not_amplify",
                                          "policy": "civic_integrity"},
                         "moderator", "bad id with spaces")

    account, post = events(api, "?subject_type=account&subject_id=a1")[0], \
        events(api, "?action=post.create")[0]
    labelled = events(api, "?action=label.add")[0]
    assert (account["actor"], account["action"], account["request_id"]) == (
        "service", "account.create", "req-from-platform-1")
    assert post["request_id"] == generated.headers["X-Request-ID"]
    assert uuid.UUID(post["request_id"])  # none given: a fresh uuid4
    assert label.headers["X-Request-ID"] != "bad id with spaces"  # unusable: replaced
    assert (labelled["actor"], labelled["request_id"]) == ("moderator",
                                                           label.headers["X-Request-ID"])


def test_verify_passes_untouched_and_names_the_event_edited_in_sql(api: Api) -> None:
    api.account("a1")
    api.account("a2")
    assert api.get("/audit/verify", "auditor").json()["ok"] is True

    with api.engine.begin() as conn:
        seq = conn.execute(text(
            "SELECT seq FROM audit_events WHERE subject_id = 'a1'")).scalar_one()
        conn.execute(text("UPDATE audit_events SET actor = 'someone' WHERE seq = :s"),
                     {"s": seq})
    r = api.get("/audit/verify", "auditor")

    assert r.status_code == 200
    body = r.json()
    assert (body["ok"], body["bad_seq"], body["problem"]) == (False, seq, "edited")
    assert body["reason"].startswith(f"event {seq}:")


def test_verify_with_an_expected_head_detects_deleted_newest_events(api: Api) -> None:
    api.account("a1")
    head = api.get("/audit/verify", "auditor").json()["head"]  # the newest event before it
    seq = int(head.split(":")[0])
    with api.engine.begin() as conn:
        conn.execute(text("DELETE FROM audit_events WHERE seq >= :s"), {"s": seq})

    anchored = api.get(f"/audit/verify?expect_head={head}", "auditor").json()
    plain = api.get("/audit/verify", "auditor").json()
    # The verifications' own events now reuse the deleted numbers: still caught.
    later = api.get(f"/audit/verify?expect_head={head}", "auditor").json()

    assert (anchored["ok"], anchored["problem"], anchored["bad_seq"]) == (
        False, "truncated", seq)
    assert plain["ok"] is True  # the chain alone cannot show its tail was cut
    assert (later["ok"], later["problem"], later["bad_seq"]) == (False, "anchor", seq)


def test_events_page_newest_first_and_forwards(api: Api) -> None:
    for i in range(5):
        api.account(f"a{i}")
    first = api.get("/audit/events?action=account.create&limit=2", "auditor").json()
    second = api.get(f"/audit/events?action=account.create&limit=2&before="
                     f"{first['next']['before']}", "auditor").json()
    tail = api.get("/audit/events?after=0&limit=3&action=account.create", "auditor").json()

    assert [e["subject_id"] for e in first["events"]] == ["a4", "a3"]
    assert [e["subject_id"] for e in second["events"]] == ["a2", "a1"]
    assert [e["subject_id"] for e in tail["events"]] == ["a0", "a1", "a2"]
    assert tail["next"] == {"after": tail["events"][-1]["seq"]}


@pytest.mark.parametrize("query", [
    "?limit=0", "?limit=1001", "?after=-1", "?before=0", "?after=1&before=5",
])
def test_bad_paging_is_refused_with_422(api: Api, query: str) -> None:
    assert api.get(f"/audit/events{query}", "auditor").status_code == 422


def test_a_malformed_expected_head_is_refused_with_422_and_nothing_recorded(api: Api) -> None:
    with api.engine.connect() as conn:
        before = conn.execute(text("SELECT count(*) FROM audit_events")).scalar_one()
    r = api.get("/audit/verify?expect_head=12:nothex", "auditor")
    with api.engine.connect() as conn:
        after = conn.execute(text("SELECT count(*) FROM audit_events")).scalar_one()
    assert r.status_code == 422 and "SEQ:HASH" in r.json()["detail"]
    assert after == before


@pytest.mark.parametrize("role", ROLES)
def test_only_roles_with_audit_read_may_read_or_verify_the_log(api: Api, role: str) -> None:
    allowed = role in ("auditor", "admin")
    for path in ("/audit/events", "/audit/verify"):
        assert api.get(path, role).status_code == (200 if allowed else 403), (role, path)
    assert api.get("/audit/events", None).status_code == 401

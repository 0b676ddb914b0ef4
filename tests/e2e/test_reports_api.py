"""Reports and queues through the HTTP API (SQLite and PostgreSQL): every route for every
built-in role (and under a lockdown), the report-to-notice flow, queue-scoped moderators,
and bad input refused with nothing stored."""

from __future__ import annotations

import itertools
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import httpx
import pytest
from fastapi.routing import APIRoute
from sqlalchemy import text
from tests.e2e.conftest import ROLES, Api
from tests.e2e.test_api_staff import login, make_staff

from townsquare.api.routes_reports import router as reports_router
from townsquare.staff.permissions import ROLES as ROLE_PERMISSIONS
from townsquare.staff.permissions import Permission as P

_ids = itertools.count(1)


def fresh(prefix: str) -> str:
    return f"{prefix}{next(_ids)}"


def report(api: Api, subject: str = "bob", subject_type: str = "account", *,
           reporter: str | None = None, reason: str = "harassment",
           policy: str = "hateful_conduct", text_: str = "") -> int:
    """A new report by a new reporter (unless named); its id."""
    if reporter is None:
        reporter = fresh("reporter")
        api.account(reporter)
    body = {"reporter_id": reporter, "subject_type": subject_type, "subject_id": subject,
            "reason": reason, "policy": policy, "text": text_}
    return int(api.created("/reports", body, "service")["id"])


def claimed(api: Api, role: str) -> int:
    """A new report, claimed by ``role`` when the role may claim."""
    report_id = report(api)
    api.post(f"/reports/{report_id}/claim", None, role)
    return report_id


@dataclass(frozen=True)
class Route:
    name: str  # "METHOD /path" as registered
    needs: frozenset[P]
    call: Callable[[Api, str], httpx.Response]
    success: int = 200

    def allowed(self, role: str) -> bool:
        return self.needs <= ROLE_PERMISSIONS[role]


def _queue_with_report(api: Api) -> str:
    report(api)
    return "default"


def _rule(api: Api) -> int:
    return int(api.created("/routing-rules", {"queue": "senior",
                                              "match": {"reasons": ["self_harm"]}})["id"])


def _muted(api: Api) -> str:
    account = fresh("muted")
    api.account(account)
    api.created(f"/reporters/{account}/mute", {"reason": "bad faith"})
    return account


def _account(api: Api) -> str:
    account = fresh("acct")
    api.account(account)
    return account


H, A, W = P.REPORTS_HANDLE, P.REPORTS_ASSIGN, P.QUEUES_ADMIN
ROUTES = [
    Route("POST /reports", frozenset({P.CONTENT_WRITE}), lambda api, role: api.post(
        "/reports", {"reporter_id": _account(api), "subject_type": "account",
                     "subject_id": "bob", "reason": "spam", "policy": "spam"}, role), 201),
    Route("GET /reports", frozenset({P.REPORTS_READ}),
          lambda api, role: api.get("/reports", role)),
    Route("GET /reports/{report_id}", frozenset({P.REPORTS_READ}),
          lambda api, role: api.get(f"/reports/{report(api)}", role)),
    Route("POST /reports/{report_id}/claim", frozenset({H}),
          lambda api, role: api.post(f"/reports/{report(api)}/claim", None, role)),
    Route("POST /reports/{report_id}/release", frozenset({H}),
          lambda api, role: api.post(f"/reports/{claimed(api, role)}/release", None, role)),
    Route("POST /reports/{report_id}/assign", frozenset({A}), lambda api, role: api.post(
        f"/reports/{report(api)}/assign", {"to": "nia"}, role)),
    Route("POST /reports/{report_id}/escalate", frozenset({H}), lambda api, role: api.post(
        f"/reports/{claimed(api, role)}/escalate", {"note": "hard", "queue": "senior"}, role)),
    Route("POST /reports/{report_id}/resolve", frozenset({H, P.ACTIONS_WRITE}),
          lambda api, role: api.post(f"/reports/{claimed(api, role)}/resolve",
                                     {"action": {"kind": "warn"}}, role)),
    Route("POST /reports/{report_id}/dismiss", frozenset({H}), lambda api, role: api.post(
        f"/reports/{claimed(api, role)}/dismiss", {"reason": "fine"}, role)),
    Route("GET /accounts/{account_id}/reports", frozenset({P.STATUS_READ}),
          lambda api, role: api.get("/accounts/bob/reports", role)),
    Route("GET /queues", frozenset({P.REPORTS_READ}), lambda api, role: api.get("/queues", role)),
    Route("POST /queues", frozenset({W}), lambda api, role: api.post(
        "/queues", {"name": fresh("q")}, role), 201),
    Route("PATCH /queues/{name}", frozenset({W}), lambda api, role: api.client.patch(
        "/api/v1/queues/senior", json={"description": role}, headers=api.auth(role))),
    Route("DELETE /queues/{name}", frozenset({W}), lambda api, role: api.delete(
        f"/queues/{api.created('/queues', {'name': fresh('q')})['name']}", role), 204),
    Route("POST /queues/{name}/next", frozenset({H}), lambda api, role: api.post(
        f"/queues/{_queue_with_report(api)}/next", None, role)),
    Route("GET /routing-rules", frozenset({P.REPORTS_READ}),
          lambda api, role: api.get("/routing-rules", role)),
    Route("PUT /routing-rules", frozenset({W}), lambda api, role: api.client.put(
        "/api/v1/routing-rules", json=[{"queue": "senior", "match": {"escalated": True}}],
        headers=api.auth(role))),
    Route("POST /routing-rules", frozenset({W}), lambda api, role: api.post(
        "/routing-rules", {"queue": "senior", "match": {"reasons": ["violence"]}}, role), 201),
    Route("DELETE /routing-rules/{rule_id}", frozenset({W}),
          lambda api, role: api.delete(f"/routing-rules/{_rule(api)}", role), 204),
    Route("GET /reporters/muted", frozenset({A}),
          lambda api, role: api.get("/reporters/muted", role)),
    Route("POST /reporters/{account_id}/mute", frozenset({A}), lambda api, role: api.post(
        f"/reporters/{_account(api)}/mute", {"reason": "bad faith"}, role), 201),
    Route("POST /reporters/{account_id}/unmute", frozenset({A}), lambda api, role: api.post(
        f"/reporters/{_muted(api)}/unmute", {"reason": "better"}, role)),
]


@pytest.fixture
def town(api: Api) -> Api:
    api.account("alice")
    api.account("bob")
    api.posted("p1", "bob", "cheap pills, buy now")
    api.created("/queues", {"name": "senior", "description": "Hard cases"})
    make_staff(api, "nia", "moderator")
    return api


def test_every_report_route_for_every_role(town: Api) -> None:
    registered = {f"{m} {r.path.removeprefix('/api/v1')}"
                  for r in reports_router.routes if isinstance(r, APIRoute) for m in r.methods}
    assert registered == {route.name for route in ROUTES}  # every route, once
    for route in ROUTES:
        for role in ROLES:
            r = route.call(town, role)
            expected = route.success if route.allowed(role) else 403
            assert r.status_code == expected, (route.name, role, r.status_code, r.text)


def test_a_lockdown_freezes_report_work_but_not_filing_or_the_reporters_view(
    town: Api,
) -> None:
    make_staff(town, "cy", "moderator", teams=["civic-integrity"])
    cy = login(town, "cy")
    first, second = report(town), report(town)
    r = town.post("/lockdowns", {"reason": "ownership change",
                                 "exempt_teams": ["civic-integrity"]})
    assert r.status_code == 201, r.text
    for role in ("moderator", "senior_moderator", "admin", "triage"):
        r = town.post(f"/reports/{first}/claim", None, role)
        assert r.status_code == 403 and "ownership change" in r.json()["detail"], role
        assert town.get("/reports", role).status_code == 403
    # The exempt civic-integrity team keeps working; the platform keeps filing and reading.
    r = town.client.post(f"/api/v1/reports/{second}/claim", headers=cy)
    assert r.status_code == 200 and r.json()["claimed_by"] == "cy"
    assert report(town) > second
    assert town.get("/accounts/alice/reports", "service").status_code == 200


def test_report_to_queue_to_claim_to_action_to_notices(town: Api) -> None:
    town.created("/queues", {"name": "spam", "claim_timeout_seconds": 600})
    town.created("/routing-rules", {"queue": "spam", "match": {"policies": ["spam"]}})
    first = report(town, "p1", "post", reporter="alice", reason="spam", policy="spam",
                   text_="He keeps posting this.")
    other = report(town, "p1", "post", reason="spam", policy="spam")
    listed = town.get("/reports?queue=spam", "moderator").json()
    assert [r["id"] for r in listed] == [first, other]
    claim = town.post(f"/reports/{first}/claim", None, "moderator")
    assert claim.status_code == 200 and claim.json()["claimed_by"] == "moderator"
    r = town.post(f"/reports/{first}/claim", None, "senior_moderator")
    assert r.status_code == 409 and "claimed by 'moderator'" in r.json()["detail"]
    r = town.post(f"/reports/{first}/resolve", {"action": {"kind": "remove_post",
                                                          "note": "Selling pills."}},
                  "moderator")
    assert r.status_code == 200, r.text
    decided = r.json()
    assert decided["report"]["status"] == "actioned" and decided["closed_related"] == [other]
    assert decided["action"]["kind"] == "remove_post" and decided["action"]["strike"]
    author = town.status("bob")
    assert any(n["action_id"] == decided["action"]["id"] for n in author["notices"])
    told = [n for n in town.status("alice")["notices"] if n["subject_type"] == "report"]
    assert [n["title"] for n in told] == ["We took action on the post you reported"]
    mine = town.get("/accounts/alice/reports", "service").json()
    assert [(m["id"], m["status"]) for m in mine] == [(first, "action_taken")]
    assert "queue" not in mine[0] and "text" not in mine[0]
    detail = town.get(f"/reports/{first}", "senior_moderator").json()
    assert detail["text"] == "He keeps posting this." and detail["reporter_id"] == "alice"
    assert [e["kind"] for e in detail["events"]] == ["filed", "claimed", "actioned"]
    reads = town.get("/audit/events?action=read.report", "auditor").json()
    assert [e["subject_id"] for e in reads["events"]] == [str(first)]


def test_an_action_on_a_high_profile_account_waits_for_a_second_person(town: Api) -> None:
    town.account("mayor", high_profile=True)
    report_id = report(town, "mayor")
    town.post(f"/reports/{report_id}/claim", None, "moderator")
    r = town.post(f"/reports/{report_id}/resolve", {"action": {"kind": "warn"}}, "moderator")
    assert r.status_code == 202, r.text
    request_id = r.json()["approval_request"]["id"]
    assert town.get(f"/reports/{report_id}", "moderator").json()["status"] == \
        "pending_approval"
    town.approved(request_id, "senior_moderator")
    shown = town.get(f"/reports/{report_id}", "moderator").json()
    assert shown["status"] == "actioned" and shown["action_id"] is not None


def test_a_queue_scoped_moderator_sees_and_claims_only_their_queues(town: Api) -> None:
    town.created("/queues", {"name": "civic"})
    town.created("/routing-rules", {"queue": "civic", "match": {"reasons": ["civic_integrity"]}})
    civic = report(town, reason="civic_integrity", policy="civic_misinformation")
    plain = report(town)
    make_staff(town, "cy")
    town.created("/staff/cy/grants", {"role": "moderator", "queues": ["civic"]})
    cy = login(town, "cy")
    listed = town.client.get("/api/v1/reports", headers=cy).json()
    assert [r["id"] for r in listed] == [civic]
    queues = town.client.get("/api/v1/queues", headers=cy).json()
    assert [q["name"] for q in queues] == ["civic"]
    r = town.client.post(f"/api/v1/reports/{plain}/claim", headers=cy)
    assert r.status_code == 403 and "not for queue 'default'" in r.json()["detail"]
    r = town.client.get(f"/api/v1/reports/{plain}", headers=cy)
    assert r.status_code == 403
    r = town.client.post("/api/v1/queues/default/next", headers=cy)
    assert r.status_code == 403
    r = town.client.post("/api/v1/queues/civic/next", headers=cy)
    assert r.status_code == 200 and r.json()["id"] == civic


def report_rows(api: Api) -> tuple[int, int, int]:
    with api.engine.connect() as conn:
        return tuple(int(conn.execute(text(f"SELECT count(*) FROM {t}")).scalar_one())
                     for t in ("reports", "report_queues", "routing_rules"))  # type: ignore[return-value]


def test_bad_input_is_refused_and_nothing_is_stored(town: Api) -> None:
    base = {"reporter_id": "alice", "subject_type": "post", "subject_id": "p1",
            "reason": "spam", "policy": "spam", "text": ""}
    before, counts = report_rows(town), town.counts()
    cases: list[tuple[str, str, Any, int, str]] = [
        ("post", "/reports", {**base, "subject_id": "p404"}, 404, "no post with id 'p404'"),
        ("post", "/reports", {**base, "reporter_id": "zed"}, 404, "no account with id 'zed'"),
        ("post", "/reports", {**base, "policy": "made_up"}, 422, "unknown policy 'made_up'"),
        ("post", "/reports", {**base, "reason": "rude"}, 422, "unknown reason 'rude'"),
        ("post", "/reports", {**base, "subject_type": "comment"}, 422, ""),
        ("post", "/reports", {**base, "text": "x" * 5001}, 422, ""),
        ("post", "/reports", {**base, "reporter_id": "bob"}, 422, "its own posts"),
        ("post", "/reports/999/claim", None, 404, "no report #999"),
        ("get", "/reports?queue=ghost", None, 404, "no queue named 'ghost'"),
        ("get", "/reports?status=lost", None, 422, "unknown status 'lost'"),
        ("post", "/queues", {"name": "Bad Name"}, 422, "queue name"),
        ("post", "/queues", {"name": "senior"}, 409, "already exists"),
        ("post", "/queues", {"name": "fast", "claim_timeout_seconds": 5}, 422,
         "claim_timeout_seconds"),
        ("post", "/queues/ghost/next", None, 404, "no queue named 'ghost'"),
        ("post", "/routing-rules", {"queue": "ghost"}, 404, "no queue named 'ghost'"),
        ("post", "/routing-rules", {"queue": "senior", "match": {"colour": ["red"]}}, 422,
         "unknown criteria colour"),
        ("post", "/reporters/zed/mute", {"reason": "x"}, 404, "no account with id 'zed'"),
        ("post", "/reporters/alice/unmute", {"reason": "x"}, 409, "is not muted"),
    ]
    for method, path, body, status, message in cases:
        r = town.post(path, body) if method == "post" else town.get(path)
        assert r.status_code == status, (path, body, r.text)
        assert message in str(r.json()["detail"]), (path, r.text)
    r = town.client.put("/api/v1/routing-rules", headers=town.auth("admin"),
                        json=[{"queue": "senior"}, {"queue": "ghost"}])
    assert r.status_code == 404
    assert report_rows(town) == before and town.counts() == counts
    report_id = report(town, "p1", "post", reporter="alice", reason="spam", policy="spam")
    cases = [
        ("post", f"/reports/{report_id}/escalate", {"note": "x", "queue": "ghost"}, 404,
         "no queue named 'ghost'"),
        ("post", f"/reports/{report_id}/resolve", {"action": {"kind": "suspend"},
                                                   "target": "author"}, 422, "duration"),
        ("post", f"/reports/{report_id}/dismiss", {"reason": ""}, 422, ""),
        ("post", f"/reports/{report_id}/assign", {"to": "ghost"}, 404, "no staff member"),
        ("post", "/reports", {**base}, 409, "already has an open report"),
    ]
    town.post(f"/reports/{report_id}/claim", None, "admin")
    for _, path, body, status, message in cases:
        r = town.post(path, body)
        assert r.status_code == status, (path, body, r.text)
        assert message in str(r.json()["detail"]), (path, r.text)
    shown = town.get(f"/reports/{report_id}").json()
    assert (shown["status"], shown["queue"], shown["action_id"]) == ("open", "default", None)
    assert town.counts() == counts  # no action, label or notice from the refused steps

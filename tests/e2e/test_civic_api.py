"""Policy versions, civic events and external requests through the HTTP API, on SQLite and
PostgreSQL: a real app whose label cache polls by itself."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

from sqlalchemy import text
from tests.e2e.conftest import Api, wait_for
from tests.e2e.test_api_staff import login, make_staff
from tests.integration.test_policy_versions import DEFAULT_TEXT, LOOSE_TEXT, STRICT_TEXT

CIVIC_TABLES = ("policy_versions", "civic_events", "external_requests", "political_entities",
                "personal_data_exports", "approval_requests")


def civic_counts(api: Api) -> dict[str, int]:
    with api.engine.connect() as conn:
        return {t: int(conn.execute(text(f"SELECT count(*) FROM {t}")).scalar_one())
                for t in CIVIC_TABLES}


def iso(when: datetime) -> str:
    return when.isoformat()


def misinformation(api: Api) -> None:
    api.account("alice")
    api.posted("p1", "alice", "polls close on wednesday")
    api.label("post", "p1", "civic_misinformation", "civic_integrity")


def test_the_verdict_service_switches_for_a_civic_window_and_back_by_itself(api: Api) -> None:
    misinformation(api)
    assert api.verdict("search_top", None, "p1")["action"] == "label"
    start = datetime.now(UTC) + timedelta(seconds=1.5)
    made = api.created("/civic/events", {
        "name": "Snap election", "starts_at": iso(start),
        "ends_at": iso(start + timedelta(seconds=2)), "policy_text": STRICT_TEXT,
        "min_staff": 0}, "policy")
    assert made["event"]["status"] == "scheduled" and made["warning"] is None
    assert api.verdict("search_top", None, "p1")["action"] == "label"  # before the window

    # No restart, no refresh call: the worker's poller switches at the window's edges.
    during = wait_for(lambda: api.verdict("search_top", None, "p1")["action"] == "drop", 5)
    assert during and datetime.now(UTC) >= start
    health = api.get("/health", None).json()
    assert health["policy"] == {"name": "election", "version": 2}
    live = api.get("/policy/live", "triage").json()
    assert live["civic_event"]["name"] == "Snap election" and live["base_version"] == 1
    assert wait_for(lambda: api.verdict("search_top", None, "p1")["action"] == "label", 6)
    assert api.get("/health", None).json()["policy"] == {"name": "default", "version": 1}


def test_a_policy_change_needs_two_people_and_reaches_every_worker(
    api: Api, second_api: Api
) -> None:
    misinformation(api)
    r = api.post("/policy/versions", {"text": STRICT_TEXT, "reason": "stricter civic rules"},
                 "policy")
    assert r.status_code == 202, r.text
    request_id = r.json()["approval_request"]["id"]
    assert api.post(f"/approvals/{request_id}/approve", {}, "policy").status_code == 403
    assert second_api.get("/policy", "policy").json()["version"] == 1

    applied = api.approved(request_id, "admin")
    assert applied["version"] == 2 and applied["approved_by"] == "admin"
    assert api.get("/policy", "policy").json()["version"] == 2  # this worker: at once
    assert wait_for(lambda: second_api.get("/policy", "policy").json()["version"] == 2, 2)
    assert wait_for(lambda: second_api.verdict("search_top", None, "p1")["action"] == "drop", 2)
    versions = api.get("/policy/versions", "auditor").json()
    assert [(v["version"], v["author"]) for v in versions] == [(2, "policy"),
                                                                (1, "configuration")]
    assert api.get("/policy/versions/2", "triage").json()["text"] == STRICT_TEXT


def test_bad_input_is_refused_with_a_clear_message_and_nothing_is_stored(api: Api) -> None:
    misinformation(api)
    before = civic_counts(api)
    soon = datetime.now(UTC) + timedelta(hours=1)
    event = {"name": "Election", "starts_at": iso(soon), "ends_at": iso(soon + timedelta(hours=1)),
             "policy_text": STRICT_TEXT, "min_staff": 1}
    cases: list[tuple[str, dict[str, Any], int, str]] = [
        ("/policy/versions", {"text": "labels: [", "reason": "x"}, 422, "invalid YAML"),
        ("/policy/versions", {"text": DEFAULT_TEXT, "reason": "x", "format": "ini"}, 422, ""),
        ("/civic/events", {**event, "policy_text": LOOSE_TEXT}, 422, "at least as strict"),
        ("/civic/events", {**event, "starts_at": "2026-11-03T06:00:00"}, 422, "timezone"),
        ("/civic/events", {**event, "permissions": ["mind.read"]}, 422, "mind.read"),
        ("/civic/events", {**event, "policy_text": None, "policy_version": 9}, 404, "version 9"),
        ("/external-requests", {"kind": "takedown", "requester_name": "X",
                                "requester_type": "government", "country": "FRA",
                                "legal_basis": "law", "subject_type": "post",
                                "subject_id": "p1", "requested_action": "remove_post"}, 422, ""),
        ("/external-requests", {"kind": "takedown", "requester_name": "X",
                                "requester_type": "government", "country": "FR",
                                "legal_basis": "law", "subject_type": "post",
                                "subject_id": "nope", "requested_action": "remove_post"}, 404,
         "no post"),
        ("/political-entities", {"name": "!!!", "kind": "party"}, 422, "letter or digit"),
    ]
    for path, body, status, message in cases:
        r = api.post(path, body, "admin")
        assert r.status_code == status, (path, body, r.status_code, r.text)
        assert message in str(r.json()["detail"]), r.text
    assert civic_counts(api) == before
    assert api.get("/civic/events/99").status_code == 404
    assert api.post("/civic/events/99/end", {"reason": "x"}).status_code == 404
    assert api.get("/external-requests/transparency?period=decade").status_code == 422


def test_coverage_is_reported_and_warned_about_on_event_creation(api: Api) -> None:
    make_staff(api, "cleo", "moderator", teams=["civic-integrity"])
    make_staff(api, "dev", "senior_moderator")
    make_staff(api, "pol", "policy")
    soon = datetime.now(UTC) + timedelta(hours=1)
    made = api.created("/civic/events", {
        "name": "Election", "starts_at": iso(soon), "ends_at": iso(soon + timedelta(hours=2)),
        "policy_version": 1, "min_staff": 3}, "policy")
    assert "fewer than the 3 required" in made["warning"]
    event_id = made["event"]["id"]

    report = api.get("/civic/coverage", "policy").json()
    assert report["short"] is True
    assert report["checks"][0]["coverage"]["covered"] == ["cleo", "dev"]
    make_staff(api, "ops", "policy", teams=["civic-integrity"])  # runs the check; not counted
    r = api.post("/lockdowns", {"reason": "ownership change", "exempt_teams": ["civic-integrity"]})
    assert r.status_code == 201, r.text
    frozen = api.get(f"/civic/events/{event_id}/coverage", "admin")  # a frozen token
    assert frozen.status_code == 403 and "frozen by a lockdown" in frozen.json()["detail"]
    checked = api.client.get(f"/api/v1/civic/events/{event_id}/coverage",
                             headers=login(api, "ops")).json()["coverage"]
    assert (checked["covered"], checked["frozen_by_lockdown"]) == (["cleo"], ["dev"])
    adhoc = api.client.get("/api/v1/civic/coverage?minimum=1&permissions=labels.write",
                           headers=login(api, "ops")).json()
    assert adhoc["short"] is False and adhoc["checks"][0]["coverage"]["count"] == 1


def test_an_external_request_from_a_campaign_is_flagged_and_needs_a_second_person(
    api: Api
) -> None:
    api.account("alice")
    api.posted("p1", "alice", "the other candidate lies")
    made = api.created("/external-requests", {
        "kind": "takedown", "requester_name": "Doe for Mayor", "requester_type":
        "political_campaign", "country": "us", "legal_basis": "defamation claim",
        "subject_type": "post", "subject_id": "p1", "requested_action": "remove_post"},
        "policy")
    assert made["political"] is True and made["country"] == "US"
    listed = api.get("/external-requests?political=true", "policy").json()
    assert [r["id"] for r in listed] == [made["id"]]

    r = api.post(f"/external-requests/{made['id']}/decision",
                 {"decision": "comply", "rationale": "court order attached"}, "policy")
    assert r.status_code == 202, r.text
    approval = r.json()["approval_request"]["id"]
    assert api.counts()["actions"] == 0
    result = api.approved(approval, "admin")
    assert result["decision"] == "comply" and result["approved_by"] == "admin"
    decided = api.get(f"/external-requests/{made['id']}", "policy").json()
    assert decided["status"] == "decided" and decided["action_id"] is not None
    assert api.verdict("home_timeline", None, "p1")["action"] == "drop"  # removed

    counts = api.get("/external-requests/transparency", "auditor").json()
    assert counts["by_requester_type"] == {"political_campaign": 1}
    assert counts["by_decision"] == {"comply": 1} and counts["political"] == 1


def test_a_data_request_produces_an_export_only_a_personal_data_reader_sees(api: Api) -> None:
    api.account("alice")
    api.posted("p1", "alice", "hello")
    made = api.created("/external-requests", {
        "kind": "data", "requester_name": "Gendarmerie", "requester_type": "law_enforcement",
        "country": "FR", "legal_basis": "réquisition judiciaire", "subject_type": "account",
        "subject_id": "alice"}, "policy")
    r = api.post(f"/external-requests/{made['id']}/decision",
                 {"decision": "comply", "rationale": "valid requisition"}, "policy")
    assert r.status_code == 202
    api.approved(r.json()["approval_request"]["id"], "senior_moderator")
    export_id = api.get(f"/external-requests/{made['id']}", "policy").json()["export_id"]
    assert api.get(f"/personal-data-exports/{export_id}", "policy").status_code == 403
    export = api.get(f"/personal-data-exports/{export_id}", "senior_moderator").json()
    assert [p["id"] for p in export["document"]["posts"]] == ["p1"]
    events = api.get("/audit/events?action=read.personal_data_export", "auditor").json()
    assert events, "reading the export is audited"

"""Permission-matrix cases (see matrix_cases.py) for the policy-version, civic-event,
external-request and personal-data-export routes (routes_civic.py)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from tests.e2e.conftest import Api
from tests.e2e.matrix_cases import DEFAULT_POLICY, Call, Case, _c, _post, account, post

from townsquare.staff.permissions import Permission as P
from townsquare.store.db import unit_of_work


def window(n: int) -> dict[str, str]:
    """An hour-long window of its own, days ahead (windows may not overlap)."""
    start = datetime.now(UTC) + timedelta(days=n)
    return {"starts_at": start.isoformat(), "ends_at": (start + timedelta(hours=1)).isoformat()}


def event(api: Api, setup: dict[str, str], n: int) -> int:
    made = _post(api, setup, "/civic/events", {"name": f"election {n}", "policy_version": 1,
                                               "min_staff": 0, **window(n)})
    return int(made["event"]["id"])


def external_request(api: Api, setup: dict[str, str], n: int) -> int:
    made = _post(api, setup, "/external-requests", {
        "kind": "takedown", "requester_name": f"Ministry {n}", "requester_type": "government",
        "country": "FR", "legal_basis": "law", "subject_type": "post",
        "subject_id": post(api, setup, n), "requested_action": "remove_post"})
    return int(made["id"])


def entity(api: Api, setup: dict[str, str], n: int) -> int:
    return int(_post(api, setup, "/political-entities", {"name": f"party {n}",
                                                         "kind": "party"})["id"])


def export(api: Api, setup: dict[str, str], n: int) -> int:
    """A stored personal-data export (made here directly: over HTTP it takes two people)."""
    from townsquare.services.personal_data import export_account

    subject = account(api, setup, n)
    with unit_of_work(api.app.state.runtime.app.sessions) as session:
        made = export_account(session, subject, ["posts"], reason="matrix",
                              requested_by="matrix-setup", approved_by="matrix-second")
        return made.id


CIVIC_CASES: dict[tuple[str, str], Case] = {
    ("GET", "/api/v1/policy/versions"): _c(P.POLICY_READ, lambda a, s, n: Call(
        "GET", "/policy/versions")),
    ("GET", "/api/v1/policy/versions/{version}"): _c(P.POLICY_READ, lambda a, s, n: Call(
        "GET", "/policy/versions/1")),
    ("GET", "/api/v1/policy/live"): _c(P.POLICY_READ, lambda a, s, n: Call(
        "GET", "/policy/live")),
    ("POST", "/api/v1/policy/versions"): _c(P.POLICY_WRITE, lambda a, s, n: Call(
        "POST", "/policy/versions", {"text": DEFAULT_POLICY, "reason": f"matrix {n}"})),
    ("GET", "/api/v1/civic/events"): _c(P.POLICY_READ, lambda a, s, n: Call(
        "GET", "/civic/events")),
    ("POST", "/api/v1/civic/events"): _c(P.CIVIC_MANAGE, lambda a, s, n: Call(
        "POST", "/civic/events", {"name": f"vote {n}", "policy_version": 1, "min_staff": 0,
                                  **window(n)})),
    ("GET", "/api/v1/civic/events/{event_id}"): _c(P.POLICY_READ, lambda a, s, n: Call(
        "GET", f"/civic/events/{event(a, s, n)}")),
    ("POST", "/api/v1/civic/events/{event_id}/end"): _c(P.CIVIC_MANAGE, lambda a, s, n: Call(
        "POST", f"/civic/events/{event(a, s, n)}/end", {"reason": "called off"})),
    ("GET", "/api/v1/civic/events/{event_id}/coverage"): _c(P.CIVIC_MANAGE,
        lambda a, s, n: Call("GET", f"/civic/events/{event(a, s, n)}/coverage")),
    ("GET", "/api/v1/civic/coverage"): _c(P.CIVIC_MANAGE, lambda a, s, n: Call(
        "GET", "/civic/coverage")),
    ("POST", "/api/v1/external-requests"): _c(P.EXTERNAL_REQUESTS, lambda a, s, n: Call(
        "POST", "/external-requests", {
            "kind": "data", "requester_name": "Police", "requester_type": "law_enforcement",
            "country": "BE", "legal_basis": "warrant", "subject_type": "account",
            "subject_id": account(a, s, n)})),
    ("GET", "/api/v1/external-requests"): _c(P.EXTERNAL_REQUESTS, lambda a, s, n: Call(
        "GET", "/external-requests")),
    ("GET", "/api/v1/external-requests/transparency"): _c(P.POLICY_READ, lambda a, s, n: Call(
        "GET", "/external-requests/transparency")),
    ("GET", "/api/v1/external-requests/{request_id}"): _c(P.EXTERNAL_REQUESTS,
        lambda a, s, n: Call("GET", f"/external-requests/{external_request(a, s, n)}")),
    ("POST", "/api/v1/external-requests/{request_id}/decision"): _c(P.EXTERNAL_REQUESTS,
        lambda a, s, n: Call("POST", f"/external-requests/{external_request(a, s, n)}/decision",
                             {"decision": "reject", "rationale": "lawful speech"})),
    ("GET", "/api/v1/political-entities"): _c(P.EXTERNAL_REQUESTS, lambda a, s, n: Call(
        "GET", "/political-entities")),
    ("POST", "/api/v1/political-entities"): _c(P.EXTERNAL_REQUESTS, lambda a, s, n: Call(
        "POST", "/political-entities", {"name": f"candidate {n}", "kind": "candidate"})),
    ("DELETE", "/api/v1/political-entities/{entity_id}"): _c(P.EXTERNAL_REQUESTS,
        lambda a, s, n: Call("DELETE", f"/political-entities/{entity(a, s, n)}")),
    ("GET", "/api/v1/personal-data-exports/{export_id}"): _c(P.PERSONAL_DATA_READ,
        lambda a, s, n: Call("GET", f"/personal-data-exports/{export(a, s, n)}")),
}

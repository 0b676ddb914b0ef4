"""Permission-matrix cases (see matrix_cases.py) for the appeal, reinstatement and council
routes. Suspensions are written through the service with a moment in the past, so that
reinstatement requests are past their waiting period."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from tests.e2e.conftest import ROLES, Api
from tests.e2e.matrix_cases import Call, Case, _post, account

from townsquare.services.enforcement import request_from, take_action
from townsquare.staff.permissions import Permission as P
from townsquare.store.tables import utcnow


def _warned(a: Api, s: dict[str, str], n: int) -> tuple[str, int]:
    subject = account(a, s, n)
    made = _post(a, s, "/actions", {"kind": "warn", "subject_type": "account",
                                    "subject_id": subject, "policy": "spam"})
    return subject, int(made["id"])


def appeal_body(a: Api, s: dict[str, str], n: int) -> dict[str, Any]:
    subject, action = _warned(a, s, n)
    return {"target_type": "action", "target_id": action, "account_id": subject,
            "statement": "I did nothing wrong."}


def appeal(a: Api, s: dict[str, str], n: int) -> int:
    return int(_post(a, s, "/appeals", appeal_body(a, s, n))["id"])


def suspended_long_ago(a: Api, s: dict[str, str], n: int, **extra: Any) -> str:
    subject = account(a, s, n, **extra)
    take_action(a.app.state.runtime.services.moderation, request_from({
        "kind": "suspend", "subject_type": "account", "subject_id": subject,
        "policy": "spam", "duration_seconds": 3_600 * 24 * 3_000}), "matrix-setup",
        now=utcnow() - timedelta(days=100))
    return subject


def reinstatement(a: Api, s: dict[str, str], n: int, **extra: Any) -> dict[str, Any]:
    subject = suspended_long_ago(a, s, n, **extra)
    made: dict[str, Any] = _post(a, s, "/reinstatements", {"account_id": subject,
                                                          "statement": "Let me back."})
    return made


def seat_everyone(a: Api, s: dict[str, str]) -> None:
    """Every role's identity on the council (already seated: 409, fine)."""
    for role in ROLES:
        a.client.post("/api/v1/council/members", json={"name": role}, headers=s)


def proposal(a: Api, s: dict[str, str], n: int) -> int:
    seat_everyone(a, s)
    made = _post(a, s, "/council/proposals", {"kind": "other", "title": f"Question {n}",
                                              "body": "What do we think?"})
    return int(made["id"])


def proposal_body(a: Api, s: dict[str, str], n: int) -> dict[str, Any]:
    seat_everyone(a, s)
    return {"kind": "other", "title": f"New question {n}", "body": "Well?"}


def council_case(a: Api, s: dict[str, str], n: int) -> int:
    seat_everyone(a, s)
    return int(reinstatement(a, s, n, high_profile=True)["proposal_id"])


def seat(a: Api, s: dict[str, str], n: int) -> str:
    _post(a, s, "/tokens", {"name": f"seat{n}", "role": "council"})
    return f"seat{n}"


def seated(a: Api, s: dict[str, str], n: int) -> str:
    name = seat(a, s, n)
    _post(a, s, "/council/members", {"name": name})
    return name


DUE_PROCESS_CASES: dict[tuple[str, str], Case] = {
    ("POST", "/api/v1/appeals"): Case(P.CONTENT_WRITE, lambda a, s, n: Call(
        "POST", "/appeals", appeal_body(a, s, n))),
    ("GET", "/api/v1/appeals"): Case(P.APPEALS_DECIDE, lambda a, s, n: Call("GET", "/appeals")),
    ("GET", "/api/v1/appeals/{appeal_id}"): Case(P.APPEALS_DECIDE, lambda a, s, n: Call(
        "GET", f"/appeals/{appeal(a, s, n)}")),
    ("POST", "/api/v1/appeals/{appeal_id}/decide"): Case(P.APPEALS_DECIDE, lambda a, s, n: Call(
        "POST", f"/appeals/{appeal(a, s, n)}/decide",
        {"outcome": "denied", "rationale": "The warning stands."})),
    ("POST", "/api/v1/reinstatements"): Case(P.CONTENT_WRITE, lambda a, s, n: Call(
        "POST", "/reinstatements", {"account_id": suspended_long_ago(a, s, n),
                                    "statement": "Let me back."})),
    ("GET", "/api/v1/reinstatements/decisions"): Case(P.STATUS_READ, lambda a, s, n: Call(
        "GET", "/reinstatements/decisions")),
    ("GET", "/api/v1/reinstatements"): Case(P.REINSTATEMENT_DECIDE, lambda a, s, n: Call(
        "GET", "/reinstatements")),
    ("GET", "/api/v1/reinstatements/{request_id}"): Case(P.REINSTATEMENT_DECIDE,
        lambda a, s, n: Call("GET", f"/reinstatements/{reinstatement(a, s, n)['id']}")),
    ("POST", "/api/v1/reinstatements/{request_id}/decide"): Case(P.REINSTATEMENT_DECIDE,
        lambda a, s, n: Call("POST", f"/reinstatements/{reinstatement(a, s, n)['id']}/decide",
                             {"decision": "refuse", "rationale": "Too soon."})),
    ("GET", "/api/v1/council/members"): Case(P.STATUS_READ, lambda a, s, n: Call(
        "GET", "/council/members")),
    ("POST", "/api/v1/council/members"): Case(P.COUNCIL_ADMIN, lambda a, s, n: Call(
        "POST", "/council/members", {"name": seat(a, s, n)})),
    ("DELETE", "/api/v1/council/members/{name}"): Case(P.COUNCIL_ADMIN, lambda a, s, n: Call(
        "DELETE", f"/council/members/{seated(a, s, n)}")),
    ("GET", "/api/v1/council/proposals"): Case(P.STATUS_READ, lambda a, s, n: Call(
        "GET", "/council/proposals")),
    ("GET", "/api/v1/council/proposals/{proposal_id}"): Case(P.STATUS_READ,
        lambda a, s, n: Call("GET", f"/council/proposals/{proposal(a, s, n)}")),
    ("GET", "/api/v1/council/proposals/{proposal_id}/case"): Case(P.COUNCIL_VOTE,
        lambda a, s, n: Call("GET", f"/council/proposals/{council_case(a, s, n)}/case")),
    ("POST", "/api/v1/council/proposals"): Case(P.COUNCIL_ADMIN, lambda a, s, n: Call(
        "POST", "/council/proposals", proposal_body(a, s, n))),
    ("POST", "/api/v1/council/proposals/{proposal_id}/votes"): Case(P.COUNCIL_VOTE,
        lambda a, s, n: Call("POST", f"/council/proposals/{proposal(a, s, n)}/votes",
                             {"choice": "abstain", "reason": "Not my area."})),
    ("POST", "/api/v1/council/proposals/{proposal_id}/close"): Case(P.COUNCIL_ADMIN,
        lambda a, s, n: Call("POST", f"/council/proposals/{proposal(a, s, n)}/close")),
}

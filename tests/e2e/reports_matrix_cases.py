"""Permission-matrix cases (see matrix_cases.py) for the report, queue, routing-rule and
reporter routes. Each call works on a report of its own, unclaimed: whoever may handle
reports may decide one nobody holds."""

from __future__ import annotations

from tests.e2e.conftest import Api
from tests.e2e.matrix_cases import Call, Case, _c, _post, account, staff

from townsquare.staff.permissions import Permission as P

Setup = dict[str, str]
OFFSET = 300_000  # reported accounts: clear of the ids other cases use


def report(a: Api, s: Setup, n: int) -> int:
    """A new report (filed by ``setup``) of a new account by another new account."""
    made = _post(a, s, "/reports", {"reporter_id": account(a, s, n),
                                    "subject_type": "account",
                                    "subject_id": account(a, s, n + OFFSET),
                                    "reason": "harassment", "policy": "hateful_conduct"})
    return int(made["id"])


def queue(a: Api, s: Setup, n: int) -> str:
    return str(_post(a, s, "/queues", {"name": f"queue{n}"})["name"])


def rule(a: Api, s: Setup, n: int) -> int:
    """A rule no case's report matches (one left behind must not reroute the others)."""
    return int(_post(a, s, "/routing-rules", {
        "queue": queue(a, s, n), "match": {"reasons": ["intellectual_property"]}})["id"])


def muted(a: Api, s: Setup, n: int) -> str:
    reporter = account(a, s, n)
    _post(a, s, f"/reporters/{reporter}/mute", {"reason": "bad faith"})
    return reporter


def next_in_its_queue(a: Api, s: Setup, n: int) -> Call:
    shown = a.client.get(f"/api/v1/reports/{report(a, s, n)}", headers=s).json()
    return Call("POST", f"/queues/{shown['queue']}/next")  # an unclaimed report waits there


def _on_report(action: str, body: object = None) -> Case:
    """A case acting on a fresh report with ``POST /reports/{id}/<action>``."""
    return _c(P.REPORTS_HANDLE, lambda a, s, n: Call(
        "POST", f"/reports/{report(a, s, n)}/{action}", body))


V1 = "/api/v1"
REPORTS_CASES: dict[tuple[str, str], Case] = {
    ("POST", f"{V1}/reports"): _c(P.CONTENT_WRITE, lambda a, s, n: Call(
        "POST", "/reports", {"reporter_id": account(a, s, n), "subject_type": "account",
                             "subject_id": account(a, s, n + OFFSET), "reason": "spam",
                             "policy": "spam"})),
    ("GET", f"{V1}/reports"): _c(P.REPORTS_READ, lambda a, s, n: Call("GET", "/reports")),
    ("GET", f"{V1}/reports/{{report_id}}"): _c(P.REPORTS_READ, lambda a, s, n: Call(
        "GET", f"/reports/{report(a, s, n)}")),
    ("POST", f"{V1}/reports/{{report_id}}/claim"): _on_report("claim"),
    ("POST", f"{V1}/reports/{{report_id}}/release"): _on_report("release"),
    ("POST", f"{V1}/reports/{{report_id}}/escalate"): _c(P.REPORTS_HANDLE, lambda a, s, n: Call(
        "POST", f"/reports/{report(a, s, n)}/escalate",
        {"note": "hard case", "queue": queue(a, s, n)})),
    # Resolving also takes an action: every role holding reports.handle and actions.write.
    ("POST", f"{V1}/reports/{{report_id}}/resolve"): _c(P.ACTIONS_WRITE, lambda a, s, n: Call(
        "POST", f"/reports/{report(a, s, n)}/resolve", {"action": {"kind": "warn"}})),
    ("POST", f"{V1}/reports/{{report_id}}/dismiss"): _on_report("dismiss", {"reason": "fine"}),
    ("POST", f"{V1}/reports/{{report_id}}/assign"): _c(P.REPORTS_ASSIGN, lambda a, s, n: Call(
        "POST", f"/reports/{report(a, s, n)}/assign",
        {"to": staff(a, s, n, "moderator")})),
    ("GET", f"{V1}/accounts/{{account_id}}/reports"): _c(P.STATUS_READ, lambda a, s, n: Call(
        "GET", f"/accounts/{account(a, s, n)}/reports")),
    ("GET", f"{V1}/queues"): _c(P.REPORTS_READ, lambda a, s, n: Call("GET", "/queues")),
    ("POST", f"{V1}/queues"): _c(P.QUEUES_ADMIN, lambda a, s, n: Call(
        "POST", "/queues", {"name": f"new{n}"})),
    ("PATCH", f"{V1}/queues/{{name}}"): _c(P.QUEUES_ADMIN, lambda a, s, n: Call(
        "PATCH", f"/queues/{queue(a, s, n)}", {"claim_timeout_seconds": 600})),
    ("DELETE", f"{V1}/queues/{{name}}"): _c(P.QUEUES_ADMIN, lambda a, s, n: Call(
        "DELETE", f"/queues/{queue(a, s, n)}")),
    ("POST", f"{V1}/queues/{{name}}/next"): _c(P.REPORTS_HANDLE, next_in_its_queue),
    ("GET", f"{V1}/routing-rules"): _c(P.REPORTS_READ, lambda a, s, n: Call(
        "GET", "/routing-rules")),
    ("PUT", f"{V1}/routing-rules"): _c(P.QUEUES_ADMIN, lambda a, s, n: Call(
        "PUT", "/routing-rules", [{"queue": "default", "match": {"reasons": ["other"]}}])),
    ("POST", f"{V1}/routing-rules"): _c(P.QUEUES_ADMIN, lambda a, s, n: Call(
        "POST", "/routing-rules", {"queue": "default", "match": {"reasons": ["spam"]}})),
    ("DELETE", f"{V1}/routing-rules/{{rule_id}}"): _c(P.QUEUES_ADMIN, lambda a, s, n: Call(
        "DELETE", f"/routing-rules/{rule(a, s, n)}")),
    ("GET", f"{V1}/reporters/muted"): _c(P.REPORTS_ASSIGN, lambda a, s, n: Call(
        "GET", "/reporters/muted")),
    ("POST", f"{V1}/reporters/{{account_id}}/mute"): _c(P.REPORTS_ASSIGN, lambda a, s, n: Call(
        "POST", f"/reporters/{account(a, s, n)}/mute", {"reason": "bad faith"})),
    ("POST", f"{V1}/reporters/{{account_id}}/unmute"): _c(P.REPORTS_ASSIGN, lambda a, s, n: Call(
        "POST", f"/reporters/{muted(a, s, n)}/unmute", {"reason": "better now"})),
}

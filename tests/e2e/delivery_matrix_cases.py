"""Permission-matrix cases (see matrix_cases.py) for memo delivery and pledge campaigns
(routes_delivery.py). No SMTP server runs here: the memo a delivery case sends has every
copy already delivered, and campaigns are far from their reminder period."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from tests.e2e.conftest import Api
from tests.e2e.issued_memos import memo
from tests.e2e.matrix_cases import Call, Case, _c, _post

from townsquare.staff.permissions import Permission as P


def pledge_body(api: Api, n: int) -> dict[str, object]:
    far = datetime.now(UTC) + timedelta(days=30)
    return {"memo_id": memo(api, n), "deadline": far.isoformat(), "remind_hours": 1}


def campaign(api: Api, setup: dict[str, str], n: int) -> int:
    return int(_post(api, setup, "/pledges", pledge_body(api, n))["id"])


DELIVERY_CASES: dict[tuple[str, str], Case] = {
    ("POST", "/api/v1/memos/{memo_id}/deliveries"): _c(P.MEMOS_ISSUE, lambda a, s, n: Call(
        "POST", f"/memos/{memo(a, n, delivered=True)}/deliveries")),
    ("GET", "/api/v1/memos/{memo_id}/deliveries"): _c(P.MEMOS_ISSUE, lambda a, s, n: Call(
        "GET", f"/memos/{memo(a, n)}/deliveries")),
    ("POST", "/api/v1/pledges"): _c(P.MEMOS_ISSUE, lambda a, s, n: Call(
        "POST", "/pledges", pledge_body(a, n))),
    ("GET", "/api/v1/pledges"): _c(P.MEMOS_ISSUE, lambda a, s, n: Call("GET", "/pledges")),
    ("GET", "/api/v1/pledges/{campaign_id}"): _c(P.MEMOS_ISSUE, lambda a, s, n: Call(
        "GET", f"/pledges/{campaign(a, s, n)}")),
    ("GET", "/api/v1/pledges/{campaign_id}/export"): _c(P.MEMOS_ISSUE, lambda a, s, n: Call(
        "GET", f"/pledges/{campaign(a, s, n)}/export")),
    ("POST", "/api/v1/pledges/{campaign_id}/signatures"): _c(P.MEMOS_ISSUE,
        lambda a, s, n: Call("POST", f"/pledges/{campaign(a, s, n)}/signatures",
                             {"recipient_id": "r1"})),
    ("POST", "/api/v1/pledges/reminders"): _c(P.MEMOS_ISSUE, lambda a, s, n: Call(
        "POST", "/pledges/reminders")),
}

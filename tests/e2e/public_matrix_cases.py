"""Permission-matrix cases (see matrix_cases.py) for the public pages' API route: the
platform minting a signed status link (status.read, like reading the status itself)."""

from __future__ import annotations

from tests.e2e.matrix_cases import Call, Case, _c, account

from townsquare.staff.permissions import Permission as P

PUBLIC_CASES: dict[tuple[str, str], Case] = {
    ("POST", "/api/v1/accounts/{account_id}/status-link"): _c(P.STATUS_READ, lambda a, s, n: Call(
        "POST", f"/accounts/{account(a, s, n)}/status-link", {"hours": 1})),
}

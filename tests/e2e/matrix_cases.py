"""One working request per API route, for the permission matrix (test_permission_matrix.py).

Each case maps a route (method, path template) to a function that prepares what the call
needs — as ``setup``, an admin staff member every lockdown in the matrix exempts — and
returns the request to make. Ids carry the counter ``n`` so that every role's call acts on
things of its own. ``permission`` is what the call needs; ``"any"`` means any valid caller,
``"public"`` no token at all.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from importlib import resources
from typing import Any, Literal

from tests.e2e.conftest import Api

from townsquare.staff.permissions import Permission as P

PASSWORD = "matrix password 1"
DEFAULT_POLICY = resources.files("townsquare.moderation.policies").joinpath(
    "default.yaml").read_text("utf-8")
Need = P | Literal["any", "public"]


@dataclass(frozen=True)
class Call:
    method: str
    path: str
    body: Any = None
    params: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class Case:
    need: Need
    make: Callable[[Api, dict[str, str], int], Call]  # (api, setup headers, n) -> call


def _post(api: Api, setup: dict[str, str], path: str, body: Any) -> Any:
    r = api.client.post(f"/api/v1{path}", json=body, headers=setup)
    assert r.status_code in (200, 201, 202), (path, body, r.status_code, r.text)
    return r.json()


def account(api: Api, setup: dict[str, str], n: int, **extra: Any) -> str:
    _post(api, setup, "/accounts", {"id": f"acct{n}", "handle": f"acct{n}", **extra})
    return f"acct{n}"


def post(api: Api, setup: dict[str, str], n: int) -> str:
    author = account(api, setup, n)
    _post(api, setup, "/posts", {"id": f"post{n}", "author_id": author, "text": "hello"})
    return f"post{n}"


def staff(api: Api, setup: dict[str, str], n: int, *roles: str, password: bool = False
          ) -> str:
    """A staff member; without a password unless asked (argon2 is slow on purpose)."""
    _post(api, setup, "/staff", {"username": f"staff{n}",
                                 "password": PASSWORD if password else None,
                                 "roles": list(roles)})
    return f"staff{n}"


def label(api: Api, setup: dict[str, str], n: int) -> int:
    subject = account(api, setup, n)
    made = _post(api, setup, "/labels", {"subject_type": "account", "subject_id": subject,
                                         "label": "spam", "policy": "spam"})
    return int(made["id"])


def pending_suspension(api: Api, setup: dict[str, str], n: int) -> int:
    """A permanent suspension requested by ``setup``, waiting for a second person."""
    subject = account(api, setup, n)
    made = _post(api, setup, "/actions", {"kind": "permanent_suspension",
                                          "subject_type": "account", "subject_id": subject,
                                          "policy": "spam"})
    return int(made["approval_request"]["id"])


def harmless_lockdown(api: Api, setup: dict[str, str], n: int) -> int:
    """A lockdown of a permission no API route uses (leak tracing is CLI only)."""
    made = _post(api, setup, "/lockdowns", {"reason": f"drill {n}",
                                            "permissions": ["leaks.trace"]})
    return int(made["id"])


def token(api: Api, setup: dict[str, str], n: int) -> str:
    _post(api, setup, "/tokens", {"name": f"token{n}", "role": "service"})
    return f"token{n}"


def _c(need: Need, make: Callable[[Api, dict[str, str], int], Call]) -> Case:
    return Case(need, make)


ITEMS = {"surface": "trends", "viewer_id": None, "item_ids": ["x1", "x2"]}

CASES: dict[tuple[str, str], Case] = {
    # --- platform and moderation (routes.py) ---
    ("GET", "/api/v1/health"): _c("public", lambda a, s, n: Call("GET", "/health")),
    ("POST", "/api/v1/accounts"): _c(P.CONTENT_WRITE, lambda a, s, n: Call(
        "POST", "/accounts", {"id": f"new{n}", "handle": f"new{n}"})),
    ("POST", "/api/v1/posts"): _c(P.CONTENT_WRITE, lambda a, s, n: Call(
        "POST", "/posts", {"id": f"np{n}", "author_id": account(a, s, n), "text": "hi"})),
    ("POST", "/api/v1/follows"): _c(P.CONTENT_WRITE, lambda a, s, n: Call(
        "POST", "/follows", {"follower_id": account(a, s, n),
                             "followee_id": account(a, s, n + 50_000)})),
    ("POST", "/api/v1/labels"): _c(P.LABELS_WRITE, lambda a, s, n: Call(
        "POST", "/labels", {"subject_type": "post", "subject_id": post(a, s, n),
                            "label": "spam", "policy": "spam"})),
    ("DELETE", "/api/v1/labels/{label_id}"): _c(P.LABELS_WRITE, lambda a, s, n: Call(
        "DELETE", f"/labels/{label(a, s, n)}")),
    ("POST", "/api/v1/actions"): _c(P.ACTIONS_WRITE, lambda a, s, n: Call(
        "POST", "/actions", {"kind": "warn", "subject_type": "account",
                             "subject_id": account(a, s, n), "policy": "spam"})),
    ("POST", "/api/v1/actions/bulk"): _c(P.ACTIONS_WRITE, lambda a, s, n: Call(
        "POST", "/actions/bulk", {"reason": "ring", "actions": [
            {"kind": "warn", "subject_type": "account", "subject_id": account(a, s, n),
             "policy": "spam"}]})),
    ("POST", "/api/v1/visibility"): _c(P.VISIBILITY_READ, lambda a, s, n: Call(
        "POST", "/visibility", ITEMS)),
    ("POST", "/api/v1/visibility/floor"): _c(P.VISIBILITY_READ, lambda a, s, n: Call(
        "POST", "/visibility/floor", ITEMS)),
    ("GET", "/api/v1/accounts/{account_id}/status"): _c(P.STATUS_READ, lambda a, s, n: Call(
        "GET", f"/accounts/{account(a, s, n)}/status")),
    ("GET", "/api/v1/policy"): _c(P.POLICY_READ, lambda a, s, n: Call("GET", "/policy")),
    ("POST", "/api/v1/policy/shadow"): _c(P.POLICY_READ, lambda a, s, n: Call(
        "POST", "/policy/shadow", {"policy": DEFAULT_POLICY})),
    # --- staff, logins, roles, tokens (routes_staff.py) ---
    ("POST", "/api/v1/auth/login"): _c("public", lambda a, s, n: Call(
        "POST", "/auth/login", {"username": staff(a, s, n, password=True),
                                "password": PASSWORD})),
    ("POST", "/api/v1/auth/logout"): _c("any", lambda a, s, n: Call("POST", "/auth/logout")),
    ("GET", "/api/v1/auth/me"): _c("any", lambda a, s, n: Call("GET", "/auth/me")),
    ("GET", "/api/v1/staff"): _c(P.STAFF_ADMIN, lambda a, s, n: Call("GET", "/staff")),
    ("POST", "/api/v1/staff"): _c(P.STAFF_ADMIN, lambda a, s, n: Call(
        "POST", "/staff", {"username": f"new{n}", "password": None})),
    ("GET", "/api/v1/staff/{username}"): _c(P.STAFF_ADMIN, lambda a, s, n: Call(
        "GET", f"/staff/{staff(a, s, n)}")),
    ("POST", "/api/v1/staff/{username}/disable"): _c(P.STAFF_ADMIN, lambda a, s, n: Call(
        "POST", f"/staff/{staff(a, s, n)}/disable", {"reason": "left"})),
    ("POST", "/api/v1/staff/{username}/enable"): _c(P.STAFF_ADMIN, lambda a, s, n: Call(
        "POST", f"/staff/{staff(a, s, n)}/enable")),
    ("PUT", "/api/v1/staff/{username}/password"): _c(P.STAFF_ADMIN, lambda a, s, n: Call(
        "PUT", f"/staff/{staff(a, s, n)}/password", {"password": PASSWORD + "x"})),
    ("POST", "/api/v1/staff/{username}/grants"): _c(P.STAFF_ADMIN, lambda a, s, n: Call(
        "POST", f"/staff/{staff(a, s, n)}/grants", {"role": "triage"})),
    ("DELETE", "/api/v1/staff/{username}/grants/{role}"): _c(P.STAFF_ADMIN,
        lambda a, s, n: Call("DELETE", f"/staff/{staff(a, s, n, 'triage')}/grants/triage")),
    ("PUT", "/api/v1/staff/{username}/teams"): _c(P.STAFF_ADMIN, lambda a, s, n: Call(
        "PUT", f"/staff/{staff(a, s, n)}/teams", {"teams": ["civic-integrity"]})),
    ("POST", "/api/v1/staff/{username}/tokens"): _c(P.STAFF_ADMIN, lambda a, s, n: Call(
        "POST", f"/staff/{staff(a, s, n)}/tokens", {"name": f"tok{n}"})),
    ("GET", "/api/v1/roles"): _c("any", lambda a, s, n: Call("GET", "/roles")),
    ("POST", "/api/v1/roles"): _c(P.STAFF_ADMIN, lambda a, s, n: Call(
        "POST", "/roles", {"name": f"role_{n}", "permissions": ["status.read"]})),
    ("POST", "/api/v1/tokens"): _c(P.STAFF_ADMIN, lambda a, s, n: Call(
        "POST", "/tokens", {"name": f"svc{n}", "role": "service"})),
    ("DELETE", "/api/v1/tokens/{name}"): _c(P.STAFF_ADMIN, lambda a, s, n: Call(
        "DELETE", f"/tokens/{token(a, s, n)}")),
    # --- lockdowns and approvals ---
    ("GET", "/api/v1/lockdowns"): _c("any", lambda a, s, n: Call("GET", "/lockdowns")),
    ("POST", "/api/v1/lockdowns"): _c(P.LOCKDOWN_MANAGE, lambda a, s, n: Call(
        "POST", "/lockdowns", {"reason": f"drill {n}", "permissions": ["leaks.trace"]})),
    ("POST", "/api/v1/lockdowns/{lockdown_id}/lift"): _c(P.LOCKDOWN_MANAGE,
        lambda a, s, n: Call("POST", f"/lockdowns/{harmless_lockdown(a, s, n)}/lift",
                             {"reason": "drill over"})),
    ("GET", "/api/v1/approvals"): _c(P.APPROVALS_READ, lambda a, s, n: Call(
        "GET", "/approvals")),
    ("GET", "/api/v1/approvals/{request_id}"): _c(P.APPROVALS_READ, lambda a, s, n: Call(
        "GET", f"/approvals/{pending_suspension(a, s, n)}")),
    ("POST", "/api/v1/approvals/{request_id}/approve"): _c(P.ACTIONS_SEVERE,
        lambda a, s, n: Call("POST", f"/approvals/{pending_suspension(a, s, n)}/approve", {})),
    ("POST", "/api/v1/approvals/{request_id}/reject"): _c(P.ACTIONS_SEVERE,
        lambda a, s, n: Call("POST", f"/approvals/{pending_suspension(a, s, n)}/reject", {})),
    # --- audit (routes_audit.py) ---
    ("GET", "/api/v1/audit/events"): _c(P.AUDIT_READ, lambda a, s, n: Call(
        "GET", "/audit/events")),
    ("GET", "/api/v1/audit/verify"): _c(P.AUDIT_READ, lambda a, s, n: Call(
        "GET", "/audit/verify")),
}
from tests.e2e.civic_matrix_cases import CIVIC_CASES  # noqa: E402

CASES.update(CIVIC_CASES)
from tests.e2e.due_process_matrix_cases import DUE_PROCESS_CASES  # noqa: E402

CASES.update(DUE_PROCESS_CASES)
from tests.e2e.reports_matrix_cases import REPORTS_CASES  # noqa: E402

CASES.update(REPORTS_CASES)
from tests.e2e.delivery_matrix_cases import DELIVERY_CASES  # noqa: E402

CASES.update(DELIVERY_CASES)
from tests.e2e.public_matrix_cases import PUBLIC_CASES  # noqa: E402

CASES.update(PUBLIC_CASES)

"""The permission matrix: every API route for every built-in role — allowed roles succeed,
the others get 403 — with no lockdown, and again under an org-wide lockdown (only the
platform's paths, the lockdown control and exempt people keep working)."""

from __future__ import annotations

from collections.abc import Iterator
from itertools import count
from typing import Any

import pytest
from fastapi import FastAPI
from fastapi.routing import APIRoute
from tests.e2e.conftest import ROLES, Api
from tests.e2e.matrix_cases import CASES, PASSWORD, Call, Case

from townsquare.staff.permissions import LOCKDOWN_IMMUNE
from townsquare.staff.permissions import ROLES as ROLE_PERMISSIONS

SUCCESS = {200, 201, 202, 204}


def api_routes(app: FastAPI) -> Iterator[tuple[str, str]]:
    """(method, path) of every /api route, through included routers too."""
    stack: list[Any] = list(app.routes)
    while stack:
        route = stack.pop()
        if hasattr(route, "original_router"):
            stack.extend(route.original_router.routes)
        elif isinstance(route, APIRoute) and route.path.startswith("/api/"):
            for method in route.methods:
                yield method, route.path


def allowed(case: Case, role: str, locked: bool) -> bool:
    if case.need in ("public", "any"):
        return True
    held = ROLE_PERMISSIONS[role]
    return case.need in held and (not locked or case.need in LOCKDOWN_IMMUNE)


def setup_admin(api: Api) -> dict[str, str]:
    api.created("/staff", {"username": "matrix-setup", "password": PASSWORD,
                           "roles": ["admin"]})
    r = api.client.post("/api/v1/auth/login",
                        json={"username": "matrix-setup", "password": PASSWORD})
    return {"Authorization": f"Bearer {r.json()['session']}"}


def call(api: Api, c: Call, role: str, need: Any) -> Any:
    headers = {} if need == "public" else api.auth(role)
    return api.client.request(c.method, f"/api/v1{c.path}", json=c.body, params=c.params,
                              headers=headers)


def test_every_api_route_has_a_case(api: Api) -> None:
    routes = set(api_routes(api.app))
    missing = sorted(routes - set(CASES))
    stale = sorted(set(CASES) - routes)
    assert not missing, f"routes without a permission-matrix case: {missing}"
    assert not stale, f"cases for routes that no longer exist: {stale}"


@pytest.mark.parametrize("locked", [False, True], ids=["open", "lockdown"])
@pytest.mark.parametrize("role", ROLES)
def test_every_route_answers_each_role_as_its_permissions_say(
    api: Api, role: str, locked: bool
) -> None:
    setup = setup_admin(api)
    if locked:
        r = api.client.post("/api/v1/lockdowns", headers=setup, json={
            "reason": "matrix", "exempt_staff": ["matrix-setup"]})
        assert r.status_code == 201, r.text
    numbers = count(1)
    wrong: list[str] = []
    for (method, path), case in sorted(CASES.items()):
        request = case.make(api, setup, next(numbers))
        response = call(api, request, role, case.need)
        expect_ok = allowed(case, role, locked)
        ok = response.status_code in SUCCESS
        if expect_ok != ok or (not expect_ok and response.status_code != 403):
            wrong.append(f"{method} {path} as {role}: {response.status_code} "
                         f"(expected {'success' if expect_ok else 403}) {response.text[:200]}")
    assert not wrong, "\n".join(wrong)

"""The HTTP API end to end: a real app (lifespan, label cache, store) behind TestClient.

``api`` builds ``create_app`` on the ``database_url`` fixture (SQLite and PostgreSQL),
with one bearer token per role, and helpers to call it and to count what is stored.
"""

from __future__ import annotations

import time
import warnings
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TypeVar

import httpx
import pytest
from fastapi import FastAPI
from sqlalchemy import Engine, text

from townsquare.api.app import create_app
from townsquare.services.tokens import create_token
from townsquare.settings import load_settings

with warnings.catch_warnings():  # starlette prefers httpx2; httpx is what the lock file has
    warnings.simplefilter("ignore")
    from fastapi.testclient import TestClient

ROLES = ("admin", "service", "triage", "moderator", "senior_moderator", "policy", "council",
         "auditor")
# Rows whose count (or, for labels, removal) any write would change.
COUNTED = {
    "accounts": "SELECT count(*) FROM accounts",
    "posts": "SELECT count(*) FROM posts",
    "follows": "SELECT count(*) FROM follows",
    "labels": "SELECT count(*) FROM labels",
    "labels_removed": "SELECT count(*) FROM labels WHERE removed_at IS NOT NULL",
    "label_changes": "SELECT count(*) FROM label_changes",
    "content_changes": "SELECT count(*) FROM content_changes",
    "actions": "SELECT count(*) FROM enforcement_actions",
    "notices": "SELECT count(*) FROM notices",
    "strikes": "SELECT count(*) FROM strikes",
    "url_blocks": "SELECT count(*) FROM url_blocks",
    "api_tokens": "SELECT count(*) FROM api_tokens",
}
T = TypeVar("T")


def wait_for(probe: Callable[[], T | None], timeout: float, interval: float = 0.02) -> T:
    """Call ``probe`` until it returns something truthy; fail after ``timeout`` seconds."""
    deadline = time.monotonic() + timeout
    while True:
        value = probe()
        if value:
            return value
        if time.monotonic() > deadline:
            raise AssertionError(f"still {value!r} after {timeout} s")
        time.sleep(interval)


@dataclass
class Api:
    """A running app, its client, and a token per role."""

    app: FastAPI
    client: TestClient
    tokens: dict[str, str] = field(default_factory=dict)

    def auth(self, role: str | None) -> dict[str, str]:
        return {"Authorization": f"Bearer {self.tokens[role]}"} if role else {}

    def post(self, path: str, body: Any = None, role: str | None = "admin", **kw: Any
             ) -> httpx.Response:
        return self.client.post(f"/api/v1{path}", json=body, headers=self.auth(role), **kw)

    def get(self, path: str, role: str | None = "admin") -> httpx.Response:
        return self.client.get(f"/api/v1{path}", headers=self.auth(role))

    def delete(self, path: str, role: str | None = "admin") -> httpx.Response:
        return self.client.delete(f"/api/v1{path}", headers=self.auth(role))

    def created(self, path: str, body: Any, role: str = "admin") -> dict[str, Any]:
        """POST that must answer 201; its JSON."""
        r = self.post(path, body, role)
        assert r.status_code == 201, (path, body, r.status_code, r.text)
        data: dict[str, Any] = r.json()
        return data

    def account(self, account_id: str, **extra: Any) -> dict[str, Any]:
        return self.created("/accounts", {"id": account_id, "handle": f"{account_id}_h", **extra})

    def posted(self, post_id: str, author_id: str, text_: str = "hello") -> dict[str, Any]:
        return self.created("/posts", {"id": post_id, "author_id": author_id, "text": text_})

    def follow(self, follower: str, followee: str) -> dict[str, Any]:
        return self.created("/follows", {"follower_id": follower, "followee_id": followee})

    def label(self, subject_type: str, subject_id: str, label: str, policy: str,
              **extra: Any) -> dict[str, Any]:
        return self.created("/labels", {"subject_type": subject_type, "subject_id": subject_id,
                                        "label": label, "policy": policy, **extra})

    def action(self, kind: str, subject_id: str, policy: str, subject_type: str = "account",
               role: str = "admin", **extra: Any) -> dict[str, Any]:
        """An enforcement action that must take effect; a two-person one (202) is approved
        by a second identity at once."""
        body = {"kind": kind, "subject_type": subject_type, "subject_id": subject_id,
                "policy": policy, **extra}
        r = self.post("/actions", body, role)
        if r.status_code == 202:
            return self.approved(r.json()["approval_request"]["id"],
                                 "senior_moderator" if role != "senior_moderator" else "admin")
        assert r.status_code == 201, (body, r.status_code, r.text)
        data: dict[str, Any] = r.json()
        return data

    def approved(self, request_id: int, role: str) -> dict[str, Any]:
        """Approve a two-person request as ``role``'s identity; the operation's result."""
        r = self.post(f"/approvals/{request_id}/approve", {"note": "second person"}, role)
        assert r.status_code == 200, r.text
        done: dict[str, Any] = r.json()
        assert done["status"] == "applied", done
        result: dict[str, Any] = done["result"]
        return result

    def verdicts(self, surface: str, viewer: str | None, items: list[str],
                 flags: list[str] | None = None) -> list[dict[str, Any]]:
        body: dict[str, Any] = {"surface": surface, "viewer_id": viewer, "item_ids": items}
        if flags is not None:
            body["viewer_flags"] = flags
        r = self.post("/visibility", body, "service")
        assert r.status_code == 200, r.text
        data = r.json()
        assert data["surface"] == surface
        assert [v["item_id"] for v in data["verdicts"]] == items
        verdicts: list[dict[str, Any]] = data["verdicts"]
        return verdicts

    def verdict(self, surface: str, viewer: str | None, item: str) -> dict[str, Any]:
        return self.verdicts(surface, viewer, [item])[0]

    def status(self, account_id: str) -> dict[str, Any]:
        r = self.get(f"/accounts/{account_id}/status", "service")
        assert r.status_code == 200, r.text
        data: dict[str, Any] = r.json()
        return data

    def settle(self) -> None:
        """Make this worker's label cache apply every committed change now (normally it
        polls every 0.2 s; the propagation tests measure that path instead)."""
        self.app.state.runtime.cache.refresh()

    @property
    def engine(self) -> Engine:
        engine: Engine = self.app.state.runtime.app.engine
        return engine

    def counts(self) -> dict[str, int]:
        with self.engine.connect() as conn:
            return {name: int(conn.execute(text(sql)).scalar_one())
                    for name, sql in COUNTED.items()}


def settings_for(database_url: str, data_dir: Path) -> Any:
    return load_settings(database_url=database_url, key_file=data_dir / "townsquare.key",
                         data_dir=data_dir)


@contextmanager
def running_api(database_url: str, data_dir: Path, token_prefix: str) -> Iterator[Api]:
    """An app (lifespan run) on ``database_url`` with a new token per role."""
    app = create_app(settings_for(database_url, data_dir))
    with TestClient(app) as client:
        sessions = app.state.runtime.app.sessions
        yield Api(app, client, {role: create_token(sessions, f"{token_prefix}{role}", role)
                                for role in ROLES})


@pytest.fixture
def api(database_url: str, tmp_path: Path) -> Iterator[Api]:
    """A running app on ``database_url`` with a token per role (``Api.tokens``)."""
    with running_api(database_url, tmp_path, "") as running:
        yield running


@pytest.fixture
def second_api(api: Api, database_url: str, tmp_path: Path) -> Iterator[Api]:
    """Another app on the same database: a second worker with a cache of its own."""
    with running_api(database_url, tmp_path, "second-") as running:
        yield running

"""Bad input over HTTP: a clear 4xx, and nothing stored changes (row counts compared)."""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

import httpx
import pytest

from townsquare.services.tokens import create_token, revoke_token

if TYPE_CHECKING:
    from conftest import Api

LABEL = {"subject_type": "post", "subject_id": "p1", "label": "spam", "policy": "spam"}
VISIBILITY = {"surface": "trends", "viewer_id": "bob", "item_ids": ["p1"]}


@pytest.fixture
def world(api: Api) -> Api:
    """alice (posts p1, p2; p2 labelled spam), bob follows alice, example.org blocked."""
    api.account("alice")
    api.account("bob")
    api.posted("p1", "alice")
    api.posted("p2", "alice")
    api.follow("bob", "alice")
    api.label("post", "p2", "spam", "spam")
    api.action("block_url", "alice", "malware", url_or_domain="bad.example", role="admin")
    return api


def detail_text(r: httpx.Response) -> str:
    detail = r.json()["detail"]
    return detail if isinstance(detail, str) else json.dumps(detail)


def expect(api: Api, r: httpx.Response, status: int, *words: str) -> None:
    assert r.status_code == status, (r.request.method, r.request.url, r.status_code, r.text)
    text = detail_text(r)
    assert text.strip(), "a 4xx carries a detail"
    for word in words:
        assert word in text, (word, text)


@pytest.fixture
def unchanged(world: Api) -> Iterator[Api]:
    """The world; the test fails if any row count changed by the end."""
    before = world.counts()
    yield world
    assert world.counts() == before


def raw(api: Api, path: str, content: bytes | Any, content_type: str = "application/json",
        role: str = "admin") -> httpx.Response:
    return api.client.post(f"/api/v1{path}", content=content,
                           headers={**api.auth(role), "content-type": content_type})


def malformed_bodies_get_422(api: Api) -> None:
    expect(api, raw(api, "/visibility", b'{"surface": "trends", "item_ids": ['), 422, "JSON")
    expect(api, raw(api, "/labels", b'{"subject_type": "post",'), 422, "JSON")
    expect(api, raw(api, "/accounts", b"id=alice", "text/plain"), 422)
    expect(api, raw(api, "/labels", b"[1, 2]"), 422)
    expect(api, raw(api, "/labels", "\udcff".encode("utf-8", "surrogatepass")), 422)
    expect(api, api.post("/labels", {k: v for k, v in LABEL.items() if k != "policy"}), 422,
           "policy")
    expect(api, api.post("/labels", {**LABEL, "colour": "red"}), 422, "colour")
    expect(api, api.post("/labels", {**LABEL, "expires_at": "2020-01-01T00:00:00Z"}), 422,
           "expires_at")
    expect(api, api.post("/labels", {**LABEL, "expires_at": "2999-01-01T00:00:00"}), 422,
           "timezone")
    expect(api, api.post("/labels", {**LABEL, "expires_at": "next week"}), 422, "expires_at")
    expect(api, api.post("/posts", {"id": "p9", "author_id": "alice", "text": "x",
                                    "created_at": "2025-01-01T00:00:00"}), 422, "timezone")
    expect(api, api.post("/accounts", {"id": "has space", "handle": "h"}), 422, "id")
    expect(api, api.post("/follows", {"follower_id": "bob", "followee_id": "bob"}), 422,
           "itself")
    expect(api, api.post("/visibility", {**VISIBILITY, "item_ids": "p1"}), 422, "item_ids")
    expect(api, api.delete("/labels/abc"), 422, "label_id")


def invalid_actions_get_422(api: Api) -> None:

    def action(**body: Any) -> httpx.Response:
        return api.post("/actions", {"subject_type": "account", "subject_id": "alice",
                                     "policy": "spam", **body})

    expect(api, action(kind="suspend"), 422, "duration")
    expect(api, action(kind="read_only", duration_seconds=-5), 422, "duration_seconds")
    expect(api, action(kind="remove_post"), 422, "remove_post")
    expect(api, action(kind="label", label="suspended"), 422, "suspend")
    expect(api, action(kind="label", label="hateful_conduct"), 422, "hateful_conduct")
    expect(api, action(kind="label"), 422, "label")
    expect(api, action(kind="block_url", url_or_domain="not a domain"), 422, "block_url")
    expect(api, action(kind="warn", policy=""), 422, "policy")


def labels_only_an_action_may_write_are_refused_on_labels(api: Api) -> None:
    # Else a moderator could suspend (a severe action) with no strike and no action notice.
    for label, subject_type, subject in (("suspended", "account", "alice"),
                                         ("read_only", "account", "alice"),
                                         ("removed", "post", "p1")):
        r = api.post("/labels", {"subject_type": subject_type, "subject_id": subject,
                                 "label": label, "policy": "spam"}, "moderator")
        expect(api, r, 422, label, "/api/v1/actions")


def unknown_ids_get_404_naming_the_id(api: Api) -> None:
    expect(api, api.post("/labels", {**LABEL, "subject_id": "ghost"}), 404, "no post", "'ghost'")
    expect(api, api.post("/labels", {**LABEL, "subject_type": "account", "subject_id": "ghost",
                                     "label": "search_blacklist"}), 404, "no account", "'ghost'")
    expect(api, api.get("/accounts/ghost/status"), 404, "'ghost'")
    expect(api, api.delete("/labels/999999"), 404, "999999")
    r = api.post("/posts", {"id": "p9", "author_id": "ghost", "text": "hi"})
    assert r.status_code == 404 and r.json()["detail"] == "author_id: no account with id 'ghost'"
    expect(api, api.post("/follows", {"follower_id": "bob", "followee_id": "ghost"}), 404,
           "followee_id", "'ghost'")
    expect(api, api.post("/actions", {"kind": "remove_post", "subject_type": "post",
                                      "subject_id": "ghost", "policy": "spam"}), 404, "'ghost'")
    expect(api, api.post("/actions", {"kind": "warn", "subject_id": "ghost", "policy": "spam"}),
           404, "'ghost'")


def duplicates_get_409(api: Api) -> None:
    expect(api, api.post("/accounts", {"id": "alice", "handle": "other"}), 409, "alice")
    expect(api, api.post("/accounts", {"id": "zed", "handle": "alice_h"}), 409, "alice_h")
    expect(api, api.post("/posts", {"id": "p1", "author_id": "bob", "text": "x"}), 409, "p1")
    expect(api, api.post("/follows", {"follower_id": "bob", "followee_id": "alice"}), 409)
    expect(api, api.post("/labels", {**LABEL, "subject_id": "p2"}), 409, "p2")
    expect(api, api.post("/actions", {"kind": "block_url", "subject_id": "alice",
                                      "policy": "malware", "url_or_domain": "bad.example"}),
           409, "bad.example")


def test_oversize_requests(unchanged: Api) -> None:
    api = unchanged
    ok = api.post("/visibility", {**VISIBILITY, "item_ids": [f"x{i}" for i in range(1000)]},
                  "service")
    assert ok.status_code == 200 and len(ok.json()["verdicts"]) == 1000
    expect(api, api.post("/visibility", {**VISIBILITY, "item_ids": ["p1"] * 1001}, "service"),
           422, "1000")
    big = json.dumps({**VISIBILITY, "item_ids": ["p" * 60] * 33_000}).encode()
    assert len(big) > 2_000_000
    expect(api, raw(api, "/visibility", big, role="service"), 413, "bytes")
    expect(api, raw(api, "/labels", big), 413, "bytes")

    def chunks() -> Iterator[bytes]:  # no Content-Length: the server must count
        for i in range(0, len(big), 65_536):
            yield big[i:i + 65_536]

    expect(api, raw(api, "/labels", chunks()), 413, "bytes")
    expect(api, api.post("/posts", {"id": "p9", "author_id": "alice", "text": "x" * 10_001}),
           422, "text")


def unknown_names_get_422(api: Api) -> None:
    expect(api, api.post("/visibility", {**VISIBILITY, "surface": "timeline"}, "service"), 422,
           "'timeline'", "home_timeline")
    expect(api, api.post("/visibility", {**VISIBILITY, "viewer_flags": ["nsfw_ok"]}, "service"),
           422, "nsfw_ok")
    expect(api, api.post("/labels", {**LABEL, "label": "shadowban"}), 422, "'shadowban'",
           "do_not_amplify")
    expect(api, api.post("/labels", {**LABEL, "subject_type": "hashtag"}), 422, "subject_type")
    expect(api, api.post("/labels", {**LABEL, "subject_type": "post", "label":
                                     "search_blacklist"}), 422, "search_blacklist")
    expect(api, api.post("/actions", {"kind": "shadowban", "subject_id": "alice",
                                      "policy": "spam"}), 422, "kind")


def test_malformed_and_invalid_input_gets_422(unchanged: Api) -> None:
    malformed_bodies_get_422(unchanged)
    invalid_actions_get_422(unchanged)
    labels_only_an_action_may_write_are_refused_on_labels(unchanged)
    unknown_names_get_422(unchanged)


def test_unknown_ids_get_404_and_duplicates_409(unchanged: Api) -> None:
    unknown_ids_get_404_naming_the_id(unchanged)
    duplicates_get_409(unchanged)


ROUTES: list[tuple[str, str, Any]] = [
    ("POST", "/accounts", {"id": "zed", "handle": "zed"}),
    ("POST", "/posts", {"id": "p9", "author_id": "alice", "text": "x"}),
    ("POST", "/follows", {"follower_id": "alice", "followee_id": "bob"}),
    ("POST", "/labels", LABEL),
    ("DELETE", "/labels/1", None),
    ("POST", "/actions", {"kind": "warn", "subject_id": "alice", "policy": "spam"}),
    ("POST", "/visibility", VISIBILITY),
    ("GET", "/accounts/alice/status", None),
]


def call(api: Api, method: str, path: str, body: Any, headers: dict[str, str]
         ) -> httpx.Response:
    return api.client.request(method, f"/api/v1{path}", json=body, headers=headers)


FORBIDDEN = [
    ("service", "POST", "/labels", LABEL, "labels.write"),
    ("service", "DELETE", "/labels/1", None, "labels.write"),
    ("service", "POST", "/actions", {"kind": "warn", "subject_id": "alice", "policy": "spam"},
     "actions.write"),
    ("triage", "POST", "/labels", LABEL, "labels.write"),
    ("triage", "POST", "/accounts", {"id": "zed", "handle": "zed"}, "content.write"),
    ("moderator", "POST", "/posts", {"id": "p9", "author_id": "alice", "text": "x"},
     "content.write"),
    ("auditor", "POST", "/visibility", VISIBILITY, "visibility.read"),
    ("policy", "POST", "/actions", {"kind": "warn", "subject_id": "alice", "policy": "spam"},
     "actions.write"),
    ("moderator", "POST", "/actions", {"kind": "permanent_suspension", "subject_id": "alice",
                                       "policy": "spam"}, "actions.severe"),
    ("moderator", "POST", "/actions", {"kind": "block_url", "subject_id": "alice",
                                       "policy": "malware", "url_or_domain": "evil.example"},
     "actions.severe"),
]


def test_bad_tokens_get_401_and_roles_without_the_permission_403(world: Api) -> None:
    api = world
    sessions = api.app.state.runtime.app.sessions
    revoked = create_token(sessions, "gone", "admin")
    revoke_token(sessions, "gone")
    before = api.counts()
    for headers in ({}, {"Authorization": "Bearer tsq_garbage"}, {"Authorization": "Bearer"},
                    {"Authorization": f"Basic {api.tokens['admin']}"},
                    {"Authorization": f"Bearer {revoked}"}):
        for method, path, body in ROUTES:
            r = call(api, method, path, body, headers)
            expect(api, r, 401, "token")
            assert r.headers["www-authenticate"] == "Bearer"
    assert call(api, "GET", "/health", None, {}).status_code == 200

    for role, method, path, body, permission in FORBIDDEN:
        r = call(api, method, path, body, api.auth(role))
        expect(api, r, 403, f"'{role}'", f"'{permission}'")
    assert api.counts() == before

    # What a moderator may not do, a senior moderator may.
    result = api.action("permanent_suspension", "alice", "spam", role="senior_moderator")
    assert result["kind"] == "permanent_suspension"
    blocked = api.action("block_url", "alice", "malware", url_or_domain="evil.example",
                         role="senior_moderator")
    assert blocked["kind"] == "block_url"


def test_lifting_a_suspension_needs_the_severe_permission(world: Api) -> None:
    api = world
    suspended = api.action("suspend", "alice", "spam", duration_seconds=3600,
                           role="senior_moderator")
    label_id = suspended["labels"][0]
    before = api.counts()
    expect(api, api.delete(f"/labels/{label_id}", "moderator"), 403, "actions.severe")
    assert api.counts() == before
    assert api.delete(f"/labels/{label_id}", "senior_moderator").status_code == 200

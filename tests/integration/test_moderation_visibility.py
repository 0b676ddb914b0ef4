"""The default policy's verdicts through VisibilityRuntime, on SQLite and PostgreSQL.

Cast: alice writes; bob follows alice; carol follows nobody; dave opted in to sensitive
media; mallory is search-blacklisted.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from sqlalchemy.orm import Session, sessionmaker

from townsquare.moderation.model import ModerationError, Verdict
from townsquare.moderation.verdicts import CompiledPolicy
from townsquare.policy_files import load_policy
from townsquare.services import content, labels
from townsquare.services.visibility import MAX_ITEMS, VisibilityRuntime

VIEWERS = {"author": "alice", "follower": "bob", "other": "carol", "logged_out": None}


@pytest.fixture(scope="module")
def compiled() -> CompiledPolicy:
    return load_policy()


@pytest.fixture
def runtime(
    session_factory: sessionmaker[Session], compiled: CompiledPolicy
) -> Iterator[VisibilityRuntime]:
    s = session_factory
    for account in ("alice", "bob", "carol", "mallory"):
        content.create_account(s, account, f"{account}_h")
    content.create_account(s, "dave", "dave_h", sensitive_media_opt_in=True)
    content.create_follow(s, "bob", "alice")
    content.create_follow(s, "bob", "mallory")
    posts = {"plain": "alice", "dna": "alice", "pii": "alice", "nsfw": "alice",
             "hate": "alice", "m1": "mallory"}
    for post_id, author in posts.items():
        content.create_post(s, compiled, post_id, author, f"post {post_id}")
    for subject_type, subject_id, label, policy in [
        ("post", "dna", "do_not_amplify", "civic_integrity"),
        ("post", "pii", "private_information", "privacy"),
        ("post", "nsfw", "sensitive_media", "sensitive_media"),
        ("post", "hate", "hateful_conduct", "hateful_conduct"),
        ("account", "mallory", "search_blacklist", "platform_manipulation"),
    ]:
        labels.add_label(s, compiled, subject_type, subject_id, label, policy, actor="mod")
    rt = VisibilityRuntime(s, compiled, poll_interval=0)
    yield rt
    rt.close()


def verdict(rt: VisibilityRuntime, surface: str, viewer: str, item: str, **kw: object) -> Verdict:
    [v] = rt.verdicts(surface, VIEWERS.get(viewer, viewer), [item], **kw)  # type: ignore[arg-type]
    return v


def actions(rt: VisibilityRuntime, surface: str, item: str) -> dict[str, tuple[str, ...]]:
    return {who: verdict(rt, surface, who, item).actions for who in VIEWERS}


def test_unlabelled_posts_are_allowed_everywhere(runtime: VisibilityRuntime) -> None:
    for surface in ("home_timeline", "search_top", "trends", "profile"):
        assert set(actions(runtime, surface, "plain").values()) == {("allow",)}


def test_do_not_amplify_drops_from_discovery_but_not_from_latest_profile_or_followers(
    runtime: VisibilityRuntime,
) -> None:
    for surface in ("search_top", "trends", "recommendations", "home_out_of_network"):
        assert set(actions(runtime, surface, "dna").values()) == {("drop",)}, surface
    for surface in ("search_latest", "profile", "conversation", "home_timeline"):
        assert set(actions(runtime, surface, "dna").values()) == {("avoid_ads",)}, surface
    assert actions(runtime, "notifications", "dna") == {
        "author": ("avoid_ads",), "follower": ("avoid_ads",),
        "other": ("drop",), "logged_out": ("drop",),
    }
    v = verdict(runtime, "search_top", "other", "dna")
    assert v.action == "drop"
    assert {(r.label, r.policy, r.subject_type, r.subject_id, r.source) for r in v.reasons} == {
        ("do_not_amplify", "civic_integrity", "post", "dna", "human")}
    assert "do_not_amplify.discovery" in {r.rule for r in v.reasons}


def test_search_blacklist_hides_the_account_and_its_posts_from_search(
    runtime: VisibilityRuntime,
) -> None:
    for surface in ("search_top", "search_latest"):
        assert verdict(runtime, surface, "carol", "m1").action == "drop"
        assert verdict(runtime, surface, "bob", "m1").action == "drop"
    assert verdict(runtime, "profile", "carol", "m1").action == "allow"
    assert verdict(runtime, "home_timeline", "bob", "m1").action == "allow"

    found = runtime.verdicts("people_search", "carol", ["mallory", "alice", "ghost"])

    assert [(v.item_id, v.action) for v in found] == [
        ("mallory", "drop"), ("alice", "allow"), ("ghost", "drop")]
    assert found[0].reasons[0].label == "search_blacklist"
    assert found[0].reasons[0].subject_type == "account"
    assert found[2].reasons[0].rule == "unknown_item"
    # An account label reaches posts as the author's: the reason names the account.
    [reason] = verdict(runtime, "search_top", "carol", "m1").reasons
    assert (reason.subject_type, reason.subject_id) == ("account", "mallory")


def test_private_information_is_a_tombstone_for_the_author_and_gone_for_everyone_else(
    runtime: VisibilityRuntime,
) -> None:
    for surface in ("home_timeline", "profile", "conversation", "search_latest"):
        assert actions(runtime, surface, "pii") == {
            "author": ("tombstone",), "follower": ("drop",),
            "other": ("drop",), "logged_out": ("drop",),
        }
    [reason] = verdict(runtime, "profile", "author", "pii").reasons
    assert (reason.label, reason.policy, reason.rule) == (
        "private_information", "privacy", "private_information.author")


def test_sensitive_media_is_behind_an_interstitial_unless_the_viewer_opted_in(
    runtime: VisibilityRuntime,
) -> None:
    assert actions(runtime, "home_timeline", "nsfw") == {
        "author": ("allow",), "follower": ("interstitial",),
        "other": ("interstitial",), "logged_out": ("interstitial",),
    }
    assert verdict(runtime, "home_timeline", "dave", "nsfw").action == "allow"
    opted = verdict(runtime, "home_timeline", "carol", "nsfw",
                    viewer_flags=["sensitive_media_opt_in"])
    assert opted.action == "allow"
    assert verdict(runtime, "search_top", "dave", "nsfw").action == "drop"


def test_hateful_conduct_differs_by_relation(runtime: VisibilityRuntime) -> None:
    assert actions(runtime, "profile", "hate") == {
        "author": ("allow",),
        "follower": ("label", "limited_engagement", "avoid_ads"),
        "other": ("interstitial", "limited_engagement", "avoid_ads"),
        "logged_out": ("interstitial", "limited_engagement", "avoid_ads"),
    }
    v = verdict(runtime, "profile", "other", "hate")
    assert v.action == "interstitial"
    assert verdict(runtime, "search_top", "follower", "hate").action == "drop"


def test_a_batch_keeps_order_and_drops_unknown_items_with_a_reason(
    runtime: VisibilityRuntime,
) -> None:
    batch = runtime.verdicts("search_top", "carol", ["plain", "nope", "dna", "plain"])

    assert [(v.item_id, v.action) for v in batch] == [
        ("plain", "allow"), ("nope", "drop"), ("dna", "drop"), ("plain", "allow")]
    assert batch[1].reasons[0].rule == "unknown_item"
    assert runtime.verdicts("search_top", "carol", []) == []


def test_bad_requests_are_moderation_errors(runtime: VisibilityRuntime) -> None:
    with pytest.raises(ModerationError, match="unknown surface 'front_page'"):
        runtime.verdicts("front_page", None, ["plain"])
    with pytest.raises(ModerationError, match=f"at most {MAX_ITEMS}"):
        runtime.verdicts("search_top", None, ["plain"] * (MAX_ITEMS + 1))
    with pytest.raises(ModerationError, match="unknown viewer flag"):
        runtime.verdicts("search_top", None, ["plain"], viewer_flags=["likes_spam"])
    assert len(runtime.verdicts("search_top", None, ["plain"] * MAX_ITEMS)) == MAX_ITEMS


def test_a_shadow_policy_is_evaluated_on_the_live_cache(
    session_factory: sessionmaker[Session], runtime: VisibilityRuntime,
) -> None:
    from townsquare.policy_files import parse_policy_text

    candidate = CompiledPolicy(parse_policy_text(
        "version: 2\nlabels:\n  sensitive_media:\n    rules:\n"
        "      - {surfaces: all, actions: [drop]}\n", "yaml"))
    shadow = VisibilityRuntime(session_factory, candidate, runtime.cache)

    assert verdict(shadow, "home_timeline", "carol", "nsfw").action == "drop"
    assert verdict(shadow, "search_top", "carol", "dna").action == "allow"

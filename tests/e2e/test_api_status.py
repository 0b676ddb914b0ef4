"""Account status through the API: every active limit with its notice, removals, and the
default strike ladder (1: none, 2-3: 12-hour lock, 4: 7-day lock, 5: permanent)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from conftest import Api


def when(value: str | None) -> datetime | None:
    return None if value is None else datetime.fromisoformat(value.replace("Z", "+00:00"))


def near(value: str | None, target: datetime, slack: timedelta = timedelta(minutes=1)) -> bool:
    moment = when(value)
    return moment is not None and abs(moment - target) < slack


def limits_of(status: dict[str, Any]) -> dict[tuple[str, str], dict[str, Any]]:
    limits = {(x["label"], x["subject_id"]): x for x in status["limits"]}
    assert len(limits) == len(status["limits"]), "one limit per label and subject"
    return limits


def test_status_lists_every_active_limit_with_a_notice_for_each(api: Api) -> None:
    for name in ("alice", "bob"):
        api.account(name)
    for post in ("p1", "p2", "p3", "p4"):
        api.posted(post, "alice")
    labels = [
        api.label("post", "p1", "do_not_amplify", "civic_integrity"),
        api.label("post", "p2", "hateful_conduct", "hateful_conduct"),
        api.label("account", "alice", "trends_blacklist", "platform_manipulation"),
        api.label("post", "p4", "private_information", "privacy",
                  expires_at=(datetime.now(UTC) + timedelta(days=2)).isoformat()),
    ]
    reach = api.action("limit_reach", "p3", "spam", subject_type="post",
                       duration_seconds=3 * 86_400)
    lock = api.action("read_only", "alice", "harassment", duration_seconds=3_600, role="moderator")

    status = api.status("alice")
    limits = limits_of(status)
    assert set(limits) == {("do_not_amplify", "p1"), ("hateful_conduct", "p2"),
                           ("trends_blacklist", "alice"), ("private_information", "p4"),
                           ("do_not_amplify", "p3"), ("read_only", "alice")}
    assert limits[("hateful_conduct", "p2")]["appealable"] is True
    assert set(limits[("trends_blacklist", "alice")]["surfaces"]) == {"trends"}
    assert limits[("read_only", "alice")]["policy"] == "harassment"
    assert near(limits[("read_only", "alice")]["expires_at"],
                datetime.now(UTC) + timedelta(hours=1))
    assert near(limits[("do_not_amplify", "p3")]["expires_at"],
                datetime.now(UTC) + timedelta(days=3))
    assert near(limits[("private_information", "p4")]["expires_at"],
                datetime.now(UTC) + timedelta(days=2))

    notices = status["notices"]
    for limit in status["limits"]:
        mine = [n for n in notices if n["kind"] == "label_applied"
                and (n["label"], n["subject_id"], n["policy"]) ==
                (limit["label"], limit["subject_id"], limit["policy"])]
        assert len(mine) == 1, (limit, [n["title"] for n in notices])
        notice = mine[0]
        assert notice["surfaces"] == limit["surfaces"]
        assert notice["appealable"] == limit["appealable"]
        assert "appeal" in notice["body"].lower()
    label_ids = {n["label_id"] for n in notices if n["kind"] == "label_applied"}
    assert {x["id"] for x in labels} <= label_ids
    for action in (reach, lock):
        assert [n["kind"] for n in notices if n["action_id"] == action["id"]
                and n["kind"] == "action"] == ["action"]
    bob = api.status("bob")
    assert bob["limits"] == [] and bob["notices"] == []

    # Removing a label lifts the limit and tells the author.
    before = len(notices)
    r = api.delete(f"/labels/{labels[0]['id']}", role="moderator")
    assert r.status_code == 200, r.text
    status = api.status("alice")
    assert ("do_not_amplify", "p1") not in limits_of(status)
    assert len(limits_of(status)) == 5
    assert len(status["notices"]) == before + 1
    removal = [n for n in status["notices"] if n["kind"] == "label_removed"]
    assert [(n["label_id"], n["label"], n["subject_id"]) for n in removal] == [
        (labels[0]["id"], "do_not_amplify", "p1")]
    assert api.delete(f"/labels/{labels[0]['id']}").status_code == 404


def test_hateful_conduct_author_sees_the_post_and_an_appealable_notice(api: Api) -> None:
    api.account("alice")
    api.posted("p1", "alice")
    api.label("post", "p1", "hateful_conduct", "hateful_conduct")
    api.settle()
    assert api.verdict("profile", "alice", "p1")["actions"] == ["allow"]
    [notice] = [n for n in api.status("alice")["notices"] if n["label"] == "hateful_conduct"]
    assert notice["appealable"] is True and "appeal" in notice["body"].lower()


def test_the_default_strike_ladder(api: Api) -> None:
    api.account("alice")
    api.account("bob")
    api.follow("bob", "alice")
    for i in range(1, 7):
        api.posted(f"s{i}", "alice")

    def strike(post: str, policy: str = "spam") -> dict[str, Any]:
        result = api.action("remove_post", post, policy, subject_type="post", role="moderator")
        assert result["strike"] is not None
        return result

    def account_limits() -> dict[str, dict[str, Any]]:
        return {x["label"]: x for x in api.status("alice")["limits"]
                if x["subject_type"] == "account"}

    assert strike("s1")["escalation"] is None
    assert account_limits() == {}
    # Strikes count per policy: one under another policy does not climb the spam ladder.
    assert strike("s6", "harassment")["escalation"] is None
    assert account_limits() == {}

    second = strike("s2")
    assert second["escalation"]["consequence"]["kind"] == "read_only"
    assert second["escalation"]["consequence"]["hours"] == 12
    assert near(account_limits()["read_only"]["expires_at"],
                datetime.now(UTC) + timedelta(hours=12))

    assert strike("s3")["escalation"] is None  # still within the 12-hour lock
    assert set(account_limits()) == {"read_only"}

    fourth = strike("s4")
    assert fourth["escalation"] is not None, "the 4th strike brings the 7-day lock"
    assert fourth["escalation"]["consequence"]["hours"] == 168
    limits = account_limits()
    assert set(limits) == {"read_only"}
    assert near(limits["read_only"]["expires_at"], datetime.now(UTC) + timedelta(days=7))

    fifth = strike("s5")
    assert fifth["escalation"]["consequence"]["kind"] == "permanent_suspension"
    limits = account_limits()
    assert limits["suspended"]["expires_at"] is None

    status = api.status("alice")
    assert status["strikes"]["total_active"] == 6
    assert status["strikes"]["by_policy"]["spam"]["active"] == 5
    assert status["strikes"]["by_policy"]["harassment"]["active"] == 1
    kinds = [n["kind"] for n in status["notices"]]
    assert kinds.count("strike") == 6
    escalations = {second["escalation"]["id"], fourth["escalation"]["id"],
                   fifth["escalation"]["id"]}
    assert escalations <= {n["action_id"] for n in status["notices"] if n["kind"] == "action"}
    api.settle()
    assert api.verdict("home_timeline", "bob", "s1")["actions"] == ["drop"]
    assert api.verdict("profile", "bob", "s6")["actions"] == ["tombstone"]

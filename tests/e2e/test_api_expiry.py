"""Labels and timed actions stop counting when they expire: in verdicts and in limits."""

from __future__ import annotations

import time
from datetime import UTC, datetime, timedelta
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from conftest import Api

LIFETIME = 2.0  # seconds
ON_TIME = 0.5  # a verdict must change this soon after the expiry


def parse(value: str) -> datetime:
    return datetime.fromisoformat(value.replace("Z", "+00:00"))


def test_labels_and_actions_expire_on_time(api: Api) -> None:
    for name in ("alice", "bob", "carol", "viewer"):
        api.account(name)
    api.posted("p1", "alice")
    api.posted("p2", "alice")
    api.posted("c1", "carol")
    label = api.label("post", "p1", "do_not_amplify", "civic_integrity",
                      expires_at=(datetime.now(UTC) + timedelta(seconds=LIFETIME)).isoformat())
    reach = api.action("limit_reach", "p2", "spam", subject_type="post",
                       duration_seconds=int(LIFETIME))
    suspension = api.action("suspend", "carol", "spam", duration_seconds=int(LIFETIME))
    lock = api.action("read_only", "bob", "harassment", duration_seconds=int(LIFETIME))
    expiries = {"p1": parse(label["expires_at"]), "p2": parse(reach["expires_at"]),
                "c1": parse(suspension["expires_at"])}
    assert parse(lock["expires_at"]) > datetime.now(UTC)
    api.settle()

    def actions() -> dict[str, str]:
        return {v["item_id"]: v["action"]
                for v in api.verdicts("search_top", "viewer", ["p1", "p2", "c1"])}

    assert actions() == {"p1": "drop", "p2": "drop", "c1": "drop"}
    assert len(api.status("alice")["limits"]) == 2
    assert [x["label"] for x in api.status("carol")["limits"]] == ["suspended"]
    assert [x["label"] for x in api.status("bob")["limits"]] == ["read_only"]

    freed: dict[str, datetime] = {}
    deadline = time.monotonic() + LIFETIME + 3
    while len(freed) < len(expiries) and time.monotonic() < deadline:
        asked = datetime.now(UTC)
        for item, action in actions().items():
            if action == "allow" and item not in freed:
                freed[item] = asked
                answered = datetime.now(UTC)
                assert answered >= expiries[item], f"{item} allowed before it expired"
            elif action != "allow":
                assert item not in freed, f"{item} was allowed, then dropped again"
                assert asked < expiries[item] + timedelta(seconds=ON_TIME), (
                    f"{item} still {action} {asked - expiries[item]} after it expired")
        time.sleep(0.05)
    assert set(freed) == set(expiries), f"never allowed again: {set(expiries) - set(freed)}"

    for account in ("alice", "bob", "carol"):
        assert api.status(account)["limits"] == [], account
    # The cache's next poll changes nothing: still allowed.
    api.settle()
    assert set(actions().values()) == {"allow"}

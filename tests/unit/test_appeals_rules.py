"""Appeal rules: who may appeal what until when, who may decide, what the author is told."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from townsquare.moderation.appeals import (
    AppealTarget,
    check_decider,
    check_filing,
    escalation_still_due,
    parse_outcome,
    statement_for_decision,
)
from townsquare.moderation.model import ModerationError
from townsquare.moderation.strikes import DEFAULT_LADDER, consequence
from townsquare.staff.actor import Actor, Forbidden, Grant
from townsquare.staff.permissions import ROLES

TAKEN = datetime(2026, 10, 1, 9, tzinfo=UTC)
WINDOW = timedelta(days=30)
REMOVAL = AppealTarget("action", 7, "alice", "post", "p1", "spam", "remove_post", TAKEN, "mo")


def senior(name: str) -> Actor:
    return Actor(name, "staff", (Grant("senior_moderator", ROLES["senior_moderator"]),))


def test_the_author_may_appeal_within_the_window_and_not_after() -> None:
    check_filing(REMOVAL, "alice", TAKEN + WINDOW - timedelta(seconds=1), WINDOW)
    with pytest.raises(ModerationError, match="closed on 31 October 2026 at 09:00 UTC"):
        check_filing(REMOVAL, "alice", TAKEN + WINDOW, WINDOW)


def test_only_the_account_concerned_may_appeal() -> None:
    with pytest.raises(Forbidden, match="only the account it concerns"):
        check_filing(REMOVAL, "mallory", TAKEN, WINDOW)


def test_a_non_appealable_or_reversed_target_is_refused() -> None:
    fixed = AppealTarget("label", 3, "alice", "post", "p1", "csam", "csam_hash", TAKEN,
                         "rule:hash", appealable=False)
    with pytest.raises(ModerationError, match="cannot be appealed"):
        check_filing(fixed, "alice", TAKEN, WINDOW)
    undone = AppealTarget("action", 8, "alice", "post", "p1", "spam", "remove_post", TAKEN,
                          "mo", reversed=True)
    with pytest.raises(ModerationError, match="already lifted or reversed"):
        check_filing(undone, "alice", TAKEN, WINDOW)


def test_the_original_actor_cannot_decide_even_behind_the_ladder() -> None:
    with pytest.raises(Forbidden, match="someone else must decide"):
        check_decider(REMOVAL, senior("mo"))
    lock = AppealTarget("action", 9, "alice", "account", "alice", "spam", "read_only", TAKEN,
                        "ladder:mo")
    with pytest.raises(Forbidden, match="'mo' took the read only action"):
        check_decider(lock, senior("mo"))
    check_decider(lock, senior("sam"))


def test_an_escalation_stays_only_while_the_remaining_strikes_still_call_for_it() -> None:
    twelve_hours = timedelta(hours=12)
    assert not escalation_still_due(consequence(1, DEFAULT_LADDER), "read_only", twelve_hours)
    assert escalation_still_due(consequence(3, DEFAULT_LADDER), "read_only", twelve_hours)
    assert not escalation_still_due(consequence(4, DEFAULT_LADDER), "permanent_suspension",
                                    None)
    assert escalation_still_due(consequence(5, DEFAULT_LADDER), "permanent_suspension", None)


def test_the_author_is_told_the_outcome_the_reason_and_what_changed() -> None:
    upheld = statement_for_decision(4, REMOVAL, "upheld", "The post was satire.",
                                    ["Your post is visible again."], TAKEN)
    assert upheld.account_id == "alice" and upheld.kind == "appeal_upheld"
    assert "agree with you" in upheld.body and "Why: The post was satire." in upheld.body
    assert "Your post is visible again." in upheld.body
    denied = statement_for_decision(4, REMOVAL, "denied", "It is spam.", [], TAKEN)
    assert denied.title == "Your appeal was not successful" and "It is spam." in denied.body
    with pytest.raises(ModerationError, match="'upheld'"):
        parse_outcome("granted")

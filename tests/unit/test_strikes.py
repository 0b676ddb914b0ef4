"""Strikes: the default ladder exactly, decay, reversals, per-policy counting, validation."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from townsquare.moderation.enforcement import ActionKind, plan_enforcement
from townsquare.moderation.model import ModerationError, SubjectType
from townsquare.moderation.policy import parse_policy
from townsquare.moderation.strikes import (
    DEFAULT_LADDER,
    Consequence,
    ConsequenceKind,
    Strike,
    active_strikes,
    consequence,
    consequence_request,
    parse_ladder,
    strike_count,
    strike_summary,
)

NOW = datetime(2025, 6, 1, 12, 0, tzinfo=UTC)
DAY = timedelta(days=1)
NONE = Consequence(ConsequenceKind.NONE)
LOCK_12H = Consequence(ConsequenceKind.READ_ONLY, timedelta(hours=12))
LOCK_7D = Consequence(ConsequenceKind.READ_ONLY, timedelta(days=7))
PERMANENT = Consequence(ConsequenceKind.PERMANENT_SUSPENSION)
DOCUMENTED_DEFAULT = {"decay_days": 90, "steps": [
    {"at": 1, "consequence": "none"},
    {"at": 2, "consequence": "read_only", "hours": 12},
    {"at": 4, "consequence": "read_only", "hours": 168},
    {"at": 5, "consequence": "permanent_suspension"},
]}


def strike(n: int, policy: str = "spam", days_ago: float = 1,
           reversed_at: datetime | None = None) -> Strike:
    created = NOW - timedelta(minutes=round(days_ago * 1440))
    return Strike(n, "a1", policy, 100 + n, created, reversed_at)


@pytest.mark.parametrize(("count", "expected"), [
    (0, NONE), (1, NONE), (2, LOCK_12H), (3, LOCK_12H), (4, LOCK_7D),
    (5, PERMANENT), (6, PERMANENT), (50, PERMANENT),
])
def test_the_default_ladder(count: int, expected: Consequence) -> None:
    assert consequence(count, DEFAULT_LADDER) == expected


def test_the_default_ladder_is_the_documented_mapping() -> None:
    assert parse_ladder(DOCUMENTED_DEFAULT) == DEFAULT_LADDER
    assert DEFAULT_LADDER.decay == timedelta(days=90)
    assert DEFAULT_LADDER.per_policy


def test_consequences_read_in_plain_words() -> None:
    assert LOCK_12H.describe() == "a 12-hour read-only lock"
    assert LOCK_7D.describe() == "a 7-day read-only lock"
    assert PERMANENT.describe() == "permanent suspension"
    assert NONE.describe() == "no further action"
    assert Consequence(ConsequenceKind.SUSPEND, timedelta(days=30)).describe() == \
        "a 30-day suspension"


def test_a_strike_decays_exactly_decay_days_after_it_was_given() -> None:
    given_at = strike(1, days_ago=0)
    decay = timedelta(days=90)
    assert active_strikes([given_at], NOW + decay - timedelta(seconds=1), decay) == [given_at]
    assert active_strikes([given_at], NOW + decay, decay) == []


def test_a_strike_given_after_now_does_not_count_yet() -> None:
    assert active_strikes([strike(1, days_ago=-1)], NOW, timedelta(days=90)) == []


def test_a_reversed_strike_never_counts() -> None:
    overturned = strike(1, reversed_at=NOW + DAY)  # even a reversal dated later
    assert active_strikes([overturned, strike(2)], NOW, timedelta(days=90)) == [strike(2)]


def test_strikes_count_per_policy_by_default() -> None:
    active = [strike(1, "spam"), strike(2, "spam"), strike(3, "hateful_conduct")]
    assert strike_count(active, "spam", DEFAULT_LADDER) == 2
    assert strike_count(active, "hateful_conduct", DEFAULT_LADDER) == 1
    total = parse_ladder({**DOCUMENTED_DEFAULT, "counting": "total"})
    assert strike_count(active, "spam", total) == 3


def test_summary_lists_per_policy_counts_consequences_and_expiries() -> None:
    strikes = [strike(1, "spam", 10), strike(2, "spam", 5), strike(3, "hateful_conduct", 2),
               strike(4, "spam", 100), strike(5, "spam", 1, reversed_at=NOW)]
    summary = strike_summary(strikes, NOW, DEFAULT_LADDER)
    assert summary["total_active"] == 3
    assert summary["decay_days"] == 90
    assert summary["by_policy"]["spam"] == {
        "active": 2,
        "consequence": {"kind": "read_only", "hours": 12,
                        "description": "a 12-hour read-only lock"},
        "next_consequence": {"kind": "read_only", "hours": 12,
                             "description": "a 12-hour read-only lock"},
    }
    assert summary["by_policy"]["hateful_conduct"]["active"] == 1
    assert summary["by_policy"]["hateful_conduct"]["next_consequence"]["kind"] == "read_only"
    assert summary["next_consequence"]["hours"] == 12
    assert [s["id"] for s in summary["active"]] == [1, 2, 3]
    assert summary["active"][0]["expires_at"] == (NOW + timedelta(days=80)).isoformat()
    json.dumps(summary)  # ready for the API as is


def test_summary_without_strikes() -> None:
    summary = strike_summary([], NOW, DEFAULT_LADDER)
    assert summary["total_active"] == 0 and summary["by_policy"] == {}
    assert summary["next_consequence"]["kind"] == "none"


def test_next_consequence_escalates_to_permanent_at_four_strikes() -> None:
    summary = strike_summary([strike(i, "spam", i) for i in range(1, 5)], NOW, DEFAULT_LADDER)
    assert summary["by_policy"]["spam"]["consequence"]["hours"] == 168
    assert summary["next_consequence"] == {"kind": "permanent_suspension", "hours": None,
                                           "description": "permanent suspension"}


def test_a_consequence_becomes_an_escalation_request_that_is_no_strike() -> None:
    assert consequence_request(NONE, "a1", "spam") is None
    req = consequence_request(LOCK_12H, "a1", "spam", note="2 strikes")
    assert req is not None
    assert (req.kind, req.subject_type, req.subject_id, req.duration, req.escalation) == (
        ActionKind.READ_ONLY, SubjectType.ACCOUNT, "a1", timedelta(hours=12), True)
    permanent = consequence_request(PERMANENT, "a1", "spam")
    assert permanent is not None and permanent.kind is ActionKind.PERMANENT_SUSPENSION
    policy = parse_policy({"version": 1, "labels": {"read_only": {"subjects": ["account"]}}})
    assert not plan_enforcement(req, policy, NOW).counts_as_strike


def test_strike_actions_are_configurable() -> None:
    ladder = parse_ladder({**DOCUMENTED_DEFAULT, "strike_actions": ["remove_post", "suspend"]})
    assert ladder.strike_kinds == {ActionKind.REMOVE_POST, ActionKind.SUSPEND}


def test_a_ladder_may_use_days_and_temporary_suspensions() -> None:
    ladder = parse_ladder({"decay_days": 30.5, "steps": [
        {"at": 3, "consequence": "suspend", "days": 2}]})
    assert consequence(2, ladder) == NONE
    assert consequence(3, ladder) == Consequence(ConsequenceKind.SUSPEND, 2 * DAY)
    assert ladder.decay == timedelta(days=30.5)


@pytest.mark.parametrize(("change", "message"), [
    ({"decay_days": 0}, "decay_days: expected a positive number"),
    ({"decay_days": True}, "decay_days: expected a positive number"),
    ({"decay_days": None}, "decay_days: expected a positive number"),
    ({"steps": []}, "steps: expected a non-empty list"),
    ({"steps": "none"}, "steps: expected a non-empty list"),
    ({"steps": [{"at": 0, "consequence": "none"}]}, r"steps\[0\].at: expected a strike count"),
    ({"steps": [{"at": 2, "consequence": "none"}, {"at": 2, "consequence": "none"}]},
     "counts must increase"),
    ({"steps": [{"at": 1, "consequence": "read_only"}]}, "read_only needs a duration"),
    ({"steps": [{"at": 1, "consequence": "read_only", "hours": 1, "days": 1}]},
     "read_only needs a duration"),
    ({"steps": [{"at": 1, "consequence": "permanent_suspension", "hours": 1}]},
     "takes no duration"),
    ({"steps": [{"at": 1, "consequence": "read_only", "hours": -1}]}, "positive number"),
    ({"steps": [{"at": 1, "consequence": "suspend", "days": 4000}]}, "at most 10 years"),
    ({"steps": [{"at": 1, "consequence": "ban"}]}, "consequence: expected one of none"),
    ({"steps": [{"at": 1, "consequence": "none", "weeks": 1}]}, "unknown key"),
    ({"steps": [{"at": 1, "consequence": "permanent_suspension"},
                {"at": 2, "consequence": "read_only", "hours": 1}]}, "is milder than"),
    ({"steps": [{"at": 1, "consequence": "read_only", "hours": 48},
                {"at": 2, "consequence": "read_only", "hours": 12}]}, "is milder than"),
    ({"counting": "per_account"}, "counting: expected 'per_policy' or 'total'"),
    ({"strike_actions": ["ban"]}, "strike_actions: unknown action 'ban'"),
    ({"strike_actions": "warn"}, "strike_actions: expected a list"),
    ({"decay": 90}, "unknown key"),
])
def test_invalid_ladders_are_refused_with_the_field_named(change: dict[str, Any],
                                                          message: str) -> None:
    with pytest.raises(ModerationError, match=message):
        parse_ladder({**DOCUMENTED_DEFAULT, **change})


def test_a_ladder_must_be_a_mapping() -> None:
    with pytest.raises(ModerationError, match="expected a mapping"):
        parse_ladder([1, 2])


@given(st.integers(min_value=0, max_value=200), st.integers(min_value=0, max_value=200))
def test_more_strikes_never_bring_a_milder_consequence(a: int, b: int) -> None:
    low, high = sorted((a, b))
    assert consequence(low, DEFAULT_LADDER).severity() <= \
        consequence(high, DEFAULT_LADDER).severity()


@given(st.lists(st.tuples(st.integers(min_value=-10 * 1440, max_value=200 * 1440), st.booleans()),
                max_size=30))
def test_active_strikes_are_exactly_the_recent_unreversed_ones(
        specs: list[tuple[int, bool]]) -> None:
    strikes = [strike(i, days_ago=minutes_ago / 1440, reversed_at=NOW if rev else None)
               for i, (minutes_ago, rev) in enumerate(specs)]
    active = active_strikes(strikes, NOW, timedelta(days=90))
    assert active == [s for s, (minutes_ago, rev) in zip(strikes, specs, strict=True)
                      if not rev and 0 <= minutes_ago < 90 * 1440]

"""Council rules: quorum and majority (property tests), closing, the published decision."""

from __future__ import annotations

import math
from datetime import UTC, datetime, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from townsquare.moderation.council import (
    CHOICES,
    CouncilRules,
    Vote,
    decision_text,
    due_to_close,
    parse_choice,
    reason_text,
    tally,
)
from townsquare.moderation.model import ModerationError

NOW = datetime(2026, 11, 1, 12, tzinfo=UTC)

shares = st.floats(min_value=0.01, max_value=1.0)
majorities = st.floats(min_value=0.0, max_value=0.99)
ballots = st.lists(st.sampled_from(CHOICES), max_size=30)


def votes_of(choices: list[str], prefix: str = "m") -> list[Vote]:
    return [Vote(f"{prefix}{i}", parse_choice(c), "because", NOW) for i, c in enumerate(choices)]


@given(ballots, st.integers(min_value=0, max_value=10), shares, majorities)
def test_the_outcome_follows_quorum_then_majority(
    choices: list[str], absent: int, quorum: float, majority: float
) -> None:
    votes = votes_of(choices)
    electorate = [v.member for v in votes] + [f"absent{i}" for i in range(absent)]
    if not electorate:
        return
    rules = CouncilRules(quorum, majority)
    result = tally(votes, electorate, rules)
    yes, no = choices.count("for"), choices.count("against")
    assert (result.votes_for, result.against, result.abstain) == (
        yes, no, choices.count("abstain"))
    assert result.cast == len(choices) and result.electorate == len(electorate)
    if len(choices) < max(1, math.ceil(quorum * len(electorate) - 1e-9)):
        assert result.outcome == "no_quorum"
    elif yes > majority * (yes + no):
        assert result.outcome == "adopted"
    else:
        assert result.outcome == "rejected"


@given(ballots, shares, majorities)
def test_abstaining_never_turns_a_rejection_into_an_adoption(
    choices: list[str], quorum: float, majority: float
) -> None:
    rules = CouncilRules(quorum, majority)
    electorate = [f"m{i}" for i in range(len(choices) + 1)]
    before = tally(votes_of(choices), electorate, rules)
    after = tally(votes_of([*choices, "abstain"]), electorate, rules)
    if before.outcome == "rejected":
        assert after.outcome == "rejected"
    if before.outcome == "adopted":
        assert after.outcome == "adopted"


@given(ballots, shares, majorities)
def test_one_more_vote_for_never_hurts(choices: list[str], quorum: float, majority: float
                                       ) -> None:
    rules = CouncilRules(quorum, majority)
    electorate = [f"m{i}" for i in range(len(choices) + 1)]
    before = tally(votes_of(choices), electorate, rules)
    after = tally(votes_of([*choices, "for"]), electorate, rules)
    rank = {"no_quorum": 0, "rejected": 1, "adopted": 2}
    assert rank[after.outcome] >= rank[before.outcome]


def test_half_of_four_is_a_quorum_of_two_and_a_tie_is_rejected() -> None:
    electorate = ["a", "b", "c", "d"]
    rules = CouncilRules(quorum=0.5, majority=0.5)
    one = tally(votes_of(["for"], "a"), electorate, rules)
    assert (one.quorum, one.outcome) == (2, "no_quorum")
    tie = [Vote("a", "for", "x", NOW), Vote("b", "against", "y", NOW)]
    assert tally(tie, electorate, rules).outcome == "rejected"
    won = [*tie, Vote("c", "for", "z", NOW)]
    assert tally(won, electorate, rules).outcome == "adopted"


def test_votes_from_outside_the_electorate_do_not_count() -> None:
    votes = [Vote("a", "against", "x", NOW), Vote("intruder", "for", "y", NOW),
             Vote("intruder2", "for", "y", NOW)]
    result = tally(votes, ["a", "b"], CouncilRules())
    assert (result.votes_for, result.against, result.outcome) == (0, 1, "rejected")


def test_a_vote_closes_when_everyone_voted_or_at_the_deadline() -> None:
    deadline = NOW + timedelta(days=7)
    votes = [Vote("a", "for", "x", NOW)]
    assert not due_to_close(votes, ["a", "b"], deadline, NOW)
    assert due_to_close([*votes, Vote("b", "abstain", "y", NOW)], ["a", "b"], deadline, NOW)
    assert due_to_close(votes, ["a", "b"], deadline, deadline)


def test_every_vote_states_a_reason_and_choices_are_checked() -> None:
    with pytest.raises(ModerationError, match="states its reason"):
        reason_text("   ")
    with pytest.raises(ModerationError, match="choice"):
        parse_choice("maybe")
    with pytest.raises(ModerationError, match="quorum"):
        CouncilRules(quorum=0)
    with pytest.raises(ModerationError, match="majority"):
        CouncilRules(majority=1)


def test_the_published_decision_gives_the_tally_and_each_reason() -> None:
    votes = [Vote("ana", "for", "the ban was disproportionate", NOW),
             Vote("bo", "against", "the threats were credible", NOW),
             Vote("cy", "for", "a year has passed", NOW)]
    result = tally(votes, ["ana", "bo", "cy"], CouncilRules())
    text = decision_text(result, {v.member: (v.choice, v.reason) for v in votes})
    assert text.startswith("Adopted (2 for, 1 against, 0 abstaining; 3 of 3 members voted")
    assert "- bo (against): the threats were credible" in text

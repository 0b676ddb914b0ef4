"""Reinstatement rules: terms from the policy file, waiting periods, never-eligible policies."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

import pytest

from townsquare.moderation.model import ModerationError
from townsquare.moderation.policy import ReinstatementTerms, parse_policy
from townsquare.moderation.reinstatement import eligibility, statement_for_decision
from townsquare.policy_files import default_policy

SUSPENDED = datetime(2026, 1, 10, 8, tzinfo=UTC)


def policy_with(**extra: Any) -> Any:
    return parse_policy({"version": 1, "labels": {"spam": {}}, **extra})


def test_the_packaged_policy_never_reinstates_child_safety_or_terrorism() -> None:
    policy = default_policy()
    assert not policy.reinstatement_terms("child_safety").eligible
    assert not policy.reinstatement_terms("terrorism").eligible
    assert policy.reinstatement_terms("spam") == ReinstatementTerms(True, 30)
    assert policy.reinstatement_terms("hateful_conduct") == ReinstatementTerms(True, 90)


def test_before_the_waiting_period_the_refusal_names_the_date() -> None:
    policy = default_policy()
    early = eligibility(policy, SUSPENDED, ["hateful_conduct"], SUSPENDED + timedelta(days=89))
    assert not early.eligible and not early.never
    assert early.eligible_from == SUSPENDED + timedelta(days=90)
    assert "from 10 April 2026 at 08:00 UTC (90 days after" in early.reason
    on_time = eligibility(policy, SUSPENDED, ["hateful_conduct"], SUSPENDED + timedelta(days=90))
    assert on_time.eligible


def test_the_longest_wait_and_any_never_eligible_offence_apply() -> None:
    policy = default_policy()
    mixed = eligibility(policy, SUSPENDED, ["spam", "hateful_conduct"],
                        SUSPENDED + timedelta(days=31))
    assert not mixed.eligible and mixed.eligible_from == SUSPENDED + timedelta(days=90)
    never = eligibility(policy, SUSPENDED, ["spam", "terrorism"], SUSPENDED + timedelta(days=999))
    assert never.never and not never.eligible and never.eligible_from is None
    assert "promote terrorism or violent extremism are never reinstated." in never.reason


def test_terms_default_per_file_and_are_validated() -> None:
    policy = policy_with(reinstatement={"waiting_days": 10},
                         policies={"fraud": {"reinstatement": {"eligible": False}}})
    assert policy.reinstatement_terms("other") == ReinstatementTerms(True, 10)
    assert policy.reinstatement_terms("fraud") == ReinstatementTerms(False, 10)
    assert "Fraud policy are never eligible" in eligibility(
        policy, SUSPENDED, ["fraud"], SUSPENDED).reason
    for bad, message in [
        ({"reinstatement": {"waiting_days": -1}}, "policy.reinstatement.waiting_days"),
        ({"reinstatement": {"eligible": "no"}}, "policy.reinstatement.eligible"),
        ({"reinstatement": {"wait": 3}}, "unknown key"),
        ({"policies": {"Fraud": {}}}, "policies.Fraud"),
        ({"policies": {"fraud": {"reinstatement": {"waiting_days": 1.5}}}},
         "policies.fraud.reinstatement.waiting_days"),
    ]:
        with pytest.raises(ModerationError, match=message):
            policy_with(**bad)


def test_the_decision_notice_gives_the_rationale_and_where_it_is_published() -> None:
    granted = statement_for_decision("alice", 5, "grant", "A year of good conduct elsewhere.",
                                     "council proposal #2")
    assert granted.kind == "reinstatement_granted" and granted.account_id == "alice"
    assert "Why: A year of good conduct elsewhere." in granted.body
    assert "council proposal #2" in granted.body and "request #5" in granted.body
    refused = statement_for_decision("alice", 5, "refuse", "Threats continued.", "a moderator")
    assert refused.title == "Your reinstatement request was refused"

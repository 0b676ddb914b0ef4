"""Pure report rules: routing (first match wins, escalations), claim locks, reporter trust,
filing validation and what a reporter is told."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from importlib import resources

import pytest
from hypothesis import given
from hypothesis import strategies as st

from townsquare.moderation.model import ModerationError, SubjectType
from townsquare.moderation.report_claims import Claim, check_claim_timeout, may_work
from townsquare.moderation.report_notices import statement_for_reporter
from townsquare.moderation.report_routing import (
    ReportFacts,
    RoutingRule,
    parse_rule,
    parse_rules,
    route,
)
from townsquare.moderation.reports import (
    NewReport,
    ReporterTrust,
    ReporterView,
    ReportReason,
    ReportStatus,
    report_policies,
    reporter_view,
    trust_level,
)
from townsquare.policy_files import parse_policy_text

NOW = datetime(2026, 11, 25, 12, tzinfo=UTC)


def facts(**kw: object) -> ReportFacts:
    base: dict[str, object] = {"policy": "spam", "reason": "spam", "subject_type": "post",
                               "reporter_trust": "normal", "high_profile": False, "text": ""}
    base.update(kw)
    return ReportFacts(**base)  # type: ignore[arg-type]


RULES = parse_rules([
    {"queue": "vip", "priority": 50, "match": {"high_profile": True}},
    {"queue": "senior", "match": {"escalated": True}},
    {"queue": "civic", "priority": 10,
     "match": {"policies": ["civic_misinformation"], "keywords": ["Ballot", "polling station"]}},
    {"queue": "spam", "match": {"reasons": ["spam"], "subject_types": ["post"]}},
    {"queue": "noise", "priority": -10, "match": {"reporter_trust": ["low"]}},
])


def queue_of(rules: tuple[RoutingRule, ...], case: ReportFacts, avoid: str | None = None
             ) -> str | None:
    routed = route(rules, case, avoid=avoid)
    return None if routed is None else routed.queue


def test_the_first_matching_rule_names_the_queue_and_priority() -> None:
    assert queue_of(RULES, facts(high_profile=True, reason="spam")) == "vip"
    routed = route(RULES, facts(policy="civic_misinformation", reason="misinformation",
                                text="They moved the POLLING STATION again"))
    assert routed is not None and (routed.queue, routed.priority, routed.rule) == ("civic", 10, 2)
    assert queue_of(RULES, facts(policy="civic_misinformation", reason="misinformation",
                                 text="nothing relevant")) == "default"
    assert queue_of(RULES, facts()) == "spam"
    assert queue_of(RULES, facts(subject_type="account")) == "default"
    low = route(RULES, facts(reason="harassment", reporter_trust="low"))
    assert low is not None and (low.queue, low.priority) == ("noise", -10)


def test_nothing_matching_goes_to_the_default_queue_with_no_rule() -> None:
    routed = route(RULES, facts(reason="harassment", policy="hateful_conduct"), default="triage")
    assert routed is not None
    assert (routed.queue, routed.priority, routed.rule) == ("triage", 0, None)


def test_an_escalation_skips_rules_back_to_its_queue_and_has_no_default() -> None:
    assert queue_of(RULES, facts(escalated=True), avoid="spam") == "senior"
    assert queue_of(RULES, facts(escalated=True), avoid="senior") == "spam"
    assert queue_of(RULES[3:4], facts(escalated=True), avoid="spam") is None


def test_bad_rules_are_refused_naming_the_rule_and_the_field() -> None:
    cases = [
        ([{"match": {}}], "rule 1: name the queue"),
        ([{"queue": "a"}, {"queue": "Bad Name"}], "rule 2"),
        ([{"queue": "a", "match": {"reasons": ["rude"]}}], "unknown 'rude'"),
        ([{"queue": "a", "match": {"colour": ["red"]}}], "unknown criteria colour"),
        ([{"queue": "a", "match": {"high_profile": "yes"}}], "high_profile: expected true"),
        ([{"queue": "a", "match": {"keywords": []}}], "keywords"),
        ([{"queue": "a", "priority": 1000}], "priority"),
        ([{"queue": "a", "match": {"subject_types": ["comment"]}}], "subject_types"),
        ({"queue": "a"}, "expected a list"),
    ]
    for data, message in cases:
        with pytest.raises(ModerationError, match=message):
            parse_rules(data)


names = st.lists(st.sampled_from(["spam", "hateful_conduct", "civic_misinformation", "x.y"]),
                 min_size=1, max_size=3, unique=True)
rules = st.builds(
    RoutingRule,
    queue=st.from_regex(r"[a-z0-9][a-z0-9_.-]{0,10}", fullmatch=True),
    priority=st.integers(-100, 100),
    name=st.text(max_size=20),
    policies=st.none() | names.map(frozenset),
    reasons=st.none() | st.lists(st.sampled_from(list(ReportReason)), min_size=1,
                                 unique=True).map(frozenset),
    subject_types=st.none() | st.sampled_from([frozenset({"post"}), frozenset({"account"})]),
    reporter_trust=st.none() | st.lists(st.sampled_from(list(ReporterTrust)), min_size=1,
                                        unique=True).map(frozenset),
    high_profile=st.none() | st.booleans(),
    keywords=st.none() | st.lists(st.from_regex(r"[a-z]{1,8}", fullmatch=True), min_size=1,
                                  max_size=3, unique=True).map(tuple),
    escalated=st.none() | st.booleans(),
)
all_facts = st.builds(
    ReportFacts, policy=st.sampled_from(["spam", "hateful_conduct", "civic_misinformation"]),
    reason=st.sampled_from(list(ReportReason)).map(str),
    subject_type=st.sampled_from(["post", "account"]),
    reporter_trust=st.sampled_from(list(ReporterTrust)).map(str),
    high_profile=st.booleans(), text=st.text(alphabet="abc xyz", max_size=30),
    escalated=st.booleans(),
)


@given(rules)
def test_a_rule_survives_its_stored_form(rule: RoutingRule) -> None:
    again = parse_rule(rule.to_dict())
    assert again == rule


@given(st.lists(rules, max_size=6), all_facts)
def test_routing_picks_the_first_rule_that_matches_else_the_default(
    ordered: list[RoutingRule], case: ReportFacts
) -> None:
    routed = route(ordered, case)
    assert routed is not None
    matching = [i for i, r in enumerate(ordered) if r.matches(case)]
    if matching:
        assert routed.rule == matching[0] and routed.queue == ordered[matching[0]].queue
    else:
        assert (routed.queue, routed.rule) == ("default", None)


@given(st.lists(rules, max_size=6), all_facts, st.sampled_from(["a", "b", "default"]))
def test_an_escalation_never_lands_in_the_queue_it_leaves(
    ordered: list[RoutingRule], case: ReportFacts, origin: str
) -> None:
    routed = route(ordered, case, avoid=origin)
    assert routed is None or routed.queue != origin


# --- claims ---------------------------------------------------------------------------------


def test_a_claim_holds_until_it_lapses_then_anyone_may_take_it() -> None:
    held = Claim("mia", NOW + timedelta(minutes=15))
    assert held.held_by("mia", NOW) and not held.free_for("bo", NOW)
    assert held.free_for("mia", NOW)  # renewing one's own claim
    later = NOW + timedelta(minutes=15)
    assert not held.live(later) and held.free_for("bo", later) and not held.held_by("mia", later)
    assert Claim(None, None).free_for("bo", NOW)


@given(st.none() | st.sampled_from(["mia", "bo"]), st.integers(-3600, 3600),
       st.sampled_from(["mia", "bo"]), st.booleans())
def test_nobody_works_a_report_someone_else_holds_except_an_assigner(
    holder: str | None, offset: int, who: str, assigner: bool
) -> None:
    claim = Claim(holder, None if holder is None else NOW + timedelta(seconds=offset))
    someone_else_holds = holder is not None and holder != who and offset > 0
    assert claim.free_for(who, NOW) == (not someone_else_holds)
    assert may_work(claim, who, assigner, NOW) == (assigner or not someone_else_holds)


def test_claim_timeouts_are_bounded() -> None:
    assert check_claim_timeout(900) == 900
    for bad in (0, 59, 86_401, True):
        with pytest.raises(ModerationError, match="claim_timeout_seconds"):
            check_claim_timeout(bad)  # type: ignore[arg-type]


# --- reporters ------------------------------------------------------------------------------


def test_trust_needs_three_decided_reports_then_follows_the_share_actioned() -> None:
    assert trust_level(2, 0) is ReporterTrust.NEW
    assert trust_level(3, 0) is ReporterTrust.TRUSTED
    assert trust_level(1, 2) is ReporterTrust.NORMAL
    assert trust_level(1, 9) is ReporterTrust.LOW


@given(st.integers(0, 50), st.integers(0, 50))
def test_one_more_actioned_report_never_lowers_trust(actioned: int, dismissed: int) -> None:
    order = [ReporterTrust.LOW, ReporterTrust.NORMAL, ReporterTrust.TRUSTED]
    before, after = trust_level(actioned, dismissed), trust_level(actioned + 1, dismissed)
    if before is not ReporterTrust.NEW and after is not ReporterTrust.NEW:
        assert order.index(after) >= order.index(before)


def test_a_report_is_validated_when_made() -> None:
    ok = NewReport("alice", "post", "p1", "spam", "spam", "buy now")  # type: ignore[arg-type]
    assert ok.subject_type is SubjectType.POST and ok.reason is ReportReason.SPAM
    ok.check_policy(frozenset({"spam"}))
    with pytest.raises(ModerationError, match="unknown policy 'nope'; reports may cite spam"):
        NewReport("alice", "post", "p1", "spam", "nope").check_policy(  # type: ignore[arg-type]
            frozenset({"spam"}))
    bad = [
        (("alice", "comment", "p1", "spam", "spam"), "subject_type"),
        (("alice", "post", "p1", "rude", "spam"), "unknown reason 'rude'"),
        (("alice", "account", "alice", "spam", "spam"), "cannot report itself"),
        (("alice", "post", " ", "spam", "spam"), "subject_id must not be empty"),
        (("alice", "post", "p1", "spam", "spam", "x" * 5001), "at most 5000"),
    ]
    for args, message in bad:
        with pytest.raises(ModerationError, match=message):
            NewReport(*args)  # type: ignore[arg-type]


def test_the_reporter_sees_only_received_acted_or_not_never_queues_or_approvals() -> None:
    assert {reporter_view(s) for s in ReportStatus} == {
        ReporterView.RECEIVED, ReporterView.ACTION_TAKEN, ReporterView.NO_VIOLATION}
    assert reporter_view("pending_approval") is ReporterView.RECEIVED
    assert reporter_view("actioned", action_reversed=True) is ReporterView.ACTION_REVERSED


def test_the_reporters_notice_says_what_was_found_but_not_what_was_done() -> None:
    acted = statement_for_reporter(7, "alice", "account", "bob", "hateful_conduct", NOW,
                                   ReporterView.ACTION_TAKEN)
    assert acted.account_id == "alice" and (acted.subject_type, acted.subject_id) == ("report", "7")
    assert acted.title == "We took action on the account you reported"
    assert "breaks our Hateful conduct policy" in acted.body
    assert "25 November 2026 at 12:00 UTC" in acted.body
    for word in ("suspend", "strike", "remove", "label"):
        assert word not in acted.body.lower()
    none = statement_for_reporter(7, "alice", "post", "p1", "spam", NOW,
                                  ReporterView.NO_VIOLATION)
    assert "found no violation of our Spam policy" in none.body and "(p1)" in none.body
    undone = statement_for_reporter(7, "alice", "post", "p1", "spam", NOW,
                                    ReporterView.ACTION_REVERSED)
    assert undone.kind == "report_reversed" and "reversed the action" in undone.body
    with pytest.raises(ValueError):
        statement_for_reporter(7, "alice", "post", "p1", "spam", NOW, ReporterView.RECEIVED)


def test_reports_may_cite_the_live_policys_policies_and_labels() -> None:
    text = resources.files("townsquare.moderation").joinpath("policies", "default.yaml")
    known = report_policies(parse_policy_text(text.read_text("utf-8"), "yaml"))
    assert {"child_safety", "terrorism", "spam", "hateful_conduct", "civic_misinformation"} <= known
    assert "made_up" not in known

"""Statements of reasons: policy, surfaces and how they change, duration, how to appeal."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone
from importlib.resources import files
from typing import Any

import pytest
import yaml

from townsquare.moderation.enforcement import (
    ActionKind,
    EnforcementPlan,
    EnforcementRequest,
    plan_enforcement,
)
from townsquare.moderation.model import (
    Action,
    LabelSource,
    ModerationError,
    Relation,
    SafetyLabel,
    SubjectType,
    Surface,
)
from townsquare.moderation.notices import (
    SURFACE_NAMES,
    LabelEffect,
    describe_effects,
    format_when,
    statement_for_action,
    statement_for_label,
    statement_for_label_removed,
    statement_for_strike,
    surface_effects,
)
from townsquare.moderation.policy import Policy, parse_policy
from townsquare.moderation.strikes import DEFAULT_LADDER, Strike
from townsquare.moderation.verdicts import CompiledPolicy

NOW = datetime(2025, 3, 12, 14, 0, tzinfo=UTC)
APPEAL = "https://townsquare.example/appeals/new?notice=7"
POST, ACCOUNT = SubjectType.POST, SubjectType.ACCOUNT


@pytest.fixture(scope="module")
def policy() -> Policy:
    text = (files("townsquare.moderation") / "policies" / "default.yaml").read_text("utf-8")
    return parse_policy(yaml.safe_load(text))


@pytest.fixture(scope="module")
def compiled(policy: Policy) -> CompiledPolicy:
    return CompiledPolicy(policy)


def label(name: str, subject_type: SubjectType = POST, policy: str = "spam",
          expires_at: datetime | None = None, note: str = "") -> SafetyLabel:
    subject_id = "p42" if subject_type is POST else "a7"
    return SafetyLabel(1, subject_type, subject_id, name, policy, LabelSource.HUMAN, NOW,
                       expires_at, note)


def label_notice(policy: Policy, compiled: CompiledPolicy, name: str,
                 subject_type: SubjectType = POST, expires_at: datetime | None = None) -> str:
    lab = label(name, subject_type, expires_at=expires_at)
    notice = statement_for_label(lab, policy.labels[name], compiled.surfaces_limited(name),
                                 APPEAL, account_id="a7", effects=surface_effects(compiled, name))
    return notice.body


def plan(policy: Policy, kind: str, subject_type: str = "post", **kwargs: Any
         ) -> EnforcementPlan:
    subject_id = "p42" if subject_type == "post" else "a7"
    req = EnforcementRequest(ActionKind(kind), SubjectType(subject_type), subject_id,
                             "hateful_conduct", **kwargs)
    return plan_enforcement(req, policy, NOW)


def test_a_reach_limit_notice_names_policy_surfaces_duration_and_appeal(
        policy: Policy, compiled: CompiledPolicy) -> None:
    lab = label("do_not_amplify", expires_at=NOW + timedelta(days=3), note="Reposted spam")
    notice = statement_for_label(lab, policy.labels["do_not_amplify"],
                                 compiled.surfaces_limited("do_not_amplify"), APPEAL,
                                 account_id="a7",
                                 effects=surface_effects(compiled, "do_not_amplify"))
    assert notice.account_id == "a7" and notice.kind == "label_applied"
    assert (notice.subject_type, notice.subject_id) == ("post", "p42")
    assert (notice.policy, notice.label, notice.appealable) == ("spam", "do_not_amplify", True)
    assert "search_top" in notice.surfaces and "trends" in notice.surfaces
    assert notice.expires_at == NOW + timedelta(days=3)
    assert notice.title == 'Your post (p42) was labelled "do not amplify"'
    body = notice.body
    assert 'We applied the "do not amplify" label to your post (p42) under our Spam policy.' in body
    assert ("Your post won't appear in top search results, trends, recommendations or the "
            "home timelines of people who don't follow you.") in body
    assert "People who don't follow you won't see your post in notifications." in body
    assert "Ads won't be shown next to your post." in body
    assert "How long: until 15 March 2025 at 14:00 UTC." in body
    assert 'Note from our team: "Reposted spam"' in body
    assert f"you can appeal at {APPEAL}." in body


def test_a_label_without_expiry_says_it_has_no_end_date(policy: Policy,
                                                        compiled: CompiledPolicy) -> None:
    body = label_notice(policy, compiled, "spam")
    assert "How long: this label has no end date." in body
    assert "Your post won't appear in search results, trends, notifications or recommendations." \
        in body
    assert "In conversations (replies), people see your post lower down than usual." in body


def test_expiry_is_shown_in_utc(policy: Policy, compiled: CompiledPolicy) -> None:
    paris = timezone(timedelta(hours=1))
    body = label_notice(policy, compiled, "spam",
                        expires_at=datetime(2025, 12, 31, 23, 30, tzinfo=paris))
    assert "until 31 December 2025 at 22:30 UTC." in body


def test_an_account_label_speaks_of_the_account_and_its_posts(policy: Policy,
                                                              compiled: CompiledPolicy) -> None:
    lab = label("search_blacklist", ACCOUNT)
    notice = statement_for_label(lab, policy.labels["search_blacklist"],
                                 compiled.surfaces_limited("search_blacklist"), APPEAL,
                                 effects=surface_effects(compiled, "search_blacklist"))
    assert notice.account_id == "a7"  # an account label goes to the account itself
    assert "Your account and posts won't appear in search results or people search." in notice.body


def test_warning_screens_and_engagement_limits_are_explained_per_audience(
        policy: Policy, compiled: CompiledPolicy) -> None:
    body = label_notice(policy, compiled, "hateful_conduct")
    assert ("Other people won't see your post in search results, trends, notifications, "
            "recommendations or the home timelines of people who don't follow you.") in body
    assert ("In your profile and conversations (replies), people who don't follow you see your "
            "post only after clicking through a warning.") in body
    assert "your followers see your post with a notice that gives context." in body
    assert "other people can't reply to, repost or like your post." in body


def test_a_hidden_post_tells_its_author_what_they_see(policy: Policy,
                                                      compiled: CompiledPolicy) -> None:
    body = label_notice(policy, compiled, "private_information")
    assert "Other people won't see your post anywhere." in body
    assert "Everywhere, you see a notice in place of your post." in body


def test_civic_context_labels_and_downranking_read_naturally(policy: Policy,
                                                             compiled: CompiledPolicy) -> None:
    body = label_notice(policy, compiled, "civic_misinformation")
    assert "Your post won't appear in trends or recommendations." in body
    assert ("Everywhere except trends and recommendations, people see your post with a notice "
            "that gives context.") in body
    assert "In home timelines, people see your post lower down than usual." in body


def test_a_label_without_visibility_effect_says_so(policy: Policy,
                                                   compiled: CompiledPolicy) -> None:
    body = label_notice(policy, compiled, "read_only", ACCOUNT)
    assert "What this changes: It doesn't change who can see your content." in body


def test_without_effects_the_surfaces_are_listed(policy: Policy) -> None:
    notice = statement_for_label(label("trends_blacklist"), policy.labels["trends_blacklist"],
                                 ["trends", "search_top"], APPEAL, account_id="a7")
    assert "It limits where your content is shown: trends and top search results." in notice.body
    assert notice.surfaces == ("trends", "search_top")


def test_a_post_label_needs_the_authors_account(policy: Policy) -> None:
    with pytest.raises(ModerationError, match="needs the author's account_id"):
        statement_for_label(label("spam"), policy.labels["spam"], [], APPEAL)


def test_a_label_that_cannot_be_appealed_says_so() -> None:
    strict = parse_policy({"version": 1, "labels": {"spam": {"appealable": False}}})
    notice = statement_for_label(label("spam"), strict.labels["spam"], [], APPEAL,
                                 account_id="a7")
    assert not notice.appealable
    assert "This decision can't be appealed." in notice.body and APPEAL not in notice.body


def test_label_removed_notice(policy: Policy) -> None:
    notice = statement_for_label_removed(label("do_not_amplify"), account_id="a7",
                                         reason="Your appeal was upheld.")
    assert (notice.kind, notice.account_id, notice.label) == ("label_removed", "a7",
                                                              "do_not_amplify")
    assert notice.title == 'The "do not amplify" label was removed from your post (p42)'
    assert "Any limits it placed no longer apply." in notice.body
    assert "Why: Your appeal was upheld." in notice.body
    assert not notice.appealable and notice.expires_at is None


def test_a_temporary_suspension_notice(policy: Policy, compiled: CompiledPolicy) -> None:
    p = plan(policy, "suspend", "account", duration=timedelta(days=7), note="Targeted abuse")
    notice = statement_for_action(p, "a7", APPEAL, effects=surface_effects(compiled, "suspended"))
    assert (notice.kind, notice.label, notice.title) == ("action", "suspended",
                                                         "Your account is suspended")
    assert notice.expires_at == NOW + timedelta(days=7)
    body = notice.body
    assert "We suspended your account under our Hateful conduct policy." in body
    assert "How long: for 7 days, until 19 March 2025 at 14:00 UTC." in body
    assert "This counts as a strike under our Hateful conduct policy." in body
    assert ("Your account and posts won't appear anywhere except your profile and "
            "conversations (replies).") in body
    assert 'Note from our team: "Targeted abuse"' in body and APPEAL in body


def test_a_permanent_suspension_says_permanently(policy: Policy) -> None:
    notice = statement_for_action(plan(policy, "permanent_suspension", "account"), "a7", APPEAL)
    assert notice.title == "Your account is permanently suspended"
    assert "How long: permanently." in notice.body and notice.expires_at is None


def test_a_warning_changes_nothing_and_is_no_strike(policy: Policy) -> None:
    notice = statement_for_action(plan(policy, "warn"), "a7", APPEAL)
    assert notice.kind == "warning" and notice.title == "Warning about your post (p42)"
    assert "This is a warning: nothing about your posts or account has changed." in notice.body
    assert "How long" not in notice.body and "strike" not in notice.body


def test_limit_reach_and_removal_notices(policy: Policy, compiled: CompiledPolicy) -> None:
    limited = statement_for_action(plan(policy, "limit_reach", duration=timedelta(hours=36)),
                                   "a7", APPEAL, effects=surface_effects(compiled,
                                                                         "do_not_amplify"))
    assert limited.title == "We limited the reach of your post (p42)"
    assert "How long: for 36 hours, until 14 March 2025 at 02:00 UTC." in limited.body
    assert "Your post won't appear in top search results" in limited.body
    assert "ads_adjacency" not in limited.surfaces and "trends" in limited.surfaces
    removed = statement_for_action(plan(policy, "remove_post"), "a7", APPEAL)
    assert "We removed your post (p42) because it breaks our Hateful conduct policy." \
        in removed.body
    assert "stays removed unless your appeal succeeds" in removed.body


def test_url_block_notices_name_the_block(policy: Policy) -> None:
    domain = statement_for_action(plan(policy, "block_url", url_or_domain="www.Bad.example"),
                                  "a7", APPEAL)
    assert "We blocked links to bad.example and its subdomains" in domain.body
    assert "anyone who shares it sees why" in domain.body
    page = statement_for_action(plan(policy, "block_url", url_or_domain="bad.example/scam"),
                                "a7", APPEAL)
    assert "We blocked the link bad.example/scam under" in page.body


def test_an_escalation_explains_itself_and_is_no_strike(policy: Policy) -> None:
    p = plan(policy, "read_only", "account", duration=timedelta(hours=12), escalation=True)
    body = statement_for_action(p, "a7", APPEAL).body
    assert "This follows from the strikes on your account under our Hateful conduct policy." \
        in body
    assert "you can't post, reply, repost or like" in body
    assert "counts as a strike" not in body


def test_strike_notice_counts_and_looks_ahead() -> None:
    strikes = [Strike(i, "a7", "spam", i, NOW - timedelta(days=i)) for i in range(2)]
    notice = statement_for_strike(strikes[0], strikes, DEFAULT_LADDER, APPEAL)
    assert (notice.kind, notice.account_id, notice.policy) == ("strike", "a7", "spam")
    assert notice.expires_at == NOW + timedelta(days=90)
    body = notice.body
    assert "You now have 2 active strikes under this policy." in body
    assert "What happens now: a 12-hour read-only lock." in body
    assert "If you get another strike under this policy: a 12-hour read-only lock." in body
    assert "this one stops counting on 10 June 2025 at 14:00 UTC." in body
    assert f"appeal the action behind this strike at {APPEAL}" in body


def test_first_strike_has_no_further_action() -> None:
    first = Strike(1, "a7", "spam", 1, NOW)
    body = statement_for_strike(first, [first], DEFAULT_LADDER, APPEAL).body
    assert "You now have 1 active strike under this policy." in body
    assert "What happens now: no further action." in body


def test_bodies_are_deterministic(policy: Policy, compiled: CompiledPolicy) -> None:
    first = label_notice(policy, compiled, "hateful_conduct")
    assert all(label_notice(policy, compiled, "hateful_conduct") == first for _ in range(3))


def test_mixed_audiences_are_named() -> None:
    effect = LabelEffect(Action.INTERSTITIAL, frozenset({Relation.AUTHOR, Relation.FOLLOWER}),
                         (Surface.PROFILE,))
    assert describe_effects([effect], POST) == (
        "In your profile, you and your followers see your post only after clicking through a "
        "warning.")


def test_every_surface_has_a_display_name() -> None:
    assert set(SURFACE_NAMES) == {s.value for s in Surface}


def test_format_when_treats_naive_times_as_utc() -> None:
    assert format_when(datetime(2026, 1, 2, 3, 4)) == "2 January 2026 at 03:04 UTC"

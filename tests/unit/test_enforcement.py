"""Enforcement actions as data: request validation, planned labels, strikes, URL blocks."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from importlib.resources import files
from typing import Any

import pytest
import yaml
from hypothesis import assume, given
from hypothesis import strategies as st
from hypothesis.provisional import domains

from townsquare.moderation.enforcement import (
    DEFAULT_STRIKE_KINDS,
    ActionKind,
    EnforcementRequest,
    PlannedLabel,
    normalise_block,
    plan_enforcement,
    span_words,
    url_host,
    url_matches_block,
)
from townsquare.moderation.model import ModerationError, SubjectType
from townsquare.moderation.policy import Policy, parse_policy

NOW = datetime(2025, 3, 12, 14, 0, tzinfo=UTC)
POST, ACCOUNT = SubjectType.POST, SubjectType.ACCOUNT


@pytest.fixture(scope="module")
def policy() -> Policy:
    text = (files("townsquare.moderation") / "policies" / "default.yaml").read_text("utf-8")
    return parse_policy(yaml.safe_load(text))


def request(kind: str, subject_type: str = "post", subject_id: str = "p1",
            **kwargs: Any) -> EnforcementRequest:
    return EnforcementRequest(ActionKind(kind), SubjectType(subject_type), subject_id, "spam",
                              **kwargs)


def test_default_policy_file_loads_with_every_label_an_action_writes(policy: Policy) -> None:
    for name in ("do_not_amplify", "removed", "read_only", "suspended", "untrusted_url"):
        assert name in policy.labels
    assert policy.labels["suspended"].subjects == {ACCOUNT}
    assert policy.labels["removed"].subjects == {POST}


def test_action_kinds_are_the_eight_documented_ones() -> None:
    assert [k.value for k in ActionKind] == [
        "warn", "label", "limit_reach", "remove_post", "block_url", "read_only", "suspend",
        "permanent_suspension",
    ]


def test_kinds_and_subject_types_given_as_strings_become_enums() -> None:
    req = EnforcementRequest("suspend", "account", "a1", "spam",  # type: ignore[arg-type]
                             duration=timedelta(hours=1))
    assert req.kind is ActionKind.SUSPEND and req.subject_type is ACCOUNT


@pytest.mark.parametrize(("kwargs", "message"), [
    ({"kind": "suspend", "subject_type": "account"}, "suspend needs a duration"),
    ({"kind": "suspend", "duration": timedelta(days=1)}, "applies to an account, not a post"),
    ({"kind": "read_only", "duration": timedelta(days=1)}, "applies to an account"),
    ({"kind": "permanent_suspension"}, "applies to an account"),
    ({"kind": "remove_post", "subject_type": "account"}, "remove_post applies to a post"),
    ({"kind": "permanent_suspension", "subject_type": "account", "duration": timedelta(days=1)},
     "takes no duration"),
    ({"kind": "warn", "duration": timedelta(days=1)}, "warn takes no duration"),
    ({"kind": "remove_post", "duration": timedelta(days=1)}, "takes no duration"),
    ({"kind": "limit_reach", "duration": timedelta(0)}, "duration must be positive"),
    ({"kind": "limit_reach", "duration": timedelta(hours=-1)}, "duration must be positive"),
    ({"kind": "suspend", "subject_type": "account", "duration": timedelta(days=3654)},
     "at most 10 years"),
    ({"kind": "label"}, "name the label"),
    ({"kind": "warn", "label": "spam"}, "only for kind=label"),
    ({"kind": "block_url"}, "is not a URL or domain"),
    ({"kind": "block_url", "url_or_domain": "not a domain"}, "is not a URL or domain"),
    ({"kind": "warn", "url_or_domain": "bad.example"}, "only for kind=block_url"),
    ({"kind": "warn", "subject_id": " "}, "subject_id must not be empty"),
])
def test_invalid_requests_are_refused_with_a_clear_message(kwargs: dict[str, Any],
                                                           message: str) -> None:
    with pytest.raises(ModerationError, match=message):
        request(**kwargs)


def test_unknown_kind_lists_the_choices() -> None:
    with pytest.raises(ModerationError, match="unknown action 'ban'; choose from warn, label"):
        ActionKind.parse("ban")


def test_a_request_must_name_its_policy() -> None:
    with pytest.raises(ModerationError, match="name the policy"):
        EnforcementRequest(ActionKind.WARN, POST, "p1", "")


def test_ten_years_is_the_longest_duration() -> None:
    assert request("limit_reach", duration=timedelta(days=3653)).duration == timedelta(days=3653)


@pytest.mark.parametrize(("kind", "subject_type", "label"), [
    ("limit_reach", "post", "do_not_amplify"),
    ("limit_reach", "account", "do_not_amplify"),
    ("remove_post", "post", "removed"),
    ("read_only", "account", "read_only"),
    ("permanent_suspension", "account", "suspended"),
])
def test_each_action_plans_its_label_on_its_subject(policy: Policy, kind: str,
                                                    subject_type: str, label: str) -> None:
    plan = plan_enforcement(request(kind, subject_type, "x1"), policy, NOW)
    assert plan.labels == (PlannedLabel(label, SubjectType(subject_type), "x1", "spam", None),)
    assert plan.expires_at is None and plan.url_block is None


def test_a_temporary_suspension_expires_after_its_duration(policy: Policy) -> None:
    plan = plan_enforcement(request("suspend", "account", "a1", duration=timedelta(days=7)),
                            policy, NOW)
    assert plan.labels == (PlannedLabel("suspended", ACCOUNT, "a1", "spam",
                                        NOW + timedelta(days=7)),)
    assert plan.expires_at == NOW + timedelta(days=7)


def test_a_read_only_lock_and_a_label_carry_their_expiry(policy: Policy) -> None:
    lock = plan_enforcement(request("read_only", "account", "a1", duration=timedelta(hours=12)),
                            policy, NOW)
    assert lock.labels[0].expires_at == NOW + timedelta(hours=12)
    label = plan_enforcement(request("label", label="sensitive_media", duration=timedelta(days=1)),
                             policy, NOW)
    assert label.labels == (PlannedLabel("sensitive_media", POST, "p1", "spam",
                                         NOW + timedelta(days=1)),)


def test_warn_writes_no_label_and_is_no_strike(policy: Policy) -> None:
    plan = plan_enforcement(request("warn"), policy, NOW)
    assert plan.labels == () and not plan.counts_as_strike


def test_block_url_plans_a_normalised_block_and_no_label(policy: Policy) -> None:
    plan = plan_enforcement(request("block_url", url_or_domain="HTTPS://www.Bad.Example/"),
                            policy, NOW)
    assert plan.url_block == "bad.example" and plan.labels == ()
    assert not plan.counts_as_strike


def test_label_not_in_the_policy_is_refused(policy: Policy) -> None:
    with pytest.raises(ModerationError, match="unknown label 'shadowban'"):
        plan_enforcement(request("label", label="shadowban"), policy, NOW)


def test_label_on_the_wrong_kind_of_subject_is_refused(policy: Policy) -> None:
    with pytest.raises(ModerationError, match="'search_blacklist' applies to accounts, not posts"):
        plan_enforcement(request("label", label="search_blacklist"), policy, NOW)


@pytest.mark.parametrize("label", ["removed", "read_only", "suspended"])
def test_labels_owned_by_an_action_cannot_be_applied_as_plain_labels(policy: Policy,
                                                                     label: str) -> None:
    with pytest.raises(ModerationError, match="use that instead"):
        plan_enforcement(request("label", "account", label=label), policy, NOW)


def test_a_policy_without_the_actions_label_is_refused() -> None:
    bare = parse_policy({"version": 1, "labels": {"spam": {"rules": []}}})
    with pytest.raises(ModerationError, match="unknown label 'removed'"):
        plan_enforcement(request("remove_post"), bare, NOW)


def test_by_default_every_kind_but_warn_and_block_url_counts_as_a_strike(policy: Policy) -> None:
    assert set(ActionKind) - DEFAULT_STRIKE_KINDS == {ActionKind.WARN, ActionKind.BLOCK_URL}
    assert plan_enforcement(request("remove_post"), policy, NOW).counts_as_strike
    assert plan_enforcement(request("limit_reach"), policy, NOW).counts_as_strike


def test_strike_kinds_are_a_parameter(policy: Policy) -> None:
    plan = plan_enforcement(request("limit_reach"), policy, NOW, strike_kinds={ActionKind.WARN})
    assert not plan.counts_as_strike
    assert plan_enforcement(request("warn"), policy, NOW, strike_kinds={ActionKind.WARN}
                            ).counts_as_strike


def test_an_escalation_is_never_a_strike(policy: Policy) -> None:
    req = request("read_only", "account", "a1", duration=timedelta(hours=12), escalation=True)
    assert not plan_enforcement(req, policy, NOW).counts_as_strike


@pytest.mark.parametrize(("raw", "block"), [
    ("bad.example", "bad.example"),
    ("BAD.Example.", "bad.example"),
    ("www.bad.example", "bad.example"),
    ("https://www.bad.example/", "bad.example"),
    ("http://user@bad.example:8080/a/b/?q=1#frag", "bad.example/a/b?q=1"),
    ("bad.example/Path/", "bad.example/Path"),
    ("https://bücher.example/", "xn--bcher-kva.example"),
    ("sub.bad.example", "sub.bad.example"),
])
def test_blocks_are_normalised(raw: str, block: str) -> None:
    assert normalise_block(raw) == block


@pytest.mark.parametrize("raw", ["", "   ", "localhost", "http://", "bad example.com", "com",
                                 "http://bad.example:99999/"])
def test_malformed_blocks_are_refused(raw: str) -> None:
    with pytest.raises(ModerationError, match="is not a URL or domain"):
        normalise_block(raw)


@pytest.mark.parametrize(("url", "block", "matches"), [
    ("https://bad.example/x", "bad.example", True),
    ("http://deep.sub.bad.example", "bad.example", True),
    ("https://WWW.BAD.EXAMPLE:443/", "bad.example", True),
    ("bad.example", "bad.example", True),
    ("https://notbad.example/", "bad.example", False),
    ("https://bad.example.evil.test/", "bad.example", False),
    ("https://good.example/?u=bad.example", "bad.example", False),
    ("https://bad.example/page?utm=1", "bad.example/page", True),
    ("https://bad.example/page/", "bad.example/page", True),
    ("https://bad.example/other", "bad.example/page", False),
    ("https://sub.bad.example/page", "bad.example/page", False),
    ("https://bad.example/page?id=2", "bad.example/page?id=1", False),
    ("https://bad.example/page?id=1", "bad.example/page?id=1", True),
    ("not a url at all", "bad.example", False),
])
def test_url_matches_block(url: str, block: str, matches: bool) -> None:
    assert url_matches_block(url, block) is matches


@given(domain=domains(), sub=st.from_regex(r"[a-z][a-z0-9]{0,10}", fullmatch=True),
       path=st.from_regex(r"(/[a-z0-9]{1,8}){0,3}", fullmatch=True))
def test_a_domain_block_covers_every_subdomain_and_path(domain: str, sub: str,
                                                        path: str) -> None:
    assume(not domain.lower().startswith("www."))
    block = normalise_block(domain)
    assert url_matches_block(f"https://{sub}.{domain}{path}", block)
    assert url_matches_block(f"http://{domain.upper()}{path}", block)
    assert not url_matches_block(f"https://{sub}{domain}{path}", block)
    assert url_host(f"https://{sub}.{domain}{path}") in (f"{sub}.{block}", block)


@pytest.mark.parametrize(("span", "words", "adjective"), [
    (timedelta(hours=12), "12 hours", "12-hour"),
    (timedelta(days=7), "7 days", "7-day"),
    (timedelta(days=1), "1 day", "1-day"),
    (timedelta(minutes=90), "90 minutes", "90-minute"),
    (timedelta(seconds=5), "5 seconds", "5-second"),
])
def test_span_words(span: timedelta, words: str, adjective: str) -> None:
    assert span_words(span) == words
    assert span_words(span, hyphen=True) == adjective

"""Detection rules: parsing with clear errors, keywords, regexes, emails, phones, domains."""

from __future__ import annotations

from datetime import date
from importlib.resources import files
from typing import Any

import pytest
import yaml
from hypothesis import assume, given
from hypothesis import strategies as st
from hypothesis.provisional import domains

from townsquare.moderation.detection import (
    Detection,
    DetectionRule,
    RuleKind,
    detect,
    is_phone_number,
    keyword_pattern,
    parse_detection_rules,
    urls_in,
)
from townsquare.moderation.model import ModerationError
from townsquare.moderation.policy import Policy, parse_policy


def policy_file(name: str) -> Any:
    return yaml.safe_load((files("townsquare.moderation") / "policies" / name).read_text("utf-8"))


@pytest.fixture(scope="module")
def policy() -> Policy:
    return parse_policy(policy_file("default.yaml"))


@pytest.fixture(scope="module")
def rules(policy: Policy) -> tuple[DetectionRule, ...]:
    return parse_detection_rules(policy_file("detection.yaml"), policy)


def one(rule: dict[str, Any], policy: Policy) -> tuple[DetectionRule, ...]:
    base = {"id": "r1", "label": "spam", "policy": "spam"}
    return parse_detection_rules({"rules": [{**base, **rule}]}, policy)


def hits(rules: tuple[DetectionRule, ...], text: str, urls: tuple[str, ...] = ()
         ) -> dict[str, str]:
    return {d.rule_id: d.evidence for d in detect(rules, text, urls)}


KEYWORDS = {"kind": "keyword", "terms": ["free crypto", "double your bitcoin"]}
EMAIL_RULE = {"kind": "email", "label": "private_information", "policy": "private_information"}
PHONE_RULE = {"kind": "phone", "label": "private_information", "policy": "private_information"}


# --- the shipped rules file ------------------------------------------------------------------

def test_the_default_rules_file_loads_and_validates(rules: tuple[DetectionRule, ...]) -> None:
    kinds = {r.kind for r in rules}
    assert kinds == set(RuleKind)
    assert len({r.id for r in rules}) == len(rules)
    pii = [r for r in rules if r.kind in (RuleKind.EMAIL, RuleKind.PHONE)]
    assert pii and all(r.enabled and r.label == "private_information" for r in pii)


def test_the_default_rules_catch_what_they_are_for(rules: tuple[DetectionRule, ...]) -> None:
    found = hits(rules, "FREE crypto!! Follow me and I'll follow you back. Mail jo@corp.example "
                        "or call +44 20 7946 0958, see https://login.phishing.example/x")
    assert found == {
        "spam.crypto_giveaway": "FREE crypto",
        "spam.follow_bait": "Follow me and I'll follow you back",
        "pii.email": "jo@corp.example",
        "pii.phone": "+44 20 7946 0958",
        "urls.blocked_domains": "https://login.phishing.example/x",
    }
    assert hits(rules, "A quiet post about gardening on 2024-05-01, order #123456789.") == {}


def test_a_detection_carries_label_policy_and_mode(rules: tuple[DetectionRule, ...]) -> None:
    assert detect(rules, "reach me: jo@corp.example") == [
        Detection("pii.email", "private_information", "private_information", "jo@corp.example",
                  "label")]


# --- validation -----------------------------------------------------------------------------

@pytest.mark.parametrize(("rule", "message"), [
    ({"kind": "regex", "pattern": "(unclosed"}, "rule 'r1'.pattern: invalid regular expression"),
    ({"kind": "regex", "pattern": "a*"}, "matches empty text"),
    ({"kind": "regex", "pattern": "a", "flags": "iq"}, "flags: expected letters from 'imsx'"),
    ({"kind": "regex"}, "pattern: expected a non-empty regular expression"),
    ({"kind": "fuzzy"}, "rule 'r1': unknown kind 'fuzzy'; choose from keyword, regex"),
    ({"kind": "keyword", "terms": []}, "terms: expected a non-empty list"),
    ({"kind": "keyword", "terms": "free crypto"}, "terms: expected a non-empty list"),
    ({"kind": "keyword", "terms": ["ok", " "]}, "every entry must be a non-empty string"),
    ({"kind": "keyword", "terms": ["x"], "pattern": "y"}, "unknown key\\(s\\) pattern"),
    ({"kind": "email", "label": "shadowban"}, "'shadowban' is not a label of policy 'default'"),
    ({"kind": "email", "label": "suspended"}, "'suspended' does not apply to posts"),
    ({"kind": "email", "policy": ""}, "policy: name the policy"),
    ({"kind": "email", "mode": "delete"}, "mode: expected 'label' or 'review'"),
    ({"kind": "email", "enabled": "yes"}, "enabled: expected true or false"),
    ({"kind": "domain_list", "domains": ["ok.example", "not a domain"]},
     "rule 'r1'.domains: block_url: 'not a domain' is not a URL or domain"),
])
def test_invalid_rules_are_refused_naming_the_rule(policy: Policy, rule: dict[str, Any],
                                                   message: str) -> None:
    with pytest.raises(ModerationError, match=message):
        one(rule, policy)


@pytest.mark.parametrize(("data", "message"), [
    ([], "expected a mapping"),
    ({"rules": "none"}, "'rules' must be a list"),
    ({"rules": [], "extra": 1}, "unknown key"),
    ({"rules": [{"kind": "email"}]}, r"rules\[0\].id: every rule needs an id"),
    ({"rules": ["email"]}, r"rules\[0\]: expected a mapping"),
    ({"rules": [{"id": "a", **EMAIL_RULE}, {"id": "a", **EMAIL_RULE}]}, "duplicate rule id 'a'"),
])
def test_invalid_documents_are_refused(policy: Policy, data: Any, message: str) -> None:
    with pytest.raises(ModerationError, match=message):
        parse_detection_rules(data, policy)


def test_disabled_rules_do_not_run_and_review_mode_is_passed_on(policy: Policy) -> None:
    assert detect(one({**EMAIL_RULE, "enabled": False}, policy), "jo@corp.example") == []
    [found] = detect(one({**EMAIL_RULE, "mode": "review"}, policy), "jo@corp.example")
    assert found.mode == "review"


# --- keywords and regexes ----------------------------------------------------------------------

@pytest.mark.parametrize(("text", "evidence"), [
    ("Get FREE CRYPTO now", "FREE CRYPTO"),
    ("free\n  crypto", "free\n  crypto"),
    ("(free crypto)", "free crypto"),
    ("Double Your Bitcoin today", "Double Your Bitcoin"),
    ("freecrypto", None),
    ("free cryptocurrency news", None),
    ("carefree crypto", None),
    ("free_crypto", None),
])
def test_keywords_match_whole_words_in_any_case(policy: Policy, text: str,
                                                evidence: str | None) -> None:
    assert hits(one(KEYWORDS, policy), text).get("r1") == evidence


def test_keyword_terms_are_literal_text_not_patterns() -> None:
    pattern = keyword_pattern(["a.b", "c+"])
    assert pattern.search("x a.b y") and not pattern.search("x axb y")
    assert pattern.search("c+ d") is not None


def test_regex_rules_honour_their_flags(policy: Policy) -> None:
    sensitive = one({"kind": "regex", "pattern": r"\bwin\s+\d+"}, policy)
    assert hits(sensitive, "WIN 100") == {}
    insensitive = one({"kind": "regex", "pattern": r"\bwin\s+\d+", "flags": "i"}, policy)
    assert hits(insensitive, "WIN 100 now") == {"r1": "WIN 100"}


WORDS = st.lists(st.text("abcdefghijklmnopqrstuvwxyz", min_size=1, max_size=10), max_size=30)
TERM_WORDS = {"free", "crypto", "double", "your", "bitcoin"}


@given(WORDS)
def test_random_words_do_not_trigger_keyword_rules(policy: Policy, words: list[str]) -> None:
    assume(not TERM_WORDS & set(words))
    assert detect(one(KEYWORDS, policy), " ".join(words)) == []


@given(WORDS, WORDS, st.sampled_from(["free crypto", "double your bitcoin"]), st.data())
def test_a_term_among_random_words_is_found_in_any_case(policy: Policy, before: list[str],
                                                        after: list[str], term: str,
                                                        data: st.DataObject) -> None:
    cased = "".join(c.upper() if data.draw(st.booleans()) else c for c in term)
    text = " ".join([*before, cased, *after])
    assert hits(one(KEYWORDS, policy), text) == {"r1": cased}


# --- private information -----------------------------------------------------------------------

@given(st.emails(), WORDS, WORDS, st.sampled_from([" ", "\n", " (", ": ", " <"]))
def test_any_email_address_in_text_is_detected(policy: Policy, email: str, before: list[str],
                                               after: list[str], opener: str) -> None:
    text = f"{' '.join(before)}{opener}{email}{'' if opener == ' ' else '.'} {' '.join(after)}"
    assert hits(one(EMAIL_RULE, policy), text) == {"r1": email}


@pytest.mark.parametrize("text", [
    "thanks @alice and @bob.example", "user@localhost", "a @ b.example", "me@example",
    "price: 5 @ 3.50", "",
])
def test_things_that_are_not_email_addresses(policy: Policy, text: str) -> None:
    assert hits(one(EMAIL_RULE, policy), text) == {}


@pytest.mark.parametrize("phone", [
    "+33 6 12 34 56 78", "+33612345678", "+1 (415) 555-0132", "+44 (0)20 7946 0958",
    "+49 30 1234567", "0044 20 7946 0958",
    "06 12 34 56 78", "06.12.34.56.78", "06-12-34-56-78", "0612345678",
    "020 7946 0958", "07700 900123", "(030) 1234567",
    "(415) 555-0132", "415-555-0132", "415.555.0132", "415 555 0132", "1-800-555-0199",
])
def test_common_phone_formats_are_detected(policy: Policy, phone: str) -> None:
    assert hits(one(PHONE_RULE, policy), f"Call me on {phone} after six.") == {"r1": phone}


@pytest.mark.parametrize("text", [
    "Order 123456789012 has shipped", "order #0612345678", "ref ORD-0612345678",
    "on 2024-01-15 10:30 we met", "15.01.2024 12", "from 12/03/2024 to 15/03/2024",
    "it costs 1 234 567 890 €", "ISBN 978-3-16-148410-0", "ip 192.168.100.200",
    "card 4111 1111 1111 1111", "born 1990, moved 2000 2010", "tracking 1Z999AA10123456784",
    "call 555-0132", "pi is 3.14159265358979", "12 345 678 901 people", "0612345678abc",
])
def test_numbers_that_are_not_phone_numbers(policy: Policy, text: str) -> None:
    assert hits(one(PHONE_RULE, policy), text) == {}


def test_a_phone_number_followed_by_another_number_is_still_found(policy: Policy) -> None:
    assert hits(one(PHONE_RULE, policy), "ring 06 12 34 56 78 2 times") == {
        "r1": "06 12 34 56 78"}


DIGIT = st.sampled_from("0123456789")


def digits(n: int) -> st.SearchStrategy[str]:
    return st.lists(DIGIT, min_size=n, max_size=n).map("".join)


@given(st.sampled_from("123456789"), digits(8), st.sampled_from([" ", ".", "-", ""]))
def test_french_numbers_in_any_grouping(first: str, rest: str, sep: str) -> None:
    national = "0" + first + rest
    grouped = sep.join(national[i:i + 2] for i in range(0, 10, 2))
    assert is_phone_number(grouped)
    assert is_phone_number("+33 " + first + " " + " ".join(rest[i:i + 2] for i in range(0, 8, 2)))


@given(st.sampled_from("23456789"), digits(2), digits(3), digits(4),
       st.sampled_from(["({a}) {e}-{l}", "{a}-{e}-{l}", "{a}.{e}.{l}", "{a} {e} {l}",
                        "+1 {a} {e} {l}", "1-{a}-{e}-{l}", "+1 ({a}) {e}-{l}"]))
def test_north_american_numbers(a0: str, a: str, e: str, line: str, shape: str) -> None:
    assert is_phone_number(shape.format(a=a0 + a, e=e, l=line))


@given(st.sampled_from("123456789"), digits(1), st.lists(digits(3), min_size=3, max_size=4))
def test_international_numbers(cc0: str, cc: str, groups: list[str]) -> None:
    assert is_phone_number(f"+{cc0}{cc} " + " ".join(groups))


@given(st.integers(min_value=1, max_value=10**20))
def test_plain_numbers_are_not_phone_numbers(policy: Policy, n: int) -> None:
    assert hits(one(PHONE_RULE, policy), f"order {n} confirmed") == {}


@given(st.dates(date(1900, 1, 1), date(2099, 12, 31)),
       st.sampled_from(["{d:%Y-%m-%d}", "{d:%d/%m/%Y}", "{d:%d.%m.%Y}", "{d:%m-%d-%Y}",
                        "{d:%Y.%m.%d}"]),
       st.times(), st.sampled_from(["", " {t:%H:%M}", " {t:%H:%M:%S}", " {t:%H}h"]))
def test_dates_and_times_are_not_phone_numbers(policy: Policy, d: Any, date_shape: str, t: Any,
                                               time_shape: str) -> None:
    text = "meet on " + date_shape.format(d=d) + time_shape.format(t=t) + " please"
    assert hits(one(PHONE_RULE, policy), text) == {}


# --- domain reputation -------------------------------------------------------------------------

DOMAINS = {"kind": "domain_list", "domains": ["bad.example", "good.example/scam"],
           "label": "untrusted_url"}


@pytest.mark.parametrize(("text", "urls", "evidence"), [
    ("see https://bad.example/x.", (), "https://bad.example/x"),
    ("see (www.cdn.bad.example)", (), "www.cdn.bad.example"),
    ("bare BAD.example works too", (), "BAD.example"),
    ("nothing in the text", ("https://a.b.bad.example/p?q=1",), "https://a.b.bad.example/p?q=1"),
    ("a page: https://good.example/scam?ref=1", (), "https://good.example/scam?ref=1"),
    ("other pages are fine: https://good.example/home", (), None),
    ("lookalikes too: https://notbad.example https://bad.example.net", (), None),
    ("an address is not a link: jo@bad.example", (), None),
])
def test_listed_domains_match_with_their_subdomains(policy: Policy, text: str,
                                                    urls: tuple[str, ...],
                                                    evidence: str | None) -> None:
    assert hits(one(DOMAINS, policy), text, urls).get("r1") == evidence


@given(domains(), st.from_regex(r"[a-z][a-z0-9]{0,8}", fullmatch=True), WORDS)
def test_any_subdomain_of_a_listed_domain_is_caught(policy: Policy, domain: str, sub: str,
                                                    words: list[str]) -> None:
    assume(not domain.lower().startswith("www."))
    rules = one({"kind": "domain_list", "domains": [domain], "label": "untrusted_url"}, policy)
    url = f"https://{sub}.{domain}/path"
    assert hits(rules, " ".join([*words, url])) == {"r1": url}
    assert hits(rules, "no links", (url,)) == {"r1": url}


def test_urls_in_text_drop_trailing_punctuation() -> None:
    assert urls_in("Read https://a.example/x?y=1), then www.b.example. Or c.example!") == [
        "https://a.example/x?y=1", "www.b.example", "c.example"]

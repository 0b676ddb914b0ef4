"""Detection rules as data: keywords, regexes, private information, domain reputation.

A rules document is a mapping (parsed from YAML or TOML at the edge):

    version: 1
    rules:
      - {id: spam.crypto, kind: keyword, terms: [free crypto], label: spam, policy: spam}
      - {id: spam.pattern, kind: regex, pattern: "...", flags: i, label: spam, policy: spam}
      - {id: pii.email, kind: email, label: private_information, policy: private_information}
      - {id: pii.phone, kind: phone, label: private_information, policy: private_information}
      - {id: urls.bad, kind: domain_list, domains: [bad.example], label: untrusted_url,
         policy: spam}

Every rule may also say `enabled: false` (kept, not run) and `mode: review` (a match
asks a person to look instead of applying the label).
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from enum import StrEnum
from itertools import islice
from typing import Any

from townsquare.moderation.enforcement import normalise_block, url_host, url_matches_block
from townsquare.moderation.model import ModerationError, SubjectType
from townsquare.moderation.policy import Policy


class RuleKind(StrEnum):
    KEYWORD = "keyword"
    REGEX = "regex"
    EMAIL = "email"
    PHONE = "phone"
    DOMAIN_LIST = "domain_list"


MODES = ("label", "review")
MAX_GROUPS = 8  # no phone number is written in more digit groups than this
COMMON_KEYS = {"id", "kind", "label", "policy", "enabled", "mode", "description"}
KIND_KEYS = {
    RuleKind.KEYWORD: {"terms"},
    RuleKind.REGEX: {"pattern", "flags"},
    RuleKind.DOMAIN_LIST: {"domains"},
}
REGEX_FLAGS = {"i": re.IGNORECASE, "m": re.MULTILINE, "s": re.DOTALL, "x": re.VERBOSE}

_ATEXT = r"A-Za-z0-9!#$%&'*+/=?^_`{|}~\-"  # RFC 5322 atext: what a local part is made of
EMAIL = re.compile(
    rf"(?<![{_ATEXT}.])[{_ATEXT}]+(?:\.[{_ATEXT}]+)*@"
    r"(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+(?:[a-z]{2,63}|xn--[a-z0-9-]{1,59})"
    r"(?![a-z0-9-])",
    re.IGNORECASE,
)
# A run of digits joined by single separators; `_phone_in` decides whether it is a number.
PHONE_RUN = re.compile(r"(?<![\w#@/$€£+])(?<!\w-)\+?\(?\d(?:(?:[ .\-]|\)[ .\-]?|[ .\-]?\()?\d)*")
_DAY = r"(?:0?[1-9]|[12]\d|3[01])"  # also reads as a month: dates come day- or month-first
DATE = re.compile(rf"(?:19|20)\d\d[-./]{_DAY}[-./]{_DAY}|{_DAY}[-./]{_DAY}[-./](?:19|20)\d\d")
NANP = re.compile(r"(?:1[ .\-]?)?(?:\([2-9]\d\d\)|[2-9]\d\d)[ .\-]?\d{3}[ .\-]\d{4}")
URL_IN_TEXT = re.compile(
    r"(?:https?://|www\.)[^\s<>\"']+"
    r"|(?<![\w@.-])(?:[^\W_](?:[\w-]{0,61}[^\W_])?\.)+[^\W\d_]{2,63}(?![\w@-])(?:/[^\s<>\"']*)?",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class DetectionRule:
    id: str
    kind: RuleKind
    label: str
    policy: str
    pattern: re.Pattern[str] | None = None  # keyword and regex rules
    domains: frozenset[str] = frozenset()  # domain_list: domain blocks (cover subdomains)
    pages: tuple[str, ...] = ()  # domain_list: single-page blocks
    enabled: bool = True
    mode: str = "label"


@dataclass(frozen=True)
class Detection:
    rule_id: str
    label: str
    policy: str
    evidence: str
    mode: str = "label"


def _strings(raw: Any, where: str) -> list[str]:
    if isinstance(raw, str) or not isinstance(raw, Sequence) or not raw:
        raise ModerationError(f"{where}: expected a non-empty list of strings")
    if not all(isinstance(item, str) and item.strip() for item in raw):
        raise ModerationError(f"{where}: every entry must be a non-empty string")
    return [str(item) for item in raw]


def keyword_pattern(terms: Sequence[str]) -> re.Pattern[str]:
    """Any of the terms as whole words, case-insensitive; spaces in a term match any spacing."""
    alternatives = sorted(
        {r"\s+".join(map(re.escape, t.split())) for t in terms}, key=lambda alt: (-len(alt), alt)
    )
    return re.compile(rf"(?<!\w)(?:{'|'.join(alternatives)})(?!\w)", re.IGNORECASE)


def _regex(raw: Mapping[str, Any], where: str) -> re.Pattern[str]:
    pattern, flags = raw.get("pattern"), raw.get("flags", "")
    if not isinstance(pattern, str) or not pattern:
        raise ModerationError(f"{where}.pattern: expected a non-empty regular expression")
    if not isinstance(flags, str) or set(flags) - set(REGEX_FLAGS):
        raise ModerationError(f"{where}.flags: expected letters from 'imsx', got {flags!r}")
    try:
        compiled = re.compile(pattern, sum(REGEX_FLAGS[f] for f in set(flags)))
    except re.error as exc:
        raise ModerationError(f"{where}.pattern: invalid regular expression: {exc}") from None
    if compiled.search(""):
        raise ModerationError(f"{where}.pattern: matches empty text, so it would flag every post")
    return compiled


def _rule(index: int, raw: Any, policy: Policy, seen: set[str]) -> DetectionRule:
    where = f"rules[{index}]"
    if not isinstance(raw, Mapping):
        raise ModerationError(f"{where}: expected a mapping")
    rule_id = raw.get("id")
    if not isinstance(rule_id, str) or not rule_id.strip():
        raise ModerationError(f"{where}.id: every rule needs an id")
    if rule_id in seen:
        raise ModerationError(f"{where}.id: duplicate rule id {rule_id!r}")
    seen.add(rule_id)
    where = f"rule {rule_id!r}"
    try:
        kind = RuleKind(str(raw.get("kind")))
    except ValueError:
        options = ", ".join(k.value for k in RuleKind)
        raise ModerationError(
            f"{where}: unknown kind {raw.get('kind')!r}; choose from {options}"
        ) from None
    allowed = COMMON_KEYS | KIND_KEYS.get(kind, set())
    if unknown := set(raw) - allowed:
        raise ModerationError(
            f"{where}: unknown key(s) {', '.join(sorted(map(str, unknown)))} "
            f"for kind {kind} (allowed: {', '.join(sorted(allowed))})"
        )
    label = raw.get("label")
    if not isinstance(label, str) or label not in policy.labels:
        raise ModerationError(
            f"{where}.label: {label!r} is not a label of policy "
            f"{policy.name!r} ({', '.join(sorted(policy.labels))})"
        )
    if SubjectType.POST not in policy.labels[label].subjects:
        raise ModerationError(f"{where}.label: {label!r} does not apply to posts")
    rule_policy = raw.get("policy")
    if not isinstance(rule_policy, str) or not rule_policy.strip():
        raise ModerationError(f"{where}.policy: name the policy a match breaks")
    mode = raw.get("mode", "label")
    if mode not in MODES:
        raise ModerationError(f"{where}.mode: expected 'label' or 'review', got {mode!r}")
    enabled = raw.get("enabled", True)
    if not isinstance(enabled, bool):
        raise ModerationError(f"{where}.enabled: expected true or false")
    pattern: re.Pattern[str] | None = None
    domains: set[str] = set()
    pages: list[str] = []
    if kind is RuleKind.KEYWORD:
        pattern = keyword_pattern(_strings(raw.get("terms"), f"{where}.terms"))
    elif kind is RuleKind.REGEX:
        pattern = _regex(raw, where)
    elif kind is RuleKind.DOMAIN_LIST:
        for entry in _strings(raw.get("domains"), f"{where}.domains"):
            try:
                block = normalise_block(entry)
            except ModerationError as exc:
                raise ModerationError(f"{where}.domains: {exc}") from None
            if "/" in block:
                pages.append(block)
            else:
                domains.add(block)
    return DetectionRule(
        rule_id, kind, label, rule_policy, pattern, frozenset(domains), tuple(pages), enabled, mode
    )


def parse_detection_rules(data: Any, policy: Policy) -> tuple[DetectionRule, ...]:
    """Validated rules from a parsed document; ModerationError names the rule and field."""
    if not isinstance(data, Mapping):
        raise ModerationError("detection rules: expected a mapping with a 'rules' list")
    if unknown := set(data) - {"version", "description", "rules"}:
        raise ModerationError(
            f"detection rules: unknown key(s) {', '.join(sorted(unknown))} "
            f"(allowed: version, description, rules)"
        )
    raw_rules = data.get("rules")
    if isinstance(raw_rules, str) or not isinstance(raw_rules, Sequence):
        raise ModerationError("detection rules: 'rules' must be a list")
    seen: set[str] = set()
    return tuple(_rule(i, raw, policy, seen) for i, raw in enumerate(raw_rules))


def _phone_in(run: str) -> str | None:
    """The phone number a digit run is (dropping trailing groups that don't fit), or None."""
    ends = [m.end() for m in islice(re.finditer(r"\d+", run), MAX_GROUPS)]
    for end in reversed(ends):
        candidate = run[:end]
        if is_phone_number(candidate):
            return candidate
    return None


def is_phone_number(candidate: str) -> bool:
    """Whether a digit run reads as a phone number rather than a date, amount or id.

    International (+CC or 00CC), North American (3-3-4), or national with a trunk
    prefix 0 (grouped, or 10-11 digits in one block); 9 to 15 digits in all.
    """
    digits = re.sub(r"\D", "", candidate)
    if not 9 <= len(digits) <= 15:
        return False
    if candidate.startswith("+"):
        return digits[0] != "0"
    if DATE.search(candidate):
        return False
    groups = re.findall(r"\d+", candidate)
    if digits.startswith("00"):
        return digits[2] != "0" and len(digits) >= 11
    if len(groups) == 1:
        return digits[0] == "0" and len(digits) in (10, 11)
    if NANP.fullmatch(candidate):
        return True
    return digits[0] == "0" and all(len(g) >= 2 for g in groups[1:])


def _first_phone(text: str) -> str | None:
    for match in PHONE_RUN.finditer(text):
        end = match.end()
        if end < len(text) and text[end].isalpha():
            continue  # glued to a word: an id or a code, not a number someone dials
        if found := _phone_in(match.group()):
            return found
    return None


def urls_in(text: str) -> list[str]:
    """URLs and bare domains written in a text, trailing punctuation removed."""
    return [m.group().rstrip(".,;:!?)]}'\"") for m in URL_IN_TEXT.finditer(text)]


def _listed_url(rule: DetectionRule, candidates: Sequence[str]) -> str | None:
    for url in candidates:
        host = url_host(url)
        if host is None:
            continue
        labels = host.split(".")
        if any(".".join(labels[i:]) in rule.domains for i in range(len(labels))):
            return url
        if any(url_matches_block(url, page) for page in rule.pages):
            return url
    return None


def detect(rules: Sequence[DetectionRule], text: str, urls: Sequence[str] = ()) -> list[Detection]:
    """One Detection per enabled rule that matches, with the first match as evidence.

    `urls` are the post's links; URLs and domains written in the text are checked too.
    """
    found: list[Detection] = []
    candidates: list[str] | None = None
    for rule in rules:
        if not rule.enabled:
            continue
        evidence: str | None = None
        if rule.pattern is not None:
            match = rule.pattern.search(text)
            evidence = match.group() if match else None
        elif rule.kind is RuleKind.EMAIL:
            match = EMAIL.search(text)
            evidence = match.group() if match else None
        elif rule.kind is RuleKind.PHONE:
            evidence = _first_phone(text)
        elif rule.kind is RuleKind.DOMAIN_LIST:
            if candidates is None:
                candidates = list(dict.fromkeys([*urls, *urls_in(text)]))
            evidence = _listed_url(rule, candidates)
        if evidence is not None:
            found.append(Detection(rule.id, rule.label, rule.policy, evidence, rule.mode))
    return found

"""Routing rules: ordered data that sends each report to a named queue.

A rule matches a report when every criterion it states holds (a criterion left out matches
anything); the first matching rule, in order, names the queue and the report's priority.
Nothing matching: the default queue. On escalation the report is routed again as an
escalated one, skipping rules that point back at the queue it is in.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from townsquare.moderation.model import ModerationError, SubjectType
from townsquare.moderation.reports import ReporterTrust, ReportReason

DEFAULT_QUEUE = "default"
QUEUE_NAME = re.compile(r"^[a-z0-9][a-z0-9_.-]{0,63}$")
MAX_KEYWORDS = 50
MAX_KEYWORD = 100
MAX_PRIORITY = 100
MATCH_KEYS = frozenset(
    {"policies", "reasons", "subject_types", "reporter_trust", "high_profile", "keywords",
     "escalated"}
)
RULE_KEYS = frozenset({"queue", "priority", "name", "match"})


def check_queue_name(name: str) -> str:
    if not isinstance(name, str) or not QUEUE_NAME.match(name):
        raise ModerationError(
            f"queue name {name!r}: 1-64 lowercase letters, digits, '_', '.' or '-', "
            "starting with a letter or digit"
        )
    return name


@dataclass(frozen=True)
class ReportFacts:
    """What routing may look at (``text``: the report's text and the reported post's)."""

    policy: str
    reason: str
    subject_type: str
    reporter_trust: str
    high_profile: bool
    text: str = ""
    escalated: bool = False


@dataclass(frozen=True)
class RoutingRule:
    queue: str
    priority: int = 0
    name: str = ""
    policies: frozenset[str] | None = None
    reasons: frozenset[str] | None = None
    subject_types: frozenset[str] | None = None
    reporter_trust: frozenset[str] | None = None
    high_profile: bool | None = None
    keywords: tuple[str, ...] | None = None  # casefolded; any one of them in the text
    escalated: bool | None = None

    def matches(self, facts: ReportFacts) -> bool:
        sets = ((self.policies, facts.policy), (self.reasons, facts.reason),
                (self.subject_types, facts.subject_type),
                (self.reporter_trust, facts.reporter_trust))
        if any(allowed is not None and value not in allowed for allowed, value in sets):
            return False
        if self.high_profile is not None and self.high_profile != facts.high_profile:
            return False
        if self.escalated is not None and self.escalated != facts.escalated:
            return False
        if self.keywords is not None:
            text = facts.text.casefold()
            return any(k in text for k in self.keywords)
        return True

    def to_dict(self) -> dict[str, Any]:
        match: dict[str, Any] = {}
        for key in ("policies", "reasons", "subject_types", "reporter_trust"):
            value = getattr(self, key)
            if value is not None:
                match[key] = sorted(value)
        if self.keywords is not None:
            match["keywords"] = list(self.keywords)
        for key in ("high_profile", "escalated"):
            if getattr(self, key) is not None:
                match[key] = getattr(self, key)
        return {"queue": self.queue, "priority": self.priority, "name": self.name,
                "match": match}


@dataclass(frozen=True)
class Routed:
    queue: str
    priority: int
    rule: int | None  # the index of the matching rule; None: the default queue


def route(rules: Sequence[RoutingRule], facts: ReportFacts, default: str = DEFAULT_QUEUE,
          avoid: str | None = None) -> Routed | None:
    """The queue for ``facts``: the first matching rule's, else ``default``. With ``avoid``
    (escalating out of that queue) rules naming it are skipped and there is no default:
    None when no rule sends the report anywhere else."""
    for index, rule in enumerate(rules):
        if rule.queue != avoid and rule.matches(facts):
            return Routed(rule.queue, rule.priority, index)
    if avoid is not None:
        return None
    return Routed(default, 0, None)


def _names(raw: Any, where: str, allowed: frozenset[str] | None = None) -> frozenset[str]:
    if not isinstance(raw, list) or not raw or not all(isinstance(v, str) and v for v in raw):
        raise ModerationError(f"{where}: expected a non-empty list of names")
    if allowed is not None:
        bad = sorted(set(raw) - allowed)
        if bad:
            raise ModerationError(
                f"{where}: unknown {', '.join(map(repr, bad))}; choose from "
                f"{', '.join(sorted(allowed))}"
            )
    return frozenset(raw)


def _flag(raw: Any, where: str) -> bool:
    if not isinstance(raw, bool):
        raise ModerationError(f"{where}: expected true or false")
    return raw


def _keywords(raw: Any, where: str) -> tuple[str, ...]:
    if not isinstance(raw, list) or not raw or len(raw) > MAX_KEYWORDS:
        raise ModerationError(f"{where}: expected a list of 1 to {MAX_KEYWORDS} keywords")
    words = []
    for word in raw:
        if not isinstance(word, str) or not word.strip() or len(word) > MAX_KEYWORD:
            raise ModerationError(f"{where}: each keyword is 1 to {MAX_KEYWORD} characters")
        words.append(word.strip().casefold())
    return tuple(dict.fromkeys(words))


def parse_rule(data: Any, where: str = "rule") -> RoutingRule:
    """A rule from its JSON form ``{"queue", "priority"?, "name"?, "match"?: {...}}``;
    ModerationError naming the bad field."""
    if not isinstance(data, Mapping):
        raise ModerationError(f"{where}: expected an object")
    unknown = sorted(set(data) - RULE_KEYS)
    if unknown:
        raise ModerationError(f"{where}: unknown field(s) {', '.join(unknown)}")
    if "queue" not in data:
        raise ModerationError(f"{where}: name the queue")
    try:
        queue = check_queue_name(data["queue"])
    except ModerationError as exc:
        raise ModerationError(f"{where}: {exc}") from None
    priority = data.get("priority", 0)
    if isinstance(priority, bool) or not isinstance(priority, int) or not (
        -MAX_PRIORITY <= priority <= MAX_PRIORITY
    ):
        raise ModerationError(f"{where}.priority: an integer from -100 to 100")
    name = data.get("name", "")
    if not isinstance(name, str) or len(name) > 128:
        raise ModerationError(f"{where}.name: at most 128 characters")
    match = data.get("match", {})
    if not isinstance(match, Mapping):
        raise ModerationError(f"{where}.match: expected an object")
    unknown = sorted(set(match) - MATCH_KEYS)
    if unknown:
        raise ModerationError(
            f"{where}.match: unknown criteria {', '.join(unknown)}; "
            f"use {', '.join(sorted(MATCH_KEYS))}"
        )
    at = f"{where}.match"
    return RoutingRule(
        queue=queue, priority=priority, name=name,
        policies=_names(match["policies"], f"{at}.policies") if "policies" in match else None,
        reasons=_names(match["reasons"], f"{at}.reasons", frozenset(ReportReason))
        if "reasons" in match else None,
        subject_types=_names(match["subject_types"], f"{at}.subject_types",
                             frozenset(SubjectType)) if "subject_types" in match else None,
        reporter_trust=_names(match["reporter_trust"], f"{at}.reporter_trust",
                              frozenset(ReporterTrust)) if "reporter_trust" in match else None,
        high_profile=_flag(match["high_profile"], f"{at}.high_profile")
        if "high_profile" in match else None,
        keywords=_keywords(match["keywords"], f"{at}.keywords") if "keywords" in match else None,
        escalated=_flag(match["escalated"], f"{at}.escalated") if "escalated" in match else None,
    )


def parse_rules(data: Any) -> tuple[RoutingRule, ...]:
    """An ordered list of rules; the first bad one is named by its position (from 1)."""
    if not isinstance(data, list):
        raise ModerationError("routing rules: expected a list of rules")
    return tuple(parse_rule(item, f"rule {i}") for i, item in enumerate(data, start=1))

"""Policies as data: labels x viewer relation x surface -> actions, validated with clear errors.

A policy document is a mapping (parsed from YAML or TOML at the edge):

    version: 3
    name: default
    viewer_flags: [sensitive_media_opt_in]
    labels:
      spam:
        subjects: [post]
        appealable: true
        description: Posts that mislead people to drive engagement.
        rules:
          - id: spam.discovery
            surfaces: [search_top, search_latest, trends]
            relations: [follower, other, logged_out]   # default: all four
            unless_viewer: []                          # viewer flags that exempt
            actions: [drop]
    reinstatement: {eligible: true, waiting_days: 90}  # every policy, unless listed below
    policies:                                          # the policies labels and actions name
      child_safety:
        reinstatement: {eligible: false, reason: Child sexual exploitation is never tolerated}
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from townsquare.moderation.model import Action, ModerationError, Relation, SubjectType, Surface

MAX_LABELS = 64  # label sets are 64-bit masks on the hot path
MAX_FLAGS = 3
MAX_WAITING_DAYS = 3653  # ten years
MAX_REASON = 2_000


@dataclass(frozen=True)
class Rule:
    id: str
    label: str
    surfaces: frozenset[Surface]
    relations: frozenset[Relation]
    actions: frozenset[Action]
    unless_viewer: frozenset[str]


@dataclass(frozen=True)
class LabelDef:
    name: str
    subjects: frozenset[SubjectType]
    appealable: bool
    description: str


@dataclass(frozen=True)
class ReinstatementTerms:
    """Whether accounts suspended under a policy may ask to return, and after how long."""

    eligible: bool = True
    waiting_days: int = 90
    reason: str = ""  # shown when a request is refused as never eligible


@dataclass(frozen=True)
class Policy:
    version: int
    name: str
    viewer_flags: tuple[str, ...]
    labels: dict[str, LabelDef]
    rules: tuple[Rule, ...]
    reinstatement: ReinstatementTerms = ReinstatementTerms()
    # Per enforcement policy (the ``policy`` named by labels and actions); others: the above.
    policy_terms: dict[str, ReinstatementTerms] = field(default_factory=dict)

    def reinstatement_terms(self, policy: str) -> ReinstatementTerms:
        return self.policy_terms.get(policy, self.reinstatement)

    def label(self, name: str) -> LabelDef:
        try:
            return self.labels[name]
        except KeyError:
            raise ModerationError(
                f"unknown label {name!r}; the policy defines {', '.join(sorted(self.labels))}"
            ) from None


def _list(value: Any, where: str) -> list[Any]:
    if isinstance(value, str):
        return [value]
    if not isinstance(value, Sequence):
        raise ModerationError(f"{where}: expected a list, got {type(value).__name__}")
    return list(value)


def _enum_set(kind: type[Surface] | type[Relation], raw: Any, where: str) -> frozenset[Any]:
    if raw == "all":
        return frozenset(kind)
    out = set()
    for item in _list(raw, where):
        try:
            out.add(kind(item))
        except ValueError:
            options = ", ".join(k.value for k in kind)
            raise ModerationError(
                f"{where}: unknown {kind.__name__.lower()} {item!r} "
                f"(choose from {options}, or 'all')"
            ) from None
    if not out:
        raise ModerationError(f"{where}: must not be empty")
    return frozenset(out)


def _check_keys(data: Mapping[str, Any], allowed: set[str], where: str) -> None:
    unknown = set(data) - allowed
    if unknown:
        raise ModerationError(
            f"{where}: unknown key(s) {', '.join(sorted(unknown))} "
            f"(allowed: {', '.join(sorted(allowed))})"
        )


def _rule(label: str, index: int, raw: Any, flags: tuple[str, ...]) -> Rule:
    where = f"labels.{label}.rules[{index}]"
    if not isinstance(raw, Mapping):
        raise ModerationError(f"{where}: expected a mapping")
    _check_keys(raw, {"id", "surfaces", "relations", "actions", "unless_viewer"}, where)
    for key in ("surfaces", "actions"):
        if key not in raw:
            raise ModerationError(f"{where}: missing '{key}'")
    actions = set()
    for name in _list(raw["actions"], f"{where}.actions"):
        if name == "allow":
            raise ModerationError(f"{where}.actions: 'allow' is implied; list only restrictions")
        try:
            actions.add(Action.parse(str(name)))
        except ModerationError as exc:
            raise ModerationError(f"{where}.actions: {exc}") from None
    if not actions:
        raise ModerationError(f"{where}.actions: must not be empty")
    unless = frozenset(
        str(f) for f in _list(raw.get("unless_viewer", []), f"{where}.unless_viewer")
    )
    if unknown := unless - set(flags):
        raise ModerationError(
            f"{where}.unless_viewer: unknown viewer flag(s) {sorted(unknown)}; "
            f"declare them in viewer_flags"
        )
    return Rule(
        id=str(raw.get("id") or f"{label}.{index}"),
        label=label,
        surfaces=_enum_set(Surface, raw["surfaces"], f"{where}.surfaces"),
        relations=_enum_set(Relation, raw.get("relations", "all"), f"{where}.relations"),
        actions=frozenset(actions),
        unless_viewer=unless,
    )


def parse_policy(data: Any) -> Policy:
    """A validated Policy from a parsed document; ModerationError names the bad field."""
    if not isinstance(data, Mapping):
        raise ModerationError("policy: expected a mapping at the top level")
    _check_keys(data, {"version", "name", "description", "viewer_flags", "labels",
                       "reinstatement", "policies"}, "policy")
    version = data.get("version")
    if not isinstance(version, int) or isinstance(version, bool) or version < 1:
        raise ModerationError("policy.version: expected a positive integer")
    flags = tuple(str(f) for f in _list(data.get("viewer_flags", []), "policy.viewer_flags"))
    if len(flags) > MAX_FLAGS:
        raise ModerationError(f"policy.viewer_flags: at most {MAX_FLAGS} flags")
    raw_labels = data.get("labels")
    if not isinstance(raw_labels, Mapping) or not raw_labels:
        raise ModerationError("policy.labels: expected a non-empty mapping of label names")
    if len(raw_labels) > MAX_LABELS:
        raise ModerationError(f"policy.labels: at most {MAX_LABELS} labels")
    labels: dict[str, LabelDef] = {}
    rules: list[Rule] = []
    seen_ids: set[str] = set()
    for name, raw in raw_labels.items():
        where = f"labels.{name}"
        if not isinstance(name, str) or not name.replace("_", "").isalnum() or not name.islower():
            raise ModerationError(f"{where}: label names are lowercase letters, digits and '_'")
        if not isinstance(raw, Mapping):
            raise ModerationError(f"{where}: expected a mapping")
        _check_keys(raw, {"subjects", "appealable", "description", "rules"}, where)
        subjects = set()
        for s in _list(raw.get("subjects", ["post", "account"]), f"{where}.subjects"):
            try:
                subjects.add(SubjectType(s))
            except ValueError:
                raise ModerationError(
                    f"{where}.subjects: {s!r} is not 'post' or 'account'"
                ) from None
        labels[name] = LabelDef(
            name,
            frozenset(subjects),
            bool(raw.get("appealable", True)),
            str(raw.get("description", "")),
        )
        for i, rule_raw in enumerate(_list(raw.get("rules", []), f"{where}.rules")):
            rule = _rule(name, i, rule_raw, flags)
            if rule.id in seen_ids:
                raise ModerationError(f"{where}.rules[{i}].id: duplicate rule id {rule.id!r}")
            seen_ids.add(rule.id)
            rules.append(rule)
    default = _terms(data.get("reinstatement", {}), "policy.reinstatement", ReinstatementTerms())
    return Policy(version, str(data.get("name", "unnamed")), flags, labels, tuple(rules),
                  default, _policy_terms(data.get("policies", {}), default))


def _terms(raw: Any, where: str, default: ReinstatementTerms) -> ReinstatementTerms:
    """``{eligible, waiting_days, reason}``; missing keys take ``default``'s values."""
    if not isinstance(raw, Mapping):
        raise ModerationError(f"{where}: expected a mapping with eligible and waiting_days")
    _check_keys(raw, {"eligible", "waiting_days", "reason"}, where)
    eligible = raw.get("eligible", default.eligible)
    if not isinstance(eligible, bool):
        raise ModerationError(f"{where}.eligible: expected true or false, got {eligible!r}")
    days = raw.get("waiting_days", default.waiting_days)
    if isinstance(days, bool) or not isinstance(days, int) or not 0 <= days <= MAX_WAITING_DAYS:
        raise ModerationError(
            f"{where}.waiting_days: expected whole days from 0 to {MAX_WAITING_DAYS}, "
            f"got {days!r}"
        )
    reason = raw.get("reason", "")
    if not isinstance(reason, str) or len(reason) > MAX_REASON:
        raise ModerationError(f"{where}.reason: expected text of at most {MAX_REASON} characters")
    return ReinstatementTerms(eligible, days, reason.strip())


def _policy_terms(raw: Any, default: ReinstatementTerms) -> dict[str, ReinstatementTerms]:
    if not isinstance(raw, Mapping):
        raise ModerationError("policy.policies: expected a mapping of policy names")
    terms: dict[str, ReinstatementTerms] = {}
    for name, entry in raw.items():
        where = f"policies.{name}"
        if not isinstance(name, str) or not name.replace("_", "").isalnum() or not name.islower():
            raise ModerationError(f"{where}: policy names are lowercase letters, digits and '_'")
        if not isinstance(entry, Mapping):
            raise ModerationError(f"{where}: expected a mapping")
        _check_keys(entry, {"description", "reinstatement"}, where)
        terms[name] = _terms(entry.get("reinstatement", {}), f"{where}.reinstatement", default)
    return terms

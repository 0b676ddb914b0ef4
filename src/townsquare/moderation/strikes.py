"""Strikes per policy with decay, and the ladder that turns a strike count into a consequence.

A ladder document is a mapping (parsed from YAML or TOML at the edge):

    decay_days: 90                     # a strike stops counting this long after it was given
    counting: per_policy               # or `total`: strikes of every policy add up
    strike_actions: [label, limit_reach, remove_post, read_only, suspend, permanent_suspension]
    steps:
      - {at: 1, consequence: none}
      - {at: 2, consequence: read_only, hours: 12}
      - {at: 4, consequence: read_only, hours: 168}
      - {at: 5, consequence: permanent_suspension}
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from enum import StrEnum
from itertools import pairwise
from typing import Any

from townsquare.moderation.enforcement import (
    DEFAULT_STRIKE_KINDS,
    MAX_DURATION,
    ActionKind,
    EnforcementRequest,
    span_words,
)
from townsquare.moderation.model import ModerationError, SubjectType


class ConsequenceKind(StrEnum):
    NONE = "none"
    READ_ONLY = "read_only"
    SUSPEND = "suspend"
    PERMANENT_SUSPENSION = "permanent_suspension"


_TIMED = {ConsequenceKind.READ_ONLY, ConsequenceKind.SUSPEND}
_SEVERITY = {k: i for i, k in enumerate(ConsequenceKind)}


@dataclass(frozen=True)
class Strike:
    id: int
    account_id: str
    policy: str
    action_id: int
    created_at: datetime
    reversed_at: datetime | None = None


@dataclass(frozen=True)
class Consequence:
    kind: ConsequenceKind
    duration: timedelta | None = None

    def severity(self) -> tuple[int, timedelta]:
        return _SEVERITY[self.kind], self.duration or timedelta(0)

    def describe(self) -> str:
        """Plain words: 'no further action', 'a 12-hour read-only lock', ..."""
        if self.kind is ConsequenceKind.NONE:
            return "no further action"
        if self.kind is ConsequenceKind.PERMANENT_SUSPENSION:
            return "permanent suspension"
        what = "read-only lock" if self.kind is ConsequenceKind.READ_ONLY else "suspension"
        return f"a {span_words(self.duration or timedelta(0), hyphen=True)} {what}"

    def as_dict(self) -> dict[str, Any]:
        hours = _number(self.duration / timedelta(hours=1)) if self.duration else None
        return {"kind": self.kind.value, "hours": hours, "description": self.describe()}


def _number(value: float) -> int | float:
    return int(value) if value.is_integer() else value


NO_CONSEQUENCE = Consequence(ConsequenceKind.NONE)


@dataclass(frozen=True)
class LadderStep:
    at: int
    consequence: Consequence


@dataclass(frozen=True)
class StrikeLadder:
    decay: timedelta
    steps: tuple[LadderStep, ...]
    per_policy: bool = True
    strike_kinds: frozenset[ActionKind] = DEFAULT_STRIKE_KINDS


def _positive_number(value: Any, where: str) -> float:
    if isinstance(value, bool) or not isinstance(value, int | float) or value <= 0:
        raise ModerationError(f"{where}: expected a positive number, got {value!r}")
    return float(value)


def _step(index: int, raw: Any) -> LadderStep:
    where = f"strikes.steps[{index}]"
    if not isinstance(raw, Mapping):
        raise ModerationError(f"{where}: expected a mapping with 'at' and 'consequence'")
    if unknown := set(raw) - {"at", "consequence", "hours", "days"}:
        raise ModerationError(
            f"{where}: unknown key(s) {', '.join(sorted(unknown))} "
            f"(allowed: at, consequence, hours, days)"
        )
    at = raw.get("at")
    if isinstance(at, bool) or not isinstance(at, int) or at < 1:
        raise ModerationError(f"{where}.at: expected a strike count of 1 or more, got {at!r}")
    try:
        kind = ConsequenceKind(str(raw.get("consequence")))
    except ValueError:
        options = ", ".join(k.value for k in ConsequenceKind)
        raise ModerationError(
            f"{where}.consequence: expected one of {options}, got {raw.get('consequence')!r}"
        ) from None
    spans = [k for k in ("hours", "days") if k in raw]
    if kind in _TIMED and len(spans) != 1:
        raise ModerationError(f"{where}: {kind} needs a duration: 'hours' or 'days'")
    if kind not in _TIMED and spans:
        raise ModerationError(f"{where}: {kind} takes no duration")
    duration = None
    if spans:
        duration = timedelta(**{spans[0]: _positive_number(raw[spans[0]], f"{where}.{spans[0]}")})
        if duration > MAX_DURATION:
            raise ModerationError(f"{where}: duration must be at most 10 years")
    return LadderStep(at, Consequence(kind, duration))


def parse_ladder(data: Any) -> StrikeLadder:
    """A validated StrikeLadder from a parsed mapping; ModerationError names the bad field."""
    if not isinstance(data, Mapping):
        raise ModerationError("strikes: expected a mapping with 'decay_days' and 'steps'")
    allowed = {"decay_days", "counting", "strike_actions", "steps"}
    if unknown := set(data) - allowed:
        raise ModerationError(
            f"strikes: unknown key(s) {', '.join(sorted(unknown))} "
            f"(allowed: {', '.join(sorted(allowed))})"
        )
    decay = timedelta(days=_positive_number(data.get("decay_days"), "strikes.decay_days"))
    counting = data.get("counting", "per_policy")
    if counting not in ("per_policy", "total"):
        raise ModerationError(
            f"strikes.counting: expected 'per_policy' or 'total', got {counting!r}"
        )
    raw_steps = data.get("steps")
    if not isinstance(raw_steps, Sequence) or isinstance(raw_steps, str) or not raw_steps:
        raise ModerationError("strikes.steps: expected a non-empty list of steps")
    steps = tuple(_step(i, raw) for i, raw in enumerate(raw_steps))
    for i, (before, after) in enumerate(pairwise(steps), start=1):
        if after.at <= before.at:
            raise ModerationError(
                f"strikes.steps[{i}].at: counts must increase ({after.at} follows {before.at})"
            )
        if after.consequence.severity() < before.consequence.severity():
            raise ModerationError(
                f"strikes.steps[{i}]: {after.consequence.describe()} at "
                f"{after.at} strikes is milder than "
                f"{before.consequence.describe()} at {before.at}"
            )
    kinds = data.get("strike_actions")
    strike_kinds = DEFAULT_STRIKE_KINDS
    if kinds is not None:
        if isinstance(kinds, str) or not isinstance(kinds, Sequence):
            raise ModerationError("strikes.strike_actions: expected a list of action kinds")
        try:
            strike_kinds = frozenset(ActionKind.parse(str(k)) for k in kinds)
        except ModerationError as exc:
            raise ModerationError(f"strikes.strike_actions: {exc}") from None
    return StrikeLadder(decay, steps, counting == "per_policy", strike_kinds)


DEFAULT_LADDER = parse_ladder(
    {
        "decay_days": 90,
        "steps": [
            {"at": 1, "consequence": "none"},
            {"at": 2, "consequence": "read_only", "hours": 12},
            {"at": 4, "consequence": "read_only", "hours": 168},
            {"at": 5, "consequence": "permanent_suspension"},
        ],
    }
)


def active_strikes(strikes: Sequence[Strike], now: datetime, decay: timedelta) -> list[Strike]:
    """Strikes that count at `now`: given by then, not yet decayed, never reversed."""
    return [
        s for s in strikes if s.reversed_at is None and s.created_at <= now < s.created_at + decay
    ]


def consequence(count: int, ladder: StrikeLadder) -> Consequence:
    """The consequence of reaching `count` active strikes: the last step at or below it."""
    result = NO_CONSEQUENCE
    for step in ladder.steps:
        if step.at <= count:
            result = step.consequence
    return result


def strike_count(active: Sequence[Strike], policy: str, ladder: StrikeLadder) -> int:
    """How many active strikes the ladder counts for a strike under `policy`."""
    return sum(1 for s in active if not ladder.per_policy or s.policy == policy)


def consequence_request(
    result: Consequence, account_id: str, policy: str, note: str = ""
) -> EnforcementRequest | None:
    """The escalation to enforce for a consequence (never itself a strike); None for none."""
    kinds = {
        ConsequenceKind.READ_ONLY: ActionKind.READ_ONLY,
        ConsequenceKind.SUSPEND: ActionKind.SUSPEND,
        ConsequenceKind.PERMANENT_SUSPENSION: ActionKind.PERMANENT_SUSPENSION,
    }
    if result.kind is ConsequenceKind.NONE:
        return None
    return EnforcementRequest(
        kinds[result.kind],
        SubjectType.ACCOUNT,
        account_id,
        policy,
        duration=result.duration,
        note=note,
        escalation=True,
    )


def strike_summary(
    strikes: Sequence[Strike], now: datetime, ladder: StrikeLadder
) -> dict[str, Any]:
    """Account-status view of strikes, JSON-ready (datetimes as ISO 8601).

    `next_consequence` is what one more strike would bring under the policy closest to
    the top of the ladder (or overall, when the ladder counts all policies together).
    """
    active = sorted(active_strikes(strikes, now, ladder.decay), key=lambda s: s.created_at)
    per_policy = Counter(s.policy for s in active)
    policies: dict[str, Any] = {}
    for name in sorted(per_policy):
        count = strike_count(active, name, ladder)
        policies[name] = {
            "active": per_policy[name],
            "consequence": consequence(count, ladder).as_dict(),
            "next_consequence": consequence(count + 1, ladder).as_dict(),
        }
    counts = [strike_count(active, p, ladder) for p in per_policy] or [0]
    return {
        "total_active": len(active),
        "counting": "per_policy" if ladder.per_policy else "total",
        "decay_days": _number(ladder.decay / timedelta(days=1)),
        "by_policy": policies,
        "next_consequence": consequence(max(counts) + 1, ladder).as_dict(),
        "active": [
            {
                "id": s.id,
                "policy": s.policy,
                "action_id": s.action_id,
                "created_at": s.created_at.isoformat(),
                "expires_at": (s.created_at + ladder.decay).isoformat(),
            }
            for s in active
        ],
    }

"""The moderation council's rules: proposals, votes, quorum, majority, and when a vote closes.

A proposal is decided by its electorate: the council members on the day it opened (so
adding members cannot swing a vote under way). Quorum counts every vote cast, abstentions
included; the majority is taken over the votes for and against only.

    quorum:   votes cast >= ceil(quorum x electorate), and at least one
    adopted:  quorum met and votes for > majority x (votes for + votes against)
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import datetime
from typing import Any, Literal

from townsquare.moderation.appeals import required_text
from townsquare.moderation.model import ModerationError

Choice = Literal["for", "against", "abstain"]
CHOICES: tuple[Choice, ...] = ("for", "against", "abstain")
Kind = Literal["policy_change", "reinstatement", "escalated_case", "other"]
KINDS: tuple[Kind, ...] = ("policy_change", "reinstatement", "escalated_case", "other")
Outcome = Literal["adopted", "rejected", "no_quorum"]
OPEN = "open"
MAX_REASON = 5_000


@dataclass(frozen=True)
class CouncilRules:
    """Quorum: the share of the electorate that must vote; majority: the share of votes
    for and against that must be for (strictly more than)."""

    quorum: float = 0.5
    majority: float = 0.5

    def __post_init__(self) -> None:
        if not 0 < self.quorum <= 1:
            raise ModerationError(f"council quorum: expected a share in (0, 1], got {self.quorum}")
        if not 0 <= self.majority < 1:
            raise ModerationError(
                f"council majority: expected a share in [0, 1), got {self.majority}")

    def quorum_size(self, electorate: int) -> int:
        # A small epsilon keeps 0.5 x 4 at 2, not 3, despite float rounding.
        return max(1, math.ceil(self.quorum * electorate - 1e-9))


@dataclass(frozen=True)
class Vote:
    member: str
    choice: Choice
    reason: str
    cast_at: datetime


@dataclass(frozen=True)
class Tally:
    votes_for: int
    against: int
    abstain: int
    electorate: int
    quorum: int
    outcome: Outcome

    @property
    def cast(self) -> int:
        return self.votes_for + self.against + self.abstain

    def as_dict(self) -> dict[str, Any]:
        return {"for": self.votes_for, "against": self.against, "abstain": self.abstain,
                "cast": self.cast, "electorate": self.electorate, "quorum": self.quorum,
                "outcome": self.outcome}


def tally(votes: Iterable[Vote], electorate: Iterable[str], rules: CouncilRules) -> Tally:
    """Count the electorate's votes (others are ignored) and say what they decide."""
    voters = frozenset(electorate)
    counted = [v for v in votes if v.member in voters]
    yes = sum(v.choice == "for" for v in counted)
    no = sum(v.choice == "against" for v in counted)
    abstain = len(counted) - yes - no
    needed = rules.quorum_size(len(voters))
    outcome: Outcome
    if len(counted) < needed:
        outcome = "no_quorum"
    elif yes > rules.majority * (yes + no):
        outcome = "adopted"
    else:
        outcome = "rejected"
    return Tally(yes, no, abstain, len(voters), needed, outcome)


def due_to_close(votes: Iterable[Vote], electorate: Iterable[str], deadline: datetime,
                 now: datetime) -> bool:
    """Voting ends at the deadline, or earlier once every elector has voted."""
    voted = {v.member for v in votes}
    return now >= deadline or frozenset(electorate) <= voted


def parse_choice(value: str) -> Choice:
    for choice in CHOICES:
        if value == choice:
            return choice
    raise ModerationError(f"choice: {value!r} is not one of {', '.join(CHOICES)}")


def parse_kind(value: str) -> Kind:
    for kind in KINDS:
        if value == kind:
            return kind
    raise ModerationError(f"kind: {value!r} is not one of {', '.join(KINDS)}")


def reason_text(value: str) -> str:
    """A vote's stated reason: required, at most MAX_REASON characters."""
    if not (value.strip() if isinstance(value, str) else ""):
        raise ModerationError("reason: every vote states its reason")
    return required_text(value, "reason", MAX_REASON)


def decision_text(result: Tally, reasons: Mapping[str, tuple[Choice, str]]) -> str:
    """The published decision: outcome, tally, and each member's vote with its reason."""
    headline = {"adopted": "Adopted", "rejected": "Rejected",
                "no_quorum": "Not decided: quorum not reached"}[result.outcome]
    lines = [
        f"{headline} ({result.votes_for} for, {result.against} against, {result.abstain} "
        f"abstaining; {result.cast} of {result.electorate} members voted, quorum "
        f"{result.quorum})."
    ]
    lines += [f"- {member} ({choice}): {why}"
              for member, (choice, why) in sorted(reasons.items())]
    return "\n".join(lines)

"""Plain data of moderation: surfaces, viewer relations, actions, labels, verdicts."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from enum import IntEnum, StrEnum


class ModerationError(ValueError):
    """Bad moderation input (unknown surface, label, policy...), with an actionable message."""


class Surface(StrEnum):
    HOME_TIMELINE = "home_timeline"
    HOME_OUT_OF_NETWORK = "home_out_of_network"
    SEARCH_TOP = "search_top"
    SEARCH_LATEST = "search_latest"
    PEOPLE_SEARCH = "people_search"
    TRENDS = "trends"
    NOTIFICATIONS = "notifications"
    RECOMMENDATIONS = "recommendations"
    PROFILE = "profile"
    CONVERSATION = "conversation"
    DIRECT_MESSAGES = "direct_messages"
    ADS_ADJACENCY = "ads_adjacency"


class Relation(StrEnum):
    """How the viewer stands to the author of what is shown."""

    AUTHOR = "author"
    FOLLOWER = "follower"
    OTHER = "other"
    LOGGED_OUT = "logged_out"


class SubjectType(StrEnum):
    POST = "post"
    ACCOUNT = "account"


class LabelSource(StrEnum):
    HUMAN = "human"
    RULE = "rule"
    CLASSIFIER = "classifier"


class Action(IntEnum):
    """Verdict actions; the value is the bit in an action mask, higher is stronger."""

    AVOID_ADS = 0
    LIMITED_ENGAGEMENT = 1
    DOWNRANK = 2
    LABEL = 3
    INTERSTITIAL = 4
    TOMBSTONE = 5
    DROP = 6

    @property
    def wire(self) -> str:
        return self.name.lower()

    @classmethod
    def parse(cls, name: str) -> Action:
        try:
            return cls[name.upper()]
        except KeyError:
            options = ", ".join(a.wire for a in cls)
            raise ModerationError(f"unknown action {name!r}; choose from {options}") from None


ALLOW = "allow"


def mask_actions(mask: int) -> list[str]:
    """Wire names of a mask's actions, strongest first; drop and tombstone stand alone."""
    if mask == 0:
        return [ALLOW]
    for exclusive in (Action.DROP, Action.TOMBSTONE):
        if mask & (1 << exclusive):
            return [exclusive.wire]
    return [a.wire for a in sorted(Action, reverse=True) if mask & (1 << a)]


@dataclass(frozen=True, slots=True)
class SafetyLabel:
    id: int
    subject_type: SubjectType
    subject_id: str
    label: str
    policy: str
    source: LabelSource
    created_at: datetime
    expires_at: datetime | None = None
    note: str = ""

    def active(self, now: datetime) -> bool:
        return self.expires_at is None or now < self.expires_at


# Built per item on the hot path: plain slotted dataclasses cost a quarter of frozen ones.
@dataclass(slots=True)
class Reason:
    label: str
    subject_type: str
    subject_id: str
    policy: str
    rule: str
    source: str


@dataclass(slots=True)
class Verdict:
    item_id: str
    action: str
    actions: tuple[str, ...]
    reasons: tuple[Reason, ...]

"""External requests (takedowns and data requests from governments, campaigns, police,
courts, rights holders...): what a valid request and decision look like, when a request
is political, and the counts a transparency report publishes."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from townsquare.moderation.enforcement import ActionKind, EnforcementRequest
from townsquare.moderation.model import ModerationError, SubjectType

REQUESTER_TYPES = ("government", "political_campaign", "law_enforcement", "court",
                   "rights_holder", "other")
KINDS = ("takedown", "data")
DECISIONS = ("comply", "partial", "reject")
# What a takedown may ask for; permanent suspensions and blocks go through /actions.
TAKEDOWN_ACTIONS = ("remove_post", "limit_reach", "read_only", "suspend")
DATA_EXPORT = "export"
DATA_SECTIONS = ("posts", "labels", "actions", "notices")
ENTITY_KINDS = ("party", "candidate")
PERIODS = ("month", "quarter", "year")
LEGAL_POLICY = "legal_request"  # the policy a complied takedown is filed under by default
MAX_TEXT = 5_000
CLOCK_SKEW = timedelta(minutes=5)
_COUNTRY = re.compile(r"[A-Za-z]{2}")


@dataclass(frozen=True)
class RequestFields:
    """A registration, validated."""

    kind: str
    requester_name: str
    requester_type: str
    country: str
    legal_basis: str
    subject_type: str
    subject_id: str
    requested_action: str
    details: str
    received_at: datetime


def _text(value: str, field: str, limit: int = MAX_TEXT, required: bool = True) -> str:
    value = value.strip()
    if required and not value:
        raise ModerationError(f"{field}: must not be empty")
    if len(value) > limit:
        raise ModerationError(f"{field}: at most {limit} characters")
    return value


def _choice(value: str, field: str, options: tuple[str, ...]) -> str:
    if value not in options:
        raise ModerationError(f"{field}: {value!r} is not one of {', '.join(options)}")
    return value


def check_request(
    *, kind: str, requester_name: str, requester_type: str, country: str, legal_basis: str,
    subject_type: str, subject_id: str, requested_action: str | None, received_at: datetime,
    now: datetime, details: str = "",
) -> RequestFields:
    """The registration, or ModerationError naming the first bad field."""
    _choice(kind, "kind", KINDS)
    _choice(requester_type, "requester_type", REQUESTER_TYPES)
    if not _COUNTRY.fullmatch(country.strip()):
        raise ModerationError("country: a two-letter ISO 3166 code, e.g. FR")
    _choice(subject_type, "subject_type", ("post", "account"))
    if received_at.tzinfo is None or received_at.utcoffset() is None:
        raise ModerationError("received_at: give a timezone (e.g. 2026-11-20T09:00:00Z)")
    if received_at > now + CLOCK_SKEW:
        raise ModerationError("received_at: is in the future")
    if kind == "data":
        if requested_action not in (None, DATA_EXPORT):
            raise ModerationError(f"requested_action: a data request asks for {DATA_EXPORT!r}")
        action = DATA_EXPORT
    else:
        action = _choice(requested_action or "", "requested_action", TAKEDOWN_ACTIONS)
        takedown_request(action, subject_type, subject_id.strip() or "?", LEGAL_POLICY,
                         3600 if action == "suspend" else None)  # the action fits the subject
    return RequestFields(
        kind, _text(requester_name, "requester_name", 200), requester_type,
        country.strip().upper(), _text(legal_basis, "legal_basis"), subject_type,
        _text(subject_id, "subject_id", 64), action, _text(details, "details", required=False),
        received_at,
    )


def takedown_request(action: str, subject_type: str, subject_id: str, policy: str,
                     duration_seconds: int | None, note: str = "") -> EnforcementRequest:
    """The enforcement action a complied takedown applies (ModerationError if unfit)."""
    _choice(action, "action", TAKEDOWN_ACTIONS)
    if duration_seconds is not None and duration_seconds <= 0:
        raise ModerationError("duration_seconds: expected a positive number")
    subject = SubjectType(_choice(subject_type, "subject_type", ("post", "account")))
    return EnforcementRequest(
        ActionKind(action), subject, subject_id, policy,
        timedelta(seconds=duration_seconds) if duration_seconds else None, note,
    )


@dataclass(frozen=True)
class Decision:
    decision: str
    rationale: str
    action: str | None  # takedowns complied with (fully or partly)
    sections: tuple[str, ...]  # data requests complied with (fully or partly)


def check_decision(kind: str, requested_action: str, decision: str, rationale: str,
                   action: str | None = None, sections: Iterable[str] | None = None
                   ) -> Decision:
    """A decision on a request of ``kind``: full compliance takes what was asked, partial
    compliance names what is done instead, a rejection does nothing."""
    _choice(decision, "decision", DECISIONS)
    rationale = _text(rationale, "rationale")
    chosen = tuple(sections) if sections is not None else None
    if kind == "takedown":
        if chosen is not None:
            raise ModerationError("sections: only for data requests")
        if decision == "reject":
            if action is not None:
                raise ModerationError("action: a rejection takes no action")
            return Decision(decision, rationale, None, ())
        if decision == "comply":
            if action not in (None, requested_action):
                raise ModerationError(
                    f"action: complying applies the requested {requested_action!r}; "
                    f"decide 'partial' to apply something else")
            return Decision(decision, rationale, requested_action, ())
        if action is None or action == requested_action:
            raise ModerationError("action: partial compliance names the (lesser) action taken")
        return Decision(decision, rationale, _choice(action, "action", TAKEDOWN_ACTIONS), ())
    if action is not None:
        raise ModerationError("action: only for takedown requests")
    if decision == "reject":
        if chosen:
            raise ModerationError("sections: a rejection exports nothing")
        return Decision(decision, rationale, None, ())
    if decision == "comply":
        if chosen is not None and set(chosen) != set(DATA_SECTIONS):
            raise ModerationError("sections: complying exports everything; decide 'partial'")
        return Decision(decision, rationale, None, DATA_SECTIONS)
    if not chosen:
        raise ModerationError(f"sections: name what is exported ({', '.join(DATA_SECTIONS)})")
    for name in chosen:
        _choice(name, "sections", DATA_SECTIONS)
    if set(chosen) == set(DATA_SECTIONS):
        raise ModerationError("sections: that is everything; decide 'comply'")
    return Decision(decision, rationale, None, tuple(s for s in DATA_SECTIONS if s in chosen))


def normalised_name(name: str) -> str:
    """Casefolded words: 'Re-elect  JANE Doe!' -> 're elect jane doe'."""
    return " ".join(re.sub(r"[\W_]+", " ", name.casefold()).split())


def political_reason(requester_name: str, requester_type: str,
                     entities: Iterable[tuple[str, str]]) -> str | None:
    """Why a request is political (a campaign, or a listed party or candidate named by the
    requester), or None. ``entities`` are (normalised name, kind) pairs."""
    if requester_type == "political_campaign":
        return "the requester is a political campaign"
    padded = f" {normalised_name(requester_name)} "
    for name, kind in entities:
        if name and f" {name} " in padded:
            return f"the requester names the listed {kind} {name!r}"
    return None


def period_of(when: datetime, period: str) -> str:
    if period == "month":
        return f"{when.year}-{when.month:02d}"
    if period == "quarter":
        return f"{when.year}-Q{(when.month - 1) // 3 + 1}"
    return str(when.year)


@dataclass(frozen=True)
class Counted:
    """What a transparency report needs of one request."""

    requester_type: str
    kind: str
    decision: str | None  # None while undecided
    political: bool
    received_at: datetime


def transparency_counts(requests: Iterable[Counted], period: str) -> dict[str, Any]:
    """Counts by requester type, by decision (``pending`` while undecided), by kind and
    per period of receipt, with each period's split by decision."""
    _choice(period, "period", PERIODS)
    rows = list(requests)
    decided = [r.decision or "pending" for r in rows]
    periods: dict[str, Counter[str]] = {}
    for row, decision in zip(rows, decided, strict=True):
        periods.setdefault(period_of(row.received_at, period), Counter())[decision] += 1
    return {
        "total": len(rows),
        "political": sum(r.political for r in rows),
        "by_requester_type": {t: n for t in REQUESTER_TYPES
                              if (n := sum(r.requester_type == t for r in rows))},
        "by_kind": dict(Counter(r.kind for r in rows)),
        "by_decision": dict(Counter(decided)),
        "by_period": [{"period": key, "received": sum(c.values()), **dict(c)}
                      for key, c in sorted(periods.items())],
    }

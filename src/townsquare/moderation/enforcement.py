"""Enforcement actions as data: a validated request, and the labels and URL block it plans.

A request names what a moderator (or the strike ladder) decided; `plan_enforcement`
turns it into the labels to write, with expiries, and whether it counts as a strike.
"""

from __future__ import annotations

import re
from collections.abc import Collection
from dataclasses import dataclass
from datetime import datetime, timedelta
from enum import StrEnum
from urllib.parse import urlsplit

from townsquare.moderation.model import ModerationError, SubjectType
from townsquare.moderation.policy import Policy

MAX_DURATION = timedelta(days=3653)  # ten years, leap days included
_HOST = re.compile(r"[a-z0-9_-]+(?:\.[a-z0-9_-]+)*")


class ActionKind(StrEnum):
    WARN = "warn"
    LABEL = "label"
    LIMIT_REACH = "limit_reach"
    REMOVE_POST = "remove_post"
    BLOCK_URL = "block_url"
    READ_ONLY = "read_only"
    SUSPEND = "suspend"
    PERMANENT_SUSPENSION = "permanent_suspension"

    @classmethod
    def parse(cls, name: str) -> ActionKind:
        try:
            return cls(name)
        except ValueError:
            options = ", ".join(k.value for k in cls)
            raise ModerationError(f"unknown action {name!r}; choose from {options}") from None


DEFAULT_STRIKE_KINDS = frozenset(ActionKind) - {ActionKind.WARN, ActionKind.BLOCK_URL}

# The label each kind writes; `label` writes the requested one, warn and block_url none.
ACTION_LABELS = {
    ActionKind.LIMIT_REACH: "do_not_amplify",
    ActionKind.REMOVE_POST: "removed",
    ActionKind.READ_ONLY: "read_only",
    ActionKind.SUSPEND: "suspended",
    ActionKind.PERMANENT_SUSPENSION: "suspended",
}
# Labels only their own action may write, so its strike and notice are never skipped.
RESERVED_LABELS = {
    "removed": "remove_post",
    "read_only": "read_only",
    "suspended": "suspend or permanent_suspension",
}

_ACCOUNT_ONLY = {ActionKind.READ_ONLY, ActionKind.SUSPEND, ActionKind.PERMANENT_SUSPENSION}
_NO_DURATION = {ActionKind.WARN, ActionKind.REMOVE_POST, ActionKind.PERMANENT_SUSPENSION}


@dataclass(frozen=True)
class EnforcementRequest:
    """One enforcement decision; invalid combinations raise ModerationError on construction.

    `escalation` marks an automatic consequence of the strike ladder: never a strike itself.
    """

    kind: ActionKind
    subject_type: SubjectType
    subject_id: str
    policy: str
    duration: timedelta | None = None
    note: str = ""
    label: str | None = None
    url_or_domain: str | None = None
    escalation: bool = False

    def __post_init__(self) -> None:
        kind = ActionKind.parse(str(self.kind))
        try:
            subject = SubjectType(self.subject_type)
        except ValueError:
            raise ModerationError(
                f"subject_type {self.subject_type!r} is not 'post' or 'account'"
            ) from None
        object.__setattr__(self, "kind", kind)
        object.__setattr__(self, "subject_type", subject)
        if not str(self.subject_id).strip():
            raise ModerationError(f"{kind}: subject_id must not be empty")
        if not self.policy.strip():
            raise ModerationError(f"{kind}: name the policy the action enforces")
        if kind in _ACCOUNT_ONLY and subject is not SubjectType.ACCOUNT:
            raise ModerationError(f"{kind} applies to an account, not a {subject}")
        if kind is ActionKind.REMOVE_POST and subject is not SubjectType.POST:
            raise ModerationError(
                "remove_post applies to a post; to act on an account, "
                "use read_only, suspend or permanent_suspension"
            )
        self._check_duration(kind)
        if kind is ActionKind.LABEL and not self.label:
            raise ModerationError("label: name the label to apply")
        if kind is not ActionKind.LABEL and self.label:
            raise ModerationError(f"{kind}: 'label' is only for kind=label")
        if kind is ActionKind.BLOCK_URL:
            normalise_block(self.url_or_domain or "")
        elif self.url_or_domain:
            raise ModerationError(f"{kind}: 'url_or_domain' is only for kind=block_url")

    def _check_duration(self, kind: ActionKind) -> None:
        if kind is ActionKind.SUSPEND and self.duration is None:
            raise ModerationError(
                "suspend needs a duration; for no end date use permanent_suspension"
            )
        if self.duration is None:
            return
        if kind in _NO_DURATION:
            raise ModerationError(f"{kind} takes no duration")
        if self.duration <= timedelta(0):
            raise ModerationError(f"{kind}: duration must be positive, got {self.duration}")
        if self.duration > MAX_DURATION:
            raise ModerationError(
                f"{kind}: duration must be at most 10 years, got {self.duration.days} days"
            )


_UNITS = ((86400, "day"), (3600, "hour"), (60, "minute"))


def span_words(span: timedelta, hyphen: bool = False) -> str:
    """'12 hours', '7 days', '90 minutes'; with hyphen=True the adjective form '12-hour'."""
    seconds = int(span.total_seconds())
    size, unit = next(
        ((size, unit) for size, unit in _UNITS if seconds >= size and seconds % size == 0),
        (1, "second"),
    )
    n = seconds // size
    if hyphen:
        return f"{n}-{unit}"
    return f"{n} {unit}" + ("" if n == 1 else "s")


@dataclass(frozen=True)
class PlannedLabel:
    label: str
    subject_type: SubjectType
    subject_id: str
    policy: str
    expires_at: datetime | None


@dataclass(frozen=True)
class EnforcementPlan:
    """What to write for a request: labels, a normalised URL block, expiry, strike or not."""

    request: EnforcementRequest
    labels: tuple[PlannedLabel, ...]
    url_block: str | None
    expires_at: datetime | None
    counts_as_strike: bool


def plan_enforcement(
    request: EnforcementRequest,
    policy: Policy,
    now: datetime,
    strike_kinds: Collection[ActionKind] = DEFAULT_STRIKE_KINDS,
) -> EnforcementPlan:
    """The labels (with expiries) a request writes; ModerationError if the policy can't hold them.

    `strike_kinds` comes from the strike ladder (`StrikeLadder.strike_kinds`).
    """
    kind = request.kind
    expires_at = now + request.duration if request.duration is not None else None
    name = request.label if kind is ActionKind.LABEL else ACTION_LABELS.get(kind)
    labels: tuple[PlannedLabel, ...] = ()
    if name is not None:
        label_def = policy.label(name)
        if kind is ActionKind.LABEL and name in RESERVED_LABELS:
            raise ModerationError(
                f"label {name!r} is applied by the {RESERVED_LABELS[name]} action; use that instead"
            )
        if request.subject_type not in label_def.subjects:
            allowed = " or ".join(sorted(f"{s.value}s" for s in label_def.subjects))
            raise ModerationError(
                f"{kind}: label {name!r} applies to {allowed}, not {request.subject_type}s"
            )
        labels = (
            PlannedLabel(
                name, request.subject_type, request.subject_id, request.policy, expires_at
            ),
        )
    block = normalise_block(request.url_or_domain or "") if kind is ActionKind.BLOCK_URL else None
    strike = kind in strike_kinds and not request.escalation
    return EnforcementPlan(request, labels, block, expires_at, strike)


def _split(url: str) -> tuple[str, str, str] | None:
    """(host, path, query) of a URL or bare host, normalised; None if it has no usable host."""
    text = url.strip()
    if "://" not in text:
        text = "//" + text
    try:
        parts = urlsplit(text)
        host = parts.hostname or ""
        _ = parts.port  # raises ValueError on a malformed port
    except ValueError:
        return None
    host = host.rstrip(".")
    try:
        host = host.encode("idna").decode("ascii")
    except UnicodeError:
        return None
    host = host.removeprefix("www.")
    if len(host) > 253 or not _HOST.fullmatch(host):  # 253: the DNS limit
        return None
    return host, parts.path.rstrip("/"), parts.query


def normalise_block(url_or_domain: str) -> str:
    """A block entry: `host` (a domain and its subdomains) or `host/path[?query]` (one page).

    Lowercase, IDNA-encoded host without `www.`, port, scheme, fragment or trailing slash.
    """
    parts = _split(url_or_domain)
    if parts is None or "." not in parts[0]:
        raise ModerationError(
            f"block_url: {url_or_domain!r} is not a URL or domain "
            f"(expected e.g. bad.example or https://bad.example/page)"
        )
    host, path, query = parts
    if not path and not query:
        return host
    return f"{host}{path or '/'}" + (f"?{query}" if query else "")


def url_host(url: str) -> str | None:
    """The normalised host of a URL or bare domain (lowercase, IDNA, no `www.`), or None."""
    parts = _split(url)
    return parts[0] if parts else None


def host_covered(host: str, domain: str) -> bool:
    """Whether a normalised host is the domain or one of its subdomains."""
    return host == domain or host.endswith("." + domain)


def url_matches_block(url: str, block: str) -> bool:
    """Whether a URL falls under a normalised block entry (see `normalise_block`).

    A domain block covers the domain and every subdomain; a page block covers that exact
    host and path, any query string unless the block names one.
    """
    parts = _split(url)
    if parts is None:
        return False
    host, path, query = parts
    if "/" not in block:
        return host_covered(host, block)
    block_target, _, block_query = block.partition("?")
    block_host, _, block_path = block_target.partition("/")
    if host != block_host or path != ("/" + block_path).rstrip("/"):
        return False
    return not block_query or query == block_query

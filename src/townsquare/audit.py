"""The audit log's hash chain: canonical encoding of an event, its SHA-256 hash, and a
verifier that names the first event that does not fit.

Each event's hash covers every field of the event and the previous event's hash, so editing
any column, inserting a row or deleting one breaks the chain at that point. A chain alone
cannot show that its newest events were removed, nor that it was recomputed from some point
on: an *anchor* (a ``seq`` and its hash kept outside the database, e.g. from an export) can.
"""

from __future__ import annotations

import hashlib
import json
import math
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import UTC, date, datetime
from enum import Enum
from typing import Any

# The prev_hash of the very first event.
GENESIS = "0" * 64
_AT_FORMAT = "%Y-%m-%dT%H:%M:%S.%fZ"


class AuditError(ValueError):
    """Bad input to the audit log (an unencodable document, a malformed anchor or line)."""


@dataclass(frozen=True, slots=True)
class Event:
    seq: int
    at: datetime
    actor: str
    actor_kind: str
    action: str
    subject_type: str
    subject_id: str
    before: Any
    after: Any
    request_id: str | None
    prev_hash: str
    hash: str

    def to_dict(self) -> dict[str, Any]:
        """The event as a JSON-able dict (``at`` in the canonical format): one export line."""
        return {**_content(self), "hash": self.hash}


def format_at(at: datetime) -> str:
    if at.tzinfo is None:
        raise AuditError("naive datetime: audit times must be timezone-aware")
    return at.astimezone(UTC).strftime(_AT_FORMAT)


def parse_at(text: str) -> datetime:
    try:
        return datetime.strptime(text, _AT_FORMAT).replace(tzinfo=UTC)
    except (TypeError, ValueError) as exc:
        raise AuditError(f"bad time {text!r}: expected YYYY-MM-DDTHH:MM:SS.ffffffZ") from exc


def _plain(value: Any) -> Any:
    # What json.dumps cannot encode by itself; anything else is refused.
    if isinstance(value, datetime):
        return format_at(value)
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, (set, frozenset, tuple)):
        return sorted(value, key=repr) if isinstance(value, (set, frozenset)) else list(value)
    raise AuditError(f"cannot record a {type(value).__name__} in the audit log")


def _check_numbers(value: Any) -> None:
    if isinstance(value, float) and not math.isfinite(value):
        raise AuditError("cannot record NaN or infinity in the audit log")
    if isinstance(value, dict):
        for item in value.values():
            _check_numbers(item)
    elif isinstance(value, list):
        for item in value:
            _check_numbers(item)


def normalize_document(value: Any) -> Any:
    """``value`` as plain JSON (dicts with string keys, lists, str, int, float, bool, None),
    exactly what is stored and hashed: datetimes become canonical strings, enums their value,
    tuples lists and sets sorted lists."""
    try:
        plain = json.loads(json.dumps(value, default=_plain, allow_nan=False))
    except (TypeError, ValueError) as exc:
        raise AuditError(f"cannot record this document in the audit log: {exc}") from exc
    _check_numbers(plain)
    return plain


def canonical(fields: Mapping[str, Any]) -> bytes:
    """Canonical JSON bytes: sorted keys, no spaces, UTF-8."""
    return json.dumps(
        fields, sort_keys=True, separators=(",", ":"), ensure_ascii=False, allow_nan=False
    ).encode("utf-8")


def _content(event: Event) -> dict[str, Any]:
    return {
        "seq": event.seq,
        "at": format_at(event.at),
        "actor": event.actor,
        "actor_kind": event.actor_kind,
        "action": event.action,
        "subject_type": event.subject_type,
        "subject_id": event.subject_id,
        "before": event.before,
        "after": event.after,
        "request_id": event.request_id,
        "prev_hash": event.prev_hash,
    }


def compute_hash(event: Event) -> str:
    """SHA-256 over every field of the event but its own hash (``prev_hash`` included)."""
    return hashlib.sha256(canonical(_content(event))).hexdigest()


def seal(
    *, seq: int, at: datetime, actor: str, actor_kind: str, action: str, subject_type: str,
    subject_id: str, before: Any, after: Any, request_id: str | None, prev_hash: str,
) -> Event:
    """A new event with its hash computed; AuditError for a naive ``at`` or a document
    JSON cannot hold exactly."""
    format_at(at)  # refuses a naive time
    draft = Event(
        seq=seq, at=at.astimezone(UTC), actor=actor, actor_kind=actor_kind, action=action,
        subject_type=subject_type, subject_id=str(subject_id),
        before=normalize_document(before), after=normalize_document(after),
        request_id=request_id, prev_hash=prev_hash, hash="",
    )
    return _with_hash(draft, compute_hash(draft))


def _with_hash(event: Event, digest: str) -> Event:
    return Event(**{**{f: getattr(event, f) for f in Event.__dataclass_fields__}, "hash": digest})


def event_from_dict(data: Mapping[str, Any]) -> Event:
    """An event read back from an export line (:meth:`Event.to_dict`)."""
    try:
        return Event(
            seq=int(data["seq"]), at=parse_at(data["at"]), actor=str(data["actor"]),
            actor_kind=str(data["actor_kind"]), action=str(data["action"]),
            subject_type=str(data["subject_type"]), subject_id=str(data["subject_id"]),
            before=data["before"], after=data["after"],
            request_id=None if data["request_id"] is None else str(data["request_id"]),
            prev_hash=str(data["prev_hash"]), hash=str(data["hash"]),
        )
    except KeyError as exc:
        raise AuditError(f"missing field {exc.args[0]!r}") from exc
    except (TypeError, ValueError) as exc:
        raise AuditError(str(exc)) from exc


# --- verification ----------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Anchor:
    """A head remembered outside the database: event ``seq`` had hash ``hash``."""

    seq: int
    hash: str

    @classmethod
    def parse(cls, text: str) -> Anchor:
        """``SEQ:HASH`` (as printed by export and verify)."""
        seq, sep, digest = text.strip().partition(":")
        if not sep or not seq.isdigit() or int(seq) < 1 or not _is_sha256(digest):
            raise AuditError(f"bad anchor {text!r}: expected SEQ:HASH (64 hex digits)")
        return cls(int(seq), digest.lower())

    def __str__(self) -> str:
        return f"{self.seq}:{self.hash}"


@dataclass(frozen=True, slots=True)
class Verdict:
    """The outcome of a verification: ``ok``, or the first bad event's seq and why."""

    ok: bool
    checked: int
    head: Anchor | None  # the newest event that was checked
    bad_seq: int | None = None
    problem: str | None = None  # "edited", "inserted_or_deleted", "truncated", "anchor"
    reason: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "ok": self.ok, "checked": self.checked,
            "head": None if self.head is None else str(self.head),
            "bad_seq": self.bad_seq, "problem": self.problem, "reason": self.reason,
        }


def _is_sha256(text: str) -> bool:
    return len(text) == 64 and all(c in "0123456789abcdefABCDEF" for c in text)


def verify(
    events: Iterable[Event], *, prev_hash: str = GENESIS, first_seq: int | None = 1,
    anchor: Anchor | None = None,
) -> Verdict:
    """Walk ``events`` in seq order and report the first one that breaks the chain.

    ``prev_hash`` and ``first_seq`` describe where the chain starts (the genesis for a whole
    log; an export of a range starts at its first event's prev_hash, ``first_seq=None``
    accepting any start). With ``anchor``, event ``anchor.seq`` must exist with that hash,
    which detects the newest events being deleted or the chain being recomputed."""
    checked = 0
    expected_seq = first_seq
    last: Event | None = None
    for event in events:
        if expected_seq is not None and event.seq != expected_seq:
            missing = "an event was deleted" if event.seq > expected_seq else "seq out of order"
            return _bad(checked, last, event.seq, "inserted_or_deleted",
                        f"expected seq {expected_seq}, found {event.seq}: {missing}")
        if event.prev_hash != prev_hash:
            return _bad(checked, last, event.seq, "inserted_or_deleted",
                        "prev_hash does not match the previous event's hash: an event before "
                        "it was inserted, deleted or rewritten")
        if compute_hash(event) != event.hash:
            return _bad(checked, last, event.seq, "edited",
                        "hash does not match the event's contents: the event was edited")
        if anchor is not None and event.seq == anchor.seq and event.hash != anchor.hash:
            return _bad(checked, last, event.seq, "anchor",
                        f"hash differs from the anchor {anchor}: the log was rewritten up to "
                        "here, or cut and its numbers reused by newer events")
        checked += 1
        last = event
        prev_hash = event.hash
        expected_seq = event.seq + 1
    head = None if last is None else Anchor(last.seq, last.hash)
    if anchor is not None and (last is None or last.seq < anchor.seq):
        return Verdict(False, checked, head, anchor.seq, "truncated",
                       f"event {anchor.seq} of the anchor is missing: the newest events "
                       "were deleted")
    return Verdict(True, checked, head)


def _bad(checked: int, last: Event | None, seq: int, problem: str, reason: str) -> Verdict:
    head = None if last is None else Anchor(last.seq, last.hash)
    return Verdict(False, checked, head, seq, problem, f"event {seq}: {reason}")

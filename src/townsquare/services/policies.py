"""Stored visibility policy versions, and which one is in force at a moment.

Version 1 is the packaged policy (or ``TOWNSQUARE_POLICY_FILE``) while nothing is stored;
storing the first change writes that file as row 1 too, so the history is whole. Versions
are numbered by the store: a document's own ``version:`` field is replaced by its number.
``base`` versions are the live policy from their creation on; ``variant`` versions are
stricter variants that civic events put in force for their window.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import datetime
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session, sessionmaker

from townsquare.moderation.civic import CivicEvent, version_in_force
from townsquare.moderation.enforcement import ACTION_LABELS
from townsquare.moderation.model import ModerationError
from townsquare.moderation.verdicts import CompiledPolicy
from townsquare.policy_files import (
    MAX_POLICY_BYTES,
    default_detection_rules,
    parse_policy_text,
    policy_source,
)
from townsquare.services.errors import ConflictError, NotFoundError
from townsquare.settings import Settings
from townsquare.store.civic_tables import CivicEventRow, PolicyChange, PolicyVersion
from townsquare.store.tables import utcnow

BASE, VARIANT = "base", "variant"
POLICY_FORMATS = ("yaml", "toml")
MAX_REASON = 2_000
# Enforcement actions and URL blocks write these labels; a policy without them breaks them.
REQUIRED_LABELS = frozenset(ACTION_LABELS.values()) | {"untrusted_url"}


@dataclass(frozen=True)
class VersionInfo:
    """A stored (or, for version 1 before any change, configured) policy version."""

    version: int
    kind: str
    name: str
    format: str
    author: str
    approved_by: str | None
    reason: str
    created_at: datetime | None
    text: str

    def as_dict(self, *, with_text: bool = False) -> dict[str, Any]:
        data: dict[str, Any] = {
            "version": self.version, "kind": self.kind, "name": self.name,
            "format": self.format, "author": self.author, "approved_by": self.approved_by,
            "reason": self.reason, "created_at": self.created_at,
        }
        if with_text:
            data["text"] = self.text
        return data


def check_reason(reason: str) -> str:
    reason = reason.strip()
    if not reason:
        raise ModerationError("reason: say why (it is kept with the version)")
    if len(reason) > MAX_REASON:
        raise ModerationError(f"reason: at most {MAX_REASON} characters")
    return reason


def check_candidate(text: str, fmt: str = "yaml", source: str = "candidate") -> CompiledPolicy:
    """The compiled candidate; ModerationError when it cannot serve as a live policy."""
    if fmt not in POLICY_FORMATS:
        raise ModerationError(f"format: {fmt!r} is not one of {', '.join(POLICY_FORMATS)}")
    if len(text.encode("utf-8")) > MAX_POLICY_BYTES:
        raise ModerationError(f"{source}: larger than {MAX_POLICY_BYTES} bytes")
    compiled = CompiledPolicy(parse_policy_text(text, fmt, source))
    if missing := sorted(REQUIRED_LABELS - set(compiled.labels)):
        raise ModerationError(
            f"{source}: enforcement actions write the label(s) {', '.join(missing)}; "
            f"define them"
        )
    try:
        default_detection_rules(compiled)
    except ModerationError as exc:
        raise ModerationError(f"{source}: the detection rules do not fit it: {exc}") from None
    return compiled


def compile_text(text: str, fmt: str, version: int, source: str) -> CompiledPolicy:
    """A stored text compiled, carrying its stored version number."""
    policy = parse_policy_text(text, fmt, source)
    return CompiledPolicy(replace(policy, version=version))


def _file_version(settings: Settings) -> VersionInfo:
    text, fmt, source = policy_source(settings.policy_file)
    policy = parse_policy_text(text, fmt, source)
    return VersionInfo(1, BASE, policy.name, fmt, "configuration", None,
                       f"the policy file {source}", None, text)


def _info(row: PolicyVersion) -> VersionInfo:
    return VersionInfo(row.version, row.kind, row.name, row.format, row.author,
                       row.approved_by, row.reason, row.created_at, row.text)


def record_change(session: Session, what: str) -> None:
    """Tell every worker to re-read which policy is in force."""
    session.add(PolicyChange(what=what, changed_at=utcnow()))


def store_version(
    session: Session, settings: Settings, compiled: CompiledPolicy, text: str, fmt: str, *,
    kind: str, author: str, reason: str, approved_by: str | None = None,
) -> VersionInfo:
    """Store a checked candidate as the next version (row 1 is the file if none yet)."""
    now = utcnow()
    newest = session.scalar(select(func.max(PolicyVersion.version)))
    if newest is None:
        ensure_version(session, settings, 1)
        newest = 1
    row = PolicyVersion(version=newest + 1, kind=kind, name=compiled.policy.name, format=fmt,
                        text=text, author=author, approved_by=approved_by, reason=reason,
                        created_at=now)
    session.add(row)
    try:
        session.flush()
    except IntegrityError:
        raise ConflictError("another policy version was stored at the same moment; "
                            "try again") from None
    record_change(session, f"policy.{kind}")
    return _info(row)


def ensure_version(session: Session, settings: Settings, version: int) -> VersionInfo:
    """A stored version (version 1 is written from the file if nothing is stored yet)."""
    row = session.get(PolicyVersion, version)
    if row is not None:
        return _info(row)
    if version == 1 and session.scalar(select(func.count()).select_from(PolicyVersion)) == 0:
        first = _file_version(settings)
        session.add(PolicyVersion(version=1, kind=BASE, name=first.name, format=first.format,
                                  text=first.text, author=first.author, reason=first.reason,
                                  created_at=utcnow()))
        session.flush()
        return first
    raise NotFoundError(f"no policy version {version}")


def base_version(session: Session) -> int:
    newest = session.scalar(
        select(func.max(PolicyVersion.version)).where(PolicyVersion.kind == BASE)
    )
    return int(newest) if newest is not None else 1


def event_of(row: CivicEventRow) -> CivicEvent:
    return CivicEvent(row.id, row.name, row.starts_at, row.ends_at, row.policy_version,
                      row.ended_at)


def list_versions(sessions: sessionmaker[Session], settings: Settings) -> list[VersionInfo]:
    """Every version, newest first."""
    with sessions() as session:
        rows = session.scalars(select(PolicyVersion).order_by(PolicyVersion.version.desc()))
        found = [_info(r) for r in rows]
    return found or [_file_version(settings)]


def get_version(sessions: sessionmaker[Session], settings: Settings, version: int
                ) -> VersionInfo:
    with sessions() as session:
        row = session.get(PolicyVersion, version)
        if row is not None:
            return _info(row)
        empty = session.scalar(select(func.count()).select_from(PolicyVersion)) == 0
    if version == 1 and empty:
        return _file_version(settings)
    raise NotFoundError(f"no policy version {version}")


class PolicyInForce:
    """Which compiled policy is in force at a moment: the newest base version, or the
    variant of the civic event whose window covers the moment.

    Each call reads one number (the newest policy change) and re-reads versions and
    events only when it moved; compiled versions are kept, so switching at a window's
    edge costs nothing. Not thread-safe: one per label cache (its refresher calls it).
    """

    def __init__(self, settings: Settings) -> None:
        self._settings = settings
        self._compiled: dict[int, CompiledPolicy] = {}
        self._stamp: int | None = None
        self._loaded = False
        self._base = 1
        self._events: tuple[CivicEvent, ...] = ()

    def at(self, session: Session, now: datetime) -> tuple[CompiledPolicy, CivicEvent | None]:
        stamp = session.scalar(select(func.max(PolicyChange.version)))
        if not self._loaded or stamp != self._stamp:
            self._base = base_version(session)
            self._events = tuple(event_of(r) for r in session.scalars(select(CivicEventRow)))
            self._stamp, self._loaded = stamp, True
        version, event = version_in_force(self._base, self._events, now)
        return self.compiled(session, version), event

    def compiled(self, session: Session, version: int) -> CompiledPolicy:
        hit = self._compiled.get(version)
        if hit is not None:
            return hit
        row = session.get(PolicyVersion, version)
        if row is None:
            if version != 1:
                raise NotFoundError(f"no policy version {version}")
            first = _file_version(self._settings)
            compiled = compile_text(first.text, first.format, 1, "the policy file")
        else:
            compiled = compile_text(row.text, row.format, row.version,
                                    f"policy version {row.version}")
        self._compiled[version] = compiled
        return compiled

    def base(self, session: Session) -> CompiledPolicy:
        """The base policy (no civic variant), as of the newest change."""
        self.at(session, utcnow())
        return self.compiled(session, self._base)


def live_policy(sessions: sessionmaker[Session], settings: Settings,
                now: datetime | None = None) -> CompiledPolicy:
    """The compiled policy in force now (or at ``now``)."""
    with sessions() as session:
        compiled, _ = PolicyInForce(settings).at(session, now or utcnow())
    return compiled


def live_summary(sessions: sessionmaker[Session], settings: Settings,
                 now: datetime | None = None) -> dict[str, Any]:
    """The version in force, the base version, and the civic event behind a variant."""
    now = now or utcnow()
    with sessions() as session:
        resolver = PolicyInForce(settings)
        compiled, event = resolver.at(session, now)
        base = base_version(session)
    return {
        "version": compiled.policy.version,
        "name": compiled.policy.name,
        "base_version": base,
        "civic_event": None if event is None else {
            "id": event.id, "name": event.name, "starts_at": event.starts_at,
            "ends_at": event.end,
        },
        "at": now,
    }

"""Use cases on safety labels: add, remove, and list an account's active labels.

``add_label`` / ``remove_label`` are one transaction each; ``apply_label`` /
``lift_label`` do the same work inside a caller's transaction (an enforcement action
that labels, strikes and notifies at once). Each appends a ``label_changes`` row in that
transaction, so every worker's cache sees the change, and calls an optional ``notify``
hook there too, so the author's notice commits (or not) with the label.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import asdict, dataclass
from datetime import datetime

from sqlalchemy.orm import Session, sessionmaker

from townsquare.moderation.model import LabelSource, ModerationError, SafetyLabel, SubjectType
from townsquare.moderation.verdicts import CompiledPolicy
from townsquare.services import audit
from townsquare.services.errors import ConflictError, NotFoundError
from townsquare.store import moderation as repo
from townsquare.store.db import unit_of_work
from townsquare.store.moderation_tables import Label
from townsquare.store.tables import utcnow

LABEL_ADDED = "added"
LABEL_REMOVED = "removed"
MAX_POLICY = 64
MAX_ACTOR = 128
MAX_NOTE = 10_000


@dataclass(frozen=True)
class LabelRecord:
    id: int
    subject_type: str
    subject_id: str
    label: str
    policy: str
    source: str
    note: str
    created_by: str
    created_at: datetime
    expires_at: datetime | None
    removed_at: datetime | None
    removed_by: str | None

    @classmethod
    def of(cls, row: Label) -> LabelRecord:
        return cls(row.id, row.subject_type, row.subject_id, row.label, row.policy, row.source,
                   row.note, row.created_by, row.created_at, row.expires_at, row.removed_at,
                   row.removed_by)

    def safety_label(self) -> SafetyLabel:
        return SafetyLabel(self.id, SubjectType(self.subject_type), self.subject_id, self.label,
                           self.policy, LabelSource(self.source), self.created_at,
                           self.expires_at, self.note)


# Called inside the label's transaction with (session, label, LABEL_ADDED | LABEL_REMOVED).
LabelNotify = Callable[[Session, LabelRecord, str], None]


def _text(value: str, what: str, limit: int, *, required: bool = True) -> str:
    if not isinstance(value, str):
        raise ModerationError(f"{what}: expected text")
    value = value.strip()
    if required and not value:
        raise ModerationError(f"{what}: must not be empty")
    if len(value) > limit:
        raise ModerationError(f"{what}: at most {limit} characters")
    return value


def aware_datetime(value: datetime, what: str) -> datetime:
    """``value`` unchanged; ModerationError naming ``what`` when it carries no timezone."""
    if value.tzinfo is None or value.utcoffset() is None:
        raise ModerationError(f"{what}: give a timezone (e.g. 2025-01-31T12:00:00Z)")
    return value


def parse_subject_type(value: str) -> SubjectType:
    try:
        return SubjectType(value)
    except ValueError:
        raise ModerationError(f"subject_type: {value!r} is not 'post' or 'account'") from None


def parse_source(value: str) -> LabelSource:
    try:
        return LabelSource(value)
    except ValueError:
        options = ", ".join(s.value for s in LabelSource)
        raise ModerationError(f"source: {value!r} is not one of {options}") from None


def apply_label(
    session: Session, compiled: CompiledPolicy, subject_type: str, subject_id: str,
    label: str, policy: str, note: str = "", expires_at: datetime | None = None,
    source: str = LabelSource.HUMAN, actor: str = "system", *,
    notify: LabelNotify | None = None, now: datetime | None = None,
) -> LabelRecord:
    """Label a subject inside the caller's transaction (see ``add_label``)."""
    kind = parse_subject_type(subject_type)
    definition = compiled.policy.label(label)
    if kind not in definition.subjects:
        allowed = " or ".join(sorted(s.value for s in definition.subjects))
        raise ModerationError(f"label {label!r} applies to {allowed}, not to a {kind.value}")
    origin = parse_source(source)
    policy = _text(policy, "policy", MAX_POLICY)
    note = _text(note, "note", MAX_NOTE, required=False)
    actor = _text(actor, "actor", MAX_ACTOR)
    now = now or utcnow()
    if expires_at is not None and aware_datetime(expires_at, "expires_at") <= now:
        raise ModerationError(f"expires_at: {expires_at.isoformat()} is not in the future")
    if not repo.subject_exists(session, kind, subject_id):
        raise NotFoundError(f"no {kind.value} with id {subject_id!r}")
    existing = repo.find_active_label(session, kind, subject_id, label, now)
    if existing is not None:
        raise ConflictError(
            f"{kind.value} {subject_id!r} already carries {label!r} (label {existing.id}); "
            "remove it first to change it"
        )
    row = repo.add_label(
        session, subject_type=kind.value, subject_id=subject_id, label=label, policy=policy,
        source=origin.value, note=note, created_by=actor, expires_at=expires_at, created_at=now,
    )
    record = LabelRecord.of(row)
    audit.record(session, actor, "label.add", kind.value, subject_id, after=asdict(record))
    if notify is not None:
        notify(session, record, LABEL_ADDED)
    return record


def add_label(
    sessions: sessionmaker[Session], compiled: CompiledPolicy, subject_type: str,
    subject_id: str, label: str, policy: str, note: str = "",
    expires_at: datetime | None = None, source: str = LabelSource.HUMAN,
    actor: str = "system", *, notify: LabelNotify | None = None, now: datetime | None = None,
) -> LabelRecord:
    """Label a post or an account, in one transaction; the stored label.

    Raises NotFoundError for an unknown subject, ModerationError for a label the policy
    lacks or forbids on that subject type, a bad source or a past ``expires_at``, and
    ConflictError when the subject already carries that label.
    """
    with unit_of_work(sessions) as session:
        return apply_label(session, compiled, subject_type, subject_id, label, policy, note,
                           expires_at, source, actor, notify=notify, now=now)


def lift_label(
    session: Session, label_id: int, actor: str, *, notify: LabelNotify | None = None,
    now: datetime | None = None,
) -> LabelRecord:
    """Remove a label inside the caller's transaction (see ``remove_label``)."""
    actor = _text(actor, "actor", MAX_ACTOR)
    row = repo.get_label(session, label_id)
    if row is None:
        raise NotFoundError(f"no label with id {label_id}")
    if row.removed_at is not None:
        raise NotFoundError(f"label {label_id} was already removed")
    before = asdict(LabelRecord.of(row))
    repo.mark_label_removed(session, row, actor, now or utcnow())
    record = LabelRecord.of(row)
    audit.record(session, actor, "label.remove", record.subject_type, record.subject_id,
                 before=before, after=asdict(record))
    if notify is not None:
        notify(session, record, LABEL_REMOVED)
    return record


def remove_label(
    sessions: sessionmaker[Session], label_id: int, actor: str, *,
    notify: LabelNotify | None = None, now: datetime | None = None,
) -> LabelRecord:
    """Mark a label removed (kept for the record), in one transaction; the removed label.

    Raises NotFoundError for an unknown or already removed label.
    """
    with unit_of_work(sessions) as session:
        return lift_label(session, label_id, actor, notify=notify, now=now)


def get_label(session: Session, label_id: int) -> LabelRecord:
    """The label, removed or not; NotFoundError when there is none."""
    row = repo.get_label(session, label_id)
    if row is None:
        raise NotFoundError(f"no label with id {label_id}")
    return LabelRecord.of(row)


def active_labels(
    session: Session, account_id: str, now: datetime | None = None
) -> list[LabelRecord]:
    """Every label in force on the account and on its posts, oldest first (account status).

    Raises NotFoundError for an unknown account.
    """
    if repo.get_account(session, account_id) is None:
        raise NotFoundError(f"no account with id {account_id!r}")
    rows = repo.active_labels_of_account(session, account_id, now or utcnow())
    return [LabelRecord.of(row) for row in rows]

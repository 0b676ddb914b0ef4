"""Use case: the public transparency report of a period, computed from the database.

A *moderation action* is an enforcement action (warn, limit reach, remove, suspend...) or a
label applied on its own; the labels an enforcement action wrote count once, with their
action. An action's surfaces are those its labels limit under the policy in force now;
an action that limits no surface (a warning) counts under ``none``. Time to action is
measured from a report's filing to the action taken on it, for actions of the period.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from statistics import median
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from townsquare.moderation.model import ModerationError
from townsquare.moderation.verdicts import CompiledPolicy
from townsquare.services import external_requests
from townsquare.services.context import Services
from townsquare.store.due_process_tables import Appeal, ReinstatementRequest
from townsquare.store.moderation_tables import EnforcementAction, Label, Post
from townsquare.store.report_tables import Report
from townsquare.store.tables import utcnow

MAX_DAYS = 3660  # a report covers at most ten years
DEFAULT_DAYS = 30
NO_SURFACE = "none"


@dataclass(frozen=True)
class Period:
    """Whole UTC days, ``first`` to ``last`` inclusive."""

    first: date
    last: date

    @property
    def since(self) -> datetime:
        return datetime.combine(self.first, time(), UTC)

    @property
    def until(self) -> datetime:  # exclusive
        return datetime.combine(self.last + timedelta(days=1), time(), UTC)

    @property
    def days(self) -> int:
        return (self.last - self.first).days + 1


def parse_period(first: str | None, last: str | None, today: date | None = None) -> Period:
    """The period ``first``..``last`` (ISO dates, both optional: the last 30 days up to
    today); ModerationError with a message a reader can act on otherwise."""
    today = today or utcnow().date()
    end = _day(last, "to") if last else today
    start = _day(first, "from") if first else end - timedelta(days=DEFAULT_DAYS - 1)
    if start > end:
        raise ModerationError(f"from ({start}) is after to ({end})")
    period = Period(start, end)
    if period.days > MAX_DAYS:
        raise ModerationError(f"a period covers at most {MAX_DAYS} days, not {period.days}")
    return period


def _day(value: str, name: str) -> date:
    try:
        return date.fromisoformat(value.strip())
    except ValueError:
        raise ModerationError(f"{name}: expected a date like 2026-01-31, got {value!r}"
                              ) from None


@dataclass(frozen=True)
class ModerationEntry:
    """One moderation action of the period, as the public may see it."""

    kind: str  # "action" | "label"
    id: int
    at: datetime
    what: str  # the action kind or the label name
    policy: str
    subject_type: str
    subject_id: str
    account_id: str | None
    source: str
    surfaces: tuple[str, ...]
    expires_at: datetime | None
    ended_at: datetime | None


def moderation_entries(session: Session, compiled: CompiledPolicy, period: Period
                       ) -> list[ModerationEntry]:
    """The period's enforcement actions and standalone labels, newest first."""
    actions = list(session.scalars(select(EnforcementAction).where(
        EnforcementAction.created_at >= period.since,
        EnforcementAction.created_at < period.until)))
    labels = list(session.scalars(select(Label).where(
        Label.created_at >= period.since, Label.created_at < period.until)))
    written = {i for a in actions for i in (a.label_ids or [])}
    names = {lab.id: lab.label for lab in labels}
    missing = written - names.keys()
    if missing:  # labels an action wrote just before the period began
        names.update((i, n) for i, n in session.execute(select(Label.id, Label.label)
                                     .where(Label.id.in_(missing))).all())
    entries = [
        ModerationEntry("action", a.id, a.created_at, a.kind, a.policy, a.subject_type,
                        a.subject_id, a.account_id, "human",
                        _surfaces(compiled, [names[i] for i in a.label_ids or []
                                             if i in names]),
                        a.expires_at, a.reversed_at)
        for a in actions
    ]
    standalone = [lab for lab in labels if lab.id not in written]
    posts = {lab.subject_id for lab in standalone if lab.subject_type == "post"}
    authors = dict(session.execute(select(Post.id, Post.author_id).where(Post.id.in_(posts))
                                   ).all()) if posts else {}
    entries += [
        ModerationEntry("label", lab.id, lab.created_at, lab.label, lab.policy,
                        lab.subject_type, lab.subject_id,
                        lab.subject_id if lab.subject_type == "account"
                        else authors.get(lab.subject_id),
                        lab.source, _surfaces(compiled, [lab.label]), lab.expires_at,
                        lab.removed_at)
        for lab in standalone
    ]
    entries.sort(key=lambda e: (e.at, e.kind, e.id), reverse=True)
    return entries


def _surfaces(compiled: CompiledPolicy, labels: list[str]) -> tuple[str, ...]:
    found = {s for name in labels if name in compiled.label_index
             for s in compiled.surfaces_limited(name)}
    return tuple(sorted(found))


def _by(values: list[str]) -> dict[str, int]:
    """Counts, largest first (ties by name)."""
    return dict(sorted(Counter(values).items(), key=lambda kv: (-kv[1], kv[0])))


def report(services: Services, period: Period) -> dict[str, Any]:
    """The transparency report of ``period``: actions by policy, kind and surface; appeals,
    reinstatement requests and external requests with their outcomes; median time from
    report to action."""
    compiled = services.moderation.compiled
    since, until = period.since, period.until
    with services.sessions() as session:
        entries = moderation_entries(session, compiled, period)
        appeals = list(session.scalars(select(Appeal.status).where(
            Appeal.filed_at >= since, Appeal.filed_at < until)))
        reinstatements = list(session.scalars(select(ReinstatementRequest.status).where(
            ReinstatementRequest.filed_at >= since, ReinstatementRequest.filed_at < until)))
        waits = [
            (acted - filed).total_seconds()
            for filed, acted in session.execute(
                select(Report.created_at, EnforcementAction.created_at)
                .join(EnforcementAction, Report.action_id == EnforcementAction.id)
                .where(EnforcementAction.created_at >= since,
                       EnforcementAction.created_at < until))
        ]
    requests = external_requests.transparency(services, since=since, until=until)
    surfaces = [s for e in entries for s in (e.surfaces or (NO_SURFACE,))]
    return {
        "from": period.first.isoformat(),
        "to": period.last.isoformat(),
        "actions": {
            "total": len(entries),
            "by_policy": _by([e.policy for e in entries]),
            "by_kind": _by([e.what for e in entries]),
            "by_surface": _by(surfaces),
            "automated": sum(e.source != "human" for e in entries),
            "reversed": sum(e.ended_at is not None and e.kind == "action" for e in entries),
        },
        "appeals": {"total": len(appeals), "by_outcome": _by(appeals)},
        "reinstatements": {"total": len(reinstatements), "by_outcome": _by(reinstatements)},
        "external_requests": {
            "total": requests["total"],
            "political": requests["political"],
            "by_requester_type": requests["by_requester_type"],
            "by_decision": requests["by_decision"],
        },
        "time_to_action": {
            "reports_actioned": len(waits),
            "median_seconds": median(waits) if waits else None,
        },
    }

"""Civic events (elections): time-boxed windows in which a stricter policy variant is in
force, and which policy version that makes live at a given moment.

Windows are half-open, ``[starts_at, end)``; an event ended by hand stops at ``ended_at``
if that comes first. Windows of events not ended may not overlap, so at most one event
is ever in force; should two ever overlap anyway (rows written by hand), the one that
started last wins, then the higher id, so every worker picks the same one.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Literal

from townsquare.moderation.model import Action, ModerationError
from townsquare.moderation.verdicts import ACTIONS_OF_MASK, RELATIONS, SURFACES, CompiledPolicy

MAX_NAME = 128
MAX_WINDOW = timedelta(days=366)
EventStatus = Literal["scheduled", "in_force", "ended"]
# Shown alone whatever else a cell holds (see model.mask_actions).
EXCLUSIVE = (1 << Action.DROP) | (1 << Action.TOMBSTONE)


@dataclass(frozen=True)
class CivicEvent:
    """An event's window and the policy version in force during it."""

    id: int
    name: str
    starts_at: datetime
    ends_at: datetime
    policy_version: int
    ended_at: datetime | None = None

    @property
    def end(self) -> datetime:
        """When the window closes: the planned end, or the manual end if earlier."""
        if self.ended_at is not None and self.ended_at < self.ends_at:
            return self.ended_at
        return self.ends_at

    def in_force(self, now: datetime) -> bool:
        return self.starts_at <= now < self.end and self.starts_at < self.end

    def status(self, now: datetime) -> EventStatus:
        if now >= self.end or self.end <= self.starts_at:
            return "ended"
        return "in_force" if now >= self.starts_at else "scheduled"


def check_window(name: str, starts_at: datetime, ends_at: datetime, now: datetime) -> str:
    """The event name, stripped; ModerationError when the name or window cannot be used."""
    name = name.strip()
    if not name or len(name) > MAX_NAME:
        raise ModerationError(f"name: 1-{MAX_NAME} characters")
    for field, value in (("starts_at", starts_at), ("ends_at", ends_at)):
        if value.tzinfo is None or value.utcoffset() is None:
            raise ModerationError(f"{field}: give a timezone (e.g. 2026-11-03T00:00:00Z)")
    if ends_at <= starts_at:
        raise ModerationError("ends_at: must be after starts_at")
    if ends_at <= now:
        raise ModerationError("ends_at: the window is already over")
    if ends_at - starts_at > MAX_WINDOW:
        raise ModerationError(f"the window is longer than {MAX_WINDOW.days} days")
    return name


def overlapping(
    events: Iterable[CivicEvent], starts_at: datetime, ends_at: datetime
) -> list[CivicEvent]:
    """Events whose (effective) window shares a moment with ``[starts_at, ends_at)``."""
    return [e for e in events if e.starts_at < ends_at and starts_at < e.end
            and e.starts_at < e.end]


def event_in_force(events: Iterable[CivicEvent], now: datetime) -> CivicEvent | None:
    """The event whose window covers ``now``, if any."""
    current = [e for e in events if e.in_force(now)]
    return max(current, key=lambda e: (e.starts_at, e.id)) if current else None


def version_in_force(
    base_version: int, events: Iterable[CivicEvent], now: datetime
) -> tuple[int, CivicEvent | None]:
    """The policy version live at ``now``: the event's variant in its window, else the base."""
    event = event_in_force(events, now)
    return (base_version, None) if event is None else (event.policy_version, event)


def next_change(events: Iterable[CivicEvent], now: datetime) -> datetime | None:
    """The next moment after ``now`` at which some window opens or closes."""
    moments = [t for e in events for t in (e.starts_at, e.end) if t > now]
    return min(moments) if moments else None


@dataclass(frozen=True)
class LooserCell:
    """One verdict cell a variant makes less strict than the base."""

    label: str
    surface: str
    relation: str
    viewer_flags: int
    base: tuple[str, ...]
    variant: tuple[str, ...]

    def describe(self) -> str:
        return (f"{self.label} on {self.surface} for {self.relation} (flags "
                f"{self.viewer_flags}): {', '.join(self.base)} -> {', '.join(self.variant)}")


def loosened_cells(base: CompiledPolicy, variant: CompiledPolicy) -> list[LooserCell]:
    """Every (label, surface, relation, viewer flags) cell the variant makes less strict.

    A cell is looser when its strongest action is weaker (``allow`` being the weakest),
    or equally strong but missing one of the base's actions. Labels the variant adds are
    free; a label of the base the variant drops loosens each of its cells.
    """
    cells: list[LooserCell] = []
    for label, index in base.label_index.items():
        other = variant.label_index.get(label)
        for si, surface in enumerate(SURFACES):
            for ri, relation in enumerate(RELATIONS):
                for flags in range(base.masks.shape[2]):
                    before = int(base.masks[si, ri, flags, index])
                    after = 0
                    if other is not None and flags < variant.masks.shape[2]:
                        after = int(variant.masks[si, ri, flags, other])
                    if _looser(before, after):
                        cells.append(LooserCell(label, surface.value, relation.value, flags,
                                                ACTIONS_OF_MASK[before], ACTIONS_OF_MASK[after]))
    return cells


def _strongest(mask: int) -> int:
    return mask.bit_length() - 1  # -1 for allow


def _looser(before: int, after: int) -> bool:
    if _strongest(after) != _strongest(before):
        return _strongest(after) < _strongest(before)
    if after & EXCLUSIVE or not after:
        return False  # the same exclusive action (or both allow): nothing else is shown
    return bool(before & ~after)


def require_stricter(base: CompiledPolicy, variant: CompiledPolicy) -> None:
    """ModerationError naming the first loosened cells unless the variant is no looser."""
    cells = loosened_cells(base, variant)
    if not cells:
        return
    shown = "; ".join(c.describe() for c in cells[:3])
    more = f" and {len(cells) - 3} more" if len(cells) > 3 else ""
    raise ModerationError(
        f"a civic variant must be at least as strict as the live policy (v{base.policy.version}); "
        f"{len(cells)} verdict cell(s) would be looser: {shown}{more}"
    )

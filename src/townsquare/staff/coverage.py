"""The civic-integrity coverage check: enough active staff must hold every civic-integrity
permission right now (lockdowns included) for an election not to leave the team blind."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from townsquare.staff.actor import Actor
from townsquare.staff.permissions import Permission

P = Permission
DEFAULT_CIVIC_PERMISSIONS: frozenset[Permission] = frozenset(
    {P.LABELS_WRITE, P.ACTIONS_WRITE, P.REPORTS_HANDLE}
)
# Civic labels and actions are filed under this policy; a grant scoped elsewhere misses it.
DEFAULT_CIVIC_POLICY = "civic_integrity"


@dataclass(frozen=True)
class Coverage:
    """Who holds all the ``required`` permissions (for ``policy``), against a ``minimum``.

    ``frozen`` names staff who would count but for a lockdown; ``partial`` maps staff who
    hold some but not all of the permissions to what they lack."""

    required: frozenset[Permission]
    minimum: int
    policy: str | None
    covered: tuple[str, ...]
    frozen: tuple[str, ...]
    partial: dict[str, tuple[str, ...]]

    @property
    def count(self) -> int:
        return len(self.covered)

    @property
    def short(self) -> bool:
        return self.count < self.minimum

    def warning(self) -> str | None:
        """A sentence for people, or None when coverage is enough."""
        if not self.short:
            return None
        frozen = f"; {len(self.frozen)} more are frozen by a lockdown" if self.frozen else ""
        return (
            f"civic coverage short: {self.count} active staff hold "
            f"{', '.join(sorted(self.required))}, fewer than the {self.minimum} required"
            f"{frozen}"
        )

    def as_dict(self) -> dict[str, Any]:
        return {
            "required_permissions": sorted(self.required),
            "policy": self.policy,
            "minimum": self.minimum,
            "count": self.count,
            "short": self.short,
            "covered": list(self.covered),
            "frozen_by_lockdown": list(self.frozen),
            "partial": {name: list(lacks) for name, lacks in self.partial.items()},
            "warning": self.warning(),
        }


def coverage(
    actors: Iterable[Actor], required: frozenset[Permission], minimum: int,
    policy: str | None = DEFAULT_CIVIC_POLICY, unlocked: Iterable[Actor] = (),
) -> Coverage:
    """Count the staff ``actors`` (as they are now, lockdowns applied; services and
    scheduled work never count) holding every ``required`` permission; ``policy`` None
    ignores policy scopes. ``unlocked`` (the same staff without lockdowns) names who a
    lockdown keeps from counting."""
    if not required:
        raise ValueError("the civic-integrity permission set must not be empty")
    if minimum < 0:
        raise ValueError("the minimum staff count must not be negative")
    covered: list[str] = []
    partial: dict[str, tuple[str, ...]] = {}
    for actor in _staff(actors):
        lacks = _lacks(actor, required, policy)
        if not lacks:
            covered.append(actor.name)
        elif len(lacks) < len(required):
            partial[actor.name] = lacks
    frozen = [a.name for a in _staff(unlocked)
              if a.name not in covered and not _lacks(a, required, policy)]
    for name in frozen:
        partial.pop(name, None)
    return Coverage(frozenset(required), minimum, policy, tuple(covered), tuple(frozen),
                    partial)


def _staff(actors: Iterable[Actor]) -> list[Actor]:
    return sorted({a.name: a for a in actors if a.kind == "staff"}.values(),
                  key=lambda a: a.name)


def _lacks(actor: Actor, required: frozenset[Permission], policy: str | None
           ) -> tuple[str, ...]:
    return tuple(sorted(p.value for p in required if not actor.may(p, policy=policy)))

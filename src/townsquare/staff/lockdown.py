"""Lockdowns: freezing tool access org-wide or per permission, with named exemptions.

A lockdown in force removes its permissions from every grant of every actor it does not
exempt. The platform's own paths (``LOCKDOWN_IMMUNE``) keep working whatever is frozen.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import datetime

from townsquare.staff.actor import Actor, Grant
from townsquare.staff.permissions import LOCKDOWN_IMMUNE, Permission


@dataclass(frozen=True)
class Lockdown:
    id: int
    permissions: frozenset[Permission] | None  # None: org-wide
    reason: str
    started_at: datetime
    restore_at: datetime | None = None
    lifted_at: datetime | None = None
    exempt_staff: frozenset[str] = frozenset()
    exempt_teams: frozenset[str] = frozenset()
    exempt_roles: frozenset[str] = frozenset()

    def in_force(self, now: datetime) -> bool:
        return (
            self.started_at <= now
            and self.lifted_at is None
            and (self.restore_at is None or now < self.restore_at)
        )

    @property
    def frozen(self) -> frozenset[Permission]:
        """What it takes away (never the immune platform paths)."""
        return (self.permissions or frozenset(Permission)) - LOCKDOWN_IMMUNE

    def exempts(self, actor: Actor) -> bool:
        return (
            actor.name in self.exempt_staff
            or bool(actor.teams & self.exempt_teams)
            or any(g.role in self.exempt_roles for g in actor.grants)
        )


def apply_lockdowns(actor: Actor, lockdowns: list[Lockdown], now: datetime) -> Actor:
    """``actor`` with the permissions of every lockdown in force that does not exempt them
    removed; ``Actor.frozen`` says which lockdown took each one (for the refusal message)."""
    frozen: dict[Permission, str] = dict(actor.frozen)
    for lockdown in lockdowns:
        if not lockdown.in_force(now) or lockdown.exempts(actor):
            continue
        for permission in lockdown.frozen & actor.permissions:
            frozen.setdefault(permission, f"lockdown #{lockdown.id}: {lockdown.reason}")
    if not frozen:
        return actor
    taken = frozenset(frozen)
    grants = tuple(
        Grant(g.role, g.permissions - taken, g.policies, g.queues) for g in actor.grants
    )
    return replace(actor, grants=grants, frozen=frozen)

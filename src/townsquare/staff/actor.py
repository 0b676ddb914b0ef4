"""Who is calling and what they may do now: grants (a role's permissions, maybe scoped to
some policies or queues), minus whatever a lockdown has frozen."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

from townsquare.staff.permissions import Permission


class Forbidden(PermissionError):
    """Raised by :meth:`Actor.check`; edges answer 403 (HTTP) or exit 3 (CLI)."""


@dataclass(frozen=True)
class Grant:
    """A role held by someone, optionally limited to some policies and/or queues
    (None: every policy / every queue)."""

    role: str
    permissions: frozenset[Permission]
    policies: frozenset[str] | None = None
    queues: frozenset[str] | None = None

    def covers(self, permission: Permission, policy: str | None, queue: str | None) -> bool:
        return (
            permission in self.permissions
            and (policy is None or self.policies is None or policy in self.policies)
            and (queue is None or self.queues is None or queue in self.queues)
        )


@dataclass(frozen=True)
class Actor:
    """A staff member or a service identity, with the grants in force right now.

    ``frozen`` maps each permission a lockdown took away to that lockdown's reason, so a
    refusal can say why."""

    name: str  # what the audit log records: a staff username or a service token's name
    kind: Literal["staff", "service", "system"]
    grants: tuple[Grant, ...]
    staff_id: int | None = None
    teams: frozenset[str] = frozenset()
    frozen: dict[Permission, str] = field(default_factory=dict)

    @property
    def role(self) -> str:
        return ",".join(sorted({g.role for g in self.grants})) or "none"

    @property
    def permissions(self) -> frozenset[Permission]:
        return frozenset().union(*(g.permissions for g in self.grants))

    def may(
        self, permission: Permission, *, policy: str | None = None, queue: str | None = None
    ) -> bool:
        return any(g.covers(permission, policy, queue) for g in self.grants)

    def check(
        self, permission: Permission, *, policy: str | None = None, queue: str | None = None
    ) -> None:
        """Raise :class:`Forbidden` with the reason unless the actor may do this now."""
        if self.may(permission, policy=policy, queue=queue):
            return
        if permission in self.frozen:
            raise Forbidden(
                f"{permission.value!r} is frozen by a lockdown: {self.frozen[permission]}"
            )
        if permission in self.permissions:
            where = f"policy {policy!r}" if policy is not None else f"queue {queue!r}"
            raise Forbidden(f"{self.name!r} holds {permission.value!r} but not for {where}")
        raise Forbidden(f"{self.name!r} ({self.role}) lacks the permission {permission.value!r}")

    def scope_of(self, permission: Permission, kind: Literal["policies", "queues"]
                 ) -> frozenset[str] | None:
        """The policies (or queues) where the actor holds ``permission``; None means all."""
        names: set[str] = set()
        for g in self.grants:
            if permission not in g.permissions:
                continue
            scope = g.policies if kind == "policies" else g.queues
            if scope is None:
                return None
            names |= scope
        return frozenset(names)


def system_actor(name: str = "system") -> Actor:
    """Scheduled work (lockdown restore, expiry): every permission, recorded as ``name``."""
    return Actor(name, "system", (Grant("system", frozenset(Permission)),))

"""Granting roles: nobody can hand out (to anyone, themselves included) more than they hold."""

from __future__ import annotations

from townsquare.staff.actor import Actor, Forbidden
from townsquare.staff.permissions import Permission


def _within(held: frozenset[str] | None, wanted: frozenset[str] | None) -> bool:
    if held is None:  # held everywhere
        return True
    return wanted is not None and wanted <= held


def check_grantable(
    granter: Actor,
    permissions: frozenset[Permission],
    policies: frozenset[str] | None = None,
    queues: frozenset[str] | None = None,
) -> None:
    """Raise :class:`Forbidden` unless ``granter`` holds every permission, over at least
    the policies and queues being granted."""
    missing = sorted(p.value for p in permissions if p not in granter.permissions)
    if missing:
        raise Forbidden(
            f"{granter.name!r} cannot grant what they do not hold: {', '.join(missing)}"
        )
    for p in sorted(permissions):
        if not _within(granter.scope_of(p, "policies"), policies):
            raise Forbidden(f"{granter.name!r} holds {p.value!r} only for some policies")
        if not _within(granter.scope_of(p, "queues"), queues):
            raise Forbidden(f"{granter.name!r} holds {p.value!r} only for some queues")

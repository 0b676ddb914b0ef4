"""Fine-grained permissions and the built-in roles made of them."""

from __future__ import annotations

from enum import StrEnum


class Permission(StrEnum):
    CONTENT_WRITE = "content.write"  # register accounts, posts, follows (the platform)
    VISIBILITY_READ = "visibility.read"  # ask for verdicts (the platform's hot path)
    STATUS_READ = "status.read"  # read an account's status, limits and notices
    LABELS_WRITE = "labels.write"
    ACTIONS_WRITE = "actions.write"
    ACTIONS_SEVERE = "actions.severe"  # permanent suspension, URL/domain blocks
    POLICY_READ = "policy.read"
    POLICY_WRITE = "policy.write"
    TOKENS_ADMIN = "tokens.admin"


P = Permission
ROLES: dict[str, frozenset[Permission]] = {
    "service": frozenset({P.CONTENT_WRITE, P.VISIBILITY_READ, P.STATUS_READ}),
    "triage": frozenset({P.STATUS_READ, P.VISIBILITY_READ, P.POLICY_READ}),
    "moderator": frozenset(
        {P.STATUS_READ, P.VISIBILITY_READ, P.POLICY_READ, P.LABELS_WRITE, P.ACTIONS_WRITE}
    ),
    "senior_moderator": frozenset(
        {
            P.STATUS_READ,
            P.VISIBILITY_READ,
            P.POLICY_READ,
            P.LABELS_WRITE,
            P.ACTIONS_WRITE,
            P.ACTIONS_SEVERE,
        }
    ),
    "policy": frozenset({P.STATUS_READ, P.VISIBILITY_READ, P.POLICY_READ, P.POLICY_WRITE}),
    "auditor": frozenset({P.STATUS_READ, P.POLICY_READ}),
    "admin": frozenset(Permission),
}


class UnknownRoleError(ValueError):
    pass


def permissions_of(role: str) -> frozenset[Permission]:
    try:
        return ROLES[role]
    except KeyError:
        raise UnknownRoleError(
            f"unknown role {role!r}; choose from {', '.join(sorted(ROLES))}"
        ) from None

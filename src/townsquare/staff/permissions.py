"""Fine-grained permissions and the built-in roles made of them."""

from __future__ import annotations

from enum import StrEnum


class Permission(StrEnum):
    # The platform's own calls (service identities).
    CONTENT_WRITE = "content.write"  # register accounts, posts, follows
    VISIBILITY_READ = "visibility.read"  # ask for verdicts (the platform's hot path)
    STATUS_READ = "status.read"  # read an account's status, limits and notices
    # Moderation.
    LABELS_WRITE = "labels.write"
    ACTIONS_WRITE = "actions.write"
    ACTIONS_SEVERE = "actions.severe"  # permanent suspension, URL/domain blocks, bulk
    REPORTS_READ = "reports.read"  # see queues and reports
    REPORTS_HANDLE = "reports.handle"  # claim, resolve, dismiss
    REPORTS_ASSIGN = "reports.assign"  # assign to others, escalate, mute reporters
    QUEUES_ADMIN = "queues.admin"  # queues and routing rules
    APPEALS_DECIDE = "appeals.decide"
    REINSTATEMENT_DECIDE = "reinstatement.decide"
    # Policy and governance.
    POLICY_READ = "policy.read"
    POLICY_WRITE = "policy.write"
    COUNCIL_VOTE = "council.vote"
    COUNCIL_ADMIN = "council.admin"  # members, proposals, closing votes
    CIVIC_MANAGE = "civic.manage"  # civic events
    EXTERNAL_REQUESTS = "external.requests"  # register and decide external requests
    # Insider-risk controls.
    AUDIT_READ = "audit.read"  # read, verify and export the audit log
    PERSONAL_DATA_READ = "personal_data.read"  # read/export personal data (reports, requests)
    STAFF_ADMIN = "staff.admin"  # staff accounts, roles, grants, tokens
    LOCKDOWN_MANAGE = "lockdown.manage"
    APPROVALS_READ = "approvals.read"  # see pending two-person requests
    # Leak tracing.
    MEMOS_ISSUE = "memos.issue"
    LEAKS_TRACE = "leaks.trace"


P = Permission

# The platform's read and write paths keep working during any lockdown, and so does the
# lockdown control itself (else nobody could lift one).
LOCKDOWN_IMMUNE: frozenset[Permission] = frozenset(
    {P.CONTENT_WRITE, P.VISIBILITY_READ, P.STATUS_READ, P.LOCKDOWN_MANAGE}
)

_READ = {P.STATUS_READ, P.VISIBILITY_READ, P.POLICY_READ}
_TRIAGE = _READ | {P.REPORTS_READ, P.REPORTS_HANDLE}
_MODERATOR = _TRIAGE | {P.LABELS_WRITE, P.ACTIONS_WRITE, P.APPROVALS_READ}
_SENIOR = _MODERATOR | {
    P.ACTIONS_SEVERE,
    P.REPORTS_ASSIGN,
    P.APPEALS_DECIDE,
    P.REINSTATEMENT_DECIDE,
    P.PERSONAL_DATA_READ,
}

ROLES: dict[str, frozenset[Permission]] = {
    "service": frozenset({P.CONTENT_WRITE, P.VISIBILITY_READ, P.STATUS_READ}),
    "triage": frozenset(_TRIAGE),
    "moderator": frozenset(_MODERATOR),
    "senior_moderator": frozenset(_SENIOR),
    "policy": frozenset(
        _READ
        | {
            P.POLICY_WRITE,
            P.QUEUES_ADMIN,
            P.CIVIC_MANAGE,
            P.EXTERNAL_REQUESTS,
            P.REPORTS_READ,
            P.APPROVALS_READ,
        }
    ),
    "council": frozenset(_READ | {P.COUNCIL_VOTE, P.REPORTS_READ}),
    "auditor": frozenset({P.STATUS_READ, P.POLICY_READ, P.AUDIT_READ, P.APPROVALS_READ}),
    "admin": frozenset(Permission),
}
BUILTIN_ROLES = frozenset(ROLES)


class UnknownRoleError(ValueError):
    pass


def permissions_of(role: str) -> frozenset[Permission]:
    """A built-in role's permissions (custom roles live in the store)."""
    try:
        return ROLES[role]
    except KeyError:
        raise UnknownRoleError(
            f"unknown role {role!r}; choose from {', '.join(sorted(ROLES))}"
        ) from None


def parse_permissions(names: list[str] | tuple[str, ...]) -> frozenset[Permission]:
    """Permissions by name; an unknown name is a clear error."""
    known = {p.value: p for p in Permission}
    bad = [n for n in names if n not in known]
    if bad:
        raise UnknownRoleError(
            f"unknown permission(s) {', '.join(map(repr, bad))}; "
            f"choose from {', '.join(sorted(known))}"
        )
    return frozenset(known[n] for n in names)

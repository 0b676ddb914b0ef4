"""Pure staff rules: lockdowns with exemptions, granting within what one holds, and who
may be the second person of a two-person request."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from townsquare.staff.actor import Actor, Forbidden, Grant
from townsquare.staff.approvals import PendingRequest, check_approver, effective_status
from townsquare.staff.grants import check_grantable
from townsquare.staff.lockdown import Lockdown, apply_lockdowns
from townsquare.staff.permissions import LOCKDOWN_IMMUNE, ROLES, Permission

P = Permission
NOW = datetime(2026, 11, 25, 12, tzinfo=UTC)


def staff(name: str, *roles: str, teams: frozenset[str] = frozenset(), staff_id: int = 1,
          policies: frozenset[str] | None = None) -> Actor:
    return Actor(name, "staff", tuple(Grant(r, ROLES[r], policies) for r in roles),
                 staff_id=staff_id, teams=teams)


def lockdown(**kw: object) -> Lockdown:
    base: dict[str, object] = {"id": 7, "permissions": None, "reason": "ownership change",
                               "started_at": NOW - timedelta(hours=1)}
    base.update(kw)
    return Lockdown(**base)  # type: ignore[arg-type]


def test_an_org_wide_lockdown_freezes_tools_but_not_the_platform_paths() -> None:
    mod = apply_lockdowns(staff("mia", "senior_moderator"), [lockdown()], NOW)
    assert not mod.may(P.LABELS_WRITE) and not mod.may(P.REPORTS_HANDLE)
    assert mod.may(P.STATUS_READ) and mod.may(P.VISIBILITY_READ)
    with pytest.raises(Forbidden, match="lockdown #7: ownership change"):
        mod.check(P.ACTIONS_WRITE)
    service = Actor("platform", "service", (Grant("service", ROLES["service"]),))
    assert apply_lockdowns(service, [lockdown()], NOW).permissions == ROLES["service"]


def test_named_exemptions_by_person_team_or_role_keep_their_access() -> None:
    ld = lockdown(exempt_staff=frozenset({"ana"}), exempt_teams=frozenset({"civic-integrity"}),
                  exempt_roles=frozenset({"auditor"}))
    assert apply_lockdowns(staff("ana", "moderator"), [ld], NOW).may(P.LABELS_WRITE)
    civic = staff("cy", "moderator", teams=frozenset({"civic-integrity"}))
    assert apply_lockdowns(civic, [ld], NOW).may(P.ACTIONS_WRITE)
    assert apply_lockdowns(staff("au", "auditor"), [ld], NOW).may(P.AUDIT_READ)
    assert not apply_lockdowns(staff("bo", "moderator"), [ld], NOW).may(P.LABELS_WRITE)


def test_a_permission_lockdown_freezes_only_those_permissions() -> None:
    ld = lockdown(permissions=frozenset({P.ACTIONS_SEVERE, P.POLICY_WRITE}))
    admin = apply_lockdowns(staff("root", "admin"), [ld], NOW)
    assert not admin.may(P.ACTIONS_SEVERE) and not admin.may(P.POLICY_WRITE)
    assert admin.may(P.ACTIONS_WRITE) and admin.may(P.STAFF_ADMIN)


def test_a_lockdown_ends_at_its_restore_time_or_when_lifted() -> None:
    timed = lockdown(restore_at=NOW + timedelta(minutes=5))
    assert not apply_lockdowns(staff("m", "moderator"), [timed], NOW).may(P.LABELS_WRITE)
    later = NOW + timedelta(minutes=5)
    assert apply_lockdowns(staff("m", "moderator"), [timed], later).may(P.LABELS_WRITE)
    lifted = lockdown(lifted_at=NOW - timedelta(minutes=1))
    assert apply_lockdowns(staff("m", "moderator"), [lifted], NOW).may(P.LABELS_WRITE)


@given(st.sets(st.sampled_from(sorted(Permission))))
def test_lockdown_control_and_platform_paths_are_never_frozen(perms: set[Permission]) -> None:
    ld = lockdown(permissions=frozenset(perms) or None)
    assert not ld.frozen & LOCKDOWN_IMMUNE
    admin = apply_lockdowns(staff("root", "admin"), [ld], NOW)
    assert admin.permissions >= LOCKDOWN_IMMUNE


@given(st.sampled_from(sorted(ROLES)), st.sampled_from(sorted(ROLES)))
def test_nobody_grants_a_role_holding_more_than_they_do(held: str, wanted: str) -> None:
    granter = staff("g", held)
    if ROLES[wanted] <= ROLES[held]:
        check_grantable(granter, ROLES[wanted])
    else:
        with pytest.raises(Forbidden, match="cannot grant what they do not hold"):
            check_grantable(granter, ROLES[wanted])


def test_a_policy_scoped_holder_grants_only_within_their_policies() -> None:
    scoped = staff("s", "admin", policies=frozenset({"spam"}))
    check_grantable(scoped, ROLES["moderator"], policies=frozenset({"spam"}))
    with pytest.raises(Forbidden, match="only for some policies"):
        check_grantable(scoped, ROLES["moderator"], policies=frozenset({"spam", "hate"}))
    with pytest.raises(Forbidden, match="only for some policies"):
        check_grantable(scoped, ROLES["moderator"])  # unscoped is more than they hold
    assert scoped.may(P.LABELS_WRITE, policy="spam")
    assert not scoped.may(P.LABELS_WRITE, policy="hate")


def request(**kw: object) -> PendingRequest:
    base: dict[str, object] = {"id": 3, "operation": "action.permanent_suspension",
                               "status": "pending", "requested_by": "ana",
                               "requested_by_staff_id": 1,
                               "expires_at": NOW + timedelta(hours=1)}
    base.update(kw)
    return PendingRequest(**base)  # type: ignore[arg-type]


def test_the_second_person_must_be_someone_else_with_the_permission_in_time() -> None:
    check_approver(request(), staff("bo", "senior_moderator", staff_id=2), P.ACTIONS_SEVERE,
                   NOW)
    with pytest.raises(Forbidden, match="needs a second person"):
        check_approver(request(), staff("ana", "senior_moderator", staff_id=1),
                       P.ACTIONS_SEVERE, NOW)
    # Same person through a differently named token: still the same staff id.
    with pytest.raises(Forbidden, match="needs a second person"):
        check_approver(request(), staff("ana-cli", "admin", staff_id=1), P.ACTIONS_SEVERE, NOW)
    with pytest.raises(Forbidden, match=r"lacks the permission 'actions\.severe'"):
        check_approver(request(), staff("cy", "moderator", staff_id=3), P.ACTIONS_SEVERE, NOW)
    expired = request(expires_at=NOW)
    assert effective_status(expired, NOW) == "expired"
    with pytest.raises(ValueError, match="is expired"):
        check_approver(expired, staff("bo", "admin", staff_id=2), P.ACTIONS_SEVERE, NOW)

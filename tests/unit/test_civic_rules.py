"""The pure civic rules: which event (and policy version) is in force at a moment, when
that next changes, which variants are stricter, and who counts for civic coverage."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from importlib import resources

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from townsquare.moderation.civic import (
    CivicEvent,
    check_window,
    event_in_force,
    loosened_cells,
    next_change,
    overlapping,
    require_stricter,
    version_in_force,
)
from townsquare.moderation.model import ModerationError
from townsquare.moderation.verdicts import CompiledPolicy
from townsquare.policy_files import parse_policy_text
from townsquare.staff.actor import Actor, Grant
from townsquare.staff.coverage import DEFAULT_CIVIC_PERMISSIONS, coverage
from townsquare.staff.lockdown import Lockdown, apply_lockdowns
from townsquare.staff.permissions import ROLES, Permission

T0 = datetime(2026, 11, 3, tzinfo=UTC)
minutes = st.integers(min_value=0, max_value=600)


@st.composite
def disjoint_events(draw: st.DrawFn) -> list[CivicEvent]:
    """Events with non-overlapping planned windows, some ended early by hand."""
    events: list[CivicEvent] = []
    at = draw(st.integers(0, 30))
    for i in range(draw(st.integers(0, 5))):
        start = at + draw(st.integers(0, 60))
        end = start + draw(st.integers(1, 120))
        cut = draw(st.none() | st.integers(start - 30, end + 30))
        events.append(CivicEvent(
            i + 1, f"e{i}", T0 + timedelta(minutes=start), T0 + timedelta(minutes=end),
            100 + i, None if cut is None else T0 + timedelta(minutes=cut)))
        at = end
    return events


@given(disjoint_events(), minutes)
def test_the_event_in_force_is_the_one_whose_window_covers_the_moment(
    events: list[CivicEvent], minute: int
) -> None:
    now = T0 + timedelta(minutes=minute)
    covering = [e for e in events if e.starts_at <= now < min(e.ends_at, e.ended_at or e.ends_at)]
    assert len(covering) <= 1
    found = event_in_force(events, now)
    assert found == (covering[0] if covering else None)
    version, event = version_in_force(1, events, now)
    assert version == (found.policy_version if found else 1) and event == found
    if found is not None:
        assert found.status(now) == "in_force"


@given(disjoint_events(), minutes)
def test_nothing_changes_before_the_next_change(events: list[CivicEvent], minute: int) -> None:
    now = T0 + timedelta(minutes=minute)
    upcoming = next_change(events, now)
    live = version_in_force(1, events, now)
    horizon = upcoming or now + timedelta(days=1)
    step = max((horizon - now) / 7, timedelta(seconds=1))
    t = now
    while t < horizon:
        assert version_in_force(1, events, t) == live
        t += step
    if upcoming is not None:
        assert upcoming > now


@given(minutes, st.integers(1, 300), minutes, st.integers(1, 300))
def test_overlap_means_sharing_a_moment(a: int, a_len: int, b: int, b_len: int) -> None:
    first = CivicEvent(1, "a", T0 + timedelta(minutes=a), T0 + timedelta(minutes=a + a_len), 2)
    share = any(a <= m < a + a_len for m in range(b, b + b_len))
    assert bool(overlapping([first], T0 + timedelta(minutes=b),
                            T0 + timedelta(minutes=b + b_len))) == share


def test_an_event_ended_before_it_started_never_overlaps_nor_applies() -> None:
    cancelled = CivicEvent(1, "a", T0, T0 + timedelta(hours=2), 2,
                           ended_at=T0 - timedelta(hours=1))
    assert cancelled.status(T0 - timedelta(hours=2)) == "ended"
    assert event_in_force([cancelled], T0) is None
    assert overlapping([cancelled], T0, T0 + timedelta(hours=1)) == []


@pytest.mark.parametrize(
    ("start", "end", "message"),
    [(T0, T0, "after starts_at"), (T0 - timedelta(days=2), T0 - timedelta(days=1), "over"),
     (T0, T0 + timedelta(days=400), "longer than"),
     (T0.replace(tzinfo=None), T0 + timedelta(hours=1), "timezone")],
)
def test_bad_windows_are_refused(start: datetime, end: datetime, message: str) -> None:
    with pytest.raises(ModerationError, match=message):
        check_window("Election", start, end, T0 - timedelta(hours=1))


DEFAULT = resources.files("townsquare.moderation").joinpath(
    "policies", "default.yaml").read_text("utf-8")
BASE = CompiledPolicy(parse_policy_text(DEFAULT, "yaml"))
RULE = """      - id: civic_misinformation.discovery
        surfaces: [trends, recommendations]
        actions: [drop]
"""


def variant(text: str) -> CompiledPolicy:
    assert text != DEFAULT
    return CompiledPolicy(parse_policy_text(text, "yaml"))


def test_a_variant_adding_restrictions_is_stricter() -> None:
    stricter = variant(DEFAULT.replace(RULE, RULE + """      - id: extra
        surfaces: [search_top]
        actions: [drop]
"""))
    assert loosened_cells(BASE, BASE) == []
    assert loosened_cells(BASE, stricter) == []
    require_stricter(BASE, stricter)


def test_a_variant_dropping_a_rule_or_weakening_an_action_is_looser() -> None:
    without = variant(DEFAULT.replace(RULE, ""))
    cells = loosened_cells(BASE, without)
    assert {(c.label, c.surface) for c in cells} == {
        ("civic_misinformation", "trends"), ("civic_misinformation", "recommendations")}
    assert all(c.base == ("drop",) and c.variant == ("label",) for c in cells)
    with pytest.raises(ModerationError, match="would be looser: civic_misinformation"):
        require_stricter(BASE, without)
    weaker = variant(DEFAULT.replace(RULE, RULE.replace("[drop]", "[downrank]")))
    assert loosened_cells(BASE, weaker)


ROLE_NAMES = sorted(ROLES)


@st.composite
def staff_actors(draw: st.DrawFn) -> list[Actor]:
    actors = []
    for i in range(draw(st.integers(0, 8))):
        grants = tuple(
            Grant(role, ROLES[role],
                  draw(st.none() | st.just(frozenset({"spam"})) | st.just(
                      frozenset({"civic_integrity"}))))
            for role in draw(st.lists(st.sampled_from(ROLE_NAMES), max_size=3, unique=True)))
        actors.append(Actor(f"s{i}", draw(st.sampled_from(["staff", "staff", "service"])),
                            grants))
    return actors


@settings(max_examples=200)
@given(staff_actors(), st.integers(0, 6), st.booleans())
def test_coverage_counts_exactly_the_staff_holding_every_civic_tool(
    actors: list[Actor], minimum: int, locked: bool
) -> None:
    lockdown = Lockdown(1, frozenset({Permission.LABELS_WRITE}), "freeze", T0,
                        exempt_roles=frozenset({"senior_moderator"}))
    now = [apply_lockdowns(a, [lockdown], T0) for a in actors] if locked else actors
    result = coverage(now, DEFAULT_CIVIC_PERMISSIONS, minimum, "civic_integrity", actors)
    holders = sorted(a.name for a in now if a.kind == "staff" and all(
        a.may(p, policy="civic_integrity") for p in DEFAULT_CIVIC_PERMISSIONS))
    assert list(result.covered) == holders
    assert result.short == (len(holders) < minimum)
    assert (result.warning() is None) == (not result.short)
    would = {a.name for a in actors if a.kind == "staff" and all(
        a.may(p, policy="civic_integrity") for p in DEFAULT_CIVIC_PERMISSIONS)}
    assert set(result.frozen) == would - set(holders)
    assert not set(result.frozen) & set(result.covered)
    if not locked:
        assert result.frozen == ()

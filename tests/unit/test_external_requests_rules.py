"""The pure rules of external requests: political flagging, decisions, transparency counts."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from townsquare.moderation.external_requests import (
    DATA_SECTIONS,
    DECISIONS,
    REQUESTER_TYPES,
    Counted,
    check_decision,
    check_request,
    normalised_name,
    political_reason,
    transparency_counts,
)
from townsquare.moderation.model import ModerationError

NOW = datetime(2026, 11, 25, tzinfo=UTC)


@pytest.mark.parametrize(
    ("requester", "kind", "flagged"),
    [("Committee to Re-Elect JANE DOE", "other", True), ("Jane Doerty LLC", "other", False),
     ("Union pour la Démocratie", "other", True), ("Anyone", "political_campaign", True),
     ("Ministry of Justice", "government", False)],
)
def test_political_requests_are_campaigns_or_name_a_listed_entity(
    requester: str, kind: str, flagged: bool
) -> None:
    listed = [("jane doe", "candidate"), (normalised_name("Union pour la démocratie"), "party")]
    assert (political_reason(requester, kind, listed) is not None) == flagged


@given(st.text(max_size=40), st.text(max_size=40))
def test_a_listed_name_is_always_found_inside_a_requester_name(before: str, name: str) -> None:
    entity = normalised_name(name)
    if not entity:
        return
    requester = f"{before} {name} office"
    assert political_reason(requester, "other", [(entity, "party")]) is not None


def test_takedown_decisions_apply_the_requested_action_or_a_lesser_one() -> None:
    assert check_decision("takedown", "suspend", "comply", "ok").action == "suspend"
    assert check_decision("takedown", "suspend", "partial", "ok", "limit_reach").action == (
        "limit_reach")
    assert check_decision("takedown", "suspend", "reject", "no").action is None
    with pytest.raises(ModerationError, match="rationale"):
        check_decision("takedown", "suspend", "reject", "   ")


def test_data_decisions_export_everything_or_the_sections_named() -> None:
    assert check_decision("data", "export", "comply", "ok").sections == DATA_SECTIONS
    assert check_decision("data", "export", "partial", "ok", sections=["notices", "posts"]
                          ).sections == ("posts", "notices")
    assert check_decision("data", "export", "reject", "no").sections == ()
    for bad in (["posts", "diary"], [], list(DATA_SECTIONS)):
        with pytest.raises(ModerationError, match="sections"):
            check_decision("data", "export", "partial", "ok", sections=bad)


def test_a_data_request_asks_for_an_export() -> None:
    fields = check_request(kind="data", requester_name="Police", requester_type="law_enforcement",
                           country="be", legal_basis="art. 46bis", subject_type="account",
                           subject_id="a1", requested_action=None, received_at=NOW, now=NOW)
    assert (fields.requested_action, fields.country) == ("export", "BE")


counted = st.builds(
    Counted, st.sampled_from(REQUESTER_TYPES), st.sampled_from(["takedown", "data"]),
    st.none() | st.sampled_from(DECISIONS), st.booleans(),
    st.integers(0, 800).map(lambda d: NOW - timedelta(days=d)),
)


@given(st.lists(counted, max_size=40), st.sampled_from(["month", "quarter", "year"]))
def test_every_request_is_counted_once_in_each_breakdown(
    rows: list[Counted], period: str
) -> None:
    report = transparency_counts(rows, period)
    assert report["total"] == len(rows)
    assert sum(report["by_requester_type"].values()) == len(rows)
    assert sum(report["by_decision"].values()) == len(rows)
    assert sum(report["by_kind"].values()) == len(rows)
    assert sum(p["received"] for p in report["by_period"]) == len(rows)
    assert report["by_decision"].get("pending", 0) == sum(r.decision is None for r in rows)
    assert report["political"] == sum(r.political for r in rows)
    periods = [p["period"] for p in report["by_period"]]
    assert periods == sorted(set(periods))

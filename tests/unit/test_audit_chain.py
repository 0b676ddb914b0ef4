"""The pure hash chain: any single change to a chain is reported at the right event."""

from __future__ import annotations

import json
from dataclasses import replace
from datetime import UTC, datetime, timedelta
from enum import Enum
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from townsquare.audit import (
    GENESIS,
    Anchor,
    AuditError,
    Event,
    canonical,
    compute_hash,
    event_from_dict,
    normalize_document,
    seal,
    verify,
)

T0 = datetime(2026, 1, 1, tzinfo=UTC)
documents = st.recursive(
    st.none() | st.booleans() | st.integers() | st.text(max_size=8)
    | st.floats(allow_nan=False, allow_infinity=False),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=5), inner,
                                                                max_size=3),
    max_leaves=6,
)


def chain(docs: list[Any]) -> list[Event]:
    events: list[Event] = []
    prev = GENESIS
    for i, doc in enumerate(docs, start=1):
        event = seal(seq=i, at=T0 + timedelta(seconds=i), actor=f"m{i % 2}", actor_kind="staff",
                     action="label.add", subject_type="post", subject_id=f"p{i}", before=None,
                     after=doc, request_id=None if i % 2 else f"r{i}", prev_hash=prev)
        events.append(event)
        prev = event.hash
    return events


chains = st.lists(documents, min_size=1, max_size=8).map(chain)


@given(chains)
def test_an_untouched_chain_verifies_and_survives_an_export_round_trip(events: list[Event]
                                                                        ) -> None:
    lines = [canonical(e.to_dict()).decode() for e in events]
    back = [event_from_dict(json.loads(line)) for line in lines]

    assert back == events
    verdict = verify(back)
    assert verdict.ok and verdict.checked == len(events)
    assert verdict.head == Anchor(events[-1].seq, events[-1].hash)


FIELDS: dict[str, Any] = {
    "actor": "mallory", "actor_kind": "system", "action": "x.y", "subject_type": "account",
    "subject_id": "other", "before": {"forged": 1}, "after": ["forged"], "request_id": "zzz",
    "at": T0 - timedelta(days=1),
}


@given(chains, st.data(), st.sampled_from(sorted(FIELDS)))
def test_editing_any_field_of_any_event_is_reported_at_that_event(
    events: list[Event], data: st.DataObject, field: str
) -> None:
    i = data.draw(st.integers(0, len(events) - 1))
    if getattr(events[i], field) == FIELDS[field]:
        return
    tampered = [*events[:i], replace(events[i], **{field: FIELDS[field]}), *events[i + 1:]]

    verdict = verify(tampered)

    assert (verdict.ok, verdict.bad_seq, verdict.problem, verdict.checked) == (
        False, i + 1, "edited", i)


@given(chains.filter(lambda e: len(e) >= 2), st.data())
def test_deleting_any_event_but_the_last_is_reported_at_the_next_one(
    events: list[Event], data: st.DataObject
) -> None:
    i = data.draw(st.integers(0, len(events) - 2))

    verdict = verify([*events[:i], *events[i + 1:]])

    assert (verdict.ok, verdict.bad_seq, verdict.problem) == (False, i + 2,
                                                                "inserted_or_deleted")


@given(chains, st.data())
def test_cutting_the_tail_is_reported_only_against_an_anchor(
    events: list[Event], data: st.DataObject
) -> None:
    keep = data.draw(st.integers(0, len(events) - 1))
    anchor = Anchor(events[-1].seq, events[-1].hash)

    assert verify(events[:keep]).ok
    cut = verify(events[:keep], anchor=anchor)
    assert (cut.ok, cut.problem, cut.bad_seq) == (False, "truncated", anchor.seq)


def test_a_recomputed_chain_fails_against_the_anchor_where_it_differs() -> None:
    original = chain([1, 2, 3])
    rewritten = chain([1, 20, 3])  # every hash valid, from event 2 on different

    assert verify(rewritten).ok
    verdict = verify(rewritten, anchor=Anchor(3, original[2].hash))
    assert (verdict.ok, verdict.bad_seq, verdict.problem) == (False, 3, "anchor")


def test_a_range_verifies_from_its_own_first_prev_hash() -> None:
    events = chain([1, 2, 3, 4])

    assert verify(events[2:], prev_hash=events[1].hash, first_seq=3).ok
    assert not verify(events[2:]).ok  # not from the genesis


def test_the_hash_covers_the_previous_hash() -> None:
    event = chain([1])[0]
    assert compute_hash(replace(event, prev_hash="1" * 64)) != event.hash


class Colour(Enum):
    RED = "red"


def test_documents_are_normalised_to_the_json_that_is_stored_and_hashed() -> None:
    doc = {"at": T0, "colour": Colour.RED, "pair": (1, 2), "set": {"b", "a"}}
    assert normalize_document(doc) == {
        "at": "2026-01-01T00:00:00.000000Z", "colour": "red", "pair": [1, 2],
        "set": ["a", "b"]}


@pytest.mark.parametrize("doc", [{"x": float("nan")}, {"x": object()}, [float("inf")]])
def test_documents_json_cannot_hold_exactly_are_refused(doc: Any) -> None:
    with pytest.raises(AuditError):
        normalize_document(doc)


def test_naive_times_are_refused() -> None:
    with pytest.raises(AuditError, match="timezone"):
        seal(seq=1, at=datetime(2026, 1, 1), actor="a", actor_kind="staff", action="a",
             subject_type="s", subject_id="1", before=None, after=None, request_id=None,
             prev_hash=GENESIS)


@pytest.mark.parametrize("text", ["", "12", "x:" + "a" * 64, "0:" + "a" * 64, "3:abc",
                                  "3:" + "g" * 64])
def test_malformed_anchors_are_refused(text: str) -> None:
    with pytest.raises(AuditError, match="SEQ:HASH"):
        Anchor.parse(text)


def test_an_anchor_round_trips_through_its_text() -> None:
    anchor = Anchor(7, "A" * 64)
    assert Anchor.parse(str(Anchor.parse(str(anchor)))) == Anchor(7, "a" * 64)


@pytest.mark.parametrize("line", [{}, {"seq": "x"}, {**chain([1])[0].to_dict(), "at": "now"}])
def test_export_lines_missing_or_garbling_fields_are_refused(line: dict[str, Any]) -> None:
    with pytest.raises(AuditError):
        event_from_dict(line)

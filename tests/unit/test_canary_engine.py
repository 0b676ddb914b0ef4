"""Embed -> read round trips per channel, and who a trace accuses (property tests)."""

from __future__ import annotations

import re

import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from townsquare.canary.codes import CodeBook, slot_laws
from townsquare.canary.embed import CopyWriter
from townsquare.canary.layout import build_layout
from townsquare.canary.model import Channel, Layout
from townsquare.canary.normalize import fold_typography, strip_zero_width
from townsquare.canary.read import read_leak
from townsquare.canary.trace import trace

EN_WORDS = [
    "we",
    "do",
    "not",
    "think",
    "the",
    "network",
    "reached",
    "many",
    "real",
    "users",
    "it's",
    "well-known",
    "that",
    "teams",
    "review",
    "reports",
    "every",
    "week",
    "and",
    "labels",
    "limit",
    "reach",
    "however",
    "policy",
    "cannot",
    "change",
    "today",
    "today,",
    "reports,",
    "1,200",
]
FR_WORDS = [
    "nous",
    "avons",
    "l'équipe",
    "réunion",
    "réunion,",
    "à",
    "décidé",
    "très",
    "été",
    "projet",
]
ALL_CHANNELS: tuple[Channel, ...] = ("spacing", "typography", "lexical", "zero_width")


def memo_text(draw: st.DrawFn, words: list[str]) -> str:
    paragraphs = []
    for _ in range(draw(st.integers(1, 3))):
        sentences = []
        for _ in range(draw(st.integers(1, 5))):
            ws = draw(st.lists(st.sampled_from(words), min_size=2, max_size=12))
            end = draw(st.sampled_from([".", ".", "!", "?", "..."]))
            sentences.append(" ".join(ws).capitalize() + end)
        paragraphs.append(" ".join(sentences))
    return "\n\n".join(paragraphs)


@st.composite
def memos(draw: st.DrawFn) -> tuple[str, str]:
    language = draw(st.sampled_from(["en", "fr"]))
    return memo_text(draw, EN_WORDS if language == "en" else FR_WORDS), language


def issue(
    layout: Layout, n: int, seed: bytes = b"s" * 32
) -> tuple[CodeBook, np.ndarray, list[str]]:
    book = CodeBook(seed, slot_laws(layout.slots))
    symbols = book.symbols(np.arange(n, dtype=np.int64))
    writer = CopyWriter(layout)
    return book, symbols, [writer.render(row) for row in symbols]


@pytest.mark.parametrize("channel", ALL_CHANNELS)
@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(memo=memos(), data=st.data())
def test_every_channel_round_trips(
    channel: Channel, memo: tuple[str, str], data: st.DataObject
) -> None:
    text, language = memo
    layout = build_layout(text, language=language, channels=[channel])  # type: ignore[arg-type]
    symbols = np.array([data.draw(st.integers(0, s.q - 1)) for s in layout.slots], dtype=np.int16)
    copy = CopyWriter(layout).render(symbols)
    reading = read_leak(layout, copy)
    read = reading.observed >= 0
    # Every slot read back is read right; only whole-kind constant runs may be erased.
    assert np.array_equal(reading.observed[read], symbols[read])
    if channel == "lexical":
        return
    kinds: dict[str, list[int]] = {}
    for j, slot in enumerate(layout.slots):
        kinds.setdefault(slot.kind, []).append(j)
    for idx in kinds.values():
        shown = {layout.slots[j].variants[symbols[j]] for j in idx}
        if len(shown) > 1:  # a kind showing more than one form is not mistaken for cleaning
            assert read[idx].sum() >= len(idx) // 2


@settings(max_examples=25, deadline=None)
@given(memo=memos())
def test_invisible_channels_look_identical_to_the_original(memo: tuple[str, str]) -> None:
    text, language = memo
    layout = build_layout(text, language=language, channels=["typography", "zero_width"])  # type: ignore[arg-type]
    _, _, copies = issue(layout, 3)
    for copy in copies:
        assert fold_typography(strip_zero_width(copy)) == fold_typography(layout.text)


LONG_MEMO = "\n\n".join(
    " ".join(
        f"In week {p * 10 + s} we reviewed {p + s + 2} reports, and the well-known team "
        f"didn't change its policy for project {chr(65 + s)}{p}."
        for s in range(6)
    )
    for p in range(8)
)


@pytest.fixture(scope="module")
def issued() -> tuple[Layout, CodeBook, np.ndarray, list[str]]:
    layout = build_layout(
        LONG_MEMO, language="en", channels=["spacing", "typography", "zero_width"]
    )
    book, symbols, copies = issue(layout, 300)
    return layout, book, symbols, copies


@settings(max_examples=30, deadline=None)
@given(who=st.integers(0, 299))
def test_a_copy_read_back_names_exactly_its_recipient(
    issued: tuple[Layout, CodeBook, np.ndarray, list[str]], who: int
) -> None:
    layout, book, _, copies = issued
    outcome = trace(layout, book, read_leak(layout, copies[who]), 300)
    assert outcome.verdict == "identified"
    assert [s.position for s in outcome.accused] == [who]
    assert outcome.accused[0].false_accusation_probability <= 1e-6


def test_unmarked_original_and_unrelated_text_accuse_nobody(
    issued: tuple[Layout, CodeBook, np.ndarray, list[str]],
) -> None:
    layout, book, _, _ = issued
    original = trace(layout, book, read_leak(layout, layout.text), 300)
    assert original.accused == []
    unrelated = trace(
        layout, book, read_leak(layout, "Nothing here is from that memo at all."), 300
    )
    assert unrelated.verdict == "no_match" and unrelated.accused == []


@settings(max_examples=20, deadline=None)
@given(seed=st.binary(min_size=32, max_size=32))
def test_random_readings_accuse_nobody(
    issued: tuple[Layout, CodeBook, np.ndarray, list[str]], seed: bytes
) -> None:
    """Whatever a leak says, innocents' codewords are independent of it: no accusation."""
    layout, book, _, copies = issued
    rng = np.random.default_rng(int.from_bytes(seed[:8], "big"))
    reading = read_leak(layout, copies[0])
    fake = np.array([rng.integers(0, s.q) for s in layout.slots], dtype=np.int16)
    reading.observed[:] = fake
    assert trace(layout, book, reading, 300).accused == []


def test_memo_with_its_own_double_spaces_is_neither_broken_nor_misread() -> None:
    raw = LONG_MEMO.replace("policy for project A0. ", "policy for project A0.  ")
    layout = build_layout(raw, language="en", channels=["spacing", "typography", "zero_width"])
    assert "  " not in layout.text
    book, _, copies = issue(layout, 300)
    # the author's own file (with its double spaces) is not anybody's copy
    assert trace(layout, book, read_leak(layout, raw), 300).accused == []
    outcome = trace(layout, book, read_leak(layout, copies[7]), 300)
    assert [s.position for s in outcome.accused] == [7]


def test_two_colluders_interleaving_sentences_are_both_named(
    issued: tuple[Layout, CodeBook, np.ndarray, list[str]],
) -> None:
    layout, book, symbols, _ = issued
    mixed = symbols[11].copy()
    odd = np.array([layout.sentences[s.sentence].index % 2 == 1 for s in layout.slots])
    mixed[odd] = symbols[42][odd]
    outcome = trace(layout, book, read_leak(layout, CopyWriter(layout).render(mixed)), 300)
    assert {s.position for s in outcome.accused} == {11, 42}


def test_excerpt_too_short_is_inconclusive_with_an_estimate(
    issued: tuple[Layout, CodeBook, np.ndarray, list[str]],
) -> None:
    layout, book, _, copies = issued
    # one short sentence, whitespace collapsed and invisibles stripped: little evidence left
    first = layout.sentences[0]
    excerpt = " ".join(strip_zero_width(copies[3]).split()[: first.end_token - first.first_token])
    outcome = trace(layout, book, read_leak(layout, fold_typography(excerpt)), 300)
    assert outcome.verdict in ("inconclusive", "no_match")
    assert outcome.accused == []


def test_repeated_words_around_a_lexical_slot_are_erased_not_misread() -> None:
    """ "It is it's it's": the only anchor after the first slot also fits one word later,
    where "it's" would read as the memo's own variant; the reader must erase, not guess."""
    layout = build_layout("It's it's it's. We it's.", language="en", channels=["lexical"])
    assert [s.variants for s in layout.slots] == [("It's", "It is"), ("it's", "it is")]
    for symbols in ([1, 0], [0, 1], [1, 1], [0, 0]):
        row = np.array(symbols, dtype=np.int16)
        reading = read_leak(layout, CopyWriter(layout).render(row))
        read = reading.observed >= 0
        assert np.array_equal(reading.observed[read], row[read]), symbols


def test_a_gap_after_a_comma_is_a_spacing_slot_not_also_a_typography_one() -> None:
    text = "Today, we review reports, labels and limits every week. We stop."
    layout = build_layout(text, language="en", channels=["spacing", "typography"])
    commas = [s for s in layout.slots if s.kind == "comma_gap"]
    assert [text[s.start - 1 : s.end + 1] for s in commas] == [", w", ", l"]
    assert all(s.variants == (" ", "  ") for s in commas)
    gaps = {(s.start, s.end) for s in layout.slots if s.channel == "typography"}
    assert not gaps & {(s.start, s.end) for s in commas}
    _, symbols, copies = issue(layout, 40)
    comma_index = [j for j, s in enumerate(layout.slots) if s.kind == "comma_gap"]
    read_commas = 0
    for row, copy in zip(symbols, copies, strict=True):
        reading = read_leak(layout, copy)
        read = reading.observed >= 0
        # A copy with no double space anywhere cannot be told from a collapsed one: erased.
        assert np.array_equal(reading.observed[read], row[read])
        read_commas += int(read[comma_index].sum())
    assert read_commas >= len(comma_index) * 20
    # Whitespace collapsed: every comma gap reads one space, so the kind is erased.
    collapsed = read_leak(layout, " ".join(copies[0].split()))
    assert all(
        collapsed.observed[j] == -1 for j, s in enumerate(layout.slots) if s.kind == "comma_gap"
    )


def test_a_comma_a_lexical_variant_may_drop_gets_no_comma_gap() -> None:
    """ "A, B, and C": the serial comma is a lexical choice, so no spacing after it."""
    text = "We hired artists, developers, and writers for the new team this year."
    layout = build_layout(text, language="en")
    serial = next(s for s in layout.slots if s.channel == "lexical" and "," in s.variants[0])
    assert not any(s.kind == "comma_gap" and s.token == serial.token_end - 1 for s in layout.slots)


def test_comma_gaps_draw_near_half_biases_and_older_slots_keep_their_law() -> None:
    """Comma gaps carry up to a bit each (a screenshot keeps them); every slot kind a memo
    issued before them could hold keeps its channel's law, so its codewords are unchanged."""
    layout = build_layout("Today, we review reports. We stop, then rest.", language="en")
    laws = slot_laws(layout.slots)
    for slot, law in zip(layout.slots, laws, strict=True):
        assert law == (("lexical", 2) if slot.kind == "comma_gap" else (slot.channel, slot.q))
    book = CodeBook(b"k" * 32, laws)
    commas = [j for j, s in enumerate(layout.slots) if s.kind == "comma_gap"]
    assert commas and all(7 <= book.counts[j, 0] <= 9 for j in commas)


@pytest.mark.parametrize(
    ("leak", "expected"),
    [
        # the next slot's variant ("he's") leaves "he"/"has" unaligned: still read right
        ("Yesterday James Troup reported that he's been working on the tools.", [0, 0, 1]),
        ("Yesterday James Troup reported he has been working on the tools.", [0, 1, 0]),
        # a typo in the longer variant: "reported" alone also fits, so the slot is erased
        ("Yesterday James Troup reported taht he's been working on the tools.", [0, -1, 1]),
        ("Yesterday, James Troup reported that hes been working on the tools.", [1, 0, -1]),
    ],
)
def test_half_anchored_lexical_slots_are_read_right_or_erased(
    leak: str, expected: list[int]
) -> None:
    layout = build_layout(
        "Yesterday James Troup reported that he has been working on the tools.",
        language="en",
        channels=["lexical"],
    )
    assert [s.variants[1] for s in layout.slots] == ["Yesterday,", "reported", "he's"]
    assert read_leak(layout, leak).observed.tolist() == expected


def test_a_sentence_the_memo_repeats_is_not_read_for_both_places() -> None:
    """An excerpt holding one of two identical sentences aligns to both; its marks belong
    to one of them only, so the slots on words both claim are erased, never misread."""
    text = (
        "We review the reports every week. Teams limit reach today and tomorrow. "
        "We review the reports every week. The policy cannot change."
    )
    layout = build_layout(text, language="en", channels=["zero_width", "typography"])
    _, symbols, copies = issue(layout, 30)
    for row, copy in zip(symbols, copies, strict=True):
        # the third sentence only, with what follows (cut at its first word)
        start = [m.start() for m in re.finditer(r"\bWe\b", copy)][1]
        reading = read_leak(layout, copy[start:])
        read = reading.observed >= 0
        assert np.array_equal(reading.observed[read], row[read])

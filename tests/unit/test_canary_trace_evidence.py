"""Evidence per sentence: which slots of a leak show which suspect's symbol."""

from __future__ import annotations

from importlib import resources

import numpy as np

from townsquare.canary.codes import CodeBook, slot_laws
from townsquare.canary.embed import CopyWriter
from townsquare.canary.layout import build_layout
from townsquare.canary.read import read_leak
from townsquare.canary.trace import sentence_evidence, trace

MEMO = resources.files("townsquare.samples").joinpath("memo_en.md").read_text("utf-8")


def test_a_copy_matches_its_recipient_at_every_slot_read_and_others_at_fewer() -> None:
    layout = build_layout(MEMO)
    book = CodeBook(b"k" * 32, slot_laws(layout.slots))
    codes = book.symbols(np.arange(20, dtype=np.int64))
    copy = CopyWriter(layout).render(codes[7])
    excerpt = "\n\n".join(copy.split("\n\n")[3:6])
    reading = read_leak(layout, excerpt)
    outcome = trace(layout, book, reading, 20)
    assert [s.position for s in outcome.accused] == [7]
    evidence = sentence_evidence(layout, book, reading.observed, [7, 3])
    read = int((reading.observed >= 0).sum())
    assert sum(len(e.slots) for e in evidence) == read
    assert {e.sentence for e in evidence} <= set(reading.sentences_matched)
    assert sum(e.matches(7) for e in evidence) == read  # the leaker matches everywhere
    assert sum(e.matches(3) for e in evidence) < read  # an innocent matches by chance
    for e in evidence:
        for slot in e.slots:
            assert slot.seen == layout.slots[slot.slot].variants[reading.observed[slot.slot]]
            assert (3 in slot.matched) == (codes[3][slot.slot] == reading.observed[slot.slot])


def test_nothing_read_is_no_evidence() -> None:
    layout = build_layout(MEMO)
    book = CodeBook(b"k" * 32, slot_laws(layout.slots))
    reading = read_leak(layout, "An unrelated note about lunch.")
    assert sentence_evidence(layout, book, reading.observed, [0, 1]) == []

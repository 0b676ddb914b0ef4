"""The attack suite in small: one English and one French real text, one trial each,
1,000 recipients, every channel. What must hold whatever the leaker did: nobody
innocent is accused, an unmarked or unrelated text accuses nobody, and the
forms that keep enough fingerprint name the leaker."""

from __future__ import annotations

import os
import shutil

import numpy as np
import pytest
from bench import attacks
from bench.attack_cases import CASES, Case, Memo, Record, build_memo, load_texts, run_case

from townsquare.canary.codes import CodeBook, slot_laws

TEXTS = ("en_history", "fr_manifesto")
RECIPIENTS = 1000
MUST_IDENTIFY = (
    "pasted full copy",
    "pasted 3 sentences",
    "cleaned full copy",
    "2 colluders, interleaved",
    "3 colluders, sentence majority",
)
TEXT_CASES = [c for c in CASES if not c.ocr]
SCREENSHOT = next(c for c in CASES if c.ocr)


@pytest.fixture(scope="module")
def memos() -> dict[str, Memo]:
    texts = load_texts()
    return {name: build_memo(name, texts) for name in TEXTS}


@pytest.fixture(scope="module")
def records(memos: dict[str, Memo]) -> dict[tuple[str, str], Record]:
    return {
        (name, case.name): run_case(memo, case, RECIPIENTS)
        for name, memo in memos.items()
        for case in TEXT_CASES
    }


def _describe(r: Record) -> str:
    return (
        f"{r.text} / {r.attack}: {r.verdict}, leakers {r.leakers}, accused {r.accused}, "
        f"slots read {r.slots_read}/{r.slots_total} {r.channels_read}, misread {r.misread}, "
        f"needed sentences {r.needed_sentences}"
    )


def test_fixture_texts_are_real_prose_of_the_right_size(memos: dict[str, Memo]) -> None:
    texts = load_texts()
    assert sum(n.startswith("en_") for n in texts) >= 3
    assert sum(n.startswith("fr_") for n in texts) >= 3
    for name, memo in memos.items():
        assert memo.layout.language == name[:2]
        assert 40 <= len(memo.layout.sentences) <= 120
        assert len(texts[name].encode()) < 20_000


def test_copy_sentence_spans_follow_the_slot_variants(memos: dict[str, Memo]) -> None:
    for memo in memos.values():
        layout = memo.layout
        book = CodeBook(os.urandom(32), slot_laws(layout.slots))
        symbols = book.symbols(np.array([7]))[0]
        copy = attacks.make_copy(layout, memo.writer, symbols)
        assert "".join(attacks.units(copy)) == copy.text
        for sentence, (start, end) in zip(layout.sentences, copy.spans, strict=True):
            expected, pos = "", sentence.start  # the sentence with its own slots set
            for j, slot in enumerate(layout.slots):
                if sentence.start <= slot.start and slot.end <= sentence.end:
                    expected += layout.text[pos : slot.start] + slot.variants[symbols[j]]
                    pos = slot.end
            assert copy.text[start:end] == expected + layout.text[pos : sentence.end]


@pytest.mark.parametrize("case", TEXT_CASES, ids=lambda c: c.name)
def test_no_innocent_is_accused(case: Case, records: dict[tuple[str, str], Record]) -> None:
    for name in TEXTS:
        r = records[(name, case.name)]
        assert r.false_accusations == 0, _describe(r)


@pytest.mark.parametrize("attack", ["unmarked original", "unrelated text"])
def test_unmarked_and_unrelated_texts_accuse_nobody(
    attack: str, records: dict[tuple[str, str], Record]
) -> None:
    for name in TEXTS:
        r = records[(name, attack)]
        assert r.accused == [], _describe(r)
        assert r.verdict != "identified", _describe(r)


@pytest.mark.parametrize("attack", MUST_IDENTIFY)
def test_the_leaker_is_named(attack: str, records: dict[tuple[str, str], Record]) -> None:
    for name in TEXTS:
        r = records[(name, attack)]
        assert r.identified, _describe(r)


@pytest.mark.ocr
@pytest.mark.skipif(shutil.which("tesseract") is None, reason="Tesseract is not installed")
def test_screenshot_accuses_no_innocent(memos: dict[str, Memo]) -> None:
    r = run_case(memos["en_history"], SCREENSHOT, RECIPIENTS)
    assert r.sentences_matched > 0, _describe(r)
    assert r.false_accusations == 0, _describe(r)

"""The attack suite's cases and one traced trial: leak a copy, read it, trace it.

Each trial draws a fresh 32-byte memo seed (os.urandom) and fresh leakers,
builds the leak with bench.attacks, then runs read_leak + trace exactly as
the service does, minus the database.
"""

from __future__ import annotations

import os
import random
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
from PIL import Image

from bench import attacks
from townsquare.canary.codes import I16, CodeBook, slot_laws
from townsquare.canary.embed import CopyWriter
from townsquare.canary.layout import build_layout
from townsquare.canary.model import CHANNELS, Layout
from townsquare.canary.read import read_leak
from townsquare.canary.trace import trace

TEXTS_DIR = Path(__file__).resolve().parent.parent / "tests" / "fixtures" / "texts"
HOLDOUT_DIR = Path(__file__).resolve().parent / "holdout"  # never used to write a rule
SCREENSHOT_SENTENCES = 40


@dataclass
class Memo:
    """One fixture text ready to be fingerprinted."""

    name: str
    layout: Layout
    writer: CopyWriter
    unrelated: str  # another fixture text, never issued under this memo
    note: str = ""


@dataclass
class Ctx:
    memo: Memo
    copies: list[attacks.Copy]
    rng: random.Random

    def start(self, k: int) -> int:
        return self.rng.randrange(max(1, len(self.memo.layout.sentences) - k + 1))


Leak = str | Image.Image


@dataclass(frozen=True)
class Case:
    name: str
    colluders: int  # 0: nobody leaked (the leak must accuse nobody)
    make: Callable[[Ctx], Leak]
    ocr: bool = False


def _excerpt(k: int) -> Callable[[Ctx], str]:
    return lambda c: attacks.excerpt(c.copies[0], c.start(k), k)


CASES: tuple[Case, ...] = (
    Case("pasted full copy", 1, lambda c: c.copies[0].text),
    Case("pasted 3 sentences", 1, _excerpt(3)),
    Case("pasted 12 sentences", 1, _excerpt(12)),
    Case("whitespace collapsed", 1, lambda c: attacks.collapse_whitespace(c.copies[0].text)),
    Case("NFKC", 1, lambda c: attacks.nfkc(c.copies[0].text)),
    Case("invisibles stripped", 1, lambda c: attacks.strip_invisible(c.copies[0].text)),
    Case("typography to ASCII", 1, lambda c: attacks.typography_to_ascii(c.copies[0].text)),
    Case("cleaned full copy", 1, lambda c: attacks.cleaned(c.copies[0].text)),
    Case("cleaned 12 sentences", 1, lambda c: attacks.cleaned(_excerpt(12)(c))),
    Case("retyped full copy", 1, lambda c: attacks.retyped(c.copies[0].text, c.rng)),
    Case("retyped 20 sentences", 1, lambda c: attacks.retyped(_excerpt(20)(c), c.rng)),
    Case(
        f"screenshot (first {SCREENSHOT_SENTENCES} sentences)",
        1,
        lambda c: attacks.screenshot(attacks.excerpt(c.copies[0], 0, SCREENSHOT_SENTENCES)),
        ocr=True,
    ),
    Case("2 colluders, interleaved", 2, lambda c: attacks.interleave(c.copies)),
    Case("3 colluders, sentence majority", 3, lambda c: attacks.sentence_majority(c.copies, c.rng)),
    Case(
        "3 colluders, slot majority",
        3,
        lambda c: attacks.slot_majority(c.memo.writer, c.copies, c.rng),
    ),
    Case("unmarked original", 0, lambda c: c.memo.layout.text),
    Case("unrelated text", 0, lambda c: c.memo.unrelated),
)


def load_texts(directory: Path = TEXTS_DIR) -> dict[str, str]:
    return {p.stem: p.read_text(encoding="utf-8") for p in sorted(directory.glob("*_*.txt"))}


def build_memo(name: str, texts: dict[str, str]) -> Memo:
    """All four channels; if the lexical finder is not installed yet, the other three."""
    note = ""
    try:
        layout = build_layout(texts[name], channels=CHANNELS)
    except ImportError as exc:  # the lexical package may be missing or half-written
        if "lexical" not in str(exc):
            raise
        note = "lexical channel unavailable (townsquare.canary.lexical missing)"
        layout = build_layout(texts[name], channels=[c for c in CHANNELS if c != "lexical"])
    lang = name.split("_", 1)[0]
    others = sorted(n for n in texts if n != name)
    same = [n for n in others if n.startswith(lang + "_")] or others
    unrelated = texts[same[0]] if same else ""
    return Memo(name, layout, CopyWriter(layout), unrelated, note)


@dataclass
class Record:
    text: str
    language: str
    attack: str
    trial: int
    leakers: list[int]
    accused: list[int]
    verdict: str
    slots_read: int
    slots_total: int
    sentences_matched: int
    needed_sentences: int | None
    seconds: float  # read_leak + trace (+ OCR for screenshots)
    ocr_seconds: float = 0.0
    channels_read: dict[str, int] = field(default_factory=dict)
    misread: dict[str, int] = field(default_factory=dict)  # read as no leaker's symbol

    @property
    def identified(self) -> bool:
        return bool(set(self.accused) & set(self.leakers))

    @property
    def false_accusations(self) -> int:
        return len(set(self.accused) - set(self.leakers))


def _to_text(leak: Leak) -> tuple[str, float]:
    from townsquare.ocr import text_from_image

    assert isinstance(leak, Image.Image)
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "leak.png"
        leak.save(path)
        start = time.perf_counter()
        text = text_from_image(path, language="en+fr").text
        return text, time.perf_counter() - start


def run_case(memo: Memo, case: Case, recipients: int, trial: int = 0) -> Record:
    """One trial: fresh seed, fresh leakers, leak, read, trace."""
    layout = memo.layout
    book = CodeBook(os.urandom(32), slot_laws(layout.slots))
    rng = random.Random(os.urandom(16))
    leakers = rng.sample(range(recipients), case.colluders)
    rows = book.symbols(np.array(leakers, dtype=np.int64))
    copies = [attacks.make_copy(layout, memo.writer, row) for row in rows]
    leak = case.make(Ctx(memo, copies, rng))
    ocr_seconds = 0.0
    start = time.perf_counter()
    if case.ocr:
        leak, ocr_seconds = _to_text(leak)
    assert isinstance(leak, str)
    reading = read_leak(layout, leak, invisible_lost=case.ocr)
    outcome = trace(layout, book, reading, recipients)
    return Record(
        text=memo.name,
        language=layout.language,
        attack=case.name,
        trial=trial,
        leakers=leakers,
        accused=[s.position for s in outcome.accused],
        verdict=outcome.verdict,
        slots_read=outcome.slots_read,
        slots_total=outcome.slots_total,
        sentences_matched=outcome.sentences_matched,
        needed_sentences=outcome.needed_sentences,
        seconds=time.perf_counter() - start,
        ocr_seconds=ocr_seconds,
        channels_read={k: int(v["read"]) for k, v in reading.channels.items()},
        misread=_misreads(layout, reading.observed, rows),
    )


def _misreads(layout: Layout, observed: I16, rows: I16) -> dict[str, int]:
    """Per channel, slots read as a symbol none of the leakers' copies has there."""
    if len(rows) == 0:
        return {}
    wrong = (observed >= 0) & ~np.any(rows == observed[None, :], axis=0)
    out: dict[str, int] = {}
    for j in np.flatnonzero(wrong):
        channel = layout.slots[int(j)].channel
        out[channel] = out.get(channel, 0) + 1
    return out

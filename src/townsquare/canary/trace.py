"""Deciding who leaked: score every recipient and accuse only with a stated error bound."""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Literal

import numpy as np
import numpy.typing as npt

from townsquare.canary.codes import F64, LEVELS, CodeBook
from townsquare.canary.evidence import leaker_expectation, log_allowed, log_mgf, log_tail
from townsquare.canary.model import Layout
from townsquare.canary.plan import sentences_for_one_leaker
from townsquare.canary.read import Reading
from townsquare.canary.score import exact_scores, group_weights, score_tables, scores_for_all

Verdict = Literal["identified", "inconclusive", "no_match"]
DEFAULT_THRESHOLD = 1e-6
GROUP_BUDGET = 3.2e7  # recipient x group evaluations in the first pass (~0.4 s here)
CANDIDATES = 128
DIRECT_LIMIT = 200_000  # recipients x groups read below which everyone is scored exactly
MIN_WORDS_MATCHED = 8  # fewer words in common with the memo is not a leak of it


@dataclass(frozen=True)
class Suspect:
    position: int
    score: float
    false_accusation_probability: float


@dataclass(frozen=True)
class TraceOutcome:
    verdict: Verdict
    accused: list[Suspect]
    runners_up: list[Suspect]
    slots_read: int
    slots_total: int
    sentences_matched: int
    needed_sentences: int | None
    threshold: float


SMALLEST_REPORTED = 1e-300  # bounds below this underflow; report the bound, never zero


def _fap(log_bound: F64, recipients: int) -> F64:
    """Whole-list false-accusation probability for each per-recipient log bound."""
    out: F64 = np.clip(np.exp(log_bound + math.log(max(recipients, 1))), SMALLEST_REPORTED, 1.0)
    return out


def needed_more_sentences(
    p_read: F64, p_vectors: F64, sentences: int, recipients: int, threshold: float
) -> int:
    """How many more sentences like the ones read would let one leaker be named."""
    if sentences <= 0 or p_read.size == 0:
        return -1
    mgf = log_mgf(p_read)
    expected = float(leaker_expectation(p_vectors).sum())
    target = log_allowed(recipients, threshold)
    factor = 1.0
    while factor < 1e4:
        if log_tail(mgf * factor, [expected * factor])[0] <= target:
            return max(1, math.ceil(sentences * factor) - sentences)
        factor *= 1.05
    return -1


def trace(
    layout: Layout,
    book: CodeBook,
    reading: Reading,
    recipients: int,
    threshold: float = DEFAULT_THRESHOLD,
) -> TraceOutcome:
    """Score all `recipients` positions against the leak and decide."""
    total = len(layout.slots)
    if reading.words_matched < MIN_WORDS_MATCHED:
        return TraceOutcome("no_match", [], [], 0, total, 0, None, threshold)
    observed = reading.observed
    table = score_tables(book, observed)
    weights = group_weights(table)
    read_groups = [int(g) for g in np.flatnonzero(weights)]
    budget = max(8, int(GROUP_BUDGET / max(recipients, 1)))
    groups = sorted(read_groups, key=lambda g: -weights[g])[:budget]
    if recipients * len(read_groups) <= DIRECT_LIMIT:
        # Few recipients: scoring everyone exactly is cheaper than building lookup tables.
        first = exact_scores(book, table, np.arange(recipients, dtype=np.int64))
    elif groups:
        first = scores_for_all(book, table, recipients, groups).astype(np.float64)
    else:
        first = np.zeros(recipients)
    k = min(recipients, CANDIDATES)
    top = np.argpartition(first, recipients - k)[recipients - k :] if k else np.array([], int)
    exact = exact_scores(book, table, top.astype(np.int64))
    order = np.argsort(-exact)
    top, exact = top[order], exact[order]
    p_read = book.probability(observed)
    mgf = log_mgf(p_read[~np.isnan(p_read)])
    faps = _fap(log_tail(mgf, exact), recipients)
    suspects = [
        Suspect(int(p), float(s), float(f)) for p, s, f in zip(top, exact, faps, strict=True)
    ]
    accused = [s for s in suspects if s.false_accusation_probability <= threshold]
    runners_up = [s for s in suspects if s.false_accusation_probability > threshold][:3]
    needed: int | None = None
    if not accused:
        read = np.flatnonzero(observed >= 0)
        needed = needed_more_sentences(
            p_read[read],
            book.counts[read] / LEVELS,
            len(reading.sentences_matched),
            recipients,
            threshold,
        )
        if needed < 0:
            # Nothing usable was read: fall back on what survives every leak form.
            typical = sentences_for_one_leaker(layout, ("lexical",), recipients, threshold)
            matched = len(reading.sentences_matched)
            needed = None if typical is None else max(1, typical - matched)
    return TraceOutcome(
        "identified" if accused else "inconclusive",
        accused,
        runners_up,
        reading.slots_read,
        total,
        len(reading.sentences_matched),
        needed,
        threshold,
    )


@dataclass(frozen=True)
class SlotEvidence:
    """One slot read from the leak: what it showed and which suspects' copies show it."""

    slot: int
    channel: str
    kind: str
    seen: str  # the variant read from the leak
    matched: tuple[int, ...]  # positions (among those asked about) whose symbol is the one read


@dataclass(frozen=True)
class SentenceEvidence:
    sentence: int
    slots: tuple[SlotEvidence, ...]

    def matches(self, position: int) -> int:
        return sum(position in s.matched for s in self.slots)


def sentence_evidence(
    layout: Layout, book: CodeBook, observed: npt.NDArray[np.int16], positions: list[int]
) -> list[SentenceEvidence]:
    """Per sentence with a slot read, each read slot and which of ``positions`` it matches:
    the evidence behind a score, sentence by sentence."""
    read = np.flatnonzero(observed >= 0)
    if read.size == 0:
        return []
    symbols = (
        book.symbols(np.array(positions, dtype=np.int64))
        if positions
        else np.zeros((0, book.m), dtype=np.int16)
    )
    by_sentence: dict[int, list[SlotEvidence]] = {}
    for j in read.tolist():
        slot = layout.slots[j]
        y = int(observed[j])
        matched = tuple(p for p, row in zip(positions, symbols, strict=True) if row[j] == y)
        by_sentence.setdefault(slot.sentence, []).append(
            SlotEvidence(j, slot.channel, slot.kind, slot.variants[y], matched)
        )
    return [SentenceEvidence(s, tuple(v)) for s, v in sorted(by_sentence.items())]

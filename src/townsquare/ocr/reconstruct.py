"""Rebuild text, with one or two spaces after each sentence, from OCR word boxes.

Pure: takes ``OcrWord`` boxes, does no I/O.  OCR text output drops double
spaces, but the pixel gap after a sentence end is about one space width
wider when the copy had two spaces; this module measures that.
"""

from __future__ import annotations

import re
import statistics
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from itertools import groupby

from townsquare.ocr.tesseract import OcrWord

__all__ = ["Reconstruction", "SentenceGap", "classify_gaps", "reconstruct", "reconstruct_text"]

_CLOSERS = ")]}”»’'\"›"
SENTENCE_END = re.compile(rf"[.!?…][{re.escape(_CLOSERS)}]*$")
# Words after which the gap is not a plain inter-word space.
_NOT_ORDINARY = re.compile(rf"[.!?…:;][{re.escape(_CLOSERS)}]*$|[{re.escape(_CLOSERS)}]$")

# Calibrated with render.py (DejaVu Sans, 20-32 px, PNG and JPEG): in units of
# the median ordinary gap, a one-space sentence gap measures about 1.0-1.1 and
# a two-space one about 1.7-1.9 (a space is ~0.75 of an ordinary ink gap).
_DEFAULT_THRESHOLD = 1.42
# A split of the sentence gaps into two modes is trusted only when the modes
# are about one space apart and do not overlap.
_MIN_MODE_DISTANCE = 0.45
_MAX_MODE_DISTANCE = 1.3
_MIN_MODE_MARGIN = 0.12
_MIN_ORDINARY_GAPS = 3


@dataclass(frozen=True)
class SentenceGap:
    """The gap after a sentence-ending word, in pixels, and its verdict."""

    after: str
    before: str
    width: float
    double: bool


@dataclass(frozen=True)
class Reconstruction:
    """Recovered text and how its sentence gaps were read.

    ``sentence_gaps`` counts gaps after a sentence end that stayed on one
    line (only those can carry the spacing); ``double_gaps`` of them read as
    two spaces.  ``space_width`` is the median ordinary word gap in pixels.
    """

    text: str
    double_gaps: int
    sentence_gaps: int
    space_width: float
    gaps: tuple[SentenceGap, ...] = ()


def ends_sentence(word: str) -> bool:
    """True when ``word`` ends with . ! ? or …, optionally followed by closers."""
    return SENTENCE_END.search(word) is not None


def _lines(words: Iterable[OcrWord]) -> list[list[OcrWord]]:
    ordered = sorted(words, key=lambda w: (w.block, w.paragraph, w.line, w.word_num))
    return [list(group) for _, group in groupby(ordered, key=_line_key)]


def _line_key(word: OcrWord) -> tuple[int, int, int]:
    return (word.block, word.paragraph, word.line)


def _pairs(lines: Sequence[Sequence[OcrWord]]) -> Iterable[tuple[OcrWord, OcrWord]]:
    for line in lines:
        yield from zip(line, line[1:], strict=False)


def _gap(left: OcrWord, right: OcrWord) -> float:
    return right.left - left.right


def _split_modes(values: Sequence[float], unit: float) -> float | None:
    """Threshold between two well-separated modes of ``values``, or None if unimodal."""
    ordered = sorted(values)
    if len(ordered) < 2:
        return None
    best: tuple[float, int] | None = None
    for cut in range(1, len(ordered)):
        low, high = ordered[:cut], ordered[cut:]
        # Otsu: maximise the between-class variance of the two groups.
        score = len(low) * len(high) * (statistics.fmean(high) - statistics.fmean(low)) ** 2
        if best is None or score > best[0]:
            best = (score, cut)
    assert best is not None
    low, high = ordered[: best[1]], ordered[best[1] :]
    distance = (statistics.median(high) - statistics.median(low)) / unit
    margin = (high[0] - low[-1]) / unit
    if _MIN_MODE_DISTANCE <= distance <= _MAX_MODE_DISTANCE and margin >= _MIN_MODE_MARGIN:
        return (high[0] + low[-1]) / 2
    return None


def classify_gaps(words: Sequence[OcrWord]) -> tuple[float, float, list[SentenceGap]]:
    """Return (ordinary gap width, double-space threshold, sentence gaps with verdicts)."""
    lines = _lines(words)
    ordinary = [_gap(a, b) for a, b in _pairs(lines) if not _NOT_ORDINARY.search(a.text)]
    sentence = [(a, b, _gap(a, b)) for a, b in _pairs(lines) if ends_sentence(a.text)]
    if len(ordinary) >= _MIN_ORDINARY_GAPS:
        unit = float(statistics.median(ordinary))
    else:  # too few words: fall back on the text height (a space is ~0.3 em)
        heights = [w.height for w in words] or [0.0]
        unit = 0.45 * float(statistics.median(heights))
    if unit <= 0:
        return unit, float("inf"), [SentenceGap(a.text, b.text, g, False) for a, b, g in sentence]
    threshold = _split_modes([g for _, _, g in sentence], unit) or _DEFAULT_THRESHOLD * unit
    verdicts = [SentenceGap(a.text, b.text, g, g > threshold) for a, b, g in sentence]
    return unit, threshold, verdicts


def reconstruct(words: Sequence[OcrWord]) -> Reconstruction:
    """Rebuild the text of ``words``: lines keep their breaks, paragraphs are
    separated by a blank line, and a sentence-end gap that measures as two
    spaces is written as two spaces (every other gap as one)."""
    unit, _, verdicts = classify_gaps(words)
    pending = iter(verdicts)  # same order as the sentence pairs met below
    paragraphs: list[list[str]] = []
    previous: tuple[int, int] | None = None
    for line in _lines(words):
        parts = [line[0].text]
        for a, b in zip(line, line[1:], strict=False):
            double = ends_sentence(a.text) and next(pending).double
            parts += ["  " if double else " ", b.text]
        if (line[0].block, line[0].paragraph) != previous:
            paragraphs.append([])
            previous = (line[0].block, line[0].paragraph)
        paragraphs[-1].append("".join(parts))
    text = "\n\n".join("\n".join(lines) for lines in paragraphs)
    doubles = sum(g.double for g in verdicts)
    return Reconstruction(text, doubles, len(verdicts), unit, tuple(verdicts))


def reconstruct_text(words: Sequence[OcrWord]) -> str:
    """The text of :func:`reconstruct`, alone."""
    return reconstruct(words).text

"""Rebuild text, with one or two spaces after each sentence and comma, from OCR word boxes.

Pure: takes ``OcrWord`` boxes, does no I/O.  OCR text output drops double
spaces, but the pixel gap after a sentence end (or a comma) is about one
space width wider when the copy had two spaces; this module measures that.
Sentence gaps and comma gaps are classified separately (their glyphs' side
bearings differ), each by the same two-mode split.
"""

from __future__ import annotations

import math
import re
import statistics
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from itertools import accumulate, groupby

from townsquare.ocr.word import OcrWord

__all__ = [
    "Reconstruction",
    "SentenceGap",
    "classify_comma_gaps",
    "classify_gaps",
    "ends_sentence",
    "reconstruct",
    "reconstruct_text",
    "sentence_gaps",
]

_CLOSERS = ")]}”»’'\"›"
_SENTENCE_END = re.compile(rf"[.!?…][{re.escape(_CLOSERS)}]*$")
# Words after which the gap is not a plain inter-word space.
_NOT_ORDINARY = re.compile(rf"[.!?…:;,][{re.escape(_CLOSERS)}]*$|[{re.escape(_CLOSERS)}]$")

# Calibrated with render.py and bench/ocr_gaps.py (DejaVu Sans, Serif, Mono,
# Condensed; 16-32 px; PNG and JPEG): in units of the median ordinary gap, a
# one-space sentence gap measures 0.85-1.42 and a two-space one 1.54-2.3.
_DEFAULT_THRESHOLD = 1.47
# Thresholds found between two modes are kept inside the plausible band.
_THRESHOLD_BAND = (1.3, 1.7)
# A split of the sentence gaps into two modes is trusted only when the modes
# are about one space apart and do not overlap.
_MIN_MODE_DISTANCE = 0.45
_MAX_MODE_DISTANCE = 1.3
_MIN_MODE_MARGIN = 0.12
_MIN_ORDINARY_GAPS = 3
# DejaVu Sans: a plain word gap is ~0.55 of a word box's height.
_GAP_PER_HEIGHT = 0.55
_BANG_CORRECTION = 0.1


@dataclass(frozen=True)
class SentenceGap:
    """The gap after a sentence-ending word and its verdict; ``width`` is in
    pixels, less a small allowance after "!" for that glyph's side bearings."""

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
    comma_gaps: tuple[SentenceGap, ...] = ()  # gaps after a comma, read the same way


def ends_sentence(word: str) -> bool:
    """True when ``word`` ends with . ! ? or …, optionally followed by closers."""
    return _SENTENCE_END.search(word) is not None


def sentence_gaps(words: Sequence[str]) -> list[bool]:
    """For each word, whether the gap after it follows a sentence end.

    A word made only of closing quotes or brackets (French ``? »`` with a
    no-break space) extends the sentence end before it: the gap after the
    closer is the sentence gap, the one before it is not.
    """
    flags = [ends_sentence(word) for word in words]
    for i in range(1, len(words)):
        if flags[i - 1] and _is_closer(words[i]):
            flags[i - 1], flags[i] = False, True
    return flags


def _is_closer(word: str) -> bool:
    return word != "" and all(char in _CLOSERS for char in word)


def _lines(words: Iterable[OcrWord]) -> list[list[OcrWord]]:
    ordered = sorted(words, key=lambda w: (w.block, w.paragraph, w.line, w.word_num))
    return [list(group) for _, group in groupby(ordered, key=_line_key)]


def _line_key(word: OcrWord) -> tuple[int, int, int]:
    return (word.block, word.paragraph, word.line)


def _pairs(lines: Sequence[Sequence[OcrWord]]) -> Iterable[tuple[OcrWord, OcrWord, bool]]:
    """Consecutive words on one line, and whether a sentence ends between them."""
    for line in lines:
        flags = sentence_gaps([word.text for word in line])
        for i in range(len(line) - 1):
            yield line[i], line[i + 1], flags[i]


def _gap(left: OcrWord, right: OcrWord) -> float:
    return right.left - left.right


def _adjusted_gap(left: OcrWord, right: OcrWord, unit: float) -> float:
    """The gap after a sentence end; after "!" (a thin stem centred in a wide
    advance) the ink gap runs wider, so take that part off."""
    gap = _gap(left, right)
    if unit > 0 and left.text.rstrip(_CLOSERS).endswith("!"):
        gap -= _BANG_CORRECTION * unit
    return gap


def _split_modes(values: Sequence[float], unit: float) -> float | None:
    """Threshold between two well-separated modes of ``values``, or None if unimodal."""
    ordered = sorted(values)
    sums = list(accumulate(ordered, initial=0.0))
    total, count = sums[-1], len(ordered)
    best_score, best_cut = 0.0, 0
    for cut in range(1, count):
        # Otsu: maximise the between-class variance of the two groups.
        low_mean, high_mean = sums[cut] / cut, (total - sums[cut]) / (count - cut)
        score = cut * (count - cut) * (high_mean - low_mean) ** 2
        if score > best_score:
            best_score, best_cut = score, cut
    if best_cut == 0:
        return None
    low, high = ordered[:best_cut], ordered[best_cut:]
    distance = (statistics.median(high) - statistics.median(low)) / unit
    margin = (high[0] - low[-1]) / unit
    if not (_MIN_MODE_DISTANCE <= distance <= _MAX_MODE_DISTANCE and margin >= _MIN_MODE_MARGIN):
        return None
    low_limit, high_limit = _THRESHOLD_BAND
    return min(max((high[0] + low[-1]) / 2, low_limit * unit), high_limit * unit)


def _ordinary_gap(lines: Sequence[Sequence[OcrWord]]) -> float:
    """Median gap between plain words; from the text height when too few."""
    ordinary = [
        _gap(a, b)
        for a, b, _ in _pairs(lines)
        if not _NOT_ORDINARY.search(a.text) and not _is_closer(b.text)
    ]
    if len(ordinary) >= _MIN_ORDINARY_GAPS:
        return float(statistics.median(ordinary))
    heights = [word.height for line in lines for word in line]
    return _GAP_PER_HEIGHT * float(statistics.median(heights)) if heights else 0.0


def _verdicts(
    pairs: Sequence[tuple[OcrWord, OcrWord, float]], unit: float
) -> tuple[float, list[SentenceGap]]:
    """Split one class of gaps into single and double spaces: (threshold, verdicts)."""
    threshold = math.inf  # no measurable spacing: everything single
    if unit > 0:
        split = _split_modes([g for _, _, g in pairs], unit)
        threshold = _DEFAULT_THRESHOLD * unit if split is None else split
    return threshold, [SentenceGap(a.text, b.text, g, g > threshold) for a, b, g in pairs]


def _comma_gap(left: OcrWord, sentence_end: bool) -> bool:
    """The gap after ``left`` follows a comma, not a sentence end."""
    return not sentence_end and left.text.endswith(",")


def classify_gaps(words: Sequence[OcrWord]) -> tuple[float, float, list[SentenceGap]]:
    """Return (ordinary gap width, double-space threshold, sentence gaps in
    reading order with their verdicts).  Widths are in pixels."""
    lines = _lines(words)
    unit = _ordinary_gap(lines)
    sentence = [(a, b, _adjusted_gap(a, b, unit)) for a, b, ends in _pairs(lines) if ends]
    threshold, verdicts = _verdicts(sentence, unit)
    return unit, threshold, verdicts


def classify_comma_gaps(words: Sequence[OcrWord]) -> list[SentenceGap]:
    """The gaps after a comma (not ending a sentence), in reading order, with verdicts."""
    lines = _lines(words)
    unit = _ordinary_gap(lines)
    pairs = [(a, b, _gap(a, b)) for a, b, ends in _pairs(lines) if _comma_gap(a, ends)]
    return _verdicts(pairs, unit)[1]


def reconstruct(words: Sequence[OcrWord]) -> Reconstruction:
    """Rebuild the text of ``words``: lines keep their breaks, paragraphs are
    separated by a blank line, and a sentence-end or comma gap that measures as
    two spaces is written as two spaces (every other gap as one)."""
    unit, _, verdicts = classify_gaps(words)
    commas = classify_comma_gaps(words)
    pending = iter(verdicts)  # same order as the sentence pairs met below
    pending_commas = iter(commas)
    paragraphs: list[list[str]] = []
    previous: tuple[int, int] | None = None
    for line in _lines(words):
        parts = [line[0].text]
        for a, b, ends in _pairs([line]):
            if ends:
                double = next(pending).double
            else:
                double = _comma_gap(a, ends) and next(pending_commas).double
            parts += ["  " if double else " ", b.text]
        if (line[0].block, line[0].paragraph) != previous:
            paragraphs.append([])
            previous = (line[0].block, line[0].paragraph)
        paragraphs[-1].append("".join(parts))
    text = "\n\n".join("\n".join(lines) for lines in paragraphs)
    doubles = sum(g.double for g in verdicts)
    return Reconstruction(text, doubles, len(verdicts), unit, tuple(verdicts), tuple(commas))


def reconstruct_text(words: Sequence[OcrWord]) -> str:
    """The text of :func:`reconstruct`, alone."""
    return reconstruct(words).text

"""Compare a recovered text with its source: words, and spacing after sentences.

Used by the OCR tests, the OCR benchmark and the attack suite to measure how
much of the spacing channel survives a screenshot.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from difflib import SequenceMatcher

from townsquare.ocr.reconstruct import sentence_gaps

__all__ = ["SpacingScore", "compare_spacing", "spaced_tokens"]

# No-break spaces separate words for OCR but never carry the spacing channel.
_TOKEN = re.compile(r"([^ \t\n\u00a0\u202f]+)([ \t\n\u00a0\u202f]*)")
# OCR reads typographic apostrophes and quotes loosely, and "…" as "...".
_FOLD = str.maketrans({"’": "'", "‘": "'", "“": '"', "”": '"', "…": "..."})


@dataclass(frozen=True)
class SpacingScore:
    """``gaps_compared`` sentence gaps were on one line in both texts and
    between matched words; ``gaps_agreeing`` of them had the same number of
    spaces.  Word counts compare tokens case-insensitively."""

    source_words: int
    matched_words: int
    gaps_compared: int
    gaps_agreeing: int

    @property
    def word_accuracy(self) -> float:
        return self.matched_words / self.source_words if self.source_words else 1.0

    @property
    def gap_accuracy(self) -> float:
        return self.gaps_agreeing / self.gaps_compared if self.gaps_compared else 1.0


def spaced_tokens(text: str) -> list[tuple[str, int | None]]:
    """Each word with the number of plain spaces after it (None: a line break
    or a no-break space follows, so the gap carries no spacing mark)."""
    tokens: list[tuple[str, int | None]] = []
    for word, space in _TOKEN.findall(text):
        plain = space != "" and set(space) == {" "}
        tokens.append((word, len(space) if plain else None))
    return tokens


def compare_spacing(source: str, recovered: str) -> SpacingScore:
    """Align the words of ``recovered`` to ``source`` and score words and sentence gaps."""
    src = spaced_tokens(source)
    rec = spaced_tokens(recovered)
    matcher = SequenceMatcher(
        None, [_fold(w) for w, _ in src], [_fold(w) for w, _ in rec], autojunk=False
    )
    mapping: dict[int, int] = {}
    for block in matcher.get_matching_blocks():
        for k in range(block.size):
            mapping[block.a + k] = block.b + k
    compared = agreeing = 0
    ends = sentence_gaps([word for word, _ in src])
    for i, (_, spaces) in enumerate(src[:-1]):
        if spaces is None or not ends[i]:
            continue
        j = mapping.get(i)
        if j is None or mapping.get(i + 1) != j + 1 or rec[j][1] is None:
            continue
        compared += 1
        agreeing += rec[j][1] == spaces
    return SpacingScore(len(src), len(mapping), compared, agreeing)


def _fold(word: str) -> str:
    return word.translate(_FOLD).casefold()

"""Slot finders for the character-level channels: spacing, typography and zero_width.

Each finder walks the canonical text's tokens and returns slots whose
`variants[0]` is what the text already has, so an unmarked memo reads as
symbol 0 everywhere and existing typography is never misread as a mark.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from itertools import pairwise

from townsquare.canary.model import Language, Sentence, Slot, Token

ZW_VARIANTS: tuple[str, ...] = ("", "\u200b", "\u200c", "\u200d")
NBSP, NNBSP = "\u00a0", "\u202f"

# Intra-token characters with an invisible twin: (kind, pattern, variants in canonical order).
INTRA_TOKEN_KINDS: dict[str, tuple[re.Pattern[str], tuple[str, str]]] = {
    "apostrophe": (re.compile(r"(?<=\w)['’](?=\w)"), ("'", "’")),
    "hyphen": (re.compile(r"(?<=[^\W\d_])[-\u2010](?=[^\W\d_])"), ("-", "\u2010")),
    "ellipsis": (re.compile(r"(?<!\.)(?:\.\.\.|…)(?!\.)"), ("...", "…")),
}
_PROTECTED_RE = re.compile(r"://|www\.|@|`|\\|<|>|\|")
_FR_BEFORE = ";:!?»"


def protected_tokens(text: str, tokens: Sequence[Token]) -> set[int]:
    """Tokens that must stay byte-identical: URLs, emails, code, tables, fenced blocks."""
    fenced: list[tuple[int, int]] = []
    for m in re.finditer(r"^```.*?^```", text, flags=re.M | re.S):
        fenced.append((m.start(), m.end()))
    out: set[int] = set()
    for i, tok in enumerate(tokens):
        if _PROTECTED_RE.search(text, tok.start, tok.end) or any(
            a <= tok.start < b for a, b in fenced
        ):
            out.add(i)
    return out


def _ordered_variants(current: str, options: Iterable[str]) -> tuple[str, ...]:
    rest = [v for v in options if v != current]
    return (current, *rest)


def spacing_slots(text: str, sentences: Sequence[Sentence], skip: set[int]) -> list[Slot]:
    """One or two spaces between consecutive sentences of a paragraph on the same line."""
    slots: list[Slot] = []
    for prev, nxt in pairwise(sentences):
        if prev.paragraph != nxt.paragraph or prev.end_token == prev.first_token:
            continue
        left = prev.end_token - 1
        if left in skip or nxt.first_token in skip or text[prev.end : nxt.start] != " ":
            continue
        slots.append(
            Slot(
                "spacing",
                "sentence_gap",
                prev.index,
                left,
                left + 1,
                prev.end,
                nxt.start,
                (" ", "  "),
            )
        )
    return slots


def comma_gap_slots(text: str, tokens: Sequence[Token], skip: set[int]) -> list[Slot]:
    """One or two spaces after a comma inside a sentence: read like a sentence gap, from
    the text or from the width of the gap on a screenshot."""
    slots: list[Slot] = []
    for i, (left, right) in enumerate(pairwise(tokens)):
        if (
            i in skip
            or i + 1 in skip
            or left.sentence != right.sentence
            or text[left.end - 1] != ","
            or text[left.end : right.start] != " "
        ):
            continue
        gap = (left.end, right.start)
        slots.append(Slot("spacing", "comma_gap", left.sentence, i, i + 1, *gap, (" ", "  ")))
    return slots


def _gap_variants(text: str, left: Token, right: Token, language: Language) -> tuple[str, ...]:
    gap = text[left.end : right.start]
    if language == "fr" and (text[right.start] in _FR_BEFORE or text[left.end - 1] == "«"):
        return _ordered_variants(gap, (" ", NBSP, NNBSP)) if gap in (" ", NBSP, NNBSP) else ()
    if gap in (" ", NBSP):
        return _ordered_variants(gap, (" ", NBSP))
    return ()


def typography_slots(
    text: str,
    tokens: Sequence[Token],
    language: Language,
    skip: set[int],
    gaps_taken: frozenset[int] = frozenset(),
) -> list[Slot]:
    """Word gaps (space / no-break space) and intra-word apostrophes, hyphens, ellipses;
    the gap after token i is left alone when i is in `gaps_taken` (a comma gap of `spacing`)."""
    slots: list[Slot] = []
    for i, tok in enumerate(tokens):
        if i in skip:
            continue
        for kind, (pattern, options) in INTRA_TOKEN_KINDS.items():
            for m in pattern.finditer(text, tok.start, tok.end):
                slots.append(
                    Slot(
                        "typography",
                        kind,
                        tok.sentence,
                        i,
                        i + 1,
                        m.start(),
                        m.end(),
                        _ordered_variants(m.group(), options),
                    )
                )
        if (
            i + 1 < len(tokens)
            and i + 1 not in skip
            and i not in gaps_taken
            and tokens[i + 1].sentence == tok.sentence
        ):
            variants = _gap_variants(text, tok, tokens[i + 1], language)
            if variants:
                slots.append(
                    Slot(
                        "typography",
                        "gap",
                        tok.sentence,
                        i,
                        i + 1,
                        tok.end,
                        tokens[i + 1].start,
                        variants,
                    )
                )
    return slots


def zero_width_slots(tokens: Sequence[Token], skip: set[int]) -> list[Slot]:
    """A zero-width mark (or none) right after each token."""
    return [
        Slot("zero_width", "zw", tok.sentence, i, i + 1, tok.end, tok.end, ZW_VARIANTS)
        for i, tok in enumerate(tokens)
        if i not in skip
    ]

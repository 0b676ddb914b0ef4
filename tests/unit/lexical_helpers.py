"""Running the lexical finder on a sample sentence, for the lexical test modules: every
candidate is checked well formed (variant 0 is the text, variants distinct as a reader
sees them) before a test looks at it."""

from __future__ import annotations

from townsquare.canary.lexical import LexicalCandidate, find_lexical
from townsquare.canary.model import Language
from townsquare.canary.normalize import lexical_form
from townsquare.canary.segment import canonicalize, segment


def candidates(
    raw: str, language: Language, rejected: frozenset[str] = frozenset()
) -> tuple[str, list[LexicalCandidate]]:
    """The canonical text of `raw` and the lexical candidates found in it."""
    text = canonicalize(raw)
    sentences, tokens = segment(text, language)
    cands = find_lexical(text, sentences, tokens, language, rejected=rejected)
    for c in cands:
        assert c.variants[0] == text[c.start : c.end]
        assert len({lexical_form(v) for v in c.variants}) == len(c.variants), c
    return text, cands


def slot_of(cands: list[LexicalCandidate], original: str) -> LexicalCandidate | None:
    """The first candidate whose original wording is `original`."""
    return next((c for c in cands if c.variants[0] == original), None)

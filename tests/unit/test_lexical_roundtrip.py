"""Round-trip stability of the lexical channel on the fixture texts.

A copy carries one variant per slot. Re-running `find_lexical` on the copy must
find each slot again at the same place with the same variants (compared as
`lexical_form`, which is what a reader sees once a leak is cleaned), and lose no
other slot: the reader and the layout rely on a copy offering the same choices
as the memo it was made from.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from townsquare.canary.lexical import RULES, LexicalCandidate, find_lexical
from townsquare.canary.model import Language
from townsquare.canary.normalize import lexical_form
from townsquare.canary.segment import canonicalize, segment

ROOT = Path(__file__).resolve().parent.parent / "fixtures"
TEXTS = sorted((ROOT / "lexical").glob("*.md")) + sorted((ROOT / "texts").glob("*.txt"))


def _language(path: Path) -> Language:
    return "fr" if path.name.startswith("fr_") else "en"


def _find(text: str, language: Language) -> list[LexicalCandidate]:
    sentences, tokens = segment(text, language)
    return find_lexical(text, sentences, tokens, language)


def _forms(c: LexicalCandidate) -> frozenset[str]:
    return frozenset(lexical_form(v) for v in c.variants)


_MEMOS: dict[Path, tuple[str, list[LexicalCandidate]]] = {}


def _memo(path: Path) -> tuple[str, list[LexicalCandidate]]:
    if path not in _MEMOS:
        text = canonicalize(path.read_text(encoding="utf-8"))
        _MEMOS[path] = (text, _find(text, _language(path)))
    return _MEMOS[path]


def test_fixture_texts_exist() -> None:
    assert len(TEXTS) >= 12
    assert {p.suffix for p in TEXTS} == {".md", ".txt"}


@pytest.mark.parametrize("path", TEXTS, ids=lambda p: p.stem)
def test_every_variant_is_distinct_and_well_formed(path: Path) -> None:
    text, cands = _memo(path)
    _, tokens = segment(text, _language(path))
    starts = {t.start for t in tokens}
    ends = {t.end for t in tokens}
    assert cands, path
    previous = -1
    for c in cands:
        assert c.rule in RULES, c.rule
        assert c.start in starts and c.end in ends and c.start >= previous, c
        previous = c.end
        assert c.variants[0] == text[c.start : c.end]
        assert len(_forms(c)) == len(c.variants), c
        for v in c.variants:
            assert v == v.strip() and "\n" not in v and "  " not in v, (c, v)


@pytest.mark.parametrize("path", TEXTS, ids=lambda p: p.stem)
def test_each_variant_round_trips(path: Path) -> None:
    language = _language(path)
    text, cands = _memo(path)
    for c in cands:
        others = {(d.start, _forms(d)) for d in cands if d is not c}
        for v in c.variants[1:]:
            copy = text[: c.start] + v + text[c.end :]
            found = _find(copy, language)
            here = [d for d in found if d.start == c.start]
            assert here, (c, v)
            assert here[0].end == c.start + len(v), (c, v, here[0])
            assert _forms(here[0]) == _forms(c), (c, v, here[0])
            shift = len(v) - (c.end - c.start)
            again = {
                (d.start - shift if d.start > c.start else d.start, _forms(d))
                for d in found
                if d.start != c.start
            }
            assert others <= again, (c, v, sorted(others - again))


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.sampled_from(TEXTS), st.randoms(use_true_random=False))
def test_whole_copies_round_trip(path: Path, rnd: object) -> None:
    """A copy with a variant chosen for every slot at once offers every slot again."""
    import random

    assert isinstance(rnd, random.Random)
    text, cands = _memo(path)
    copy, pos, placed = "", 0, []
    for c in cands:
        v = rnd.choice(c.variants)
        copy += text[pos : c.start]
        placed.append((c, len(copy), len(copy) + len(v)))
        copy += v
        pos = c.end
    copy += text[pos:]
    found = {d.start: d for d in _find(copy, _language(path))}
    for c, start, end in placed:
        d = found.get(start)
        assert d is not None and d.end == end, (c, copy[start:end])
        assert _forms(d) == _forms(c), (c, d)

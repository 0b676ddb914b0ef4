"""`find_lexical`: run every rule of a language over each sentence and keep the best slots."""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Iterable, Sequence
from itertools import pairwise

from townsquare.canary.lexical.base import (
    Hit,
    LexicalCandidate,
    SentenceView,
    Style,
    Tok,
    norm_word,
    split_token,
)
from townsquare.canary.lexical.protect import protected_mask
from townsquare.canary.lexical.registry import finders_for
from townsquare.canary.model import Language, Sentence, Token
from townsquare.canary.normalize import lexical_form

_MARKER_RE = re.compile(r"^(?:[-*+>•]|#{1,6}|\d{1,3}[.)]|[A-Za-z][.)]|\(\w{1,3}\))$")
_SPACE_RUN_RE = re.compile(r"\s{2,}")


def rejection(rejected: Iterable[str]) -> Callable[[str], bool]:
    """A predicate telling whether a rule id is rejected, by itself or by a family prefix."""
    refused = frozenset(r.strip() for r in rejected if r.strip())

    def is_rejected(rule: str) -> bool:
        parts = rule.split(".")
        return any(".".join(parts[:k]) in refused for k in range(1, len(parts) + 1))

    return is_rejected


def _best(hits: list[Hit]) -> list[Hit]:
    """Non-overlapping hits with the most bits (sum of log2 q), ties to the earlier rule."""
    order = sorted(range(len(hits)), key=lambda k: (hits[k].last, hits[k].first, k))
    ends = [hits[k].last for k in order]
    best: list[float] = [0.0]
    pick: list[list[int]] = [[]]
    for pos, k in enumerate(order):
        h = hits[k]
        # Last hit in `order` (before pos) ending before h starts.
        lo, hi = 0, pos
        while lo < hi:
            mid = (lo + hi) // 2
            if ends[mid] < h.first:
                lo = mid + 1
            else:
                hi = mid
        with_h = best[lo] + math.log2(len(h.variants))
        if with_h > best[pos] + 1e-9:
            best.append(with_h)
            pick.append([*pick[lo], k])
        else:
            best.append(best[pos])
            pick.append(pick[pos])
    return [hits[k] for k in sorted(pick[-1], key=lambda k: hits[k].first)]


def _echoed(sentences: Sequence[Sentence], tokens: Sequence[Token]) -> set[int]:
    """Sentences that share half or more of their word pairs with another sentence.

    A reader places each sentence of a leak by its word pairs; when a variant
    breaks a pair at home while the same pairs stand in a twin sentence ("We
    cannot! We cannot!"), the sentence could be placed on its twin and a slot
    misread. Such sentences get no lexical slot. Pairs common to many sentences
    ("of the") are no twin: only the pairs shared with one other sentence count.
    """
    pairs: list[set[tuple[str, str]]] = []
    where: dict[tuple[str, str], list[int]] = {}
    for s in sentences:
        keys = [t.key for t in tokens[s.first_token : s.end_token]]
        own = set(pairwise(keys))
        pairs.append(own)
        for p in own:
            where.setdefault(p, []).append(s.index)
    out: set[int] = set()
    for s, own in zip(sentences, pairs, strict=True):
        shared: dict[int, int] = {}
        for p in own:
            for other in where[p]:
                if other != s.index:
                    shared[other] = shared.get(other, 0) + 1
        if own and shared and 2 * max(shared.values()) >= len(own):
            out.add(s.index)
    return out


def _valid(text: str, cand: LexicalCandidate) -> bool:
    if cand.variants[0] != text[cand.start : cand.end] or len(cand.variants) < 2:
        return False
    forms = [lexical_form(v) for v in cand.variants]
    if len(set(forms)) != len(forms):
        return False
    return all("\n" not in v and not _SPACE_RUN_RE.search(v) for v in cand.variants[1:])


def _view(
    text: str,
    sentence: Sentence,
    tokens: Sequence[Token],
    mask: list[bool],
    language: Language,
    style: Style,
    is_rejected: Callable[[str], bool],
    earlier: frozenset[str],
) -> SentenceView:
    toks: list[Tok] = []
    for k in range(sentence.first_token, sentence.end_token):
        t = tokens[k]
        raw = text[t.start : t.end]
        lead, core, trail = split_token(raw)
        toks.append(Tok(t.start, t.end, raw, lead, core, trail, norm_word(core), mask[k]))
    first = 0
    while first < len(toks) and (not toks[first].core or _MARKER_RE.match(toks[first].raw)):
        first += 1
    body = text[sentence.start : sentence.end]
    letters = [c for c in body if c.isalpha()]
    all_caps = len(letters) >= 3 and all(c.isupper() for c in letters)
    question = body.rstrip("\"'”’») ").endswith("?")
    return SentenceView(
        text, toks, first, language, style, is_rejected, all_caps, question, earlier
    )


def find_lexical(
    text: str,
    sentences: Sequence[Sentence],
    tokens: Sequence[Token],
    language: Language,
    rejected: frozenset[str] = frozenset(),
) -> list[LexicalCandidate]:
    """Lexical slots of a canonical memo: whole-token spans with meaning-preserving variants.

    `rejected` holds rule ids or family prefixes (e.g. "en.spelling") the
    author refused; no candidate of those rules is offered.
    """
    is_rejected = rejection(rejected)
    style = Style.of(text)
    mask = protected_mask(text, tokens)
    finders = finders_for(language)
    out: list[LexicalCandidate] = []
    earlier: set[str] = set()
    echoed = _echoed(sentences, tokens)
    for sentence in sentences:
        view = _view(text, sentence, tokens, mask, language, style, is_rejected, frozenset(earlier))
        if view.first < len(view.toks):
            earlier.add(view.toks[view.first].norm)
        if sentence.index in echoed:
            continue
        hits: list[Hit] = []
        for finder in finders:
            hits.extend(h for h in finder(view) if h is not None and not is_rejected(h.rule))
        for h in _best(hits):
            start, end = view.toks[h.first].start, view.toks[h.last].end
            cand = LexicalCandidate(start, end, h.variants, h.rule)
            if _valid(text, cand):
                out.append(cand)
    out.sort(key=lambda c: c.start)
    return out

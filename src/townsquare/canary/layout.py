"""From a memo's text to its Layout: canonical text, sentences, tokens and every slot."""

from __future__ import annotations

from collections.abc import Iterable
from itertools import pairwise

from townsquare.canary.channels import (
    comma_gap_slots,
    protected_tokens,
    spacing_slots,
    typography_slots,
    zero_width_slots,
)
from townsquare.canary.model import CHANNELS, CanaryError, Channel, Language, Layout, Slot
from townsquare.canary.segment import canonicalize, detect_language, segment


def parse_channels(names: Iterable[str]) -> tuple[Channel, ...]:
    """Validated channel names in canonical order."""
    wanted = {n.strip() for n in names if n.strip()}
    unknown = wanted - set(CHANNELS)
    if unknown:
        raise CanaryError(
            f"unknown channel(s): {', '.join(sorted(unknown))}; choose from {', '.join(CHANNELS)}"
        )
    if not wanted:
        raise CanaryError("at least one channel is needed")
    return tuple(c for c in CHANNELS if c in wanted)


def parse_rejected(names: Iterable[str]) -> frozenset[str]:
    """Validated lexical rule ids or family prefixes to leave out ("en.contraction", ...)."""
    from townsquare.canary.lexical.registry import RULES

    wanted = frozenset(n.strip() for n in names if n.strip())
    unknown = sorted(
        n for n in wanted if n not in RULES and not any(r.startswith(n + ".") for r in RULES)
    )
    if unknown:
        raise CanaryError(
            f"unknown lexical rule(s) {', '.join(unknown)}; give rule ids or family "
            "prefixes such as en.contraction or fr.word"
        )
    return wanted


def build_layout(
    raw_text: str,
    *,
    language: Language | None = None,
    channels: Iterable[Channel] = CHANNELS,
    rejected_lexical: frozenset[str] = frozenset(),
) -> Layout:
    """The memo's canonical form and all the slots its copies can differ in."""
    text = canonicalize(raw_text)
    lang: Language = language or detect_language(text)
    chosen = parse_channels(channels)
    sentences, tokens = segment(text, lang)
    if not tokens:
        raise CanaryError("the memo has no words")
    protected = protected_tokens(text, tokens)

    slots: list[Slot] = []
    in_lexical: set[int] = set()
    if "lexical" in chosen:
        from townsquare.canary.lexical import find_lexical

        token_at = {t.start: i for i, t in enumerate(tokens)}
        token_end_at = {t.end: i for i, t in enumerate(tokens)}
        for cand in find_lexical(text, sentences, tokens, lang, rejected=rejected_lexical):
            first, last = token_at.get(cand.start), token_end_at.get(cand.end)
            if first is None or last is None or any(i in protected for i in range(first, last + 1)):
                continue
            in_lexical.update(range(first, last + 1))
            slots.append(
                Slot(
                    "lexical",
                    cand.rule,
                    tokens[first].sentence,
                    first,
                    last + 1,
                    cand.start,
                    cand.end,
                    cand.variants,
                )
            )
    skip = protected | in_lexical
    commas: list[Slot] = []
    if "spacing" in chosen:
        # A lexical variant may drop the comma ("A, B, and C"), so its words get no comma gap.
        commas = comma_gap_slots(text, tokens, skip)
        slots += spacing_slots(text, sentences, protected) + commas
    if "typography" in chosen:
        slots += typography_slots(text, tokens, lang, skip, frozenset(s.token for s in commas))
    if "zero_width" in chosen:
        slots += zero_width_slots(tokens, skip)

    slots.sort(key=lambda s: (s.start, s.end))
    for a, b in pairwise(slots):
        if a.end > b.start or (a.start == a.end == b.start == b.end):
            raise AssertionError(f"overlapping slots {a} and {b}")  # a finder bug, never input
    return Layout(text, lang, chosen, tuple(sentences), tuple(tokens), tuple(slots))

"""Table-driven word and phrase swaps: a set of equivalent spellings, which of them may be
the original, and a context check each must pass."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass

from townsquare.canary.lexical.base import (
    Hit,
    SentenceView,
    make_hit,
    norm_word,
    relink,
    split_elision,
)

Check = Callable[[SentenceView, int, int], bool]


@dataclass(frozen=True)
class Swap:
    """Equivalent `forms`; only `originals` (all forms when empty) are replaced.

    `check(view, i, j)` gets the matched tokens i..j and must be True.
    `names` marks swaps that may touch capitalised words mid-sentence.
    """

    rule: str
    forms: tuple[str, ...]
    originals: tuple[str, ...] = ()
    check: Check | None = None
    names: bool = False
    anywhere: bool = True  # False: never at the sentence's first word

    def sources(self) -> tuple[str, ...]:
        return self.originals or self.forms


class SwapTable:
    def __init__(self, swaps: Iterable[Swap]) -> None:
        self.swaps = tuple(swaps)
        self.by_first: dict[str, list[tuple[tuple[str, ...], Swap]]] = defaultdict(list)
        for swap in self.swaps:
            for src in swap.sources():
                words = tuple(norm_word(w) for w in src.split())
                self.by_first[words[0]].append((words, swap))
        for entries in self.by_first.values():
            entries.sort(key=lambda e: -len(e[0]))  # longest match first

    def rules(self) -> dict[str, str]:
        out: dict[str, str] = {}
        for swap in self.swaps:
            out.setdefault(swap.rule, " / ".join(swap.forms))
        return out

    def hits(self, view: SentenceView) -> Iterator[Hit | None]:
        for i in range(len(view.toks)):
            prefix = ""
            entries = self.by_first.get(view.n(i), [])
            if not entries and view.language == "fr" and view.ok(i):
                prefix, rest = split_elision(view.toks[i].core)
                entries = self.by_first.get(norm_word(rest), []) if prefix else []
            for words, swap in entries:
                j = _match(view, i, words, prefix)
                if j is None:
                    continue
                if not swap.anywhere and i == view.first:
                    continue
                if not swap.names and view.proper_risk(i, j):
                    continue
                if swap.check is not None and not swap.check(view, i, j):
                    continue
                alts = [relink(prefix, f) for f in swap.forms]
                yield make_hit(view, i, j, [a for a in alts if a is not None], swap.rule)
                break


def _match(view: SentenceView, i: int, words: tuple[str, ...], prefix: str) -> int | None:
    if not prefix:
        return view.words(i, words)
    t = view.toks[i]
    if len(words) == 1:
        return i
    if t.trail or not view.spaced(i, i + 1):
        return None
    j = view.words(i + 1, words[1:])
    return None if j is None or view.toks[i + 1].lead else j


def all_checks(*checks: Check) -> Check:
    """One check that passes where every one of `checks` passes."""

    def check(view: SentenceView, i: int, j: int) -> bool:
        return all(c(view, i, j) for c in checks)

    return check


def inflect(rule: str, rows: Iterable[tuple[str, ...]], check: Check | None = None) -> list[Swap]:
    """One Swap per row of inflected forms sharing a rule id."""
    return [Swap(rule, tuple(row), check=check) for row in rows]

"""Sentence-initial connectives: same-meaning swaps and the optional comma after them.

Shared by English and French. A connective is matched only at the first word
of a sentence and only when it is followed either by its comma or by a word
that plainly starts the clause (a pronoun, a determiner, a name), so "In
addition to ..." or "Finally found ..." never match.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from townsquare.canary.lexical.base import Alt, Hit, SentenceView, make_hit, split_elision


@dataclass(frozen=True, slots=True)
class Connective:
    """A set of interchangeable sentence openers; per member, whether the comma after it
    may be left out (True), must stay (False), or is never written (None: "C'est pourquoi")."""

    rule: str
    members: tuple[tuple[str, bool | None], ...]
    needs_enumeration: bool = False


def starts_clause(view: SentenceView, k: int, subjects: frozenset[str]) -> bool:
    """Token k plainly begins a clause: a subject pronoun, a determiner or a name."""
    if not view.ok(k) or view.toks[k].lead:
        return False
    t = view.toks[k]
    if t.norm in subjects:
        return True
    base, _, tail = t.norm.partition("'")
    if view.language == "en" and base in subjects and tail in ("s", "re", "ll", "ve", "d", "m"):
        return True  # "it's", "we're": a subject and its verb
    prefix, _ = split_elision(t.core)
    if prefix and prefix[0].casefold() in "ljc" and view.language == "fr":
        return True
    letters = [c for c in t.core if c.isalpha()]
    return bool(letters) and t.core[0].isupper() and t.norm not in ("i",) and len(letters) > 1


def _match(view: SentenceView, phrase: str) -> tuple[int, bool] | None:
    """(last token, has comma) when the sentence opens with `phrase`."""
    j = view.words(view.first, phrase.split())
    if j is None:
        return None
    trail = view.toks[j].trail
    if trail == ",":
        return j, True
    if trail == "":
        return j, False
    return None


def connective_hits(
    view: SentenceView,
    classes: tuple[Connective, ...],
    comma_rule: str,
    subjects: frozenset[str],
    enumerators: frozenset[str],
) -> Iterator[Hit | None]:
    if view.first >= len(view.toks):
        return
    comma_ok = not view.rule_off(comma_rule)
    for cls in classes:
        # Longest first: "First of all," is not "First" followed by "of all,".
        for phrase, drop in sorted(cls.members, key=lambda m: -len(m[0].split())):
            found = _match(view, phrase)
            if found is None:
                continue
            j, has_comma = found
            if has_comma and drop is None:
                continue
            if not has_comma and drop is False:
                return
            clause = starts_clause(view, j + 1, subjects)
            if not has_comma and not clause:
                continue
            if cls.needs_enumeration and not (view.earlier_starts & enumerators):
                continue
            may_drop = comma_ok and clause
            alts: list[Alt] = []
            for other, other_drop in cls.members:
                if other_drop is None:
                    states = [False] if clause else []
                else:
                    states = [True, False] if other_drop else [True]
                    states = [st for st in states if st == has_comma or may_drop]
                alts.extend((other, "," if st else "") for st in states)
            yield make_hit(view, view.first, j, alts, cls.rule)
            if drop and may_drop:
                yield make_hit(
                    view, view.first, j, [(phrase, "" if has_comma else ",")], comma_rule
                )
            return


def comma_only_hits(
    view: SentenceView,
    phrases: frozenset[str],
    max_words: int,
    comma_rule: str,
    subjects: frozenset[str],
) -> Iterator[Hit | None]:
    """Sentence openers whose comma is optional before a clear subject."""
    i = view.first
    for n in range(1, max_words + 1):
        j = i + n - 1
        if not view.ok(j):
            return
        words = [view.n(k) for k in range(i, j + 1)]
        if " ".join(words) not in phrases or view.words(i, words) is None:
            continue
        trail = view.toks[j].trail
        if trail not in ("", ",") or not starts_clause(view, j + 1, subjects):
            continue
        inner = view.text[
            view.toks[i].start + len(view.toks[i].lead) : view.toks[j].end - len(trail)
        ]
        yield make_hit(view, i, j, [(inner, "" if trail else ",")], comma_rule, case="keep")
        return

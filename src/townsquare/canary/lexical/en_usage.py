"""More English words with a same-meaning twin, each with a context check made alike for
every spelling (so a copy offers the same choice back):

- "many"/"numerous" before a plural noun (never "many of", "many more", "how many",
  "not many", "many years");
- "rarely"/"seldom"; "the entire"/"the whole" after a determiner (never "as a
  whole", "on the whole", "the whole lot");
- "regarding"/"concerning" before a noun phrase (never "is concerning", "a
  concerning trend");
- "and thus"/"and therefore"/"and hence" before a verb, "thus"/"thereby" before an
  -ing form ("thus guaranteeing");
- "etc."/"and so on"/"and so forth" closing a list after a comma (an "etc." before
  a capital could end a sentence, and is left alone).

Left out: "upon" -> "on" (a copy saying "on" could not be told from any other "on"),
"able to" -> "can" (the number of "is/are able to" cannot be recovered),
"a lot of" (countability), "passed away"/"died" (register).
"""

from __future__ import annotations

from collections.abc import Iterator

from townsquare.canary.lexical.base import Hit, SentenceView, make_hit, words
from townsquare.canary.lexical.en_words import DETERMINERS, next_word
from townsquare.canary.lexical.swaps import Swap, SwapTable

_MANY_PREV_BLOCK = frozenset(
    words("how so too as very not great a an these those his her their our my your its")
)
_TIME_NOUNS = frozenset(words("years months weeks days hours decades minutes thanks times"))


def _plural_next(view: SentenceView, i: int, j: int) -> bool:
    k = j + 1
    if view.n(k) == "other":
        k += 1
    if view.toks[j].trail or not view.ok(k) or view.toks[k].lead:
        return False
    core = view.toks[k].core
    w = view.n(k)
    return (
        core.isalpha()
        and core.islower()
        and len(w) > 3
        and w.endswith("s")
        and not w.endswith(("ss", "us", "is"))
        and w not in _TIME_NOUNS
        and view.n(i - 1) not in _MANY_PREV_BLOCK
    )


def _whole(view: SentenceView, i: int, j: int) -> bool:
    nxt = view.n(j + 1)
    return (
        view.n(i - 1) in DETERMINERS - {"a", "an"}
        and next_word(view, i, j)
        and view.toks[j + 1].core.islower()
        and nxt not in ("lot", "number", "numbers", "new", "of")
    )


_ADJ_PREV = frozenset(
    words(
        "a an the very most more less deeply is are was were be been being quite really so "
        "how too particularly equally also increasingly"
    )
)


def _about(view: SentenceView, i: int, j: int) -> bool:
    """ "regarding"/"concerning" as a preposition: a noun phrase follows, no copula or
    degree word before (where "concerning" means "worrying")."""
    if view.n(i - 1) in _ADJ_PREV or view.toks[j].trail or not view.ok(j + 1):
        return False
    nxt = view.toks[j + 1]
    return not nxt.lead and (
        view.n(j + 1) in DETERMINERS or nxt.core[:1].isupper() or nxt.core.isalpha()
    )


def _verb_next(view: SentenceView, i: int, j: int) -> bool:
    nxt = view.n(j + 1)
    return next_word(view, i, j) and not (nxt.endswith("ing") and len(nxt) > 5)


def _ing_next(view: SentenceView, i: int, j: int) -> bool:
    nxt = view.n(j + 1)
    return (
        next_word(view, i, j)
        and nxt.endswith("ing")
        and len(nxt) > 5
        and view.n(i - 1) not in ("and", "or", "not")
        and i != view.first
    )


SWAPS: list[Swap] = [
    Swap("en.word.many", ("many", "numerous"), check=_plural_next),
    Swap("en.word.rarely", ("rarely", "seldom")),
    Swap("en.word.whole", ("entire", "whole"), check=_whole),
    Swap("en.word.regarding", ("regarding", "concerning"), check=_about),
    Swap("en.word.thus", ("and thus", "and therefore", "and hence"), check=_verb_next),
    Swap("en.word.thereby", ("thus", "thereby"), check=_ing_next),
]

_ETC = ("etc.", "and so on", "and so forth")


def _etc(view: SentenceView) -> Iterator[Hit | None]:
    for i in range(view.first + 1, len(view.toks)):
        if not view.toks[i - 1].trail.endswith(",") or not view.ok(i):
            continue
        for form in _ETC:
            j = view.words(i, form.rstrip(".").split())
            if j is None:
                continue
            rest = view.toks[j].trail
            if form.endswith("."):
                if not rest.startswith("."):
                    continue
                rest = rest[1:]
            last = j == len(view.toks) - 1
            final = last and rest in ("", ".")  # the sentence's own period
            if final:
                rest = ""
            elif not rest:
                break  # "etc. The ..." may end a sentence: left alone either way
            if rest.startswith(".") or any(c not in "),;:." for c in rest):
                break
            alts = [
                ("etc", "." + rest) if f.endswith(".") else (f, ("." if final else "") + rest)
                for f in _ETC
                if f != form
            ]
            yield make_hit(view, i, j, alts, "en.abbrev.etc", case="keep")
            break


TABLE = SwapTable(SWAPS)
RULES: dict[str, str] = {
    **TABLE.rules(),
    "en.abbrev.etc": '"etc." / "and so on" / "and so forth" closing a list',
}
FINDERS = (TABLE.hits, _etc)

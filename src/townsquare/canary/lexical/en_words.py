"""English words and phrases with a same-meaning twin, each with the context it needs.

Left out as unsafe in some context: "a lot of"/"many" (countability),
"help"/"assist" ("help us finish"), "buy"/"purchase" ("buy into", "a good
buy"), "start"/"begin", "use"/"utilize", "long-term"/"long term" (needs its
hyphen before a noun), "follow-up"/"follow up" (noun vs verb), "perhaps"/"maybe",
"often" after "so"/"more", "till"/"until" after a determiner (the cash till).
Every swap's check is made on whichever spelling the memo uses, so a copy is
offered the same choice back ("no one" is "nobody" only before a verb, whichever
was written).
"""

from __future__ import annotations

from townsquare.canary.lexical.base import SentenceView, words
from townsquare.canary.lexical.swaps import Swap, SwapTable

DETERMINERS = frozenset(words("the these those our their your his her its my this that a an"))
CLAUSE_SUBJECTS = frozenset(["we", "you", "they", "i", "he", "she", "everyone", "everybody"])


def next_word(view: SentenceView, i: int, j: int) -> bool:
    """A word follows the span in the same clause."""
    return not view.toks[j].trail and view.ok(j + 1) and view.toks[j + 1].core[:1].isalpha()


def _next_det(view: SentenceView, i: int, j: int) -> bool:
    return not view.toks[j].trail and view.n(j + 1) in DETERMINERS - {"a", "an"}


def _not_after_det(view: SentenceView, i: int, j: int) -> bool:
    return view.n(i - 1) not in DETERMINERS | {"little", "long", "short", "whole", "good"} and (
        next_word(view, i, j)
    )


def _while(view: SentenceView, i: int, j: int) -> bool:
    prev = view.n(i - 1)
    blocked = DETERMINERS | {
        "little",
        "long",
        "short",
        "whole",
        "worth",
        "good",
        "great",
        "quite",
        "once",
        "for",
        "after",
        "in",
        "all",
    }
    return prev not in blocked and next_word(view, i, j)


def _though(view: SentenceView, i: int, j: int) -> bool:
    return view.n(i - 1) not in ("even", "as") and next_word(view, i, j)


def _nearly(view: SentenceView, i: int, j: int) -> bool:
    nxt = view.n(j + 1)
    return (
        view.n(i - 1) != "not"
        and nxt
        not in (
            "never",
            "no",
            "nothing",
            "nobody",
            "none",
            "nowhere",
            "any",
            "anything",
            "anyone",
            "every",
            "everyone",
        )
        and not view.toks[j].trail
        and view.ok(j + 1)
        and view.toks[j + 1].core[:1].isalnum()
    )


def _often(view: SentenceView, i: int, j: int) -> bool:
    return view.n(i - 1) not in ("so", "more", "than", "every", "how", "too")


def _no_one(view: SentenceView, i: int, j: int) -> bool:
    """ "no one" is "nobody" only before a verb or a pause ("no one person" is not): the
    check is made for every spelling, so a copy saying "no one" offers "nobody" back."""
    t = view.toks[j]
    return bool(t.trail) or view.n(j + 1) in (
        "is",
        "was",
        "will",
        "can",
        "could",
        "should",
        "would",
        "has",
        "had",
        "knows",
        "else",
        "wants",
        "needs",
        "expects",
        "seems",
        "may",
        "must",
        "did",
        "does",
    )


def _clause_end(view: SentenceView, i: int, j: int) -> bool:
    return bool(view.toks[j].trail)


def mid(view: SentenceView, i: int, j: int) -> bool:
    return i != view.first


_COMPARATIVES = frozenset(
    words(
        "more less higher lower larger smaller greater better worse fewer faster slower "
        "bigger cheaper longer shorter stronger weaker"
    )
)
_TIME_UNITS = frozenset(
    words(
        "day week month year morning evening afternoon night quarter time monday tuesday "
        "wednesday thursday friday saturday sunday"
    )
)
SPAN_UNITS = ("days", "weeks", "months", "years")


def _before_comparative(view: SentenceView, i: int, j: int) -> bool:
    """ "much more" / "far more" / "significantly more"; never ", much less" ("let alone")."""
    if view.n(j) in ("much", "far") and (
        view.n(j + 1) == "less" or (i > 0 and view.toks[i - 1].trail)
    ):
        return False
    return (
        not view.toks[j].trail
        and view.n(j + 1) in _COMPARATIVES
        and view.n(i - 1) not in ("how", "as", "so", "too", "very", "not", "that", "this")
    )


def _every_unit(view: SentenceView, i: int, j: int) -> bool:
    t = view.toks[j]
    return view.n(j) in _TIME_UNITS and (bool(t.trail) or view.n(j + 1) != "of")


def _past_last(view: SentenceView, i: int, j: int) -> bool:
    """ "over the past decade" / "over the last decade" (never "the last year of ...")."""
    if view.n(i - 1) not in ("over", "in", "during", "for", "within", "throughout"):
        return False
    k = j + 1
    if view.n(k).isdigit() or view.n(k) in ("few", "two", "three", "four", "five", "several"):
        k += 1
    unit = view.n(k)
    return (
        unit
        in (
            "decade",
            "decades",
            "year",
            "years",
            "month",
            "months",
            "week",
            "weeks",
            "days",
            "century",
        )
        and view.n(k + 1) != "of"
        and view.spaced(j, k)
    )


SWAPS: list[Swap] = [
    Swap("en.word.toward", ("toward", "towards")),
    Swap("en.word.among", ("among", "amongst")),
    Swap("en.word.amid", ("amid", "amidst")),
    Swap("en.word.afterward", ("afterward", "afterwards"), anywhere=False),
    Swap("en.word.until", ("until", "till"), check=_not_after_det),
    Swap("en.word.while", ("while", "whilst"), check=_while),
    Swap("en.word.although", ("although", "though", "even though"), check=_though),
    Swap("en.word.despite", ("despite", "in spite of")),
    Swap("en.word.nearly", ("almost", "nearly"), check=_nearly),
    Swap("en.word.often", ("often", "frequently"), check=_often),
    Swap("en.word.everyone", ("everyone", "everybody")),
    Swap("en.word.anyone", ("anyone", "anybody")),
    Swap("en.word.someone", ("someone", "somebody")),
    Swap("en.word.nobody", ("nobody", "no one", "no-one"), check=_no_one),
    Swap("en.word.each_other", ("each other", "one another")),
    Swap("en.word.all_of", ("all of", "all"), check=_next_det),
    Swap("en.word.all_of", ("both of", "both"), check=_next_det),
    Swap("en.word.all_of", ("half of", "half"), check=_next_det),
    Swap("en.word.outside_of", ("outside of", "outside"), check=_next_det),
    Swap("en.word.outside_of", ("inside of", "inside"), check=_next_det),
    Swap("en.word.anymore", ("anymore", "any more", "any longer"), check=_clause_end),
    Swap(
        "en.word.mainly", ("mainly", "largely", "primarily", "chiefly", "mostly"), check=next_word
    ),
    Swap("en.word.entirely", ("entirely", "completely"), check=lambda v, i, j: v.n(i - 1) != "not"),
    Swap(
        "en.word.much_more",
        ("significantly", "considerably", "substantially", "much", "far"),
        originals=("significantly", "considerably", "substantially", "much", "far"),
        check=_before_comparative,
    ),
    *[Swap("en.word.every", (f"every {u}", f"each {u}"), check=_every_unit) for u in _TIME_UNITS],
    Swap("en.word.past_last", ("the past", "the last"), check=_past_last),
]

TABLE = SwapTable(SWAPS)
RULES: dict[str, str] = TABLE.rules()
FINDERS = (TABLE.hits,)

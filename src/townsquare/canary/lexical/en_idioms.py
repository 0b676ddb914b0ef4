"""English idioms with a same-meaning twin whose context is easy to check.

- "rather than" / "instead of" before a gerund ("rather than being developed");
  never before anything else ("rather than on the goal" has no "instead of on").
- "along with" / "together with", not after a verb it forms an idiom with ("get
  along with", "go along with", "come along with").
- "a wide range" / "a broad range" (also "array"); "more information about" / "more
  information on" (also "further"; "information on the server" alone could be where
  it is stored, "more information" asks for a topic).
"""

from __future__ import annotations

from townsquare.canary.lexical.base import SentenceView, words
from townsquare.canary.lexical.swaps import Swap, SwapTable

_NOT_GERUND = frozenset(
    words(
        "thing nothing something anything everything king ring spring string morning evening "
        "ceiling building during bring sing sting swing wing"
    )
)
_ALONG_VERBS = frozenset(
    words(
        "get gets got getting gotten go goes went going gone come comes came coming play plays "
        "played playing string strings strung tag tags tagged tagging sing sings sang singing "
        "move moves moved moving rub rubs rubbed jog jogs jogged muddle muddled"
    )
)


def _gerund_next(view: SentenceView, i: int, j: int) -> bool:
    """The word after is an -ing form ("rather than waiting"), not an -ing noun."""
    if view.toks[j].trail or not view.ok(j + 1) or view.toks[j + 1].lead:
        return False
    w = view.toks[j + 1].core
    return (
        w.isalpha()
        and w.islower()
        and len(w) >= 5
        and w.endswith("ing")
        and w not in _NOT_GERUND
        and view.n(i - 1) not in ("would", "had", "or", "'d")
    )


def _not_phrasal(view: SentenceView, i: int, j: int) -> bool:
    return view.n(i - 1) not in _ALONG_VERBS and not view.toks[j].trail


SWAPS: list[Swap] = [
    Swap("en.phrase.rather_than", ("rather than", "instead of"), check=_gerund_next),
    Swap("en.phrase.along_with", ("along with", "together with"), check=_not_phrasal),
    *[Swap("en.word.wide_range", (f"a wide {n}", f"a broad {n}")) for n in ("range", "array")],
    *[
        Swap("en.phrase.information_on", (f"{m} information about", f"{m} information on"))
        for m in ("more", "further")
    ],
]
TABLE = SwapTable(SWAPS)
RULES: dict[str, str] = TABLE.rules()
FINDERS = (TABLE.hits,)

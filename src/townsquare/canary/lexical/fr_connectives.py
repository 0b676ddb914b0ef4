"""French sentence openers: connective swaps and the optional comma after them.

Left out: "Aussi" (sentence-initial it means "therefore" and inverts the
subject), "Enfin" without its comma ("at last"), "Donc," (spoken register),
"Notamment" for "Par exemple" (it means "in particular"), "Finalement" for
"Enfin" ("eventually"), and "Pour finir" unless the memo enumerates.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from townsquare.canary.lexical.base import Hit, SentenceView, make_hit, phrases, words
from townsquare.canary.lexical.connectives import (
    Connective,
    comma_only_hits,
    connective_hits,
    starts_clause,
)

T, F, N = True, False, None
CONNECTIVES: tuple[Connective, ...] = (
    Connective("fr.connective.contrast", (("cependant", T), ("toutefois", T), ("néanmoins", T))),
    Connective("fr.connective.addition", (("par ailleurs", T), ("en outre", T), ("de plus", T))),
    Connective(
        "fr.connective.result",
        (("par conséquent", T), ("en conséquence", T), ("c'est pourquoi", N)),
    ),
    Connective("fr.connective.finally", (("enfin", F), ("pour finir", F)), needs_enumeration=True),
    Connective(
        "fr.connective.current",
        (("actuellement", T), ("en ce moment", T), ("à l'heure actuelle", T)),
    ),
    Connective(
        "fr.connective.similarly",
        (("de même", T), ("de la même manière", F), ("de la même façon", F)),
    ),
    Connective("fr.connective.contrast2", (("en revanche", T), ("par contre", T))),
    Connective(
        "fr.connective.first", (("tout d'abord", T), ("d'abord", T), ("en premier lieu", F))
    ),
    Connective("fr.connective.henceforth", (("désormais", T), ("dorénavant", T))),
    Connective("fr.connective.other_words", (("autrement dit", F), ("en d'autres termes", F))),
    Connective("fr.connective.overall", (("globalement", T), ("dans l'ensemble", T))),
    Connective(
        "fr.connective.general",
        (("en général", T), ("généralement", T), ("en règle générale", T)),
    ),
    Connective(
        "fr.connective.last_year",
        (("l'an dernier", T), ("l'année dernière", T), ("l'an passé", T), ("l'année passée", T)),
    ),
    Connective("fr.connective.summary", (("en résumé", F), ("en bref", F))),
    Connective("fr.connective.for_now", (("pour l'instant", T), ("pour le moment", T))),
    Connective("fr.connective.meanwhile", (("d'ici là", T), ("en attendant", T))),
    Connective(
        "fr.connective.so_far", (("jusqu'à présent", T), ("jusqu'ici", T), ("à ce jour", T))
    ),
    Connective("fr.connective.instead", (("au lieu de cela", T), ("à la place", T))),
    Connective("fr.connective.this_way", (("de cette manière", T), ("de cette façon", T))),
    Connective("fr.connective.despite", (("malgré cela", T), ("en dépit de cela", T))),
    Connective("fr.connective.in_fact", (("en fait", T), ("en réalité", T))),
)
ENUMERATORS = frozenset(["tout", "d'abord", "premièrement", "ensuite", "puis"])

SUBJECTS = frozenset(
    words(
        "nous je il elle ils elles on le la les un une des ce cet cette ces notre nos votre "
        "vos leur leurs son sa ses mon ma mes tous toutes chaque plusieurs certains certaines "
        "aucun aucune personne rien cela ceci vous tout chacun chacune quelqu'un quelque"
    )
)
INTRO = frozenset(
    phrases(
        "ainsi|aujourd'hui|par exemple|en effet|ensuite|récemment|hier|demain|"
        "cette semaine|cette année|ce mois-ci|malheureusement|heureusement|en particulier|"
        "en pratique|concrètement|à terme|dans un premier temps|"
        "dans un second temps|en parallèle|parallèlement|en conclusion|finalement|"
        "de son côté|pour sa part|à cet égard|dans ce contexte|dans ce cadre|au total|"
        "en somme|pourtant|au contraire|en fin de compte|entre autres|dernièrement|clairement|"
        "évidemment|bien sûr|naturellement|à l'origine|au départ|à l'époque|"
        "par la suite|dans ce cas|en tout cas|dans tous les cas|de toute façon|en principe|"
        "en théorie|à l'avenir|à présent|depuis lors|dès lors|à cette époque"
    )
)
MONTHS = frozenset(
    words("janvier février mars avril mai juin juillet août septembre octobre novembre décembre")
)
_YEAR_RE = re.compile(r"^(?:19|20)\d\d$")

RULES: dict[str, str] = {
    **{c.rule: " / ".join(m for m, _ in c.members) + " (début de phrase)" for c in CONNECTIVES},
    "fr.comma.intro": "virgule facultative après un connecteur ou un complément de temps initial",
}


def _connectives(view: SentenceView) -> Iterator[Hit | None]:
    yield from connective_hits(view, CONNECTIVES, "fr.comma.intro", SUBJECTS, ENUMERATORS)


def _intro_commas(view: SentenceView) -> Iterator[Hit | None]:
    yield from comma_only_hits(view, INTRO, 5, "fr.comma.intro", SUBJECTS)
    i = view.first
    j: int | None = None
    if view.n(i) in ("en", "depuis", "dès", "début", "fin") and view.bare(i):
        if _YEAR_RE.match(view.n(i + 1)):
            j = i + 1
        elif view.n(i + 1) in MONTHS:
            j = i + 2 if _YEAR_RE.match(view.n(i + 2)) and view.bare(i + 1) else i + 1
    if j is None or not view.spaced(i, j) or any(view.toks[k].trail for k in range(i, j)):
        return
    trail = view.toks[j].trail
    if trail not in ("", ",") or not starts_clause(view, j + 1, SUBJECTS):
        return
    first = view.toks[i]
    inner = view.text[first.start + len(first.lead) : view.toks[j].end - len(trail)]
    yield make_hit(view, i, j, [(inner, "" if trail else ",")], "fr.comma.intro", case="keep")


FINDERS = (_connectives, _intro_commas)

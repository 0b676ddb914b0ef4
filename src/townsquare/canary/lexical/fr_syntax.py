"""French sentence openers whose comma is optional, "ainsi que", and the comma before "mais".

- "Le 9 mai, Manuel ..." / "Le 9 mai Manuel ...": the comma after an opening date
  ("Le 1er mars 2001", "Dès le 3 mars") before a clear subject; with "1er" the
  slot also offers "premier" (four variants).
- "Au sein de Debian, elle ..." / "Au sein de Debian elle ...": the comma after a
  short opening prepositional phrase (at most five words, no verb inside) where
  its end is certain: a subject pronoun or a determiner follows. French has no
  relative clause without "qui"/"que", so a noun cannot run on into the subject
  as in English ("In the way we ...").
- "ainsi que" / "de même que" before a listed noun phrase, and the comma before
  "mais" or "et" joining two clauses ("et" only before il/ils/on/je). ("de
  nombreux" / "beaucoup de" is in `fr_quantities`.)
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from townsquare.canary.lexical.base import (
    Alt,
    Hit,
    SentenceView,
    make_hit,
    split_elision,
    words,
)
from townsquare.canary.lexical.fr_connectives import MONTHS
from townsquare.canary.lexical.fr_grammar import infinitive_word

RULES: dict[str, str] = {
    "fr.comma.date": "virgule facultative après une date initiale (« Le 9 mai, ... »)",
    "fr.comma.phrase": "virgule facultative après un court complément initial",
    "fr.comma.mais": "virgule facultative avant « mais » suivi d'un pronom sujet",
    "fr.comma.et": "virgule facultative avant « et il / ils / on / je » (deux propositions)",
    "fr.word.ainsi_que": "ainsi que <-> de même que (devant un groupe nominal)",
}

_DAY_RE = re.compile(r"^(?:[1-9]|[12]\d|3[01]|1er)$")
_YEAR_RE = re.compile(r"^(?:1[0-9]|20)\d\d$")
_PRONOUNS = frozenset(words("il elle ils elles on je nous vous"))
_DETERMINERS = frozenset(
    words(
        "le la les un une ce cet cette ces mon ma mes ton ta tes son sa ses notre nos votre "
        "vos leur leurs chaque plusieurs certains certaines aucun aucune"
    )
)
_PREPS = frozenset(
    words(
        "à au aux en dans depuis dès après avant pendant durant lors sous sur chez parmi par "
        "selon malgré avec sans entre vers contrairement grâce face outre"
    )
)
_NOT_INSIDE = frozenset(
    words(
        "qui que quand lorsque si est sont était étaient a ont avait avaient sera seront fut "
        "peut peuvent doit doivent va vont ne n' se s' y et ou mais car il elle ils elles on "
        "je nous vous"
    )
)


def _clause(view: SentenceView, k: int) -> bool:
    """Token k opens a clause no phrase runs into: a subject pronoun, a determiner or an
    elided article ("l'équipe", "c'est")."""
    if not view.ok(k) or view.toks[k].lead:
        return False
    w = view.n(k)
    if w in _PRONOUNS or w in _DETERMINERS:
        return True
    if w in ("tous", "toutes") and view.bare(k):
        return view.n(k + 1) in ("les", "ces", "nos", "vos", "leurs", "ses", "mes")
    prefix, rest = split_elision(view.toks[k].core)
    return prefix.casefold()[:1] in ("l", "c") and rest[:1].isalpha()


def _name_or_clause(view: SentenceView, k: int) -> bool:
    if _clause(view, k):
        return True
    core = view.toks[k].core if view.ok(k) else ""
    return core[:1].isupper() and core.isalpha() and len(core) > 1 and not view.toks[k].lead


def _comma_alts(view: SentenceView, i: int, j: int) -> list[Alt] | None:
    t = view.toks[j]
    if t.trail not in ("", ","):
        return None
    inner = view.text[view.toks[i].start + len(view.toks[i].lead) : t.end - len(t.trail)]
    return [(inner, "" if t.trail else ",")]


def _date_intro(view: SentenceView) -> Iterator[Hit | None]:
    """ "Le 9 mai 2001, X" / "Le 9 mai 2001 X" / "Dès le 3 mars, X"."""
    i = view.first
    k = i + 1 if view.n(i) in ("dès", "depuis") and view.bare(i) else i
    if view.n(k) != "le" or not view.bare(k):
        return
    day = view.n(k + 1)
    if not (_DAY_RE.match(day) or day == "premier") or not view.bare(k + 1):
        return
    if view.n(k + 2) not in MONTHS or view.toks[k + 2].lead:
        return
    j = k + 2
    if not view.toks[j].trail and _YEAR_RE.match(view.n(j + 1)):
        j += 1
    if not view.spaced(i, j, nbsp=True) or any(view.toks[m].trail for m in range(i, j)):
        return
    t = view.toks[j]
    if not _name_or_clause(view, j + 1) or t.trail not in ("", ","):
        return
    inner = view.text[view.toks[i].start + len(view.toks[i].lead) : t.end - len(t.trail)]
    commas = [t.trail] if view.rule_off("fr.comma.intro") else [",", ""]
    forms = [inner]
    if day in ("1er", "premier") and not view.rule_off("fr.number.premier"):
        other = "premier" if day == "1er" else "1er"
        forms.append(re.sub(rf"\b{re.escape(view.toks[k + 1].core)}\b", other, inner, count=1))
    alts: list[Alt] = [(f, c) for f in forms for c in commas]
    yield make_hit(view, i, j, alts, "fr.comma.date", case="keep")


_NOT_END = frozenset(
    words(
        "bien mieux très plus moins trop assez tout tous toute toutes même aussi encore déjà "
        "jamais toujours souvent ainsi alors donc puis ensuite enfin là ici y en pas"
    )
)


def _verbish(view: SentenceView, m: int) -> bool:
    """Token m may be a verb: an auxiliary, an infinitive, a gerund, an elided pronoun."""
    w = view.n(m)
    prefix, rest = split_elision(view.toks[m].core) if view.ok(m) else ("", "")
    return (
        w in _NOT_INSIDE
        or infinitive_word(rest)
        or (len(w) > 4 and w.endswith("ant"))
        or prefix.casefold()[:1] in ("n", "s", "j", "m", "t", "q")
    )


def _phrase_intro(view: SentenceView) -> Iterator[Hit | None]:
    """ "Au sein de Debian, elle ..." <-> "Au sein de Debian elle ..."."""
    i = view.first
    if view.n(i) not in _PREPS or not view.bare(i):
        return
    for j in range(i + 1, min(i + 6, len(view.toks) - 1)):
        t = view.toks[j]
        if not view.ok(j) or t.lead or t.trail not in ("", ",") or not view.spaced(j - 1, j):
            return
        if _verbish(view, j):
            return
        w = view.n(j)
        end_word = (
            t.core.replace("-", "").isalnum()
            and w not in _PREPS | _DETERMINERS | _NOT_END
            and not w.endswith("ment")
            and w not in ("de", "du", "des", "d'")
        )
        clitic = view.n(j + 1) in ("le", "la", "les") or view.n(j + 1).startswith("l'")
        if end_word and _clause(view, j + 1) and not (clitic and _verbish(view, j + 2)):
            alts = _comma_alts(view, i, j)
            if alts is not None:
                yield make_hit(view, i, j, alts, "fr.comma.phrase", case="keep")
            return
        if t.trail:
            return


_LINKS = frozenset(words("de du des d' à au aux et ou pour par sur dans avec en"))


def _listed_np(view: SentenceView, k: int) -> bool:
    """Tokens from k are "determiner (word) noun" closed by punctuation or a preposition:
    "ainsi que les bases de données", never "ainsi que le prévoit la loi" (a clause)."""
    if not view.ok(k) or view.toks[k].lead:
        return False
    prefix, rest = split_elision(view.toks[k].core)
    if prefix.casefold() == "l'" and rest[:1].isalpha():
        first = k  # "l'auteur": determiner and noun in one token
    elif view.n(k) in _DETERMINERS | {"des"} and view.bare(k):
        first = k + 1
    else:
        return False
    for m in range(first, first + 2):
        if not view.ok(m) or view.toks[m].lead or (_verbish(view, m) and m != k):
            return False
        w = view.n(m)
        if m != k and (w in _DETERMINERS or not view.toks[m].core.replace("-", "").isalpha()):
            return False
        after = view.n(m + 1)
        if view.toks[m].trail or m == len(view.toks) - 1 or after in _LINKS:
            return True
        if after.startswith("d'") and not view.toks[m + 1].lead:
            return True
    return False


def _as_well_as(view: SentenceView) -> Iterator[Hit | None]:
    """ "ainsi que" <-> "de même que" before a listed noun phrase ("as well as")."""
    for i in range(1, len(view.toks) - 1):
        j = view.words(i, ["ainsi", "que"], last_trail=False)
        if j is None:
            j = view.words(i, ["de", "même", "que"], last_trail=False)
        if j is None or not view.spaced(j, j + 1) or not _listed_np(view, j + 1):
            continue
        yield make_hit(view, i, j, ["ainsi que", "de même que"], "fr.word.ainsi_que")


_MAIS_SUBJECTS = frozenset(words("il elle ils elles on nous vous je cela ceci ça"))
# After "et", "elle"/"nous"/"vous"/"cela" may be stressed or object pronouns ("entre
# Paul et elle"): only pronouns that are always subjects open the clause.
_ET_SUBJECTS = frozenset(words("il ils on je"))
_NOT_WITH_ET = frozenset(words("seulement soit ni entre fois"))


def _comma_before(
    view: SentenceView, conj: str, subjects: frozenset[str], elided: str, rule: str
) -> Iterator[Hit | None]:
    """ "..., mais il ..." / "... mais il ...": the comma before a conjunction joining two
    clauses when the second opens with a subject pronoun (or an elided one in `elided`)."""
    for j in range(view.first + 2, len(view.toks) - 2):
        t = view.toks[j]
        if view.n(j + 1) != conj or t.trail not in ("", ",") or not view.bare(j + 1):
            continue
        if not view.ok(j) or not t.core[-1:].isalnum() or not view.spaced(j, j + 1):
            continue
        nxt = view.n(j + 2)
        prefix, _ = split_elision(view.toks[j + 2].core) if view.ok(j + 2) else ("", "")
        if nxt not in subjects and (not prefix or prefix.casefold()[:1] not in elided):
            continue
        if view.toks[j + 2].lead or view.toks[j + 2].trail:
            continue
        k = j
        while k - 1 >= view.first and not view.toks[k - 1].trail:
            k -= 1
        # an elided word counts as two ("lorsqu'il" / "quand il" weigh the same)
        if sum(2 if "'" in view.n(m) else 1 for m in range(k, j + 1)) >= 3:
            yield make_hit(view, j, j, [(t.core, "" if t.trail else ",")], rule, case="keep")


def _mais(view: SentenceView) -> Iterator[Hit | None]:
    """Never after "non seulement" ("non seulement il vient, mais il reste")."""
    if any(view.n(k) == "seulement" for k in range(len(view.toks))):
        return
    yield from _comma_before(view, "mais", _MAIS_SUBJECTS, "jc", "fr.comma.mais")


def _et(view: SentenceView) -> Iterator[Hit | None]:
    """Never in a sentence pairing with "soit"/"ni"/"entre"/"à la fois" ("entre X et Y")."""
    if any(view.n(k) in _NOT_WITH_ET for k in range(len(view.toks))):
        return
    yield from _comma_before(view, "et", _ET_SUBJECTS, "j", "fr.comma.et")


FINDERS = (_date_intro, _phrase_intro, _as_well_as, _mais, _et)

"""French quantities said another way: "beaucoup de" / "un grand nombre de" / "de
nombreux(ses)" / "bien d'autres", and "suffisamment de" / "assez de".

- The "many" forms are offered only before a plural count noun (or "autres" and its
  noun), so "beaucoup de temps" (a mass) never becomes "un grand nombre de temps".
  The span runs up to the noun, which carries the elision ("beaucoup d'outils" /
  "de nombreux outils"). "de nombreux"/"de nombreuses" needs the noun's gender,
  told by its ending ("-tions" feminine, "-ments" masculine...), so that a copy
  saying "beaucoup de" can be given it back; where the gender is unknown the slot
  has only the other forms, and an original "de nombreux" gets no slot. Never
  after a negation or a degree word ("pas beaucoup de", "trop de") nor after an
  elidable word ("besoin de beaucoup de" would give "de de nombreux").
- "suffisamment de"/"assez de" before a noun; never in "en avoir assez de" ("fed
  up with").
"""

from __future__ import annotations

from collections.abc import Iterator

from townsquare.canary.lexical.base import (
    FR_ELIDABLE,
    Hit,
    SentenceView,
    make_hit,
    split_elision,
    starts_with_vowel,
    words,
)

RULES: dict[str, str] = {
    "fr.word.nombreux": (
        "beaucoup de / un grand nombre de / de nombreux(ses) / bien d'autres "
        "(nom pluriel dénombrable; genre connu pour « nombreux »)"
    ),
    "fr.word.assez": "suffisamment de <-> assez de",
}

_FEMININE = ("tions", "sions", "xions", "ités", "ances", "ences", "ures", "ettes", "elles")
_MASCULINE = ("ments", "ismes", "ciels", "iers", "èmes", "ats", "ets", "eaux")
# Nouns ending in -s/-x that are singular or mass nouns ("beaucoup de temps").
_NOT_COUNT = frozenset(
    words(
        "temps poids succès stress repos paix gaz jus riz bois mépris sens prix choix fois "
        "mois corps progrès accès procès excès fonds secours recours dos avis bras cours "
        "discours concours plus moins"
    )
)
_BLOCK_BEFORE = frozenset(
    words("pas plus guère jamais trop si très point moins aussi autant tant du des au aux")
)


def _gender(noun: str) -> str | None:
    if not noun.isalpha() or not noun.islower() or len(noun) < 6:
        return None
    if noun.endswith(_FEMININE):
        return "f"
    if noun.endswith(_MASCULINE):
        return "m"
    return None


def _plural_count(word: str) -> bool:
    return (
        word.isalpha()
        and word.islower()
        and len(word) >= 4
        and word.endswith(("s", "x"))
        and not word.endswith(("ss", "ès", "us"))
        and word not in _NOT_COUNT
    )


def _quantifier(view: SentenceView, i: int) -> tuple[str, int] | None:
    """(form, index of the token holding "de"/"d'...") when a "many" form starts at i."""
    for form in ("beaucoup", "un grand nombre"):
        j = view.words(i, form.split(), last_trail=False)
        if j is not None and view.spaced(j, j + 1):
            return form, j + 1
    for form in ("de nombreux", "de nombreuses"):
        j = view.words(i, form.split(), last_trail=False)
        if j is not None and view.spaced(j, j + 1):
            return form, j
    j = view.words(i, ["bien"], last_trail=False)
    if j is not None and view.spaced(j, j + 1) and view.n(j + 1) == "d'autres":
        return "bien", j + 1
    return None


def _noun(view: SentenceView, form: str, k: int) -> tuple[str, str | None, int] | None:
    """(noun phrase as written after "de", gender, last token) for the noun at/after token k.

    For "beaucoup"/"un grand nombre"/"bien", token k is "de" (the noun follows) or an
    elided "d'outils"; for "de nombreux(ses)", token k is "nombreux(ses)" itself.
    """
    if not view.ok(k) or view.toks[k].lead:
        return None
    if form.startswith("de "):
        first = k + 1
        if view.toks[k].trail or not view.spaced(k, first):
            return None
        noun = view.toks[first].core if view.ok(first) else ""
    elif view.n(k) == "de":
        first = k + 1
        if view.toks[k].trail or not view.spaced(k, first):
            return None
        noun = view.toks[first].core if view.ok(first) else ""
        if starts_with_vowel(noun) or noun[:1].casefold() == "h":
            return None
    else:
        prefix, noun = split_elision(view.toks[k].core)
        if prefix.casefold() not in ("d'", "d’") or noun[:1].casefold() == "h":
            return None  # "d'hommes" / "de héros": the "h" decides, and no list tells it
        first = k
    if not view.ok(first) or (first != k and view.toks[first].lead):
        return None
    if not _plural_count(noun):
        return None
    last = first
    gender = _gender(noun)
    if noun.casefold() == "autres":
        # "d'autres projets": the gender is the next noun's; "et bien d'autres." has none
        nxt = first + 1
        gender = None
        after = view.toks[nxt].core if view.ok(nxt) and not view.toks[nxt].lead else ""
        if not view.toks[first].trail and view.spaced(first, nxt) and _plural_count(after):
            gender = _gender(after)
    elif form == "bien":
        return None
    return noun, gender, last


def _many(view: SentenceView) -> Iterator[Hit | None]:
    for i in range(len(view.toks)):
        found = _quantifier(view, i)
        if found is None:
            continue
        form, k = found
        prev = view.n(i - 1)
        if i > 0 and (not view.ok(i - 1) or prev in _BLOCK_BEFORE or prev in FR_ELIDABLE):
            continue
        if form == "bien" and prev in ("eh", "ou", "et/ou", "aussi", "assez"):
            continue
        got = _noun(view, form, k)
        if got is None:
            continue
        noun, gender, last = got
        wanted = {"m": "de nombreux", "f": "de nombreuses"}.get(gender or "")
        if form.startswith("de ") and form != wanted:
            continue  # an original "de nombreux" whose gender the copies could not recover
        alts = [_de("beaucoup", noun), _de("un grand nombre", noun)]
        if wanted:
            alts.append(f"{wanted} {noun}")
        if noun.casefold() == "autres":
            alts.append(f"bien d'{noun}")
        yield make_hit(view, i, last, alts, "fr.word.nombreux")


def _de(head: str, noun: str) -> str:
    return f"{head} d'{noun}" if starts_with_vowel(noun) else f"{head} de {noun}"


def _enough(view: SentenceView) -> Iterator[Hit | None]:
    """ "suffisamment d'argent" / "assez d'argent"; not "j'en ai assez de ..."."""
    for i in range(len(view.toks) - 1):
        if view.n(i) not in ("suffisamment", "assez") or not view.bare(i):
            continue
        if not view.spaced(i, i + 1) or view.toks[i + 1].lead or not view.ok(i + 1):
            continue
        nxt = view.n(i + 1)
        if not (nxt == "de" or (nxt.startswith("d'") and len(nxt) > 2)):
            continue
        if any(view.n(m) == "en" or view.n(m).endswith("'en") for m in range(i - 3, i)):
            continue
        other = "assez" if view.n(i) == "suffisamment" else "suffisamment"
        yield make_hit(view, i, i, [other], "fr.word.assez")


FINDERS = (_many, _enough)

"""French fixed phrases with a same-meaning twin, each with the context it needs.

- "en mai 1998" / "au mois de mai 1998" (lower-case month, never at the sentence's
  start, where "En mai 1998," carries the comma slot of `fr_connectives`);
  "jusqu'en mai" / "jusqu'au mois de mai" rebuilt through the elision.
- "un des membres" / "l'un des membres" (also "une des", "un d'entre"), and
  "d'un des" / "de l'un des"; never after "pas"/"plus"/"sans" ("pas un des" =
  "not a single one") nor after another elidable word ("qu'un des").
- "à tout moment" / "à tout instant", "à un moment donné" / "à un instant donné",
  "une grande variété" / "une large variété" (also "gamme"), "au préalable" /
  "préalablement" (never "préalablement à", a preposition), "malgré cela" /
  "en dépit de cela" inside a sentence (`fr_connectives` has it as an opener).
- "continuer à utiliser" / "continuer d'utiliser": the vowel case of
  `fr_words`'s "continuer à/de" ("de" elides, so the infinitive is in the span).

- "au détriment de" / "aux dépens de"; "en fait" / "en réalité" inside a sentence,
  never after a pronoun ("il en fait partie"); "en général" / "généralement" right
  after a finite verb ("sont en général plus rapides"), never after a noun ("le
  public en général"); "bogue(s)" / "bug(s)".
- "il existe un moyen" / "il y a un moyen" (also "il existait" / "il y avait") before an
  indefinite noun phrase with no time word ("il y a une semaine" is "a week ago");
  "cela (ne) signifie (pas)" / "cela (ne) veut (pas) dire" after cela/ceci/ça only ("il
  veut dire" may be "he wants to say").
- "s'avère insuffisant" / "se révèle insuffisant" (and their tenses) before an adjective
  or "être"; "chacun d'entre vous" / "chacun de vous" (also aucun, "d'eux"); "à partir
  du 1er octobre" / "à compter du 1er octobre" before a date or a time word, never
  "à partir de là" or "à partir de rien".
- "non commerciale" / "non-commerciale": "non" before an adjective told by its ending
  (-el, -al, -ique, -if, -able, -ible, participles in -é, -aire, -eux, "libre"); never
  after "ou"/"que"/"si"/"mais" ("payé ou non pour l'obtenir").

Left out: "grande/large majorité" ("une large majorité" is a comfortable one),
"depuis longtemps" / "de longue date" (one is adverbial, the other adjectival),
"aux environs de" / "vers" before a time ("vers" is a time preposition for
`fr.time.h`, "de" is not, so the copies would not offer the same slots).
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
from townsquare.canary.lexical.fr_connectives import MONTHS
from townsquare.canary.lexical.fr_grammar import infinitive_word
from townsquare.canary.lexical.swaps import Swap, SwapTable

_CONTINUE = frozenset(
    words(
        "continuer continue continues continuent continué continuait continuaient "
        "continuera continueront continuerait continua continuons continuez"
    )
)


def _month_form(month: str) -> str:
    return f"au mois d'{month}" if starts_with_vowel(month) else f"au mois de {month}"


def _one_of(view: SentenceView, i: int, j: int) -> bool:
    """ "un des" with nothing elided into "un" and no word before that would elide it."""
    if split_elision(view.toks[i].core)[0] and view.n(i) not in ("l'un", "l'une"):
        return False
    prev = view.n(i - 1)
    return prev not in FR_ELIDABLE and prev not in ("pas", "plus", "sans", "ni", "du", "au")


def _one_of_after_de(view: SentenceView, i: int, j: int) -> bool:
    return view.n(i - 1) not in ("pas", "plus", "sans", "ni")


def _not_preposition(view: SentenceView, i: int, j: int) -> bool:
    return bool(view.toks[j].trail) or view.n(j + 1) not in ("à", "au", "aux")


_PRONOUNS = frozenset(words("il elle on ils elles je j' tu nous vous qui ne n' ce c' cela ça s'"))
# Finite "être"/"avoir" and a few verbs after which "en général" is adverbial.
_VERBS = frozenset(
    words(
        "est sont était étaient sera seront serait seraient a ont avait avaient aura auront "
        "contient contiennent fonctionne fonctionnent reste restent"
    )
)


def _de_next(view: SentenceView, i: int, j: int) -> bool:
    w = view.n(j + 1)
    return not view.toks[j].trail and (w in ("de", "du", "des") or w.startswith("d'"))


def _not_pronoun_en(view: SentenceView, i: int, j: int) -> bool:
    """ "en fait" as "in fact", never the pronoun "en" + "faire" ("il en fait partie")."""
    prev = view.n(i - 1)
    if split_elision(view.toks[i].core)[0]:
        return False  # "s'en fait", "qu'en fait"
    return bool(prev) and prev not in _PRONOUNS and not prev.endswith("'")


def _after_verb(view: SentenceView, i: int, j: int) -> bool:
    """ "sont en général plus rapides" / "sont généralement plus rapides"; never after a
    noun ("le public en général" = "at large")."""
    prev = view.n(i - 1)
    if split_elision(view.toks[i].core)[0]:
        return False
    if prev in ("pas", "plus", "jamais") and view.n(i - 2) in _VERBS:
        return True
    return prev in _VERBS


_EXIST_NEXT = frozenset(
    words("un une des plusieurs quelques certains certaines beaucoup d'autres deux trois")
)
# "il y a une semaine" = "a week ago": never before a time word
_TIME_NOUNS = frozenset(
    words(
        "seconde secondes minute minutes heure heures jour jours semaine semaines mois an ans "
        "année années siècle siècles décennie décennies temps instant moment"
    )
)
_THIS = frozenset(words("cela ceci ça"))


def _exists(view: SentenceView, i: int, j: int) -> bool:
    """ "il existe un moyen" / "il y a un moyen": an indefinite noun phrase follows, and
    no time word that would make "il y a" mean "ago"; "il" is never a person here."""
    if view.toks[j].trail or view.n(j + 1) not in _EXIST_NEXT or not view.bare(j + 1):
        return False
    return not any(view.n(k) in _TIME_NOUNS for k in range(j + 1, j + 4))


def _means(view: SentenceView, i: int, j: int) -> bool:
    """ "cela signifie" / "cela veut dire"; with a person, "veut dire" is "wants to say"."""
    return view.n(i - 1) in _THIS or (view.n(i - 1) == "ne" and view.n(i - 2) in _THIS)


_TURN_OUT = (
    ("s'avère", "se révèle"),
    ("s'avèrent", "se révèlent"),
    ("s'avérait", "se révélait"),
    ("s'avéraient", "se révélaient"),
    ("s'avérera", "se révélera"),
    ("s'avéreront", "se révéleront"),
    ("s'est avéré", "s'est révélé"),
    ("s'est avérée", "s'est révélée"),
    ("se sont avérés", "se sont révélés"),
    ("se sont avérées", "se sont révélées"),
)
_ATTRIBUTE_ENDINGS = ("ant", "ante", "ants", "antes", "ent", "ente", "ents", "entes", "ile",
                      "iles", "ace", "aces", "ide", "ides", "ble", "bles")  # fmt: skip


def _attribute_next(view: SentenceView, i: int, j: int) -> bool:
    """ "s'avère insuffisant" / "se révèle insuffisant": an adjective or "être" follows
    ("la vérité se révèle" alone is "reveals itself")."""
    if view.toks[j].trail or not view.ok(j + 1) or view.toks[j + 1].lead:
        return False
    w = view.n(j + 1)
    if w in ("être", "plus", "moins", "très", "trop", "assez", "bien", "particulièrement"):
        return True
    return w.isalpha() and w.endswith(_ADJECTIVE_ENDINGS + _ATTRIBUTE_ENDINGS)


def _among_pronoun(view: SentenceView, i: int, j: int) -> bool:
    return view.n(i - 1) in ("chacun", "chacune", "aucun", "aucune")


_FROM_TIME = frozenset(
    words(
        "demain aujourd'hui maintenant lundi mardi mercredi jeudi vendredi samedi dimanche "
        "date jour semaine mois année trimestre rentrée 1er premier"
    )
)


def _from_date(view: SentenceView, i: int, j: int) -> bool:
    """ "à partir du 1er octobre" / "à compter du 1er octobre": a date or a time word
    follows within three words; never "à partir de là" or "à partir de rien"."""
    if view.toks[j].trail:
        return False
    for k in range(j + 1, j + 5):
        w = view.n(k).split("'")[-1]
        if w in _FROM_TIME or w in MONTHS or (w.isdigit() and len(w) <= 4):
            return True
        if view.ok(k) and view.toks[k].trail:
            return False
    return False


SWAPS: list[Swap] = [
    *[Swap("fr.date.mois", (f"en {m}", _month_form(m)), anywhere=False) for m in sorted(MONTHS)],
    *[
        Swap("fr.word.un_des", (f"{one} {of}", f"l'{one} {of}"), check=_one_of)
        for one in ("un", "une")
        for of in ("des", "d'entre")
    ],
    *[
        Swap("fr.word.un_des", (f"d'{one} {of}", f"de l'{one} {of}"), check=_one_of_after_de)
        for one in ("un", "une")
        for of in ("des", "d'entre")
    ],
    Swap("fr.word.moment", ("à tout moment", "à tout instant")),
    Swap("fr.word.moment", ("à un moment donné", "à un instant donné")),
    *[Swap("fr.word.variete", (f"une grande {n}", f"une large {n}")) for n in ("variété", "gamme")],
    Swap("fr.word.prealable", ("préalablement", "au préalable"), check=_not_preposition),
    Swap("fr.word.malgre_cela", ("malgré cela", "en dépit de cela"), anywhere=False),
    *[Swap("fr.word.s_averer", row, check=_attribute_next) for row in _TURN_OUT],
    *[
        Swap("fr.word.d_entre", (f"d'entre {p}", alt), check=_among_pronoun)
        for p, alt in (
            ("nous", "de nous"),
            ("vous", "de vous"),
            ("eux", "d'eux"),
            ("elles", "d'elles"),
        )
    ],
    Swap("fr.word.a_compter", ("à partir", "à compter"), check=_from_date),
    Swap("fr.word.il_existe", ("il existe", "il y a"), check=_exists),
    Swap("fr.word.il_existe", ("il existait", "il y avait"), check=_exists),
    *[
        Swap("fr.word.signifie", row, check=_means)
        for row in (
            ("signifie", "veut dire"),
            ("signifiait", "voulait dire"),
            ("signifie pas", "veut pas dire"),
            ("signifiait pas", "voulait pas dire"),
        )
    ],
    Swap("fr.word.detriment", ("au détriment", "aux dépens"), check=_de_next),
    Swap("fr.word.en_fait", ("en fait", "en réalité"), check=_not_pronoun_en, anywhere=False),
    Swap("fr.word.en_general", ("en général", "généralement"), check=_after_verb),
    *[Swap("fr.word.bogue", row) for row in (("bogue", "bug"), ("bogues", "bugs"))],
]
TABLE = SwapTable(SWAPS)


def _continue_vowel(view: SentenceView) -> Iterator[Hit | None]:
    """ "continué à être" <-> "continué d'être" (before a vowel "de" elides)."""
    for i in range(1, len(view.toks)):
        if view.n(i - 1) not in _CONTINUE or view.toks[i - 1].trail or not view.spaced(i - 1, i):
            continue
        t = view.toks[i]
        if not view.ok(i) or t.lead:
            continue
        prefix, rest = split_elision(t.core)
        if prefix.casefold() in ("d'", "d’") and _vowel_infinitive(rest):
            yield make_hit(view, i, i, [f"à {rest}"], "fr.word.continuer")
        elif view.n(i) == "à" and view.bare(i) and view.spaced(i, i + 1) and view.ok(i + 1):
            nxt = view.toks[i + 1]
            if not nxt.lead and _vowel_infinitive(nxt.core):
                yield make_hit(view, i, i + 1, [f"d'{nxt.core}"], "fr.word.continuer")


_ADJECTIVE_ENDINGS = (
    "el", "elle", "els", "elles", "al", "ale", "aux", "ales", "ique", "iques", "if", "ive",
    "ifs", "ives", "able", "ables", "ible", "ibles", "é", "ée", "és", "ées", "aire", "aires",
    "eux", "euse", "euses", "libre", "libres",
)  # fmt: skip
_NOT_BEFORE_NON = frozenset(words("ou que qu' si mais pourquoi dire dit répondu"))


def _non_hyphen(view: SentenceView) -> Iterator[Hit | None]:
    """ "une distribution non commerciale" / "non-commerciale": "non" before an adjective
    (told by its ending), never "ou non pour ...", "non seulement", a name."""
    for i in range(1, len(view.toks)):
        t = view.toks[i]
        if not view.ok(i) or t.lead or view.n(i - 1) in _NOT_BEFORE_NON:
            continue
        if view.toks[i - 1].trail and view.toks[i - 1].trail not in (",",):
            continue
        if t.norm.startswith("non-"):
            adjective, last, alt = t.core[4:], i, f"non {t.core[4:]}"
        elif view.n(i) == "non" and not t.trail and view.spaced(i, i + 1) and view.ok(i + 1):
            nxt = view.toks[i + 1]
            if nxt.lead:
                continue
            adjective, last, alt = nxt.core, i + 1, f"non-{nxt.core}"
        else:
            continue
        if adjective.isalpha() and adjective.islower() and adjective.endswith(_ADJECTIVE_ENDINGS):
            yield make_hit(view, i, last, [alt], "fr.hyphen.non")


def _vowel_infinitive(word: str) -> bool:
    # "être"/"avoir" are nouns too, but not after "continuer"
    return (infinitive_word(word) or word in ("être", "avoir")) and starts_with_vowel(word)


RULES: dict[str, str] = {
    **TABLE.rules(),  # "fr.word.continuer" is described in `fr_words`
    "fr.hyphen.non": "non commerciale <-> non-commerciale (devant un adjectif)",
}
FINDERS = (TABLE.hits, _continue_vowel, _non_hyphen)

"""French swaps that move articles or elisions: prepositions that contract with "de"
("au sujet du projet" / "concernant le projet" / "à propos du projet"), and
conjunctions that elide ("lorsqu'il" / "quand il", "afin d'éviter" / "pour éviter").

Left out: "pour" + "avoir"/"être" ("condamné pour avoir menti" is a cause),
"pour" after "trop"/"assez" ("trop tard pour agir"), "quand" in questions
and in "quand même", "bien que" after a verb ("il est bien que" = "it is
good that"), "car" -> "parce que" except after a comma, words starting
with "h" (aspirated or not, the elision cannot be known), "Pour finir,"
("finally", not a purpose), "si bien que"/"de sorte que" ("de sorte qu'il
puisse" is a purpose), and "afin de les aider" -> "pour les aider" ("pour le
dîner" would not be offered back).
"""

from __future__ import annotations

from collections.abc import Iterator

from townsquare.canary.lexical.base import (
    Hit,
    SentenceView,
    make_hit,
    norm_word,
    split_elision,
    starts_with_vowel,
    words,
)

# Determiner -> its form after "de".
_DE_FORM = {
    "le": "du",
    "les": "des",
    "la": "de la",
    "un": "d'un",
    "une": "d'une",
    **{
        d: f"de {d}"
        for d in words(
            "ce cet cette ces mon ma mes ton ta tes son sa ses notre nos votre vos leur leurs "
            "plusieurs certains certaines chaque"
        )
    },
}
_FROM_DE = {"du": "le", "des": "les", "d'un": "un", "d'une": "une"}

# (rule, prepositions taking a bare determiner, prepositions taking "de")
PREPOSITIONS: tuple[tuple[str, tuple[str, ...], tuple[str, ...]], ...] = (
    ("fr.prep.concernant", ("concernant",), ("au sujet", "à propos")),
    ("fr.prep.pendant", ("pendant", "durant"), ("au cours",)),
    ("fr.prep.malgre", ("malgré",), ("en dépit",)),
)
_NOT_INFINITIVE = frozenset(
    words(
        "hier cher fer mer hiver premier première dernier dernière entier autre notre votre "
        "contre entre outre centre ordre titre lettre nombre membre ministre chiffre cadre "
        "offre libre propre pire désir plaisir loisir soir espoir miroir couloir trottoir "
        "territoire histoire mémoire victoire gloire foire noire livre pauvre double triple "
        "faible possible capable monde air cuir dossier métier quartier papier courrier "
        "calendrier janvier février pilier acier foyer loyer clavier atelier fichier chantier "
        "panier particulier régulier cahier avoir être avenir souvenir pouvoir devoir savoir "
        "vouloir"
    )
)
# Object pronouns that cannot be articles ("pour le dîner" is a noun phrase).
_CLITICS = frozenset(["se", "nous", "vous", "lui", "me", "te"])

RULES: dict[str, str] = {
    "fr.prep.concernant": "concernant / au sujet de / à propos de (/ en ce qui concerne)",
    "fr.prep.pendant": "pendant / durant / au cours de",
    "fr.prep.malgre": "malgré / en dépit de",
    "fr.conj.afin_de": "afin de / pour / dans le but de + infinitif",
    "fr.conj.afin_que": "afin que / pour que",
    "fr.conj.lorsque": "lorsque / quand",
    "fr.conj.tandis_que": "alors que / tandis que",
    "fr.conj.bien_que": "bien que / quoique",
    "fr.conj.car": "car <-> parce que (après une virgule)",
    "fr.conj.puisque": "puisque <-> étant donné que",
}


def _determiner(view: SentenceView, k: int, *, after_de: bool) -> tuple[str, int, str] | None:
    """(bare determiner, last token, rest of an "l'..." token) at token k, read as it would
    stand after "de" (`after_de`) or bare."""
    if not view.ok(k) or view.toks[k].lead:
        return None
    w = view.n(k)
    core = view.toks[k].core
    if after_de:
        if w in _FROM_DE and not view.toks[k].trail:
            return _FROM_DE[w], k, ""
        if w != "de" or view.toks[k].trail or not view.spaced(k, k + 1):
            return None
        return _determiner(view, k + 1, after_de=False)
    prefix, rest = split_elision(core)
    if norm_word(prefix) == "l'" and rest[:1].isalpha():
        return "l'", k, rest
    if w in _DE_FORM and not view.toks[k].trail and core.islower():
        return w, k, ""
    return None


def _render(det: str, rest: str, *, de: bool) -> str:
    if det == "l'":
        return ("de l'" if de else "l'") + rest
    return _DE_FORM[det] if de else det


def _prepositions(view: SentenceView) -> Iterator[Hit | None]:
    for rule, plain, with_de in PREPOSITIONS:
        for i in range(len(view.toks)):
            bare = plain
            if rule == "fr.prep.concernant" and (i == view.first or view.toks[i - 1].trail == ","):
                # "en ce qui concerne" opens a clause ("les règles concernant les dons" is
                # adnominal and takes no "en ce qui concerne")
                bare = (*plain, "en ce qui concerne")
            for prep in (*bare, *with_de):
                words = prep.split()
                j = view.words(i, words, last_trail=False)
                if j is None or not view.spaced(j, j + 1):
                    continue
                found = _determiner(view, j + 1, after_de=prep in with_de)
                if found is None:
                    if prep in bare and len(bare) > 1 and _plain_next(view, j + 1):
                        yield make_hit(view, i, j, bare, rule)
                    break
                det, last, rest = found
                alts = [f"{p} {_render(det, rest, de=False)}" for p in bare]
                alts += [f"{p} {_render(det, rest, de=True)}" for p in with_de]
                yield make_hit(view, i, last, alts, rule)
                break


def _plain_next(view: SentenceView, k: int) -> bool:
    w = view.n(k)
    return bool(w) and w != "que" and not w.startswith("qu'") and not view.toks[k].lead


def _infinitive(view: SentenceView, k: int) -> bool:
    if not view.ok(k) or view.toks[k].lead:
        return False
    prefix, rest = split_elision(view.toks[k].core)
    if prefix and prefix.casefold()[0] not in "smt":
        return False
    w = rest.casefold()
    return (
        rest.isalpha()
        and rest.islower()
        and len(w) >= 4
        and w.endswith(("er", "ir", "re", "oir"))
        and w not in _NOT_INFINITIVE
    )


def _purpose(word: str | None = None) -> list[str]:
    """The three ways to say "in order to", before `word` (elided) or before a consonant."""
    if word is None:
        return ["afin de", "pour", "dans le but de"]
    return [f"afin d'{word}", f"pour {word}", f"dans le but d'{word}"]


def _afin(view: SentenceView) -> Iterator[Hit | None]:
    for i in range(len(view.toks) - 1):
        w = view.n(i)
        if not view.bare(i) or not view.spaced(i, i + 1):
            continue
        if w in ("afin", "dans") and view.n(i - 1) in _NOT_PURPOSE:
            continue
        nxt = view.n(i + 1)
        if w == "afin" and (nxt == "que" or nxt.startswith("qu'")):
            yield make_hit(view, i, i, ["pour"], "fr.conj.afin_que")
        elif w == "pour" and (nxt == "que" or nxt.startswith("qu'")) and not _too(view, i):
            yield make_hit(view, i, i, ["afin"], "fr.conj.afin_que")
        elif w == "afin" and nxt == "de" and view.bare(i + 1) and _purpose_at(view, i + 2):
            yield make_hit(view, i, i + 1, _purpose(), "fr.conj.afin_de")
        elif w == "afin" and nxt.startswith("d'") and not view.toks[i + 1].lead:
            yield from _elided_purpose(view, i, i + 1)
        elif w == "pour" and not _too(view, i):
            yield from _pour(view, i)
        elif w == "dans" and view.words(i, ["dans", "le", "but"], last_trail=False) is not None:
            if view.n(i + 3) == "de" and view.bare(i + 3) and _purpose_at(view, i + 4):
                if view.spaced(i, i + 3):
                    yield make_hit(view, i, i + 3, _purpose(), "fr.conj.afin_de")
            elif view.n(i + 3).startswith("d'") and view.spaced(i, i + 2):
                yield from _elided_purpose(view, i, i + 3)


def _elided_purpose(view: SentenceView, i: int, k: int) -> Iterator[Hit | None]:
    """ "afin d'éviter" / "dans le but d'y aller": token k is "d'" + the next word."""
    if view.toks[k].lead:
        return
    rest = view.toks[k].core[2:]
    if (starts_with_vowel(rest) and infinitive_word(rest)) or (
        rest in ("en", "y") and _infinitive(view, k + 1)
    ):
        yield make_hit(view, i, k, _purpose(rest), "fr.conj.afin_de")


def _too(view: SentenceView, i: int) -> bool:
    return bool({view.n(i - 1), view.n(i - 2)} & {"trop", "assez", "suffisamment", "si"})


# "Pour finir," / "Pour conclure," open a sentence as "finally", not as a purpose.
_DISCOURSE = frozenset(words("finir conclure commencer terminer résumer information mémoire"))


# "pour" + infinitive completing these is no purpose: "une tentative pour créer" (an
# attempt to create), "l'attention pour maintenir", "il grandit pour devenir" (a result).
_NOT_PURPOSE = frozenset(
    words(
        "tentative tentatives attention effort efforts moyen moyens raison raisons temps "
        "capacité possibilité occasion volonté besoin droit liberté permission autorisation "
        "envie intention chance difficulté difficultés aide prêt prête prêts prêtes grandit "
        "grandir grandi grandissent grandissait"
    )
)


def _pour(view: SentenceView, i: int) -> Iterator[Hit | None]:
    k = i + 1
    nxt = view.n(k)
    if (i == view.first and nxt in _DISCOURSE) or view.n(i - 1) in _NOT_PURPOSE:
        return
    if nxt in ("y", "en") and view.bare(k) and _infinitive(view, k + 1):
        yield make_hit(view, i, k, _purpose(nxt), "fr.conj.afin_de")
    elif (
        (nxt in _CLITICS and view.bare(k) and _infinitive(view, k + 1))
        or (nxt[:2] in ("s'", "m'", "t'") and _infinitive(view, k))
        or (nxt == "ne" and view.n(k + 1) in ("pas", "plus", "jamais", "rien"))
    ):
        yield make_hit(view, i, i, _purpose(), "fr.conj.afin_de")
    elif _infinitive(view, k) and not split_elision(view.toks[k].core)[0]:
        rest = view.toks[k].core
        if starts_with_vowel(rest):
            yield make_hit(view, i, k, _purpose(rest), "fr.conj.afin_de")
        elif rest[:1].casefold() != "h":
            yield make_hit(view, i, i, _purpose(), "fr.conj.afin_de")


def _purpose_at(view: SentenceView, k: int) -> bool:
    """What follows "afin de" at k would also let "pour" be read as a purpose."""
    nxt = view.n(k)
    return (
        (nxt in ("y", "en") and view.bare(k) and _infinitive(view, k + 1))
        or (nxt in _CLITICS and view.bare(k) and _infinitive(view, k + 1))
        or (nxt[:2] in ("s'", "m'", "t'") and _infinitive(view, k))
        or (nxt == "ne" and view.n(k + 1) in ("pas", "plus", "jamais", "rien"))
        or (
            _infinitive(view, k)
            and not split_elision(view.toks[k].core)[0]
            and view.toks[k].core[:1].casefold() != "h"
        )
    )


def infinitive_word(word: str) -> bool:
    w = word.casefold()
    return (
        word.isalpha()
        and word.islower()
        and len(w) >= 4
        and w.endswith(("er", "ir", "re", "oir"))
        and w not in _NOT_INFINITIVE
    )


def _conjunctions(view: SentenceView) -> Iterator[Hit | None]:
    for i in range(len(view.toks)):
        if not view.ok(i) or view.toks[i].trail:
            continue
        core = view.toks[i].core
        w = view.n(i)
        prefix, rest = split_elision(core)
        nxt = view.n(i + 1)
        que_next = nxt == "que" or nxt.startswith("qu'")
        if w in ("alors", "tandis") and que_next and view.spaced(i, i + 1):
            other = "tandis" if w == "alors" else "alors"
            yield make_hit(view, i, i, [other], "fr.conj.tandis_que")
        elif w == "lorsque" and _quand_ok(view, i) and view.spaced(i, i + 1):
            yield make_hit(view, i, i, ["quand"], "fr.conj.lorsque")
        elif prefix.casefold() in ("lorsqu'", "lorsqu’") and rest.isalpha() and _quand_ok(view, i):
            yield make_hit(view, i, i, [f"quand {rest}"], "fr.conj.lorsque")
        elif w == "quand" and _quand_ok(view, i):
            if starts_with_vowel(nxt) and view.bare(i + 1) and view.spaced(i, i + 1):
                yield make_hit(
                    view, i, i + 1, [f"lorsqu'{view.toks[i + 1].core}"], "fr.conj.lorsque"
                )
            elif not starts_with_vowel(nxt) and nxt[:1] != "h":
                yield make_hit(view, i, i, ["lorsque"], "fr.conj.lorsque")
        elif w == "bien" and que_next and _clause_start(view, i) and view.spaced(i, i + 1):
            t = view.toks[i + 1]
            if nxt == "que" and view.bare(i + 1):
                yield make_hit(view, i, i + 1, ["quoique"], "fr.conj.bien_que")
            elif nxt.startswith("qu'") and not t.lead:
                yield make_hit(view, i, i + 1, [f"quoi{t.core}"], "fr.conj.bien_que")
        elif (w == "quoique" or prefix.casefold() in ("quoiqu'", "quoiqu’")) and _clause_start(
            view, i
        ):
            if w == "quoique":
                yield make_hit(view, i, i, ["bien que"], "fr.conj.bien_que")
            else:
                yield make_hit(view, i, i, [f"bien qu'{rest}"], "fr.conj.bien_que")
        elif w == "parce" and i > 0 and view.toks[i - 1].trail == "," and view.ok(i + 1):
            if nxt == "que" and view.bare(i + 1) and view.spaced(i, i + 1):
                yield make_hit(view, i, i + 1, ["car"], "fr.conj.car")
            elif nxt.startswith("qu'") and view.spaced(i, i + 1) and not view.toks[i + 1].lead:
                rest = view.toks[i + 1].core[3:]
                if rest.isalpha():
                    yield make_hit(view, i, i + 1, [f"car {rest}"], "fr.conj.car")
        elif w in ("puisque", "puisqu'") or norm_word(prefix) == "puisqu'":
            if w == "puisque" and nxt:
                yield make_hit(view, i, i, ["étant donné que"], "fr.conj.puisque")
            elif prefix and rest.isalpha():
                yield make_hit(view, i, i, [f"étant donné qu'{rest}"], "fr.conj.puisque")
        elif w == "étant" and view.words(i, ["étant", "donné"]) is not None and view.ok(i + 2):
            que = view.toks[i + 2]
            if view.n(i + 2) == "que" and view.bare(i + 2) and view.spaced(i, i + 2):
                yield make_hit(view, i, i + 2, ["puisque"], "fr.conj.puisque")
            elif norm_word(que.core).startswith("qu'") and not que.lead and view.spaced(i, i + 1):
                tail = que.core[3:]
                if tail.isalpha() and starts_with_vowel(tail):
                    yield make_hit(view, i, i + 2, [f"puisqu'{tail}"], "fr.conj.puisque")
        elif w == "car" and i > 0 and view.toks[i - 1].trail == "," and view.ok(i + 1):
            if starts_with_vowel(nxt) and view.bare(i + 1) and nxt.isalpha():
                yield make_hit(view, i, i + 1, [f"parce qu'{view.toks[i + 1].core}"], "fr.conj.car")
            elif nxt[:1].isalpha() and not starts_with_vowel(nxt) and nxt[:1] != "h":
                yield make_hit(view, i, i, ["parce que"], "fr.conj.car")


def _quand_ok(view: SentenceView, i: int) -> bool:
    nxt = view.n(i + 1)
    return (
        not view.question
        and bool(nxt)
        and nxt not in ("même", "bien")
        and "-" not in nxt
        and view.n(i - 1) not in ("depuis", "jusqu'à", "est", "c'est", "pour", "savoir", "sait")
    )


def _clause_start(view: SentenceView, i: int) -> bool:
    return (
        i == view.first
        or (i > 0 and view.toks[i - 1].trail == ",")
        or view.n(i - 1)
        in (
            "et",
            "mais",
        )
    )


FINDERS = (_prepositions, _afin, _conjunctions)

"""French words and phrases with a same-meaning twin, each with the context it needs.

1990 spelling-reform pairs that differ only by an accent (connaître/connaitre,
coût/cout, événement/évènement, maître/maitre...) are left out: cleaning
strips accents, so a reader could not tell the copies apart. Also left out:
"traîner/trainer" (another word), "rapidement/vite", "c'est-à-dire/soit",
"plus de/au-delà de", "aussi" -> "également" before a comparison ("aussi
grand que"), "également" after a participle ("répartis également" means
"equally"), "à nouveau"/"de nouveau" ("rien de nouveau"), "jusqu'ici" inside a
sentence (also "up to here"), "ultérieurement"/"plus tard" ("au plus tard"),
"surtout" ("et surtout" = "especially"). "de nombreux"/"beaucoup de" is in
`fr_quantities` (it needs the noun's gender).
"""

from __future__ import annotations

from townsquare.canary.lexical.base import SentenceView, starts_with_vowel, words
from townsquare.canary.lexical.fr_grammar import infinitive_word
from townsquare.canary.lexical.swaps import Swap, SwapTable, inflect


def _not_que(view: SentenceView, i: int, j: int) -> bool:
    nxt = view.n(j + 1)
    return not view.toks[j].trail and not (nxt == "que" or nxt.startswith("qu'")) and bool(nxt)


def _mid(view: SentenceView, i: int, j: int) -> bool:
    return i != view.first


mid_only = _mid


def _mid_not_que(view: SentenceView, i: int, j: int) -> bool:
    return _mid(view, i, j) and (bool(view.toks[j].trail) or _not_que(view, i, j))


_AUXILIARIES = frozenset(
    ["a", "ont", "avait", "avaient", "aura", "auront", "aurait", "auraient", "avons", "avez", "eu"]
)
_AFTER_ALSO = frozenset(
    words(
        "le la les un une des du au aux de à dans sur pour par avec en chez lors pendant "
        "entre ce cet cette ces son sa ses leur leurs notre nos votre vos mon ma mes "
        "plusieurs certains certaines"
    )
)


def _also(view: SentenceView, i: int, j: int) -> bool:
    """également/aussi meaning "also": before a determiner or preposition, or between an
    auxiliary and its participle; never a comparison ("aussi grand que") nor "equally"."""
    if i == view.first or view.toks[j].trail:
        return False
    if any(view.n(k) == "que" or view.n(k).startswith("qu'") for k in range(j + 1, j + 6)):
        return False
    nxt = view.n(j + 1)
    if nxt in _AFTER_ALSO or nxt.startswith(("l'", "d'")):
        return True
    return view.n(i - 1) in _AUXILIARIES and nxt.endswith(("é", "i", "u", "is", "it", "ert"))


def _often(view: SentenceView, i: int, j: int) -> bool:
    return view.n(i - 1) not in ("plus", "bien", "trop", "si", "assez", "très", "moins")


def _now_time(view: SentenceView, i: int, j: int) -> bool:
    return view.n(j + 1) != "même" and i != view.first


_FACON_PREV = frozenset(
    words(
        "de la une d'une cette même autre ma ta sa notre votre leur quelle quelque aucune "
        "bonne meilleure seule nouvelle"
    )
)
_EVERY = (
    ("chaque jour", "tous les jours"),
    ("chaque semaine", "toutes les semaines"),
    ("chaque mois", "tous les mois"),
    ("chaque année", "tous les ans"),
    ("chaque matin", "tous les matins"),
    ("chaque soir", "tous les soirs"),
    ("chaque lundi", "tous les lundis"),
    ("chaque mardi", "tous les mardis"),
    ("chaque mercredi", "tous les mercredis"),
    ("chaque jeudi", "tous les jeudis"),
    ("chaque vendredi", "tous les vendredis"),
)


def _adverbial(view: SentenceView, i: int, j: int) -> bool:
    return view.n(i - 1) not in ("de", "pour", "à", "par", "sur", "dans", "du", "en", "avec")


def _comparative(view: SentenceView, i: int, j: int) -> bool:
    """ "bien plus" / "beaucoup plus" / "nettement plus"; not "beaucoup moins bien" (which
    would give "bien moins bien")."""
    if view.n(j + 1) in ("bien", "mieux"):
        return False
    return view.n(i - 1) not in ("eh", "ou", "si", "aussi", "très", "assez")


def _noun_futur(view: SentenceView, i: int, j: int) -> bool:
    """ "le futur" as a noun ("le futur de Linux"), never an adjective ("le futur
    président") nor the tense."""
    nxt = view.n(j + 1)
    return bool(view.toks[j].trail) or nxt in ("de", "du", "des") or nxt.startswith("d'")


def _infinitive_next(view: SentenceView, i: int, j: int) -> bool:
    """ "continuer à/de" + infinitive; "de" elides before a vowel, so only consonants."""
    if view.toks[j].trail or not view.ok(j + 1) or view.toks[j + 1].lead:
        return False
    w = view.toks[j + 1].core
    return infinitive_word(w) and not starts_with_vowel(w) and w[:1].casefold() != "h"


SWAPS: list[Swap] = [
    Swap(
        "fr.word.facon",
        ("façon", "manière"),
        check=lambda v, i, j: v.n(i - 1) in _FACON_PREV and v.n(i - 1) != "sans",
    ),
    *[
        Swap(
            "fr.word.bien_plus",
            (f"bien {c}", f"beaucoup {c}", f"nettement {c}"),
            check=_comparative,
        )
        for c in ("plus", "moins", "mieux")
    ],
    *[Swap("fr.word.chaque", row, check=_adverbial) for row in _EVERY],
    Swap("fr.word.an_prochain", ("l'an prochain", "l'année prochaine")),
    *[
        Swap("fr.word.prochaines", (f"dans les prochain{e}s {u}", f"dans les {u} à venir"))
        for e, u in (("e", "semaines"), ("", "mois"), ("", "jours"), ("e", "années"))
    ],
    Swap("fr.word.a_l_issue", ("à l'issue", "au terme"), check=lambda v, i, j: _de_form(v, j + 1)),
    Swap("fr.word.principalement", ("principalement", "essentiellement")),
    Swap("fr.word.presque", ("presque", "quasiment")),
    Swap("fr.word.vraiment", ("vraiment", "réellement")),
    Swap("fr.word.recemment", ("récemment", "dernièrement"), check=_mid),
    Swap("fr.word.totalement", ("totalement", "complètement", "entièrement")),
    Swap("fr.word.grandement", ("grandement", "considérablement")),
    Swap("fr.word.but_lucratif", ("à but non lucratif", "sans but lucratif")),
    Swap("fr.word.avenir", ("le futur", "l'avenir"), check=_noun_futur),
    Swap("fr.word.avenir", ("du futur", "de l'avenir"), check=_noun_futur),
    *[
        Swap("fr.word.continuer", (f"{v} à", f"{v} de"), check=_infinitive_next)
        for v in words(
            "continuer continue continues continuent continué continuait continuaient "
            "continuera continueront continuerait continua continuons continuez"
        )
    ],
    Swap("fr.word.reprises", ("à plusieurs reprises", "plusieurs fois")),
    Swap(
        "fr.word.sans_doute",
        ("sans doute", "probablement"),
        check=lambda v, i, j: v.n(i - 1) not in ("aucun", "nul"),
    ),
    Swap(
        "fr.word.d_abord",
        ("d'abord", "tout d'abord"),
        check=lambda v, i, j: mid_only(v, i, j) and v.n(i - 1) != "tout",
    ),
    Swap("fr.word.en_grande_partie", ("en grande partie", "dans une large mesure")),
    Swap("fr.word.en_partie", ("en partie", "partiellement"), check=lambda v, i, j: _mid(v, i, j)),
    Swap("fr.word.notamment", ("notamment", "en particulier"), check=_mid),
    Swap(
        "fr.word.seulement",
        ("seulement", "uniquement"),
        check=lambda v, i, j: v.n(i - 1) not in ("non", "si", "pas") or v.n(i - 1) == "pas",
    ),
    Swap("fr.word.cependant", ("cependant", "toutefois", "néanmoins"), check=_mid_not_que),
    Swap(
        "fr.word.actuellement", ("actuellement", "en ce moment", "à l'heure actuelle"), check=_mid
    ),
    Swap("fr.word.en_revanche", ("en revanche", "par contre"), check=_mid),
    Swap("fr.word.desormais", ("désormais", "dorénavant"), check=_mid),
    Swap(
        "fr.word.an_dernier",
        ("l'an dernier", "l'année dernière", "l'an passé", "l'année passée"),
        check=_mid,
    ),
    Swap("fr.word.pour_l_instant", ("pour l'instant", "pour le moment"), check=_mid),
    Swap("fr.word.egalement", ("également", "aussi"), check=_also),
    Swap("fr.word.souvent", ("souvent", "fréquemment"), check=_often),
    Swap("fr.word.tout_de_suite", ("tout de suite", "immédiatement"), check=_now_time),
    Swap("fr.word.des_que_possible", ("dès que possible", "au plus vite", "le plus tôt possible")),
    Swap(
        "fr.word.prochainement",
        ("prochainement", "bientôt"),
        check=lambda v, i, j: v.n(i - 1) not in ("à", "si", "aussi", "trop", "plus"),
    ),
    Swap("fr.word.selon", ("selon", "d'après"), check=lambda v, i, j: _det_or_name(v, j + 1)),
    Swap("fr.word.en_raison", ("en raison", "du fait"), check=lambda v, i, j: _de_form(v, j + 1)),
    *inflect("fr.reform.week_end", [("week-end", "weekend"), ("week-ends", "weekends")]),
    *inflect("fr.reform.cle", [("clé", "clef"), ("clés", "clefs"), ("mots-clés", "mots-clefs")]),
    *inflect(
        "fr.reform.paie",
        [("paie", "paye"), ("paient", "payent"), ("paiera", "payera"), ("paieront", "payeront")],
    ),
    *inflect(
        "fr.reform.essaie",
        [("essaie", "essaye"), ("essaient", "essayent"), ("essaiera", "essayera")],
    ),
    *inflect(
        "fr.word.courriel",
        [("e-mail", "email", "courriel", "mail"), ("e-mails", "emails", "courriels", "mails")],
    ),
]
_DETS = frozenset(
    words(
        "le la les un une des ce cet cette ces mon ma mes ton ta tes son sa ses notre nos "
        "votre vos leur leurs moi toi lui elle nous vous eux elles"
    )
)


def _det_or_name(view: SentenceView, k: int) -> bool:
    if not view.ok(k) or view.toks[k].lead:
        return False
    w = view.n(k)
    return w in _DETS or w.startswith("l'") or (view.capitalised(k) and len(w) > 1)


def _de_form(view: SentenceView, k: int) -> bool:
    w = view.n(k)
    return view.ok(k) and (w in ("du", "des", "de") or (w.startswith("d'") and len(w) > 2))


TABLE = SwapTable(SWAPS)
RULES: dict[str, str] = TABLE.rules()
FINDERS = (TABLE.hits,)

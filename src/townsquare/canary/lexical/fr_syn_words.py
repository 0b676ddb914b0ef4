"""French synonym sets of adverbs, adjectives, nouns and fixed non-verb phrases (`fr.syn.*`).

Each set is offered only where every form reads the same, decided on context all the
forms share (so a copy is offered its choice back). Nouns are swapped only between
words of the same gender, with their determiner rebuilt when one starts with a vowel
("l'objectif" / "le but", "de l'augmentation" / "de la hausse"); adjectives keep their
inflection row (essentiel/fondamental, essentielle/fondamentale, essentiels/fondamentaux),
and an adjective whose twin is epicene is only swapped where the noun's gender is known
("un effort supplémentaire" / "un effort additionnel", "des renseignements complémentaires"
/ "additionnels"). Sets whose forms start with different sounds stay silent after an
elided or elidable word ("qu'habituellement" / "que d'ordinaire" would not be told back);
sets with a prepositional form that `fr.comma.phrase` may take at the start of a sentence
("Avec soin, nous", "Au salarié, nous") only run inside it. Manner adverbs have their
"de manière/façon ..." paraphrase only after a verb and before its complement or the end of
the clause ("fonctionne efficacement avec" / "fonctionne de manière efficace avec").

Memos, notices and news (second round): l'ensemble des / la totalité des / tous les (toutes
les) + a listed plural noun of known gender, after a preposition or before a plural verb;
l'ensemble du / tout le + listed masculine noun (l'ensemble de la / toute la only after a
preposition); date limite/date butoir; données personnelles/à caractère personnel; ci-joint/
en pièce jointe/en annexe before a determiner; vous trouverez/veuillez trouver ci-joint;
veuillez noter/veuillez prendre note/merci de noter que; jusqu'à nouvel ordre/avis; le cas
échéant/s'il y a lieu; si nécessaire/au besoin/si besoin/en cas de besoin; prochaines
semaines/semaines à venir (outside "dans les"); avec/à effet immédiat; le service/le
département + a listed field; cyberattaque/attaque informatique; phishing/hameçonnage;
logiciel/programme malveillant; mesures/dispositions (after "prendre" or before
"nécessaires", "prises"...); merci de/pour, remercier de/pour + a noun phrase; pour
information/à titre d'information; exceptionnellement/à titre exceptionnel; sans délai/sans
tarder; cordialement/bien cordialement (a sign-off line); compte tenu de/étant donné +
determiner; "Merci de" / "Veuillez" + infinitive at the start; de manière/façon générale,
d'une manière/façon générale; à l'attention/à l'intention de; le lendemain/le jour suivant;
sous/dans un délai de/dans les + a number and a unit of time; pour rappel/pour mémoire/à
titre de rappel; par mesure de précaution/par précaution/à titre de précaution; la gêne
occasionnée/le désagrément occasionné (determiner and participle in the span).
The plural "les employés" / "les salariés" now leaves its determiner out of the span, so
"tous les salariés" keeps both slots.

Left out:
- "rapidement"/"vite", "surtout"/"principalement", "notamment"/"par exemple": see docs/lexical.md.
- "particulièrement"/"spécialement" ("spécialement conçu pour" = made for that purpose).
- "normalement"/"habituellement" ("fonctionne normalement" is manner, "normalement il viendra"
  is "supposedly").
- "généralement" in the "habituellement" set: `fr.word.en_general` already swaps it.
- "essentiellement"/"fondamentalement", "bientôt"/"prochainement", "recommandé"/"conseillé":
  already swapped elsewhere.
- "important"/"considérable", "nécessaire"/"indispensable", "principal"/"majeur",
  "crucial"/"décisif", "urgent"/"pressant": a change of degree or nuance, not a synonym.
- "grand"/"gros", "complet"/"entier" ("le monde entier", "un nombre entier", "l'hôtel est
  complet"), "spécifique"/"particulier" ("une attention particulière" is "special").
- "problème"/"difficulté", "choix"/"option", "résultat"/"issue", "méthode"/"approche",
  "gens"/"personnes": other gender (every agreeing word would change) or another meaning.
- "erreur"/"faute" ("c'est ma faute" is blame), "entreprise"/"société" ("la société
  française" is society), "avantage"/"atout", "aide"/"assistance" ("l'assistance" is also
  the audience, "à l'aide de" a preposition), "prix"/"tarif" ("prix Nobel").
- "précédent"/"antérieur" ("la partie antérieure" is the front one), "habituel"/"usuel"
  ("ses amis habituels"), "excessif"/"exagéré" ("les chiffres ont été exagérés" is a verb),
  "actuel"/"présent" ("les membres présents" attend), "seul"/"unique" ("l'unique" hides
  the gender "le seul"/"la seule" needs).
- "vrai"/"véritable" after the noun ("une histoire vraie" is a true story) or in the plural
  ("de véritables" hides the gender of "de vrais"/"de vraies").
- "par ailleurs"/"en outre" inside a sentence ("un homme par ailleurs charmant" is
  "otherwise"), "au début"/"initialement" ("au début de").
- "visiblement"/"manifestement" ("visiblement placé" is literal), "à l'avance"/"d'avance"
  ("une longueur d'avance"), "en tout"/"au total" ("en tout cas", "en tout point").
- "régulièrement", "systématiquement", "rapidement" in the "de manière ..." set ("on trouve
  régulièrement des bogues" is "often", not "at regular intervals").
- "devant"/"face à" ("attendre devant la porte" is not "facing it"), "au lieu de" + noun /
  "à la place de" ("au lieu de l'accident" is the place), "tant que"/"aussi longtemps que"
  ("en tant que", "pas tant que ça"), "dans la mesure du possible"/"autant que possible"
  ("mangez autant que possible" is a quantity).
- "cette sorte de" with "ce type de"/"ce genre de" (another gender); "la plupart des" /
  "la majorité des" and "l'ensemble des" / "la totalité des" only before a plural verb
  ("la majorité des gens est" has no "la plupart des gens est"; "l'ensemble ... est
  concerné" would need "concernée").
- "ce dernier"/"celui-ci" ("ce dernier point" is an adjective); "tous les"/"l'ensemble des"
  before a noun whose gender is not listed (the gender of "tous"/"toutes" cannot be told
  back: the second round lists nouns of known gender); "il est important de"/"il importe de"
  is a verb set (`fr.syn.importer`).
- "tous les" / "l'ensemble des" before epicene nouns ("partenaires", "élèves": "tous" or
  "toutes" is not told), time nouns ("tous les jours" = every day) or a subject with a
  singular verb ("l'ensemble des salariés est concerné"); "tout le monde", "tout le temps";
  "toute la population est concernée" (the agreement would change); "la totalité du
  personnel" (its agreement varies).
- "collaborateurs"/"salariés" ("les collaborateurs du projet" are contributors, and in
  history the collaborationists); "personnel"/"salariés" (singular collective).
- "ci-jointe(s)" after the noun (agrees: "en annexe" would not be told back), "veuillez
  trouver" before anything but an attachment; "pièce jointe"/"fichier joint" (gender).
- "la semaine prochaine"/"la semaine à venir" (said on a Monday, the coming week is this
  one); "échéance"/"date limite" ("à brève échéance", "arriver à échéance"); "calendrier"/
  "planning" ("calendrier scolaire"); "réunion"/"rencontre"; "équipe", "direction" (no
  same-gender twin).
- "service"/"département" after "un" ("un service informatique" may be sold), before
  "client" (customer service) or in the plural ("services financiers" is an industry).
- "mesures"/"dispositions" before "de" ("les mesures de la pièce", "les dispositions de la
  loi").
- "merci du fond du cœur", "merci de la part de", "merci de" + infinitive (no "pour").
- "à titre informatif" (at the start "À titre informatif, le" gets a `fr.comma.phrase`
  slot that "Pour information, le" does not); "exceptionnellement" before an adjective
  (a degree); "à cet égard"/"à ce sujet" ("exemplaire à cet égard" is "in that respect").
- "immédiatement"/"sans délai" and "au plus vite"/"dans les meilleurs délais" (their other
  forms belong to `fr_words` sets: one form in two sets is not told back).
- "Veuillez agréer", "Veuillez croire", "Veuillez recevoir" (closing formulas), "Merci de
  bien vouloir", and "Veuillez" + an infinitive starting with "h" ("d'h..." unknown).
- "au sein de"/"dans" ("investir dans l'entreprise"), "conformément à"/"en application
  de" (nuance), "la veille"/"le jour précédent" ("en veille", "la veille technologique"),
  "le lendemain de"/"le jour suivant" (construction).
- "cyber-attaque" as a third spelling (a hyphen only).
- "dans 48 heures"/"sous 48 heures" ("dans" alone is "in", after the delay), "dans les
  3 jours qui ont suivi" (a past span); "sous" at the sentence's start (`fr.comma.phrase`).
- "les désagréments occasionnés"/"la gêne occasionnée" (number), "à titre préventif" (a
  nuance: prevention, not caution).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator

from townsquare.canary.lexical.base import (
    FR_ELIDABLE,
    Hit,
    SentenceView,
    make_hit,
    split_elision,
    starts_with_vowel,
    words,
)
from townsquare.canary.lexical.fr_grammar import _determiner, _render, infinitive_word
from townsquare.canary.lexical.swaps import Check, Swap, SwapTable, all_checks, inflect

# --- shared context checks ---------------------------------------------------------

_SUBJECT_PRONOUNS = frozenset(
    words("il elle on ils elles je j' tu nous vous qui ne n' se s' me m' te t' ce c' cela ça")
)
_DETS = frozenset(
    words(
        "le la les l' un une des du au aux ce cet cette ces mon ma mes ton ta tes son sa ses "
        "notre nos votre vos leur leurs quel quelle quels quelles chaque aucun aucune d'un "
        "d'une qu'un qu'une plusieurs quelques"
    )
)
_TIME_NOUNS = frozenset(
    words(
        "seconde secondes minute minutes heure heures jour jours semaine semaines mois an ans "
        "année années siècle siècles décennie décennies temps instant moment longtemps peu"
    )
)


def _elided(view: SentenceView, i: int) -> bool:
    """Token i starts with an elided word that is not part of a form ("qu'habituellement",
    but not "d'ordinaire" itself)."""
    return bool(split_elision(view.toks[i].core)[0]) and view.n(i) not in _FIRST_WORDS


def _free(view: SentenceView, i: int, j: int) -> bool:
    """Nothing elides into the span and no elidable word stands before it: the forms of a
    set may start with different sounds ("habituellement" / "d'ordinaire")."""
    prev = view.n(i - 1)
    return prev not in FR_ELIDABLE and prev not in ("du", "au", "aux", "ma", "ta", "sa")


def _free_word(view: SentenceView, i: int, j: int) -> bool:
    return _free(view, i, j) and not _elided(view, i)


def _mid(view: SentenceView, i: int, j: int) -> bool:
    return i != view.first


def _de_next(view: SentenceView, j: int) -> bool:
    """ "de", "du", "des" or an elided "d'" follows token j in the same clause."""
    if view.toks[j].trail or not view.ok(j + 1) or view.toks[j + 1].lead:
        return False
    w = view.n(j + 1)
    return w in ("de", "du", "des") or (w.startswith("d'") and len(w) > 2)


def _not_de_next(view: SentenceView, j: int) -> bool:
    if view.toks[j].trail:
        return True
    w = view.n(j + 1)
    return w not in ("de", "du", "des") and not w.startswith("d'")


def _infinitive_after_de(view: SentenceView, j: int) -> bool:
    """ "de partir" or "d'attendre" follows token j."""
    if view.toks[j].trail or not view.ok(j + 1) or view.toks[j + 1].lead:
        return False
    t = view.toks[j + 1]
    if view.n(j + 1) == "de" and not t.trail and view.ok(j + 2) and not view.toks[j + 2].lead:
        return infinitive_word(view.toks[j + 2].core)
    prefix, rest = split_elision(t.core)
    if prefix.casefold() in ("d'", "d’"):
        return infinitive_word(rest) or rest in ("être", "avoir")
    return False


# --- adverbs ------------------------------------------------------------------------


def _usually(view: SentenceView, i: int, j: int) -> bool:
    """ "habituellement" / "d'ordinaire" / "d'habitude"; never "rien d'ordinaire" (nothing
    ordinary) nor "changer d'habitude" (change one's habit)."""
    prev = view.n(i - 1)
    blocked = ("rien", "chose", "quoi", "personne", "plus", "moins", "question", "force",
               "manque", "par", "changer", "change", "changent", "changé", "affaire")  # fmt: skip
    return _free_word(view, i, j) and prev not in blocked


def _then(view: SentenceView, i: int, j: int) -> bool:
    """ ", puis il est revenu" / ", ensuite il est revenu": right after a comma, before the
    next part ("nous verrons ensuite" = afterwards, which "puis" cannot say)."""
    if i == view.first or view.toks[i - 1].trail != "," or view.toks[j].trail:
        return False
    return view.ok(j + 1) and view.n(i - 1) != "je" and not _elided(view, i)


def _before(view: SentenceView, i: int, j: int) -> bool:
    """ "auparavant" / "précédemment" / "antérieurement"; never "deux jours auparavant"
    (a time before) nor "antérieurement à" (a preposition)."""
    prev = view.n(i - 1)
    if prev in _TIME_NOUNS or prev.isdigit() or prev in ("bien", "plus", "quelque"):
        return False
    nxt = view.n(j + 1)
    return _free_word(view, i, j) and (bool(view.toks[j].trail) or nxt not in ("à", "au", "aux"))


def _easily(view: SentenceView, i: int, j: int) -> bool:
    """ "facilement" / "aisément"; not before a number ("facilement 100 personnes")."""
    nxt = view.n(j + 1)
    return _free_word(view, i, j) and not nxt[:1].isdigit()


def _originally(view: SentenceView, i: int, j: int) -> bool:
    """ "initialement" / "à l'origine" / "au départ" inside a sentence; never "à l'origine
    de" (the cause of) or "au départ de" (leaving from)."""
    return _mid(view, i, j) and _not_de_next(view, j) and not _elided(view, i)


def _later(view: SentenceView, i: int, j: int) -> bool:
    """ "par la suite" / "ultérieurement"; never "la suite de" (a noun)."""
    if not _not_de_next(view, j) or view.n(i - 1).startswith("suivi"):
        return False
    return _mid(view, i, j) and _free_word(view, i, j)


def _interval(view: SentenceView, i: int, j: int) -> bool:
    """ "dans l'intervalle" as "meanwhile", never an interval of numbers."""
    if not _not_de_next(view, j):
        return False
    nxt = view.toks[j + 1].raw if j + 1 < len(view.toks) else ""
    return not nxt[:1].isdigit() and not nxt.startswith(("[", "]"))


_COPULAS = frozenset(
    words(
        "est sont était étaient sera seront serait seraient reste restent restait semble "
        "semblent semblait paraît paraissent a ont avait avaient"
    )
)


def _overall(view: SentenceView, i: int, j: int) -> bool:
    """ "est dans l'ensemble positif" / "est globalement positif": after a finite "être",
    "avoir" or "rester", before a word ("dans l'ensemble des" is "in all of")."""
    if view.toks[j].trail or not view.ok(j + 1) or not _not_de_next(view, j):
        return False
    return view.n(i - 1) in _COPULAS and not _elided(view, i)


def _mostly(view: SentenceView, i: int, j: int) -> bool:
    """ "majoritairement" / "en majorité" before what they qualify ("ils sont en majorité"
    alone is "they are the majority")."""
    if view.toks[j].trail or not view.ok(j + 1) or not _free_word(view, i, j):
        return False
    return view.n(j + 1) not in ("dans", "à", "au", "aux", "par", "en", "de", "du", "des")


_PARTICIPLE_ENDS = ("é", "ée", "és", "ées")


def _commonly(view: SentenceView, i: int, j: int) -> bool:
    """ "couramment" / "communément" before a participle ("couramment utilisé"); never
    "parler couramment" (fluently)."""
    if view.toks[j].trail or not view.ok(j + 1) or view.toks[j + 1].lead:
        return False
    nxt = view.n(j + 1)
    return nxt.isalpha() and (nxt.endswith(_PARTICIPLE_ENDS) or nxt in ("admis", "admise"))


_SLIGHT_NEXT = frozenset(
    words(
        "plus moins mieux supérieur supérieure supérieurs supérieures inférieur inférieure "
        "inférieurs inférieures"
    )
)


def _slightly(view: SentenceView, i: int, j: int) -> bool:
    """ "un peu plus" / "légèrement plus", "un peu modifié" / "légèrement modifié"; never
    "attendre un peu" (a while), "un peu partout", "un peu de" (some)."""
    if view.toks[j].trail or not view.ok(j + 1) or view.toks[j + 1].lead:
        return False
    if not _free_word(view, i, j):
        return False
    if view.n(i - 1) in ("très", "trop", "si", "assez", "aussi", "pour", "tout"):
        return False
    nxt = view.n(j + 1)
    return nxt in _SLIGHT_NEXT or (nxt.isalpha() and nxt.endswith(_PARTICIPLE_ENDS))


def _much_more(view: SentenceView, i: int, j: int) -> bool:
    """ "bien supérieur" / "nettement supérieur" / "largement supérieur"; never "un bien
    supérieur" (a good, the noun)."""
    prev = view.n(i - 1)
    return (
        prev not in _DETS
        and prev not in ("très", "eh", "si", "aussi", "de")
        and (not _elided(view, i))
    )


def _comma_free(view: SentenceView, i: int, j: int) -> bool:
    """Free of commas, and not coordinated with another adverb ("soigneusement et
    consciencieusement" would become "avec soin et consciencieusement")."""
    coordinated = view.n(j + 1) in ("et", "ou") or view.n(i - 1) in ("et", "ou")
    return _free_word(view, i, j) and not coordinated


# --- adjectives -------------------------------------------------------------------------


def _attributive(view: SentenceView, i: int, j: int) -> bool:
    """An adjective after a noun or a verb, never a noun itself ("l'essentiel", "nos
    semblables", "le déterminant") nor placed before its noun ("de semblables propos")."""
    prev = view.n(i - 1)
    if _elided(view, i) or prev in _DETS or prev in ("de", "d'", "en", "pour"):
        return False
    if prev in FR_ELIDABLE:
        return False
    return not prev.endswith("'")


_FIXED_FUNDAMENTAL = frozenset(
    words(
        "recherche recherches science sciences droit droits liberté libertés loi huile huiles "
        "particule particules physique état note notes couleur couleurs mathématiques"
    )
)


def _essential(view: SentenceView, i: int, j: int) -> bool:
    """ "essentiel" / "fondamental" as adjectives; never "l'essentiel" (the main part),
    "huile essentielle", "recherche fondamentale", "droits fondamentaux", "essentiel à"."""
    if not _attributive(view, i, j) or view.n(i - 1) in _FIXED_FUNDAMENTAL:
        return False
    return bool(view.toks[j].trail) or view.n(j + 1) not in ("à", "au", "aux")


_REFLEXIVE = frozenset(words("se me te nous vous"))


def _appropriate(view: SentenceView, i: int, j: int) -> bool:
    """ "approprié" / "adéquat"; never the verb "s'approprier" ("il s'est approprié")."""
    if not _attributive(view, i, j):
        return False
    for k in range(i - 3, i):
        w = view.n(k)
        if w in _REFLEXIVE or w.startswith(("s'", "m'", "t'")):
            return False
    return True


def _decisive(view: SentenceView, i: int, j: int) -> bool:
    """ "décisif" / "déterminant"; never the participle ("en déterminant", "facteurs
    déterminant les prix") nor the noun ("un déterminant")."""
    if not _attributive(view, i, j):
        return False
    return bool(view.toks[j].trail) or view.n(j + 1) not in _DETS


_PRENOMINAL_BEFORE = frozenset(
    words(
        "de d' les des ces aux dans en pour par sur avec entre sous à et ou ses leurs nos vos "
        "mes tes selon chez vers parmi"
    )
)


def _various(view: SentenceView, i: int, j: int) -> bool:
    """ "divers outils" / "différents outils" before a noun; never after it ("des opinions
    différentes" is "different"), nor "faits divers", "divers et variés", "divers autres"."""
    if view.toks[j].trail or not view.ok(j + 1) or view.toks[j + 1].lead:
        return False
    if i != view.first and view.n(i - 1) not in _PRENOMINAL_BEFORE:
        return False
    nxt = view.toks[j + 1].core
    return nxt.isalpha() and nxt.islower() and view.n(j + 1) not in ("et", "ou", "autres", "de")


_IMPERSONAL_VERBS = frozenset(
    words("est était sera serait semble semblait paraît paraissait devient apparaît reste demeure")
)


_INTENSIFIERS = frozenset(
    words("très bien peu plus moins assez fortement vivement donc aussi également toujours")
)


def _impersonal(view: SentenceView, i: int) -> bool:
    """ "il est" (or "était", "semble"...) before token i, an intensifier allowed between."""
    k = i - 1
    if view.n(k) in _INTENSIFIERS:
        k -= 1
    return view.n(k) in _IMPERSONAL_VERBS and view.n(k - 1) == "il" and not view.toks[k].trail


def _it_is_that(view: SentenceView, i: int, j: int) -> bool:
    """ "il est évident que" / "il est clair que" / "il est manifeste que": the impersonal
    frame only (a person cannot be "évident que")."""
    nxt = view.n(j + 1)
    if view.toks[j].trail or not (nxt == "que" or nxt.startswith("qu'")):
        return False
    return _impersonal(view, i)


def _it_is_to(view: SentenceView, i: int, j: int) -> bool:
    """ "il est interdit de fumer" / "il est défendu de fumer": the impersonal frame before
    an infinitive ("le fort est défendu" is defended)."""
    return _infinitive_after_de(view, j) and _impersonal(view, i)


def _may_be(view: SentenceView, i: int, j: int) -> bool:
    """ "il est possible que" / "il se peut que"; never "il est possible de" (no "se peut
    de")."""
    nxt = view.n(j + 1)
    if view.toks[j].trail or not (nxt == "que" or nxt.startswith("qu'")):
        return False
    return view.n(i - 1) == "il" and not view.toks[i - 1].trail


_AMOUNT_NOUNS = frozenset(
    words(
        "coût coûts montant montants budget budgets somme sommes prix chiffre volume valeur "
        "dépense dépenses investissement investissements effectif effectifs financement"
    )
)


def _amount(view: SentenceView, i: int, j: int) -> bool:
    """ "le coût total" / "le coût global": after an amount ("une approche globale" is
    holistic, not total)."""
    return view.n(i - 1) in _AMOUNT_NOUNS


# Nouns of information after which "supplémentaire", "complémentaire" and "additionnel"
# all mean "more": their gender gives "additionnel"'s ending.
_INFO_NOUNS = {
    "renseignement": ("", "m"),
    "détail": ("", "m"),
    "document": ("", "m"),
    "information": ("", "f"),
    "précision": ("", "f"),
    "explication": ("", "f"),
    "donnée": ("", "f"),
}


def _after_info(gender: str, plural: bool) -> Check:
    def check(view: SentenceView, i: int, j: int) -> bool:
        prev = view.n(i - 1)
        base = prev[:-1] if plural and prev.endswith("s") else prev
        if plural != prev.endswith("s"):
            return False
        return base in _INFO_NOUNS and _INFO_NOUNS[base][1] == gender

    return check


_MASC_DETS = frozenset(words("un le ce cet du au aucun quel d'un qu'un"))
_FEM_DETS = frozenset(words("une la cette aucune quelle d'une qu'une"))


def _after_det_noun(gender: str) -> Check:
    """ "un effort supplémentaire" / "un effort additionnel": a singular noun right after a
    determiner that tells its gender; never "heure(s) supplémentaire(s)" (overtime)."""
    dets = _MASC_DETS if gender == "m" else _FEM_DETS

    def check(view: SentenceView, i: int, j: int) -> bool:
        noun = view.n(i - 1)
        if not noun.isalpha() or noun in _DETS or noun.startswith("heure") or noun in _INFO_NOUNS:
            return False
        return view.n(i - 2) in dets and not view.toks[i - 2].trail

    return check


# --- nouns and phrases ----------------------------------------------------------------

# (before a consonant, before a vowel) for each determiner of a singular noun.
_MASC_SG = (
    ("le", "l'"), ("un", "un"), ("ce", "cet"), ("du", "de l'"), ("au", "à l'"), ("mon", "mon"),
    ("ton", "ton"), ("son", "son"), ("notre", "notre"), ("votre", "votre"), ("leur", "leur"),
    ("chaque", "chaque"), ("aucun", "aucun"), ("quel", "quel"), ("d'un", "d'un"), ("de", "d'"),
)  # fmt: skip
_FEM_SG = (
    ("la", "l'"), ("une", "une"), ("cette", "cette"), ("de la", "de l'"), ("à la", "à l'"),
    ("ma", "mon"), ("ta", "ton"), ("sa", "son"), ("notre", "notre"), ("votre", "votre"),
    ("leur", "leur"), ("chaque", "chaque"), ("aucune", "aucune"), ("quelle", "quelle"),
    ("d'une", "d'une"), ("de", "d'"),
)  # fmt: skip
_PLURAL = (
    ("les", "les"), ("des", "des"), ("ces", "ces"), ("aux", "aux"), ("mes", "mes"),
    ("tes", "tes"), ("ses", "ses"), ("nos", "nos"), ("vos", "vos"), ("leurs", "leurs"),
    ("plusieurs", "plusieurs"), ("quelques", "quelques"), ("d'autres", "d'autres"), ("de", "d'"),
)  # fmt: skip


def _join(det: tuple[str, str], noun: str, aspirated: bool) -> str:
    d = det[1] if starts_with_vowel(noun) and not aspirated else det[0]
    return d + noun if d.endswith("'") else f"{d} {noun}"


def _noun_rows(
    singular: tuple[str, ...],
    plural: tuple[str, ...],
    gender: str,
    aspirated: tuple[str, ...] = (),
    skip: tuple[str, ...] = (),
) -> list[tuple[str, ...]]:
    """Determiner + noun rows for nouns of one gender, elision rebuilt for each noun."""
    rows: list[tuple[str, ...]] = []
    for dets, nouns in ((_MASC_SG if gender == "m" else _FEM_SG, singular), (_PLURAL, plural)):
        for det in dets:
            if det[0] in skip:
                continue
            row = tuple(_join(det, n, n in aspirated) for n in nouns)
            if len(set(row)) == len(row):
                rows.append(row)
    return rows


def _noun(view: SentenceView, i: int, j: int) -> bool:
    """A determiner + noun form: the determiner is no object pronoun ("il le but", "on la
    baisse") and no "de"/"à" stands before "le", "la", "l'" (their contracted forms are
    rows of their own)."""
    prev = view.n(i - 1)
    first = view.n(i)
    if prev in _SUBJECT_PRONOUNS or prev.endswith("'"):
        return False
    opening = first in ("à", "au", "aux", "du", "de", "des") or first.startswith("d'")
    if i == view.first and opening and first != "d'autres":
        return False  # an opening phrase: `fr.comma.phrase` may take one form and not another
    article = first in ("le", "la", "les") or first.startswith("l'")
    return not (article and prev in ("de", "à"))


def _goal(view: SentenceView, i: int, j: int) -> bool:
    """ "objectif" / "but": never "droit au but", "de but en blanc", "marquer un but"."""
    prev = view.n(i - 1)
    if prev == "droit" or prev.startswith(("marqu", "encaiss")):
        return False
    return _noun(view, i, j) and view.n(j + 1) != "en"


def _rise(view: SentenceView, i: int, j: int) -> bool:
    """ "la hausse des prix" / "l'augmentation des prix", "baisse" / "diminution", with
    their complement; never "à la hausse" (revised upward), "augmentation de capital"."""
    if view.n(j + 1) == "de" and view.n(j + 2) == "capital":
        return False
    if view.n(i) != "en" and not _de_next(view, j):
        return False  # "il a obtenu une augmentation" is a pay rise, not "une hausse"
    return _noun(view, i, j)


_STAFF_CONTRAST = frozenset(
    words("cadre cadres ouvrier ouvriers ouvrière ouvrières techniciens agents dirigeants")
)


def _staff(view: SentenceView, i: int, j: int) -> bool:
    """ "les employés" / "les salariés"; never where "employés" contrasts with managers or
    workers ("cadres et employés"), nor "employé de bureau"."""
    if any(view.n(k) in _STAFF_CONTRAST for k in range(len(view.toks))):
        return False
    if view.n(j + 1) == "de" and view.n(j + 2) in ("bureau", "maison", "banque", "commerce"):
        return False
    return _noun(view, i, j)


_PLURAL_POSSESSIVES = frozenset(words("ses nos vos leurs mes tes ces"))


_NUMBER_WORDS = frozenset(
    words(
        "deux trois quatre cinq six sept huit neuf dix onze douze treize quatorze quinze seize "
        "vingt vingts trente quarante cinquante soixante cent cents mille et"
    )
)


def _is_number(word: str) -> bool:
    """Digits or a number in words ("dix-neuf", "quatre-vingt-cinq"), as `fr.number.words`
    may write either."""
    if word[:1].isdigit():
        return True
    parts = word.split("-")
    return all(p in _NUMBER_WORDS for p in parts) and parts[0] != "et"


def _counted(check: Check) -> Check:
    """A plural noun right after a number ("trois employés" / "trois salariés")."""

    def counted(view: SentenceView, i: int, j: int) -> bool:
        prev = view.n(i - 1)
        if not _is_number(prev) or view.toks[i - 1].trail:
            return False
        return check(view, i, j) and not _elided(view, i)

    return counted


def _staff_any(view: SentenceView, i: int, j: int) -> bool:
    if any(view.n(k) in _STAFF_CONTRAST for k in range(len(view.toks))):
        return False
    return not (view.n(j + 1) == "de" and view.n(j + 2) in ("bureau", "maison", "banque"))


_SAME_PLURAL_DETS = frozenset(d for d, _ in _PLURAL if d not in ("de", "d'autres"))


def _staff_after_det(view: SentenceView, i: int, j: int) -> bool:
    """ "les employés" / "les salariés" with the determiner left out of the span (it is the
    same for both), so that "tous les salariés" keeps its own slot on "tous les"."""
    prev = view.n(i - 1)
    if prev not in _SAME_PLURAL_DETS and prev != "d'autres":
        return False
    if view.toks[i - 1].trail or view.n(i - 2) in _SUBJECT_PRONOUNS:
        return False
    return _staff_any(view, i, j) and not _elided(view, i)


_SINGULAR_VERBS = frozenset(
    words("est a était avait sera aura serait aurait fait reste semble doit peut va")
)
_PLURAL_VERBS = frozenset(
    words(
        "sont ont étaient avaient seront auront seraient auraient font restent semblent "
        "doivent peuvent vont"
    )
)


def _plural_verb_after(view: SentenceView, j: int) -> bool:
    """A plural verb follows within eight words, before any singular one: "la plupart des
    gens sont" agrees with "gens", which "la majorité" and "la totalité" also allow, while
    "la majorité des gens est" has no "la plupart des gens est"."""
    for k in range(j + 1, j + 9):
        w = view.n(k)
        if w in _PLURAL_VERBS or (w.isalpha() and view.bare(k) and _plural_ending(w)):
            return True
        if w in _SINGULAR_VERBS:
            return False
    return False


_ENT_WORDS = frozenset(
    words("souvent comment argent parent président agent client accent talent dent vent cent")
)


def _plural_ending(w: str) -> bool:
    """A third-person plural verb form by its ending ("obtiennent", "goûteront")."""
    if w.endswith(("ront", "aient")):
        return True
    return len(w) > 4 and w.endswith("ent") and not w.endswith("ment") and w not in _ENT_WORDS


def _most(view: SentenceView, i: int, j: int) -> bool:
    """ "la plupart des" / "la majorité des" before a plural; never "pour la plupart" (no
    "de"), "la plupart du temps", "la plupart de la couche" (a singular), "à la majorité
    des voix", "la majorité des deux tiers"."""
    if view.n(i - 1) != "la" or view.n(i - 2) == "à" or view.toks[i - 1].trail:
        return False
    nxt = view.n(j + 1)
    if view.toks[j].trail or not view.ok(j + 1) or view.toks[j + 1].trail:
        return False
    after = view.n(j + 2)
    if not _plural_verb_after(view, j):
        return False
    if nxt == "de":
        return after in _PLURAL_POSSESSIVES
    if nxt not in ("des", "d'entre"):
        return False
    return not after[:1].isdigit() and after not in ("deux", "trois", "quatre", "voix")


def _whole(view: SentenceView, i: int, j: int) -> bool:
    """ "l'ensemble des" / "la totalité des" before a plural verb that agrees with the
    complement ("l'ensemble des salariés est concerné" has no "la totalité ... concerné");
    never "dans l'ensemble," (overall)."""
    if not _de_next(view, j) or view.n(i - 1) in _SUBJECT_PRONOUNS:
        return False
    return view.n(j + 1) == "des" and _plural_verb_after(view, j)


def _chance(view: SentenceView, i: int, j: int) -> bool:
    """ "l'occasion de partir" / "l'opportunité de partir": a determiner before, an
    infinitive after ("l'opportunité d'une mesure" is its expediency, "d'occasion" is
    second-hand, "à l'occasion de" is "on the occasion of")."""
    prefix = split_elision(view.toks[i].core)[0].casefold().replace("’", "'")
    if prefix:
        if prefix != "l'" or view.n(i - 1) == "à":
            return False
    elif view.n(i - 1) not in ("une", "cette", "chaque", "aucune", "son", "mon", "ton", "notre",
                               "votre", "leur", "nouvelle", "belle", "bonne"):  # fmt: skip
        return False
    return _infinitive_after_de(view, j)


def _kind(view: SentenceView, i: int, j: int) -> bool:
    """ "ce type de" / "ce genre de" (not "cette sorte de": another gender): always followed
    by "de" ("ce type"
    alone may be a man)."""
    if not _de_next(view, j) or view.n(j + 1) in ("du", "des"):
        return False
    k = j + 2 if view.n(j + 1) == "de" else j + 1
    return not view.capitalised(k)


_KIND_PLURAL_BEFORE = frozenset(words("d'autres plusieurs quelques ces des deux trois quatre"))


def _kinds(view: SentenceView, i: int, j: int) -> bool:
    return view.n(i - 1) in _KIND_PLURAL_BEFORE and _kind(view, i, j)


def _instead(view: SentenceView, i: int, j: int) -> bool:
    """ "au lieu de partir" / "plutôt que de partir": an infinitive follows ("au lieu de
    cela" is `fr.connective.instead`, "plutôt que" + noun has no "de")."""
    return _free_word(view, i, j) and _infinitive_after_de(view, j)


def _as_soon(view: SentenceView, i: int, j: int) -> bool:
    """ "dès qu'il arrive" / "aussitôt qu'il arrive"; never "dès que possible"."""
    nxt = view.n(j + 1)
    if view.toks[j].trail or not (nxt == "que" or nxt.startswith("qu'")):
        return False
    return _free_word(view, i, j) and not (nxt == "que" and view.n(j + 2) == "possible")


_HEAD_NEXT_BLOCKED = frozenset(words("le les si que qu' erreur"))


def _as_for(view: SentenceView, i: int, j: int) -> bool:
    """ "quant à la" / "pour ce qui est de la": the next word starts with a consonant ("de
    elle" would need elision) and is no article that "à"/"de" contract."""
    if view.toks[j].trail or not view.ok(j + 1) or view.toks[j + 1].lead:
        return False
    nxt = view.toks[j + 1].core
    if not nxt or starts_with_vowel(nxt) or nxt[:1].casefold() == "h":
        return False
    return view.n(j + 1) not in _HEAD_NEXT_BLOCKED and _free_word(view, i, j)


def _contracted(view: SentenceView, i: int, j: int) -> bool:
    return not view.toks[j].trail and view.ok(j + 1) and _free_word(view, i, j)


def _through(view: SentenceView, i: int, j: int) -> bool:
    return _de_next(view, j) and not _elided(view, i)


def _by_means(view: SentenceView, i: int, j: int) -> bool:
    """ "à l'aide de" / "au moyen de"; never "venir à l'aide de" (to help)."""
    for k in range(i - 3, i):
        w = view.n(k)
        if w.startswith(("ven", "vien", "accour", "port", "appel", "vol")):
            return False
    return _de_next(view, j) and _free_word(view, i, j)


_NAME_DETS = frozenset(
    words(
        "le la les l' un une des ce cet cette ces mon ma mes ton ta tes son sa ses notre nos "
        "votre vos leur leurs"
    )
)


def _except(view: SentenceView, i: int, j: int) -> bool:
    """ "sauf le lundi" / "hormis le lundi" / "excepté le lundi": before a determiner or a
    name; never "sauf si", "sauf que", "sauf erreur", "sain et sauf"."""
    if view.toks[j].trail or not view.ok(j + 1) or view.toks[j + 1].lead:
        return False
    if view.n(i - 1) == "et" and view.n(i - 2).startswith("sain"):
        return False
    nxt = view.n(j + 1)
    named = view.capitalised(j + 1) and len(nxt) > 1
    return (nxt in _NAME_DETS or nxt.startswith("l'") or named) and _free_word(view, i, j)


def _from_start(view: SentenceView, i: int, j: int) -> bool:
    """ "dès le départ" / "dès le début"; never "dès le départ de" (leaving)."""
    return _not_de_next(view, j)


def _opinion(view: SentenceView, i: int, j: int) -> bool:
    return not _elided(view, i) and _free(view, i, j)


def _aside(view: SentenceView, i: int, j: int) -> bool:
    """ ", d'ailleurs," / ", du reste,": set off by commas (or opening the sentence with its
    comma); without them "du reste" is a noun ("il s'occupe du reste")."""
    if not view.toks[j].trail.startswith(","):
        return False
    return i == view.first or view.toks[i - 1].trail == ","


def _effect_on(view: SentenceView, i: int, j: int) -> bool:
    """ "un effet sur" / "un impact sur"; "effet" alone has idioms ("en effet", "à cet
    effet", "sous l'effet de", "effets personnels")."""
    return not view.toks[j].trail and view.n(j + 1) == "sur"


def _real(view: SentenceView, i: int, j: int) -> bool:
    """ "un vrai problème" / "un véritable problème": before its noun only ("une histoire
    vraie" is a true story, "le vrai et le faux" is truth)."""
    if view.toks[j].trail or not view.ok(j + 1) or view.toks[j + 1].lead:
        return False
    if view.n(i - 1) in _SUBJECT_PRONOUNS:
        return False
    nxt = view.toks[j + 1].core
    blocked = ("et", "ou", "de", "du", "des", "que", "à", "au", "aux", "pour", "sur")
    return nxt.isalpha() and nxt.islower() and view.n(j + 1) not in blocked


def _again(view: SentenceView, i: int, j: int) -> bool:
    """ "encore une fois" / "une fois de plus"; never "pas encore une fois" (not yet)."""
    return view.n(i - 1) not in ("pas", "plus", "jamais") and not _elided(view, i)


_AUX = frozenset(
    words(
        "ai as a avons avez ont avais avait avions aviez avaient aura auront aurait auraient "
        "eu suis es est sommes êtes sont étais était étions étiez étaient sera seront serait "
        "soit soient été être avoir pas"
    )
)


def _of_course(view: SentenceView, i: int, j: int) -> bool:
    """ "bien sûr" / "bien entendu" as "of course"; never after an auxiliary ("j'ai bien
    entendu" = heard well, "je suis bien sûr de moi" = quite sure) nor before "de"."""
    prev = view.n(i - 1).split("'")[-1]
    if prev in _AUX or _elided(view, i):
        return False
    nxt = view.n(j + 1)
    return bool(view.toks[j].trail) or not (nxt in ("de", "du", "des") or nxt.startswith("d'"))


def _all_the_same(view: SentenceView, i: int, j: int) -> bool:
    """ "quand même" / "tout de même" as "still"; never before a clause or a noun phrase
    ("quand même il pleuvrait" = even if)."""
    if view.toks[j].trail:
        return True
    nxt = view.n(j + 1)
    return (
        bool(nxt)
        and nxt not in _SUBJECT_PRONOUNS
        and nxt not in _DETS
        and (not nxt.startswith(("l'", "j'")))
    )


def _if_needed(view: SentenceView, i: int, j: int) -> bool:
    """ "si nécessaire" / "au besoin" / "si besoin"; never "pas si nécessaire que" (so
    necessary), "au besoin de", "si besoin est"."""
    if not _free_word(view, i, j) or view.n(i - 1) in _AUX:
        return False
    if view.toks[j].trail:
        return True
    nxt = view.n(j + 1)
    return nxt not in ("que", "de", "du", "des", "à", "au", "aux", "pour", "est") and (
        not nxt.startswith(("qu'", "d'"))
    )


def _in_case(view: SentenceView, i: int, j: int) -> bool:
    """ "au cas où il pleuvrait" / "dans le cas où il pleuvrait"; never a bare "au cas
    où." (just in case)."""
    return not view.toks[j].trail and view.ok(j + 1) and _free_word(view, i, j)


def _early(view: SentenceView, i: int, j: int) -> bool:
    """ "tôt" / "de bonne heure"; never "plus tôt", "au plus tôt", "tôt ou tard"."""
    if view.n(i - 1) in ("plus", "moins", "très", "trop", "si", "aussi", "assez", "au", "le",
                         "bien", "plutôt", "tard"):  # fmt: skip
        return False
    return view.n(j + 1) != "ou" and _free_word(view, i, j)


def _now(view: SentenceView, i: int, j: int) -> bool:
    """ "maintenant" / "à présent" as "now"; never the participle of "maintenir" ("en
    maintenant", "les serveurs maintenant les données")."""
    if view.n(i - 1) in ("en", "jusqu'à", "à") or not _free_word(view, i, j):
        return False  # "jusqu'à maintenant" is `fr.syn.jusqu_a_present`
    nxt = view.n(j + 1)
    return nxt not in _DETS and not nxt.startswith("l'")


def _free_of_charge(view: SentenceView, i: int, j: int) -> bool:
    """ "gratuitement" / "sans frais"; never "sans frais de port"."""
    if view.toks[j].trail:
        return _free_word(view, i, j)
    nxt = view.n(j + 1)
    if nxt in ("de", "du", "des", "supplémentaires", "supplémentaire") or nxt.startswith("d'"):
        return False
    return _free_word(view, i, j)


_SPENT_NEXT = frozenset(
    words("à au aux en dans avec chez sur sous loin ensemble auprès entre par pour sans")
)


def _last_week(view: SentenceView, i: int, j: int) -> bool:
    """ "la semaine dernière" / "la semaine passée"; never "la semaine passée à Paris"
    (the week spent there)."""
    if view.toks[j].trail:
        return True
    nxt = view.toks[j + 1].core if view.ok(j + 1) else ""
    return view.n(j + 1) not in _SPENT_NEXT and not infinitive_word(nxt)


def _purpose(view: SentenceView, i: int, j: int) -> bool:
    """ "à cette fin" / "à cet effet" / "dans ce but"; never "dans ce but de" (an aim)."""
    return _not_de_next(view, j) and _free_word(view, i, j)


def _soon(view: SentenceView, i: int, j: int) -> bool:
    """ "sous peu" / "d'ici peu"; never "d'ici peu de temps" (would need its "de")."""
    return _not_de_next(view, j) and _free_word(view, i, j)


def _therefore(view: SentenceView, i: int, j: int) -> bool:
    """ "par conséquent" / "de ce fait" inside a sentence, after a comma, "et" or a finite
    verb ("la gravité de ce fait" is a noun phrase)."""
    if not _free_word(view, i, j):
        return False
    prev_tok = view.toks[i - 1]
    return prev_tok.trail in (",", ";") or view.n(i - 1) in _COPULAS | {"et"}


_BESIDES_NEXT = frozenset(
    words(
        "la ce cette ces son sa ses notre nos votre vos leur leurs mon ma mes tous toutes tout "
        "toute"
    )
)


def _besides(view: SentenceView, i: int, j: int) -> bool:
    """ "en plus de son travail" / "outre son travail": before a determiner starting with a
    consonant; never "en outre", "passer outre" (ignore), "en plus de travailler"."""
    prev = view.n(i - 1)
    if prev == "en" or prev.startswith("pass") or view.toks[j].trail:
        return False
    nxt = view.n(j + 1)
    return (nxt in _BESIDES_NEXT or nxt.startswith("l'")) and _free_word(view, i, j)


def _following(view: SentenceView, i: int, j: int) -> bool:
    """ "suite à votre demande" / "à la suite de votre demande" inside a sentence; never
    "donner suite à" or "faire suite à" (follow up on)."""
    prev = view.n(i - 1)
    if prev.startswith(("donn", "fai", "fait", "fer", "sans")):
        return False
    return _as_for(view, i, j)


def _following_contracted(view: SentenceView, i: int, j: int) -> bool:
    prev = view.n(i - 1)
    if prev.startswith(("donn", "fai", "fait", "fer", "sans")):
        return False
    return _contracted(view, i, j)


def _share(view: SentenceView, i: int, j: int) -> bool:
    return _de_next(view, j) and not _elided(view, i)


def _each_time(view: SentenceView, i: int, j: int) -> bool:
    """ "chaque fois qu'il vient" / "à chaque fois qu'il vient"; never the noun phrase
    ("chaque fois est différente") nor "chaque fois" inside "à chaque fois"."""
    if view.n(i) == "chaque" and view.n(i - 1) == "à":
        return False
    nxt = view.n(j + 1)
    trail = view.toks[j].trail
    return trail.startswith(",") or (not trail and (nxt == "que" or nxt.startswith("qu'")))


def _my_part(view: SentenceView, i: int, j: int) -> bool:
    return _free_word(view, i, j)


# Manner adverbs and the feminine adjective of their "de manière ..." paraphrase.
_MANNER = {
    "efficacement": "efficace", "automatiquement": "automatique", "manuellement": "manuelle",
    "durablement": "durable", "activement": "active", "différemment": "différente",
    "simultanément": "simultanée", "correctement": "correcte", "clairement": "claire",
    "lentement": "lente", "sérieusement": "sérieuse", "prudemment": "prudente",
    "temporairement": "temporaire", "définitivement": "définitive",
    "provisoirement": "provisoire", "officiellement": "officielle",
    "publiquement": "publique", "collectivement": "collective",
    "individuellement": "individuelle", "localement": "locale", "massivement": "massive",
    "significativement": "significative", "légalement": "légale",
    "spontanément": "spontanée", "concrètement": "concrète", "objectivement": "objective",
    "équitablement": "équitable", "positivement": "positive", "négativement": "négative",
    "explicitement": "explicite", "implicitement": "implicite", "discrètement": "discrète",
    "ouvertement": "ouverte", "intensivement": "intensive",
}  # fmt: skip
_MANNER_NEXT = frozenset(
    words(
        "à au aux de du des dans en par pour sur avec sans entre vers chez selon lors afin "
        "pendant depuis car si quand lorsque le la les un une ce cet cette ces son sa "
        "ses leur leurs notre nos votre vos mon ma mes tout tous toute toutes"
    )
)
_MANNER_PREV_BLOCKED = frozenset(
    words("plus moins très trop si aussi assez tout bien pas c'est n'est")
)


def _manner(view: SentenceView, i: int, j: int) -> bool:
    """ "fonctionne efficacement avec" / "fonctionne de manière efficace avec": after a verb,
    before its complement or the end of the clause; never after "être" or "avoir" ("il est
    clairement en retard" says "obviously"), before an adjective or a participle ("clairement
    défini"), before "et"/"ou" ("d'une manière ouverte et transparente"), before "de" +
    infinitive, nor in a comparison ("plus efficacement")."""
    prev = view.n(i - 1)
    if prev in _AUX or prev in _COPULAS or prev in _MANNER_PREV_BLOCKED:
        return False
    if prev.split("'")[-1] in _AUX:
        return False
    if not _free_word(view, i, j):
        return False
    if view.toks[j].trail:
        return True
    if _infinitive_after_de(view, j):
        return False  # "envisage de manière sérieuse de partir"
    nxt = view.n(j + 1)
    return nxt in _MANNER_NEXT or nxt.startswith(("l'", "d'", "qu'"))


_TIME_PLURALS = frozenset(words("jours mois ans années semaines heures minutes siècles"))


def _both(view: SentenceView, i: int, j: int) -> bool:
    """ "tous les deux" / "tous deux" (both); never "tous les deux jours" (every other
    day)."""
    nxt = view.n(j + 1)
    return nxt not in _TIME_PLURALS and not nxt[:1].isdigit()


def _number_next(view: SentenceView, i: int, j: int) -> bool:
    """ "au maximum 10 personnes" / "tout au plus 10 personnes": a number follows
    ("exploiter au maximum" is "to the full", "au moins" alone concedes)."""
    if view.toks[j].trail:
        return False
    nxt = view.n(j + 1)
    return (_is_number(nxt) or nxt in ("un", "une")) and _free_word(view, i, j)


def _conversely(view: SentenceView, i: int, j: int) -> bool:
    """ "à l'inverse" / "inversement"; never "et inversement" (vice versa) nor "à l'inverse
    de" (unlike)."""
    return view.n(i - 1) != "et" and _not_de_next(view, j) and _free_word(view, i, j)


# Nouns of amount after which "important" means "large", as "considérable" does, with
# their gender ("considérable" does not show it).
_LARGE_NOUNS = {
    **{n: "m" for n in words(
        "nombre montant volume budget investissement retard écart effort coût déficit "
        "chiffre progrès investissements retards écarts efforts coûts déficits chiffres "
        "montants volumes budgets nombres"
    )},
    **{n: "f" for n in words(
        "part somme quantité partie proportion dépense hausse baisse augmentation diminution "
        "différence amélioration croissance réduction perte économie parts sommes quantités "
        "parties proportions dépenses hausses baisses augmentations diminutions différences "
        "améliorations réductions pertes économies"
    )},
}  # fmt: skip


def _large(gender: str) -> Check:
    def check(view: SentenceView, i: int, j: int) -> bool:
        return _LARGE_NOUNS.get(view.n(i - 1)) == gender and not view.toks[i - 1].trail

    return check


def _so_far(view: SentenceView, i: int, j: int) -> bool:
    """ "jusqu'à présent" / "jusqu'à maintenant" inside a sentence (at its start the opener
    of `fr.connective.so_far` holds it)."""
    return view.n(i - 1) == "jusqu'à" and i - 1 != view.first and not view.toks[i - 1].trail


def _most_of_the_time(view: SentenceView, i: int, j: int) -> bool:
    """ "la plupart du temps" / "le plus souvent"; never "le plus souvent utilisé" (the
    superlative)."""
    if view.toks[j].trail or not view.ok(j + 1):
        return True
    nxt = view.n(j + 1)
    return (nxt in _MANNER_NEXT or nxt in _SUBJECT_PRONOUNS) and _free_word(view, i, j)


def _on_time(view: SentenceView, i: int, j: int) -> bool:
    """ "à temps" / "dans les temps"; never "à temps plein", "à temps partiel", "à temps
    perdu"."""
    if view.toks[j].trail:
        return _free_word(view, i, j)
    nxt = view.n(j + 1)
    return nxt not in ("plein", "partiel", "complet", "perdu", "de") and _free_word(view, i, j)


# --- second round: memos, notices, news ------------------------------------------------

# Plural nouns after "tous les" / "toutes les" whose gender is fixed (no epicene
# "partenaires", "élèves"), and none of time ("tous les jours" is "every day").
_ALL_M = frozenset(
    words(
        "salariés employés collaborateurs agents membres services sites clients utilisateurs "
        "participants acteurs établissements bureaux postes magasins départements dossiers "
        "documents candidats usagers citoyens habitants enseignants étudiants adhérents "
        "abonnés fichiers serveurs comptes systèmes projets pays secteurs managers "
        "responsables"
    )
)
_ALL_F = frozenset(
    words(
        "équipes entités filiales directions structures salariées collaboratrices régions "
        "agences unités entreprises sociétés communes personnes collectivités données "
        "applications organisations administrations associations instances"
    )
)
_NP_PREPS = frozenset(
    words(
        "à de pour par avec auprès chez entre parmi sur envers vers selon concernant malgré "
        "dans sans contre"
    )
)


def _everyone(gender: str) -> Check:
    """ "l'ensemble des salariés" / "la totalité des salariés" / "tous les salariés": a listed
    plural noun of the set's gender right after; the group is the complement of a preposition
    ("à l'ensemble des salariés") or the subject of a plural verb ("l'ensemble des salariés
    est invité" has no "tous les salariés est")."""
    nouns = _ALL_M if gender == "m" else _ALL_F

    def check(view: SentenceView, i: int, j: int) -> bool:
        if view.toks[j].trail or view.n(j + 1) not in nouns or view.toks[j + 1].lead:
            return False
        prev = view.n(i - 1)
        if prev in _SUBJECT_PRONOUNS or prev in ("les", "nous", "vous"):
            return False
        if prev in _NP_PREPS and not view.toks[i - 1].trail:
            return True
        return _plural_verb_after(view, j + 1)

    return check


_WHOLE_M = frozenset(
    words(
        "personnel territoire réseau groupe site bâtiment processus pays secteur parc campus "
        "dispositif projet service département budget dossier document établissement "
        "effectif"
    )
)
_WHOLE_F = frozenset(
    words(
        "population région zone durée période semaine journée société chaîne filière "
        "communauté structure direction procédure ville planète profession"
    )
)


def _whole_m(view: SentenceView, i: int, j: int) -> bool:
    """ "l'ensemble du personnel" / "tout le personnel" before a listed masculine noun ("tout
    le monde", "tout le temps" keep their words); both agree in the masculine singular."""
    if view.toks[j].trail or view.n(j + 1) not in _WHOLE_M or view.toks[j + 1].lead:
        return False
    return view.n(i - 1) not in _SUBJECT_PRONOUNS and view.n(i - 1) not in ("pas", "du", "en")


def _whole_f(view: SentenceView, i: int, j: int) -> bool:
    """ "dans toute la région" / "dans l'ensemble de la région": a listed feminine noun,
    after a preposition only ("toute la population est concernée" would need "concerné")."""
    if view.toks[j].trail or view.n(j + 1) not in _WHOLE_F or view.toks[j + 1].lead:
        return False
    return view.n(i - 1) in _NP_PREPS and not view.toks[i - 1].trail


_ATTACHED_NEXT = frozenset(
    words(
        "le la les un une des ce cet cette ces mon ma mes notre nos votre vos son sa ses leur leurs"
    )
)


def _attached(view: SentenceView, i: int, j: int) -> bool:
    """ "vous trouverez ci-joint le rapport" / "en pièce jointe le rapport" / "en annexe le
    rapport": before a determiner only, where "ci-joint" is invariable ("la lettre
    ci-jointe" would not be told back from "en annexe")."""
    if view.toks[j].trail or not view.ok(j + 1) or view.toks[j + 1].lead:
        return False
    nxt = view.n(j + 1)
    return (nxt in _ATTACHED_NEXT or nxt.startswith("l'")) and _free_word(view, i, j)


_ATTACHED_FORMS = (("ci-joint",), ("en", "pièce", "jointe"), ("en", "annexe"), ("ci-dessous",),
                   ("ci-après",))  # fmt: skip


def _you_will_find(view: SentenceView, i: int, j: int) -> bool:
    """ "Vous trouverez ci-joint" / "Veuillez trouver ci-joint" (also "ci-dessous", "en
    annexe"): "trouver" there only presents what is attached."""
    if view.toks[j].trail:
        return False
    return any(view.words(j + 1, list(f), last_trail=True) is not None for f in _ATTACHED_FORMS)


def _note_that(view: SentenceView, i: int, j: int) -> bool:
    """ "Veuillez noter que" / "Veuillez prendre note que" / "Merci de noter que": a "que"
    clause follows ("veuillez noter votre numéro" is writing it down)."""
    nxt = view.n(j + 1)
    return not view.toks[j].trail and (nxt == "que" or nxt.startswith("qu'"))


def _coming(view: SentenceView, i: int, j: int) -> bool:
    """ "au cours des prochaines semaines" / "au cours des semaines à venir": after "les",
    "des", "ces" (or a number after them); "dans les prochaines semaines" is
    `fr.word.prochaines`'s."""
    k = i - 1
    if _is_number(view.n(k)) and not view.toks[k].trail:
        k -= 1
    if view.n(k) not in ("les", "des", "ces") or view.toks[k].trail:
        return False
    return not (k == i - 1 and view.n(k) == "les" and view.n(k - 1) == "dans")


_DEPT_NEXT = frozenset(
    words(
        "juridique informatique comptable financier commercial technique marketing achats "
        "logistique production communication qualité comptabilité paie rh formation "
        "recrutement"
    )
)
_DEPT_DETS = frozenset(words("le du au notre votre leur son ce"))


def _department(view: SentenceView, i: int, j: int) -> bool:
    """ "le service juridique" / "le département juridique": after a definite or possessive
    determiner, before a listed field ("un service informatique" may be an IT service sold,
    "service client" is customer service, "services financiers" an industry)."""
    if view.n(i - 1) not in _DEPT_DETS or view.toks[i - 1].trail or view.toks[j].trail:
        return False
    nxt = view.n(j + 1)
    if nxt in _DEPT_NEXT:
        return True
    if nxt == "des" and view.n(j + 2) == "ressources" and view.n(j + 3) == "humaines":
        return True
    return nxt == "du" and view.n(j + 2) == "personnel"


_PRENDRE_WORDS = frozenset(
    words(
        "prendre prend prennent prenons prenez prenait prenaient prendra prendront prendrons "
        "prendrez prendrait prendraient pris prise prises prenant prenne"
    )
)
_STEP_NEXT = frozenset(
    words("nécessaires prises adéquates appropriées utiles urgentes concrètes suivantes")
)


def _steps(view: SentenceView, i: int, j: int) -> bool:
    """ "prendre des mesures" / "prendre des dispositions", "les mesures nécessaires" / "les
    dispositions nécessaires": after "prendre" or before a listed adjective ("les mesures de
    la pièce" are its dimensions, "les dispositions de la loi" its provisions)."""
    if view.n(i - 1) not in ("des", "les", "ces", "de", "nos", "vos") or view.toks[i - 1].trail:
        return False
    if view.toks[j].trail or not view.ok(j + 1):
        return False  # "le tailleur prend les mesures." (dimensions)
    if view.n(j + 1) in _STEP_NEXT:
        return True
    nxt = view.n(j + 1)
    if nxt in ("de", "du", "des") or nxt.startswith("d'"):
        return False
    k = i - 2
    if view.n(k) in ("toutes", "les") and not view.toks[k].trail:
        k -= 1
    return view.n(k) in _PRENDRE_WORDS and not view.toks[k].trail


_THANKS = frozenset(
    words(
        "merci remercie remercions remercient remercier remercierons remercierai remerciant "
        "remerciais remerciait remercions remercierait remercierions"
    )
)
_THANKS_ADVERBS = frozenset(
    words("beaucoup infiniment encore vivement sincèrement chaleureusement bien mille")
)
_THANKS_BLOCKED = frozenset(words("fond part"))


def _thanks(view: SentenceView, i: int, j: int) -> bool:
    """ "merci de votre aide" / "merci pour votre aide", "nous vous remercions du soutien" /
    "pour le soutien": after "merci" or "remercier" (one adverb between allowed), a noun
    phrase after ("merci de répondre" takes no "pour"); never "du fond du cœur", "de la part
    de"."""
    k = i - 1
    if view.n(k) in _THANKS_ADVERBS and not view.toks[k].trail:
        k -= 1
    if view.n(k) not in _THANKS or view.toks[k].trail:
        return False
    if view.toks[j].trail or not view.ok(j + 1) or view.toks[j + 1].lead:
        return False
    nxt = view.n(j + 1)
    last = view.n(j)
    if last in ("de", "pour"):  # the article is elided into the next token: "de l'aide"
        prefix, rest = split_elision(view.toks[j + 1].core)
        if infinitive_word(rest) or rest.casefold() in ("avoir", "être"):
            return False  # "merci de l'envoyer" asks for it: no "pour l'envoyer"
        return prefix.casefold() in ("l'", "l’") and rest.casefold() not in _THANKS_BLOCKED
    return nxt.isalpha() and nxt not in _THANKS_BLOCKED and nxt not in ("que", "ce")


def _for_information(view: SentenceView, i: int, j: int) -> bool:
    """ "Pour information, ..." / "À titre d'information, ..."; never "pour information sur"
    (information about something)."""
    if not _free_word(view, i, j):
        return False
    if view.toks[j].trail:
        return True
    nxt = view.n(j + 1)
    return nxt not in ("sur", "de", "du", "des", "concernant", "à", "au", "aux") and not (
        nxt.startswith("d'")
    )


def _exceptionally(view: SentenceView, i: int, j: int) -> bool:
    """ "fermera exceptionnellement à 16 h" / "fermera à titre exceptionnel à 16 h": before a
    preposition, a determiner, punctuation or the end; never before an adjective
    ("exceptionnellement chaud" is a degree) nor after "être" or an intensifier."""
    prev = view.n(i - 1)
    if prev in _COPULAS or prev in _INTENSIFIERS or not _free_word(view, i, j):
        return False
    if view.toks[j].trail:
        return True
    nxt = view.n(j + 1)
    return nxt in _MANNER_NEXT or nxt.startswith(("l'", "d'"))


def _phishing(view: SentenceView, i: int, j: int) -> bool:
    """Bare "phishing" / "hameçonnage" after a word that does not elide ("par phishing")."""
    prev = view.n(i - 1)
    return prev not in FR_ELIDABLE and prev not in _DETS and not _elided(view, i)


# "compte tenu de" / "étant donné" + determiner: the determiner is rebuilt after "de".
_GIVEN = (("étant", "donné"), ("compte", "tenu"))


def _given(view: SentenceView) -> Iterator[Hit | None]:
    """ "compte tenu de la situation" / "étant donné la situation", "compte tenu du
    contexte" / "étant donné le contexte" ("étant donné que" is `fr.conj.puisque`'s)."""
    if view.rule_off("fr.syn.compte_tenu"):
        return
    for i in range(view.first, len(view.toks) - 2):
        for n, pair in enumerate(_GIVEN):
            j = view.words(i, list(pair), last_trail=False)
            if j is None or not view.spaced(j, j + 1):
                continue
            found = _determiner(view, j + 1, after_de=n == 1)
            if found is None:
                break
            det, last, rest = found
            if view.proper_risk(i, i + 1):
                break
            alts = [
                f"étant donné {_render(det, rest, de=False)}",
                f"compte tenu {_render(det, rest, de=True)}",
            ]
            yield make_hit(view, i, last, alts, "fr.syn.compte_tenu")
            break


# "Merci de répondre" / "Veuillez répondre": a polite request opening the sentence. Closing
# formulas ("Veuillez agréer", "Veuillez croire"), the verbs other sets read ("Veuillez
# noter que", "Veuillez trouver ci-joint") and past infinitives ("Merci d'être venus"
# thanks, it asks nothing) keep their word.
_PLEASE_BLOCKED = frozenset(
    words("agréer croire recevoir accepter trouver noter prendre bien excuser pardonner être avoir")
)


def _please(view: SentenceView) -> Iterator[Hit | None]:
    """ "Merci de répondre" / "Veuillez répondre", "Merci d'envoyer" / "Veuillez envoyer"."""
    i = view.first
    if i + 1 >= len(view.toks) or view.toks[i].trail or view.toks[i + 1].lead:
        return
    w = view.n(i)
    if w not in ("merci", "veuillez") or not view.spaced(i, i + 1):
        return
    if w == "merci":
        if view.n(i + 1) == "de" and not view.toks[i + 1].trail:
            k = i + 2
            if not _please_verb(view, k) or starts_with_vowel(view.toks[k].core):
                return
            yield make_hit(view, i, i + 1, ["veuillez"], "fr.syn.merci_de")
            return
        prefix, rest = split_elision(view.toks[i + 1].core)
        if prefix.casefold() not in ("d'", "d’") or not _please_word(rest):
            return
        if not starts_with_vowel(rest) or view.toks[i + 1].trail:
            return
        yield make_hit(view, i, i + 1, [f"veuillez {rest}"], "fr.syn.merci_de")
        return
    if not _please_verb(view, i + 1):
        return
    core = view.toks[i + 1].core
    if core[:1].casefold() == "h":
        return
    if starts_with_vowel(core):
        if view.toks[i + 1].trail:
            return
        yield make_hit(view, i, i + 1, [f"merci d'{core}"], "fr.syn.merci_de")
    else:
        yield make_hit(view, i, i, ["merci de"], "fr.syn.merci_de")


def _please_word(word: str) -> bool:
    return infinitive_word(word) and word.casefold() not in _PLEASE_BLOCKED


def _please_verb(view: SentenceView, k: int) -> bool:
    """An infinitive (or "ne pas" + infinitive) at token k that is not a formula."""
    if not view.ok(k) or view.toks[k].lead:
        return False
    w = view.n(k)
    if w == "ne" and view.n(k + 1) in ("pas", "plus", "jamais") and not view.toks[k].trail:
        return _please_word(view.toks[k + 2].core) if view.ok(k + 2) else False
    prefix = split_elision(view.toks[k].core)[0]
    return not prefix and _please_word(view.toks[k].core)


def _without_delay(view: SentenceView, i: int, j: int) -> bool:
    """ "sans délai" / "sans tarder"; never "sans délai de carence", "sans délai
    supplémentaire" (a period)."""
    if view.toks[j].trail:
        return True
    nxt = view.n(j + 1)
    return nxt not in ("de", "du", "des", "supplémentaire", "particulier") and not (
        nxt.startswith("d'")
    )


def _sign_off(view: SentenceView, i: int, j: int) -> bool:
    """ "Cordialement," / "Bien cordialement," alone on their line."""
    return i == view.first and j == len(view.toks) - 1


def _addressed(view: SentenceView, i: int, j: int) -> bool:
    """ "à l'attention de tous" / "à l'intention de tous" (addressed to); never "attirer
    l'attention de" (no "à") nor "à l'attention" alone."""
    return _de_next(view, j) and _free_word(view, i, j)


def _next_day(view: SentenceView, i: int, j: int) -> bool:
    """ "le lendemain" / "le jour suivant"; never "le lendemain de l'élection" (no "le jour
    suivant de") nor "le lendemain matin"."""
    if view.toks[j].trail:
        return True
    nxt = view.n(j + 1)
    blocked = ("de", "du", "des", "matin", "soir", "midi", "même", "après-midi")
    return nxt not in blocked and not nxt.startswith("d'")


_WITHIN_BLOCKED = frozenset(
    words(
        "qui que suivant suivants suivante suivantes précédant précédent précédents "
        "précédente précédentes de du des passés passées derniers dernières à ayant"
    )
)
_DURATION_UNITS = frozenset(
    words("heures jours semaines mois ans années minutes h jours ouvrés ouvrables")
)


def _within(view: SentenceView, i: int, j: int) -> bool:
    """ "sous 48 heures" / "dans un délai de 48 heures" / "dans les 48 heures": a number and
    a unit of time follow ("dans 48 heures" is "in", after; "sous 3 semaines" is always
    "within"); not at the sentence's start (`fr.comma.phrase` reads "Sous 48 heures, nous")."""
    if view.toks[j].trail or not view.ok(j + 1) or not _free_word(view, i, j):
        return False
    w = view.n(j + 1)
    if not _is_number(w) or view.toks[j + 1].trail:
        return False
    if view.n(j + 2) not in _DURATION_UNITS or view.toks[j + 2].lead:
        return False
    if view.toks[j + 2].trail:
        return True
    after = view.n(j + 3)  # "dans les 3 jours qui ont suivi" is a past span, not "within"
    return after not in _WITHIN_BLOCKED and not after.startswith("d'")


SWAPS: list[Swap] = [
    # adverbs
    Swap("fr.syn.habituellement", ("habituellement", "d'ordinaire", "d'habitude"), check=_usually),
    Swap("fr.syn.exactement", ("exactement", "précisément"), check=_comma_free),
    Swap("fr.syn.ensuite", ("ensuite", "puis"), check=_then),
    Swap("fr.syn.auparavant", ("auparavant", "précédemment", "antérieurement"), check=_before),
    Swap("fr.syn.parfois", ("parfois", "quelquefois")),
    Swap(
        "fr.syn.progressivement",
        ("progressivement", "graduellement", "peu à peu", "petit à petit"),
    ),
    Swap("fr.syn.facilement", ("facilement", "aisément"), check=_easily),
    Swap(
        "fr.syn.constamment",
        ("constamment", "sans cesse", "continuellement"),
        check=_comma_free,
    ),
    Swap(
        "fr.syn.soigneusement",
        ("soigneusement", "avec soin"),
        check=_comma_free,
        anywhere=False,
    ),
    Swap(
        "fr.syn.attentivement",
        ("attentivement", "avec attention"),
        check=_comma_free,
        anywhere=False,
    ),
    Swap(
        "fr.syn.initialement",
        ("initialement", "à l'origine", "au départ"),
        check=_originally,
        anywhere=False,
    ),
    Swap("fr.syn.par_la_suite", ("par la suite", "ultérieurement"), check=_later, anywhere=False),
    Swap("fr.syn.de_temps_en_temps", ("de temps en temps", "de temps à autre")),
    Swap(
        "fr.syn.en_fin_de_compte",
        ("en fin de compte", "au bout du compte", "en définitive"),
        anywhere=False,
    ),
    Swap("fr.syn.de_toute_facon", ("de toute façon", "de toute manière"), anywhere=False),
    Swap(
        "fr.syn.entre_temps",
        ("entre-temps", "entretemps", "dans l'intervalle"),
        check=all_checks(_interval, _free_word),
    ),
    Swap("fr.syn.a_vrai_dire", ("à vrai dire", "à dire vrai")),
    Swap("fr.syn.autrement_dit", ("autrement dit", "en d'autres termes"), anywhere=False),
    Swap(
        "fr.syn.majoritairement",
        ("majoritairement", "en majorité"),
        check=_mostly,
        anywhere=False,
    ),
    Swap("fr.syn.globalement", ("globalement", "dans l'ensemble"), check=_overall),
    Swap("fr.syn.couramment", ("couramment", "communément"), check=_commonly),
    Swap("fr.syn.legerement", ("légèrement", "un peu"), check=_slightly),
    *inflect(
        "fr.syn.bien_superieur",
        [
            (f"bien {a}", f"nettement {a}", f"largement {a}")
            for a in words(
                "supérieur supérieure supérieurs supérieures inférieur inférieure inférieurs "
                "inférieures"
            )
        ]
        + [
            (f"bien {a}", f"nettement {a}")
            for a in ("meilleur", "meilleure", "meilleurs", "meilleures")
        ],
        check=_much_more,
    ),
    Swap("fr.syn.des_le_depart", ("dès le départ", "dès le début"), check=_from_start),
    # adjectives
    *inflect(
        "fr.syn.similaire",
        [("similaire", "semblable", "analogue"), ("similaires", "semblables", "analogues")],
        check=_attributive,
    ),
    *inflect("fr.syn.enorme", [("énorme", "immense"), ("énormes", "immenses")]),
    *inflect(
        "fr.syn.essentiel",
        [
            ("essentiel", "fondamental"),
            ("essentielle", "fondamentale"),
            ("essentiels", "fondamentaux"),
            ("essentielles", "fondamentales"),
        ],
        check=_essential,
    ),
    *inflect(
        "fr.syn.approprie",
        [
            ("approprié", "adéquat"),
            ("appropriée", "adéquate"),
            ("appropriés", "adéquats"),
            ("appropriées", "adéquates"),
            ("inapproprié", "inadéquat"),
            ("inappropriée", "inadéquate"),
            ("inappropriés", "inadéquats"),
            ("inappropriées", "inadéquates"),
        ],
        check=_appropriate,
    ),
    *inflect(
        "fr.syn.decisif",
        [
            ("décisif", "déterminant"),
            ("décisive", "déterminante"),
            ("décisifs", "déterminants"),
            ("décisives", "déterminantes"),
        ],
        check=_decisive,
    ),
    *inflect(
        "fr.syn.divers", [("divers", "différents"), ("diverses", "différentes")], check=_various
    ),
    *inflect(
        "fr.syn.evident",
        [("évident", "clair", "manifeste")],
        check=_it_is_that,
    ),
    *inflect("fr.syn.probable", [("probable", "vraisemblable")], check=_it_is_that),
    *inflect(
        "fr.syn.total",
        [
            ("total", "global"),
            ("totale", "globale"),
            ("totaux", "globaux"),
            ("totales", "globales"),
        ],
        check=_amount,
    ),
    Swap(
        "fr.syn.supplementaire",
        ("supplémentaire", "complémentaire", "additionnel"),
        check=_after_info("m", False),
    ),
    Swap(
        "fr.syn.supplementaire",
        ("supplémentaire", "complémentaire", "additionnelle"),
        check=_after_info("f", False),
    ),
    Swap(
        "fr.syn.supplementaire",
        ("supplémentaires", "complémentaires", "additionnels"),
        check=_after_info("m", True),
    ),
    Swap(
        "fr.syn.supplementaire",
        ("supplémentaires", "complémentaires", "additionnelles"),
        check=_after_info("f", True),
    ),
    Swap("fr.syn.supplementaire", ("supplémentaire", "additionnel"), check=_after_det_noun("m")),
    Swap("fr.syn.supplementaire", ("supplémentaire", "additionnelle"), check=_after_det_noun("f")),
    # nouns and phrases
    *inflect(
        "fr.syn.objectif",
        _noun_rows(("objectif", "but"), ("objectifs", "buts"), "m"),
        check=_goal,
    ),
    *inflect(
        "fr.syn.hausse",
        [
            *_noun_rows(
                ("hausse", "augmentation"),
                ("hausses", "augmentations"),
                "f",
                aspirated=("hausse", "hausses"),
                skip=("à la",),
            ),
            ("en hausse", "en augmentation"),
        ],
        check=_rise,
    ),
    *inflect(
        "fr.syn.baisse",
        [
            *_noun_rows(("baisse", "diminution"), ("baisses", "diminutions"), "f", skip=("à la",)),
            ("en baisse", "en diminution"),
        ],
        check=_rise,
    ),
    *inflect(
        "fr.syn.salarie",
        [
            row
            for row in _noun_rows(("employé", "salarié"), ("employés", "salariés"), "m")
            + _noun_rows(("employée", "salariée"), ("employées", "salariées"), "f")
            if row[0].split()[0] != row[1].split()[0]
        ],
        check=_staff,
    ),
    *inflect(
        "fr.syn.salarie",
        [("employés", "salariés"), ("employées", "salariées")],
        check=_staff_after_det,
    ),
    *inflect(
        "fr.syn.salarie",
        [("employés", "salariés"), ("employées", "salariées")],
        check=_counted(_staff_any),
    ),
    Swap("fr.syn.objectif", ("objectifs", "buts"), check=_counted(_goal)),
    Swap("fr.syn.plupart", ("plupart", "majorité"), check=_most),
    Swap("fr.syn.ensemble", ("l'ensemble", "la totalité"), check=_whole),
    Swap("fr.syn.occasion", ("occasion", "opportunité"), check=_chance),
    *inflect(
        "fr.syn.type",
        [
            ("ce type", "ce genre"),
            ("quel type", "quel genre"),
            ("un autre type", "un autre genre"),
            ("le même type", "le même genre"),
            (
                "différents types",
                "différents genres",
                "divers types",
                "divers genres",
            ),
            ("certains types", "certains genres"),
        ],
        check=_kind,
    ),
    Swap("fr.syn.type", ("types", "genres"), check=_kinds),
    Swap("fr.syn.au_lieu", ("au lieu", "plutôt que"), check=_instead),
    Swap("fr.syn.des_que", ("dès", "aussitôt"), check=_as_soon),
    *inflect(
        "fr.syn.quant_a",
        [
            ("quant au", "pour ce qui est du"),
            ("quant aux", "pour ce qui est des"),
        ],
        check=_contracted,
    ),
    Swap("fr.syn.quant_a", ("quant à", "pour ce qui est de"), check=_as_for),
    Swap("fr.syn.par_le_biais", ("par le biais", "par l'intermédiaire"), check=_through),
    Swap("fr.syn.a_l_aide", ("à l'aide", "au moyen"), check=_by_means),
    Swap("fr.syn.sauf", ("sauf", "hormis", "excepté"), check=_except),
    *inflect(
        "fr.syn.avis",
        [(f"à {p} avis", f"à {p} sens") for p in ("mon", "notre", "son", "leur")],
        check=_opinion,
    ),
    *inflect(
        "fr.syn.site_web",
        [("site web", "site internet"), ("sites web", "sites internet")],
    ),
    *inflect(
        "fr.syn.telephone",
        [
            ("téléphone portable", "téléphone mobile"),
            ("téléphones portables", "téléphones mobiles"),
        ],
    ),
    Swap("fr.syn.d_ailleurs", ("d'ailleurs", "du reste"), check=_aside),
    *inflect("fr.syn.impact", [("effet", "impact"), ("effets", "impacts")], check=_effect_on),
    *inflect(
        "fr.syn.vrai",
        [
            ("un vrai", "un véritable"),
            ("une vraie", "une véritable"),
            ("le vrai", "le véritable"),
            ("la vraie", "la véritable"),
            ("d'un vrai", "d'un véritable"),
            ("d'une vraie", "d'une véritable"),
        ],
        check=_real,
    ),
    Swap("fr.syn.une_fois_de_plus", ("encore une fois", "une fois de plus"), check=_again),
    Swap("fr.syn.bien_sur", ("bien sûr", "bien entendu"), check=_of_course, anywhere=False),
    Swap("fr.syn.quand_meme", ("quand même", "tout de même"), check=_all_the_same),
    Swap("fr.syn.sans_aucun_doute", ("sans aucun doute", "sans nul doute")),
    Swap("fr.syn.temps_plein", ("à temps plein", "à plein temps", "à temps complet")),
    Swap("fr.syn.delais", ("dans les plus brefs délais", "dans les meilleurs délais")),
    Swap(
        "fr.syn.si_besoin",
        ("si nécessaire", "au besoin", "si besoin", "en cas de besoin"),
        check=_if_needed,
    ),
    Swap("fr.syn.a_ce_sujet", ("à ce sujet", "à ce propos")),
    Swap("fr.syn.par_an", ("par an", "par année")),
    Swap("fr.syn.au_cas_ou", ("au cas où", "dans le cas où"), check=_in_case),
    *inflect(
        "fr.syn.surprenant",
        [
            ("surprenant", "étonnant"),
            ("surprenante", "étonnante"),
            ("surprenants", "étonnants"),
            ("surprenantes", "étonnantes"),
        ],
        check=all_checks(_decisive, _free_word),
    ),
    Swap(
        "fr.syn.malheureusement",
        ("malheureusement", "hélas"),
        check=_free_word,
        anywhere=False,
    ),
    Swap("fr.syn.tot", ("tôt", "de bonne heure"), check=_early),
    Swap("fr.syn.maintenant", ("maintenant", "à présent"), check=_now, anywhere=False),
    Swap(
        "fr.syn.soudainement",
        ("soudainement", "subitement", "tout à coup"),
        check=_free_word,
    ),
    Swap("fr.syn.deliberement", ("délibérément", "intentionnellement"), check=_free_word),
    Swap(
        "fr.syn.gratuitement",
        ("gratuitement", "sans frais"),
        check=_free_of_charge,
        anywhere=False,
    ),
    *inflect(
        "fr.syn.derniere",
        [
            (f"{u} dernier", f"{u} passé")
            for u in words(
                "mois week-end weekend trimestre semestre lundi mardi mercredi jeudi vendredi "
                "samedi dimanche"
            )
        ]
        + [("semaine dernière", "semaine passée")],
        check=_last_week,
    ),
    *inflect(
        "fr.syn.compte_rendu",
        [("compte rendu", "compte-rendu"), ("comptes rendus", "comptes-rendus")],
    ),
    *inflect("fr.syn.page_web", [("page web", "page internet"), ("pages web", "pages internet")]),
    Swap("fr.syn.a_cette_fin", ("à cette fin", "à cet effet", "dans ce but"), check=_purpose),
    Swap("fr.syn.en_temps_utile", ("en temps utile", "en temps voulu")),
    Swap("fr.syn.sous_peu", ("sous peu", "d'ici peu"), check=_soon, anywhere=False),
    Swap(
        "fr.syn.par_consequent",
        ("par conséquent", "de ce fait"),
        check=_therefore,
        anywhere=False,
    ),
    Swap("fr.syn.en_plus_de", ("en plus de", "outre"), check=_besides),
    *inflect(
        "fr.syn.suite_a",
        [("suite au", "à la suite du"), ("suite aux", "à la suite des")],
        check=_following_contracted,
    ),
    Swap("fr.syn.suite_a", ("suite à", "à la suite de"), check=_following, anywhere=False),
    Swap(
        "fr.syn.grande_partie",
        ("une grande partie", "une bonne partie", "une large part"),
        check=_share,
    ),
    Swap("fr.syn.majeure_partie", ("la majeure partie", "la plus grande partie"), check=_share),
    Swap("fr.syn.bien_trop", ("beaucoup trop", "bien trop")),
    *inflect(
        "fr.syn.possible",
        [("est possible", "se peut"), ("était possible", "se pouvait")],
        check=_may_be,
    ),
    Swap("fr.syn.regrettable", ("dommage", "regrettable"), check=_it_is_that),
    *inflect("fr.syn.interdit", [("interdit", "défendu")], check=_it_is_to),
    *inflect("fr.syn.facile", [("facile", "aisé")], check=_it_is_to),
    *inflect(
        "fr.syn.pour_ma_part",
        [
            ("pour ma part", "en ce qui me concerne"),
            ("pour notre part", "en ce qui nous concerne"),
            ("pour votre part", "en ce qui vous concerne"),
        ],
        check=_my_part,
    ),
    Swap(
        "fr.syn.chaque_fois",
        ("chaque fois", "à chaque fois"),
        check=_each_time,
        anywhere=False,
    ),
    Swap("fr.syn.meme_moment", ("au même moment", "au même instant")),
    Swap(
        "fr.syn.de_nos_jours",
        ("de nos jours", "à notre époque"),
        check=_free_word,
        anywhere=False,
    ),
    *[
        Swap(
            "fr.syn.de_maniere",
            (
                adverb,
                f"de manière {adjective}",
                f"de façon {adjective}",
                f"d'une manière {adjective}",
                f"d'une façon {adjective}",
            ),
            check=_manner,
            anywhere=False,
        )
        for adverb, adjective in _MANNER.items()
    ],
    *inflect(
        "fr.syn.tous_deux",
        [
            ("tous les deux", "tous deux"),
            ("toutes les deux", "toutes deux"),
            ("tous les trois", "tous trois"),
            ("toutes les trois", "toutes trois"),
        ],
        check=_both,
    ),
    Swap("fr.syn.en_outre", ("en outre", "de surcroît"), check=_free_word, anywhere=False),
    Swap("fr.syn.tout_au_plus", ("tout au plus", "au maximum"), check=_number_next),
    Swap("fr.syn.au_moins", ("au moins", "au minimum"), check=_number_next),
    Swap("fr.syn.ci_dessous", ("ci-dessous", "ci-après")),
    Swap("fr.syn.inversement", ("inversement", "à l'inverse"), check=_conversely, anywhere=False),
    *inflect(
        "fr.syn.important",
        [("important", "considérable"), ("importants", "considérables")],
        check=_large("m"),
    ),
    *inflect(
        "fr.syn.important",
        [("importante", "considérable"), ("importantes", "considérables")],
        check=_large("f"),
    ),
    Swap("fr.syn.jusqu_a_present", ("présent", "maintenant"), check=_so_far),
    Swap(
        "fr.syn.plupart_du_temps",
        ("la plupart du temps", "le plus souvent"),
        check=_most_of_the_time,
        anywhere=False,
    ),
    Swap("fr.syn.au_dessous", ("au-dessous", "en dessous"), anywhere=False),
    Swap("fr.syn.a_temps", ("à temps", "dans les temps"), check=_on_time, anywhere=False),
    Swap(
        "fr.syn.dernier_moment",
        ("au dernier moment", "à la dernière minute"),
        check=_free_word,
        anywhere=False,
    ),
    # second round: memos, notices, news
    Swap(
        "fr.syn.ensemble",
        ("l'ensemble des", "la totalité des", "tous les"),
        check=_everyone("m"),
    ),
    Swap(
        "fr.syn.ensemble",
        ("l'ensemble des", "la totalité des", "toutes les"),
        check=_everyone("f"),
    ),
    Swap("fr.syn.ensemble_du", ("l'ensemble du", "tout le"), check=_whole_m),
    Swap("fr.syn.ensemble_du", ("l'ensemble de la", "toute la"), check=_whole_f),
    *inflect(
        "fr.syn.date_limite", [("date limite", "date butoir"), ("dates limites", "dates butoirs")]
    ),
    *inflect(
        "fr.syn.donnees_personnelles",
        [
            ("données personnelles", "données à caractère personnel"),
            ("donnée personnelle", "donnée à caractère personnel"),
        ],
    ),
    Swap(
        "fr.syn.ci_joint",
        ("ci-joint", "en pièce jointe", "en annexe"),
        check=_attached,
        anywhere=False,
    ),
    Swap("fr.syn.trouverez", ("vous trouverez", "veuillez trouver"), check=_you_will_find),
    Swap(
        "fr.syn.veuillez_noter",
        ("veuillez noter", "veuillez prendre note", "merci de noter"),
        check=_note_that,
    ),
    Swap("fr.syn.nouvel_ordre", ("jusqu'à nouvel ordre", "jusqu'à nouvel avis")),
    Swap("fr.syn.cas_echeant", ("le cas échéant", "s'il y a lieu"), check=_free_word),
    *inflect(
        "fr.syn.a_venir",
        [
            ("prochaines semaines", "semaines à venir"),
            ("prochains mois", "mois à venir"),
            ("prochains jours", "jours à venir"),
            ("prochaines années", "années à venir"),
        ],
        check=_coming,
    ),
    Swap(
        "fr.syn.effet_immediat",
        ("avec effet immédiat", "à effet immédiat"),
        anywhere=False,
    ),
    Swap("fr.syn.service", ("service", "département"), check=_department),
    *inflect(
        "fr.syn.cyberattaque",
        _noun_rows(
            ("cyberattaque", "attaque informatique"),
            ("cyberattaques", "attaques informatiques"),
            "f",
        ),
        check=_noun,
    ),
    *inflect(
        "fr.syn.hameconnage",
        [
            ("le phishing", "l'hameçonnage"),
            ("du phishing", "de l'hameçonnage"),
            ("au phishing", "à l'hameçonnage"),
            ("de phishing", "d'hameçonnage"),
            ("ce phishing", "cet hameçonnage"),
        ],
        check=_noun,
    ),
    Swap("fr.syn.hameconnage", ("phishing", "hameçonnage"), check=_phishing),
    *inflect(
        "fr.syn.logiciel_malveillant",
        [
            ("logiciel malveillant", "programme malveillant"),
            ("logiciels malveillants", "programmes malveillants"),
        ],
    ),
    Swap("fr.syn.mesures", ("mesures", "dispositions"), check=_steps),
    *inflect(
        "fr.syn.remercier",
        [
            *[
                (f"de {d}", f"pour {d}")
                for d in words(
                    "votre vos ton tes son sa ses notre nos leur leurs cette ce cet ces mon ma mes"
                )
            ],
            ("du", "pour le"),
            ("des", "pour les"),
            ("de la", "pour la"),
            ("de", "pour"),
        ],
        check=_thanks,
    ),
    Swap(
        "fr.syn.pour_information",
        ("pour information", "à titre d'information"),
        check=_for_information,
    ),
    Swap(
        "fr.syn.exceptionnellement",
        ("exceptionnellement", "à titre exceptionnel"),
        check=_exceptionally,
        anywhere=False,
    ),
    Swap("fr.syn.sans_delai", ("sans délai", "sans tarder"), check=_without_delay),
    Swap("fr.syn.cordialement", ("cordialement", "bien cordialement"), check=_sign_off),
    Swap(
        "fr.syn.de_maniere_generale",
        (
            "de manière générale",
            "de façon générale",
            "d'une manière générale",
            "d'une façon générale",
        ),
        check=_free_word,
    ),
    Swap("fr.syn.a_l_attention", ("à l'attention", "à l'intention"), check=_addressed),
    *inflect(
        "fr.syn.lendemain",
        [("le lendemain", "le jour suivant"), ("du lendemain", "du jour suivant")],
        check=_next_day,
    ),
    Swap(
        "fr.syn.sous_delai",
        ("sous", "dans un délai de", "dans les"),
        check=_within,
        anywhere=False,
    ),
    Swap(
        "fr.syn.pour_rappel",
        ("pour rappel", "pour mémoire", "à titre de rappel"),
        check=_for_information,
    ),
    Swap(
        "fr.syn.precaution",
        ("par mesure de précaution", "par précaution", "à titre de précaution"),
        check=_free_word,
    ),
    *inflect(
        "fr.syn.gene",
        [
            ("la gêne occasionnée", "le désagrément occasionné"),
            ("de la gêne occasionnée", "du désagrément occasionné"),
            ("cette gêne", "ce désagrément"),
        ],
        check=_noun,
    ),
]

TABLE = SwapTable(SWAPS)
_FIRST_WORDS = frozenset(TABLE.by_first)
RULES: dict[str, str] = {
    **TABLE.rules(),
    "fr.syn.compte_tenu": "compte tenu de / étant donné (+ déterminant)",
    "fr.syn.merci_de": "Merci de / Veuillez (+ infinitif, en tête de phrase)",
}
FINDERS: tuple[Callable[[SentenceView], Iterator[Hit | None]], ...] = (_given, _please, TABLE.hits)

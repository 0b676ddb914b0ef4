"""French verbs and verb phrases with a same-meaning twin (the broad synonym tier).

Each set lists the same inflection of every lemma on one row; a row is kept only when
each of its forms maps back to the same row (present forms of "-er" verbs are also 1st
person and subjunctive, so rows pairing them with an irregular verb need the subject or
no "que" before). Sets whose forms start with different sounds ("terminer"/"achever")
carry the elided word in the span ("de terminer" / "d'achever", "se termine" /
"s'achève") and give no slot after "le"/"la" (the gender of "l'" is unknown). No slot on
an infinitive right after "pour", "afin de", "il faut", "continuer à/de": those rules
put the infinitive in their own span.

- utiliser/employer: no reflexive ("s'employer à" = strive), no person around ("employer
  40 personnes" = to employ), participles only after "avoir" ("un employé").
- terminer/achever/finir: an object, "de" + infinitive, a reflexive or a participle after
  an auxiliary; never "finir par" (end up), "en finir", nor intransitive ("finira à 22 h").
- commencer/débuter: intransitive only, never before "à"/"de" + infinitive or an object.
- souhaiter/désirer/vouloir + infinitive or "que": "vouloir" only where its form is told
  (with its subject pronoun, or imperfect, future, conditional), never "vouloir dire",
  "bien vouloir", "X veut que" (the law requires).
- nécessiter/requérir; participer à/prendre part à; essayer/tenter/tâcher de + infinitive;
  proposer/suggérer de/que; recommander/conseiller de; s'occuper de/se charger de; se rendre
  compte/s'apercevoir que/de; faire appel à/recourir à/avoir recours à; faire en sorte
  que/de / veiller à (ce que); capable/en mesure de (after "être", number kept).
- permet de / donne la possibilité de / offre la possibilité de ("de" outside the span).
- sembler/paraître and rester/demeurer before an attribute; je pense/je crois/j'estime que
  (with the subject, or after a noun subject); a dit/a déclaré que; démontrer/prouver que;
  constater/observer/remarquer que; craindre/redouter que (or de); reconnaître/admettre que;
  affirmer/soutenir que; souligner que/insister sur le fait que; cesser/arrêter de.
- arriver/parvenir/réussir à + infinitive; obligé/contraint/forcé de (after "être");
  susciter/provoquer before a reaction noun (débats, critiques...); mener/conduire à
  (never after a person: "il conduit à Paris" is driving); choisi/sélectionné (participles).
- mettre fin/un terme à; prendre en compte/en considération; tenir compte de / prendre
  en compte / prendre en considération (article rebuilt); il faut / il est nécessaire de.
- avoir l'intention de / compter + infinitive (a consonant); porter sur / concerner +
  determiner (never after a person or "la porte"); s'élever/se monter/se chiffrer à + an
  amount; augmenter/progresser and diminuer/baisser/reculer + "de" + a percentage.
- Memos, notices and news (second round): nous vous informons/avisons/faisons savoir/
  annonçons que (after the clitic "vous"/"nous", the present told by its subject) and
  informons/avisons/faisons part de + noun phrase; la réunion aura lieu/se tiendra/se
  déroulera (a gathering as subject, no manner after; compound tenses agree: a eu lieu/
  s'est tenue/s'est déroulée); entrer en vigueur/prendre effet; contactez/prenez contact
  avec + determiner or name; nous regrettons/avons le regret/sommes au regret de + inf.;
  nous avons le plaisir/sommes heureux/sommes ravis de + inf.; vous demandons/prions de +
  inf. (never "prie d'agréer"); décider de/prendre la décision de + inf.; prévu/programmé/
  planifié (an event before, a date after); reporter/repousser a gathering; rejoindre/
  intégrer a team; mettre en place/instaurer a rule, a procedure, a body; constituer/
  représenter + un risque, une étape...; il convient de/il y a lieu de; restons/demeurons à
  votre disposition; il est important/il importe de/que; aider/contribuer à + inf.;
  assurer/garantir la sécurité, la continuité, la confidentialité...; procéder à/effectuer
  an operation (la vérification, au contrôle / le contrôle, aux tests / les tests);
  nommé/désigné + a listed role, "au poste de", "à la tête de" or (after "avoir") a name;
  informé(s)/avisé(s) de/que after "être"; adresser/envoyer a letter or an application (or
  a participle before its recipient); porter plainte/déposer plainte; rien n'indique/rien
  ne laisse penser/rien ne laisse supposer que (also "tout indique"); nous nous excusons/
  nous vous présentons nos excuses pour; "Veuillez agréer" / "Je (Nous) vous prie(ons)
  d'agréer" (the person told by "mes"/"nos" later); "de rester" now also takes
  rester/demeurer before an attribute; s'est dit/s'est déclaré + an adjective ("se dit
  préoccupé"); adopter/approuver a budget, minutes, a motion, the accounts.

Left out:
- changer/modifier: "changer de", "changer une ampoule" (replace).
- proposer/offrir/fournir + object: suggest vs give vs supply.
- aider/assister ("assister à" = attend), aider/contribuer ("aider qqn").
- permettre/autoriser: enable vs authorise.
- obtenir/recevoir, trouver/découvrir ("je trouve que" = I think), montrer/démontrer.
- vérifier/contrôler ("contrôler" = to control), réparer/corriger, améliorer/perfectionner.
- se produire/survenir ("le groupe se produit" = performs), avoir lieu/se tenir.
- réaliser/effectuer ("réaliser que", "réaliser un rêve"), indiquer/signaler que.
- posséder/disposer de (own vs have at hand), garder/conserver ("garder les enfants").
- augmenter/accroître, réduire/diminuer ("diminuer" intransitive, "augmenter un salarié").
- démarrer ("démarrer le serveur"), commencer à/se mettre à (inanimate subjects).
- se servir de: the reflexive pronoun follows the subject and negation splits it.
- "finit"/"finis" (present, passé simple or participle), "tentant" ("il est tentant de"),
  "débutant" (a beginner), "requérant" (an applicant).
- dire/déclarer in an incise ("a déclaré la conseillère": no "que" to tell it).
- assurer/garantir ("assurer un cours", "assurer que" = assert or ensure).
- se rendre/aller ("ce costume lui va"), se situer/se trouver ("il se trouve que").
- "il convient de"/"il faut" (should vs must), "il est possible de"/"on peut".
- atteindre/s'élever à ("il a atteint 30 ans" is an age), causer/provoquer ("causer" = chat).
- compound tenses whose auxiliary or agreement differs: "est parvenu"/"a réussi", "s'est
  rendu compte" (invariable) / "s'est aperçue", "a été pris en compte" / "tenu compte".
- informer/signaler que ("je vous signale que" points out what may be known), informer/
  prévenir ("prévenir" is also to prevent), "nous vous avons informés" (the participle agrees
  with "vous", "fait savoir" does not), "il les informe" / "il leur annonce" (3rd-person
  clitics differ), "annoncer" without a clitic ("a annoncé la fermeture" takes no "fait
  savoir la fermeture").
- demander/prier in the passive ("sont priés de" has no "sont demandés de") or after "que"
  ("demander que"); demander/inviter à ("invité à" is a suggestion, not a request).
- "être tenu de"/"devoir" ("il doit être malade" is a guess; the participle needs the
  subject's gender, unknown after "vous"); "tenir informé"/"tenir au courant" (agreement).
- "se dérouler" before a manner ("s'est bien déroulée" = went well), "avoir lieu" with any
  subject ("l'accident a eu lieu" has no "s'est tenu"); "congrès" in compound tenses (its
  number is not told).
- "prévu" without an event and a date ("la pluie prévue demain" is forecast, "la salle est
  prévue pour 20" is designed for), "comme prévu" / "comme programmé"; prévoir/projeter de.
- "mis en place" after "être" or as an adjective (masculine singular or plural: the number
  of "instauré(s)" is not told), "mettre en place les chaises" (physical); "la mise en
  place" (a noun) / "l'instauration" (another gender).
- rejoindre/intégrer before people ("rejoindre ses amis" is meeting them); reporter/repousser
  outside gatherings ("reporter les chiffres", "repousser une offre").
- constituer/représenter before a definite object ("il représente la France") or after
  "être" ("constitué de" = made of); représenter/incarner (nuance).
- assurer/garantir "le suivi", "un cours", "sa voiture", "que", and "s'assurer"; masculine
  participles ("le suivi est assuré" is done, not guaranteed).
- aider/contribuer before an object ("aider un collègue"); "il convient à" (suits);
  "il importe des produits" (imports).
- "décidé" after "être" ("décidé à partir" = determined), "décider que" / "prendre la
  décision que" (not idiomatic), "se décider à".
- procéder à/effectuer outside operations ("effectuer un stage", "son service militaire"),
  "procéder de" (stems from), "a été effectué" (no personal passive of "procéder à"), and
  "qu'effectue" (a relative: "que procède à" would not parse).
- nommé/désigné before "responsable" or any adjective ("désigné responsable de l'accident"
  is blamed), "nommé d'après" (named after), "un homme nommé Paul" (called).
- informé/avisé as adjectives ("bien informé", "un conseil avisé") or before "de" +
  infinitive ("il est avisé de partir" = wise to); adresser/envoyer reflexive ("s'adresser
  à" = speak to) or before other objects ("adresser un problème", "la parole"); "une plainte
  a été déposée" / "portée" (passive, less usual); "tout indique la sortie" (a sign);
  "nous nous excusons de" + infinitive; "Veuillez agréer" without a possessive telling the
  person; "nous présentons nos excuses" / "veuillez nous excuser" (a request, not a
  statement).
- "se dit" before an adverb ("cela se dit souvent" is said) or "que" (rumoured: also kept
  out of `fr.syn.dire`); adopter/approuver a person or a child ("approuver quelqu'un" agrees
  with them).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator, Sequence
from dataclasses import replace

from townsquare.canary.lexical.base import (
    FR_ELIDABLE,
    FR_ELISIONS,
    Hit,
    SentenceView,
    elide,
    make_hit,
    norm_word,
    split_elision,
    starts_with_vowel,
    words,
)
from townsquare.canary.lexical.fr_connectives import MONTHS
from townsquare.canary.lexical.fr_grammar import _determiner, _render, infinitive_word
from townsquare.canary.lexical.swaps import Check, Swap, SwapTable

# --- conjugation ------------------------------------------------------------------

# Slots of a first-group verb; "p3s" is also 1s, imperative and subjunctive (as for
# every "-er" verb), "i1p"/"i2p" are also subjunctive.
_SLOTS = words(
    "inf p3s p2s p1p p2p p3p i12s i3s i1p i2p i3p f1s f2s f3s f1p f2p f3p "
    "c12s c3s c1p c2p c3p ps3s ps3p pp ppf pps ppfs ger"
)


def _er(
    stem: str, mute: str | None = None, soft: str | None = None, fut: str | None = None
) -> dict[str, str]:
    """A first-group verb: `mute` is the stem before a silent "e" ("emploi-", "achèv-"),
    `soft` the stem before "a"/"o" ("commenç-"), `fut` the stem of the future when it
    differs from `mute` ("suggér-" in "suggérera")."""
    m = mute or stem
    s = soft or stem
    f = fut or m
    return {
        "inf": stem + "er",
        "p3s": m + "e",
        "p2s": m + "es",
        "p1p": s + "ons",
        "p2p": stem + "ez",
        "p3p": m + "ent",
        "i12s": s + "ais",
        "i3s": s + "ait",
        "i1p": stem + "ions",
        "i2p": stem + "iez",
        "i3p": s + "aient",
        "f1s": f + "erai",
        "f2s": f + "eras",
        "f3s": f + "era",
        "f1p": f + "erons",
        "f2p": f + "erez",
        "f3p": f + "eront",
        "c12s": f + "erais",
        "c3s": f + "erait",
        "c1p": f + "erions",
        "c2p": f + "eriez",
        "c3p": f + "eraient",
        "ps3s": s + "a",
        "ps3p": stem + "èrent",
        "pp": stem + "é",
        "ppf": stem + "ée",
        "pps": stem + "és",
        "ppfs": stem + "ées",
        "ger": s + "ant",
    }


def _rows(
    lemmas: list[dict[str, str]], slots: list[str] | tuple[str, ...] = _SLOTS
) -> list[tuple[str, ...]]:
    """One row per slot that every lemma has, forms in lemma order."""
    return [tuple(lem[s] for lem in lemmas) for s in slots if all(s in lem for lem in lemmas)]


_PARTICIPLES = frozenset(["pp", "ppf", "pps", "ppfs"])

# --- context ----------------------------------------------------------------------

_AVOIR = frozenset(
    words(
        "a ai as avons avez ont avait avais avions aviez avaient aura aurai auras aurons "
        "aurez auront aurait aurais aurions auriez auraient eu avoir ayant ait aie aient "
        "ayons ayez eut eût"
    )
)
_ETRE = frozenset(
    words(
        "est es suis sommes êtes sont était étais étions étiez étaient sera serai seras "
        "serons serez seront serait serais serions seriez seraient été être étant soit "
        "sois soient soyons soyez fut furent fût"
    )
)
_ADVERBS = frozenset(
    words(
        "pas plus jamais déjà toujours bien mal encore également aussi beaucoup souvent "
        "presque entièrement complètement enfin finalement rarement récemment largement "
        "peu guère point tout alors ensuite donc vraiment"
    )
)
DETERMINERS = frozenset(
    words(
        "le la les un une des du de ce cet cette ces mon ma mes ton ta tes son sa ses notre "
        "nos votre vos leur leurs plusieurs certains certaines chaque tous toutes tout toute "
        "quelques aucun aucune"
    )
)
_CLITICS = frozenset(words("le la les lui leur y en se me te nous vous ne"))
_SUBJECTS = frozenset(words("je tu il elle on nous vous ils elles"))
_PREFIX_WORDS = frozenset(words("de ne se je me te que"))
_CONTINUE = frozenset(
    words(
        "continuer continue continues continuent continué continuait continuaient "
        "continuera continueront continuerait continua continuons continuez"
    )
)
# Words before which another rule reads the first sound of the infinitive.
# ("il faut achever" and "il est nécessaire d'achever" are `fr.syn.falloir` spans.)
_PURPOSE = (
    frozenset(words("pour afin but à nécessaire faut faudra fallait faudrait fallut")) | _CONTINUE
)


def _span_context(view: SentenceView, i: int, j: int) -> tuple[str, str, str]:
    """(elided or leading clitic inside the span, word before it, the word before that)."""
    prefix, _ = split_elision(view.toks[i].core)
    if prefix:
        p = norm_word(prefix)
        return FR_ELISIONS.get(p, p), view.n(i - 1), view.n(i - 2)
    if i < j and view.n(i) in _PREFIX_WORDS:
        return view.n(i), view.n(i - 1), view.n(i - 2)
    return "", view.n(i - 1), view.n(i - 2)


def _before_verb(view: SentenceView, i: int, j: int) -> tuple[str, str]:
    """The word right before the verb and the one before it (clitics inside the span
    count)."""
    clitic, prev, prev2 = _span_context(view, i, j)
    return (clitic, prev) if clitic else (prev, prev2)


def _aux(view: SentenceView, i: int, j: int) -> str:
    """ "avoir"/"être" when the span is a participle after an auxiliary (adverbs between
    allowed: "n'a pas encore terminé"), else ""."""
    k = i - 1
    for _ in range(4):
        if not view.ok(k) or view.toks[k].trail:
            return ""
        w = view.n(k)
        if w not in _ADVERBS:
            break
        k -= 1
    else:
        return ""
    w = view.n(k)
    prefix, rest = split_elision(w)
    if prefix and norm_word(prefix) in ("n'", "l'", "m'", "t'", "s'", "qu'", "j'"):
        w = rest
    if w in _AVOIR:
        return "avoir"
    if w in _ETRE:
        return "etre"
    return ""


def _word_at(view: SentenceView, k: int) -> str:
    return view.n(k) if view.ok(k) and not view.toks[k].lead else ""


def _infinitive_at(view: SentenceView, k: int) -> bool:
    """An infinitive (with its clitic or "ne pas") starts at token k."""
    if not view.ok(k) or view.toks[k].lead:
        return False
    core = view.toks[k].core
    prefix, rest = split_elision(core)
    if prefix:
        return norm_word(prefix) in ("l'", "s'", "m'", "t'", "n'") and infinitive_word(rest)
    w = view.n(k)
    if w in _CLITICS and not view.toks[k].trail:
        if w == "ne" and view.n(k + 1) in ("pas", "plus", "jamais"):
            return _infinitive_at(view, k + 2)
        return _infinitive_at(view, k + 1) and view.n(k + 1) not in _CLITICS | {"ne"}
    return infinitive_word(core)


def _de_infinitive_at(view: SentenceView, k: int) -> bool:
    """ "de" + infinitive ("de rédiger", "d'installer", "d'y aller") starts at token k."""
    if not view.ok(k) or view.toks[k].lead:
        return False
    w = view.n(k)
    if w == "de" and not view.toks[k].trail:
        return _infinitive_at(view, k + 1)
    prefix, rest = split_elision(view.toks[k].core)
    if norm_word(prefix) != "d'":
        return False
    if rest.casefold() in ("en", "y"):
        return not view.toks[k].trail and _infinitive_at(view, k + 1)
    return infinitive_word(rest)


def _skip_negation(view: SentenceView, k: int) -> int:
    while view.n(k) in ("pas", "plus", "jamais", "point") and not view.toks[k].trail:
        k += 1
    return k


def _que_before(view: SentenceView, i: int) -> bool:
    """A "que" earlier in the sentence may call for the subjunctive."""
    for k in range(view.first, i):
        w = view.n(k)
        if w == "que" or w.startswith("qu'") or w.endswith("que"):
            return True
    return False


def _mixed(base: Check) -> tuple[Check, Check]:
    """Checks for a set whose forms start with different sounds: the plain rows refuse an
    elision before them (the prefixed rows carry it), and both refuse the places where
    another rule reads the verb's first sound."""

    def plain(view: SentenceView, i: int, j: int) -> bool:
        if split_elision(view.toks[i].core)[0]:
            return False
        prev = view.n(i - 1)
        if prev in FR_ELIDABLE or prev in _PURPOSE or prev in ("du", "au", "aux", "sa", "ma"):
            return False
        return base(view, i, j)

    def prefixed(view: SentenceView, i: int, j: int) -> bool:
        if view.n(i - 1) in _PURPOSE:
            return False
        return base(view, i, j)

    return plain, prefixed


def _mixed_swaps(rule: str, rows: Sequence[tuple[str, ...]], base: Check) -> list[Swap]:
    plain, prefixed = _mixed(base)
    out = [Swap(rule, row, check=plain) for row in rows]
    for p in sorted(_PREFIX_WORDS):
        out += [Swap(rule, tuple(elide(p, f) for f in row), check=prefixed) for row in rows]
    return out


# --- utiliser / employer ------------------------------------------------------------------

_PEOPLE = frozenset(
    words(
        "personne personnes gens salarié salariés salariée salariées employé employés "
        "employée employées collaborateur collaborateurs collaboratrice collaboratrices "
        "ingénieur ingénieurs développeur développeurs développeuse développeuses ouvrier "
        "ouvriers ouvrière ouvrières travailleur travailleurs travailleuse travailleuses "
        "agent agents stagiaire stagiaires consultant consultants consultante consultantes "
        "technicien techniciens technicienne techniciennes enseignant enseignants "
        "professeur professeurs médecin médecins infirmier infirmiers infirmière "
        "infirmières expert experts experte expertes traducteur traducteurs traductrice "
        "traductrices bénévole bénévoles chercheur chercheurs chercheuse chercheuses "
        "spécialiste spécialistes homme hommes femme femmes enfant enfants jeune jeunes "
        "étudiant étudiants étudiante étudiantes quelqu'un cadre cadres vendeur vendeurs "
        "juriste juristes avocat avocats comptable comptables secrétaire secrétaires "
        "chauffeur chauffeurs intérimaire intérimaires apprenti apprentis membre membres"
    )
)


def _utiliser(view: SentenceView, i: int, j: int) -> bool:
    """Using a thing: no reflexive, no person as object, participles after "avoir"."""
    before, _ = _before_verb(view, i, j)
    if before in ("se", "me", "te", "m'", "t'", "s'"):
        return False
    w = view.n(j)
    if before == "nous" and not w.endswith("ons"):
        return False
    if before == "vous" and not w.endswith("ez"):
        return False
    if w.endswith(("é", "ée", "és", "ées")) and _aux(view, i, j) != "avoir":
        return False
    for k in range(j + 1, j + 5):
        if view.n(k) in _PEOPLE or view.n(k).split("'")[-1] in _PEOPLE:
            return False
        if view.ok(k) and view.toks[k].trail:
            break
    return True


_UTILISER = _rows([_er("utilis"), _er("employ", mute="emploi")])

# --- terminer / achever / finir -----------------------------------------------------------

_FINIR = {
    "inf": "finir",
    "p1p": "finissons",
    "p2p": "finissez",
    "p3p": "finissent",
    "i12s": "finissais",
    "i3s": "finissait",
    "i1p": "finissions",
    "i2p": "finissiez",
    "i3p": "finissaient",
    "f1s": "finirai",
    "f2s": "finiras",
    "f3s": "finira",
    "f1p": "finirons",
    "f2p": "finirez",
    "f3p": "finiront",
    "c12s": "finirais",
    "c3s": "finirait",
    "c1p": "finirions",
    "c2p": "finiriez",
    "c3p": "finiraient",
    "ps3p": "finirent",
    "pp": "fini",
    "ppf": "finie",
    "ppfs": "finies",
    "ger": "finissant",
}
_TERMINER = [_er("termin"), _er("achev", mute="achèv")]


def _build_terminer() -> list[tuple[str, ...]]:
    rows: list[tuple[str, ...]] = []
    for s in _SLOTS:
        forms = [lem[s] for lem in _TERMINER]
        if s in _FINIR:
            forms.append(_FINIR[s])
        rows.append(tuple(forms))
    return rows


_TERMINER_ROWS = _build_terminer()
_TERMINER_PARTICIPLES = frozenset(
    f for row, s in zip(_TERMINER_ROWS, _SLOTS, strict=True) if s in _PARTICIPLES for f in row
)


def _terminer(view: SentenceView, i: int, j: int) -> bool:
    """Finishing something: an object, "de" + infinitive, a reflexive, or a participle
    after "être"/"avoir"; never "finir par" nor "en finir"."""
    before, _ = _before_verb(view, i, j)
    if before in ("en", "le", "la", "l'") or before in DETERMINERS - {"de", "les"}:
        return False
    if view.n(j + 1) == "par":
        return False
    if view.n(j) in _TERMINER_PARTICIPLES:
        return bool(_aux(view, i, j))
    if before == "se":
        return True
    if view.toks[j].trail:
        return False
    k = _skip_negation(view, j + 1)
    nxt = _word_at(view, k)
    return (nxt in DETERMINERS - {"de"} or nxt.startswith("l'")) or _de_infinitive_at(view, k)


# --- commencer / débuter ----------------------------------------------------------------


def _commencer(view: SentenceView, i: int, j: int) -> bool:
    """Starting, intransitive or "par": never "à"/"de" + infinitive nor an object."""
    before, _ = _before_verb(view, i, j)
    if before in ("se", "s'", "le", "la", "les", "l'") or before in DETERMINERS - {"de"}:
        return False
    if view.toks[j].trail:
        return True
    k = j + 1
    nxt = _word_at(view, k)
    if nxt in ("à", "a", "de") and _infinitive_at(view, k + 1):
        return False
    if _de_infinitive_at(view, k) or nxt.startswith(("l'", "d'")):
        return False
    if nxt == "le" and view.n(k + 1)[:1].isdigit():
        return True  # "commence le 3 mai"
    return nxt not in DETERMINERS - {"de"}


_COMMENCER = _rows([_er("commenc", soft="commenç"), _er("début")], _SLOTS[:-1])  # no "débutant"

# --- souhaiter / désirer / vouloir ------------------------------------------------------

_VOULOIR = {
    "inf": "vouloir",
    "i12s": "voulais",
    "i3s": "voulait",
    "i1p": "voulions",
    "i2p": "vouliez",
    "i3p": "voulaient",
    "f1s": "voudrai",
    "f2s": "voudras",
    "f3s": "voudra",
    "f1p": "voudrons",
    "f2p": "voudrez",
    "f3p": "voudront",
    "c12s": "voudrais",
    "c3s": "voudrait",
    "c1p": "voudrions",
    "c2p": "voudriez",
    "c3p": "voudraient",
    "ps3s": "voulut",
    "ps3p": "voulurent",
    "pp": "voulu",
    "ger": "voulant",
}
_WISH = [_er("souhait"), _er("désir")]
_WISH_SLOTS = [s for s in _SLOTS if s not in ("ppf", "pps", "ppfs")]
# Present tense with its subject pronoun: "vouloir" tells person and mood there.
_WISH_PRESENT = (
    ("je", "p3s", "veux"),
    ("il", "p3s", "veut"),
    ("elle", "p3s", "veut"),
    ("on", "p3s", "veut"),
    ("nous", "p1p", "voulons"),
    ("vous", "p2p", "voulez"),
    ("ils", "p3p", "veulent"),
    ("elles", "p3p", "veulent"),
)


def _wish_object(view: SentenceView, j: int, *, que: bool) -> bool:
    if view.toks[j].trail:
        return False
    k = _skip_negation(view, j + 1)
    w = view.n(k)
    if w == "que" or w.startswith("qu'"):
        return que
    if w == "dire" or (w in _CLITICS and view.n(k + 1) == "dire"):
        return False  # "vouloir dire" = to mean
    return _infinitive_at(view, k)


def _after_que(view: SentenceView, k: int) -> bool:
    w = view.n(k - 1)
    return w == "que" or w.endswith("que")


def _wish_plain(view: SentenceView, i: int, j: int) -> bool:
    """souhaiter/désirer (no "vouloir"): not where a subject row takes the slot."""
    if (view.n(i - 1), view.n(j)) in _WISH_SUBJECT_PAIRS and not _after_que(view, i - 1):
        return False
    return _wish_object(view, j, que=True)


def _is_participle_wish(w: str) -> bool:
    return w in ("souhaité", "désiré", "voulu")


def _wish_subject(view: SentenceView, i: int, j: int) -> bool:
    """ "je souhaite partir" / "je désire partir" / "je veux partir": never after "que"
    (the subjunctive: "que je veuille")."""
    if _after_que(view, i):
        return False
    return _wish_object(view, j, que=True)


def _wish_vouloir(view: SentenceView, i: int, j: int) -> bool:
    """Rows with "vouloir" and no subject: an infinitive only ("la loi veut que" is "the
    law requires"), participles after "avoir"."""
    if _is_participle_wish(view.n(j)) and _aux(view, i, j) != "avoir":
        return False
    if view.n(i - 1) == "bien" or view.n(j + 1) == "bien":
        return False  # "bien vouloir" / "vouloir bien" = kindly, be willing
    return _wish_object(view, j, que=False)


_WISH_SUBJECT_PAIRS = {(subj, lem[slot]) for subj, slot, _ in _WISH_PRESENT for lem in _WISH} | {
    (subj, v) for subj, _, v in _WISH_PRESENT
}

# --- nécessiter / requérir ---------------------------------------------------------------

_NECESSITER = (
    ("nécessiter", "requérir"),
    ("nécessite", "requiert"),
    ("nécessitent", "requièrent"),
    ("nécessitait", "requérait"),
    ("nécessitaient", "requéraient"),
    ("nécessitera", "requerra"),
    ("nécessiteront", "requerront"),
    ("nécessiterait", "requerrait"),
    ("nécessiteraient", "requerraient"),
    ("nécessita", "requit"),
    ("nécessitèrent", "requirent"),
    ("nécessité", "requis"),
)


def _necessiter(view: SentenceView, i: int, j: int) -> bool:
    w = view.n(j)
    before, _ = _before_verb(view, i, j)
    if w in ("nécessité", "requis"):
        return _aux(view, i, j) == "avoir"
    if w in ("nécessite", "requiert"):
        return before not in ("je", "j'", "tu") and not _que_before(view, i)
    return True


# --- participer à / prendre part à --------------------------------------------------------

_PARTICIPER = (
    ("participer", "prendre part"),
    ("participe", "prend part"),
    ("participent", "prennent part"),
    ("participons", "prenons part"),
    ("participez", "prenez part"),
    ("participait", "prenait part"),
    ("participaient", "prenaient part"),
    ("participais", "prenais part"),
    ("participions", "prenions part"),
    ("participiez", "preniez part"),
    ("participera", "prendra part"),
    ("participeront", "prendront part"),
    ("participerai", "prendrai part"),
    ("participerons", "prendrons part"),
    ("participerez", "prendrez part"),
    ("participerait", "prendrait part"),
    ("participeraient", "prendraient part"),
    ("participerais", "prendrais part"),
    ("participa", "prit part"),
    ("participèrent", "prirent part"),
    ("participé", "pris part"),
)


def _participer(view: SentenceView, i: int, j: int) -> bool:
    """ "participer à" / "prendre part à" (never "participer de"); the person and mood of
    "participe" are told by the subject."""
    w = view.n(i)
    before, _ = _before_verb(view, i, j)
    if w in ("participé", "pris"):
        if _aux(view, i, j) != "avoir":
            return False
    elif w in ("participe", "prend") and (before in ("je", "j'", "tu") or _que_before(view, i)):
        return False
    if before == "y":
        return True
    nxt = _word_at(view, j + 1)
    if nxt == "à" and _infinitive_at(view, j + 2):
        return False  # "ont participé à créer" has no "ont pris part à créer"
    return not view.toks[j].trail and nxt in ("à", "au", "aux")


# --- essayer de / tenter de ------------------------------------------------------------------

_ESSAYER = [
    ("essayer", "tenter", "tâcher"),
    ("essaie", "essaye", "tente", "tâche"),
    ("essaies", "essayes", "tentes", "tâches"),
    ("essaient", "essayent", "tentent", "tâchent"),
    ("essayons", "tentons", "tâchons"),
    ("essayez", "tentez", "tâchez"),
    ("essayais", "tentais", "tâchais"),
    ("essayait", "tentait", "tâchait"),
    ("essayions", "tentions", "tâchions"),
    ("essayiez", "tentiez", "tâchiez"),
    ("essayaient", "tentaient", "tâchaient"),
    ("essaierai", "essayerai", "tenterai", "tâcherai"),
    ("essaiera", "essayera", "tentera", "tâchera"),
    ("essaierons", "essayerons", "tenterons", "tâcherons"),
    ("essaierez", "essayerez", "tenterez", "tâcherez"),
    ("essaieront", "essayeront", "tenteront", "tâcheront"),
    ("essaierais", "essayerais", "tenterais", "tâcherais"),
    ("essaierait", "essayerait", "tenterait", "tâcherait"),
    ("essaierions", "essayerions", "tenterions", "tâcherions"),
    ("essaieriez", "essayeriez", "tenteriez", "tâcheriez"),
    ("essaieraient", "essayeraient", "tenteraient", "tâcheraient"),
    ("essaya", "tenta", "tâcha"),
    ("essayèrent", "tentèrent", "tâchèrent"),
    ("essayé", "tenté", "tâché"),
]


def _essayer(view: SentenceView, i: int, j: int) -> bool:
    """Trying to: "de" + infinitive follows; never a noun ("la tente de"), never "tenté"
    after "être" (tempted)."""
    before, _ = _before_verb(view, i, j)
    if before in DETERMINERS - {"de"} or before in ("se", "s'"):
        return False
    if view.n(j) in ("essayé", "tenté", "tâché") and _aux(view, i, j) != "avoir":
        return False
    if view.toks[j].trail:
        return False
    return _de_infinitive_at(view, _skip_negation(view, j + 1))


# --- proposer / suggérer, recommander / conseiller + "de" infinitive -------------------------

_PROPOSER = _rows([_er("propos"), _er("suggér", mute="suggèr", fut="suggér")]) + _rows(
    [_er("propos"), _er("suggér", mute="suggèr")],
    words("f1s f2s f3s f1p f2p f3p c12s c3s c1p c2p c3p"),
)
_RECOMMANDER = _rows([_er("recommand"), _er("conseill")], [s for s in _SLOTS if s != "ger"])


def _advise(*, que: bool) -> Check:
    def check(view: SentenceView, i: int, j: int) -> bool:
        """Advising to do: "de" + infinitive (or "que") follows; never reflexive ("se
        proposer de" = to intend), never a noun ("le conseiller de")."""
        before, _ = _before_verb(view, i, j)
        if before in ("se", "me", "te") or before in DETERMINERS - {"de"}:
            return False
        if view.toks[j].trail:
            return False
        k = j + 1
        w = view.n(k)
        if w == "que" or w.startswith("qu'"):
            return que
        return _de_infinitive_at(view, k)

    return check


# --- s'occuper de / se charger de ---------------------------------------------------------

_OCCUPER = _rows([_er("occup"), _er("charg", soft="charge")], [s for s in _SLOTS if s != "ger"])
_REFLEXIVE = frozenset(words("se me te nous vous"))


def _occuper(view: SentenceView, i: int, j: int) -> bool:
    """Taking care of something: reflexive, "de" follows ("il s'occupe" alone is "keeps
    busy", "charger" alone is "to load")."""
    before, _ = _before_verb(view, i, j)
    if before not in _REFLEXIVE or view.toks[j].trail:
        return False
    w = view.n(j + 1)
    return w in ("de", "du", "des") or (w.startswith("d'") and len(w) > 2)


# --- se rendre compte / s'apercevoir ------------------------------------------------------

_REALISE = (
    ("se rendre compte", "s'apercevoir"),
    ("me rendre compte", "m'apercevoir"),
    ("se rend compte", "s'aperçoit"),
    ("se rendent compte", "s'aperçoivent"),
    ("me rends compte", "m'aperçois"),
    ("te rends compte", "t'aperçois"),
    ("se rendait compte", "s'apercevait"),
    ("se rendaient compte", "s'apercevaient"),
    ("me rendais compte", "m'apercevais"),
    ("se rendra compte", "s'apercevra"),
    ("se rendront compte", "s'apercevront"),
    ("me rendrai compte", "m'apercevrai"),
    ("se rendrait compte", "s'apercevrait"),
    ("se rendraient compte", "s'apercevraient"),
    ("me rendrais compte", "m'apercevrais"),
    ("se rendit compte", "s'aperçut"),
    ("se rendirent compte", "s'aperçurent"),
    ("nous rendons compte", "nous apercevons"),
    ("vous rendez compte", "vous apercevez"),
    ("nous rendions compte", "nous apercevions"),
    ("vous rendiez compte", "vous aperceviez"),
    ("nous rendrons compte", "nous apercevrons"),
    ("vous rendrez compte", "vous apercevrez"),
)


def _realise(view: SentenceView, i: int, j: int) -> bool:
    """ "se rendre compte que/de" / "s'apercevoir que/de"; with "nous"/"vous" only after the
    same subject ("vous rendez compte de vos activités" is "you report on")."""
    first = view.n(i)
    if first in ("nous", "vous") and view.n(i - 1) != first:
        return False
    if view.toks[j].trail:
        return False
    w = view.n(j + 1)
    return w in ("que", "de", "du", "des") or w.startswith(("qu'", "d'"))


# --- faire appel à / recourir à / avoir recours à ----------------------------------------

_APPEAL = [
    ("faire appel", "recourir", "avoir recours"),
    ("fait appel", "recourt", "a recours"),
    ("font appel", "recourent", "ont recours"),
    ("faisons appel", "recourons", "avons recours"),
    ("faites appel", "recourez", "avez recours"),
    ("faisait appel", "recourait", "avait recours"),
    ("faisaient appel", "recouraient", "avaient recours"),
    ("fera appel", "recourra", "aura recours"),
    ("feront appel", "recourront", "auront recours"),
    ("ferons appel", "recourrons", "aurons recours"),
    ("ferait appel", "recourrait", "aurait recours"),
    ("feraient appel", "recourraient", "auraient recours"),
    ("fit appel", "recourut", "eut recours"),
]
_APPEAL_PP = ("fait appel", "recouru", "eu recours")


def _appeal(view: SentenceView, i: int, j: int) -> bool:
    """ "faire appel à" (never "faire appel de", to appeal a ruling); "fait appel" after
    "avoir" is the participle row, and "recourent" may be a subjunctive."""
    separate = i < j and view.n(i) in _PREFIX_WORDS
    verb = view.n(i + 1) if separate else split_elision(view.n(i))[1]
    if verb == "fait" and _aux(view, i, j):
        return False
    if verb in ("font", "recourent", "ont") and _que_before(view, i):
        return False
    return not view.toks[j].trail and view.n(j + 1) in ("à", "au", "aux")


def _appeal_pp(view: SentenceView, i: int, j: int) -> bool:
    if _aux(view, i, j) != "avoir" or view.toks[j].trail:
        return False
    return view.n(j + 1) in ("à", "au", "aux")


# --- faire en sorte que / veiller à ce que ------------------------------------------------

_SEE_TO = (
    ("faire", "veiller", ""),
    ("fait", "veille", "p3s"),
    ("font", "veillent", "subj"),
    ("faisons", "veillons", ""),
    ("faites", "veillez", ""),
    ("faisait", "veillait", ""),
    ("faisaient", "veillaient", ""),
    ("fera", "veillera", ""),
    ("feront", "veilleront", ""),
    ("ferai", "veillerai", ""),
    ("ferons", "veillerons", ""),
    ("ferez", "veillerez", ""),
    ("ferait", "veillerait", ""),
    ("feraient", "veilleraient", ""),
    ("ferions", "veillerions", ""),
    ("fait", "veillé", "pp"),
)


def _see_to(kind: str, *, que: bool) -> Check:
    def check(view: SentenceView, i: int, j: int) -> bool:
        """ "faire en sorte que" / "veiller à ce que"; "faire en sorte de" + infinitive /
        "veiller à" + infinitive (a consonant: "d'assurer" would need the infinitive in
        the span)."""
        before, _ = _before_verb(view, i, j)
        if before in DETERMINERS - {"de"}:
            return False
        aux = _aux(view, i, j)
        if (aux != "avoir") if kind == "pp" else bool(aux):
            return False
        if kind in ("p3s", "subj") and _que_before(view, i):
            return False
        if view.toks[j].trail:
            return False
        k = j + 1
        w = view.n(k)
        if que:
            return w == "que" or w.startswith("qu'")
        if not _infinitive_at(view, k):
            return False
        core = view.toks[k].core
        return not starts_with_vowel(core) and core[:1].casefold() != "h"

    return check


def _see_to_swaps() -> list[Swap]:
    out: list[Swap] = []
    for f, v, kind in _SEE_TO:
        out.append(
            Swap("fr.syn.veiller", (f"{f} en sorte", f"{v} à ce"), check=_see_to(kind, que=True))
        )
        out.append(
            Swap("fr.syn.veiller", (f"{f} en sorte de", f"{v} à"), check=_see_to(kind, que=False))
        )
    return out


# --- être capable de / être en mesure de ---------------------------------------------------

_ETRE_SG = frozenset(words("est était sera serait fut soit"))
_ETRE_PL = frozenset(words("sont étaient seront seraient furent soient"))


def _able(plural: bool) -> Check:
    def check(view: SentenceView, i: int, j: int) -> bool:
        """ "est capable de" / "est en mesure de" + infinitive ("capable de tout" is no
        ability to act); the number of "capable(s)" is told by the verb."""
        k = i - 1
        while view.n(k) in ("pas", "plus", "jamais", "toujours", "déjà", "encore", "tout"):
            k -= 1
        verb = split_elision(view.n(k))[1]
        if verb not in (_ETRE_PL if plural else _ETRE_SG) or view.toks[i - 1].trail:
            return False
        return not view.toks[j].trail and _de_infinitive_at(view, j + 1)

    return check


# --- tenir compte de / prendre en compte / prendre en considération ------------------------

_HOLD_TAKE = (
    ("tenir", "prendre"),
    ("tient", "prend"),
    ("tiennent", "prennent"),
    ("tiens", "prends"),
    ("tenons", "prenons"),
    ("tenez", "prenez"),
    ("tenait", "prenait"),
    ("tenais", "prenais"),
    ("tenaient", "prenaient"),
    ("tenions", "prenions"),
    ("teniez", "preniez"),
    ("tiendra", "prendra"),
    ("tiendrai", "prendrai"),
    ("tiendras", "prendras"),
    ("tiendront", "prendront"),
    ("tiendrons", "prendrons"),
    ("tiendrez", "prendrez"),
    ("tiendrait", "prendrait"),
    ("tiendrais", "prendrais"),
    ("tiendraient", "prendraient"),
    ("tiendrions", "prendrions"),
    ("tiendriez", "prendriez"),
    ("tienne", "prenne"),
    ("tiennent", "prennent"),
    ("tint", "prit"),
    ("tinrent", "prirent"),
    ("tenant", "prenant"),
    ("tenu", "pris"),
)
_TO_TAKE = {t: p for t, p in _HOLD_TAKE}
_TO_HOLD = {p: t for t, p in _HOLD_TAKE}


def _account(view: SentenceView) -> Iterator[Hit | None]:
    """ "tient compte du contexte" / "prend en compte le contexte" / "prend en considération
    le contexte": the determiner is rebuilt after "de"; participles only after "avoir"
    ("le contexte est pris en compte" has no "tenu compte")."""
    for i in range(view.first, len(view.toks) - 2):
        w = view.n(i)
        if not view.bare(i) or (w not in _TO_TAKE and w not in _TO_HOLD):
            continue
        if w in ("tenu", "pris") and _aux(view, i, i) != "avoir":
            continue
        if w in _TO_TAKE and view.n(i + 1) == "compte" and view.bare(i + 1):
            if not view.spaced(i, i + 2):
                continue
            found = _determiner(view, i + 2, after_de=True)
            take, hold = _TO_TAKE[w], w
        elif (
            w in _TO_HOLD
            and view.n(i + 1) == "en"
            and view.n(i + 2) in ("compte", "considération")
            and view.bare(i + 1)
            and view.bare(i + 2)
            and view.spaced(i, i + 3)
        ):
            found = _determiner(view, i + 3, after_de=False)
            take, hold = w, _TO_HOLD[w]
        else:
            continue
        if found is None:
            continue
        det, last, rest = found
        if view.proper_risk(i, last):
            continue
        bare = _render(det, rest, de=False)
        alts = [
            f"{hold} compte {_render(det, rest, de=True)}",
            f"{take} en compte {bare}",
            f"{take} en considération {bare}",
        ]
        original = " ".join(view.toks[k].core for k in range(i, last + 1)).casefold()
        yield make_hit(
            view, i, last, [a for a in alts if a.casefold() != original], "fr.syn.tenir_compte"
        )


# --- sembler / paraître, rester / demeurer (before an attribute) ---------------------------

_INTENSIFIERS = frozenset(
    words("plus moins très assez trop bien peu particulièrement si tout aussi parfaitement")
)
_ATTRIBUTE = (
    "able", "ables", "ible", "ibles", "if", "ive", "ifs", "ives", "el", "elle", "els",
    "elles", "al", "ale", "aux", "ales", "ique", "iques", "eux", "euse", "euses", "ant",
    "ante", "ants", "antes", "ent", "ente", "ents", "entes", "é", "ée", "és", "ées",
    "aire", "aires", "ile", "iles", "ide", "ides", "ert", "erte", "erts", "ertes",
)  # fmt: skip


def _attribute_at(view: SentenceView, k: int, *, infinitive: bool) -> bool:
    """An adjective (told by its ending or an intensifier) or, with `infinitive`, an
    infinitive starts at token k."""
    if not view.ok(k) or view.toks[k].lead:
        return False
    core = view.toks[k].core
    w = view.n(k)
    if w in _INTENSIFIERS and not view.toks[k].trail:
        return _attribute_at(view, k + 1, infinitive=False)
    if infinitive and (w in ("être", "avoir") or _infinitive_at(view, k)):
        return True
    return core.isalpha() and core.islower() and w.endswith(_ATTRIBUTE) and len(w) > 3


_SEMBLER = (
    ("sembler", "paraître", "inf"),
    ("semble", "paraît", "p3s"),
    ("semblent", "paraissent", ""),
    ("semblait", "paraissait", ""),
    ("semblaient", "paraissaient", ""),
    ("semblera", "paraîtra", ""),
    ("sembleront", "paraîtront", ""),
    ("semblerait", "paraîtrait", ""),
    ("sembleraient", "paraîtraient", ""),
    ("sembla", "parut", ""),
    ("semblèrent", "parurent", ""),
    ("semblé", "paru", "pp"),
)


def _seem(kind: str) -> Check:
    def check(view: SentenceView, i: int, j: int) -> bool:
        """ "semble difficile" / "paraît difficile", "semble être" / "paraît être"; never
        before "que" ("il paraît que" is hearsay) nor alone ("le livre paraît en mai" is
        published); "semble" may be a subjunctive after "que"."""
        if kind == "pp" and _aux(view, i, j) != "avoir":
            return False
        if kind == "p3s" and (_que_before(view, i) or _before_verb(view, i, j)[0] in ("je", "tu")):
            return False
        if view.toks[j].trail:
            return False
        return _attribute_at(view, _skip_negation(view, j + 1), infinitive=True)

    return check


_RESTER = _rows([_er("rest"), _er("demeur")], [s for s in _SLOTS if s not in ("ger",)])


def _remain(view: SentenceView, i: int, j: int) -> bool:
    """ "reste stable" / "demeure stable": an adjective follows; never the noun ("le
    reste", "du reste") nor "il reste à faire"."""
    before, _ = _before_verb(view, i, j)
    infinitive = view.n(j) in ("rester", "demeurer")  # "de rester vigilants"
    if (before in DETERMINERS and not (infinitive and before == "de")) or before in (
        "du",
        "au",
        "aux",
        "à",
    ):
        return False
    w = view.n(j)
    if w.endswith(("é", "ée", "és", "ées")) and _aux(view, i, j) != "etre":
        return False
    if view.toks[j].trail:
        return False
    return _attribute_at(view, _skip_negation(view, j + 1), infinitive=False)


# --- penser / croire / estimer que (with the subject) -----------------------------------------

_THINK = (
    ("je", "pense", "crois", "estime"),
    ("il", "pense", "croit", "estime"),
    ("elle", "pense", "croit", "estime"),
    ("on", "pense", "croit", "estime"),
    ("nous", "pensons", "croyons", "estimons"),
    ("vous", "pensez", "croyez", "estimez"),
    ("ils", "pensent", "croient", "estiment"),
    ("elles", "pensent", "croient", "estiment"),
    ("je", "pensais", "croyais", "estimais"),
    ("il", "pensait", "croyait", "estimait"),
    ("elle", "pensait", "croyait", "estimait"),
    ("on", "pensait", "croyait", "estimait"),
    ("nous", "pensions", "croyions", "estimions"),
    ("vous", "pensiez", "croyiez", "estimiez"),
    ("ils", "pensaient", "croyaient", "estimaient"),
    ("elles", "pensaient", "croyaient", "estimaient"),
)


def _think_swaps() -> list[Swap]:
    out: list[Swap] = []
    for subj, *verbs in _THINK:
        out.append(Swap("fr.syn.penser", tuple(elide(subj, v) for v in verbs), check=_think))
    return out


def _think(view: SentenceView, i: int, j: int) -> bool:
    """ "je pense que" / "je crois que" / "j'estime que": the subject is in the span, no
    "que" before it (a subjunctive: "bien que je croie"), "que" after ("penser à")."""
    if _after_que(view, i) or view.toks[j].trail:
        return False
    w = view.n(j + 1)
    return w == "que" or w.startswith("qu'")


# --- dire / déclarer que, démontrer / prouver que, constater / observer / remarquer que ----

_SAY = (
    ("dire", "déclarer", ""),
    ("dit", "déclare", "p3s"),
    ("disent", "déclarent", ""),
    ("disait", "déclarait", ""),
    ("disaient", "déclaraient", ""),
    ("dira", "déclarera", ""),
    ("diront", "déclareront", ""),
    ("dirait", "déclarerait", ""),
    ("dit", "déclaré", "pp"),
)
_NOT_BEFORE_SAY = frozenset(
    words(
        "veut voulait voudrait vouloir faut faudrait fallait me te lui nous vous leur m' t' on "
        "se s'"
    )
)


def _say(kind: str) -> Check:
    def check(view: SentenceView, i: int, j: int) -> bool:
        """Reported speech, "a dit que" / "a déclaré que": never "vouloir dire" (mean), "il
        faut dire que" (admittedly), "on dit que" (hearsay), nor to someone ("il m'a dit",
        "il lui dit": "told")."""
        before, _ = _before_verb(view, i, j)
        if before in _NOT_BEFORE_SAY:
            return False
        aux = _aux(view, i, j)
        if (aux != "avoir") if kind == "pp" else bool(aux):
            return False
        if aux:
            k = i - 1
            while view.n(k) in _ADVERBS:
                k -= 1
            prefix, _ = split_elision(view.n(k))
            if prefix in ("m'", "t'", "l'") or view.n(k - 1) in _NOT_BEFORE_SAY:
                return False
        if kind == "p3s" and _before_verb(view, i, j)[0] in ("je", "tu"):
            return False
        if view.toks[j].trail:
            return False
        w = view.n(j + 1)
        return w == "que" or w.startswith("qu'")

    return check


_FAIRE = frozenset(
    words(
        "faire fait fais font faisons faites faisait faisaient fera feront ferait feraient "
        "fit firent faisant"
    )
)


def _that_next(view: SentenceView, i: int, j: int) -> bool:
    """ "constate que" / "observe que" / "remarque que", "démontre que" / "prouve que": a
    "que" clause follows ("observer les règles" is "to obey"); never "faire observer
    que" (point out), never a noun ("la remarque que")."""
    before, _ = _before_verb(view, i, j)
    if before in DETERMINERS - {"de"} or before in _FAIRE or view.toks[j].trail:
        return False
    w = view.n(j + 1)
    return w == "que" or w.startswith("qu'")


_PROVE = _rows([_er("démontr"), _er("prouv")], [s for s in _SLOTS if s != "ger"])
_NOTICE = _rows([_er("constat"), _er("observ"), _er("remarqu")], [s for s in _SLOTS if s != "ger"])

# --- arriver à / parvenir à / réussir à + infinitive -------------------------------------------

_MANAGE = [
    ("arriver", "parvenir", "réussir"),
    ("arrivent", "parviennent", "réussissent"),
    ("arrivons", "parvenons", "réussissons"),
    ("arrivez", "parvenez", "réussissez"),
    ("arrivait", "parvenait", "réussissait"),
    ("arrivaient", "parvenaient", "réussissaient"),
    ("arrivera", "parviendra", "réussira"),
    ("arriveront", "parviendront", "réussiront"),
    ("arriverons", "parviendrons", "réussirons"),
    ("arriverez", "parviendrez", "réussirez"),
    ("arriverait", "parviendrait", "réussirait"),
    ("arriveraient", "parviendraient", "réussiraient"),
    ("arrive", "parvient", "réussit"),
]


def _manage(view: SentenceView, i: int, j: int) -> bool:
    """Managing to do: "à" + infinitive follows ("arriver à Paris" is no achievement);
    "arrive" is also 1st person and subjunctive."""
    before, prev = _before_verb(view, i, j)
    w = split_elision(view.n(j))[1]
    if w in ("arrive", "parvient", "réussit"):
        subject = prev if before == "ne" else before
        if subject in ("je", "j'", "tu") or _que_before(view, i):
            return False
    if before in DETERMINERS - {"de"} or before in ("se", "s'", "en", "y"):
        return False
    if view.toks[j].trail:
        return False
    k = _skip_negation(view, j + 1)
    return view.n(k) == "à" and not view.toks[k].trail and _infinitive_at(view, k + 1)


# --- obligé / contraint / forcé de + infinitive ----------------------------------------------

_FORCED = (
    ("obligé", "contraint", "forcé"),
    ("obligée", "contrainte", "forcée"),
    ("obligés", "contraints", "forcés"),
    ("obligées", "contraintes", "forcées"),
)


def _forced(view: SentenceView, i: int, j: int) -> bool:
    """ "est obligé de partir" / "est contraint de partir" / "est forcé de partir", after
    "être" ("je vous serais obligé" is "grateful": no "de" + infinitive)."""
    if _aux(view, i, j) != "etre" or view.toks[j].trail:
        return False
    k = i - 1
    while view.n(k) in _ADVERBS:
        k -= 1
    dative = view.n(k - 1)  # "je vous serais obligé de" = I would be grateful
    if dative in ("me", "te", "lui", "leur", "m'", "t'"):
        return False
    if dative in ("nous", "vous") and not view.n(k).endswith(("ommes", "êtes", "ons", "ez")):
        return False
    return _de_infinitive_at(view, j + 1)


# --- permettre de / donner la possibilité de / offrir la possibilité de ---------------------

_ENABLE = (
    ("permettre", "donner", "offrir", ""),
    ("permet", "donne", "offre", "p3s"),
    ("permettent", "donnent", "offrent", ""),
    ("permettait", "donnait", "offrait", ""),
    ("permettaient", "donnaient", "offraient", ""),
    ("permettra", "donnera", "offrira", ""),
    ("permettront", "donneront", "offriront", ""),
    ("permettrait", "donnerait", "offrirait", ""),
    ("permettraient", "donneraient", "offriraient", ""),
    ("permit", "donna", "offrit", ""),
    ("permirent", "donnèrent", "offrirent", ""),
    ("permettant", "donnant", "offrant", ""),
    ("permis", "donné", "offert", "pp"),
)


def _enable(kind: str) -> Check:
    def check(view: SentenceView, i: int, j: int) -> bool:
        """ "permet de gérer" / "donne la possibilité de gérer" / "offre la possibilité de
        gérer": "de" + infinitive right after (the "de" is outside the span, so its elision
        holds for every form); never after an elision ("m'offre" / "me permet") nor
        reflexive ("je me permets de" = I take the liberty); "permis" only after "avoir"
        ("le permis de conduire", "il est permis de")."""
        if split_elision(view.toks[i].core)[0]:
            return False
        prev = view.n(i - 1)
        if prev in FR_ELIDABLE:
            return False
        if prev in DETERMINERS - {"de"} or prev in ("du", "au", "aux"):
            return False
        aux = _aux(view, i, j)
        if (aux != "avoir") if kind == "pp" else bool(aux):
            return False
        if kind == "p3s" and _que_before(view, i):
            return False
        return not view.toks[j].trail and _de_infinitive_at(view, j + 1)

    return check


def _enable_swaps() -> list[Swap]:
    out: list[Swap] = []
    for permet, donne, offre, kind in _ENABLE:
        forms = (permet, f"{donne} la possibilité", f"{offre} la possibilité")
        out.append(Swap("fr.syn.permettre", forms, check=_enable(kind)))
    return out


# --- verbs before "que" (or "de" + infinitive) with an irregular twin ---------------------

_FEAR = (
    ("craindre", "redouter", ""),
    ("crains", "redoute", "p1s"),
    ("craint", "redoute", "p3s"),
    ("craignent", "redoutent", ""),
    ("craignons", "redoutons", ""),
    ("craignez", "redoutez", ""),
    ("craignait", "redoutait", ""),
    ("craignaient", "redoutaient", ""),
    ("craindra", "redoutera", ""),
    ("craindront", "redouteront", ""),
    ("craindrait", "redouterait", ""),
    ("craindraient", "redouteraient", ""),
    ("craint", "redouté", "pp"),
)
_ADMIT_THAT = (
    ("reconnaître", "admettre", ""),
    ("reconnais", "admets", ""),
    ("reconnaît", "admet", ""),
    ("reconnaissent", "admettent", ""),
    ("reconnaissons", "admettons", ""),
    ("reconnaissez", "admettez", ""),
    ("reconnaissait", "admettait", ""),
    ("reconnaissaient", "admettaient", ""),
    ("reconnaîtra", "admettra", ""),
    ("reconnaîtront", "admettront", ""),
    ("reconnaîtrait", "admettrait", ""),
    ("reconnaîtraient", "admettraient", ""),
    ("reconnut", "admit", ""),
    ("reconnurent", "admirent", ""),
    ("reconnu", "admis", "pp"),
)
_CLAIM = (
    ("affirmer", "soutenir", ""),
    ("affirme", "soutient", "p3s"),
    ("affirment", "soutiennent", ""),
    ("affirmons", "soutenons", ""),
    ("affirmez", "soutenez", ""),
    ("affirmait", "soutenait", ""),
    ("affirmaient", "soutenaient", ""),
    ("affirmera", "soutiendra", ""),
    ("affirmeront", "soutiendront", ""),
    ("affirmerait", "soutiendrait", ""),
    ("affirmeraient", "soutiendraient", ""),
    ("affirmé", "soutenu", "pp"),
)


def _that_verb(kind: str, *, de_infinitive: bool = False) -> Check:
    def check(view: SentenceView, i: int, j: int) -> bool:
        """A "que" clause follows (or "de" + infinitive for verbs of fearing): "craindre le
        froid", "reconnaître un visage", "soutenir un projet", "admis à l'examen" keep their
        word. The first-group form is also 1st person and subjunctive: "craint" / "redoute"
        only after another subject and no "que" before; participles after "avoir"."""
        before, prev = _before_verb(view, i, j)
        if before in DETERMINERS - {"de"} or before in _FAIRE or before in ("se", "s'"):
            return False
        aux = _aux(view, i, j)
        if (aux != "avoir") if kind == "pp" else bool(aux):
            return False
        subject = prev if before == "ne" else before
        if kind == "p3s" and (subject in ("je", "j'", "tu") or _que_before(view, i)):
            return False
        if kind == "p1s" and (subject not in ("je", "j'") or _que_before(view, i)):
            return False
        if view.toks[j].trail:
            return False
        w = view.n(j + 1)
        if w == "que" or w.startswith("qu'"):
            return True
        return de_infinitive and _de_infinitive_at(view, j + 1)

    return check


_UNDERLINE = _rows([_er("soulign"), _er("insist")], [s for s in _SLOTS if s != "ger"])
_STOP = _rows([_er("cess"), _er("arrêt")], [s for s in _SLOTS if s != "ger"])


def _stop(view: SentenceView, i: int, j: int) -> bool:
    """ "cesser de" / "arrêter de" + infinitive ("arrêter un suspect", "cesser le travail"
    keep their word); "ne cesse de" (keeps doing) has no "n'arrête de"."""
    before, _ = _before_verb(view, i, j)
    if before in DETERMINERS - {"de"} or before in ("se", "s'"):
        return False
    if view.toks[j].trail:
        return False
    k = j + 1
    if before == "ne" and view.n(k) not in ("pas", "plus", "jamais"):
        return False
    return _de_infinitive_at(view, _skip_negation(view, k))


def _underline_swaps() -> list[Swap]:
    rows = [(a, b[:-len(suffix)] + suffix + " sur le fait") for a, b in _UNDERLINE
            for suffix in [b[len("insist"):]]]  # fmt: skip
    return _mixed_swaps("fr.syn.souligner", rows, _that_next)  # "souligner un mot": no que


# --- penser / croire / estimer que after a noun subject ------------------------------------

_THINK_PLAIN = (
    ("pense", "croit", "estime", "p3s"),
    ("pensent", "croient", "estiment", ""),
    ("pensait", "croyait", "estimait", ""),
    ("pensaient", "croyaient", "estimaient", ""),
)
_THINK_SUBJECT_PAIRS = frozenset((row[0], v) for row in _THINK for v in row[1:])


def _think_plain(kind: str) -> Check:
    def check(view: SentenceView, i: int, j: int) -> bool:
        """ "Les élus estiment que" / "pensent que" / "croient que": a noun subject (a
        subject pronoun makes it a row of its own); "pense" may be 1st person or a
        subjunctive, "croit" may not."""
        prev = view.n(i - 1)
        if (prev, view.n(j)) in _THINK_SUBJECT_PAIRS and not _after_que(view, i - 1):
            return False
        if prev in _SUBJECTS or prev in ("j'", "ne", "n'", "se", "me", "te", "le", "la"):
            return False
        if split_elision(view.toks[i].core)[0] or prev in DETERMINERS:
            return False
        if kind == "p3s" and _que_before(view, i):
            return False
        if view.toks[j].trail:
            return False
        w = view.n(j + 1)
        return w == "que" or w.startswith("qu'")

    return check


# --- susciter / provoquer (a reaction) ---------------------------------------------------------

_REACTIONS = frozenset(
    words(
        "débat débats critique critiques question questions inquiétude inquiétudes intérêt "
        "polémique polémiques controverse controverses réaction réactions colère "
        "enthousiasme tension tensions interrogation interrogations doute doutes crainte "
        "craintes émotion émotions indignation curiosité protestation protestations "
        "méfiance frustration frustrations mécontentement incompréhension surprise"
    )
)
_SUSCITER = _rows([_er("suscit"), _er("provoqu")], [s for s in _SLOTS if s != "ger"])


def _arouse(view: SentenceView, i: int, j: int) -> bool:
    """ "a suscité des débats" / "a provoqué des débats": only before a reaction noun
    ("provoquer un incendie", "provoquer son adversaire" have no "susciter")."""
    before, _ = _before_verb(view, i, j)
    if before in DETERMINERS - {"de"} or view.toks[j].trail:
        return False
    for k in range(j + 1, j + 5):
        w = view.n(k)
        w = split_elision(w)[1] if w[:2] in ("l'", "d'") else w
        if w in _REACTIONS:
            return True
        if w not in DETERMINERS | _INTENSIFIERS | {
            "vives",
            "vifs",
            "vive",
            "vif",
            "nombreux",
            "nombreuses",
            "fortes",
            "forte",
            "grande",
            "grandes",
            "beaucoup",
            "profonde",
            "nouvelles",
            "nouveaux",
            "nouvelle",
        }:
            return False
        if view.ok(k) and view.toks[k].trail:
            return False
    return False


# --- mener à / conduire à ------------------------------------------------------------------

_LEAD = (
    ("mener", "conduire", ""),
    ("mène", "conduit", "p3s"),
    ("mènent", "conduisent", ""),
    ("menait", "conduisait", ""),
    ("menaient", "conduisaient", ""),
    ("mènera", "conduira", ""),
    ("mèneront", "conduiront", ""),
    ("mènerait", "conduirait", ""),
    ("mèneraient", "conduiraient", ""),
    ("mena", "conduisit", ""),
    ("menèrent", "conduisirent", ""),
    ("menant", "conduisant", ""),
    ("mené", "conduit", "pp"),
)
_PERSONS = frozenset(words("je j' tu il elle nous vous ils elles on qui"))


def _lead(kind: str) -> Check:
    def check(view: SentenceView, i: int, j: int) -> bool:
        """ "mène à la fatigue" / "conduit à la fatigue": "à" follows ("mener une équipe");
        never after a person ("il conduit à Paris" is driving) nor a name; "conduit" is
        also the participle, "mène" also a subjunctive."""
        before, _ = _before_verb(view, i, j)
        name = view.capitalised(i - 1) and i - 1 != view.first
        if before in _PERSONS or before in DETERMINERS - {"de"} or name:
            return False
        aux = _aux(view, i, j)
        if (aux != "avoir") if kind == "pp" else bool(aux):
            return False
        if kind == "p3s" and _que_before(view, i):
            return False
        return not view.toks[j].trail and view.n(j + 1) in ("à", "au", "aux")

    return check


# --- choisi / sélectionné (participles) ------------------------------------------------------

_CHOSEN = (
    ("choisi", "sélectionné"),
    ("choisie", "sélectionnée"),
    ("choisis", "sélectionnés"),
    ("choisies", "sélectionnées"),
)


def _chosen(view: SentenceView, i: int, j: int) -> bool:
    """ "a été choisi comme" / "a été sélectionné comme", "a choisi le modèle": after
    "être" or "avoir" (then an object: "a choisi de partir" has no "sélectionné de");
    never the present "je choisis" nor an adjective ("un public choisi")."""
    aux = _aux(view, i, j)
    if aux == "etre":
        return True
    if aux != "avoir" or view.toks[j].trail:
        return False
    nxt = view.n(j + 1)
    return nxt in DETERMINERS - {"de"} or nxt.startswith("l'")


# --- avoir l'intention de / compter + infinitive -----------------------------------------------

_INTEND = (
    ("ai l'intention de", "compte", "p1s"),
    ("a l'intention de", "compte", "p3s"),
    ("ont l'intention de", "comptent", "subj"),
    ("avons l'intention de", "comptons", ""),
    ("avez l'intention de", "comptez", ""),
    ("avait l'intention de", "comptait", ""),
    ("avaient l'intention de", "comptaient", ""),
    ("aura l'intention de", "comptera", ""),
    ("aurait l'intention de", "compterait", ""),
    ("avions l'intention de", "comptions", "subj"),
    ("aviez l'intention de", "comptiez", "subj"),
)


def _intend(kind: str) -> Check:
    def check(view: SentenceView, i: int, j: int) -> bool:
        """ "a l'intention de partir" / "compte partir" before an infinitive opening with a
        consonant ("d'installer" would need the infinitive in the span); "compte" is also a
        noun ("le compte de") and a 1st-person or subjunctive form."""
        before, prev = _before_verb(view, i, j)
        if before in DETERMINERS - {"de"}:
            return False
        subject = prev if before == "ne" else before
        if kind == "p3s" and subject in ("je", "j'", "tu"):
            return False
        if kind == "p1s" and subject not in ("je", "j'"):
            return False
        if kind in ("p1s", "p3s", "subj") and _que_before(view, i):
            return False
        if view.toks[j].trail or not _infinitive_at(view, j + 1):
            return False
        core = view.toks[j + 1].core
        return not starts_with_vowel(core) and core[:1].casefold() != "h"

    return check


# --- porter sur / concerner ---------------------------------------------------------------------

_CONCERN = _rows([_er("port", soft="port"), _er("concern")], [s for s in _SLOTS
                  if s not in ("ger", "ppf", "pps", "ppfs")])  # fmt: skip


def _about(view: SentenceView, i: int, j: int) -> bool:
    """ "l'étude porte sur le budget" / "l'étude concerne le budget": a determiner follows
    ("sur" does not contract); never after a person ("il porte sur son dos"), a noun ("la
    porte sur la rue") nor an object pronoun ("cela me concerne")."""
    before, _ = _before_verb(view, i, j)
    if before in _PERSONS or before in DETERMINERS - {"de"} or before in _CLITICS:
        return False
    if before in ("qui", "en", "m'", "t'", "l'", "s'") or (
        view.capitalised(i - 1) and i - 1 != view.first
    ):
        return False
    w = view.n(j)
    if w in ("porté", "concerné") and _aux(view, i, j) != "avoir":
        return False
    if view.toks[j].trail:
        return False
    nxt = view.n(j + 1)
    return (nxt in DETERMINERS - {"de", "du", "des"} or nxt.startswith("l'")) and not view.toks[
        j + 1
    ].lead


# --- s'élever à / se monter à / se chiffrer à + an amount ------------------------------------

_AMOUNT_TO = (
    ("s'élever", "se monter", "se chiffrer"),
    ("s'élève", "se monte", "se chiffre"),
    ("s'élèvent", "se montent", "se chiffrent"),
    ("s'élevait", "se montait", "se chiffrait"),
    ("s'élevaient", "se montaient", "se chiffraient"),
    ("s'élèvera", "se montera", "se chiffrera"),
    ("s'élèveront", "se monteront", "se chiffreront"),
    ("s'élèverait", "se monterait", "se chiffrerait"),
    ("s'élèveraient", "se monteraient", "se chiffreraient"),
    ("s'éleva", "se monta", "se chiffra"),
)
_QUANTITY_WORDS = frozenset(words("environ près plus moins quelque quelques un une deux trois"))


def _amount_after_a(view: SentenceView, i: int, j: int) -> bool:
    """ "s'élève à 3 millions" / "se monte à 3 millions" / "se chiffre à 3 millions": "à"
    then a number ("la voix s'élève à peine", "s'élever à la dignité de" keep their word)."""
    if view.toks[j].trail or view.n(j + 1) != "à" or view.toks[j + 1].trail:
        return False
    w = view.n(j + 2)
    return w[:1].isdigit() or w in _QUANTITY_WORDS


# --- augmenter / progresser, diminuer / baisser / reculer de X % -----------------------------

_GROW = _rows([_er("augment"), _er("progress")], [s for s in _SLOTS if s != "ger"])
_SHRINK = _rows(
    [_er("diminu"), _er("baiss"), _er("recul")], [s for s in _SLOTS if s not in ("ger",)]
)


def _by_percent(view: SentenceView, i: int, j: int) -> bool:
    """ "ont augmenté de 5 %" / "ont progressé de 5 %", "a baissé de 3 %" / "a diminué de
    3 %" / "a reculé de 3 %": intransitive, "de" + a percentage right after ("augmenter les
    prix", "reculer de 3 mètres" keep their word)."""
    before, _ = _before_verb(view, i, j)
    if before in DETERMINERS - {"de"} or before in ("se", "s'", "le", "la", "les", "l'"):
        return False
    if view.toks[j].trail or view.n(j + 1) != "de" or view.toks[j + 1].trail:
        return False
    k = j + 2
    if view.n(k) in ("près", "plus", "moins") and view.n(k + 1) == "de":
        k += 2
    core = view.toks[k].core if view.ok(k) else ""
    if not core[:1].isdigit():
        return False
    if core.endswith("%"):
        return True
    return view.n(k + 1) == "%" or (view.n(k + 1) == "pour" and view.n(k + 2) == "cent")


# --- fixed verb phrases ------------------------------------------------------------------

_METTRE = frozenset(
    words(
        "mettre met mets mettent mettons mettez mettait mettais mettaient mettions mettiez "
        "mettra mettrai mettras mettront mettrons mettrez mettrait mettrais mettraient "
        "mettrions mettriez mis mise mises mit mirent mettant mette mettes"
    )
)
_PRENDRE = frozenset(
    words(
        "prendre prend prends prennent prenons prenez prenait prenais prenaient prenions "
        "preniez prendra prendrai prendras prendront prendrons prendrez prendrait prendrais "
        "prendraient prendrions prendriez pris prise prises prit prirent prenant prenne "
        "prennes"
    )
)


def _after_mettre(view: SentenceView, i: int, j: int) -> bool:
    return view.n(i - 1) in _METTRE and not view.toks[i - 1].trail


def _after_prendre_en(view: SentenceView, i: int, j: int) -> bool:
    """ "prendre (X) en compte": a form of "prendre" within the clause before "en" ("en
    compte courant" is banking)."""
    if view.n(i - 1) != "en":
        return False
    for k in range(i - 2, max(view.first, i - 7) - 1, -1):
        if not view.ok(k) or view.toks[k].trail:
            return False
        if view.n(k) in _PRENDRE:
            return True
    return False


# --- il faut / il est nécessaire de ---------------------------------------------------------

_FALLOIR = (
    ("faut", "est"),
    ("faudra", "sera"),
    ("fallait", "était"),
    ("faudrait", "serait"),
    ("fallut", "fut"),
)


def _falloir(view: SentenceView) -> Iterator[Hit | None]:
    """ "il faut partir" / "il est nécessaire de partir", "il faut installer" / "il est
    nécessaire d'installer", "il faut que" / "il est nécessaire que"."""
    for i in range(view.first, len(view.toks) - 2):
        if view.n(i) != "il" or not view.bare(i) or view.n(i - 1) in ("que", "si"):
            continue
        for faut, est in _FALLOIR:
            if view.proper_risk(i, i + 1):
                break
            if view.n(i + 1) == faut and view.bare(i + 1) and view.spaced(i, i + 2):
                yield _from_faut(view, i, i + 1, est)
                break
            if view.words(
                i, ["il", est, "nécessaire"], last_trail=False
            ) is not None and view.spaced(i + 2, i + 3):
                yield _from_necessaire(view, i, i + 2, faut)
                break


# "il faut dire que" (admittedly), "il faut croire que" (apparently): no necessity.
_ADMIT = frozenset(words("dire reconnaître avouer croire admettre espérer bien"))


def _from_faut(view: SentenceView, i: int, f: int, est: str) -> Hit | None:
    k = f + 1
    t = view.toks[k]
    if t.lead or not view.ok(k):
        return None
    w = view.n(k)
    phrase = f"il {est} nécessaire"
    if w == "que" or w.startswith("qu'"):
        return make_hit(view, i, f, [phrase], "fr.syn.falloir")
    if not _infinitive_at(view, k) or w in _ADMIT:
        return None
    if w in ("y", "en"):
        if t.trail or not view.spaced(k, k + 1):
            return None
        return make_hit(view, i, k, [f"{phrase} d'{t.core}"], "fr.syn.falloir")
    if starts_with_vowel(t.core) and not split_elision(t.core)[0]:
        return make_hit(view, i, k, [f"{phrase} d'{t.core}"], "fr.syn.falloir")
    if t.core[:1].casefold() == "h":
        return None
    return make_hit(view, i, f, [f"{phrase} de"], "fr.syn.falloir")


def _from_necessaire(view: SentenceView, i: int, n: int, faut: str) -> Hit | None:
    k = n + 1
    if not view.ok(k) or view.toks[k].lead:
        return None
    t = view.toks[k]
    w = view.n(k)
    if w == "que" or w.startswith("qu'"):
        return make_hit(view, i, n, [f"il {faut}"], "fr.syn.falloir")
    if w == "de" and not t.trail and view.spaced(k, k + 1) and _infinitive_at(view, k + 1):
        nxt = view.toks[k + 1].core
        if view.n(k + 1) in _ADMIT:
            return None
        if starts_with_vowel(nxt) or nxt[:1].casefold() == "h":
            return None
        return make_hit(view, i, k, [f"il {faut}"], "fr.syn.falloir")
    prefix, rest = split_elision(t.core)
    if norm_word(prefix) != "d'" or not _de_infinitive_at(view, k) or rest.casefold() in _ADMIT:
        return None
    if t.trail and rest.casefold() in ("en", "y"):
        return None
    return make_hit(view, i, k, [f"il {faut} {rest}"], "fr.syn.falloir")


# --- second round: memos, notices, news ----------------------------------------------------

# "nous vous informons que" / "nous vous avisons que" / "nous vous faisons savoir que" / "nous
# vous annonçons que"; "nous vous informons de" / "avisons de" / "faisons part de". The
# clitic "vous" or "nous" (object of "informer"/"aviser", indirect object of "annoncer",
# "faire savoir", "faire part": one form for both) stays outside the span.
_INFORM_THAT = (
    ("informer", "aviser", "faire savoir", "annoncer", ""),
    ("informe", "avise", "fais savoir", "annonce", "p1s"),
    ("informe", "avise", "fait savoir", "annonce", "p3s"),
    ("informons", "avisons", "faisons savoir", "annonçons", ""),
    ("informent", "avisent", "font savoir", "annoncent", "subj"),
    ("informais", "avisais", "faisais savoir", "annonçais", ""),
    ("informait", "avisait", "faisait savoir", "annonçait", ""),
    ("informaient", "avisaient", "faisaient savoir", "annonçaient", ""),
    ("informerai", "aviserai", "ferai savoir", "annoncerai", ""),
    ("informera", "avisera", "fera savoir", "annoncera", ""),
    ("informerons", "aviserons", "ferons savoir", "annoncerons", ""),
    ("informeront", "aviseront", "feront savoir", "annonceront", ""),
    ("informerais", "aviserais", "ferais savoir", "annoncerais", ""),
    ("informerait", "aviserait", "ferait savoir", "annoncerait", ""),
    ("informerions", "aviserions", "ferions savoir", "annoncerions", ""),
    ("informeraient", "aviseraient", "feraient savoir", "annonceraient", ""),
)
_INFORM_OF = tuple((a, b, c.replace("savoir", "part"), kind) for a, b, c, _, kind in _INFORM_THAT)


def _inform(kind: str, *, que: bool) -> Check:
    def check(view: SentenceView, i: int, j: int) -> bool:
        """After the clitic "vous" or "nous" (never reflexive: "nous nous informons"), before
        "que" or "de" + a noun phrase ("nous vous avisons de ne pas" is a warning); the
        present is told by its subject ("je vous fais savoir", "il vous fait savoir") and no
        "que" before ("qu'il vous fasse savoir")."""
        clitic = view.n(i - 1)
        if clitic not in ("vous", "nous") or view.toks[i - 1].trail or view.toks[j].trail:
            return False
        subject = view.n(i - 2)
        if subject == clitic:
            return False
        if kind == "p1s" and subject != "je":
            return False
        if kind == "p3s" and (subject in ("je", "tu") or _que_before(view, i)):
            return False
        if kind == "subj" and _que_before(view, i):
            return False
        nxt = view.n(j + 1)
        if que:
            return nxt == "que" or nxt.startswith("qu'")
        if nxt not in ("de", "du", "des") and not (nxt.startswith("d'") and len(nxt) > 2):
            return False
        return not _de_infinitive_at(view, j + 1)

    return check


# --- avoir lieu / se tenir (a meeting) -------------------------------------------------------

_TAKE_PLACE = (
    ("avoir lieu", "se tenir", "se dérouler", "inf"),
    ("a lieu", "se tient", "se déroule", "ind"),
    ("ont lieu", "se tiennent", "se déroulent", "ind"),
    ("ait lieu", "se tienne", "se déroule", "subj"),
    ("aient lieu", "se tiennent", "se déroulent", "subj"),
    ("avait lieu", "se tenait", "se déroulait", ""),
    ("avaient lieu", "se tenaient", "se déroulaient", ""),
    ("aura lieu", "se tiendra", "se déroulera", ""),
    ("auront lieu", "se tiendront", "se dérouleront", ""),
    ("aurait lieu", "se tiendrait", "se déroulerait", ""),
    ("auraient lieu", "se tiendraient", "se dérouleraient", ""),
    ("eut lieu", "se tint", "se déroula", ""),
    ("eurent lieu", "se tinrent", "se déroulèrent", ""),
)
# Compound tenses: "se tenir" and "se dérouler" agree with the gathering, "avoir lieu" does not.
_TOOK_PLACE = tuple(
    (f"{a} eu lieu", f"{b} {p}", f"{b} {q}", g)
    for a, b in (("a", "s'est"), ("avait", "s'était"), ("aura", "se sera"))
    for p, q, g in (("tenu", "déroulé", "m"), ("tenue", "déroulée", "f"))
) + tuple(
    (f"{a} eu lieu", f"{b} {p}", f"{b} {q}", g)
    for a, b in (("ont", "se sont"), ("avaient", "s'étaient"), ("auront", "se seront"))
    for p, q, g in (("tenus", "déroulés", "mp"), ("tenues", "déroulées", "fp"))
)
_GATHERINGS = frozenset(
    words(
        "réunion réunions assemblée assemblées conférence conférences séance séances "
        "séminaire séminaires formation formations session sessions audience audiences "
        "atelier ateliers colloque colloques congrès salon salons forum forums sommet "
        "sommets webinaire webinaires entretien entretiens cérémonie cérémonies rencontre "
        "rencontres élection élections scrutin scrutins vote votes consultation "
        "consultations exposition expositions concertation négociation négociations "
        "permanence permanences"
    )
)
_GATHERINGS_F = frozenset(
    words(
        "réunion assemblée conférence séance formation session audience cérémonie rencontre "
        "élection consultation exposition concertation négociation permanence"
    )
)
_GATHERING_STOP = frozenset(
    words("le la les un une ce cet cette ces son sa ses leur leurs notre nos votre vos et ou")
)
_MODALS = frozenset(
    words(
        "doit doivent devait devaient devrait devraient va vont allait allaient pourra pourront "
        "pourrait pourraient peut peuvent"
    )
)


def _gathering_at(view: SentenceView, k: int) -> str:
    """The gathering (a meeting, a vote, a session) that ends at token k or up to three
    words before it ("la réunion d'information", "l'assemblée générale annuelle", "la
    réunion qui"), else ""."""
    if view.n(k) == "qui" and not view.toks[k].trail:
        k -= 1
    for m in range(k, k - 6, -1):  # "la réunion extraordinaire du conseil d'administration"
        if not view.ok(m) or view.toks[m].trail:
            return ""
        w = split_elision(view.n(m))[1]
        if w in _GATHERINGS:
            return w
        if view.n(m) in _GATHERING_STOP or view.n(m) in _ETRE or view.n(m) in _AVOIR:
            return ""
    return ""


def _gathering_before(view: SentenceView, k: int) -> bool:
    return bool(_gathering_at(view, k))


# "la réunion s'est bien déroulée" (went well) and "se déroule dans le calme" (unfolds) have
# no "a eu lieu" / "a lieu".
_UNFOLD_NEXT = frozenset(
    words(
        "bien mal normalement sans dans comme correctement sereinement parfaitement calmement "
        "conformément selon plutôt très"
    )
)


def _take_place(kind: str) -> Check:
    def check(view: SentenceView, i: int, j: int) -> bool:
        """ "la réunion aura lieu" / "se tiendra" / "se déroulera": the subject is a gathering
        ("l'accident a eu lieu" has no "s'est tenu"; "il se tient droit" is posture), and no
        manner follows ("s'est bien déroulée" went well); the infinitive after "doit", "va",
        "pourrait"; "se tiennent" and "se déroule" are indicative or subjunctive, told by a
        "que" before; in compound tenses the participles agree with the gathering."""
        if not view.toks[j].trail and view.n(j + 1) in _UNFOLD_NEXT:
            return False
        k = i - 1
        if kind == "inf":
            if view.n(k) not in _MODALS or view.toks[k].trail:
                return False
            k -= 1
        if kind == "subj" and not _que_before(view, i):
            return False
        if kind == "ind" and _que_before(view, i):
            return False
        noun = _gathering_at(view, k)
        if kind in ("m", "f", "mp", "fp"):
            if not noun or noun == "congrès":
                return False
            gender = "f" if noun.rstrip("s") in _GATHERINGS_F else "m"
            return kind == gender + ("p" if noun.endswith("s") else "")
        return bool(noun)

    return check


# --- entrer en vigueur / prendre effet --------------------------------------------------------

_IN_FORCE = (
    ("entrer en vigueur", "prendre effet", ""),
    ("entre en vigueur", "prend effet", "p3s"),
    ("entrent en vigueur", "prennent effet", "p3s"),
    ("entrait en vigueur", "prenait effet", ""),
    ("entraient en vigueur", "prenaient effet", ""),
    ("entrera en vigueur", "prendra effet", ""),
    ("entreront en vigueur", "prendront effet", ""),
    ("entrerait en vigueur", "prendrait effet", ""),
    ("entreraient en vigueur", "prendraient effet", ""),
    ("entra en vigueur", "prit effet", ""),
    ("entrèrent en vigueur", "prirent effet", ""),
)


def _in_force(kind: str) -> Check:
    def check(view: SentenceView, i: int, j: int) -> bool:
        """ "la mesure entre en vigueur le 1er mars" / "prend effet le 1er mars"; "entre" and
        "entrent" may be subjunctives after "que" ("prenne", "prennent")."""
        before, _ = _before_verb(view, i, j)
        if before in ("je", "j'", "tu") or before in DETERMINERS - {"de"}:
            return False
        return not (kind == "p3s" and _que_before(view, i))

    return check


# --- contacter / prendre contact avec ---------------------------------------------------------

_CONTACT = (
    ("contacter", "prendre contact avec", ""),
    ("contacte", "prend contact avec", "p3s"),
    ("contactent", "prennent contact avec", "subj"),
    ("contactons", "prenons contact avec", ""),
    ("contactez", "prenez contact avec", ""),
    ("contactait", "prenait contact avec", ""),
    ("contactaient", "prenaient contact avec", ""),
    ("contactera", "prendra contact avec", ""),
    ("contacteront", "prendront contact avec", ""),
    ("contacterons", "prendrons contact avec", ""),
    ("contacterez", "prendrez contact avec", ""),
    ("contacterai", "prendrai contact avec", ""),
    ("contacterait", "prendrait contact avec", ""),
    ("contacteraient", "prendraient contact avec", ""),
    ("contacté", "pris contact avec", "pp"),
)
_OBJECT_CLITICS = frozenset(words("me te le la les lui leur m' t' l'"))


def _contact(kind: str) -> Check:
    def check(view: SentenceView, i: int, j: int) -> bool:
        """ "contactez le service" / "prenez contact avec le service": a determiner or a name
        follows (an object pronoun before, "nous vous contacterons", would have to move:
        "prendrons contact avec vous"); "contacte" is also 1st person, imperative and
        subjunctive; participles after "avoir" ("être contacté" has no "pris contact")."""
        before, _ = _before_verb(view, i, j)
        if before in _OBJECT_CLITICS or before in DETERMINERS - {"de"}:
            return False
        aux = _aux(view, i, j)
        if (aux != "avoir") if kind == "pp" else bool(aux):
            return False
        if kind == "p3s" and (before in ("je", "j'", "tu") or i == view.first):
            return False
        if kind in ("p3s", "subj") and _que_before(view, i):
            return False
        if view.toks[j].trail or not view.ok(j + 1) or view.toks[j + 1].lead:
            return False
        nxt = view.n(j + 1)
        if nxt in DETERMINERS - {"de", "du", "des", "tout", "toute", "tous", "toutes"}:
            return True
        if nxt.startswith("l'"):
            return True
        return view.capitalised(j + 1) and len(nxt) > 1 and nxt.isalpha()

    return check


# --- regretter de / avoir le regret de / être au regret de; avoir le plaisir de -----------------

_REGRET = (
    ("nous regrettons", "nous avons le regret", "nous sommes au regret"),
    ("je regrette", "j'ai le regret", "je suis au regret"),
)
_PLEASURE = (
    ("nous avons le plaisir", "nous sommes heureux", "nous sommes ravis"),
    ("nous aurons le plaisir", "nous serons heureux", "nous serons ravis"),
)


def _regret(view: SentenceView, i: int, j: int) -> bool:
    """ "nous regrettons de vous informer" / "nous avons le regret de vous informer" / "nous
    sommes au regret de vous informer"; "heureux" / "ravis" only with "nous" (masculine
    plural, as a company writes): "de" + infinitive after ("regretter son choix", "ravis de
    votre visite" keep their words); never after "que" (a subjunctive)."""
    if _after_que(view, i) or view.toks[j].trail:
        return False
    nxt = view.toks[j + 1].core.casefold() if view.ok(j + 1) else ""
    if nxt in ("d'avoir", "d’avoir", "d'être", "d’être"):
        return False  # "je regrette d'être venu" has no "j'ai le regret d'être venu"
    return _de_infinitive_at(view, j + 1)


# --- demander / prier de (with "vous" or "nous") ------------------------------------------------

_ASK = (
    ("demande", "prie", "p1s"),
    ("demande", "prie", "p3s"),
    ("demandons", "prions", ""),
    ("demandent", "prient", "subj"),
    ("demandera", "priera", ""),
    ("demanderons", "prierons", ""),
    ("demanderont", "prieront", ""),
    ("demanderait", "prierait", ""),
    ("demanderions", "prierions", ""),
)
_POLITE_FORMULAS = frozenset(words("agréer croire recevoir accepter trouver"))


def _ask(kind: str) -> Check:
    def check(view: SentenceView, i: int, j: int) -> bool:
        """ "nous vous demandons de respecter" / "nous vous prions de respecter": after the
        clitic "vous"/"nous", before "de" + infinitive; never the closing formulas ("je vous
        prie d'agréer", "de croire") nor "que" ("demander que" has no "prier que")."""
        clitic = view.n(i - 1)
        if clitic not in ("vous", "nous") or view.toks[i - 1].trail or view.toks[j].trail:
            return False
        subject = view.n(i - 2)
        if subject == clitic:
            return False
        if kind == "p1s" and subject != "je":
            return False
        if kind == "p3s" and (subject in ("je", "tu") or _que_before(view, i)):
            return False
        if kind == "subj" and _que_before(view, i):
            return False
        if not _de_infinitive_at(view, j + 1):
            return False
        t = view.toks[j + 1]
        verb = split_elision(t.core)[1] if view.n(j + 1) != "de" else view.n(j + 2)
        return verb.casefold() not in _POLITE_FORMULAS

    return check


# --- décider de / prendre la décision de ------------------------------------------------------

_DECIDE = (
    ("décider", "prendre la décision", ""),
    ("décide", "prend la décision", "p3s"),
    ("décident", "prennent la décision", "subj"),
    ("décidons", "prenons la décision", ""),
    ("décidez", "prenez la décision", ""),
    ("décidait", "prenait la décision", ""),
    ("décidaient", "prenaient la décision", ""),
    ("décidera", "prendra la décision", ""),
    ("décideront", "prendront la décision", ""),
    ("déciderait", "prendrait la décision", ""),
    ("décida", "prit la décision", ""),
    ("décidèrent", "prirent la décision", ""),
    ("décidé", "pris la décision", "pp"),
)


def _decide(kind: str) -> Check:
    def check(view: SentenceView, i: int, j: int) -> bool:
        """ "a décidé de fermer" / "a pris la décision de fermer": "de" + infinitive after
        ("décider que", "décider du sort" keep their word); never reflexive ("se décider à")
        nor "être décidé à" (determined); "décide" is also 1st person and subjunctive."""
        before, _ = _before_verb(view, i, j)
        if before in ("se", "s'", "me", "m'", "te", "t'") or before in DETERMINERS - {"de"}:
            return False
        aux = _aux(view, i, j)
        if (aux != "avoir") if kind == "pp" else bool(aux):
            return False
        if kind == "p3s" and (before in ("je", "j'", "tu") or i == view.first):
            return False
        if kind in ("p3s", "subj") and _que_before(view, i):
            return False
        return not view.toks[j].trail and _de_infinitive_at(view, j + 1)

    return check


def _second_round_swaps() -> list[Swap]:
    out: list[Swap] = []
    for *forms, kind in _INFORM_THAT:
        out.append(Swap("fr.syn.informer", tuple(forms), check=_inform(kind, que=True)))
    for *forms, kind in _INFORM_OF:
        out.append(Swap("fr.syn.informer_de", tuple(forms), check=_inform(kind, que=False)))
    for *forms, kind in (*_TAKE_PLACE, *_TOOK_PLACE):
        out.append(Swap("fr.syn.avoir_lieu", tuple(forms), check=_take_place(kind)))
    for a, b, kind in _IN_FORCE:
        out.append(Swap("fr.syn.entrer_vigueur", (a, b), check=_in_force(kind)))
    for a, b, kind in _CONTACT:
        out.append(Swap("fr.syn.contacter", (a, b), check=_contact(kind)))
    out += [Swap("fr.syn.regretter", row, check=_regret) for row in _REGRET]
    out += [Swap("fr.syn.plaisir", row, check=_regret) for row in _PLEASURE]
    for a, b, kind in _ASK:
        out.append(Swap("fr.syn.prier", (a, b), check=_ask(kind)))
    for a, b, kind in _DECIDE:
        out.append(Swap("fr.syn.decider", (a, b), check=_decide(kind)))
    return out


# --- prévu / programmé / planifié + a date ----------------------------------------------------

_SCHEDULED = (
    ("prévu", "programmé", "planifié"),
    ("prévue", "programmée", "planifiée"),
    ("prévus", "programmés", "planifiés"),
    ("prévues", "programmées", "planifiées"),
)
_EVENTS = _GATHERINGS | frozenset(
    words(
        "lancement lancements livraison livraisons déploiement déploiements migration "
        "migrations maintenance maintenances intervention interventions opération opérations "
        "coupure coupures fermeture fermetures ouverture ouvertures visite visites "
        "déménagement déménagements inauguration inaugurations publication publications "
        "audit audits exercice exercices test tests mise bascule"
    )
)
_WEEKDAYS = frozenset(words("lundi mardi mercredi jeudi vendredi samedi dimanche"))
_DAY_RE = re.compile(r"^(?:[1-9]|[12]\d|3[01]|1er)$")
_YEAR_RE = re.compile(r"^(?:19|20)\d\d$")
_THIS_TIME = frozenset(words("matin soir midi week-end weekend mois trimestre")) | _WEEKDAYS


def _date_at(view: SentenceView, k: int, depth: int = 0) -> bool:
    """A date or a time starts at token k ("le 3 mars", "lundi", "demain", "en mai", "début
    2025", "à 14 h", "pour le 3 mars")."""
    if not view.ok(k) or view.toks[k].lead:
        return False
    w = view.n(k)
    nxt = view.n(k + 1) if not view.toks[k].trail else ""
    if w in _WEEKDAYS or w in ("demain", "après-demain", "aujourd'hui"):
        return True
    if w == "le":
        return bool(_DAY_RE.match(nxt)) or nxt in _WEEKDAYS or nxt == "premier"
    if w in ("en", "début", "fin", "courant", "mi-") or w.startswith("mi-"):
        return nxt in MONTHS or bool(_YEAR_RE.match(nxt)) or w.startswith("mi-")
    if w == "ce":
        return nxt in _THIS_TIME
    if w == "cette":
        return nxt in ("semaine", "année", "après-midi", "nuit")
    if w == "à" and nxt[:1].isdigit():
        return nxt.endswith("h") or view.n(k + 2) in ("h", "heures")
    if w in ("pour", "dès") and depth == 0:
        return _date_at(view, k + 1, 1)
    return False


def _scheduled(view: SentenceView, i: int, j: int) -> bool:
    """ "la réunion est prévue le 3 mars" / "programmée" / "planifiée": an event before (the
    weather "prévu demain" is a forecast), a date after ("prévue pour 20 personnes" is
    designed for them); never after "avoir" ("nous avons prévu" plans), nor "comme prévu"."""
    if _aux(view, i, j) == "avoir" or view.n(i - 1) == "comme" or view.toks[j].trail:
        return False
    k = i - 1
    while view.n(k) in _ETRE or view.n(k) in _ADVERBS or view.n(k) in ("initialement", "qui"):
        if view.toks[k].trail:
            return False
        k -= 1
    for m in range(k, k - 4, -1):
        if not view.ok(m) or view.toks[m].trail:
            return False
        if split_elision(view.n(m))[1] in _EVENTS:
            break
        if view.n(m) in _GATHERING_STOP:
            return False
    else:
        return False
    return _date_at(view, j + 1)


# --- reporter / repousser (a meeting) ------------------------------------------------------

_POSTPONE_SLOTS = [s for s in _SLOTS if s != "ger"]
_POSTPONE = _rows([_er("report"), _er("repouss")], _POSTPONE_SLOTS)
_POSTPONE_PP = frozenset(
    f for row, s in zip(_POSTPONE, _POSTPONE_SLOTS, strict=True) if s in _PARTICIPLES for f in row
)


_POSTPONE_PRESENT = frozenset(words("reporte repousse reportent repoussent"))


def _gathering_object(view: SentenceView, k: int) -> bool:
    """A determiner and a gathering from token k ("la réunion", "l'assemblée")."""
    if not view.ok(k) or view.toks[k].lead:
        return False
    prefix, rest = split_elision(view.toks[k].core)
    if prefix.casefold() in ("l'", "l’"):
        return rest.casefold() in _GATHERINGS
    if view.n(k) not in DETERMINERS - {"de"} or view.toks[k].trail:
        return False
    return view.n(k + 1) in _GATHERINGS


def _postpone(view: SentenceView, i: int, j: int) -> bool:
    """ "la réunion est reportée" / "repoussée", "nous reportons la réunion" / "repoussons la
    réunion": a gathering is what is put off ("reporter les données dans le tableau" copies
    them, "repousser une offre" rejects it); "reporte" is also 1st person and subjunctive."""
    before, _ = _before_verb(view, i, j)
    if before in DETERMINERS - {"de"} or before in ("se", "s'"):
        return False
    w = view.n(j)
    if w in _POSTPONE_PP:
        aux = _aux(view, i, j)
        if aux == "etre":
            k = i - 1
            while view.n(k) in _ADVERBS or view.n(k) in _ETRE:
                k -= 1
            return _gathering_before(view, k)
        if aux != "avoir":
            return False
    elif w in _POSTPONE_PRESENT and (before in ("je", "j'", "tu") or _que_before(view, i)):
        return False
    return not view.toks[j].trail and _gathering_object(view, j + 1)


# --- rejoindre / intégrer (a team) -----------------------------------------------------------

_JOIN = (
    ("rejoindre", "intégrer", ""),
    ("rejoint", "intègre", "p3s"),
    ("rejoignent", "intègrent", "subj"),
    ("rejoignons", "intégrons", ""),
    ("rejoignez", "intégrez", ""),
    ("rejoignait", "intégrait", ""),
    ("rejoignaient", "intégraient", ""),
    ("rejoindra", "intégrera", ""),
    ("rejoindront", "intégreront", ""),
    ("rejoindrait", "intégrerait", ""),
    ("rejoindraient", "intégreraient", ""),
    ("rejoint", "intégré", "pp"),
)
_TEAMS = frozenset(
    words(
        "équipe équipes service direction groupe entreprise société département comité "
        "conseil cabinet agence pôle bureau filiale"
    )
)


def _join(kind: str) -> Check:
    def check(view: SentenceView, i: int, j: int) -> bool:
        """ "Marie rejoint notre équipe" / "Marie intègre notre équipe": a team, a company or
        a board after ("rejoindre ses amis", "intégrer une formule" keep their word); "rejoint"
        is the present or, after "avoir", the participle; "intègre" also 1st person and
        subjunctive; never reflexive ("se rejoindre")."""
        before, _ = _before_verb(view, i, j)
        if before in ("se", "s'", "nous", "vous") or before in DETERMINERS - {"de"}:
            return False
        aux = _aux(view, i, j)
        if (aux != "avoir") if kind == "pp" else bool(aux):
            return False
        if kind == "p3s" and (before in ("je", "j'", "tu") or _que_before(view, i)):
            return False
        if kind == "subj" and _que_before(view, i):
            return False
        if view.toks[j].trail or not view.ok(j + 1) or view.toks[j + 1].lead:
            return False
        prefix, rest = split_elision(view.toks[j + 1].core)
        if prefix.casefold() in ("l'", "l’"):
            return rest.casefold() in _TEAMS
        return view.n(j + 1) in DETERMINERS - {"de"} and view.n(j + 2) in _TEAMS

    return check


def _third_swaps() -> list[Swap]:
    out = [Swap("fr.syn.prevu", row, check=_scheduled) for row in _SCHEDULED]
    out += [Swap("fr.syn.reporter", row, check=_postpone) for row in _POSTPONE]
    out += [Swap("fr.syn.rejoindre", (a, b), check=_join(kind)) for a, b, kind in _JOIN]
    for a, b, kind in _SET_UP:
        out += _mixed_swaps("fr.syn.instaurer", [(a, b)], _set_up(kind))
    return out


# --- mettre en place / instaurer (a rule, a procedure) ------------------------------------------

_SET_UP = (
    ("mettre en place", "instaurer", ""),
    ("met en place", "instaure", "p3s"),
    ("mettent en place", "instaurent", "subj"),
    ("mettons en place", "instaurons", ""),
    ("mettez en place", "instaurez", ""),
    ("mettait en place", "instaurait", ""),
    ("mettaient en place", "instauraient", ""),
    ("mettra en place", "instaurera", ""),
    ("mettront en place", "instaureront", ""),
    ("mettrons en place", "instaurerons", ""),
    ("mettrait en place", "instaurerait", ""),
    ("mettraient en place", "instaureraient", ""),
    ("mit en place", "instaura", ""),
    ("mis en place", "instauré", "pp"),
    ("mise en place", "instaurée", "f"),
    ("mises en place", "instaurées", "fp"),
)
_RULES_SET_UP = frozenset(
    words(
        "dispositif dispositifs mesure mesures procédure procédures protocole protocoles "
        "règle règles politique politiques contrôle contrôles couvre-feu obligation "
        "obligations interdiction interdictions restriction restrictions quota quotas régime "
        "charte règlement taxe taxes comité commission programme programmes dialogue "
        "partenariat télétravail disposition dispositions"
    )
)
_RULES_F = frozenset(
    words(
        "mesure procédure règle politique obligation interdiction restriction charte taxe "
        "commission disposition"
    )
)


def _set_up(kind: str) -> Check:
    def check(view: SentenceView, i: int, j: int) -> bool:
        """ "mettre en place un dispositif" / "instaurer un dispositif": a rule, a procedure or
        a body is set up ("mettre en place un échafaudage" or "les chaises" is physical and
        has no "instaurer"); the feminine participles after the thing ("les mesures mises en
        place" / "instaurées"; "la mise en place de" is a noun); never negated inside the span
        ("n'instaure pas" / "ne met pas en place")."""
        before, _ = _before_verb(view, i, j)
        if before in ("ne", "n'", "se", "s'") or before in DETERMINERS - {"de"}:
            return False
        if kind in ("f", "fp"):
            k = i - 1
            while view.n(k) in _ETRE or view.n(k) in _ADVERBS:
                k -= 1
            noun = view.n(k)
            return noun in _RULES_F | {f + "s" for f in _RULES_F} and (
                noun.endswith("s") == (kind == "fp")
            )
        aux = _aux(view, i, j)
        if (aux != "avoir") if kind == "pp" else bool(aux):
            return False
        if kind == "p3s" and (before in ("je", "j'", "tu") or _que_before(view, i)):
            return False
        if kind == "subj" and _que_before(view, i):
            return False
        if view.toks[j].trail or not view.ok(j + 1) or view.toks[j + 1].lead:
            return False
        prefix, rest = split_elision(view.toks[j + 1].core)
        if prefix.casefold() in ("l'", "l’"):
            return rest.casefold() in _RULES_SET_UP
        k = j + 2
        if view.n(k) in ("nouveau", "nouvel", "nouvelle", "nouveaux", "nouvelles"):
            k += 1
        det = view.n(j + 1)
        return det in DETERMINERS - {"de", "tout", "toute"} and view.n(k) in _RULES_SET_UP

    return check


# --- constituer / représenter + a risk, a step, a share ---------------------------------------

_AMOUNT_SLOTS = [s for s in _SLOTS if s not in ("ger", "ppf", "pps", "ppfs")]
_CONSTITUTE = _rows([_er("constitu"), _er("représent")], _AMOUNT_SLOTS)
_CONSTITUTE_PP = frozenset(("constitué", "représenté"))
_STAKES = frozenset(
    words(
        "risque risques menace menaces danger dangers problème problèmes étape étapes atout "
        "atouts avantage avantages obstacle obstacles défi défis enjeu enjeux priorité "
        "priorités frein freins progrès avancée avancées amélioration améliorations "
        "opportunité opportunités tournant changement changements rupture exception "
        "exceptions infraction infractions violation violations faute fautes preuve preuves "
        "base socle"
    )
)
_STAKE_DETS = frozenset(words("un une des"))
_STAKE_ADJ = frozenset(
    words(
        "véritable vrai vraie réel réelle grand grande grands grandes gros grosse sérieux "
        "sérieuse nouveau nouvelle nouveaux nouvelles premier première important importante "
        "majeur majeure"
    )
)


def _constitute(view: SentenceView, i: int, j: int) -> bool:
    """ "cela constitue un risque" / "cela représente un risque": an indefinite risk, step,
    asset or breach follows ("il représente la France" speaks for it, "l'image représente un
    chat" depicts it); participles after "avoir" only ("est constitué de" is "made of", "est
    représenté par" is "stands for")."""
    before, _ = _before_verb(view, i, j)
    if before in DETERMINERS - {"de"} or before in ("se", "s'", "me", "te", "m'", "t'"):
        return False
    if view.n(j) in _CONSTITUTE_PP and _aux(view, i, j) != "avoir":
        return False
    if view.n(j) not in _CONSTITUTE_PP and _aux(view, i, j):
        return False
    if view.toks[j].trail or view.n(j + 1) not in _STAKE_DETS or view.toks[j + 1].trail:
        return False
    k = j + 2
    if view.n(k) in _STAKE_ADJ and not view.toks[k].trail:
        k += 1
    return view.n(k) in _STAKES and not view.toks[k].lead


# --- il convient de / il y a lieu de + infinitive ----------------------------------------------

_FITTING = (
    ("il convient", "il y a lieu"),
    ("il conviendra", "il y aura lieu"),
    ("il convenait", "il y avait lieu"),
    ("il conviendrait", "il y aurait lieu"),
)


def _fitting(view: SentenceView, i: int, j: int) -> bool:
    """ "il convient de rappeler" / "il y a lieu de rappeler": "de" + infinitive after (the
    "de" stays outside, so its elision holds for both); "il convient à tous" (suits) and
    "il y a lieu" alone keep their word; never after "que" or "si"."""
    if view.n(i - 1) in ("que", "si", "qu'") or view.toks[j].trail:
        return False
    return _de_infinitive_at(view, j + 1)


# --- rester / demeurer à votre disposition --------------------------------------------------

_AT_DISPOSAL = frozenset(words("votre vos ta sa leur notre entière"))


def _at_disposal(view: SentenceView, i: int, j: int) -> bool:
    """ "nous restons à votre disposition" / "nous demeurons à votre disposition" ("reste à
    faire", "le reste à payer" keep their word)."""
    before, _ = _before_verb(view, i, j)
    if before in DETERMINERS or before in ("du", "au", "aux", "à", "en", "y"):
        return False
    w = view.n(j)
    if w.endswith(("é", "ée", "és", "ées")) and _aux(view, i, j) != "etre":
        return False
    if view.toks[j].trail or view.n(j + 1) != "à" or view.toks[j + 1].trail:
        return False
    k = j + 2
    if view.n(k) in ("votre", "ta", "sa", "leur", "notre") and view.n(k + 1) == "entière":
        k += 1
    if view.n(k) in _AT_DISPOSAL and not view.toks[k].trail:
        return view.n(k + 1) in ("disposition", "écoute")
    return view.n(k) == "l'écoute"


def _fourth_swaps() -> list[Swap]:
    out = [Swap("fr.syn.constituer", row, check=_constitute) for row in _CONSTITUTE]
    out += [Swap("fr.syn.il_convient", row, check=_fitting) for row in _FITTING]
    out += [Swap("fr.syn.rester", row, check=_at_disposal) for row in _RESTER]
    return out


# --- il est important de / il importe de --------------------------------------------------------

_MATTERS = (
    ("il est important", "il importe"),
    ("il sera important", "il importera"),
    ("il était important", "il importait"),
    ("il serait important", "il importerait"),
)


def _matters(view: SentenceView, i: int, j: int) -> bool:
    """ "il est important de rappeler" / "il importe de rappeler", "il est important que" /
    "il importe que"; never "il importe des produits" (imports) nor after "que"/"si"."""
    if view.n(i - 1) in ("que", "si", "qu'") or view.toks[j].trail:
        return False
    nxt = view.n(j + 1)
    return nxt == "que" or nxt.startswith("qu'") or _de_infinitive_at(view, j + 1)


# --- aider à / contribuer à + infinitive -----------------------------------------------------

_HELP_SLOTS = [s for s in _SLOTS if s not in ("ger", "ppf", "pps", "ppfs")]
_HELP = _rows([_er("aid"), _er("contribu")], _HELP_SLOTS)


def _help_to(view: SentenceView, i: int, j: int) -> bool:
    """ "cela aide à réduire les coûts" / "cela contribue à réduire les coûts": "à" +
    infinitive right after ("aider un collègue" has no "contribuer un collègue", "une aide à
    l'embauche" is a noun); "aide" is also 1st person and subjunctive; participles after
    "avoir"."""
    before, _ = _before_verb(view, i, j)
    if before in DETERMINERS - {"de"} or before in _OBJECT_CLITICS or before in ("se", "s'"):
        return False
    w = view.n(j)
    if w in ("aidé", "contribué"):
        if _aux(view, i, j) != "avoir":
            return False
    elif _aux(view, i, j):
        return False
    if w in ("aide", "contribue", "aident", "contribuent") and (
        before in ("je", "j'", "tu") or _que_before(view, i)
    ):
        return False
    if view.toks[j].trail or view.n(j + 1) != "à" or view.toks[j + 1].trail:
        return False
    return _infinitive_at(view, j + 2)


# --- assurer / garantir (safety, continuity) -------------------------------------------------

_ENSURE = (
    ("assurer", "garantir", ""),
    ("assure", "garantit", "p3s"),
    ("assurent", "garantissent", ""),
    ("assurons", "garantissons", ""),
    ("assurez", "garantissez", ""),
    ("assurait", "garantissait", ""),
    ("assuraient", "garantissaient", ""),
    ("assurera", "garantira", ""),
    ("assureront", "garantiront", ""),
    ("assurerons", "garantirons", ""),
    ("assurerait", "garantirait", ""),
    ("assureraient", "garantiraient", ""),
    ("assuré", "garanti", "pp"),
    ("assurée", "garantie", "f"),
)
_ENSURED = {
    "sécurité": "f", "continuité": "f", "confidentialité": "f", "protection": "f",
    "intégrité": "f", "disponibilité": "f", "traçabilité": "f", "conformité": "f",
    "fiabilité": "f", "stabilité": "f", "pérennité": "f",
}  # fmt: skip


def _ensure(kind: str) -> Check:
    def check(view: SentenceView, i: int, j: int) -> bool:
        """ "assurer la sécurité" / "garantir la sécurité" and "la sécurité est assurée" /
        "garantie": only safety, continuity, confidentiality and their kin ("assurer un cours"
        teaches it, "assurer sa voiture" insures it, "assurer que" asserts, "le suivi est
        assuré" is done); never reflexive ("s'assurer que")."""
        before, _ = _before_verb(view, i, j)
        if before in DETERMINERS - {"de"} or before in ("se", "s'", "me", "m'", "te", "t'"):
            return False
        if kind == "f":
            k = i - 1
            while view.n(k) in _ETRE or view.n(k) in _ADVERBS:
                k -= 1
            if k == i - 1:
                return False
            for m in range(k, k - 4, -1):  # "la continuité du service est assurée"
                if not view.ok(m) or view.toks[m].trail or view.n(m) in _GATHERING_STOP:
                    return False
                if view.n(m) in _ENSURED:
                    return True
            return False
        aux = _aux(view, i, j)
        if (aux != "avoir") if kind == "pp" else bool(aux):
            return False
        if kind == "p3s" and (before in ("je", "j'", "tu") or _que_before(view, i)):
            return False
        if view.toks[j].trail or not view.ok(j + 1) or view.toks[j + 1].lead:
            return False
        prefix, rest = split_elision(view.toks[j + 1].core)
        if prefix.casefold() in ("l'", "l’"):
            return rest.casefold() in _ENSURED
        return view.n(j + 1) in ("la", "sa", "leur", "notre", "votre", "cette", "une") and (
            view.n(j + 2) in _ENSURED
        )

    return check


def _fifth_swaps() -> list[Swap]:
    out = [Swap("fr.syn.importer", row, check=_matters) for row in _MATTERS]
    out += _mixed_swaps("fr.syn.contribuer", _HELP, _help_to)
    for a, b, kind in _ENSURE:
        out += _mixed_swaps("fr.syn.garantir", [(a, b)], _ensure(kind))
    return out


# --- procéder à / effectuer (an operation) -------------------------------------------------

_PROCEED = (
    ("procéder", "effectuer"),
    ("procède", "effectue"),
    ("procèdent", "effectuent"),
    ("procédons", "effectuons"),
    ("procédez", "effectuez"),
    ("procédait", "effectuait"),
    ("procédaient", "effectuaient"),
    ("procédera", "effectuera"),
    ("procéderont", "effectueront"),
    ("procéderons", "effectuerons"),
    ("procéderait", "effectuerait"),
    ("procéderaient", "effectueraient"),
    ("procéda", "effectua"),
    ("procédèrent", "effectuèrent"),
    ("procédé", "effectué"),
)
_OPERATIONS = frozenset(
    words(
        "vérification vérifications contrôle contrôles modification modifications mise "
        "recrutement recrutements licenciement licenciements nomination nominations vote "
        "votes paiement paiements versement versements remboursement remboursements analyse "
        "analyses audit audits examen évaluation évaluations inventaire installation "
        "installations suppression suppressions réorganisation restructuration fermeture "
        "migration sauvegarde sauvegardes réinitialisation changement changements ajustement "
        "ajustements transfert transferts enquête enquêtes consultation sélection tirage "
        "tests essais travaux réparation réparations calcul relevé signature lancement "
        "déploiement nettoyage diagnostic recensement renouvellement révision validation "
        "correction corrections arrestation arrestations interpellation perquisition "
        "perquisitions achat achats acquisition cession réduction réductions embauche "
        "embauches dépôt vente"
    )
)
_OPERATION_ADJ = frozenset(
    words("nouvelle nouveau nouvelles nouveaux première premier dernière dernier large")
)


def _operation_at(view: SentenceView, k: int) -> bool:
    """An operation noun at token k, or after one adjective ("une nouvelle vérification")."""
    if not view.ok(k) or view.toks[k].lead:
        return False
    if view.n(k) in _OPERATION_ADJ and not view.toks[k].trail:
        k += 1
    prefix, rest = split_elision(view.toks[k].core) if view.ok(k) else ("", "")
    if prefix.casefold() in ("l'", "l’"):
        return rest.casefold() in _OPERATIONS
    return view.n(k) in _OPERATIONS


_PROCEED_DETS = frozenset(
    words(
        "la une un des ce cet cette ces son sa ses leur leurs notre nos votre vos plusieurs "
        "certains certaines quelques nouvelles nouveaux"
    )
)


def _proceed(view: SentenceView, i: int, j: int) -> bool:
    """ "procéder à la vérification" / "effectuer la vérification", "procède au contrôle" /
    "effectue le contrôle": an operation follows ("procéder de" stems from, "effectuer un
    stage" or "son service" has no "procéder à"); "effectué" after "avoir" only ("a été
    effectué" has no personal passive of "procéder à")."""
    before, _ = _before_verb(view, i, j)
    if before in DETERMINERS - {"de"} or before in ("se", "s'", "que", "qu'"):
        return False
    aux = _aux(view, i, j)
    if any(split_elision(view.n(k))[1] in ("procédé", "effectué") for k in range(i, j + 1)):
        if aux != "avoir":
            return False
    elif aux:
        return False
    if view.toks[j].trail or not view.ok(j + 1) or view.toks[j + 1].lead:
        return False
    last = view.n(j)
    if last in ("au", "aux", "le", "les"):  # the article is in the span
        return _operation_at(view, j + 1)
    nxt = view.n(j + 1)
    if nxt.startswith("l'"):
        return _operation_at(view, j + 1)
    return nxt in _PROCEED_DETS and _operation_at(view, j + 2)


def _proceed_rows() -> list[tuple[str, str]]:
    rows: list[tuple[str, str]] = []
    for p, e in _PROCEED:
        rows += [(f"{p} à", e), (f"{p} au", f"{e} le"), (f"{p} aux", f"{e} les")]
    return rows


# --- nommé / désigné (appointed) --------------------------------------------------------------

_APPOINTED = (
    ("nommé", "désigné"),
    ("nommée", "désignée"),
    ("nommés", "désignés"),
    ("nommées", "désignées"),
)
_ROLES = frozenset(
    words(
        "directeur directrice président présidente secrétaire trésorier trésorière rapporteur "
        "rapporteure délégué déléguée chef vice-président vice-présidente administrateur "
        "administratrice ministre gérant gérante porte-parole coordinateur coordinatrice "
        "médiateur médiatrice directeurs directrices présidents présidentes délégués "
        "déléguées administrateurs administratrices"
    )
)


def _appointed(view: SentenceView, i: int, j: int) -> bool:
    """ "a été nommée directrice" / "a été désignée directrice", "est nommé au poste de" /
    "désigné au poste de", "le conseil a nommé Marie présidente" / "a désigné Marie": a
    listed role or a name follows ("désigné responsable de l'accident" is blamed, "nommé
    d'après" named after, "un homme nommé Paul" is called)."""
    aux = _aux(view, i, j)
    if view.toks[j].trail or not view.ok(j + 1) or view.toks[j + 1].lead:
        return False
    nxt = view.n(j + 1)
    if aux == "avoir":
        named = view.capitalised(j + 1) and nxt.isalpha() and len(nxt) > 1
        return view.n(j) in ("nommé", "désigné") and named
    if aux != "etre":
        return False
    if nxt == "au" and view.n(j + 2) == "poste":
        return True
    if nxt == "à" and view.n(j + 2) == "la" and view.n(j + 3) == "tête":
        return True
    return nxt in _ROLES and not view.toks[j + 1].lead


def _sixth_swaps() -> list[Swap]:
    out: list[Swap] = []
    plain, prefixed = _mixed(_proceed)
    for row in _proceed_rows():
        out.append(Swap("fr.syn.proceder", row, check=plain))
        out.append(Swap("fr.syn.proceder", tuple(elide("de", f) for f in row), check=prefixed))
    out += [Swap("fr.syn.nommer", row, check=_appointed) for row in _APPOINTED]
    return out


# --- informé / avisé (passive) ----------------------------------------------------------------

_INFORMED = (
    ("informé", "avisé"),
    ("informée", "avisée"),
    ("informés", "avisés"),
    ("informées", "avisées"),
)


def _informed(view: SentenceView, i: int, j: int) -> bool:
    """ "les salariés ont été informés de ce projet" / "avisés de ce projet", "informés que" /
    "avisés que": after "être", before "de" + a noun phrase or "que" ("un public informé",
    "un conseil avisé" are adjectives; "il est avisé de partir" is "wise to")."""
    if _aux(view, i, j) != "etre" or view.n(i - 1) in ("bien", "mal", "mieux", "très"):
        return False
    if view.toks[j].trail:
        return False
    nxt = view.n(j + 1)
    if nxt == "que" or nxt.startswith("qu'"):
        return True
    if nxt not in ("de", "du", "des") and not (nxt.startswith("d'") and len(nxt) > 2):
        return False
    return not _de_infinitive_at(view, j + 1)


# --- adresser / envoyer (a letter, an application) --------------------------------------------

_SEND = (
    ("adresser", "envoyer", ""),
    ("adresse", "envoie", "p3s"),
    ("adressent", "envoient", "subj"),
    ("adressons", "envoyons", ""),
    ("adressez", "envoyez", ""),
    ("adressait", "envoyait", ""),
    ("adressaient", "envoyaient", ""),
    ("adressera", "enverra", ""),
    ("adresseront", "enverront", ""),
    ("adresserons", "enverrons", ""),
    ("adresserez", "enverrez", ""),
    ("adresserait", "enverrait", ""),
    ("adressé", "envoyé", "pp"),
    ("adressée", "envoyée", "pp"),
    ("adressés", "envoyés", "pp"),
    ("adressées", "envoyées", "pp"),
)
_MAIL = frozenset(
    words(
        "courrier courriers candidature candidatures dossier dossiers demande demandes lettre "
        "lettres message messages document documents question questions réclamation "
        "réclamations facture factures cv formulaire formulaires justificatif justificatifs "
        "convocation convocations invitation invitations"
    )
)


def _send(kind: str) -> Check:
    def check(view: SentenceView, i: int, j: int) -> bool:
        """ "adressez votre candidature" / "envoyez votre candidature", "les questions peuvent
        être adressées à la direction" / "envoyées à la direction": a letter, an application
        or a message as object, or a participle before its recipient ("à", "au", "aux");
        never "s'adresser à" (speak to), "adresser la parole", "adresser un problème";
        "adresse" is also a noun and a 1st person."""
        before, _ = _before_verb(view, i, j)
        if before in DETERMINERS - {"de"} or before in _REFLEXIVE or before in ("s'", "m'"):
            return False
        for k in (i - 1, i - 2):
            if view.n(k).startswith(("s'", "m'", "t'")) or view.n(k) in ("se", "me", "te"):
                return False
        if view.toks[j].trail or not view.ok(j + 1) or view.toks[j + 1].lead:
            return False
        if kind == "pp" and view.n(j + 1) in ("à", "au", "aux"):
            return True  # "les questions adressées à la direction" / "envoyées à"
        aux = _aux(view, i, j)
        if (aux != "avoir") if kind == "pp" else bool(aux):
            return False
        if kind == "p3s" and (before in ("je", "j'", "tu") or _que_before(view, i)):
            return False
        if kind == "subj" and _que_before(view, i):
            return False
        det = view.n(j + 1)
        if det.startswith("l'"):
            return split_elision(det)[1] in _MAIL
        return det in DETERMINERS - {"de"} and view.n(j + 2) in _MAIL

    return check


# --- porter plainte / déposer plainte -------------------------------------------------------

_COMPLAIN_SLOTS = [s for s in _SLOTS if s not in ("ppf", "pps", "ppfs")]
_COMPLAIN = _rows([_er("port"), _er("dépos")], _COMPLAIN_SLOTS)


def _complain(view: SentenceView, i: int, j: int) -> bool:
    """ "a porté plainte" / "a déposé plainte" (the bare noun is in the span: "la plainte
    déposée" keeps its word); participles after "avoir"."""
    if view.n(j - 1) in ("porté", "déposé") and _aux(view, i, j) != "avoir":
        return False
    before, _ = _before_verb(view, i, j)
    return before not in DETERMINERS - {"de"}


# --- rien n'indique que / rien ne laisse penser que -------------------------------------------

_HINT = (
    ("rien n'indique", "rien ne laisse penser", "rien ne laisse supposer"),
    ("rien n'indiquait", "rien ne laissait penser", "rien ne laissait supposer"),
    ("tout indique", "tout laisse penser", "tout laisse supposer"),
    ("tout indiquait", "tout laissait penser", "tout laissait supposer"),
)


def _hint(view: SentenceView, i: int, j: int) -> bool:
    """ "rien n'indique que" / "rien ne laisse penser que": a "que" clause after ("tout
    indique la sortie" is a sign)."""
    nxt = view.n(j + 1)
    return not view.toks[j].trail and (nxt == "que" or nxt.startswith("qu'"))


# --- nous nous excusons / nous vous présentons nos excuses --------------------------------------

_SORRY = (
    ("nous nous excusons", "nous vous présentons nos excuses"),
    ("je m'excuse", "je vous présente mes excuses"),
)


def _sorry(view: SentenceView, i: int, j: int) -> bool:
    """ "nous nous excusons pour la gêne" / "nous vous présentons nos excuses pour la gêne":
    "pour" or "de" + a noun phrase after (never after "que": a subjunctive)."""
    if _after_que(view, i) or view.toks[j].trail:
        return False
    nxt = view.n(j + 1)
    if nxt == "pour":
        return not _infinitive_at(view, j + 2)
    return nxt in ("du", "des") or (nxt == "de" and not _infinitive_at(view, j + 2))


# --- Je vous prie d'agréer / Veuillez agréer --------------------------------------------------

_FORMULA = (
    ("veuillez agréer", "je vous prie d'agréer", "je"),
    ("veuillez agréer", "nous vous prions d'agréer", "nous"),
    ("veuillez recevoir", "je vous prie de recevoir", "je"),
    ("veuillez recevoir", "nous vous prions de recevoir", "nous"),
)


def _formula(person: str) -> Check:
    def check(view: SentenceView, i: int, j: int) -> bool:
        """The closing formula "Veuillez agréer ... mes salutations" / "Je vous prie d'agréer
        ... mes salutations" ("nos salutations" with "nous"): at the sentence's start, the
        person told by the possessive later in the sentence."""
        if i != view.first:
            return False
        mine = ("mes", "ma", "mon") if person == "je" else ("nos", "notre")
        other = ("nos", "notre") if person == "je" else ("mes", "ma", "mon")
        found = [view.n(k) for k in range(j + 1, len(view.toks))]
        return any(w in mine for w in found) and not any(w in other for w in found)

    return check


def _seventh_swaps() -> list[Swap]:
    out = [Swap("fr.syn.informer_de", row, check=_informed) for row in _INFORMED]
    out += [Swap("fr.syn.envoyer", (a, b), check=_send(kind)) for a, b, kind in _SEND]
    out += [
        Swap("fr.syn.porter_plainte", (f"{a} plainte", f"{b} plainte"), check=_complain)
        for a, b in _COMPLAIN
    ]
    out += [Swap("fr.syn.rien_n_indique", row, check=_hint) for row in _HINT]
    out += [Swap("fr.syn.excuses", row, check=_sorry) for row in _SORRY]
    out += [Swap("fr.syn.agreer", (a, b), check=_formula(p), names=True) for a, b, p in _FORMULA]
    return out


# --- s'est dit / s'est déclaré + an attribute --------------------------------------------------

_SAID_SELF = (
    ("s'est dit", "s'est déclaré"),
    ("s'est dite", "s'est déclarée"),
    ("se sont dits", "se sont déclarés"),
    ("se sont dites", "se sont déclarées"),
    ("se dit", "se déclare"),
    ("se disent", "se déclarent"),
    ("se disait", "se déclarait"),
    ("se disaient", "se déclaraient"),
    ("se dira", "se déclarera"),
    ("se diront", "se déclareront"),
)


def _said_self(view: SentenceView, i: int, j: int) -> bool:
    """ "le ministre s'est dit préoccupé" / "s'est déclaré préoccupé": an adjective follows
    ("cela se dit souvent" is said, "il se dit que" is rumoured); never after "que" ("se dise"
    would be the subjunctive of the first)."""
    if view.toks[j].trail or (_que_before(view, i) and view.n(j) in ("dit", "déclare")):
        return False
    if view.n(i - 1) in ("ne", "n'"):
        return False
    k = _skip_negation(view, j + 1)
    if view.n(k).endswith("ment") or view.n(k) in ("souvent", "autrement", "comment"):
        return False  # "cela se dit souvent" / "couramment"
    return _attribute_at(view, k, infinitive=False)


# --- adopté / approuvé (a budget, minutes, a motion) --------------------------------------------

_ADOPT = _rows([_er("adopt"), _er("approuv")], [s for s in _SLOTS if s != "ger"])
_MOTIONS = frozenset(
    words(
        "budget budgets compte rendu procès-verbal rapport rapports résolution résolutions "
        "motion motions proposition propositions texte textes ordre amendement amendements "
        "comptes bilan bilans délibération délibérations statuts règlement accord accords "
        "protocole plan projet compte-rendu comptes-rendus procès-verbaux"
    )
)


def _motion_near(view: SentenceView, k: int, step: int) -> bool:
    """A motion, a budget or minutes within five words from token k in direction `step`."""
    for m in range(k, k + 6 * step, step):
        if not view.ok(m) or (step < 0 and view.toks[m].trail):
            return False
        if split_elision(view.n(m))[1] in _MOTIONS:
            return True
        if step > 0 and view.toks[m].trail:
            return False
    return False


def _adopt(view: SentenceView, i: int, j: int) -> bool:
    """ "le budget est adopté" / "approuvé", "l'assemblée adopte les comptes" / "approuve les
    comptes": a budget, minutes or a motion is voted ("adopter un enfant", "approuver
    quelqu'un" keep their word); "adopte" is also 1st person and subjunctive."""
    before, _ = _before_verb(view, i, j)
    if before in DETERMINERS - {"de"} or before in ("se", "s'"):
        return False
    w = view.n(j)
    aux = _aux(view, i, j)
    if w.endswith(("é", "ée", "és", "ées")):
        if aux == "etre":
            k = i - 1
            while view.n(k) in _ETRE or view.n(k) in _ADVERBS:
                k -= 1
            return _motion_near(view, k, -1)
        if aux != "avoir":
            return False
    elif aux:
        return False
    if w in ("adopte", "approuve", "adoptent", "approuvent") and (
        before in ("je", "j'", "tu") or _que_before(view, i)
    ):
        return False
    if view.toks[j].trail or not view.ok(j + 1):
        return False
    det = view.n(j + 1)
    if det.startswith("l'"):
        return split_elision(det)[1] in _MOTIONS
    return det in DETERMINERS - {"de"} and _motion_near(view, j + 2, 1)


def _eighth_swaps() -> list[Swap]:
    out = [Swap("fr.syn.se_declarer", row, check=_said_self) for row in _SAID_SELF]
    out += _mixed_swaps("fr.syn.adopter", _ADOPT, _adopt)
    return out


# --- the table ---------------------------------------------------------------------------


def _subject_rows() -> list[Swap]:
    out: list[Swap] = []
    for subj, slot, v in _WISH_PRESENT:
        forms = (*[f"{subj} {lem[slot]}" for lem in _WISH], f"{subj} {v}")
        out.append(Swap("fr.syn.vouloir", forms, check=_wish_subject))
    return out


def _wish_rows() -> list[Swap]:
    out: list[Swap] = []
    for s in _WISH_SLOTS:
        forms = tuple(lem[s] for lem in _WISH)
        if s in _VOULOIR:
            out.append(Swap("fr.syn.vouloir", (*forms, _VOULOIR[s]), check=_wish_vouloir))
        else:
            out.append(Swap("fr.syn.vouloir", forms, check=_wish_plain))
    return out


SWAPS: list[Swap] = [
    *[Swap("fr.syn.utiliser", row, check=_utiliser) for row in _UTILISER],
    *_mixed_swaps("fr.syn.terminer", _TERMINER_ROWS, _terminer),
    *[Swap("fr.syn.commencer", row, check=_commencer) for row in _COMMENCER],
    *_subject_rows(),
    *_wish_rows(),
    *[Swap("fr.syn.necessiter", row, check=_necessiter) for row in _NECESSITER],
    *[Swap("fr.syn.participer", row, check=_participer) for row in _PARTICIPER],
    *_mixed_swaps("fr.syn.essayer", _ESSAYER, _essayer),
    Swap("fr.syn.mettre_fin", ("fin", "un terme"), check=_after_mettre),
    Swap("fr.syn.prendre_compte", ("compte", "considération"), check=_after_prendre_en),
    *[Swap("fr.syn.proposer", row, check=_advise(que=True)) for row in _PROPOSER],
    *[Swap("fr.syn.recommander", row, check=_advise(que=False)) for row in _RECOMMANDER],
    *_mixed_swaps("fr.syn.occuper", _OCCUPER, _occuper),
    *[Swap("fr.syn.rendre_compte", row, check=_realise) for row in _REALISE],
    *_mixed_swaps("fr.syn.recourir", _APPEAL, _appeal),
    *_mixed_swaps("fr.syn.recourir", [_APPEAL_PP], _appeal_pp),
    *_see_to_swaps(),
    Swap("fr.syn.capable", ("capable", "en mesure"), check=_able(False)),
    *[Swap("fr.syn.sembler", (a, b), check=_seem(kind)) for a, b, kind in _SEMBLER],
    *[Swap("fr.syn.rester", row, check=_remain) for row in _RESTER],
    *_think_swaps(),
    *[
        sw
        for a, b, kind in _INTEND
        for sw in _mixed_swaps("fr.syn.compter", [(a, b)], _intend(kind))
    ],
    *[Swap("fr.syn.porter_sur", (f"{a} sur", b), check=_about) for a, b in _CONCERN],
    *[Swap("fr.syn.s_elever", row, check=_amount_after_a) for row in _AMOUNT_TO],
    *_mixed_swaps("fr.syn.augmenter", _GROW, _by_percent),
    *[Swap("fr.syn.diminuer", row, check=_by_percent) for row in _SHRINK],
    *[Swap("fr.syn.penser", (a, b, c), check=_think_plain(kind)) for a, b, c, kind in _THINK_PLAIN],
    *[Swap("fr.syn.susciter", row, check=_arouse) for row in _SUSCITER],
    *[Swap("fr.syn.mener", (a, b), check=_lead(kind)) for a, b, kind in _LEAD],
    *[Swap("fr.syn.choisir", row, check=_chosen) for row in _CHOSEN],
    *_enable_swaps(),
    *[
        Swap("fr.syn.craindre", (a, b), check=_that_verb(kind, de_infinitive=True))
        for a, b, kind in _FEAR
    ],
    *_mixed_swaps(
        "fr.syn.reconnaitre", [(a, b) for a, b, _ in _ADMIT_THAT if _ != "pp"], _that_verb("")
    ),
    *_mixed_swaps("fr.syn.reconnaitre", [("reconnu", "admis")], _that_verb("pp")),
    *[
        sw
        for a, b, kind in _CLAIM
        for sw in _mixed_swaps("fr.syn.affirmer", [(a, b)], _that_verb(kind))
    ],
    *_underline_swaps(),
    *_mixed_swaps("fr.syn.cesser", _STOP, _stop),
    *[Swap("fr.syn.dire", (a, b), check=_say(kind)) for a, b, kind in _SAY],
    *[Swap("fr.syn.prouver", row, check=_that_next) for row in _PROVE],
    *_mixed_swaps("fr.syn.constater", _NOTICE, _that_next),
    *_mixed_swaps("fr.syn.parvenir", _MANAGE, _manage),
    *[Swap("fr.syn.obliger", row, check=_forced) for row in _FORCED],
    Swap("fr.syn.capable", ("capables", "en mesure"), check=_able(True)),
    *_second_round_swaps(),
    *_third_swaps(),
    *_fourth_swaps(),
    *_fifth_swaps(),
    *_sixth_swaps(),
    *_seventh_swaps(),
    *_eighth_swaps(),
]


def _guarded(check: Check | None) -> Check:
    """Every swap: no slot on an infinitive another rule's span may take in ("pour
    utiliser" / "afin d'utiliser", "il faut utiliser", "continuer à utiliser"), whose
    choice would depend on which of the two slots a copy kept."""

    def guarded(view: SentenceView, i: int, j: int) -> bool:
        prev = view.n(i - 1)
        cut = i > 0 and bool(view.toks[i - 1].trail)  # "Si nécessaire, contactez"
        if not cut and (prev in _PURPOSE - {"à"} or (prev == "à" and view.n(i - 2) in _CONTINUE)):
            return False
        return check is None or check(view, i, j)

    return guarded


SWAPS = [replace(swap, check=_guarded(swap.check)) for swap in SWAPS]
TABLE = SwapTable(SWAPS)
RULES: dict[str, str] = {
    **TABLE.rules(),
    "fr.syn.falloir": "il faut / il est nécessaire de (+ infinitif ou que)",
    "fr.syn.tenir_compte": "tenir compte de / prendre en compte / prendre en considération",
}
FINDERS: tuple[Callable[[SentenceView], Iterator[Hit | None]], ...] = (
    _falloir,
    _account,
    TABLE.hits,
)

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
"""

from __future__ import annotations

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
    return not view.toks[j].trail and _word_at(view, j + 1) in ("à", "au", "aux")


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
    if before in DETERMINERS or before in ("du", "au", "aux", "à"):
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
    words("veut voulait voudrait vouloir faut faudrait fallait me te lui nous vous leur m' t' on")
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
]


def _guarded(check: Check | None) -> Check:
    """Every swap: no slot on an infinitive another rule's span may take in ("pour
    utiliser" / "afin d'utiliser", "il faut utiliser", "continuer à utiliser"), whose
    choice would depend on which of the two slots a copy kept."""

    def guarded(view: SentenceView, i: int, j: int) -> bool:
        prev = view.n(i - 1)
        if prev in _PURPOSE - {"à"} or (prev == "à" and view.n(i - 2) in _CONTINUE):
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

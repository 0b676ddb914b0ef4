"""French verb synonyms (`fr_syn_verbs`): each rule both ways, and the contexts where a
naive table would swap but the meaning, the mood or the construction would change."""

from __future__ import annotations

import pytest

from townsquare.canary.lexical import LexicalCandidate, find_lexical
from townsquare.canary.lexical.fr_syn_verbs import RULES
from townsquare.canary.normalize import lexical_form
from townsquare.canary.segment import canonicalize, segment


def run(raw: str) -> list[LexicalCandidate]:
    text = canonicalize(raw)
    sentences, tokens = segment(text, "fr")
    cands = find_lexical(text, sentences, tokens, "fr")
    for c in cands:
        assert c.variants[0] == text[c.start : c.end]
        assert len({lexical_form(v) for v in c.variants}) == len(c.variants), c
    return cands


def variants(raw: str, original: str) -> tuple[str, ...]:
    for c in run(raw):
        if c.variants[0] == original:
            return c.variants
    return ()


def forms(vs: tuple[str, ...]) -> frozenset[str]:
    return frozenset(lexical_form(v) for v in vs)


# (text, original span, expected variants (the original first), rule)
CASES: list[tuple[str, str, tuple[str, ...], str]] = [
    (
        "Nous utilisons ce logiciel depuis 2010.",
        "utilisons",
        ("utilisons", "employons"),
        "fr.syn.utiliser",
    ),
    (
        "Il est possible d'utiliser un autre outil.",
        "d'utiliser",
        ("d'utiliser", "d'employer"),
        "fr.syn.utiliser",
    ),
    ("Il a employé le nouveau serveur.", "employé", ("employé", "utilisé"), "fr.syn.utiliser"),
    (
        "Nous devons terminer le rapport avant lundi.",
        "terminer",
        ("terminer", "achever", "finir"),
        "fr.syn.terminer",
    ),
    (
        "Il est important de terminer le rapport.",
        "de terminer",
        ("de terminer", "d'achever", "de finir"),
        "fr.syn.terminer",
    ),
    (
        "La réunion s'achève à midi.",
        "s'achève",
        ("s'achève", "se termine"),
        "fr.syn.terminer",
    ),
    ("Le projet est terminé.", "terminé.", ("terminé.", "achevé.", "fini."), "fr.syn.terminer"),
    ("La réunion commence à 9 h.", "commence", ("commence", "débute"), "fr.syn.commencer"),
    (
        "Le projet a débuté en 2019.",
        "débuté",
        ("débuté", "commencé"),
        "fr.syn.commencer",
    ),
    (
        "Je souhaite vous informer du changement.",
        "Je souhaite",
        ("Je souhaite", "Je désire", "Je veux"),
        "fr.syn.vouloir",
    ),
    (
        "Il veut partir demain.",
        "Il veut",
        ("Il veut", "Il souhaite", "Il désire"),
        "fr.syn.vouloir",
    ),
    (
        "Elle voudrait partir tôt.",
        "voudrait",
        ("voudrait", "souhaiterait", "désirerait"),
        "fr.syn.vouloir",
    ),
    (
        "Bien que je souhaite partir, je reste.",
        "souhaite",
        ("souhaite", "désire"),
        "fr.syn.vouloir",
    ),
    ("Cela nécessite du temps.", "nécessite", ("nécessite", "requiert"), "fr.syn.necessiter"),
    (
        "Ces tâches requièrent une attention particulière.",
        "requièrent",
        ("requièrent", "nécessitent"),
        "fr.syn.necessiter",
    ),
    (
        "Nous participerons à la réunion.",
        "participerons",
        ("participerons", "prendrons part"),
        "fr.syn.participer",
    ),
    (
        "Il a pris part aux travaux.",
        "pris part",
        ("pris part", "participé"),
        "fr.syn.participer",
    ),
    (
        "Il tente de rassurer les investisseurs.",
        "tente",
        ("tente", "essaie", "essaye", "tâche"),
        "fr.syn.essayer",
    ),
    (
        "Il est utile d'essayer de comprendre.",
        "d'essayer",
        ("d'essayer", "de tenter", "de tâcher"),
        "fr.syn.essayer",
    ),
    (
        "Il n'essaie pas de comprendre.",
        "n'essaie",
        ("n'essaie", "n'essaye", "ne tente", "ne tâche"),
        "fr.syn.essayer",
    ),
    (
        "Nous avons décidé de mettre fin à ce contrat.",
        "fin",
        ("fin", "un terme"),
        "fr.syn.mettre_fin",
    ),
    (
        "Il faut prendre ces éléments en compte.",
        "compte.",
        ("compte.", "considération."),
        "fr.syn.prendre_compte",
    ),
    (
        "Nous devons tenir compte du contexte.",
        "tenir compte du",
        ("tenir compte du", "prendre en compte le", "prendre en considération le"),
        "fr.syn.tenir_compte",
    ),
    (
        "Le comité prendra en considération la demande.",
        "prendra en considération la",
        ("prendra en considération la", "tiendra compte de la", "prendra en compte la"),
        "fr.syn.tenir_compte",
    ),
    (
        "Il faut installer le paquet.",
        "Il faut installer",
        ("Il faut installer", "Il est nécessaire d'installer"),
        "fr.syn.falloir",
    ),
    (
        "Il est nécessaire de le faire.",
        "Il est nécessaire de",
        ("Il est nécessaire de", "Il faut"),
        "fr.syn.falloir",
    ),
    (
        "Il faut que nous partions.",
        "Il faut",
        ("Il faut", "Il est nécessaire"),
        "fr.syn.falloir",
    ),
    (
        "Je vous propose de reporter la réunion.",
        "propose",
        ("propose", "suggère"),
        "fr.syn.proposer",
    ),
    (
        "Nous vous conseillons de sauvegarder vos fichiers.",
        "conseillons",
        ("conseillons", "recommandons"),
        "fr.syn.recommander",
    ),
    ("Je m'occupe du dossier.", "m'occupe", ("m'occupe", "me charge"), "fr.syn.occuper"),
    (
        "Elle se charge des inscriptions.",
        "se charge",
        ("se charge", "s'occupe"),
        "fr.syn.occuper",
    ),
    (
        "Il s'aperçoit que c'est difficile.",
        "s'aperçoit",
        ("s'aperçoit", "se rend compte"),
        "fr.syn.rendre_compte",
    ),
    (
        "Nous faisons appel à un prestataire.",
        "faisons appel",
        ("faisons appel", "recourons", "avons recours"),
        "fr.syn.recourir",
    ),
    (
        "Elle n'a recours à aucun outil.",
        "n'a recours",
        ("n'a recours", "ne fait appel", "ne recourt"),
        "fr.syn.recourir",
    ),
    (
        "Il a eu recours à un expert.",
        "eu recours",
        ("eu recours", "fait appel", "recouru"),
        "fr.syn.recourir",
    ),
    (
        "Nous ferons en sorte que le service reste disponible.",
        "ferons en sorte",
        ("ferons en sorte", "veillerons à ce"),
        "fr.syn.veiller",
    ),
    (
        "Veillez à respecter les consignes.",
        "Veillez à",
        ("Veillez à", "Faites en sorte de"),
        "fr.syn.veiller",
    ),
    (
        "Le système est capable de traiter mille requêtes.",
        "capable",
        ("capable", "en mesure"),
        "fr.syn.capable",
    ),
    (
        "Les agents sont en mesure de répondre.",
        "en mesure",
        ("en mesure", "capables"),
        "fr.syn.capable",
    ),
    ("Cela semble difficile.", "semble", ("semble", "paraît"), "fr.syn.sembler"),
    ("Les résultats ont paru décevants.", "paru", ("paru", "semblé"), "fr.syn.sembler"),
    ("Le taux reste stable.", "reste", ("reste", "demeure"), "fr.syn.rester"),
    (
        "Les prix sont demeurés élevés.",
        "demeurés",
        ("demeurés", "restés"),
        "fr.syn.rester",
    ),
    (
        "Je pense que nous devons agir.",
        "Je pense",
        ("Je pense", "Je crois", "J'estime"),
        "fr.syn.penser",
    ),
    (
        "Ils estiment que le budget suffit.",
        "Ils estiment",
        ("Ils estiment", "Ils pensent", "Ils croient"),
        "fr.syn.penser",
    ),
    (
        "Le directeur a déclaré que les résultats étaient bons.",
        "déclaré",
        ("déclaré", "dit"),
        "fr.syn.dire",
    ),
    (
        "Cette étude démontre que le traitement est efficace.",
        "démontre",
        ("démontre", "prouve"),
        "fr.syn.prouver",
    ),
    (
        "J'observe que les délais augmentent.",
        "J'observe",
        ("J'observe", "Je constate", "Je remarque"),
        "fr.syn.constater",
    ),
    (
        "Les équipes parviennent à tenir les délais.",
        "parviennent",
        ("parviennent", "arrivent", "réussissent"),
        "fr.syn.parvenir",
    ),
    (
        "Il n'arrive pas à comprendre.",
        "n'arrive",
        ("n'arrive", "ne parvient", "ne réussit"),
        "fr.syn.parvenir",
    ),
    (
        "Nous sommes contraints de reporter le lancement.",
        "contraints",
        ("contraints", "obligés", "forcés"),
        "fr.syn.obliger",
    ),
    (
        "Ce logiciel permet de gérer les fichiers.",
        "permet",
        ("permet", "donne la possibilité", "offre la possibilité"),
        "fr.syn.permettre",
    ),
    (
        "Cette réforme a offert la possibilité de réduire les coûts.",
        "offert la possibilité",
        ("offert la possibilité", "permis", "donné la possibilité"),
        "fr.syn.permettre",
    ),
]


CASES += [
    (
        "Nous craignons que la situation ne s'aggrave.",
        "craignons",
        ("craignons", "redoutons"),
        "fr.syn.craindre",
    ),
    ("Il a craint que le projet échoue.", "craint", ("craint", "redouté"), "fr.syn.craindre"),
    ("Je redoute que tout échoue.", "redoute", ("redoute", "crains"), "fr.syn.craindre"),
    ("Il redoute que tout échoue.", "redoute", ("redoute", "craint"), "fr.syn.craindre"),
    (
        "J'admets que j'ai eu tort.",
        "J'admets",
        ("J'admets", "Je reconnais"),
        "fr.syn.reconnaitre",
    ),
    (
        "Il a reconnu que la situation était grave.",
        "reconnu",
        ("reconnu", "admis"),
        "fr.syn.reconnaitre",
    ),
    (
        "Le rapport souligne que les risques augmentent.",
        "souligne",
        ("souligne", "insiste sur le fait"),
        "fr.syn.souligner",
    ),
    ("Elle affirme que tout va bien.", "affirme", ("affirme", "soutient"), "fr.syn.affirmer"),
    (
        "Ils soutiennent que la réforme est injuste.",
        "soutiennent",
        ("soutiennent", "affirment"),
        "fr.syn.affirmer",
    ),
    ("Il a cessé de fumer.", "cessé", ("cessé", "arrêté"), "fr.syn.cesser"),
    (
        "Nous avons l'intention de lancer un service.",
        "avons l'intention de",
        ("avons l'intention de", "comptons"),
        "fr.syn.compter",
    ),
    (
        "Je compte partir demain.",
        "Je compte",
        ("Je compte", "J'ai l'intention de"),
        "fr.syn.compter",
    ),
    (
        "L'étude porte sur le budget.",
        "porte sur",
        ("porte sur", "concerne"),
        "fr.syn.porter_sur",
    ),
    (
        "Le coût total s'élève à 3 millions d'euros.",
        "s'élève",
        ("s'élève", "se monte", "se chiffre"),
        "fr.syn.s_elever",
    ),
    (
        "Les ventes ont augmenté de 5 % en un an.",
        "augmenté",
        ("augmenté", "progressé"),
        "fr.syn.augmenter",
    ),
    (
        "Les prix ont baissé de 3 % cette année.",
        "baissé",
        ("baissé", "diminué", "reculé"),
        "fr.syn.diminuer",
    ),
    (
        "Les élus estiment que le projet est fragile.",
        "estiment",
        ("estiment", "pensent", "croient"),
        "fr.syn.penser",
    ),
    (
        "Le volet logement a suscité de vifs débats.",
        "suscité",
        ("suscité", "provoqué"),
        "fr.syn.susciter",
    ),
    ("Cette conception mène à la fatigue.", "mène", ("mène", "conduit"), "fr.syn.mener"),
    (
        "Cela conduit à penser que le projet échouera.",
        "conduit",
        ("conduit", "mène"),
        "fr.syn.mener",
    ),
    (
        "Debian a été sélectionné comme système d'exploitation.",
        "sélectionné",
        ("sélectionné", "choisi"),
        "fr.syn.choisir",
    ),
    (
        "Il n'arrête pas de répéter la même chose.",
        "n'arrête",
        ("n'arrête", "ne cesse"),
        "fr.syn.cesser",
    ),
]


@pytest.mark.parametrize(("raw", "original", "expected", "rule"), CASES)
def test_slot_and_its_way_back(
    raw: str, original: str, expected: tuple[str, ...], rule: str
) -> None:
    found = [c for c in run(raw) if c.variants[0] == original]
    assert found, (raw, [c.variants for c in run(raw)])
    assert found[0].rule == rule
    assert forms(found[0].variants) == forms(expected), found[0].variants
    text = canonicalize(raw)
    start = text.index(original)
    for v in expected[1:]:
        copy = text[:start] + v + text[start + len(original) :]
        back = [c for c in run(copy) if c.start == start]
        assert back, (copy, run(copy))
        assert back[0].rule == rule
        assert forms(back[0].variants) == forms(expected), (copy, back[0].variants)


def test_every_rule_has_a_case() -> None:
    assert {rule for *_, rule in CASES} == set(RULES)


# (text, a word or phrase of it that no `fr_syn_verbs` slot may touch)
SILENT: list[tuple[str, str]] = [
    ("L'entreprise emploie 200 personnes.", "emploie"),  # to employ people
    ("Elle est employée par Red Hat.", "employée"),  # employed, not used
    ("Un employé a quitté la société.", "employé"),  # a noun
    ("Ce mot s'emploie rarement.", "s'emploie"),  # reflexive ("s'employer à" = to strive)
    ("Il a fini par accepter.", "fini"),  # "finir par" = to end up
    ("Le film finira à 22 h.", "finira"),  # intransitive: no "achèvera à 22 h"
    ("Je voudrais en finir avec ce dossier.", "finir"),  # "en finir"
    ("Pour terminer le travail, il faut du temps.", "terminer"),  # "pour" + infinitive
    ("Afin de terminer le travail, nous restons.", "de terminer"),  # "afin de" slot
    ("Il commence à pleuvoir.", "commence"),  # no "débute à pleuvoir"
    ("Il a commencé le travail hier.", "commencé"),  # "débuter le travail" is criticised
    ("Ce mot veut dire autre chose.", "veut"),  # "vouloir dire" = to mean
    ("La loi voulait que chacun paie.", "voulait"),  # the law requires
    ("Je vous prie de bien vouloir répondre.", "vouloir"),  # "bien vouloir" = kindly
    ("Il souhaite un bon anniversaire à Paul.", "souhaite"),  # wishing someone something
    ("Bien que cela nécessite du temps, nous le ferons.", "nécessite"),  # subjunctive
    ("La nécessité de changer est claire.", "nécessité"),  # a noun
    ("Il faut que tu participes à la réunion.", "participes"),  # 2nd person
    ("Il participe de la même logique.", "participe"),  # "participer de" = to partake of
    ("La tente de Pierre est grande.", "tente"),  # a tent
    ("Il est tenté de partir.", "tenté"),  # tempted
    ("La tâche de vérifier les comptes revient à Paul.", "tâche"),  # a task
    ("Le contrat prend fin en mai.", "fin"),  # "prendre fin": no "prendre un terme"
    ("Le montant est versé en compte courant.", "compte"),  # a bank account
    ("Le contexte est pris en compte.", "pris"),  # passive: no "tenu compte"
    ("Il faut du temps.", "Il faut"),  # "il faut" + noun
    ("Il ne faut pas partir.", "faut"),  # must not vs need not
    ("Il faut dire que le résultat est décevant.", "Il faut"),  # admittedly
    ("Il faut croire que le projet avance.", "Il faut"),  # apparently
    ("Je me propose de vous aider.", "propose"),  # "se proposer de" = to intend
    ("Le conseiller de Pierre est parti.", "conseiller"),  # a noun
    ("Il s'occupe beaucoup.", "s'occupe"),  # keeps busy
    ("Vous rendez compte de vos activités à votre responsable.", "rendez compte"),  # report
    ("Il a fait appel de la décision.", "fait appel"),  # an appeal
    ("Il faut veiller au respect des règles.", "veiller"),  # "veiller à" + noun
    ("Il est capable de tout.", "capable"),  # no "en mesure de tout"
    ("Il semble que tout va bien.", "semble"),  # "il paraît que" is hearsay
    ("Le livre paraît en mai.", "paraît"),  # published
    ("Le reste du temps, il travaille.", "reste"),  # a noun
    ("Il reste beaucoup à faire.", "reste"),  # impersonal, no attribute
    ("Bien que je pense que tout va bien, je reste prudent.", "pense"),  # subjunctive
    ("Il pense à ses vacances.", "pense"),  # "penser à"
    ("Il m'a dit que le projet avançait.", "dit"),  # told me
    ("On dit que le projet avance.", "dit"),  # hearsay
    ("Il est dit que le projet avance.", "dit"),  # impersonal passive
    ("Il fait observer que les délais augmentent.", "observer"),  # "faire observer" = point out
    ("Nous devons observer les règles.", "observer"),  # to obey
    ("Je n'arrive pas à comprendre.", "arrive"),  # 1st person: "je ne parviens"
    ("Il arrive à Paris demain.", "arrive"),  # arriving
    ("Je vous serais obligé de me répondre.", "obligé"),  # I would be grateful
    ("Je me permets de vous écrire.", "permets"),  # I take the liberty
    ("Il a obtenu le permis de conduire.", "permis"),  # a licence
    ("Il est permis de fumer ici.", "permis"),  # passive: allowed
    ("Il me permet de travailler.", "permet"),  # "m'offre" would need another span
    ("Ce produit craint l'humidité.", "craint"),  # sensitive to, no "que"
    ("Bien que le maire redoute que tout échoue, il reste.", "redoute"),  # subjunctive
    ("Il reconnaît son erreur.", "reconnaît"),  # no "que" clause
    ("Il a été admis que tout va bien.", "admis"),  # passive
    ("Il faut reconnaître que le résultat est décevant.", "reconnaître"),  # admittedly
    ("Il a souligné le titre.", "souligné"),  # underlined
    ("J'affirme que tout va bien.", "affirme"),  # "je soutiens", not "je soutient"
    ("Nous soutenons ce projet.", "soutenons"),  # to support
    ("Il ne cesse de répéter la même chose.", "cesse"),  # no "n'arrête de"
    ("La police a arrêté le suspect.", "arrêté"),  # arrested
    ("Bien que le maire pense que tout va bien, il reste.", "pense"),  # subjunctive
    ("L'incendie a été provoqué par un court-circuit.", "provoqué"),  # no reaction noun
    ("Il conduit à Paris chaque matin.", "conduit"),  # driving
    ("Nous avons choisi de partir.", "choisi"),  # no "sélectionné de"
    ("Je choisis le modèle le plus simple.", "choisis"),  # present, not a participle
    ("Il compte les jours.", "compte"),  # counts
    ("Le compte de Pierre est bloqué.", "compte"),  # an account
    ("Nous avons l'intention d'installer un service.", "avons"),  # the infinitive elides
    ("Cela me concerne directement.", "concerne"),  # an object pronoun
    ("Il porte sur son dos un sac.", "porte"),  # carries
    ("La porte sur la rue est fermée.", "porte"),  # a door
    ("La voix s'élève à peine.", "s'élève"),  # rises
    ("Il a reculé de trois mètres.", "reculé"),  # moved back
    ("Nous devons augmenter les prix de 5 %.", "augmenter"),  # transitive
]


@pytest.mark.parametrize(("raw", "word"), SILENT)
def test_silent(raw: str, word: str) -> None:
    text = canonicalize(raw)
    start = text.index(word)
    end = start + len(word)
    for c in run(raw):
        if c.rule in RULES:
            assert c.end <= start or c.start >= end, (raw, c)

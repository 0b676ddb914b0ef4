"""French verb synonyms (`fr_syn_verbs`): each rule both ways, and the contexts where a
naive table would swap but the meaning, the mood or the construction would change."""

from __future__ import annotations

import pytest
from tests.unit.lexical_helpers import candidates, slot_of

from townsquare.canary.lexical import LexicalCandidate
from townsquare.canary.lexical.fr_syn_verbs import RULES
from townsquare.canary.normalize import lexical_form
from townsquare.canary.segment import canonicalize


def run(raw: str) -> list[LexicalCandidate]:
    return candidates(raw, "fr")[1]


def variants(raw: str, original: str) -> tuple[str, ...]:
    c = slot_of(run(raw), original)
    return c.variants if c else ()


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
    # second round: memos, notices, news
    (
        "Nous vous informons que le bureau sera fermé.",
        "informons",
        ("informons", "avisons", "faisons savoir", "annonçons"),
        "fr.syn.informer",
    ),
    (
        "Je vous informe que la réunion est annulée.",
        "informe",
        ("informe", "avise", "fais savoir", "annonce"),
        "fr.syn.informer",
    ),
    (
        "Il vous fait savoir que tout va bien.",
        "fait savoir",
        ("fait savoir", "informe", "avise", "annonce"),
        "fr.syn.informer",
    ),
    (
        "Nous vous faisons part de notre décision.",
        "faisons part",
        ("faisons part", "informons", "avisons"),
        "fr.syn.informer_de",
    ),
    (
        "La réunion aura lieu le 3 mars.",
        "aura lieu",
        ("aura lieu", "se tiendra", "se déroulera"),
        "fr.syn.avoir_lieu",
    ),
    (
        "La réunion a eu lieu hier.",
        "a eu lieu",
        ("a eu lieu", "s'est tenue", "s'est déroulée"),
        "fr.syn.avoir_lieu",
    ),
    (
        "Les élections se sont déroulées dimanche.",
        "se sont déroulées",
        ("se sont déroulées", "ont eu lieu", "se sont tenues"),
        "fr.syn.avoir_lieu",
    ),
    (
        "Il faut que la réunion se tienne à Paris.",
        "se tienne",
        ("se tienne", "ait lieu", "se déroule"),
        "fr.syn.avoir_lieu",
    ),
    (
        "La nouvelle règle entrera en vigueur le 1er avril.",
        "entrera en vigueur",
        ("entrera en vigueur", "prendra effet"),
        "fr.syn.entrer_vigueur",
    ),
    (
        "Contactez le service informatique.",
        "Contactez",
        ("Contactez", "Prenez contact avec"),
        "fr.syn.contacter",
    ),
    (
        "Si nécessaire, contactez votre responsable.",
        "contactez",
        ("contactez", "prenez contact avec"),
        "fr.syn.contacter",
    ),
    (
        "Nous regrettons de vous annoncer la fermeture du site.",
        "Nous regrettons",
        ("Nous regrettons", "Nous avons le regret", "Nous sommes au regret"),
        "fr.syn.regretter",
    ),
    (
        "Nous avons le plaisir de vous accueillir.",
        "Nous avons le plaisir",
        ("Nous avons le plaisir", "Nous sommes heureux", "Nous sommes ravis"),
        "fr.syn.plaisir",
    ),
    (
        "Nous vous demandons de respecter les consignes.",
        "demandons",
        ("demandons", "prions"),
        "fr.syn.prier",
    ),
    (
        "La direction a décidé de fermer le site.",
        "décidé",
        ("décidé", "pris la décision"),
        "fr.syn.decider",
    ),
    (
        "La réunion est prévue le 3 mars.",
        "prévue",
        ("prévue", "programmée", "planifiée"),
        "fr.syn.prevu",
    ),
    (
        "La réunion est reportée à une date ultérieure.",
        "reportée",
        ("reportée", "repoussée"),
        "fr.syn.reporter",
    ),
    (
        "Nous repoussons la réunion de lundi.",
        "repoussons",
        ("repoussons", "reportons"),
        "fr.syn.reporter",
    ),
    (
        "Marie rejoint notre équipe le 1er mars.",
        "rejoint",
        ("rejoint", "intègre"),
        "fr.syn.rejoindre",
    ),
    (
        "Paul a rejoint l'équipe en 2020.",
        "rejoint",
        ("rejoint", "intégré"),
        "fr.syn.rejoindre",
    ),
    (
        "La direction a mis en place une nouvelle procédure.",
        "mis en place",
        ("mis en place", "instauré"),
        "fr.syn.instaurer",
    ),
    (
        "Nous avons choisi de mettre en place un dispositif d'alerte.",
        "de mettre en place",
        ("de mettre en place", "d'instaurer"),
        "fr.syn.instaurer",
    ),
    (
        "Les mesures mises en place sont efficaces.",
        "mises en place",
        ("mises en place", "instaurées"),
        "fr.syn.instaurer",
    ),
    (
        "Cette situation constitue un risque majeur.",
        "constitue",
        ("constitue", "représente"),
        "fr.syn.constituer",
    ),
    (
        "Il convient de rappeler les règles.",
        "Il convient",
        ("Il convient", "Il y a lieu"),
        "fr.syn.il_convient",
    ),
    (
        "Nous restons à votre disposition pour toute question.",
        "restons",
        ("restons", "demeurons"),
        "fr.syn.rester",
    ),
    (
        "Il est important de rappeler les règles.",
        "Il est important",
        ("Il est important", "Il importe"),
        "fr.syn.importer",
    ),
    (
        "Cette mesure aide à réduire les coûts.",
        "aide",
        ("aide", "contribue"),
        "fr.syn.contribuer",
    ),
    (
        "Nous assurons la confidentialité des échanges.",
        "assurons",
        ("assurons", "garantissons"),
        "fr.syn.garantir",
    ),
    (
        "La continuité du service est assurée par l'équipe.",
        "assurée",
        ("assurée", "garantie"),
        "fr.syn.garantir",
    ),
    (
        "Nous allons procéder à la vérification des comptes.",
        "procéder à",
        ("procéder à", "effectuer"),
        "fr.syn.proceder",
    ),
    (
        "L'équipe a effectué les tests nécessaires.",
        "effectué les",
        ("effectué les", "procédé aux"),
        "fr.syn.proceder",
    ),
    (
        "Nous avons choisi de procéder à l'audit.",
        "de procéder à",
        ("de procéder à", "d'effectuer"),
        "fr.syn.proceder",
    ),
    ("Marie a été nommée directrice.", "nommée", ("nommée", "désignée"), "fr.syn.nommer"),
    (
        "Le conseil a nommé Marie présidente.",
        "nommé",
        ("nommé", "désigné"),
        "fr.syn.nommer",
    ),
    (
        "Les élus ont été informés de ce projet.",
        "informés",
        ("informés", "avisés"),
        "fr.syn.informer_de",
    ),
    (
        "Les questions peuvent être adressées à la direction.",
        "adressées",
        ("adressées", "envoyées"),
        "fr.syn.envoyer",
    ),
    (
        "Adressez votre candidature au siège.",
        "Adressez",
        ("Adressez", "Envoyez"),
        "fr.syn.envoyer",
    ),
    (
        "La victime a porté plainte hier.",
        "porté plainte",
        ("porté plainte", "déposé plainte"),
        "fr.syn.porter_plainte",
    ),
    (
        "Rien n'indique que des données ont été volées.",
        "Rien n'indique",
        ("Rien n'indique", "Rien ne laisse penser", "Rien ne laisse supposer"),
        "fr.syn.rien_n_indique",
    ),
    (
        "Nous nous excusons pour ce retard.",
        "Nous nous excusons",
        ("Nous nous excusons", "Nous vous présentons nos excuses"),
        "fr.syn.excuses",
    ),
    (
        "Veuillez agréer, Madame, l'expression de mes salutations.",
        "Veuillez agréer,",
        ("Veuillez agréer,", "Je vous prie d'agréer,"),
        "fr.syn.agreer",
    ),
    (
        "Nous vous recommandons de rester vigilants.",
        "rester",
        ("rester", "demeurer"),
        "fr.syn.rester",
    ),
    (
        "Le ministre s'est dit préoccupé par la situation.",
        "s'est dit",
        ("s'est dit", "s'est déclaré"),
        "fr.syn.se_declarer",
    ),
    (
        "Le budget prévisionnel est adopté après discussion.",
        "adopté",
        ("adopté", "approuvé"),
        "fr.syn.adopter",
    ),
    (
        "L'assemblée approuve les comptes de l'exercice.",
        "approuve",
        ("approuve", "adopte"),
        "fr.syn.adopter",
    ),
    (
        "Une réunion extraordinaire du conseil d'administration se tiendra le 15 juin.",
        "se tiendra",
        ("se tiendra", "aura lieu", "se déroulera"),
        "fr.syn.avoir_lieu",
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
    ("Leur volonté a participé à créer cet esprit.", "participé"),  # no "pris part à créer"
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
    # second round
    ("Nous vous avisons de ne pas ouvrir ce message.", "avisons"),  # a warning
    ("Il faut qu'il vous informe que tout va bien.", "informe"),  # "fasse savoir"
    ("L'accident a eu lieu hier.", "eu lieu"),  # no "s'est tenu"
    ("Il se tient droit devant la porte.", "se tient"),  # posture
    ("La réunion s'est bien déroulée.", "déroulée"),  # went well
    ("Je contacte le client demain.", "contacte"),  # "je prends contact"
    ("Nous vous contacterons prochainement.", "contacterons"),  # "avec vous"
    ("Il a été contacté par la police.", "contacté"),  # passive
    ("Nous regrettons votre départ.", "regrettons"),  # no infinitive
    ("Nous sommes ravis de votre visite.", "ravis"),
    ("Il vous prie d'agréer ses salutations.", "prie"),  # a formula
    ("Il est décidé à partir.", "décidé"),  # determined
    ("Il a décidé que tout irait bien.", "décidé"),
    ("La pluie prévue demain inquiète.", "prévue"),  # a forecast
    ("La salle est prévue pour 20 personnes.", "prévue"),  # designed for
    ("Il faut reporter les données dans le tableau.", "reporter"),  # copy over
    ("Il a repoussé l'offre du client.", "repoussé"),  # rejected
    ("Il rejoint ses amis au café.", "rejoint"),  # meets
    ("Il met en place les chaises.", "met en place"),  # physical
    ("La mise en place du dispositif prendra du temps.", "mise en place"),  # a noun
    ("Il représente la France à Bruxelles.", "représente"),  # speaks for
    ("Le comité est constitué de cinq membres.", "constitué"),  # made of
    ("Ce choix convient à tous.", "convient"),  # suits
    ("Il reste à payer la facture.", "reste"),  # remains to be done
    ("Il importe des produits de Chine.", "importe"),  # imports
    ("Il aide son collègue à déménager.", "aide"),  # helps someone
    ("Il assure un cours de droit.", "assure"),  # teaches
    ("Nous devons nous assurer que tout va bien.", "assurer"),  # make sure
    ("Le suivi est assuré par Paul.", "assuré"),  # done, not guaranteed
    ("Il effectue son service militaire.", "effectue"),  # no "procède à"
    ("Cette méthode procède de la même logique.", "procède"),  # stems from
    ("Il a été désigné responsable de l'accident.", "désigné"),  # blamed
    ("Un homme nommé Paul est venu.", "nommé"),  # called
    ("Il est avisé de partir tôt.", "avisé"),  # wise to
    ("Il est très bien informé.", "informé"),  # knowledgeable
    ("Il s'est adressé à la foule.", "adressé"),  # spoke to
    ("Il adresse un problème complexe.", "adresse"),  # no letter
    ("La plainte déposée hier est recevable.", "déposée"),  # a noun phrase
    ("Tout indique la sortie.", "indique"),  # a sign, no "que"
    ("Nous nous excusons de partir.", "excusons"),  # an infinitive
    ("Veuillez agréer ces salutations.", "agréer"),  # the person is not told
    ("Cela se dit souvent.", "se dit"),  # is said
    ("Il se dit que le projet avance.", "dit"),  # rumoured (also `fr.syn.dire`)
    ("Ils ont adopté un enfant.", "adopté"),
    ("Je n'approuve pas cette décision.", "approuve"),  # agreeing
    ("Je regrette d'être venu.", "regrette"),  # a past infinitive
]


@pytest.mark.parametrize(("raw", "word"), SILENT)
def test_silent(raw: str, word: str) -> None:
    text = canonicalize(raw)
    start = text.index(word)
    end = start + len(word)
    for c in run(raw):
        if c.rule in RULES:
            assert c.end <= start or c.start >= end, (raw, c)

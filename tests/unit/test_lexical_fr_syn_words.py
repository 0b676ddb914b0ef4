"""French synonym sets of adverbs, adjectives, nouns and fixed phrases (`fr.syn.*` in
`fr_syn_words`): each set offered whichever form the memo uses, with the same choices
back, and silent where a guard says one form would change the meaning."""

from __future__ import annotations

import pytest
from tests.unit.lexical_helpers import candidates, slot_of

from townsquare.canary.lexical import LexicalCandidate
from townsquare.canary.lexical.fr_syn_words import RULES
from townsquare.canary.normalize import lexical_form


def run(raw: str) -> tuple[str, list[LexicalCandidate]]:
    return candidates(raw, "fr")


def slot(raw: str, original: str) -> LexicalCandidate | None:
    return slot_of(run(raw)[1], original)


def forms(variants: tuple[str, ...]) -> set[str]:
    return {lexical_form(v) for v in variants}


# (text, original span, every variant expected, rule)
CASES: list[tuple[str, str, tuple[str, ...], str]] = [
    (
        "Il arrive habituellement à huit heures.",
        "habituellement",
        ("habituellement", "d'ordinaire", "d'habitude"),
        "fr.syn.habituellement",
    ),
    (
        "C'est exactement ce qu'il faut.",
        "exactement",
        ("exactement", "précisément"),
        "fr.syn.exactement",
    ),
    ("Il a lu le texte, puis il l'a signé.", "puis", ("puis", "ensuite"), "fr.syn.ensuite"),
    (
        "Comme indiqué auparavant, le budget baisse.",
        "auparavant,",
        ("auparavant,", "précédemment,", "antérieurement,"),
        "fr.syn.auparavant",
    ),
    ("Il travaille parfois le soir.", "parfois", ("parfois", "quelquefois"), "fr.syn.parfois"),
    (
        "Les prix augmentent progressivement chaque année.",
        "progressivement",
        ("progressivement", "graduellement", "peu à peu", "petit à petit"),
        "fr.syn.progressivement",
    ),
    ("On le trouve facilement ici.", "facilement", ("facilement", "aisément"), "fr.syn.facilement"),
    (
        "Les règles changent constamment ici.",
        "constamment",
        ("constamment", "sans cesse", "continuellement"),
        "fr.syn.constamment",
    ),
    (
        "Le code est relu soigneusement par l'équipe.",
        "soigneusement",
        ("soigneusement", "avec soin"),
        "fr.syn.soigneusement",
    ),
    (
        "Nous lisons attentivement chaque demande.",
        "attentivement",
        ("attentivement", "avec attention"),
        "fr.syn.attentivement",
    ),
    (
        "Le projet a été initialement financé par la ville.",
        "initialement",
        ("initialement", "à l'origine", "au départ"),
        "fr.syn.initialement",
    ),
    (
        "Il est devenu par la suite président.",
        "par la suite",
        ("par la suite", "ultérieurement"),
        "fr.syn.par_la_suite",
    ),
    (
        "Il vient de temps en temps au bureau.",
        "de temps en temps",
        ("de temps en temps", "de temps à autre"),
        "fr.syn.de_temps_en_temps",
    ),
    (
        "Il a en fin de compte accepté l'offre.",
        "en fin de compte",
        ("en fin de compte", "au bout du compte", "en définitive"),
        "fr.syn.en_fin_de_compte",
    ),
    (
        "Nous partirons de toute façon demain.",
        "de toute façon",
        ("de toute façon", "de toute manière"),
        "fr.syn.de_toute_facon",
    ),
    (
        "Entre-temps, la situation a changé.",
        "Entre-temps,",
        ("Entre-temps,", "Entretemps,", "Dans l'intervalle,"),
        "fr.syn.entre_temps",
    ),
    (
        "Il n'était, à vrai dire, pas prêt.",
        "à vrai dire,",
        ("à vrai dire,", "à dire vrai,"),
        "fr.syn.a_vrai_dire",
    ),
    (
        "Le budget baisse, autrement dit nous devons économiser.",
        "autrement dit",
        ("autrement dit", "en d'autres termes"),
        "fr.syn.autrement_dit",
    ),
    (
        "Les salariés sont majoritairement favorables au projet.",
        "majoritairement",
        ("majoritairement", "en majorité"),
        "fr.syn.majoritairement",
    ),
    (
        "Le bilan est globalement positif.",
        "globalement",
        ("globalement", "dans l'ensemble"),
        "fr.syn.globalement",
    ),
    (
        "C'est un outil couramment utilisé.",
        "couramment",
        ("couramment", "communément"),
        "fr.syn.couramment",
    ),
    ("Le prix est un peu plus élevé.", "un peu", ("un peu", "légèrement"), "fr.syn.legerement"),
    (
        "Le résultat est bien supérieur à nos attentes.",
        "bien supérieur",
        ("bien supérieur", "nettement supérieur", "largement supérieur"),
        "fr.syn.bien_superieur",
    ),
    (
        "Cette version est nettement meilleure.",
        "nettement meilleure.",
        ("nettement meilleure.", "bien meilleure."),
        "fr.syn.bien_superieur",
    ),
    (
        "Nous le savions dès le départ sans le dire.",
        "dès le départ",
        ("dès le départ", "dès le début"),
        "fr.syn.des_le_depart",
    ),
    (
        "Il aide d'autres organisations similaires à grandir.",
        "similaires",
        ("similaires", "semblables", "analogues"),
        "fr.syn.similaire",
    ),
    ("Il a fait une énorme erreur.", "énorme", ("énorme", "immense"), "fr.syn.enorme"),
    (
        "Il est essentiel de sauvegarder vos fichiers.",
        "essentiel",
        ("essentiel", "fondamental"),
        "fr.syn.essentiel",
    ),
    (
        "Ces outils essentiels permettent de construire un système.",
        "essentiels",
        ("essentiels", "fondamentaux"),
        "fr.syn.essentiel",
    ),
    (
        "La méthode appropriée est simple.",
        "appropriée",
        ("appropriée", "adéquate"),
        "fr.syn.approprie",
    ),
    (
        "Cette réponse est inappropriée ici.",
        "inappropriée",
        ("inappropriée", "inadéquate"),
        "fr.syn.approprie",
    ),
    ("Ils ont joué un rôle décisif.", "décisif.", ("décisif.", "déterminant."), "fr.syn.decisif"),
    (
        "Nous travaillons avec divers partenaires.",
        "divers",
        ("divers", "différents"),
        "fr.syn.divers",
    ),
    (
        "Il est évident que nous devons agir.",
        "évident",
        ("évident", "clair", "manifeste"),
        "fr.syn.evident",
    ),
    (
        "Il est peu probable que le prix baisse.",
        "probable",
        ("probable", "vraisemblable"),
        "fr.syn.probable",
    ),
    ("Le coût total est élevé.", "total", ("total", "global"), "fr.syn.total"),
    ("La somme globale reste faible.", "globale", ("globale", "totale"), "fr.syn.total"),
    (
        "Pour toute information complémentaire, écrivez-nous.",
        "complémentaire,",
        ("complémentaire,", "supplémentaire,", "additionnelle,"),
        "fr.syn.supplementaire",
    ),
    (
        "Il demande des renseignements supplémentaires.",
        "supplémentaires.",
        ("supplémentaires.", "complémentaires.", "additionnels."),
        "fr.syn.supplementaire",
    ),
    (
        "Il faut un effort supplémentaire pour réussir.",
        "supplémentaire",
        ("supplémentaire", "additionnel"),
        "fr.syn.supplementaire",
    ),
    (
        "Nous avons obtenu une semaine additionnelle pour finir.",
        "additionnelle",
        ("additionnelle", "supplémentaire"),
        "fr.syn.supplementaire",
    ),
    (
        "L'objectif du projet est simple.",
        "L'objectif",
        ("L'objectif", "Le but"),
        "fr.syn.objectif",
    ),
    ("Nous parlons du but du projet.", "du but", ("du but", "de l'objectif"), "fr.syn.objectif"),
    ("Nous avons 3 objectifs cette année.", "objectifs", ("objectifs", "buts"), "fr.syn.objectif"),
    (
        "La hausse des prix inquiète les ménages.",
        "La hausse",
        ("La hausse", "L'augmentation"),
        "fr.syn.hausse",
    ),
    (
        "Il parle de l'augmentation des prix.",
        "de l'augmentation",
        ("de l'augmentation", "de la hausse"),
        "fr.syn.hausse",
    ),
    (
        "Les ventes sont en baisse depuis mars.",
        "en baisse",
        ("en baisse", "en diminution"),
        "fr.syn.baisse",
    ),
    (
        "Les employés de l'entreprise ont voté.",
        "employés",
        ("employés", "salariés"),
        "fr.syn.salarie",
    ),
    (
        "Il parle à l'employé du mois.",
        "à l'employé",
        ("à l'employé", "au salarié"),
        "fr.syn.salarie",
    ),
    (
        "Elle a embauché trois salariés hier.",
        "salariés",
        ("salariés", "employés"),
        "fr.syn.salarie",
    ),
    (
        "La plupart des membres sont partis.",
        "plupart",
        ("plupart", "majorité"),
        "fr.syn.plupart",
    ),
    (
        "Il écrit à l'ensemble des lecteurs, qui sont ravis.",
        "l'ensemble",
        ("l'ensemble", "la totalité"),
        "fr.syn.ensemble",
    ),
    (
        "J'ai eu l'occasion de visiter l'usine.",
        "l'occasion",
        ("l'occasion", "l'opportunité"),
        "fr.syn.occasion",
    ),
    (
        "Nous évitons ce type de problème.",
        "ce type",
        ("ce type", "ce genre"),
        "fr.syn.type",
    ),
    (
        "Il gère divers types de processeurs.",
        "divers types",
        (
            "divers types",
            "différents types",
            "différents genres",
            "divers genres",
        ),
        "fr.syn.type",
    ),
    (
        "Il existe d'autres types de contrats.",
        "types",
        ("types", "genres"),
        "fr.syn.type",
    ),
    ("Il faut agir au lieu d'attendre.", "au lieu", ("au lieu", "plutôt que"), "fr.syn.au_lieu"),
    (
        "Nous partirons dès qu'il arrivera.",
        "dès",
        ("dès", "aussitôt"),
        "fr.syn.des_que",
    ),
    (
        "Le budget est prêt, quant à la direction elle attend.",
        "quant à",
        ("quant à", "pour ce qui est de"),
        "fr.syn.quant_a",
    ),
    (
        "Le budget est prêt, quant au calendrier il attend.",
        "quant au",
        ("quant au", "pour ce qui est du"),
        "fr.syn.quant_a",
    ),
    (
        "Nous passons par le biais de notre partenaire.",
        "par le biais",
        ("par le biais", "par l'intermédiaire"),
        "fr.syn.par_le_biais",
    ),
    ("Il écrit à l'aide d'un stylo.", "à l'aide", ("à l'aide", "au moyen"), "fr.syn.a_l_aide"),
    (
        "Tout le monde est venu sauf le directeur.",
        "sauf",
        ("sauf", "hormis", "excepté"),
        "fr.syn.sauf",
    ),
    ("Elle pense à mon avis trop vite.", "à mon avis", ("à mon avis", "à mon sens"), "fr.syn.avis"),
    (
        "Consultez notre site web pour en savoir plus.",
        "site web",
        ("site web", "site internet"),
        "fr.syn.site_web",
    ),
    (
        "Éteignez votre téléphone portable pendant la réunion.",
        "téléphone portable",
        ("téléphone portable", "téléphone mobile"),
        "fr.syn.telephone",
    ),
    (
        "Il est, d'ailleurs, le seul membre.",
        "d'ailleurs,",
        ("d'ailleurs,", "du reste,"),
        "fr.syn.d_ailleurs",
    ),
    ("Cette mesure a un effet sur les prix.", "effet", ("effet", "impact"), "fr.syn.impact"),
    ("C'est un vrai problème pour nous.", "un vrai", ("un vrai", "un véritable"), "fr.syn.vrai"),
    (
        "Nous avons encore une fois échoué.",
        "encore une fois",
        ("encore une fois", "une fois de plus"),
        "fr.syn.une_fois_de_plus",
    ),
    (
        "Il faut bien sûr prévoir un budget.",
        "bien sûr",
        ("bien sûr", "bien entendu"),
        "fr.syn.bien_sur",
    ),
    (
        "Il est venu quand même.",
        "quand même.",
        ("quand même.", "tout de même."),
        "fr.syn.quand_meme",
    ),
    (
        "C'est sans aucun doute le meilleur choix.",
        "sans aucun doute",
        ("sans aucun doute", "sans nul doute"),
        "fr.syn.sans_aucun_doute",
    ),
    (
        "Elle travaille à temps plein depuis mars.",
        "à temps plein",
        ("à temps plein", "à plein temps", "à temps complet"),
        "fr.syn.temps_plein",
    ),
    (
        "Merci de répondre dans les plus brefs délais.",
        "dans les plus brefs délais.",
        ("dans les plus brefs délais.", "dans les meilleurs délais."),
        "fr.syn.delais",
    ),
    (
        "Appelez-nous si nécessaire.",
        "si nécessaire.",
        ("si nécessaire.", "au besoin.", "si besoin.", "en cas de besoin."),
        "fr.syn.si_besoin",
    ),
    (
        "Nous reviendrons à ce sujet demain.",
        "à ce sujet",
        ("à ce sujet", "à ce propos"),
        "fr.syn.a_ce_sujet",
    ),
    ("Il gagne 30 000 euros par an.", "par an.", ("par an.", "par année."), "fr.syn.par_an"),
    (
        "Prenez un parapluie au cas où il pleuvrait.",
        "au cas où",
        ("au cas où", "dans le cas où"),
        "fr.syn.au_cas_ou",
    ),
    (
        "Le résultat est surprenant.",
        "surprenant.",
        ("surprenant.", "étonnant."),
        "fr.syn.surprenant",
    ),
    (
        "Il est malheureusement trop tard.",
        "malheureusement",
        ("malheureusement", "hélas"),
        "fr.syn.malheureusement",
    ),
    ("Il se lève tôt le matin.", "tôt", ("tôt", "de bonne heure"), "fr.syn.tot"),
    (
        "Nous sommes maintenant prêts.",
        "maintenant",
        ("maintenant", "à présent"),
        "fr.syn.maintenant",
    ),
    (
        "La situation a soudainement changé.",
        "soudainement",
        ("soudainement", "subitement", "tout à coup"),
        "fr.syn.soudainement",
    ),
    (
        "Il a délibérément ignoré la règle.",
        "délibérément",
        ("délibérément", "intentionnellement"),
        "fr.syn.deliberement",
    ),
    (
        "Le logiciel est distribué gratuitement.",
        "gratuitement.",
        ("gratuitement.", "sans frais."),
        "fr.syn.gratuitement",
    ),
    (
        "Il est venu lundi dernier.",
        "lundi dernier.",
        ("lundi dernier.", "lundi passé."),
        "fr.syn.derniere",
    ),
    (
        "Nous nous sommes vus la semaine passée.",
        "semaine passée.",
        ("semaine passée.", "semaine dernière."),
        "fr.syn.derniere",
    ),
    (
        "Voici le compte rendu de la réunion.",
        "compte rendu",
        ("compte rendu", "compte-rendu"),
        "fr.syn.compte_rendu",
    ),
    (
        "Consultez la page web du projet.",
        "page web",
        ("page web", "page internet"),
        "fr.syn.page_web",
    ),
    (
        "Nous avons créé un comité à cette fin.",
        "à cette fin.",
        ("à cette fin.", "à cet effet.", "dans ce but."),
        "fr.syn.a_cette_fin",
    ),
    (
        "Nous vous répondrons en temps utile.",
        "en temps utile.",
        ("en temps utile.", "en temps voulu."),
        "fr.syn.en_temps_utile",
    ),
    (
        "Les résultats seront publiés sous peu.",
        "sous peu.",
        ("sous peu.", "d'ici peu."),
        "fr.syn.sous_peu",
    ),
    (
        "Il est de ce fait nécessaire de partir.",
        "de ce fait",
        ("de ce fait", "par conséquent"),
        "fr.syn.par_consequent",
    ),
    (
        "Il étudie en plus de son travail.",
        "en plus de",
        ("en plus de", "outre"),
        "fr.syn.en_plus_de",
    ),
    (
        "Nous agissons suite à votre demande.",
        "suite à",
        ("suite à", "à la suite de"),
        "fr.syn.suite_a",
    ),
    (
        "Nous agissons suite au rapport.",
        "suite au",
        ("suite au", "à la suite du"),
        "fr.syn.suite_a",
    ),
    (
        "Une grande partie des salariés approuve.",
        "Une grande partie",
        ("Une grande partie", "Une bonne partie", "Une large part"),
        "fr.syn.grande_partie",
    ),
    (
        "Il a passé la majeure partie de sa vie ici.",
        "la majeure partie",
        ("la majeure partie", "la plus grande partie"),
        "fr.syn.majeure_partie",
    ),
    (
        "C'est beaucoup trop cher.",
        "beaucoup trop",
        ("beaucoup trop", "bien trop"),
        "fr.syn.bien_trop",
    ),
    (
        "Il est possible que le projet échoue.",
        "est possible",
        ("est possible", "se peut"),
        "fr.syn.possible",
    ),
    (
        "Il est dommage que vous partiez.",
        "dommage",
        ("dommage", "regrettable"),
        "fr.syn.regrettable",
    ),
    ("Il est interdit de fumer ici.", "interdit", ("interdit", "défendu"), "fr.syn.interdit"),
    ("Il est facile de comprendre.", "facile", ("facile", "aisé"), "fr.syn.facile"),
    (
        "Je reste, pour ma part, ici.",
        "pour ma part,",
        ("pour ma part,", "en ce qui me concerne,"),
        "fr.syn.pour_ma_part",
    ),
    (
        "Il pleut chaque fois qu'il vient.",
        "chaque fois",
        ("chaque fois", "à chaque fois"),
        "fr.syn.chaque_fois",
    ),
    (
        "Il est parti au même moment.",
        "au même moment.",
        ("au même moment.", "au même instant."),
        "fr.syn.meme_moment",
    ),
    (
        "Tout va vite de nos jours.",
        "de nos jours.",
        ("de nos jours.", "à notre époque."),
        "fr.syn.de_nos_jours",
    ),
    (
        "Le système fonctionne efficacement avec Debian.",
        "efficacement",
        (
            "efficacement",
            "de manière efficace",
            "de façon efficace",
            "d'une manière efficace",
            "d'une façon efficace",
        ),
        "fr.syn.de_maniere",
    ),
    (
        "Il participe de façon active à la vie du projet.",
        "de façon active",
        (
            "de façon active",
            "activement",
            "de manière active",
            "d'une manière active",
            "d'une façon active",
        ),
        "fr.syn.de_maniere",
    ),
    (
        "Ils sont partis tous les deux.",
        "tous les deux.",
        ("tous les deux.", "tous deux."),
        "fr.syn.tous_deux",
    ),
    (
        "Il est en outre responsable du budget.",
        "en outre",
        ("en outre", "de surcroît"),
        "fr.syn.en_outre",
    ),
    (
        "La salle accueille au maximum 50 personnes.",
        "au maximum",
        ("au maximum", "tout au plus"),
        "fr.syn.tout_au_plus",
    ),
    ("Il faut au moins 3 jours.", "au moins", ("au moins", "au minimum"), "fr.syn.au_moins"),
    (
        "Voir les règles ci-dessous.",
        "ci-dessous.",
        ("ci-dessous.", "ci-après."),
        "fr.syn.ci_dessous",
    ),
    (
        "Les prix montent, inversement les salaires baissent.",
        "inversement",
        ("inversement", "à l'inverse"),
        "fr.syn.inversement",
    ),
    (
        "Un nombre important de salariés est parti.",
        "important",
        ("important", "considérable"),
        "fr.syn.important",
    ),
    (
        "Une part importante du budget est perdue.",
        "importante",
        ("importante", "considérable"),
        "fr.syn.important",
    ),
    (
        "Nous avons reçu jusqu'à présent dix demandes.",
        "présent",
        ("présent", "maintenant"),
        "fr.syn.jusqu_a_present",
    ),
    (
        "Il travaille le plus souvent avec elle.",
        "le plus souvent",
        ("le plus souvent", "la plupart du temps"),
        "fr.syn.plupart_du_temps",
    ),
    (
        "La température est au-dessous de zéro.",
        "au-dessous",
        ("au-dessous", "en dessous"),
        "fr.syn.au_dessous",
    ),
    (
        "Il est arrivé à temps pour la réunion.",
        "à temps",
        ("à temps", "dans les temps"),
        "fr.syn.a_temps",
    ),
    (
        "Il a annulé au dernier moment.",
        "au dernier moment.",
        ("au dernier moment.", "à la dernière minute."),
        "fr.syn.dernier_moment",
    ),
    # second round: memos, notices, news
    (
        "Tous les salariés sont invités à la réunion.",
        "Tous les",
        ("Tous les", "L'ensemble des", "La totalité des"),
        "fr.syn.ensemble",
    ),
    (
        "Nous écrivons à toutes les équipes.",
        "toutes les",
        ("toutes les", "l'ensemble des", "la totalité des"),
        "fr.syn.ensemble",
    ),
    (
        "La règle vaut pour tout le personnel du siège.",
        "tout le",
        ("tout le", "l'ensemble du"),
        "fr.syn.ensemble_du",
    ),
    (
        "La mesure s'applique dans toute la région.",
        "toute la",
        ("toute la", "l'ensemble de la"),
        "fr.syn.ensemble_du",
    ),
    (
        "La date limite est fixée au 3 mars.",
        "date limite",
        ("date limite", "date butoir"),
        "fr.syn.date_limite",
    ),
    (
        "Le traitement des données personnelles est encadré.",
        "données personnelles",
        ("données personnelles", "données à caractère personnel"),
        "fr.syn.donnees_personnelles",
    ),
    (
        "Vous trouverez ci-joint le rapport annuel.",
        "ci-joint",
        ("ci-joint", "en pièce jointe", "en annexe"),
        "fr.syn.ci_joint",
    ),
    (
        "Vous trouverez ci-joint le rapport annuel.",
        "Vous trouverez",
        ("Vous trouverez", "Veuillez trouver"),
        "fr.syn.trouverez",
    ),
    (
        "Veuillez noter que le bureau sera fermé.",
        "Veuillez noter",
        ("Veuillez noter", "Veuillez prendre note", "Merci de noter"),
        "fr.syn.veuillez_noter",
    ),
    (
        "Le site reste fermé jusqu'à nouvel ordre.",
        "jusqu'à nouvel ordre.",
        ("jusqu'à nouvel ordre.", "jusqu'à nouvel avis."),
        "fr.syn.nouvel_ordre",
    ),
    (
        "Le cas échéant, contactez votre responsable.",
        "Le cas échéant,",
        ("Le cas échéant,", "S'il y a lieu,"),
        "fr.syn.cas_echeant",
    ),
    (
        "Au cours des prochaines semaines, nous préciserons le calendrier.",
        "prochaines semaines,",
        ("prochaines semaines,", "semaines à venir,"),
        "fr.syn.a_venir",
    ),
    (
        "Il est suspendu avec effet immédiat.",
        "avec effet immédiat.",
        ("avec effet immédiat.", "à effet immédiat."),
        "fr.syn.effet_immediat",
    ),
    (
        "Le service juridique examinera votre dossier.",
        "service",
        ("service", "département"),
        "fr.syn.service",
    ),
    (
        "L'entreprise a subi une cyberattaque en mai.",
        "une cyberattaque",
        ("une cyberattaque", "une attaque informatique"),
        "fr.syn.cyberattaque",
    ),
    (
        "Méfiez-vous des tentatives de phishing par courriel.",
        "de phishing",
        ("de phishing", "d'hameçonnage"),
        "fr.syn.hameconnage",
    ),
    (
        "Un logiciel malveillant a été détecté.",
        "logiciel malveillant",
        ("logiciel malveillant", "programme malveillant"),
        "fr.syn.logiciel_malveillant",
    ),
    (
        "Nous avons pris les mesures nécessaires.",
        "mesures",
        ("mesures", "dispositions"),
        "fr.syn.mesures",
    ),
    (
        "Nous vous remercions de votre compréhension.",
        "de votre",
        ("de votre", "pour votre"),
        "fr.syn.remercier",
    ),
    (
        "Merci pour l'attention portée à ce dossier.",
        "pour",
        ("pour", "de"),
        "fr.syn.remercier",
    ),
    ("Merci beaucoup du soutien apporté.", "du", ("du", "pour le"), "fr.syn.remercier"),
    (
        "Pour information, le réseau sera coupé samedi.",
        "Pour information,",
        ("Pour information,", "À titre d'information,"),
        "fr.syn.pour_information",
    ),
    (
        "Le bureau fermera exceptionnellement à 16 h.",
        "exceptionnellement",
        ("exceptionnellement", "à titre exceptionnel"),
        "fr.syn.exceptionnellement",
    ),
    (
        "Changez votre mot de passe sans délai.",
        "sans délai.",
        ("sans délai.", "sans tarder."),
        "fr.syn.sans_delai",
    ),
    (
        "Bien cordialement,",
        "Bien cordialement,",
        ("Bien cordialement,", "Cordialement,"),
        "fr.syn.cordialement",
    ),
    (
        "Compte tenu de la situation, la réunion est annulée.",
        "Compte tenu de la",
        ("Compte tenu de la", "Étant donné la"),
        "fr.syn.compte_tenu",
    ),
    (
        "Étant donné le contexte, nous restons.",
        "Étant donné le",
        ("Étant donné le", "Compte tenu du"),
        "fr.syn.compte_tenu",
    ),
    (
        "Merci de répondre avant vendredi.",
        "Merci de",
        ("Merci de", "Veuillez"),
        "fr.syn.merci_de",
    ),
    (
        "Merci d'envoyer vos documents.",
        "Merci d'envoyer",
        ("Merci d'envoyer", "Veuillez envoyer"),
        "fr.syn.merci_de",
    ),
    (
        "De manière générale, les résultats sont bons.",
        "De manière générale,",
        (
            "De manière générale,",
            "De façon générale,",
            "D'une manière générale,",
            "D'une façon générale,",
        ),
        "fr.syn.de_maniere_generale",
    ),
    (
        "Voici une note à l'attention de la direction.",
        "à l'attention",
        ("à l'attention", "à l'intention"),
        "fr.syn.a_l_attention",
    ),
    (
        "Il est reparti le lendemain.",
        "le lendemain.",
        ("le lendemain.", "le jour suivant."),
        "fr.syn.lendemain",
    ),
    (
        "Vous recevrez une réponse sous 48 heures.",
        "sous",
        ("sous", "dans un délai de", "dans les"),
        "fr.syn.sous_delai",
    ),
    (
        "Pour rappel, le port du badge est obligatoire.",
        "Pour rappel,",
        ("Pour rappel,", "Pour mémoire,", "À titre de rappel,"),
        "fr.syn.pour_rappel",
    ),
    (
        "Par mesure de précaution, nous avons fermé le site.",
        "Par mesure de précaution,",
        ("Par mesure de précaution,", "Par précaution,", "À titre de précaution,"),
        "fr.syn.precaution",
    ),
    (
        "Nous nous excusons pour la gêne occasionnée.",
        "la gêne occasionnée.",
        ("la gêne occasionnée.", "le désagrément occasionné."),
        "fr.syn.gene",
    ),
]


@pytest.mark.parametrize(("text", "original", "expected", "rule"), CASES)
def test_both_ways(text: str, original: str, expected: tuple[str, ...], rule: str) -> None:
    found = slot(text, original)
    assert found is not None, (text, run(text)[1])
    assert found.rule == rule
    assert forms(found.variants) == forms(expected), found.variants
    for other in expected[1:]:
        copy = text.replace(original, other, 1)
        back = slot(copy, other)
        assert back is not None, (copy, run(copy)[1])
        assert back.rule == rule
        assert forms(back.variants) == forms(expected), (copy, back.variants)


def test_every_rule_has_a_case() -> None:
    assert {rule for *_, rule in CASES} == set(RULES)


# (text, a word or phrase of it that no `fr_syn_words` slot may touch)
SILENT: list[tuple[str, ...]] = [
    # coordinated with another adverb: no "avec soin et consciencieusement"
    ("Debian est soigneusement et consciencieusement construite.", "soigneusement"),
    ("Nous avons lu calmement et attentivement le texte.", "attentivement"),
    ("Ce n'est rien d'ordinaire.", "d'ordinaire"),  # nothing ordinary
    ("Il faut changer d'habitude.", "d'habitude"),  # a habit
    ("Il travaille plus qu'habituellement.", "habituellement"),  # "que d'ordinaire": not told back
    ("Nous verrons ensuite.", "ensuite"),  # afterwards: no "puis"
    ("Deux jours auparavant, il était parti.", "auparavant"),  # a time before
    ("Il était parti peu auparavant.", "auparavant"),
    ("Il y a facilement 100 personnes.", "facilement"),  # at least
    ("Il est à l'origine du projet.", "origine"),  # the cause of
    ("Le train au départ de Paris est en retard.", "départ"),  # leaving from
    ("Il a été surpris par la suite de ses idées.", "suite"),  # a noun
    ("La valeur reste dans l'intervalle de confiance.", "intervalle"),
    ("Les femmes sont en majorité.", "majorité"),  # the majority
    ("Il faut traiter la question globalement.", "globalement"),  # as a whole
    ("Il est dans l'ensemble des pays membres.", "ensemble", "fr.syn.globalement"),  # in all of
    ("Il parle couramment le français.", "couramment"),  # fluently
    ("Il faut attendre un peu.", "peu"),  # a while
    ("Il y a un peu de pain.", "peu"),  # some
    ("Il y en a un peu partout.", "peu"),
    ("C'est un bien supérieur à tout le reste.", "supérieur"),  # a good (noun)
    ("Il était présent dès le départ du train.", "départ"),
    ("Il aime ses semblables.", "semblables"),  # fellow humans
    ("Il a tenu de semblables propos.", "semblables"),  # such
    ("Voici les essentiels du métier.", "essentiels"),  # a noun
    ("Elle utilise une huile essentielle.", "essentielle"),
    ("C'est la recherche fondamentale.", "fondamentale"),  # basic research
    ("Cette pièce est essentielle au moteur.", "essentielle"),
    ("Il s'est approprié les fonds.", "approprié"),  # the verb
    ("Il a réussi en déterminant les causes.", "déterminant"),  # the participle
    ("Les prix sont déterminants les uns pour les autres.", "déterminants"),
    ("Il lit les faits divers.", "divers"),  # news items
    ("Nous avons des opinions différentes.", "différentes"),  # different
    ("Ils sont divers et variés.", "divers"),
    ("Le chemin est évident.", "évident"),  # no impersonal frame
    ("C'est clair que tu as raison.", "clair"),
    ("C'est le vainqueur probable.", "probable"),
    ("Nous adoptons une approche globale.", "globale"),  # holistic
    ("Il travaille des heures supplémentaires.", "supplémentaires"),  # overtime
    ("Une heure supplémentaire suffit.", "supplémentaire"),
    ("Ces deux approches sont complémentaires.", "complémentaires"),  # complement each other
    ("Il a marqué un but.", "but"),  # a goal in a match
    ("Il est allé droit au but.", "but"),  # to the point
    ("Il l'a dit de but en blanc.", "but"),  # abruptly
    ("Les prix sont revus à la hausse.", "hausse"),  # revised upward
    ("Il la baisse doucement.", "baisse"),  # the verb
    ("Il a obtenu une augmentation.", "augmentation"),  # a pay rise
    ("Les cadres et les employés sont réunis.", "employés"),  # non-managers
    ("C'est un employé de bureau.", "employé"),  # a clerk
    ("Il a écrit la plupart de la couche.", "plupart"),  # a singular
    ("Elle a la majorité des voix.", "majorité"),  # a vote
    ("Ils sont pour la plupart partis.", "plupart"),
    ("La majorité des salariés est favorable.", "majorité"),  # "la plupart" needs "sont"
    ("L'ensemble des salariés est concerné.", "ensemble"),  # "la totalité ... concernée"
    ("Le bilan est, dans l'ensemble, bon.", "ensemble"),  # overall
    ("Il a acheté une voiture d'occasion.", "occasion"),  # second-hand
    ("Nous discutons de l'opportunité d'une mesure.", "opportunité"),  # its expediency
    ("Il est venu à l'occasion de la fête.", "occasion"),
    ("Ce type est sympathique.", "type"),  # a man
    ("Ce type de Marseille est parti.", "type"),
    ("Il a agi au lieu de cela.", "lieu"),  # no infinitive
    ("Il viendra aussitôt.", "aussitôt"),  # immediately
    ("Quant à elle, elle part.", "Quant"),  # "de elle" would need elision
    ("Il est venu à l'aide des sinistrés.", "aide"),  # to help them
    ("Il est revenu sain et sauf.", "sauf"),  # safe
    ("Tout ira bien, sauf si tu pars.", "sauf"),
    ("Il s'occupe du reste demain.", "reste"),  # the rest
    ("Il pleut, en effet, depuis hier.", "effet"),  # indeed
    ("Il a oublié ses effets personnels.", "effets"),  # belongings
    ("Il distingue le vrai et le faux.", "vrai"),  # truth
    ("J'ai bien entendu votre question.", "entendu"),  # heard well
    ("Je suis bien sûr de moi.", "sûr"),  # quite sure
    ("Quand même il viendrait, rien ne changerait.", "même"),  # even if
    ("Ce n'est pas si nécessaire que cela.", "nécessaire"),  # so necessary
    ("Nous répondrons au besoin de chacun.", "besoin"),  # a need
    ("Prenez un parapluie au cas où.", "cas"),  # just in case
    ("Il a réussi en surprenant tout le monde.", "surprenant"),  # the participle
    ("Il viendra tôt ou tard.", "tôt"),  # sooner or later
    ("Venez plus tôt.", "tôt"),
    ("Il réussit en maintenant le cap.", "maintenant"),  # maintaining
    ("Les serveurs maintenant les données sont loin.", "maintenant"),
    ("La livraison est sans frais de port.", "frais"),
    ("C'est le mot le plus souvent utilisé.", "souvent"),  # a superlative
    ("Elle travaille à temps partiel.", "temps"),
    ("Lisez le présent document.", "présent"),  # this document
    ("Il faut exploiter au maximum nos ressources.", "maximum"),  # to the full
    ("Au moins, il a essayé.", "moins"),  # a concession
    ("Les prix montent et inversement.", "inversement"),  # vice versa
    ("Il joue un rôle important.", "important"),  # important, not large
    ("Il est clairement en retard.", "clairement"),  # obviously
    ("C'est une règle clairement définie.", "clairement"),  # before a participle
    ("Il travaille plus efficacement que moi.", "efficacement"),  # a comparison
    ("Il agit d'une manière ouverte et transparente.", "ouverte"),  # coordinated
    ("Il envisage sérieusement de partir.", "sérieusement"),  # "de manière sérieuse de"
    ("Il vient tous les deux jours.", "deux"),  # every other day
    ("Il est possible de partir.", "possible"),  # no "il se peut de"
    ("Le fort est défendu par l'armée.", "défendu"),  # defended
    ("Chaque fois est différente.", "fois"),  # a noun phrase
    ("La semaine passée à Paris était belle.", "passée"),  # spent there
    ("Il agit dans ce but de nuire.", "but", "fr.syn.a_cette_fin"),  # an aim
    ("La gravité de ce fait inquiète.", "fait"),  # a noun phrase
    ("Il passe outre les règles.", "outre"),  # ignores them
    ("Nous allons donner suite à votre demande.", "suite"),  # follow up on
    ("D'augmentation, il n'y en a pas.", "augmentation"),  # an opening phrase
    # second round
    ("Il vient tous les jours.", "tous les"),  # every day
    ("Tout le monde est invité.", "Tout le"),  # everybody
    ("Toute la population est concernée.", "Toute la"),  # "l'ensemble ... concerné"
    ("Nous écrivons à tous les partenaires.", "tous les"),  # epicene: gender not told
    ("L'ensemble des salariés est concerné.", "L'ensemble des"),  # "tous les ... est"
    ("Voir le document ci-joint, signé.", "ci-joint"),  # after its noun: agrees
    ("Vous trouverez la salle au deuxième étage.", "trouverez"),  # finding a place
    ("Veuillez noter votre numéro de dossier.", "noter"),  # writing it down
    ("Dans les prochaines semaines, nous partirons.", "prochaines", "fr.syn.a_venir"),
    ("Il travaille au service client.", "service"),  # customer service
    ("Nous vendons un service informatique.", "service"),  # an IT service
    ("Il prend les mesures de la pièce.", "mesures"),  # its dimensions
    ("Les dispositions de la loi sont claires.", "dispositions"),  # provisions
    ("Je vous remercie du fond du cœur.", "du"),
    ("Merci de la part de toute l'équipe.", "de la"),
    ("Merci de répondre vite.", "de", "fr.syn.remercier"),  # an infinitive: no "pour"
    ("Pour information sur le projet, voir la page.", "information"),  # about it
    ("Il fait exceptionnellement chaud.", "exceptionnellement"),  # a degree
    ("Étant donné que le projet avance, nous restons.", "Étant donné", "fr.syn.compte_tenu"),
    ("Le contrat est conclu sans délai de carence.", "délai"),  # a waiting period
    ("Veuillez agréer mes salutations distinguées.", "Veuillez"),  # a formula
    ("Merci de votre aide.", "Merci", "fr.syn.merci_de"),  # no infinitive
    ("Il a salué cordialement ses voisins.", "cordialement"),  # not a sign-off
    ("Il a attiré l'attention de la direction.", "attention"),  # no "à"
    ("Il a pris note à l'attention soutenue.", "attention"),  # no "de"
    ("Il est parti le lendemain de l'élection.", "lendemain"),  # no "jour suivant de"
    ("Il est parti le lendemain matin.", "lendemain"),
    ("Il est mort dans les 3 jours qui ont suivi.", "dans les"),  # a past span
    ("Le stock est sous 10 % du total.", "sous"),  # no unit of time
    ("Pour rappel de la procédure, voir la page.", "rappel"),
    ("Merci de l'envoyer avant lundi.", "de", "fr.syn.remercier"),  # a request
    ("Merci d'être venus si nombreux.", "Merci", "fr.syn.merci_de"),  # thanks
    ("Le tailleur prend les mesures.", "mesures"),  # dimensions
]


@pytest.mark.parametrize("case", SILENT)
def test_silent(case: tuple[str, ...]) -> None:
    # (text, word[, the one rule that must stay silent there])
    text, word, *rule = case
    canonical, cands = run(text)
    start = canonical.index(word)
    end = start + len(word)
    mine = set(rule) or set(RULES)
    hits = [c for c in cands if c.rule in mine and c.start < end and start < c.end]
    assert not hits, hits

"""The lexical families added for real prose: each one both ways, case kept, and the
contexts where it must stay silent."""

from __future__ import annotations

import pytest
from tests.unit.lexical_helpers import candidates, slot_of

from townsquare.canary.lexical import LexicalCandidate
from townsquare.canary.model import Language
from townsquare.canary.normalize import lexical_form


def run(
    raw: str, language: Language, rejected: frozenset[str] = frozenset()
) -> list[LexicalCandidate]:
    return candidates(raw, language, rejected)[1]


def variants(raw: str, language: Language, original: str) -> tuple[str, ...]:
    c = slot_of(run(raw, language), original)
    return c.variants if c else ()


def rules(raw: str, language: Language) -> set[str]:
    return {c.rule for c in run(raw, language)}


# (language, text, original span, a variant, the text written with that variant)
BOTH_WAYS: list[tuple[Language, str, str, str]] = [
    ("en", "He said that we were late.", "said that", "said"),
    ("en", "I hope that it will attract attention.", "hope that", "hope"),
    ("en", "This does not mean that Linux will fail.", "mean that", "mean"),
    ("en", "Debian understands that users may want it.", "understands that", "understands"),
    ("en", "She knew that the new plan was late.", "knew that", "knew"),
    ("en", "It is the only distribution which was open.", "which", "that"),
    ("en", "It runs on other software that is free.", "that is", "that's"),
    ("en", "It runs on other software that is free.", "that is", "which is"),
    ("en", "We reopened three libraries that were closed.", "that", "which"),
    ("en", "The plan is simple, but it will take time.", "simple,", "simple"),
    ("en", "We left the old office last year, and we never looked back.", "year,", "year"),
    ("en", "The design is cheap, yet it works well enough.", "cheap,", "cheap"),
    ("en", "Within Debian, she worked on translations.", "Within Debian,", "Within Debian"),
    ("en", "In 1994, the project grew.", "In 1994,", "In 1994"),
    ("en", "Clearly, we need to act.", "Clearly,", "Clearly"),
    ("en", "In this way, Debian may be used.", "In this way,", "In this way"),
    ("en", "On July 11th, 2000, Joel left.", "July 11th, 2000,", "11 July 2000"),
    ("en", "On July 11th, 2000, Joel left.", "July 11th, 2000,", "July 11, 2000,"),
    ("en", "Frans died on August 20th.", "August 20th.", "20 August."),
    ("en", "We start on March 3 as planned.", "March 3", "3rd March"),
    ("en", "He started the project in August of 1993.", "August of 1993.", "August 1993."),
    ("en", "It is known as “flavors”, they say.", "“flavors”,", "‘flavors’,"),
    ("en", 'The name is "deb ee n" in English.', '"deb ee n"', "'deb ee n'"),
    ("en", "Bring fruit, e.g. apples.", "e.g.", "for instance"),
    ("en", "Bring fruit (for example, apples).", "(for example,", "(e.g.,"),
    ("en", "Use the main one, i.e., the free one.", "i.e.,", "in other words,"),
    ("en", "We hired artists, developers, etc.", "etc.", "and so on."),
    ("en", "We hired people (artists, developers, and so forth).", "and so forth).", "etc.)."),
    ("en", "Debian has many servers.", "many", "numerous"),
    ("en", "Numerous distributions have started out well.", "Numerous", "Many"),
    ("en", "Debian keeps the entire database open.", "entire", "whole"),
    ("en", "We wrote regarding the new plan.", "regarding", "concerning"),
    ("en", "They are stable and thus rarely change.", "and thus", "and hence"),
    ("en", "They are stable and thus rarely change.", "rarely", "seldom"),
    ("en", "It is organized, thus guaranteeing safety.", "thus", "thereby"),
    ("en", "It was mainly a success.", "mainly", "chiefly"),
    ("en", "It is a non-commercial distribution.", "non-commercial", "noncommercial"),
    ("en", "He was a well-known member.", "well-known", "well known"),
    ("en", "The services were back on-line quickly.", "on-line", "online"),
    ("en", "We visited the web site today.", "web site", "website"),
    ("en", "He worked for 19 years.", "19", "nineteen"),
    ("en", "He has twenty-one cats.", "twenty-one", "21"),
    ("en", "Thus, we agree.", "Thus,", "Therefore,"),
    ("en", "The host moved from the U.S.A. to Europe.", "U.S.A.", "USA"),
    ("en", "The archive isn't the same.", "isn't", "is not"),
    ("en", "We waited till noon.", "till", "until"),
    ("en", "We left before the meeting.", "before", "prior to"),
    ("en", "We met to talk to the team.", "talk to", "speak with"),
    ("en", "It lost nearly 4,000 affordable units.", "4,000", "4000"),
    ("en", "The building burned to the ground.", "burned", "burnt"),
    ("en", "It is sorted inside of the directory.", "inside of", "inside"),
    ("en", "We do not know whether or not it works.", "whether or not", "whether"),
    ("en", "He cannot stay, and no one knows why.", "no one", "nobody"),
    ("fr", "Le 9 mai, Manuel est parti.", "Le 9 mai,", "Le 9 mai"),
    ("fr", "Le 1er mars 2001, Christopher est parti.", "Le 1er mars 2001,", "Le premier mars 2001"),
    ("fr", "Au sein de Debian, elle a travaillé.", "Au sein de Debian,", "Au sein de Debian"),
    ("fr", "À cette époque, le concept était nouveau.", "À cette époque,", "À cette époque"),
    ("fr", "Le 25 novembre, tous les services reprirent.", "Le 25 novembre,", "Le 25 novembre"),
    ("fr", "Entre autres, SPI fournit un mécanisme.", "Entre autres,", "Entre autres"),
    ("fr", "Debian a de nombreux événements.", "de nombreux événements.", "beaucoup d'événements."),
    (
        "fr",
        "Il y a beaucoup de distributions.",
        "beaucoup de distributions.",
        "de nombreuses distributions.",
    ),
    ("fr", "Beaucoup de gens ont choisi Debian.", "Beaucoup de gens", "Un grand nombre de gens"),
    (
        "fr",
        "Il faut compiler un grand nombre d'outils.",
        "un grand nombre d'outils.",
        "beaucoup d'outils.",
    ),
    (
        "fr",
        "Elle a travaillé sur bien d'autres projets.",
        "bien d'autres",
        "de nombreux autres",
    ),
    ("fr", "Ils font suffisamment d'argent.", "suffisamment", "assez"),
    ("fr", "Il est décédé en décembre 2015.", "en décembre", "au mois de décembre"),
    ("fr", "Il a débuté le projet en août 1993.", "en août", "au mois d'août"),
    ("fr", "Il reste jusqu'en mai prochain.", "jusqu'en mai", "jusqu'au mois de mai"),
    ("fr", "Ray était un des membres fondateurs.", "un des", "l'un des"),
    ("fr", "L'une des trois versions suffit.", "L'une des", "Une des"),
    ("fr", "Il parle d'un des membres.", "d'un des", "de l'un des"),
    (
        "fr",
        "Le projet dispose à tout instant de trois versions.",
        "à tout instant",
        "à tout moment",
    ),
    (
        "fr",
        "Il peut y avoir trois versions à un instant donné.",
        "à un instant donné.",
        "à un moment donné.",
    ),
    (
        "fr",
        "Il est installable avec une large variété de matériels.",
        "une large variété",
        "une grande variété",
    ),
    ("fr", "Il aura préalablement prononcé un gel.", "préalablement", "au préalable"),
    ("fr", "Ils ont eu malgré cela un impact.", "malgré cela", "en dépit de cela"),
    ("fr", "Malgré cela, il a tenu.", "Malgré cela,", "En dépit de cela"),
    ("fr", "Au lieu de cela, la charge est partagée.", "Au lieu de cela,", "À la place"),
    ("fr", "De cette manière, Debian pourra servir.", "De cette manière,", "De cette façon"),
    ("fr", "Clairement, quelque chose doit être fait.", "Clairement,", "Clairement"),
    ("fr", "Il a continué d'être actif.", "d'être", "à être"),
    ("fr", "Ils continueront à utiliser Debian.", "à utiliser", "d'utiliser"),
    ("fr", "Il maintenait les portages MIPS et il avait aussi participé.", "MIPS", "MIPS,"),
    ("fr", "Je le recommande depuis des années, et je suis heureux.", "années,", "années"),
    ("fr", "Il était développeur depuis plus de 19 années.", "19", "dix-neuf"),
    ("fr", "Il a commencé dès l'âge de neuf ans.", "neuf", "9"),
    ("fr", "Le budget prévoit 85 millions pour les écoles.", "85", "quatre-vingt-cinq"),
    ("fr", "Nous supprimons soixante-dix postes.", "soixante-dix", "70"),
    ("fr", "Ils découvrent des bogues critiques.", "bogues", "bugs"),
    (
        "fr",
        "C'est une mauvaise combinaison en fait, puisque tout casse.",
        "en fait,",
        "en réalité,",
    ),
    ("fr", "En fait, il reste du travail.", "En fait,", "En réalité"),
    ("fr", "Ces inclusions sont en général plus rapides.", "en général", "généralement"),
    ("fr", "Il s'enrichit au détriment de la communauté.", "au détriment", "aux dépens"),
    ("fr", "Il existe une forme d'oisiveté saine.", "Il existe", "Il y a"),
    ("fr", "Si le roulement s'avère insuffisant, nous agirons.", "s'avère", "se révèle"),
    ("fr", "Ils se sont révélés très utiles.", "se sont révélés", "se sont avérés"),
    ("fr", "Nous attendons beaucoup de chacun d'entre vous.", "d'entre vous.", "de vous."),
    ("fr", "Aucun d'eux ne vient.", "d'eux", "d'entre eux"),
    ("fr", "À partir de cette date, les fichiers changent.", "À partir", "À compter"),
    ("fr", "La règle s'applique à compter du 1er octobre.", "à compter", "à partir"),
    ("fr", "En ce qui concerne le budget, nous verrons.", "En ce qui concerne le", "Au sujet du"),
    ("fr", "Concernant le budget, nous verrons.", "Concernant le", "En ce qui concerne le"),
    ("fr", "Je pense qu'il y a des solutions.", "qu'il y a", "qu'il existe"),
    ("fr", "Cela ne signifie pas que tout va bien.", "signifie pas", "veut pas dire"),
    ("fr", "Mais cela veut dire que Linux gagne.", "veut dire", "signifie"),
    ("fr", "C'est une distribution non commerciale.", "non commerciale.", "non-commerciale."),
    (
        "fr",
        "Des fonctions non-fonctionnelles ou instables.",
        "non-fonctionnelles",
        "non fonctionnelles",
    ),
    (
        "en",
        "For more information about free software, see the page.",
        "more information about",
        "more information on",
    ),
    ("en", "Rather than being developed alone, it grew.", "Rather than", "Instead of"),
    ("en", "We sent manuals along with the disks.", "along with", "together with"),
    ("en", "People with a wide range of abilities came.", "a wide range", "a broad range"),
    ("en", "Clearly something needs to be done.", "Clearly", "Clearly,"),
    ("fr", "Il inclut le noyau ainsi que des milliers d'applications.", "ainsi que", "de même que"),
    ("fr", "Nous partons dans le but d'éviter les retards.", "dans le but d'éviter", "pour éviter"),
    ("fr", "Nous partons pour gagner.", "pour", "dans le but de"),
    ("fr", "Étant donné que la plupart restent, nous partons.", "Étant donné que", "Puisque"),
    ("fr", "Nous partons, étant donné qu'il pleut.", "étant donné qu'il", "puisqu'il"),
    ("fr", "La réunion est à 10 heures demain.", "10 heures", "10 h"),
    ("fr", "La réunion est à 10 h demain.", "10 h", "10 heures"),
    ("fr", "Nous avons environ 10 % de pertes.", "environ", "approximativement"),
    ("fr", "Elles sont passées presque inaperçues.", "presque", "quasiment"),
    ("fr", "Ce sont des systèmes réellement bons.", "réellement", "vraiment"),
    ("fr", "Il avait rejoint récemment le projet.", "récemment", "dernièrement"),
    ("fr", "C'est une distribution totalement isolée.", "totalement", "complètement"),
    ("fr", "Cela simplifie grandement le travail.", "grandement", "considérablement"),
    (
        "fr",
        "C'est une organisation à but non lucratif.",
        "à but non lucratif.",
        "sans but lucratif.",
    ),
    ("fr", "Elles sont essentielles pour le futur de Linux.", "le futur", "l'avenir"),
    ("fr", "Il continue à travailler.", "continue à", "continue de"),
    ("fr", "La ville a perdu près de 4000 logements.", "4000", "4 000"),
    ("fr", "Il ne le sera jamais, mais cela ne veut rien dire.", "jamais,", "jamais"),
    ("fr", "Le projet avance bien mais il reste du travail.", "bien", "bien,"),
]


@pytest.mark.parametrize(("language", "text", "original", "other"), BOTH_WAYS)
def test_both_ways(language: Language, text: str, original: str, other: str) -> None:
    found = variants(text, language, original)
    assert other in found, (text, found)
    # The copy saying `other` offers the original back, with the same choice.
    copy = text.replace(original, other, 1)
    back = variants(copy, language, other)
    assert {lexical_form(v) for v in back} == {lexical_form(v) for v in found}, (copy, back)


SILENT: list[tuple[Language, str, str]] = [
    # (language, text, a span that must not become a slot)
    ("en", "We found it useful.", "found"),
    ("en", "It was found that the plan works.", "found that"),
    ("en", "The hope that we win is small.", "hope that"),
    ("en", "He knows the man who left.", "knows"),
    ("en", "The license defines which software is free.", "which"),
    ("en", "He knows that is wrong.", "that"),
    # "before" opens a clause here: "prior to the meeting starts" is not English
    ("en", "Before the meeting starts, read the notes.", "Before"),
    ("en", "Read the notes before the plan was approved.", "before"),
    ("en", "The man said that is wrong.", "that"),
    ("en", "We want nothing but the best for them.", "nothing"),
    ("en", "We bought apples and pears for the party.", "apples"),
    ("en", "In 3 Debian releases the bug appeared.", "In 3"),
    ("en", "In the way we work nothing changes.", "In the way"),
    ("en", "After Ian left the project the team grew.", "After Ian"),
    ("en", "He was born 5 May 1990 in Paris.", "5 May 1990"),
    ("en", "The call ends at 4 pm. Please come.", "4 p.m."),
    ("en", "He said “it’s fine” today.", "“it’s"),
    ("en", "Use the main one, i.e. the free one.", "i.e."),
    ("en", "We hired artists, developers, etc. The rest left.", "etc."),
    ("en", "How many servers do we have?", "many"),
    ("en", "We kept many of them.", "many"),
    ("en", "He stayed for many years.", "many"),
    ("en", "On the whole, it works.", "whole,"),
    ("en", "It is good as a whole.", "whole."),
    ("en", "This is concerning.", "concerning."),
    ("en", "It is a concerning trend.", "concerning"),
    ("en", "It happened long before he became a developer.", "before"),
    ("en", "Software that's distributed freely is fine.", "that's"),
    ("en", "It has reached a tremendous size.", "It has"),
    ("en", "Five teams met.", "Five"),
    ("en", "This simplifies distributions such as testing.", "such as"),
    ("en", "We work hard to win.", "to"),
    (
        "fr",
        "Le 20 novembre 2002 aux environs de 8 heures, le centre a brûlé.",
        "Le 20 novembre 2002",
    ),
    ("fr", "Pour bien les comprendre, suivons le guide.", "Pour bien,"),
    ("fr", "Il a beaucoup de temps.", "beaucoup de"),
    ("fr", "Il n'y a pas beaucoup de projets.", "beaucoup de"),
    ("fr", "Il a de nombreuses idées.", "de nombreuses"),
    ("fr", "Il agit ainsi que le prévoit la loi.", "ainsi que"),
    ("fr", "C'est une tentative pour créer une distribution.", "pour"),
    ("fr", "Il grandit pour devenir une communauté.", "pour"),
    ("fr", "Pour finir, les développeurs partent.", "Pour"),
    ("fr", "C'est le futur président.", "le futur"),
    ("fr", "Ils ont continué d'être actifs.", "continué"),
    ("fr", "Il a beaucoup de succès.", "beaucoup de succès."),
    ("fr", "Il a beaucoup d'hommes.", "beaucoup d'hommes."),
    ("fr", "Il a besoin de beaucoup de fonctions.", "beaucoup de fonctions."),
    ("fr", "Il a de nombreuses autres idées.", "de nombreuses autres"),
    ("fr", "Eh bien d'autres viendront.", "bien d'autres"),
    ("fr", "J'en ai assez de ces bogues.", "assez"),
    ("fr", "En mai 1998, le projet grandit.", "En mai"),
    ("fr", "Il est parti en Mai.", "en Mai."),
    ("fr", "Pas un des membres n'est venu.", "un des"),
    ("fr", "Il faut qu'un des membres vienne.", "qu'un des"),
    ("fr", "Il faut préalablement à tout vote un débat.", "préalablement"),
    ("fr", "Il hésite entre le train et il ne sait rien.", "train"),
    ("fr", "Soit il vient et il reste, soit il part.", "vient"),
    ("fr", "Il a vingt et un ans.", "vingt"),
    ("fr", "Il a 21 ans.", "21"),
    ("fr", "Nous arrivons vers 17 heures demain.", "17"),
    ("fr", "Il en fait partie depuis longtemps.", "en fait"),
    ("fr", "Il s'en fait une joie.", "s'en fait"),
    ("fr", "Le public en général aime Debian.", "en général"),
    ("fr", "Ils ont payé ou non pour l'obtenir.", "non"),
    ("fr", "Il y a une semaine, il est parti.", "Il y a"),
    ("fr", "Il y a beaucoup, vraiment.", "Il y a"),
    ("fr", "Il y a de quoi rire.", "Il y a"),
    ("fr", "Il veut dire la vérité.", "veut dire"),
    ("fr", "La vérité se révèle.", "se révèle."),
    ("fr", "À partir de là, tout change.", "À partir"),
    ("fr", "Il construit tout à partir de rien.", "à partir"),
    ("fr", "Il vient non seulement pour voir.", "non"),
    ("en", "Rather than on the goal, we focus on people.", "Rather than"),
    ("en", "They prefer songs rather than nothing.", "rather than"),
    ("en", "He gets along with everyone.", "along with"),
    ("fr", "La pause dure pendant 8 heures.", "8 heures."),
    ("fr", "Il est venu, de sorte qu'il puisse voir.", "de sorte"),
    ("fr", "Il est venu jusqu'ici.", "jusqu'ici."),
    ("fr", "Il n'y a rien de nouveau.", "de nouveau."),
    ("fr", "Ce n'est pas rouge mais bleu.", "rouge"),
    ("fr", "Non seulement il vient, mais il reste.", "vient,"),
]


@pytest.mark.parametrize(("language", "text", "span"), SILENT)
def test_silent_contexts(language: Language, text: str, span: str) -> None:
    cands = run(text, language)
    assert all(c.variants[0] != span for c in cands), [c.variants for c in cands]


def test_en_ce_qui_concerne_only_opens_a_clause() -> None:
    found = variants("Les règles concernant les dons changent.", "fr", "concernant les")
    assert found and all("en ce qui concerne" not in v for v in found), found


def test_sentence_initial_for_example_has_no_abbreviation() -> None:
    found = variants("For example, we agree.", "en", "For example,")
    assert "For instance," in found and not any("e.g" in v.lower() for v in found)


def test_case_is_kept() -> None:
    assert "SAID" in variants("HE SAID THAT WE WERE LATE.", "en", "SAID THAT")
    assert "that's" in variants("It is a tool which is free.", "en", "which is")
    assert "THAT'S" in variants("IT IS A TOOL WHICH IS FREE.", "en", "WHICH IS")
    assert "11 JULY 2000," in variants("ON JULY 11TH, 2000, JOEL LEFT.", "en", "JULY 11TH, 2000,")
    assert "Therefore," in variants("Thus, we agree.", "en", "Thus,")
    assert "Numerous" in variants("Many distributions have started out well.", "en", "Many")
    assert "Dans le but de" in variants("Pour gagner, nous partons.", "fr", "Pour")
    assert "De nombreuses distributions" in variants(
        "Beaucoup de distributions ont commencé.", "fr", "Beaucoup de distributions"
    )
    assert "Puisque" in variants(
        "Étant donné que tout va bien, nous partons.", "fr", "Étant donné que"
    )


def test_quote_marks_keep_the_memo_style() -> None:
    # A memo with typographic apostrophes gets typographic single quotes.
    found = variants('It’s known as "flavors" today.', "en", '"flavors"')
    assert "‘flavors’" in found
    # Quoted words in code are left alone.
    assert variants('Run `echo "hi"` now.', "en", '"hi"`') == ()


def test_rejecting_the_intro_comma_keeps_the_date_comma() -> None:
    raw = "On July 11th, 2000, Joel left."
    cands = run(raw, "en", frozenset({"en.comma.intro"}))
    (date,) = [c for c in cands if c.rule == "en.date.format"]
    assert all(v.endswith(",") for v in date.variants), date.variants
    cands = run(raw, "en", frozenset({"en.date"}))
    assert all(c.rule != "en.date.format" for c in cands)


def test_date_with_year_keeps_the_us_comma() -> None:
    found = variants("On 11 July 2000 Joel left.", "en", "11 July 2000")
    assert "July 11, 2000," in found and "July 11, 2000" not in found
    assert "11 July 2000," in found


def test_french_date_comma_rejected_with_the_intro_family() -> None:
    raw = "Le 9 mai, Manuel est parti."
    assert "fr.comma.date" in rules(raw, "fr")
    assert "fr.comma.date" not in {c.rule for c in run(raw, "fr", frozenset({"fr.comma"}))}
    assert "fr.comma.date" not in {c.rule for c in run(raw, "fr", frozenset({"fr.comma.intro"}))}
    # With "1er", rejecting the comma keeps the memo's comma and only swaps "premier".
    first = run("Le 1er mars, Manuel est parti.", "fr", frozenset({"fr.comma.intro"}))
    assert any("premier" in v for c in first for v in c.variants)
    assert all(v.endswith(",") for c in first if "mars" in c.variants[0] for v in c.variants)

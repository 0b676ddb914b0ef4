"""Generated sentences for the families added for real prose (quantities, months, "l'un
des", numbers in words, the comma before "et", fixed phrases, English idioms): every
slot found must come back from a copy carrying any of its variants, at the same place
with the same choices, and no other slot may be lost."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from townsquare.canary.lexical import LexicalCandidate, find_lexical
from townsquare.canary.model import Language
from townsquare.canary.normalize import lexical_form
from townsquare.canary.segment import canonicalize, segment


def _find(text: str, language: Language) -> list[LexicalCandidate]:
    sentences, tokens = segment(text, language)
    return find_lexical(text, sentences, tokens, language)


def _forms(c: LexicalCandidate) -> frozenset[str]:
    return frozenset(lexical_form(v) for v in c.variants)


def assert_round_trips(raw: str, language: Language) -> list[LexicalCandidate]:
    text = canonicalize(raw)
    cands = _find(text, language)
    for c in cands:
        assert c.variants[0] == text[c.start : c.end]
        assert len(_forms(c)) == len(c.variants), c
        others = {(d.start, _forms(d)) for d in cands if d is not c}
        for v in c.variants[1:]:
            copy = text[: c.start] + v + text[c.end :]
            found = _find(copy, language)
            here = [d for d in found if d.start == c.start]
            assert here and here[0].end == c.start + len(v), (copy, c, here)
            assert _forms(here[0]) == _forms(c), (copy, c, here[0])
            shift = len(v) - (c.end - c.start)
            again = {
                (d.start - shift if d.start > c.start else d.start, _forms(d))
                for d in found
                if d.start != c.start
            }
            assert others <= again, (copy, sorted(others - again))
    return cands


_FR_SUBJECTS = ["Il", "Elle", "Debian", "Le projet", "Nous", "On", "L'équipe"]
_FR_VERBS = ["a", "compte", "inclut", "a reçu", "gère", "n'a pas", "a vu"]
_FR_QUANTITY = [
    "beaucoup de",
    "un grand nombre de",
    "de nombreux",
    "de nombreuses",
    "bien d'autres",
    "suffisamment de",
    "assez de",
    "trop de",
    "pas beaucoup de",
]
_FR_NOUNS = [
    "projets",
    "outils",
    "fonctions",
    "idées",
    "temps",
    "succès",
    "événements",
    "développements",
    "stations",
    "argent",
    "autres projets",
    "autres",
    "héros",
    "hommes",
]
_FR_TAILS = [
    ".",
    " en mai 1998.",
    " au mois d'août.",
    " jusqu'en octobre.",
    " à tout instant.",
    " à un moment donné.",
    " et il reste.",
    ", et il reste.",
    " et elle reste.",
    " malgré cela.",
    " en fait.",
    " depuis 19 ans.",
    " dès l'âge de neuf ans.",
    " avec une large variété de bogues.",
    " au détriment de la communauté.",
    " non commerciales.",
    " non-fonctionnels.",
    " ou non pour les obtenir.",
]
_FR_OPENERS = [
    "À partir du 3 mars, ",
    "À partir de là ",
    "En ce qui concerne le budget, ",
    "Si cela s'avère utile, ",
    "Chacun d'entre nous sait qu'",
    "Il y a une semaine, ",
    "Cela veut dire qu'",
    "Il existe un lieu où ",
    "",
    "En fait, ",
    "Au lieu de cela ",
    "De cette façon, ",
    "En mai, ",
    "Malgré cela ",
]
_FR_ONE_OF = [
    "",
    " un des membres",
    " l'un des membres",
    " d'une des versions",
    " de l'une des versions",
    " qu'un des membres",
]


@st.composite
def _french(draw: st.DrawFn) -> str:
    parts = [
        draw(st.sampled_from(_FR_OPENERS)),
        draw(st.sampled_from(_FR_SUBJECTS)),
        " ",
        draw(st.sampled_from(_FR_VERBS)),
        " ",
        draw(st.sampled_from(_FR_QUANTITY)),
        " ",
        draw(st.sampled_from(_FR_NOUNS)),
        draw(st.sampled_from(_FR_ONE_OF)),
        draw(st.sampled_from(_FR_TAILS)),
    ]
    raw = "".join(parts)
    for bare, elided in (("de a", "d'a"), ("de é", "d'é"), ("de i", "d'i"), ("de ho", "d'ho")):
        raw = raw.replace(bare, elided)
    return raw[0].upper() + raw[1:]


_EN_OPENERS = ["", "Clearly ", "Clearly, ", "Instead of waiting, ", "Rather than waiting "]
_EN_SUBJECTS = ["something", "nothing", "we", "the team", "everyone"]
_EN_MIDDLES = [
    " shipped manuals along with the disks",
    " gets along with everyone",
    " chose this rather than building",
    " chose this instead of waiting",
    " chose this rather than on a whim",
    " offered a wide range of tools",
    " offered a broad array of tools",
    " asked for more information about the tools",
    " stored information on the server",
]


@st.composite
def _english(draw: st.DrawFn) -> str:
    opener = draw(st.sampled_from(_EN_OPENERS))
    raw = opener + draw(st.sampled_from(_EN_SUBJECTS)) + draw(st.sampled_from(_EN_MIDDLES)) + "."
    return raw[0].upper() + raw[1:]


# One sentence per example: two generated sentences can be near twins, which get no
# slot at all (engine._echoed), whatever the rules.
@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_french())
def test_generated_french_families_round_trip(sentence: str) -> None:
    assert_round_trips(sentence, "fr")


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_english())
def test_generated_english_idioms_round_trip(sentence: str) -> None:
    assert_round_trips(sentence, "en")


def test_the_templates_reach_the_new_families() -> None:
    text = (
        "Il a beaucoup d'outils en mai 1998. Elle a vu l'un des membres à tout instant. "
        "Nous gérons suffisamment de projets, et il reste des bogues depuis 19 ans. "
        "Le projet vit en fait au détriment de la communauté."
    )
    rules = {c.rule for c in assert_round_trips(text, "fr")}
    assert {
        "fr.word.nombreux",
        "fr.date.mois",
        "fr.word.un_des",
        "fr.word.moment",
        "fr.word.assez",
        "fr.comma.et",
        "fr.word.bogue",
        "fr.number.words",
        "fr.word.en_fait",
        "fr.word.detriment",
    } <= rules, rules
    text = "Il existe des moyens, mais cela ne veut pas dire que tout va bien."
    rules = {c.rule for c in assert_round_trips(text, "fr")}
    assert {"fr.word.il_existe", "fr.word.signifie"} <= rules, rules
    text = "À compter du 3 mars, chacun d'entre vous saura si cela se révèle utile."
    rules = {c.rule for c in assert_round_trips(text, "fr")}
    assert {"fr.word.a_compter", "fr.word.d_entre", "fr.word.s_averer"} <= rules, rules
    english = "Clearly something shipped manuals along with a wide range of disks."
    rules = {c.rule for c in assert_round_trips(english, "en")}
    assert {"en.comma.intro", "en.phrase.along_with", "en.word.wide_range"} <= rules, rules

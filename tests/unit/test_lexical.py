"""The lexical channel: hard rules on every candidate, and each family both ways."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from townsquare.canary.lexical import (
    RULES,
    LexicalCandidate,
    describe,
    families,
    find_lexical,
    rule_ids,
)
from townsquare.canary.lexical.base import words
from townsquare.canary.model import CanaryError, Language
from townsquare.canary.normalize import lexical_form
from townsquare.canary.segment import canonicalize, segment

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "lexical"
SAMPLES = sorted(FIXTURES.glob("*.md"))


def run(
    raw: str, language: Language, rejected: frozenset[str] = frozenset()
) -> tuple[str, list[LexicalCandidate]]:
    text = canonicalize(raw)
    sentences, tokens = segment(text, language)
    cands = find_lexical(text, sentences, tokens, language, rejected=rejected)
    check_invariants(text, language, cands)
    return text, cands


def check_invariants(text: str, language: Language, cands: list[LexicalCandidate]) -> None:
    _, tokens = segment(text, language)
    starts = {t.start: t.sentence for t in tokens}
    ends = {t.end: t.sentence for t in tokens}
    curly = "’" in text
    previous_end = -1
    for c in cands:
        assert c.start in starts, c
        assert c.end in ends, c
        assert starts[c.start] == ends[c.end], f"span crosses a sentence: {c}"
        assert c.start >= previous_end, f"overlap or disorder: {c}"
        previous_end = c.end
        assert c.variants[0] == text[c.start : c.end]
        assert 2 <= len(c.variants) <= 8
        forms = [lexical_form(v) for v in c.variants]
        assert len(set(forms)) == len(forms), c
        assert c.rule in RULES, c.rule
        original = c.variants[0]
        for v in c.variants[1:]:
            assert "\n" not in v and "  " not in v and v == v.strip(), repr(v)
            if curly:
                assert v.count("'") <= original.count("'"), (c, v)
        _check_case(original, c)


def _check_case(original: str, c: LexicalCandidate) -> None:
    if c.rule in ("en.abbrev.ok", "en.abbrev.country"):
        return  # "OK"/"okay" and "US"/"U.S." are spellings of an abbreviation, not case
    letters = [ch for ch in original if ch.isalpha()]
    stripped = original.lstrip("\"'“‘«([*_")
    if len(letters) >= 2 and all(ch.isupper() for ch in letters):
        for v in c.variants:
            assert all(ch.isupper() for ch in v if ch.isalpha()), (c, v)
    elif stripped[:1].isupper():
        for v in c.variants:
            body = v.lstrip("\"'“‘«([*_")
            if body[:1].isalpha():
                assert body[:1].isupper(), (c, v)


def variants(raw: str, language: Language, original: str) -> tuple[str, ...]:
    """Variants of the first candidate whose original text is `original` (or () if none)."""
    _, cands = run(raw, language)
    for c in cands:
        if c.variants[0] == original:
            return c.variants
    return ()


def rules_in(raw: str, language: Language) -> set[str]:
    return {c.rule for c in run(raw, language)[1]}


# --- sample texts -----------------------------------------------------------------------


def test_samples_exist_in_both_languages() -> None:
    langs = [p.name[:2] for p in SAMPLES]
    assert langs.count("en") >= 3 and langs.count("fr") >= 2


@pytest.mark.parametrize("path", SAMPLES, ids=lambda p: p.stem)
def test_sample_invariants(path: Path) -> None:
    language: Language = "fr" if path.name.startswith("fr_") else "en"
    raw = path.read_text(encoding="utf-8")
    text, cands = run(raw, language)
    sentences, _ = segment(text, language)
    assert len(sentences) >= 25
    assert len(cands) >= len(sentences) // 3
    # The same memo with typographic apostrophes: variants follow the memo's style.
    run(raw.replace("'", "’"), language)
    # Shouting, hard-wrapped and Markdown-quoted forms still hold every rule.
    run(raw.upper(), language)
    run("\n".join(_wrap(line) for line in raw.splitlines()), language)


def _wrap(line: str, width: int = 60) -> str:
    out, cur = [], ""
    for word in line.split(" "):
        if cur and len(cur) + len(word) > width:
            out.append(cur)
            cur = word
        else:
            cur = f"{cur} {word}" if cur else word
    out.append(cur)
    return "\n".join(out)


@pytest.mark.parametrize("path", SAMPLES, ids=lambda p: p.stem)
def test_layout_accepts_every_candidate(path: Path) -> None:
    from townsquare.canary.layout import build_layout

    language: Language = "fr" if path.name.startswith("fr_") else "en"
    layout = build_layout(path.read_text(encoding="utf-8"), language=language)
    assert layout.slots_of("lexical")


# --- generated text ---------------------------------------------------------------------

_EN_WORDS = words(
    "we do not don't it is it's is not isn't that there are you they I am I'm let us "
    "Let's However, Therefore In addition, addition to For example For instance, Finally, "
    "First, apples, pears, plums and or but, yet, so, about approximately around over "
    "more than 5 12 1,500 2000 10% percent per cent 5 pm p.m. p.m 9:30am March 3 May "
    "organize organisation color center defense traveled judgment e-mail email OK okay "
    "toward among while until though although in order to prior to make sure ensure that "
    "said because of due to Mr. Dr U.S. US e.g. i.e. the a an Kennedy Center WE DO NOT "
    "all of both the each other nobody no one everyone often nearly almost rather than "
    "instead of waiting along with together a wide broad range Clearly something nothing"
)
_FR_WORDS = words(
    "nous ne pas Cependant, Toutefois Par ailleurs, En outre De plus, Par exemple Enfin, "
    "Aujourd'hui, afin de d'éviter pour que qu'il lorsqu'il quand Quand lorsque alors "
    "tandis bien Bien quoique car parce au sujet du de la l'équipe concernant le les "
    "pendant durant au cours environ à peu près près 10 % 10% pour cent 1 000 1000 2024 "
    "17 h 17h 17:00 500 € euros trois 3 équipes mars e-mail courriel d'e-mails week-end "
    "clé également aussi que actuellement qu'actuellement selon d'après en raison du fait "
    "beaucoup un grand nombre de nombreux nombreuses d'outils projets bien d'autres assez "
    "suffisamment en mai au mois d'août jusqu'en un des l'un d'un et il 19 dix-neuf ans "
    "bogues bugs en fait réalité général généralement est malgré cela À la place"
)
_PUNCT = st.sampled_from(
    [
        " ",
        " ",
        " ",
        ", ",
        ". ",
        "? ",
        "! ",
        "\n",
        "\n\n",
        ": ",
        " \u00a0",
        "\u202f",
        '"',
        "«",
        "»",
        "`",
        "’",
        "'",
        "(",
        ")",
        " - ",
        "# ",
        "\n- ",
        "\u200b",
    ]
)


def _texts(vocab: list[str]) -> st.SearchStrategy[str]:
    piece = st.one_of(st.sampled_from(vocab), _PUNCT, st.text(max_size=3))
    return st.lists(piece, min_size=1, max_size=40).map(lambda parts: " ".join(parts))


def _fuzz(raw: str, language: Language) -> None:
    try:
        text = canonicalize(raw)
    except CanaryError:
        return
    sentences, tokens = segment(text, language)
    check_invariants(text, language, find_lexical(text, sentences, tokens, language))


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_texts(_EN_WORDS))
def test_generated_english_holds_invariants(raw: str) -> None:
    _fuzz(raw, "en")


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_texts(_FR_WORDS))
def test_generated_french_holds_invariants(raw: str) -> None:
    _fuzz(raw, "fr")


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=200), st.sampled_from(["en", "fr"]))
def test_arbitrary_unicode_never_crashes(raw: str, language: Language) -> None:
    _fuzz(raw, language)


# --- each family, both directions -------------------------------------------------------

POSITIVE: list[tuple[Language, str, str, str]] = [
    # (language, text, original span, one expected variant)
    ("en", "We do not agree.", "do not", "don't"),
    ("en", "We don't agree.", "don't", "do not"),
    ("en", "She cannot come.", "cannot", "can't"),
    ("en", "They won't come.", "won't", "will not"),
    ("en", "It is important to vote.", "It is", "It's"),
    ("en", "It's important to vote.", "It's", "It is"),
    ("en", "It's been a long year.", "It's", "It has"),
    ("en", "So we are ready now.", "we are", "we're"),
    ("en", "We have been busy.", "We have", "We've"),
    ("en", "I am sure of it.", "I am", "I'm"),
    ("en", "There is a problem.", "There is", "There's"),
    ("en", "That is the plan.", "That is", "That's"),
    ("en", "It is not clear.", "It is not", "It isn't"),
    ("en", "It is not clear.", "It is not", "It's not"),
    ("en", "They aren't ready.", "They aren't", "They're not"),
    ("en", "Let us consider the facts.", "Let us", "Let's"),
    ("en", "Let's consider the facts.", "Let's", "Let us"),
    ("en", "In addition, we will hire.", "In addition,", "Moreover,"),
    ("en", "In addition, we will hire.", "In addition,", "In addition"),
    ("en", "Furthermore we will hire.", "Furthermore", "Additionally,"),
    ("en", "For example, we will hire.", "For example,", "For instance,"),
    ("en", "As a result, we will hire.", "As a result,", "Consequently,"),
    ("en", "Currently, we hire.", "Currently,", "At present,"),
    ("en", "Today, we hire.", "Today,", "Today"),
    ("en", "Therefore we hire.", "Therefore", "Therefore,"),
    ("en", "In 2023, we grew.", "In 2023,", "In 2023"),
    ("en", "We met Alice, Bob and Carol.", "Bob", "Bob,"),
    ("en", "We met Alice, Bob, and Carol.", "Bob,", "Bob"),
    ("en", "We bought apples, pears, plums and figs.", "plums", "plums,"),
    ("en", "The plan is simple, but it will take time.", "simple,", "simple"),
    ("en", "The design is cheap, yet it works well enough.", "cheap,", "cheap"),
    ("en", "We left the old office last year, and we never looked back.", "year,", "year"),
    ("en", "We work hard in order to win.", "in order to", "so as to"),
    ("en", "Please arrive prior to the meeting.", "prior to", "before"),
    ("en", "We hired approximately 150 people.", "approximately", "about"),
    ("en", "We hired about 150 people.", "about", "roughly"),
    ("en", "Sales rose by more than 10%.", "more than", "over"),
    ("en", "Sales rose by over 10%.", "over", "more than"),
    ("en", "Sales rose 10%.", "10%.", "10 per cent."),
    ("en", "Sales rose 10 percent.", "10 percent.", "10%."),
    ("en", "We have 3 teams.", "3", "three"),
    ("en", "We have three teams.", "three", "3"),
    ("en", "We planted 5,000 trees.", "5,000", "5000"),
    ("en", "We planted 5000 trees.", "5000", "5,000"),
    ("en", "The call is at 5 pm today.", "5 pm", "5 p.m."),
    ("en", "The call is at 5pm today.", "5pm", "5:00 pm"),
    ("en", "The call ends at 5 p.m.", "5 p.m.", "5 pm."),
    ("en", "We start on March 3 as planned.", "March 3", "March 3rd"),
    ("en", "That is OK with us.", "OK", "okay"),
    ("en", "Please e-mail me.", "e-mail", "email"),
    ("en", "We move toward a goal.", "toward", "towards"),
    ("en", "It is among the best.", "among", "amongst"),
    ("en", "We waited until noon.", "until", "till"),
    ("en", "We read while they slept.", "while", "whilst"),
    ("en", "We stayed, although it rained.", "although", "though"),
    ("en", "We stayed despite the rain.", "despite", "in spite of"),
    ("en", "We are nearly done.", "nearly", "almost"),
    ("en", "Everyone agreed.", "Everyone", "Everybody"),
    ("en", "They help each other.", "each other.", "one another."),
    ("en", "We thank all of the staff.", "all of", "all"),
    ("en", "Please make sure that you attend.", "make sure that", "ensure that"),
    ("en", "He said that we were late.", "said that", "said"),
    ("en", "We left because of the rain.", "because of", "due to"),
    ("en", "We cancelled the trip.", "cancelled", "canceled"),
    ("en", "We must organize the event.", "organize", "organise"),
    ("en", "The organisations agreed.", "organisations", "organizations"),
    ("en", "The color is gray.", "color", "colour"),
    ("en", "The center is open.", "center", "centre"),
    ("en", "We analyzed the data.", "analyzed", "analysed"),
    ("en", "The defense rested.", "defense", "defence"),
    ("en", "We traveled far.", "traveled", "travelled"),
    ("en", "It was a fair judgment.", "judgment.", "judgement."),
    ("en", "We must cooperate more.", "cooperate", "co-operate"),
    ("en", "Mr. Smith is here.", "Mr.", "Mr"),
    ("en", "The U.S. economy grew.", "U.S.", "US"),
    ("en", "Bring fruit, e.g. apples.", "e.g.", "for example"),
    ("en", "Costs were significantly higher.", "significantly", "considerably"),
    ("en", "We meet every week.", "every week.", "each week."),
    ("en", "It grew over the past decade.", "the past", "the last"),
    ("en", "Costs rose compared with 2022.", "compared with", "compared to"),
    ("fr", "Cependant, nous partons.", "Cependant,", "Toutefois,"),
    ("fr", "Cependant, nous partons.", "Cependant,", "Cependant"),
    ("fr", "Par ailleurs, nous partons.", "Par ailleurs,", "En outre,"),
    ("fr", "Par conséquent, nous partons.", "Par conséquent,", "C'est pourquoi"),
    ("fr", "Aujourd'hui, nous partons.", "Aujourd'hui,", "Aujourd'hui"),
    ("fr", "Actuellement, nous partons.", "Actuellement,", "À l'heure actuelle,"),
    ("fr", "Afin de gagner, nous partons.", "Afin de", "Pour"),
    ("fr", "Afin d'éviter les retards, nous partons.", "Afin d'éviter", "Pour éviter"),
    ("fr", "Nous partons pour éviter les retards.", "pour éviter", "afin d'éviter"),
    ("fr", "Nous partons pour gagner.", "pour", "afin de"),
    ("fr", "Nous partons afin que tout aille bien.", "afin", "pour"),
    ("fr", "Lorsqu'il arrive, nous partons.", "Lorsqu'il", "Quand il"),
    ("fr", "Quand il arrive, nous partons.", "Quand il", "Lorsqu'il"),
    ("fr", "Il reste, alors qu'elle part.", "alors", "tandis"),
    ("fr", "Bien qu'il pleuve, nous sortons.", "Bien qu'il", "Quoiqu'il"),
    ("fr", "Nous partons, car il pleut.", "car il", "parce qu'il"),
    ("fr", "Nous parlons au sujet du projet.", "au sujet du", "concernant le"),
    ("fr", "Nous parlons concernant l'équipe.", "concernant l'équipe.", "à propos de l'équipe."),
    ("fr", "Il a plu pendant la réunion.", "pendant la", "au cours de la"),
    ("fr", "Il a plu malgré les prévisions.", "malgré les", "en dépit des"),
    ("fr", "Nous travaillons actuellement ici.", "actuellement", "en ce moment"),
    ("fr", "Il pense qu'actuellement rien ne bouge.", "qu'actuellement", "qu'en ce moment"),
    ("fr", "Nous avons environ 30 salariés.", "environ", "à peu près"),
    ("fr", "Les ventes ont baissé de 10 %.", "10 %.", "10 pour cent."),
    ("fr", "Les ventes ont baissé de 10%.", "10%.", "10 %."),
    ("fr", "Nous avons perdu 4 000 logements.", "4 000", "4000"),
    ("fr", "Nous avons 3 équipes.", "3", "trois"),
    ("fr", "Nous avons trois équipes.", "trois", "3"),
    ("fr", "La réunion est à 17 h aujourd'hui.", "17 h", "17h"),
    ("fr", "La réunion est à 17h30 aujourd'hui.", "17h30", "17:30"),
    ("fr", "Cela coûte 500 € par mois.", "500 €", "500 euros"),
    ("fr", "Envoyez-moi un e-mail.", "e-mail.", "courriel."),
    ("fr", "Il y a plusieurs types d'e-mails.", "d'e-mails.", "de courriels."),
    ("fr", "Bon week-end à tous.", "week-end", "weekend"),
    ("fr", "Il a également défendu le projet.", "également", "aussi"),
    ("fr", "Il faut agir dès que possible.", "dès que possible.", "au plus vite."),
    ("fr", "Il part tout de suite après.", "tout de suite", "immédiatement"),
    ("fr", "Selon lui, tout va bien.", "Selon", "D'après"),
    ("fr", "La réunion aura lieu le 1er octobre.", "1er", "premier"),
    ("fr", "Nous y allons chaque jour.", "chaque jour.", "tous les jours."),
    ("fr", "Il prévoit nettement plus de moyens.", "nettement plus", "bien plus"),
    ("fr", "Nous agissons de façon cohérente.", "façon", "manière"),
]


@pytest.mark.parametrize(("language", "text", "original", "expected"), POSITIVE)
def test_family_examples(language: Language, text: str, original: str, expected: str) -> None:
    found = variants(text, language, original)
    assert expected in found, (text, found)


NEGATIVE: list[tuple[Language, str, str]] = [
    # (language, text, a span that must not become a slot)
    ("en", "I know what it is.", "it is."),
    ("en", "That is what it is.", "it is."),
    ("en", "Here we are.", "we are."),
    ("en", "Don't you think so?", "Don't"),
    ("en", "Isn't it obvious?", "Isn't"),
    ("en", "Let us know.", "Let us"),
    ("en", "However, we agree.", "However,"),
    ("en", "Finally, we agree.", "Finally,"),
    ("en", "In addition to this, we agree.", "In addition"),
    ("en", "We talk about 5 issues.", "about"),
    ("en", "The book is about 3 sisters.", "about"),
    ("en", "It took over 5 years.", "over"),
    ("en", "We met in 1999.", "1999."),
    ("en", "In 2023 we grew.", "2023"),
    ("en", "Phase 2 results are in.", "2"),
    ("en", "Three teams met.", "Three"),
    ("en", "One team met.", "One"),
    ("en", "I thank my brother, John and Mary.", "John"),
    ("en", "We left early, so we could rest.", "early,"),
    ("en", "The Kennedy Center is big.", "Center"),
    ("en", "The World Health Organization met.", "Organization"),
    ("en", 'He said "we do not agree" today.', "do not"),
    ("en", "Run `do not` now.", "do not"),
    ("en", "See http://example.com/center today.", "http://example.com/center"),
    ("en", "The meeting is at 5 p.m. Please come.", "5 p.m."),
    ("en", "I can't walk, much less run.", "much"),
    ("en", "We analyses the data.", "analyses"),
    ("en", "We have a plan.", "We have"),
    ("fr", "Nous sommes là pour le dîner.", "pour"),
    ("fr", "Il est trop tard pour agir.", "pour"),
    ("fr", "Il a été condamné pour avoir menti.", "pour"),
    ("fr", "Il est bien que vous soyez là.", "bien que"),
    ("fr", "Quand partez-vous ?", "Quand"),
    ("fr", "Le 3 mars, nous partons.", "3"),
    ("fr", "En 2024, nous partons.", "2024,"),
    ("fr", "La pause dure pendant 8 h.", "8 h."),
    ("fr", "Il est aussi grand que moi.", "aussi"),
    ("fr", "Les parts sont réparties également.", "également."),
    ("fr", "Enfin nous y sommes.", "Enfin"),
    ("fr", "« Nous partons pour gagner », dit-il.", "pour"),
    ("fr", "Nous connaissons le coût.", "coût."),
    ("fr", "Il coûte 1 euro.", "1"),
]


@pytest.mark.parametrize(("language", "text", "span"), NEGATIVE)
def test_unsafe_contexts_are_left_alone(language: Language, text: str, span: str) -> None:
    _, cands = run(text, language)
    assert all(c.variants[0] != span for c in cands), [c.variants for c in cands]


def test_case_is_preserved() -> None:
    assert "DON'T" in variants("WE DO NOT AGREE.", "en", "DO NOT")
    assert "Don't" in variants("Do not panic.", "en", "Do not")
    assert variants("We do NOT agree.", "en", "do NOT") == ()
    assert "Moreover," in variants("In addition, we agree.", "en", "In addition,")
    assert "MOREOVER," in variants("IN ADDITION, WE AGREE.", "en", "IN ADDITION,")
    assert "Pour" in variants("Afin de gagner, nous partons.", "fr", "Afin de")
    assert "FIVE" in variants("WE HAVE 5 TEAMS.", "en", "5")
    assert "5 P.M." in variants("We meet at 5 PM today.", "en", "5 PM")


def test_memo_apostrophe_style() -> None:
    curly = "We do not agree, and that’s final."
    assert "don’t" in variants(curly, "en", "do not")
    straight = "We do not agree, and that's final."
    assert "don't" in variants(straight, "en", "do not")
    assert "D’après" in variants("Selon lui, c’est faux.", "fr", "Selon")


def test_french_elision_is_rebuilt() -> None:
    assert variants("Nous partons pour gagner.", "fr", "pour") == (
        "pour",
        "afin de",
        "dans le but de",
    )
    assert "afin d'aider." in variants("Nous partons pour aider.", "fr", "pour aider.")
    assert "au sujet d'un" in variants("Nous parlons concernant un projet.", "fr", "concernant un")
    assert "Quoiqu'elle" in variants("Bien qu'elle pleure, elle rit.", "fr", "Bien qu'elle")
    # "de" + a vowel-initial alternative would need "d'": such alternatives are dropped.
    found = variants("Un type de courriel suffit.", "fr", "courriel")
    assert found and all(not v.startswith(("e-mail", "email")) for v in found)


# --- rejection and registry ---------------------------------------------------------------


def test_rejecting_a_rule_or_a_family() -> None:
    text = "We do not agree. In addition, we cannot organize it."
    all_rules = {c.rule for c in run(text, "en")[1]}
    assert {"en.contraction.do_not", "en.contraction.cannot"} <= all_rules
    one = {c.rule for c in run(text, "en", frozenset({"en.contraction.do_not"}))[1]}
    assert "en.contraction.do_not" not in one and "en.contraction.cannot" in one
    family = {c.rule for c in run(text, "en", frozenset({"en.contraction"}))[1]}
    assert not any(r.startswith("en.contraction.") for r in family)
    assert "en.connective.addition" in family
    nothing = run(text, "en", frozenset({"en"}))[1]
    assert nothing == []


def test_rejecting_the_comma_keeps_connective_swaps_without_comma_changes() -> None:
    _, cands = run("In addition, we agree.", "en", frozenset({"en.comma"}))
    (cand,) = cands
    assert cand.rule == "en.connective.addition"
    assert all(v.endswith(",") for v in cand.variants)
    _, cands = run("In addition, we agree.", "en", frozenset({"en.connective"}))
    assert [c.variants for c in cands] == [("In addition,", "In addition")]


def test_registry() -> None:
    assert "en.contraction.do_not" in rule_ids("en")
    assert all(r.startswith("fr.") for r in rule_ids("fr"))
    assert "en.spelling" in families("en")
    assert describe("en.contraction.do_not")
    assert describe("en.spelling").startswith(tuple("0123456789"))
    assert describe("no.such.rule") == ""


@settings(max_examples=100, deadline=None)
@given(st.sets(st.sampled_from(sorted({".".join(r.split(".")[:2]) for r in RULES})), max_size=6))
def test_rejected_families_never_appear(rejected: set[str]) -> None:
    for path in SAMPLES[:2]:
        language: Language = "fr" if path.name.startswith("fr_") else "en"
        _, cands = run(path.read_text(encoding="utf-8"), language, frozenset(rejected))
        assert not any(".".join(c.rule.split(".")[:2]) in rejected for c in cands)


def test_sentences_echoing_each_other_get_no_slot() -> None:
    # A reader could place one on the other once a variant breaks its own word pairs.
    assert run("We cannot go! We cannot go!", "en")[1] == []
    assert run("Cannot we. We cannot we.", "en")[1] == []
    assert run("We cannot go today. They will not stay long.", "en")[1]

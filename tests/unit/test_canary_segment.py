"""Sentence segmentation and canonical form, English and French."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from townsquare.canary.model import CanaryError
from townsquare.canary.segment import canonicalize, detect_language, segment


def sentences_of(text: str, language: str = "en") -> list[str]:
    canon = canonicalize(text)
    sentences, _ = segment(canon, language)  # type: ignore[arg-type]
    return [canon[s.start : s.end] for s in sentences]


def test_english_abbreviations_initials_and_decimals_do_not_split() -> None:
    text = "We met Mr. Smith at 5 p.m. on Monday. Prices rose 3.5% in the U.S. market. See J. Doe."
    assert sentences_of(text) == [
        "We met Mr. Smith at 5 p.m. on Monday.",
        "Prices rose 3.5% in the U.S. market.",
        "See J. Doe.",
    ]


def test_french_punctuation_with_no_break_spaces_and_guillemets() -> None:
    text = "Il a dit « non. » Puis il est parti\u00a0! Vraiment\u202f? M. Dupont est là."
    assert sentences_of(text, "fr") == [
        "Il a dit « non. »",
        "Puis il est parti\u00a0!",
        "Vraiment\u202f?",
        "M. Dupont est là.",
    ]


def test_hard_wrapped_lines_are_soft_breaks_and_blank_lines_end_paragraphs() -> None:
    text = "The first sentence runs\nacross two lines. The second\nstays.\n\nA new paragraph."
    canon = canonicalize(text)
    sentences, _ = segment(canon, "en")
    assert [canon[s.start : s.end] for s in sentences] == [
        "The first sentence runs\nacross two lines.",
        "The second\nstays.",
        "A new paragraph.",
    ]
    assert [s.paragraph for s in sentences] == [0, 0, 1]


def test_markdown_headings_and_list_items_are_their_own_blocks() -> None:
    text = "# Title\nIntro line.\n- first item\n- second item"
    assert sentences_of(text) == ["# Title", "Intro line.", "- first item", "- second item"]


def test_existing_double_spaces_are_canonicalised_to_one() -> None:
    assert canonicalize("One.  Two.   Three. Four.") == "One. Two. Three. Four.\n"


def test_zero_width_and_crlf_are_removed() -> None:
    assert canonicalize("A\u200bb.\r\nC.\r\n") == "Ab.\nC.\n"


@pytest.mark.parametrize("text", ["", "   \n\n  ", "\u200b\u200c"])
def test_empty_memo_is_refused(text: str) -> None:
    with pytest.raises(CanaryError, match="empty"):
        canonicalize(text)


def test_language_detection() -> None:
    assert detect_language("Nous avons pris la décision pour les équipes.") == "fr"
    assert detect_language("We have made the decision for the teams.") == "en"


WORDS = st.sampled_from(["alpha", "Beta", "gamma", "3.5", "U.S.", "don't", "well-known", "é"])


@given(st.lists(st.lists(WORDS, min_size=1, max_size=8), min_size=1, max_size=8))
def test_tokens_cover_every_word_in_reading_order(sentences: list[list[str]]) -> None:
    text = " ".join(" ".join(words).capitalize() + "." for words in sentences)
    canon = canonicalize(text)
    segs, tokens = segment(canon, "en")
    assert [canon[t.start : t.end] for t in tokens] == canon.split()
    assert all(segs[t.sentence].start <= t.start < segs[t.sentence].end for t in tokens)

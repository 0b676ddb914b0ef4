"""Scoring a recovered text against its source."""

from __future__ import annotations

from townsquare.ocr.scoring import compare_spacing, spaced_tokens


def test_spaced_tokens() -> None:
    assert spaced_tokens("One.  Two\nthree\u00a0! Four") == [
        ("One.", 2),
        ("Two", None),
        ("three", None),
        ("!", 1),
        ("Four", None),
    ]


def test_identical_texts_score_perfectly() -> None:
    text = "One two.  Three four. Five six?  Seven."
    score = compare_spacing(text, text)
    assert (score.word_accuracy, score.gap_accuracy, score.gaps_compared) == (1.0, 1.0, 3)


def test_lost_double_spaces_and_case_and_line_breaks() -> None:
    source = "One two.  Three four. Five six?  Seven eight."
    recovered = "one two. Three four.\nFive six?  seven eight."
    score = compare_spacing(source, recovered)
    assert score.word_accuracy == 1.0
    # "four." is followed by a line break in the recovered text: not comparable.
    assert (score.gaps_compared, score.gaps_agreeing) == (2, 1)


def test_misread_words_are_not_compared() -> None:
    score = compare_spacing("Alpha beta.  Gamma delta.", "Alpha beta.  Garnma delta.")
    assert score.matched_words == 3
    assert score.gaps_compared == 0


def test_ellipsis_and_typographic_quotes_fold() -> None:
    score = compare_spacing("It’s late…  “Go” now.", 'It\'s late...  "Go" now.')
    assert (score.word_accuracy, score.gaps_compared, score.gaps_agreeing) == (1.0, 1, 1)

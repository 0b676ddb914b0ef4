"""Gap classification and text rebuilding from synthetic OCR word boxes."""

from __future__ import annotations

import random

import pytest

from townsquare.ocr.reconstruct import (
    Reconstruction,
    ends_sentence,
    reconstruct,
    reconstruct_text,
    sentence_gaps,
)
from townsquare.ocr.word import OcrWord

CHAR = 10.0  # px per character in these synthetic boxes
ORDINARY = 12.0  # ink gap for one space between plain words
SENTENCE_SINGLE = 13.5  # one space after a period: a little wider (side bearing)
SENTENCE_DOUBLE = 22.5  # two spaces: one space width (~0.75 ordinary gap) more


def line_words(
    text: str,
    *,
    block: int = 1,
    paragraph: int = 1,
    line: int = 1,
    top: float = 0.0,
    single: float = SENTENCE_SINGLE,
    double: float = SENTENCE_DOUBLE,
) -> list[OcrWord]:
    """Boxes for ``text`` laid out left to right: a word's gap follows the
    number of spaces after it and whether it ends a sentence."""
    words: list[OcrWord] = []
    x = 40.0
    tokens = text.split(" ")
    index = 0
    while index < len(tokens):
        word = tokens[index]
        spaces = 1
        while index + spaces < len(tokens) and tokens[index + spaces] == "":
            spaces += 1
        words.append(
            OcrWord(
                word, x, top, CHAR * len(word), 20.0, 95.0, block, paragraph, line, len(words) + 1
            )
        )
        x += CHAR * len(word)
        if ends_sentence(word):
            x += double if spaces == 2 else single
        else:
            x += ORDINARY * spaces
        index += spaces
    return words


def test_plain_line_joins_words_with_single_spaces() -> None:
    words = line_words("the quick brown fox jumps over the lazy dog")
    assert reconstruct_text(words) == "the quick brown fox jumps over the lazy dog"


def test_mixed_sentence_gaps_are_recovered() -> None:
    text = (
        "One two three four.  Five six seven eight. Nine ten eleven twelve?  "
        "Thirteen fourteen fifteen! Sixteen seventeen eighteen.  Nineteen twenty."
    )
    result = reconstruct(line_words(text))
    assert result.text == text
    assert (result.double_gaps, result.sentence_gaps) == (3, 5)
    assert result.space_width == pytest.approx(ORDINARY)


@pytest.mark.parametrize("spacing", [" ", "  "])
def test_uniform_spacing_is_read_without_a_second_mode(spacing: str) -> None:
    sentences = [f"Word{i} goes here and there." for i in range(8)]
    text = spacing.join(sentences)
    result = reconstruct(line_words(text))
    assert result.text == text
    assert result.double_gaps == (7 if spacing == "  " else 0)


def test_random_patterns_round_trip() -> None:
    rng = random.Random(7)
    for _ in range(50):
        sentences = [f"Sentence {i} has a few words." for i in range(rng.randint(2, 12))]
        text = "".join(
            s + (rng.choice([" ", "  "]) if i < len(sentences) - 1 else "")
            for i, s in enumerate(sentences)
        )
        assert reconstruct_text(line_words(text)) == text


def test_two_modes_override_the_default_threshold() -> None:
    # A font whose period leaves a wide blank: one space reads 1.52 ordinary gaps,
    # above the default threshold; the second mode at 2.3 shows where to cut.
    text = "One two three.  Four five. Six seven.  Eight nine. Ten eleven.  Twelve."
    words = line_words(text, single=1.52 * ORDINARY, double=2.3 * ORDINARY)
    assert reconstruct_text(words) == text


def test_wide_ordinary_gaps_are_never_double() -> None:
    words = line_words("alpha beta  gamma delta epsilon zeta eta theta")
    assert reconstruct_text(words) == "alpha beta gamma delta epsilon zeta eta theta"


def test_ordinary_gap_is_a_robust_median() -> None:
    words = line_words("a bb ccc dddd eeeee ffffff ggggggg hhhhhhhh end.  Next one.")
    shifted = [
        w if w.word_num < 3 else OcrWord(**{**w.__dict__, "left": w.left + 300})  # one outlier gap
        for w in words
    ]
    result = reconstruct(shifted)
    assert result.space_width == pytest.approx(ORDINARY)
    assert result.text.endswith("end.  Next one.")


def test_lines_paragraphs_and_blocks_are_kept() -> None:
    words = (
        line_words("First line ends here.", line=1)
        + line_words("Second line.  Goes on.", line=2, top=30)
        + line_words("New paragraph now.", paragraph=2, top=80)
        + line_words("Another block.", block=2, top=130)
    )
    assert reconstruct_text(words) == (
        "First line ends here.\nSecond line.  Goes on.\n\nNew paragraph now.\n\nAnother block."
    )


def test_input_order_does_not_matter() -> None:
    words = line_words("One two three.  Four five six. Seven eight nine.") + line_words(
        "Next line here.", line=2, top=30
    )
    shuffled = list(words)
    random.Random(3).shuffle(shuffled)
    assert reconstruct_text(shuffled) == reconstruct_text(words)


def test_closing_quotes_and_brackets_end_sentences() -> None:
    text = 'He said "stop."  Then (quietly.)  She asked "why?" and left.'
    assert reconstruct_text(line_words(text)) == text


def test_french_closing_guillemet_carries_the_sentence_gap() -> None:
    # « Est-ce définitif ? » with no-break spaces: Tesseract reads "?" and "»" as words.
    words = line_words("Elle demande « est-ce définitif ? »  Oui bien sûr. Merci encore.")
    assert (
        reconstruct_text(words)
        == "Elle demande « est-ce définitif ? »  Oui bien sûr. Merci encore."
    )
    assert sentence_gaps(["définitif", "?", "»", "Oui"]) == [False, False, True, False]


def test_exclamation_mark_side_bearing_is_discounted() -> None:
    words = line_words("Stop it now. Go there. Come here.  Run fast.  This matters! And more.")
    bang = next(i for i, w in enumerate(words) if w.text == "matters!")
    # "!" leaves ~0.1 of an ordinary gap more blank than "." after one space.
    widened = words[: bang + 1] + [
        OcrWord(**{**w.__dict__, "left": w.left + 0.1 * ORDINARY}) for w in words[bang + 1 :]
    ]
    assert reconstruct_text(widened).endswith("matters! And more.")


def test_ends_sentence() -> None:
    for word in ["end.", "end?", "end!", "end…", "end...", 'end."', "end.”", "end.)", "fin.»"]:
        assert ends_sentence(word), word
    for word in ["end", "end,", "end:", "end;", "e.g", '"end"', "»"]:
        assert not ends_sentence(word), word


def test_empty_input() -> None:
    assert reconstruct([]) == Reconstruction("", 0, 0, 0.0)


def test_few_words_fall_back_on_text_height() -> None:
    words = line_words("Yes.  No.")
    result = reconstruct(words)
    assert result.space_width == pytest.approx(0.55 * 20.0)
    assert result.text == "Yes.  No."


def test_double_spaces_after_commas_are_recovered_apart_from_sentence_gaps() -> None:
    """A gap after a comma that measures one space wider is written back as two spaces;
    comma gaps are split into their own two modes, sentence gaps keep theirs."""
    text = "First,  second, third,  fourth and fifth, sixth.  Then a plain, short  line."
    words = line_words(text)
    result = reconstruct(words)
    assert [g.double for g in result.comma_gaps] == [True, False, True, False, False]
    expected = "First,  second, third,  fourth and fifth, sixth.  Then a plain, short line."
    assert result.text == expected
    assert (result.double_gaps, result.sentence_gaps) == (1, 1)

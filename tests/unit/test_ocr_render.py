"""The screenshot renderer: wrapping, preserved spaces, invisible characters."""

from __future__ import annotations

import numpy as np
import pytest
from PIL import Image, ImageFont

from townsquare.ocr.render import (
    DEFAULT_FONT_PATH,
    FontNotFoundError,
    render_text_image,
    wrap_paragraph,
)

FONT = ImageFont.truetype(DEFAULT_FONT_PATH, 28)


def ink_columns(image: Image.Image) -> np.ndarray:
    return np.flatnonzero((np.asarray(image.convert("L")) < 128).any(axis=0))


def inked_rows(image: Image.Image) -> int:
    rows = (np.asarray(image.convert("L")) < 128).any(axis=1).astype(np.int8)
    return int(np.count_nonzero(np.diff(np.concatenate(([0], rows, [0]))) == 1))


def test_double_space_renders_one_space_wider() -> None:
    single = ink_columns(render_text_image("End. Next"))
    double = ink_columns(render_text_image("End.  Next"))
    assert double.max() - single.max() == pytest.approx(FONT.getlength(" "), abs=1)


def test_wrap_is_greedy_and_drops_the_space_run_at_a_break() -> None:
    text = "alpha beta gamma.  delta epsilon"
    width = FONT.getlength("alpha beta gamma.  delt")
    assert wrap_paragraph(text, FONT, width) == ["alpha beta gamma.", "delta epsilon"]


def test_space_runs_inside_a_line_are_kept() -> None:
    assert wrap_paragraph("One.  Two. Three.", FONT, 1000) == ["One.  Two. Three."]


def test_no_break_space_does_not_break() -> None:
    text = "aaaa bbbb cc\u00a0!"
    width = FONT.getlength("aaaa bbbb cc")
    assert wrap_paragraph(text, FONT, width) == ["aaaa bbbb", "cc\u00a0!"]


def test_over_long_word_is_split() -> None:
    lines = wrap_paragraph("x" * 60, FONT, 300)
    assert "".join(lines) == "x" * 60
    assert all(FONT.getlength(line) <= 300 for line in lines)


def test_zero_width_characters_draw_nothing() -> None:
    plain = render_text_image("Hello world. Again.")
    marked = render_text_image("He\u200bllo\u200c world.\u2060 Ag\ufeffain.\u200d")
    assert np.array_equal(np.asarray(plain), np.asarray(marked))


def test_paragraphs_and_soft_line_breaks() -> None:
    # Two paragraphs, each a single short rendered line: hard wraps are joined.
    image = render_text_image("First half\nof the line.\n\nSecond paragraph.")
    assert inked_rows(image) == 2
    joined = render_text_image("First half of the line.\n\nSecond paragraph.")
    assert np.array_equal(np.asarray(image), np.asarray(joined))


def test_trailing_double_space_survives_a_hard_wrap() -> None:
    wrapped = render_text_image("One sentence.  \nNext one.")
    inline = render_text_image("One sentence.  Next one.")
    assert np.array_equal(np.asarray(wrapped), np.asarray(inline))


def test_image_size_and_mode() -> None:
    image = render_text_image("Short.", width_px=600, font_size=24, margin=20)
    assert image.mode == "RGB"
    assert image.width == 600
    assert image.height == 2 * 20 + round(24 * 1.5)


def test_missing_font_is_a_clear_error() -> None:
    with pytest.raises(FontNotFoundError, match="fonts-dejavu-core"):
        render_text_image("x", font_path="/nonexistent/font.ttf")

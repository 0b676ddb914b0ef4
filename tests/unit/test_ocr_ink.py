"""Snapping word edges to the ink: the gap is measured on pixels, not boxes."""

from __future__ import annotations

import numpy as np
from PIL import Image, ImageDraw

from townsquare.ocr.ink import ink_mask, snap_gaps_to_ink
from townsquare.ocr.word import OcrWord


def bars(*spans: tuple[int, int], value: int = 0, background: int = 255) -> Image.Image:
    image = Image.new("L", (200, 30), background)
    draw = ImageDraw.Draw(image)
    for start, stop in spans:
        draw.rectangle((start, 5, stop - 1, 24), fill=value)
    return image


def word(text: str, left: float, width: float, number: int) -> OcrWord:
    return OcrWord(text, left, 5, width, 20, 90.0, 1, 1, 1, number)


def test_ink_mask_handles_dark_mode_and_pale_text() -> None:
    for image in (
        bars((10, 20)),
        bars((10, 20), value=255, background=30),
        bars((10, 20), value=170),
    ):
        columns = np.flatnonzero(ink_mask(image).any(axis=0))
        assert (columns.min(), columns.max()) == (10, 19)


def test_blank_image_has_no_ink() -> None:
    assert not ink_mask(Image.new("L", (50, 20), 255)).any()


def test_a_box_that_misses_the_trailing_period_is_widened() -> None:
    # "word" at 10-50 with its period at 53-56; the next word starts at 80.
    image = bars((10, 20), (22, 35), (37, 50), (53, 56), (80, 120))
    words = [word("word.", 10, 40, 1), word("Next", 82, 38, 2)]  # box stops before "."
    first, second = snap_gaps_to_ink(ink_mask(image), words)
    assert (first.left, first.right) == (10, 56)
    assert (second.left, second.right) == (80, 120)


def test_words_on_different_lines_are_not_joined() -> None:
    image = bars((10, 50), (80, 120))
    words = [word("a", 10, 40, 1), OcrWord("b", 80, 5, 40, 20, 90.0, 1, 1, 2, 1)]
    assert snap_gaps_to_ink(ink_mask(image), words) == words

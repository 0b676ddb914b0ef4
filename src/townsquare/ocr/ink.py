"""Snap OCR word edges to the ink in the image.

Tesseract's word boxes sometimes leave out a trailing period or a quote, which
makes the following gap look a space wider than it is.  Between two words on
a line, the widest run of blank pixel columns is the real gap.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence
from itertools import groupby

import numpy as np
import numpy.typing as npt
from PIL import Image

from townsquare.ocr.word import OcrWord

__all__ = ["ink_mask", "snap_gaps_to_ink"]

# Pixels closer than this to the background are never ink (JPEG noise).
_MIN_CONTRAST = 24


def ink_mask(gray: Image.Image) -> npt.NDArray[np.bool_]:
    """True where a grayscale image has ink, dark on light or light on dark.

    The cut is halfway between the background (the median pixel) and the ink
    (the 10th percentile of the clearly different pixels), so pale grey text
    and dark mode work too.
    """
    pixels = np.asarray(gray.convert("L"), dtype=np.int16)
    background = float(np.median(pixels))
    if background < 128:  # light text on a dark background
        pixels, background = 255 - pixels, 255 - background
    darker = pixels[pixels < background - _MIN_CONTRAST]
    if darker.size == 0:
        return np.zeros(pixels.shape, dtype=np.bool_)
    ink = float(np.percentile(darker, 10))
    return np.asarray(pixels < (background + ink) / 2, dtype=np.bool_)


def _widest_blank_run(columns: npt.NDArray[np.bool_]) -> tuple[int, int] | None:
    """(start, end) of the longest run of False in ``columns``, end exclusive."""
    padded = np.concatenate(([True], columns, [True])).astype(np.int8)
    edges = np.flatnonzero(np.diff(padded))
    starts, ends = edges[::2], edges[1::2]
    if starts.size == 0:
        return None
    widest = int(np.argmax(ends - starts))
    return int(starts[widest]), int(ends[widest])


def snap_gaps_to_ink(ink: npt.NDArray[np.bool_], words: Sequence[OcrWord]) -> list[OcrWord]:
    """Return ``words`` with facing edges of neighbours on a line moved to the
    ink, so that ``right.left - left.right`` is the blank gap between them."""
    snapped: list[OcrWord] = []
    for _, group in groupby(words, key=lambda w: (w.block, w.paragraph, w.line)):
        line = list(group)
        top = max(0, int(min(w.top for w in line)))
        bottom = min(ink.shape[0], int(max(w.top + w.height for w in line)) + 1)
        columns = np.asarray(ink[top:bottom].any(axis=0), dtype=np.bool_) if bottom > top else None
        lefts = [w.left for w in line]
        rights = [w.left + w.width for w in line]
        for i in range(len(line) - 1):
            start = int(line[i].left + line[i].width / 2)
            stop = int(line[i + 1].left + line[i + 1].width / 2)
            if columns is None or stop - start < 2:
                continue
            run = _widest_blank_run(columns[start:stop])
            if run is not None:
                rights[i], lefts[i + 1] = start + run[0], start + run[1]
        snapped += [
            dataclasses.replace(w, left=left, width=max(0.0, right - left))
            for w, left, right in zip(line, lefts, rights, strict=True)
        ]
    return snapped

"""What OCR hands back: words with their boxes, and the error it raises."""

from __future__ import annotations

from dataclasses import dataclass

__all__ = ["OcrError", "OcrWord"]


class OcrError(Exception):
    """OCR could not run: Tesseract or a language is missing, or the image is unusable."""


@dataclass(frozen=True)
class OcrWord:
    """One word as Tesseract read it, with its box in pixels of the original
    image (fractional when the image was upscaled for OCR)."""

    text: str
    left: float
    top: float
    width: float
    height: float
    conf: float
    block: int
    paragraph: int
    line: int
    word_num: int

    @property
    def right(self) -> float:
        return self.left + self.width

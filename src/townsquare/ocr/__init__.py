"""Read a screenshot back into text, recovering one vs two spaces after sentences."""

from __future__ import annotations

import os

from PIL import Image

from townsquare.ocr import reconstruct as _reconstruct
from townsquare.ocr.reconstruct import Reconstruction, SentenceGap, reconstruct_text
from townsquare.ocr.tesseract import (
    is_image_file,
    load_image,
    load_path_or_image,
    ocr_words,
)
from townsquare.ocr.word import OcrError, OcrWord

# The function reconstruct() is not re-exported here: that would hide the
# submodule townsquare.ocr.reconstruct behind a function of the same name.
__all__ = [
    "OcrError",
    "OcrWord",
    "Reconstruction",
    "SentenceGap",
    "is_image_file",
    "load_image",
    "ocr_words",
    "reconstruct_text",
    "text_from_image",
]


def text_from_image(
    path_or_image: str | os.PathLike[str] | Image.Image, language: str = "en"
) -> Reconstruction:
    """OCR an image (a path or a PIL image) and return its text with the
    sentence spacing recovered.  ``language``: "en", "fr", or "en+fr".
    Raises OcrError if the image or Tesseract is unusable."""
    return _reconstruct.reconstruct(ocr_words(load_path_or_image(path_or_image), language))

"""Read a screenshot back into text, recovering one vs two spaces after sentences."""

from __future__ import annotations

import os

from PIL import Image

from townsquare.ocr.reconstruct import Reconstruction, SentenceGap, reconstruct, reconstruct_text
from townsquare.ocr.tesseract import (
    OcrError,
    OcrWord,
    is_image_file,
    load_image,
    load_path_or_image,
    ocr_words,
)

__all__ = [
    "OcrError",
    "OcrWord",
    "Reconstruction",
    "SentenceGap",
    "is_image_file",
    "load_image",
    "ocr_words",
    "reconstruct",
    "reconstruct_text",
    "text_from_image",
]


def text_from_image(
    path_or_image: str | os.PathLike[str] | Image.Image, language: str = "en"
) -> Reconstruction:
    """OCR an image (a path or a PIL image) and return its text with the
    sentence spacing recovered.  Raises OcrError if the image or Tesseract
    is unusable."""
    return reconstruct(ocr_words(load_path_or_image(path_or_image), language))

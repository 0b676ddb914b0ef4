"""Tesseract word boxes from an image, and image loading with clear errors."""

from __future__ import annotations

import functools
import os
import statistics
from dataclasses import dataclass
from pathlib import Path
from typing import Any, cast

import numpy as np
import pytesseract
from PIL import Image, ImageOps, UnidentifiedImageError

__all__ = [
    "OcrError",
    "OcrWord",
    "is_image_file",
    "load_image",
    "ocr_words",
    "tesseract_language",
]

_LANGUAGE_CODES = {"en": "eng", "fr": "fra", "eng": "eng", "fra": "fra"}
# Tesseract finds word boxes most reliably when text is at least this tall.
_MIN_TEXT_HEIGHT_PX = 20
_MAGIC: tuple[tuple[int, bytes], ...] = (
    (0, b"\x89PNG\r\n\x1a\n"),
    (0, b"\xff\xd8\xff"),
    (0, b"GIF87a"),
    (0, b"GIF89a"),
    (0, b"BM"),
    (0, b"II*\x00"),
    (0, b"MM\x00*"),
    (8, b"WEBP"),
)


class OcrError(Exception):
    """OCR could not run: Tesseract or a language is missing, or the image is unusable."""


@dataclass(frozen=True)
class OcrWord:
    """One word as Tesseract saw it; geometry in pixels of the original image."""

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


def is_image_file(path: str | os.PathLike[str]) -> bool:
    """True when the file starts like a PNG, JPEG, GIF, BMP, TIFF or WebP image."""
    try:
        with open(path, "rb") as handle:
            head = handle.read(16)
    except OSError:
        return False
    if head.startswith(b"RIFF") and head[8:12] != b"WEBP":
        return False
    return any(head[offset : offset + len(magic)] == magic for offset, magic in _MAGIC)


def load_image(path: str | os.PathLike[str]) -> Image.Image:
    """Open and fully decode an image file; raises OcrError if that is impossible."""
    try:
        with Image.open(path) as opened:
            opened.load()
            image = ImageOps.exif_transpose(opened)
            return image if image is not opened else opened.copy()
    except FileNotFoundError:
        raise OcrError(f"{path} cannot be read as an image: no such file") from None
    except (OSError, SyntaxError, ValueError, Image.DecompressionBombError) as exc:
        kind = "not a recognised image format" if isinstance(exc, UnidentifiedImageError) else exc
        raise OcrError(f"{path} cannot be read as an image ({kind})") from exc


@functools.cache
def _installed_languages() -> frozenset[str]:
    try:
        return frozenset(cast(list[str], pytesseract.get_languages(config="")))
    except pytesseract.TesseractNotFoundError:
        raise OcrError(
            "Tesseract is not installed or not on PATH; "
            "install tesseract-ocr (scripts/debian-deps.sh)"
        ) from None


def tesseract_language(language: str) -> str:
    """Map "en", "fr", "eng", "fra" or "en+fr" to installed Tesseract language codes."""
    codes = [
        _LANGUAGE_CODES.get(part.strip().lower(), part.strip()) for part in language.split("+")
    ]
    missing = [code for code in codes if code not in _installed_languages()]
    if missing:
        raise OcrError(
            f"Tesseract language data missing for {', '.join(missing)}; "
            f"install tesseract-ocr-{missing[0]}"
        )
    return "+".join(codes)


def _grayscale(image: Image.Image) -> Image.Image:
    """Flatten transparency onto white and convert to 8-bit grayscale."""
    if image.mode in ("RGBA", "LA", "PA") or "transparency" in image.info:
        rgba = image.convert("RGBA")
        background = Image.new("RGBA", rgba.size, "white")
        image = Image.alpha_composite(background, rgba)
    if image.mode in ("I", "I;16", "F"):
        image = ImageOps.autocontrast(image.convert("F").convert("L"))
    return image.convert("L")


def _text_height(gray: Image.Image) -> float:
    """Median height of the runs of inked rows: about the height of a text line."""
    ink = np.asarray(gray, dtype=np.uint8) < 128
    if ink.mean() > 0.5:  # light text on a dark background
        ink = ~ink
    rows = ink.any(axis=1).astype(np.int8)
    edges = np.flatnonzero(np.diff(np.concatenate(([0], rows, [0]))))
    heights = (edges[1::2] - edges[::2]).tolist()
    return float(statistics.median(heights)) if heights else 0.0


def ocr_words(image: Image.Image, language: str = "eng") -> list[OcrWord]:
    """Run Tesseract and return its words in reading order.

    Small text is upscaled 2x first; coordinates are reported in the pixels
    of ``image`` either way.  Raises OcrError when Tesseract cannot run.
    """
    lang = tesseract_language(language)
    gray = _grayscale(image)
    scale = 1
    height = _text_height(gray)
    if 0 < height < _MIN_TEXT_HEIGHT_PX:
        scale = 2
        gray = gray.resize((gray.width * 2, gray.height * 2), Image.Resampling.LANCZOS)
    try:
        data = cast(
            dict[str, list[Any]],
            pytesseract.image_to_data(gray, lang=lang, output_type=pytesseract.Output.DICT),
        )
    except pytesseract.TesseractNotFoundError:
        raise OcrError("Tesseract is not installed; install tesseract-ocr") from None
    except (pytesseract.TesseractError, RuntimeError, OSError) as exc:
        raise OcrError(f"Tesseract failed on this image: {exc}") from exc
    return _words_from_data(data, scale)


def _words_from_data(data: dict[str, list[Any]], scale: int) -> list[OcrWord]:
    words = []
    for i, text in enumerate(data["text"]):
        if int(data["level"][i]) != 5 or not str(text).strip():
            continue
        words.append(
            OcrWord(
                text=str(text).strip(),
                left=int(data["left"][i]) / scale,
                top=int(data["top"][i]) / scale,
                width=int(data["width"][i]) / scale,
                height=int(data["height"][i]) / scale,
                conf=float(data["conf"][i]),
                block=int(data["block_num"][i]),
                paragraph=int(data["par_num"][i]),
                line=int(data["line_num"][i]),
                word_num=int(data["word_num"][i]),
            )
        )
    return words


def load_path_or_image(source: str | os.PathLike[str] | Image.Image) -> Image.Image:
    """Return ``source`` if it is an image, else load it from disk."""
    if isinstance(source, Image.Image):
        return source
    return load_image(Path(source))

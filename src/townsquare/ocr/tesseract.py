"""Tesseract word boxes from an image, and image loading with clear errors."""

from __future__ import annotations

import dataclasses
import functools
import os
import statistics
from pathlib import Path
from typing import Any, cast

import numpy as np
import numpy.typing as npt
import pytesseract
from PIL import Image, ImageOps, UnidentifiedImageError

from townsquare.ocr.ink import ink_mask, snap_gaps_to_ink
from townsquare.ocr.word import OcrError, OcrWord

__all__ = [
    "OcrError",
    "OcrWord",
    "is_image_file",
    "load_image",
    "ocr_words",
    "tesseract_language",
]

_LANGUAGE_CODES = {"en": "eng", "fr": "fra", "eng": "eng", "fra": "fra"}
# Small text is upscaled: word boxes under 20 px tall lose words and gap precision.
_MIN_WORD_HEIGHT_PX = 20
# A word box is ~0.8 of the height of a line's inked rows (descenders aside).
_WORD_HEIGHT_PER_INK_ROWS = 0.8
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


def _text_height(ink: npt.NDArray[np.bool_]) -> float:
    """Median height of the runs of inked rows: about the height of a text line."""
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
    word_height = _WORD_HEIGHT_PER_INK_ROWS * _text_height(ink_mask(gray))
    if 0 < word_height < _MIN_WORD_HEIGHT_PX:
        scale = 2
        gray = gray.resize((gray.width * 2, gray.height * 2), Image.Resampling.LANCZOS)
    # Tesseract's OpenMP threads spin: one thread is ~4x faster on a page (3.1 s -> 0.8 s).
    os.environ.setdefault("OMP_THREAD_LIMIT", "1")
    try:
        data = cast(
            dict[str, list[Any]],
            pytesseract.image_to_data(gray, lang=lang, output_type=pytesseract.Output.DICT),
        )
    except pytesseract.TesseractNotFoundError:
        raise OcrError("Tesseract is not installed; install tesseract-ocr") from None
    except (pytesseract.TesseractError, RuntimeError, OSError) as exc:
        raise OcrError(f"Tesseract failed on this image: {exc}") from exc
    words = snap_gaps_to_ink(ink_mask(gray), _words_from_data(data))
    if scale == 1:
        return words
    return [_scaled(word, 1 / scale) for word in words]


def _scaled(word: OcrWord, factor: float) -> OcrWord:
    return dataclasses.replace(
        word,
        left=word.left * factor,
        top=word.top * factor,
        width=word.width * factor,
        height=word.height * factor,
    )


def _words_from_data(data: dict[str, list[Any]]) -> list[OcrWord]:
    words = []
    for i, text in enumerate(data["text"]):
        if int(data["level"][i]) != 5 or not str(text).strip():
            continue
        words.append(
            OcrWord(
                text=str(text).strip(),
                left=int(data["left"][i]),
                top=int(data["top"][i]),
                width=int(data["width"][i]),
                height=int(data["height"][i]),
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

"""Character classes and normal forms used to match leaked text against a memo."""

from __future__ import annotations

import re
import unicodedata

ZERO_WIDTH = "\u200b\u200c\u200d\u2060\ufeff\u180e"
ZERO_WIDTH_RE = re.compile(f"[{ZERO_WIDTH}]")

# Visually equivalent typography folded to ASCII (what "cleaning" a text does).
_ASCII_FOLD = str.maketrans(
    {
        "\u2018": "'",
        "\u2019": "'",
        "\u201a": "'",
        "\u201b": "'",
        "\u2032": "'",
        "\u02bc": "'",
        "\u201c": '"',
        "\u201d": '"',
        "\u201e": '"',
        "\u201f": '"',
        "\u2033": '"',
        "\u00ab": '"',
        "\u00bb": '"',
        "\u2010": "-",
        "\u2011": "-",
        "\u2012": "-",
        "\u2013": "-",
        "\u2014": "-",
        "\u2015": "-",
        "\u2212": "-",
        "\u00a0": " ",
        "\u202f": " ",
        "\u2009": " ",
        "\u2007": " ",
        "\u2026": "...",
    }
)

_NON_KEY_RE = re.compile(r"[\W_]+")
_SPACE_RE = re.compile(r"\s+")


def strip_zero_width(text: str) -> str:
    return ZERO_WIDTH_RE.sub("", text)


def fold_typography(text: str) -> str:
    """Typographic quotes, dashes, ellipses and special spaces as plain ASCII."""
    return text.translate(_ASCII_FOLD)


def strip_accents(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def match_key(token: str) -> str:
    """A token's identity for alignment: letters and digits, case- and accent-folded.

    Survives cleaning, retyping without accents and most OCR case errors.
    """
    return _NON_KEY_RE.sub("", strip_accents(strip_zero_width(token)).casefold())


def lexical_form(text: str) -> str:
    """Visible wording with punctuation kept: used to tell lexical variants apart."""
    folded = fold_typography(unicodedata.normalize("NFKC", strip_zero_width(text)))
    return _SPACE_RE.sub(" ", strip_accents(folded).casefold()).strip()

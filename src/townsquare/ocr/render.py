"""Render plain text to an image the way a browser or text editor shows it.

Used by the tests and the attack suite to make realistic screenshots of memo
copies: runs of spaces keep their width (a double space is twice as wide),
so the spacing fingerprint is visible in the pixels even though OCR text
output drops it.
"""

from __future__ import annotations

import re
from pathlib import Path

from PIL import Image, ImageDraw, ImageFont

__all__ = ["DEFAULT_FONT_PATH", "FontNotFoundError", "render_text_image", "wrap_paragraph"]

DEFAULT_FONT_PATH = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"

# Invisible format characters (zero-width, soft hyphen, joiners, bidi marks):
# removed before drawing so that no build can show a "missing glyph" box.
# Bidi embeddings are dropped too: their reordering is not simulated.
_INVISIBLE = (0x00AD, 0x034F, 0x180E, 0xFEFF, *range(0x200B, 0x2010), *range(0x202A, 0x202F))
_ZERO_WIDTH = dict.fromkeys((*_INVISIBLE, *range(0x2060, 0x2065), *range(0x2066, 0x206A)), None)
# Only ASCII spaces (and tabs) are break opportunities; no-break spaces are not.
_TOKEN = re.compile(r"[ \t]+|[^ \t]+")
_BLANK_LINE = re.compile(r"\n[ \t]*\n")


class FontNotFoundError(FileNotFoundError):
    """The font file needed for rendering is not installed."""


def _load_font(font_path: str | None, font_size: int) -> ImageFont.FreeTypeFont:
    path = font_path or DEFAULT_FONT_PATH
    if not Path(path).is_file():
        raise FontNotFoundError(
            f"font {path} not found; install fonts-dejavu-core "
            "(scripts/debian-deps.sh) or pass font_path="
        )
    return ImageFont.truetype(path, font_size)


def _paragraphs(text: str) -> list[str]:
    """Split on blank lines; join a paragraph's hard-wrapped lines softly."""
    text = text.replace("\r\n", "\n").replace("\r", "\n").expandtabs(4)
    paragraphs = []
    for block in _BLANK_LINE.split(text.strip("\n")):
        joined = ""
        for line in block.split("\n"):
            if not joined:
                joined = line
                continue
            stripped = line.lstrip(" ")
            # Keep a line's trailing run of spaces (a sentence-end fingerprint);
            # a bare line break becomes one space.
            joined += stripped if joined.endswith(" ") else " " + stripped
        paragraphs.append(joined)
    return paragraphs


def wrap_paragraph(paragraph: str, font: ImageFont.FreeTypeFont, width: float) -> list[str]:
    """Greedy word wrap at runs of ASCII spaces; the run at a break is dropped."""
    lines: list[str] = []
    current = ""
    pending_space = ""
    for token in _TOKEN.findall(paragraph):
        if token[0] in " \t":
            pending_space += token
            continue
        candidate = current + pending_space + token
        if not current or font.getlength(candidate.translate(_ZERO_WIDTH)) <= width:
            current = candidate if current else pending_space + token
        else:
            lines.append(current)
            current = token
        pending_space = ""
        while font.getlength(current.translate(_ZERO_WIDTH)) > width and len(current) > 1:
            head = _longest_fitting_prefix(current, font, width)
            lines.append(current[:head])
            current = current[head:]
    if current or not lines:
        lines.append(current + pending_space)
    return lines


def _longest_fitting_prefix(word: str, font: ImageFont.FreeTypeFont, width: float) -> int:
    """Length of the longest prefix of an over-long word that fits (at least 1)."""
    low, high = 1, len(word) - 1
    while low < high:
        mid = (low + high + 1) // 2
        if font.getlength(word[:mid].translate(_ZERO_WIDTH)) <= width:
            low = mid
        else:
            high = mid - 1
    return low


def render_text_image(
    text: str,
    *,
    width_px: int = 1400,
    font_size: int = 28,
    font_path: str | None = None,
    margin: int = 40,
    line_spacing: float = 1.5,
) -> Image.Image:
    """Render ``text`` black on white, ``width_px`` wide, and return the RGB image.

    Paragraphs are separated by blank lines and word-wrapped greedily; runs of
    spaces keep their full width; no-break spaces do not break; zero-width
    characters draw nothing.  Raises FontNotFoundError if the font is missing.
    """
    if width_px <= 2 * margin + font_size:
        raise ValueError(f"width_px={width_px} leaves no room for text with margin={margin}")
    font = _load_font(font_path, font_size)
    line_height = round(font_size * line_spacing)
    rows: list[str | None] = []  # None marks the blank line between paragraphs
    for index, paragraph in enumerate(_paragraphs(text)):
        if index:
            rows.append(None)
        rows.extend(wrap_paragraph(paragraph, font, width_px - 2 * margin))
    height = 2 * margin + max(1, len(rows)) * line_height
    image = Image.new("RGB", (width_px, height), "white")
    draw = ImageDraw.Draw(image)
    # Center the glyphs vertically in their line box, as CSS line-height does.
    top_pad = (line_height - font_size) // 2
    for row, line in enumerate(rows):
        if line:
            y = margin + row * line_height + top_pad
            draw.text((margin, y), line.translate(_ZERO_WIDTH), font=font, fill="black")
    return image

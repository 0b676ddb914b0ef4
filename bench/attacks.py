"""Ways a leaked memo copy gets disguised, as pure functions of the copy text.

Sentence boundaries on a copy come from the memo's canonical sentence spans
mapped through the copy's slot variants (`make_copy`). Running `segment()`
on a copy instead is not robust: a zero-width mark after a sentence's last
word hides the sentence end from the segmenter (it finds about half of the
sentences), and no-break-space variants change what it sees.
"""

from __future__ import annotations

import random
import re
import unicodedata
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from itertools import pairwise

import numpy as np
import numpy.typing as npt
from PIL import Image

from townsquare.canary.embed import CopyWriter
from townsquare.canary.model import Layout
from townsquare.ocr.render import render_text_image

Symbols = npt.NDArray[np.int16]

INVISIBLE_RE = re.compile("[\u00ad\u034f\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2064\ufeff]")
_ASCII = str.maketrans(
    {
        **dict.fromkeys("‘’‚‛′ʼ‹›", "'"),
        **dict.fromkeys("“”„‟″«»", '"'),
        **dict.fromkeys("‐‑‒–—―−", "-"),
        **dict.fromkeys("\u00a0\u202f\u2007\u2009\u200a\u2002\u2003\u2004\u2005\u2006", " "),
        "…": "...",
    }
)
_HTML_SPACE_RE = re.compile(r"[ \t\r\n\f\v]+")  # what HTML collapses: not no-break spaces
_ANY_SPACE_RE = re.compile(r"\s+")
_PARAGRAPH_RE = re.compile(r"\n\s*\n")


@dataclass(frozen=True)
class Copy:
    """A recipient's copy and where each canonical sentence sits in it."""

    text: str
    spans: tuple[tuple[int, int], ...]
    symbols: Symbols


def make_copy(layout: Layout, writer: CopyWriter, symbols: Symbols) -> Copy:
    """Render a copy and map every sentence span through the chosen variants."""
    text = writer.render(symbols)
    ends = np.array([s.end for s in layout.slots], dtype=np.int64)
    grow = np.array(
        [
            len(s.variants[int(y)]) - (s.end - s.start)
            for s, y in zip(layout.slots, symbols, strict=True)
        ],
        dtype=np.int64,
    )
    order = np.argsort(ends, kind="stable")
    ends, cum = ends[order], np.concatenate([[0], np.cumsum(grow[order])])

    def at(p: int) -> int:  # slots ending at or before p (a mark after the last word included)
        return p + int(cum[np.searchsorted(ends, p, side="right")])

    spans = tuple((at(s.start), at(s.end)) for s in layout.sentences)
    return Copy(text, spans, symbols)


def units(copy: Copy) -> list[str]:
    """The copy cut before each sentence: unit i is sentence i and the gap after it."""
    cuts = [0] + [start for start, _ in copy.spans[1:]] + [len(copy.text)]
    return [copy.text[a:b] for a, b in pairwise(cuts)]


def excerpt(copy: Copy, first: int, k: int) -> str:
    """Sentences first..first+k-1 exactly as pasted from the copy."""
    last = min(first + k, len(copy.spans)) - 1
    return copy.text[copy.spans[first][0] : copy.spans[last][1]]


def collapse_whitespace(text: str) -> str:
    """Runs of ASCII whitespace (line breaks included) to one space, as HTML shows text."""
    return _HTML_SPACE_RE.sub(" ", text).strip()


def nfkc(text: str) -> str:
    return unicodedata.normalize("NFKC", text)


def strip_invisible(text: str) -> str:
    return INVISIBLE_RE.sub("", text)


def typography_to_ascii(text: str) -> str:
    """Curly quotes, guillemets, dashes, ellipses and special spaces as plain ASCII."""
    return text.translate(_ASCII)


def cleaned(text: str) -> str:
    """Everything a careful leaker's cleaner does: NFKC, invisibles, typography, whitespace."""
    return _ANY_SPACE_RE.sub(" ", typography_to_ascii(nfkc(strip_invisible(text)))).strip()


def _typo(text: str, rng: random.Random) -> str:
    letters = [i for i, c in enumerate(text) if c.isalpha()]
    if not letters:
        return text
    i = rng.choice(letters)
    kind = rng.choice(("substitute", "delete", "double", "swap"))
    if kind == "substitute":
        return text[:i] + rng.choice("abcdefghijklmnopqrstuvwxyz") + text[i + 1 :]
    if kind == "delete":
        return text[:i] + text[i + 1 :]
    if kind == "double":
        return text[:i] + text[i] + text[i:]
    return text[:i] + text[i + 1 : i + 2] + text[i] + text[i + 2 :]


def retyped(text: str, rng: random.Random, chars_per_typo: int = 200) -> str:
    """A person retyping: plain typography, single spaces, blank-line paragraphs, typos."""
    paragraphs = [cleaned(p) for p in _PARAGRAPH_RE.split(text)]
    out = "\n\n".join(p for p in paragraphs if p) + "\n"
    for _ in range(max(1, len(out) // chars_per_typo)):
        out = _typo(out, rng)  # random positions: lexical variants are not avoided or sought
    return out


def screenshot(text: str) -> Image.Image:
    """How the copy looks on screen: DejaVu Sans 28 px, 1400 px wide."""
    return render_text_image(text, width_px=1400, font_size=28)


def interleave(copies: Sequence[Copy]) -> str:
    """Sentence i (with the gap after it) from copy i mod len(copies)."""
    parts = [units(c) for c in copies]
    return "".join(parts[i % len(parts)][i] for i in range(len(parts[0])))


def sentence_majority(copies: Sequence[Copy], rng: random.Random) -> str:
    """Per sentence, the version most copies share, else a random copy's."""
    parts = [units(c) for c in copies]
    out = []
    for versions in zip(*parts, strict=True):
        version, count = Counter(versions).most_common(1)[0]
        out.append(version if count > 1 else rng.choice(versions))
    return "".join(out)


def slot_majority(writer: CopyWriter, copies: Sequence[Copy], rng: random.Random) -> str:
    """Per slot, the symbol most copies share (random among ties): a careful group's copy."""
    rows = np.stack([c.symbols for c in copies])
    chosen = np.empty(rows.shape[1], dtype=np.int16)
    for j in range(rows.shape[1]):
        counts = Counter(rows[:, j].tolist()).most_common()
        best = [s for s, n in counts if n == counts[0][1]]
        chosen[j] = rng.choice(best)
    return writer.render(chosen)

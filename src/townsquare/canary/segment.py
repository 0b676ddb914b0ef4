"""Sentence segmentation and tokenisation for English and French memos.

Works on hard-wrapped text (a newline inside a paragraph is a soft break) and
on memos that already put two spaces after some sentences: `canonicalize`
brings every sentence gap to one space before slots are chosen.
"""

from __future__ import annotations

import re

from townsquare.canary.model import CanaryError, Language, Sentence, Token
from townsquare.canary.normalize import ZERO_WIDTH_RE, match_key

CLOSERS = "\"'’”»)]"
# A sentence ends at terminal punctuation, optionally followed by closing quotes
# or brackets (French puts a no-break space before the closing guillemet).
_END_RE = re.compile(rf"[.!?…]+(?:[\u00a0\u202f ]?[{re.escape(CLOSERS)}])*(?=\s)")
_OPENER_RE = re.compile(r"[\"'“‘«(\[¿¡*_#-]*[\w\"“«(\[]")
_MULTISPACE_AFTER_END_RE = re.compile(rf"([.!?…][{re.escape(CLOSERS)}\u00a0\u202f]*) {{2,}}(?=\S)")
_TOKEN_RE = re.compile(r"\S+")
_PARAGRAPH_BREAK_RE = re.compile(r"\n[ \t]*\n")
_BLOCK_LINE_RE = re.compile(r"^[ \t]*(?:#{1,6}\s|[-*+]\s|\d{1,3}[.)]\s|>)")

ABBREVIATIONS: dict[str, frozenset[str]] = {
    "en": frozenset(
        [
            "mr",
            "mrs",
            "ms",
            "dr",
            "prof",
            "sr",
            "jr",
            "st",
            "vs",
            "etc",
            "e.g",
            "i.e",
            "cf",
            "no",
            "nos",
            "fig",
            "figs",
            "approx",
            "dept",
            "est",
            "inc",
            "ltd",
            "co",
            "corp",
            "jan",
            "feb",
            "mar",
            "apr",
            "jun",
            "jul",
            "aug",
            "sep",
            "sept",
            "oct",
            "nov",
            "dec",
            "mon",
            "tue",
            "wed",
            "thu",
            "fri",
            "sat",
            "sun",
            "gen",
            "gov",
            "sen",
            "rep",
            "rev",
            "hon",
            "capt",
            "col",
            "lt",
            "sgt",
            "mt",
            "ft",
            "vol",
            "pp",
            "p",
            "ch",
            "art",
            "a.m",
            "p.m",
            "u.s",
            "u.k",
            "e.u",
            "u.n",
            "ph.d",
            "b.a",
            "m.a",
        ]
    ),
    "fr": frozenset(
        [
            "m",
            "mm",
            "mme",
            "mmes",
            "mlle",
            "mlles",
            "dr",
            "pr",
            "me",
            "st",
            "ste",
            "etc",
            "cf",
            "p",
            "pp",
            "vol",
            "ch",
            "art",
            "av",
            "apr",
            "j.-c",
            "env",
            "n°",
            "no",
            "nos",
            "fig",
            "éd",
            "hab",
            "tél.",
            "ex",
            "c.-à-d.",
            "janv",
            "févr",
            "avr",
            "juill",
            "sept",
            "oct",
            "nov",
            "déc",
            "s.a",
            "r.-v",
        ]
    ),
}

_FR_MARKERS = frozenset(
    [
        "le",
        "la",
        "les",
        "des",
        "une",
        "est",
        "pour",
        "dans",
        "avec",
        "nous",
        "vous",
        "qui",
        "que",
        "sur",
        "pas",
        "sont",
        "être",
        "cette",
        "ces",
        "du",
        "au",
        "aux",
        "leur",
        "très",
        "mais",
        "ou",
    ]
)
_EN_MARKERS = frozenset(
    [
        "the",
        "and",
        "of",
        "to",
        "is",
        "for",
        "in",
        "with",
        "we",
        "you",
        "that",
        "this",
        "are",
        "be",
        "on",
        "not",
        "will",
        "our",
        "it",
        "as",
        "have",
        "from",
        "by",
    ]
)


def detect_language(text: str) -> Language:
    """English or French, by counting frequent function words."""
    words = re.findall(r"[^\W\d_]+", text.casefold())
    fr = sum(w in _FR_MARKERS for w in words)
    en = sum(w in _EN_MARKERS for w in words)
    return "fr" if fr > en else "en"


def canonicalize(text: str) -> str:
    """The memo as copies are built from: LF line ends, no trailing blanks,
    no zero-width characters, one space after every sentence end."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = ZERO_WIDTH_RE.sub("", text)
    text = "\n".join(line.rstrip() for line in text.split("\n")).strip("\n")
    text = _MULTISPACE_AFTER_END_RE.sub(r"\1 ", text)
    if not text.strip():
        raise CanaryError("the memo is empty")
    return text + "\n"


def _is_abbreviation(text: str, end: int, language: Language) -> bool:
    """True when the period ending at `end` belongs to an abbreviation or initial."""
    start = end
    while start > 0 and not text[start - 1].isspace():
        start -= 1
    word = text[start:end].lstrip("\"'“‘«([").casefold()
    if not word.endswith("."):
        return False
    stem = word[:-1]
    if stem in ABBREVIATIONS[language]:
        return True
    # Single initials ("J. Smith") and dotted acronyms ("U.S.") do not end sentences.
    return bool(re.fullmatch(r"[^\W\d_]", stem) or re.fullmatch(r"(?:[^\W\d_]\.)+[^\W\d_]", stem))


def _paragraph_spans(text: str) -> list[tuple[int, int]]:
    """Blank-line separated blocks; Markdown list items and headings are blocks of their own."""
    spans: list[tuple[int, int]] = []
    pos = 0
    for match in [*_PARAGRAPH_BREAK_RE.finditer(text), None]:
        end = match.start() if match else len(text)
        block_start = pos
        offset = pos
        after_heading = False
        for line in text[pos:end].split("\n"):
            if (after_heading or _BLOCK_LINE_RE.match(line)) and offset > block_start:
                spans.append((block_start, offset - 1))
                block_start = offset
            after_heading = line.lstrip().startswith("#")
            offset += len(line) + 1
        spans.append((block_start, end))
        pos = match.end() if match else len(text)
    return [(s, e) for s, e in spans if text[s:e].strip()]


def _sentence_ends(text: str, start: int, end: int, language: Language) -> list[int]:
    ends: list[int] = []
    for m in _END_RE.finditer(text, start, end):
        stop = m.end()
        nxt = stop
        while nxt < end and text[nxt].isspace():
            nxt += 1
        if nxt >= end:
            break
        if not _OPENER_RE.match(text, nxt):
            continue
        if text[nxt].islower() and text[m.start()] not in "!?":
            continue
        if (
            text[m.start()] == "."
            and m.end() - m.start() == 1
            and _is_abbreviation(text, m.start() + 1, language)
        ):
            continue
        ends.append(stop)
    ends.append(end)
    return ends


def segment(text: str, language: Language) -> tuple[list[Sentence], list[Token]]:
    """Sentences and tokens of a canonical text, in reading order."""
    sentences: list[Sentence] = []
    tokens: list[Token] = []
    for paragraph, (p_start, p_end) in enumerate(_paragraph_spans(text)):
        s_start = p_start
        for s_end in _sentence_ends(text, p_start, p_end, language):
            while s_start < s_end and text[s_start].isspace():
                s_start += 1
            stop = s_end
            while stop > s_start and text[stop - 1].isspace():
                stop -= 1
            if stop > s_start:
                index = len(sentences)
                first = len(tokens)
                for m in _TOKEN_RE.finditer(text, s_start, stop):
                    tokens.append(Token(m.start(), m.end(), index, match_key(m.group())))
                sentences.append(Sentence(index, paragraph, s_start, stop, first, len(tokens)))
            s_start = s_end
    return sentences, tokens


def tokenize(text: str) -> list[tuple[int, int, str]]:
    """Spans and match keys of the whitespace-delimited tokens of any text (a leak)."""
    return [(m.start(), m.end(), match_key(m.group())) for m in _TOKEN_RE.finditer(text)]

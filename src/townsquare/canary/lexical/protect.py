"""Where lexical variants must never go: quotations, code, URLs, email addresses, markup."""

from __future__ import annotations

import re
from collections.abc import Sequence

from townsquare.canary.model import Token

_FENCE_RE = re.compile(r"^[ \t]*(```|~~~).*?(?:^[ \t]*\1[^\n]*$|\Z)", re.M | re.S)
_INLINE_CODE_RE = re.compile(r"`[^`\n]*(?:`|$)", re.M)
_INDENTED_RE = re.compile(r"^(?: {4}|\t)[^\n]*$", re.M)
_PARAGRAPH_RE = re.compile(r"\n[ \t]*\n")
# Anything that is not prose: URLs, addresses, paths, tags, identifiers, tables.
_NOT_PROSE_RE = re.compile(r"://|^www\.|@|[/\\#<>{}|=~^`\[\]+&]|\w_\w|\w\*\w")

_OPENERS = {"“": "”", "«": "»", "„": "“", "‹": "›"}


def _quote_spans(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Quoted stretches of one paragraph; an unclosed quote runs to the paragraph's end
    and a stray closing quote protects everything before it."""
    spans: list[tuple[int, int]] = []
    stack: list[tuple[str, int]] = []  # (expected closer, position)
    for i in range(start, end):
        c = text[i]
        before = text[i - 1] if i > start else " "
        after = text[i + 1] if i + 1 < end else " "
        if c == '"':
            if stack and stack[-1][0] == '"':
                spans.append((stack.pop()[1], i + 1))
            else:
                stack.append(('"', i))
        elif c in _OPENERS:
            stack.append((_OPENERS[c], i))
        elif c in "”»›":
            if any(closer == c for closer, _ in stack):
                while stack:
                    closer, pos = stack.pop()
                    if closer == c:
                        spans.append((pos, i + 1))
                        break
            else:
                spans.append((start, i + 1))
        elif (
            c in "‘'"
            and (before.isspace() or before in "([-—–")
            and (after.isalpha() or (c == "‘" and after.isdigit()))  # '90s is an elision
        ):
            stack.append(("’'", i))
        if (
            c in "’'"
            and stack
            and stack[-1][0] == "’'"
            and stack[-1][1] != i
            and (before.isalnum() or before in ".,!?")
            and not after.isalpha()
        ):
            spans.append((stack.pop()[1], i + 1))
    spans.extend((pos, end) for _, pos in stack)
    return spans


def code_ranges(text: str) -> list[tuple[int, int]]:
    """Fenced, indented and inline code."""
    ranges: list[tuple[int, int]] = []
    for pattern in (_FENCE_RE, _INLINE_CODE_RE, _INDENTED_RE):
        ranges.extend((m.start(), m.end()) for m in pattern.finditer(text))
    return ranges


def protected_ranges(text: str) -> list[tuple[int, int]]:
    ranges = code_ranges(text)
    pos = 0
    for m in [*_PARAGRAPH_RE.finditer(text), None]:
        end = m.start() if m else len(text)
        ranges.extend(_quote_spans(text, pos, end))
        pos = m.end() if m else len(text)
    return ranges


def protected_mask(text: str, tokens: Sequence[Token]) -> list[bool]:
    """For each token: True when no lexical variant may touch it."""
    ranges = sorted(protected_ranges(text))
    mask: list[bool] = []
    for tok in tokens:
        raw = text[tok.start : tok.end]
        hit = bool(_NOT_PROSE_RE.search(raw.strip("\"'“”‘’«»()[]*_.,;:!?")))
        if not hit:
            hit = any(a < tok.end and tok.start < b for a, b in ranges)
        mask.append(hit)
    return mask

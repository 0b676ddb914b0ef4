"""Reading a leak: align it to the memo sentence by sentence, then read every slot.

Alignment works on token match keys (letters and digits only), so it
survives cleaning, retyping, OCR noise, excerpts and reordering. Each slot is
then read from the raw characters around its aligned tokens; anything
ambiguous is an erasure (-1), never a guess.
"""

from __future__ import annotations

import math
import re
from collections import defaultdict
from dataclasses import dataclass, field
from difflib import SequenceMatcher

import numpy as np

from townsquare.canary.channels import INTRA_TOKEN_KINDS, ZW_VARIANTS
from townsquare.canary.codes import I16
from townsquare.canary.model import CHANNELS, Layout, Slot
from townsquare.canary.normalize import ZERO_WIDTH, lexical_form, strip_zero_width
from townsquare.canary.segment import CLOSERS, tokenize

_MIN_CONSTANT_RUN = 8  # a channel read identically this often was normalised away
TYPOGRAPHIC = "\u2019\u2018\u201c\u201d\u2026\u00a0\u202f\u2010\u2011\u00ab\u00bb"
_DOUBLE_SPACE_RE = re.compile(r"\S  (?=\S)")


@dataclass
class Reading:
    """What a leak says about each slot (-1: erased) and how it was aligned."""

    observed: I16
    sentences_matched: list[int]
    token_map: dict[int, int]
    channels: dict[str, dict[str, int | bool]] = field(default_factory=dict)
    words_matched: int = 0

    @property
    def slots_read(self) -> int:
        return int((self.observed >= 0).sum())


class _Leak:
    def __init__(self, text: str) -> None:
        self.text = text
        self.tokens = tokenize(text)
        self.keys = [k for _, _, k in self.tokens]
        self.bigrams: dict[tuple[str, str], list[int]] = defaultdict(list)
        for i in range(len(self.keys) - 1):
            if self.keys[i] and self.keys[i + 1]:
                self.bigrams[(self.keys[i], self.keys[i + 1])].append(i)

    def raw(self, i: int) -> str:
        s, e, _ = self.tokens[i]
        return self.text[s:e]

    def gap(self, i: int) -> str:
        """Whitespace between leak tokens i and i+1."""
        return self.text[self.tokens[i][1] : self.tokens[i + 1][0]]


def _align_sentence(keys: list[str], first: int, leak: _Leak, hint: int) -> dict[int, int]:
    """Memo token index -> leak token index for one sentence, or {} if not found.

    Among equally good placements, the one nearest `hint` (where the sentence
    would sit if the leak follows the memo's order) wins: repeated sentences
    then map to their own places.
    """
    votes: dict[int, int] = defaultdict(int)
    for a in range(len(keys) - 1):
        for b in leak.bigrams.get((keys[a], keys[a + 1]), ()):
            votes[b - a] += 1
    if not votes:
        if len(keys) == 1 and keys[0] and len(keys[0]) > 3 and keys[0] in leak.keys:
            return {first: leak.keys.index(keys[0])}
        return {}
    offset, count = max(votes.items(), key=lambda kv: (kv[1], -abs(kv[0] - hint)))
    if count < min(3, max(1, (len(keys) - 1) // 3)):
        return {}
    diagonal = {
        first + a: offset + a
        for a in range(len(keys))
        if 0 <= offset + a < len(leak.keys) and leak.keys[offset + a] == keys[a]
    }
    if len(diagonal) == len(keys):
        return diagonal
    # Words inserted or deleted: align the neighbourhood of the best placement.
    lo = max(0, offset - 3)
    hi = min(len(leak.keys), offset + len(keys) + 3)
    matcher = SequenceMatcher(None, keys, leak.keys[lo:hi], autojunk=False)
    out: dict[int, int] = {}
    for block in matcher.get_matching_blocks():
        for k in range(block.size):
            out[first + block.a + k] = lo + block.b + k
    return out if len(out) > len(diagonal) else diagonal


def _read_gap(slot: Slot, leak: _Leak, tmap: dict[int, int]) -> int:
    left, right = tmap.get(slot.token), tmap.get(slot.token + 1)
    if left is None or right is None or right != left + 1:
        return -1
    gap = leak.gap(left)
    return slot.variants.index(gap) if gap in slot.variants else -1


def _read_zero_width(slot: Slot, leak: _Leak, tmap: dict[int, int]) -> int:
    at = tmap.get(slot.token)
    if at is None:
        return -1
    raw = leak.raw(at)
    tail = raw[len(raw.rstrip(ZERO_WIDTH)) :]
    return ZW_VARIANTS.index(tail) if tail in ZW_VARIANTS else -1


def _read_intra(layout: Layout, slot: Slot, leak: _Leak, tmap: dict[int, int]) -> int:
    at = tmap.get(slot.token)
    if at is None:
        return -1
    pattern, _ = INTRA_TOKEN_KINDS[slot.kind]
    tok = layout.tokens[slot.token]
    mine = [m.start() for m in pattern.finditer(layout.text, tok.start, tok.end)]
    theirs = [m.group() for m in pattern.finditer(strip_zero_width(leak.raw(at)))]
    if len(mine) != len(theirs) or slot.start not in mine:
        return -1
    seen = theirs[mine.index(slot.start)]
    return slot.variants.index(seen) if seen in slot.variants else -1


NEAR_MISS = 0.8  # similarity above which a window is a variant with a typo, not another word
_SENTENCE_END_RE = re.compile(rf"[.!?…][{re.escape(CLOSERS)}]*$")


def _misplaced(
    leak: _Leak,
    window: range,
    anchors: tuple[int | None, int | None],
    claims: dict[int, set[int]],
    own: set[int],
    edges: tuple[bool, bool],
) -> bool:
    """The leak words a lexical window would read may be the wrong ones (repeated words
    such as "it's it's" shift an alignment by one): a window word that another memo token
    also claims, an anchor claimed twice, a word next to the window that one of the slot's
    own memo tokens claims (the window is too short), or, where the slot opens or closes
    its sentence (`edges`) and has no anchor on that side, an unclaimed word there within
    the same sentence. Such a slot is erased, never guessed."""
    before, after = anchors
    if any(claims.get(k, own) - own for k in window):
        return True
    if any(a is not None and len(claims[a]) > 1 for a in anchors):
        return True
    first, last = window.start, window.stop - 1
    if claims.get(first - 1, set()) & own or claims.get(last + 1, set()) & own:
        return True

    def loose(i: int, end_side: int) -> bool:
        inside = 0 <= i < len(leak.tokens) and i not in claims
        return inside and not (0 <= end_side < len(leak.tokens) and _ends(leak, end_side))

    opens, closes = edges
    return (opens and before is None and loose(first - 1, first - 1)) or (
        closes and after is None and loose(last + 1, last)
    )


def _ends(leak: _Leak, i: int) -> bool:
    return _SENTENCE_END_RE.search(leak.raw(i)) is not None


def _read_lexical(
    slot: Slot,
    leak: _Leak,
    tmap: dict[int, int],
    claims: dict[int, set[int]],
    edges: tuple[bool, bool],
) -> int:
    before, after = tmap.get(slot.token - 1), tmap.get(slot.token_end)
    own = set(range(slot.token, slot.token_end))
    forms = [lexical_form(v) for v in slot.variants]
    best, best_len = -1, -1
    near_miss = False
    for index, form in enumerate(forms):
        n = len(form.split(" "))
        if after is not None:
            lo = after - n
        elif before is not None:
            lo = before + 1
        else:
            continue
        if lo < 0 or (before is not None and lo != before + 1):
            continue
        if _misplaced(leak, range(lo, lo + n), (before, after), claims, own, edges):
            continue
        window = (
            leak.text[leak.tokens[lo][0] : leak.tokens[lo + n - 1][1]]
            if lo + n <= len(leak.tokens)
            else ""
        )
        if not window:
            continue
        seen = lexical_form(window)
        if seen == form:
            if n > best_len:
                best, best_len = index, n
        elif seen not in forms and SequenceMatcher(None, seen, form).ratio() >= NEAR_MISS:
            near_miss = True
    # A variant the leak shows with a typo ("reported taht he") makes a shorter exact
    # match ("reported") unreliable: erased, never guessed.
    return -1 if near_miss else best


def _erase_constant(layout: Layout, observed: I16) -> None:
    """A channel kind whose every read slot shows the same characters was normalised away
    (NFKC, ASCII quotes, collapsed spaces): those readings say nothing about the copy."""
    kinds: dict[str, list[int]] = defaultdict(list)
    for j, slot in enumerate(layout.slots):
        if observed[j] >= 0 and slot.channel != "lexical":
            kinds[f"{slot.channel}/{slot.kind}"].append(j)
    for idx in kinds.values():
        seen = {layout.slots[j].variants[observed[j]] for j in idx}
        if len(idx) >= _MIN_CONSTANT_RUN and len(seen) == 1:
            observed[idx] = -1


def present_channels(text: str, invisible_lost: bool) -> set[str]:
    """Channels whose marks a leak still carries at all (a cleaned text has none)."""
    present = {"lexical"}
    if _DOUBLE_SPACE_RE.search(text):
        present.add("spacing")
    if not invisible_lost:
        if any(c in text for c in TYPOGRAPHIC):
            present.add("typography")
        if any(c in text for c in ZERO_WIDTH):
            present.add("zero_width")
    return present


def _enough(part: dict[int, int], keys: list[str], first: int) -> bool:
    """Enough of a sentence's words were found to trust its placement."""
    words = sum(1 for k in keys if k)
    hits = sum(1 for t in part if keys[t - first])
    return words > 0 and hits >= max(min(words, 3), math.ceil(0.6 * words))


def read_leak(layout: Layout, text: str, *, invisible_lost: bool = False) -> Reading:
    """Align `text` to the memo and read each slot; `invisible_lost` for OCR'd text."""
    leak = _Leak(text)
    tmap: dict[int, int] = {}
    matched: list[int] = []
    keys = [t.key for t in layout.tokens]
    hint = 0
    for s in layout.sentences:
        mine = keys[s.first_token : s.end_token]
        part = _align_sentence(mine, s.first_token, leak, hint)
        if _enough(part, mine, s.first_token):
            tmap.update(part)
            matched.append(s.index)
            hint = max(part.values()) + 1
    observed = np.full(len(layout.slots), -1, dtype=np.int16)
    present = present_channels(text, invisible_lost)
    matched_set = set(matched)
    claims: dict[int, set[int]] = defaultdict(set)  # leak token -> memo tokens aligned to it
    for memo_token, leak_token in tmap.items():
        claims[leak_token].add(memo_token)
    for j, slot in enumerate(layout.slots):
        if slot.sentence not in matched_set or slot.channel not in present:
            continue
        if slot.channel == "lexical":
            sentence = layout.sentences[slot.sentence]
            edges = (slot.token == sentence.first_token, slot.token_end == sentence.end_token)
            observed[j] = _read_lexical(slot, leak, tmap, claims, edges)
        elif any(len(claims.get(tmap.get(t, -1), ())) > 1 for t in (slot.token, slot.token + 1)):
            continue  # two memo sentences aligned onto one leak word: whose mark is it?
        elif slot.channel == "zero_width":
            observed[j] = _read_zero_width(slot, leak, tmap)
        elif slot.kind in INTRA_TOKEN_KINDS:
            observed[j] = _read_intra(layout, slot, leak, tmap)
        else:
            observed[j] = _read_gap(slot, leak, tmap)
    _erase_constant(layout, observed)
    channels: dict[str, dict[str, int | bool]] = {}
    for ch in CHANNELS:
        idx = [j for j, s in enumerate(layout.slots) if s.channel == ch]
        read = int((observed[idx] >= 0).sum()) if idx else 0
        channels[ch] = {"enabled": ch in layout.channels, "slots": len(idx), "read": read}
    words = sum(1 for t in tmap if keys[t])
    return Reading(observed, matched, tmap, channels, words)

"""Word shingles: how a leak finds the memo it came from among many."""

from __future__ import annotations

import hashlib
from collections import Counter
from collections.abc import Sequence

SHINGLE = 4  # words per shingle: long enough to be rare, short enough to survive edits


def shingles(keys: Sequence[str]) -> Counter[int]:
    """Signed 64-bit hashes of consecutive non-empty match keys, with counts."""
    words = [k for k in keys if k]
    out: Counter[int] = Counter()
    for i in range(len(words) - SHINGLE + 1):
        digest = hashlib.blake2b(" ".join(words[i : i + SHINGLE]).encode(), digest_size=8)
        out[int.from_bytes(digest.digest(), "big", signed=True)] += 1
    return out

"""Keyed Tardos-family codes: secret per-slot biases and per-recipient symbols.

Every number here is derived from a 32-byte memo seed (itself derived from
the key file), so the database alone reveals neither biases nor codewords.
A recipient's symbol at slot j is a 4-bit nibble of a 64-bit keyed hash,
compared with the slot's secret cumulative bias (counts out of 16):
16 slots share one hash, which keeps scoring a million recipients cheap.
"""

from __future__ import annotations

import hashlib
import math
from collections.abc import Sequence
from functools import lru_cache

import numpy as np
import numpy.typing as npt

from townsquare.canary.model import Channel, Slot

NIBBLES = 16  # slots per 64-bit hash
LEVELS = 16  # bias resolution: probabilities are counts out of 16
_GOLDEN = np.uint64(0x9E3779B97F4A7C15)
_M1 = np.uint64(0xBF58476D1CE4E5B9)
_M2 = np.uint64(0x94D049BB133111EB)

U64 = npt.NDArray[np.uint64]
F32 = npt.NDArray[np.float32]
F64 = npt.NDArray[np.float64]
I16 = npt.NDArray[np.int16]


def mix64(x: U64) -> U64:
    """SplitMix64's finaliser, in place on a copy: a fast, well-mixed 64-bit hash."""
    x = x.copy()
    x ^= x >> np.uint64(30)
    x *= _M1
    x ^= x >> np.uint64(27)
    x *= _M2
    x ^= x >> np.uint64(31)
    return x


def _seed_words(seed: bytes, label: str, count: int) -> U64:
    out = bytearray()
    block = 0
    while len(out) < 8 * count:
        out += hashlib.sha256(seed + label.encode() + block.to_bytes(4, "big")).digest()
        block += 1
    return np.frombuffer(bytes(out[: 8 * count]), dtype="<u8").astype(np.uint64)


# Bias tables: candidate count vectors (out of 16) and their weights.
# Binary slots on fragile channels follow a discretised arcsine law (Tardos);
# lexical slots stay near 1/2, which maximises single-leaker evidence where
# slots are scarce.
def _binary_table(lo: int, hi: int, arcsine: bool) -> tuple[list[tuple[int, ...]], list[float]]:
    counts: list[tuple[int, ...]] = [(LEVELS - c, c) for c in range(lo, hi + 1)]
    weights = [
        1.0 / math.sqrt((c / LEVELS) * (1 - c / LEVELS)) if arcsine else 1.0
        for c in range(lo, hi + 1)
    ]
    return counts, weights


def _qary_table(q: int, base: int) -> tuple[list[tuple[int, ...]], list[float]]:
    """All compositions of 16 into q parts, each at least `base`, equally likely."""
    out: list[tuple[int, ...]] = []

    def rec(prefix: tuple[int, ...], left: int) -> None:
        if len(prefix) == q - 1:
            if left >= base:
                out.append((*prefix, left))
            return
        for c in range(base, left - base * (q - 1 - len(prefix)) + 1):
            rec((*prefix, c), left - c)

    rec((), LEVELS)
    return out, [1.0] * len(out)


@lru_cache(maxsize=64)
def bias_table(channel: Channel, q: int) -> tuple[list[tuple[int, ...]], list[float]]:
    if q == 2:
        return _binary_table(7, 9, False) if channel == "lexical" else _binary_table(2, 14, True)
    base = {3: 4, 4: 3}.get(q, 1) if channel == "lexical" else {3: 2, 4: 2}.get(q, 1)
    return _qary_table(q, base)


def slot_laws(slots: Sequence[Slot]) -> list[tuple[Channel, int]]:
    """The bias law each slot draws from: its channel's, except comma gaps, which take the
    near-1/2 lexical table. Like sentence gaps they are what a screenshot keeps, where each
    slot should carry up to one bit; memos issued before comma gaps existed have none, so
    no stored memo is read differently (sentence gaps keep the law they were issued under).
    """
    return [("lexical", s.q) if s.kind == "comma_gap" else (s.channel, s.q) for s in slots]


class CodeBook:
    """The secret code of one memo: biases per slot and symbols per recipient position."""

    def __init__(self, seed: bytes, slots: Sequence[tuple[Channel, int]]) -> None:
        self.m = len(slots)
        self.groups = (self.m + NIBBLES - 1) // NIBBLES
        self.q = np.array([q for _, q in slots], dtype=np.int16)
        self.group_seeds = _seed_words(seed, "groups", max(self.groups, 1))
        picks = _seed_words(seed, "biases", max(self.m, 1))
        # counts[j, s]: bias of symbol s at slot j, out of 16 (0 for s >= q).
        self.counts = np.zeros((self.m, 16), dtype=np.int16)
        tables: dict[tuple[Channel, int], tuple[npt.NDArray[np.int16], F64]] = {}
        for j, key in enumerate(slots):
            if key not in tables:
                vectors, weights = bias_table(*key)
                cum = np.cumsum(np.array(weights) / sum(weights))
                tables[key] = (np.array(vectors, dtype=np.int16), cum)
            vectors_arr, cum = tables[key]
            u = float(picks[j] >> np.uint64(11)) / float(1 << 53)
            pick = min(int(np.searchsorted(cum, u, side="right")), len(vectors_arr) - 1)
            self.counts[j, : key[1]] = vectors_arr[pick]
        cumulative = np.cumsum(self.counts, axis=1)
        # symbol_of[j, nibble] -> symbol
        nib = np.arange(LEVELS)
        self.symbol_of = (nib[None, :, None] >= cumulative[:, None, :]).sum(axis=2).astype(np.int16)
        np.minimum(self.symbol_of, (self.q - 1)[:, None], out=self.symbol_of)

    @staticmethod
    def base_hash(positions: npt.NDArray[np.int64]) -> U64:
        return mix64((positions.astype(np.uint64) + np.uint64(1)) * _GOLDEN)

    def group_hash(self, base: U64, group: int) -> U64:
        return mix64(base ^ self.group_seeds[group])

    def symbols(self, positions: npt.NDArray[np.int64]) -> I16:
        """Codewords of the given recipient positions, shape (len(positions), m)."""
        base = self.base_hash(positions)
        out = np.empty((len(positions), self.groups * NIBBLES), dtype=np.int16)
        shifts = (np.arange(NIBBLES, dtype=np.uint64) * np.uint64(4))[None, :]
        for g in range(self.groups):
            h = self.group_hash(base, g)
            out[:, g * NIBBLES : (g + 1) * NIBBLES] = (h[:, None] >> shifts) & np.uint64(15)
        symbols: I16 = self.symbol_of[np.arange(self.m)[None, :], out[:, : self.m]]
        return symbols

    def probability(self, observed: I16) -> F64:
        """Bias p_j(y_j) of each observed symbol (nan where erased)."""
        p = np.full(self.m, np.nan)
        read = observed >= 0
        p[read] = self.counts[np.flatnonzero(read), observed[read]] / LEVELS
        return p

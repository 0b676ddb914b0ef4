"""Symmetric Tardos scoring of every recipient, and its false-accusation bound.

Two passes keep a million recipients fast: every recipient is scored over
the richest 16-slot groups through 65,536-entry lookup tables, then the best
candidates are scored exactly over every slot read (see evidence.py for the
bound that turns a score into a false-accusation probability).
"""

from __future__ import annotations

import os
from concurrent.futures import ThreadPoolExecutor

import numpy as np
import numpy.typing as npt

from townsquare.canary.codes import F32, F64, I16, LEVELS, NIBBLES, CodeBook

_CHUNK = 1 << 16


def score_tables(book: CodeBook, observed: I16) -> F64:
    """S[j, nibble]: what slot j adds to a recipient whose nibble there is `nibble`."""
    table: F64 = np.zeros((book.m, LEVELS))
    read = np.flatnonzero(observed >= 0)
    if read.size == 0:
        return table
    y = observed[read].astype(np.int64)
    p = book.counts[read, y] / LEVELS
    match = np.sqrt((1 - p) / p)
    miss = -np.sqrt(p / (1 - p))
    hit = book.symbol_of[read] == y[:, None]
    table[read] = np.where(hit, match[:, None], miss[:, None])
    return table


def group_weights(table: F64) -> F64:
    """How much evidence each 16-slot group holds (number of slots read in it)."""
    read = np.any(table != 0, axis=1).astype(np.float64)
    pad = (-len(read)) % NIBBLES
    out: F64 = np.concatenate([read, np.zeros(pad)]).reshape(-1, NIBBLES).sum(axis=1)
    return out


def _group_luts(table: F64, group: int) -> list[F32]:
    """Four 65,536-entry tables: score of 4 slots from one 16-bit chunk of the hash."""
    luts = []
    for c in range(4):
        rows = []
        for r in range(4):
            j = group * NIBBLES + 4 * c + r
            rows.append(table[j] if j < len(table) else np.zeros(LEVELS))
        lut = (
            rows[3][:, None, None, None]
            + rows[2][None, :, None, None]
            + rows[1][None, None, :, None]
            + rows[0][None, None, None, :]
        )
        luts.append(lut.astype(np.float32).ravel())
    return luts


def scores_for_all(book: CodeBook, table: F64, n: int, groups: list[int]) -> F32:
    """Scores of recipients 0..n-1 over the slots of `groups` (vectorised, chunked;
    NumPy releases the GIL, so chunks run on every core)."""
    luts = {g: _group_luts(table, g) for g in groups}
    out = np.zeros(n, dtype=np.float32)

    def run(lo: int) -> None:
        positions = np.arange(lo, min(n, lo + _CHUNK), dtype=np.int64)
        base = book.base_hash(positions)
        acc = out[lo : lo + len(positions)]
        gathered = np.empty(len(positions), dtype=np.float32)
        for g in groups:
            chunks = np.ascontiguousarray(book.group_hash(base, g).view(np.uint16).reshape(-1, 4).T)
            for c, lut in enumerate(luts[g]):
                np.take(lut, chunks[c], out=gathered)
                acc += gathered

    starts = range(0, n, _CHUNK)
    if n > 4 * _CHUNK:
        with ThreadPoolExecutor(max_workers=os.cpu_count() or 1) as pool:
            list(pool.map(run, starts))
    else:
        for lo in starts:
            run(lo)
    return out


def exact_scores(book: CodeBook, table: F64, positions: npt.NDArray[np.int64]) -> F64:
    """Scores over every read slot for a few recipients."""
    if book.m == 0 or len(positions) == 0:
        return np.zeros(len(positions))
    base = book.base_hash(positions)
    shifts = (np.arange(NIBBLES, dtype=np.uint64) * np.uint64(4))[None, :]
    total = np.zeros(len(positions))
    for g in np.flatnonzero(group_weights(table)):
        h = book.group_hash(base, int(g))
        nib = ((h[:, None] >> shifts) & np.uint64(15)).astype(np.int64)
        js = np.arange(int(g) * NIBBLES, min(book.m, (int(g) + 1) * NIBBLES))
        total += table[js[None, :], nib[:, : len(js)]].sum(axis=1)
    return total

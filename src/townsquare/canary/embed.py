"""Building copies: the canonical text with each slot set to the recipient's symbol."""

from __future__ import annotations

import numpy as np
import numpy.typing as npt

from townsquare.canary.model import Layout


class CopyWriter:
    """Renders copies fast: fixed text pieces interleaved with per-slot variant choices."""

    def __init__(self, layout: Layout) -> None:
        text, slots = layout.text, layout.slots
        fixed: list[str] = []
        pos = 0
        variants: list[str] = []
        offsets = np.zeros(len(slots), dtype=np.int64)
        for j, slot in enumerate(slots):
            fixed.append(text[pos : slot.start])
            offsets[j] = len(variants)
            variants.extend(slot.variants)
            pos = slot.end
        fixed.append(text[pos:])
        self._fixed = np.array(fixed, dtype=object)
        self._variants = np.array(variants, dtype=object)
        self._offsets = offsets
        self._parts = np.empty(2 * len(slots) + 1, dtype=object)
        self._parts[0::2] = self._fixed

    def render(self, symbols: npt.NDArray[np.int16]) -> str:
        """The copy whose codeword is `symbols` (one symbol per slot)."""
        self._parts[1::2] = self._variants[self._offsets + symbols]
        return "".join(self._parts.tolist())

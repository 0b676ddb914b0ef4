"""Before sending: capacity per channel and the shortest excerpt that still names a leaker."""

from __future__ import annotations

import math
from dataclasses import dataclass
from functools import lru_cache

import numpy as np

from townsquare.canary.codes import F64, LEVELS, bias_table, slot_laws
from townsquare.canary.evidence import LAMBDAS, log_allowed, log_mgf_weighted
from townsquare.canary.model import CHANNELS, Channel, Layout

# A plan promises what 95% of memo codes deliver, not the average code: a memo whose
# expected evidence just reaches the threshold names its leaker only about half the time.
CONFIDENCE = 0.95
CONFIDENCE_Z = 1.645  # standard normal quantile of CONFIDENCE

# What survives each way a memo leaks.
LEAK_FORMS: dict[str, tuple[Channel, ...]] = {
    "pasted": CHANNELS,
    "cleaned": ("lexical",),
    "retyped": ("lexical",),
    "screenshot": ("lexical", "spacing"),
}


@dataclass(frozen=True)
class ChannelCapacity:
    channel: Channel
    slots: int
    bits: float


@dataclass(frozen=True)
class FormPlan:
    form: str
    full_copy_identifies: bool
    shortest_excerpt: int | None  # sentences: any excerpt this long suffices
    typical_excerpt: int | None  # sentences: half of the excerpts this long suffice


@dataclass(frozen=True)
class Plan:
    recipients: int
    sentences: int
    threshold: float
    capacity: list[ChannelCapacity]
    forms: list[FormPlan]

    @property
    def can_carry(self) -> bool:
        return next(f for f in self.forms if f.form == "pasted").full_copy_identifies


@lru_cache(maxsize=64)
def _slot_profile(channel: Channel, q: int) -> tuple[F64, float, float]:
    """Expected ln-MGF per lambda, and mean and variance of one leaker's score, of one slot.
    Biases are k/16, so the law is summed per level k rather than per bias vector.
    """
    vectors, weights = bias_table(channel, q)
    w = np.array(weights) / sum(weights)
    level_weight = np.zeros(LEVELS + 1)
    for vec, wv in zip(vectors, w, strict=True):
        np.add.at(level_weight, np.array(vec), wv)
    levels = np.arange(1, LEVELS)
    p = levels / LEVELS
    c = level_weight[1:LEVELS]
    # the leaker's symbol is s with probability p_s; an innocent then matches with p_s
    mgf = log_mgf_weighted(p, p * c)
    # the leaker scores sqrt((1 - p_s) / p_s) on its own symbol s
    expected = float((c * np.sqrt(p * (1 - p))).sum())
    variance = float((c * (1 - p)).sum()) - expected**2
    return mgf, expected, variance


def _per_sentence(layout: Layout, channels: tuple[Channel, ...]) -> tuple[F64, F64]:
    """Per sentence: summed ln-MGF (one row per sentence) and [mean, variance] of the
    leaker's score (columns), over the slots of `channels`."""
    n = len(layout.sentences)
    mgf = np.zeros((n, len(LAMBDAS)))
    score = np.zeros((n, 2))
    for slot, law in zip(layout.slots, slot_laws(layout.slots), strict=True):
        if slot.channel in channels:
            m, e, v = _slot_profile(*law)
            mgf[slot.sentence] += m
            score[slot.sentence] += (e, v)
    return mgf, score


def _identifies(mgf: F64, score: F64, target: float) -> np.ndarray:
    """Whether a leaker is named at the target, for each row, by the score that
    CONFIDENCE of memo codes reach (mean less Z standard deviations)."""
    low = score[:, 0] - CONFIDENCE_Z * np.sqrt(np.maximum(score[:, 1], 0.0))
    exponent = -LAMBDAS[None, :] * low[:, None] + mgf
    ok: np.ndarray = exponent.min(axis=1) <= target
    return ok


def _window_sums(values: F64, k: int) -> F64:
    cum = np.concatenate([np.zeros((1, *values.shape[1:])), np.cumsum(values, axis=0)])
    out: F64 = cum[k:] - cum[:-k]
    return out


def _shortest(mgf: F64, score: F64, target: float, quantile: float) -> int | None:
    n = len(score)
    lo, hi = 1, n
    if not _identifies(mgf.sum(axis=0)[None], score.sum(axis=0)[None], target)[0]:
        return None
    while lo < hi:
        k = (lo + hi) // 2
        ok = _identifies(_window_sums(mgf, k), _window_sums(score, k), target)
        if ok.mean() >= quantile and (quantile < 1.0 or ok.all()):
            hi = k
        else:
            lo = k + 1
    return lo


def plan(layout: Layout, recipients: int, threshold: float = 1e-6) -> Plan:
    """Capacity per channel and, per leak form, the excerpt length that names one leaker."""
    capacity = []
    for ch in layout.channels:
        qs = [s.q for s in layout.slots if s.channel == ch]
        capacity.append(ChannelCapacity(ch, len(qs), float(sum(math.log2(q) for q in qs))))
    target = log_allowed(recipients, threshold)
    forms = []
    for form, surviving in LEAK_FORMS.items():
        mgf, score = _per_sentence(layout, tuple(c for c in surviving if c in layout.channels))
        full = bool(_identifies(mgf.sum(axis=0)[None], score.sum(axis=0)[None], target)[0])
        forms.append(
            FormPlan(
                form,
                full,
                _shortest(mgf, score, target, 1.0) if full else None,
                _shortest(mgf, score, target, 0.5) if full else None,
            )
        )
    return Plan(recipients, len(layout.sentences), threshold, capacity, forms)


def sentences_for_one_leaker(
    layout: Layout, channels: tuple[Channel, ...], recipients: int, threshold: float
) -> int | None:
    """Typical excerpt length (sentences) naming one leaker from these channels alone."""
    mgf, score = _per_sentence(layout, tuple(c for c in channels if c in layout.channels))
    target = log_allowed(recipients, threshold)
    if not _identifies(mgf.sum(axis=0)[None], score.sum(axis=0)[None], target)[0]:
        return None
    return _shortest(mgf, score, target, 0.5)

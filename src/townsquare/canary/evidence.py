"""How strong a score is: Chernoff bounds on an innocent recipient's score.

An innocent's codeword is independent of the leak, so each read slot with
match probability p adds sqrt((1-p)/p) with probability p and -sqrt(p/(1-p))
otherwise: zero mean, unit variance, whatever the colluders did. The bound
P(S >= s) <= min over lambda of exp(-lambda*s) * prod E[exp(lambda*term)] is
exact arithmetic on those two-point laws, and a union bound over the whole
recipient list gives the stated false-accusation probability.
"""

from __future__ import annotations

import math
from collections.abc import Iterable

import numpy as np

from townsquare.canary.codes import F64

LAMBDAS = np.geomspace(1e-4, 8.0, 600)


def log_mgf(p_values: Iterable[float]) -> F64:
    """Sum over slots of ln E[exp(lambda * innocent term)], for each lambda in LAMBDAS."""
    p = np.asarray(list(p_values) if not isinstance(p_values, np.ndarray) else p_values)
    if p.size == 0:
        return np.zeros_like(LAMBDAS)
    values, counts = np.unique(p, return_counts=True)
    return log_mgf_weighted(values, counts.astype(np.float64))


def log_mgf_weighted(values: F64, weights: F64) -> F64:
    """Like log_mgf for slots with match probabilities `values` counted `weights` times."""
    a = np.sqrt((1 - values) / values)
    b = -np.sqrt(values / (1 - values))
    lam = LAMBDAS[:, None]
    per = np.logaddexp(np.log(values) + lam * a, np.log1p(-values) + lam * b)
    out: F64 = (per * weights[None, :]).sum(axis=1)
    return out


def log_tail(mgf: F64, scores: Iterable[float] | F64) -> F64:
    """ln of an upper bound on P(innocent score >= s) for each score s."""
    s = np.asarray(scores, dtype=np.float64)
    exponent = -LAMBDAS[None, :] * s[:, None] + mgf[None, :]
    out: F64 = np.minimum(exponent.min(axis=1), 0.0)
    return out


def log_allowed(recipients: int, threshold: float) -> float:
    """ln of the per-recipient tail probability the decision threshold allows."""
    return math.log(threshold) - math.log(max(recipients, 1))


def leaker_expectation(p_vectors: F64) -> F64:
    """Expected score a single leaker gets from each slot: sum_s sqrt(p_s (1 - p_s))."""
    p = np.clip(p_vectors, 0.0, 1.0)
    out: F64 = np.sqrt(p * (1 - p)).sum(axis=-1)
    return out

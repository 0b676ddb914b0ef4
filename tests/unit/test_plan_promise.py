"""`memo plan` promises only what the engine delivers: when it says a leak form names one
leaker, simulated leaks of that form (every surviving slot read, nothing else) name the
leaker for nearly every memo code, not for the average one only."""

from __future__ import annotations

import os
from pathlib import Path

import numpy as np
import pytest

from townsquare.canary.codes import CodeBook, slot_laws
from townsquare.canary.layout import build_layout
from townsquare.canary.model import Layout
from townsquare.canary.plan import LEAK_FORMS, plan
from townsquare.canary.read import Reading
from townsquare.canary.trace import trace

TEXTS = Path(__file__).resolve().parent.parent / "fixtures" / "texts"
RECIPIENTS = 1000
TRIALS = 40


def identified_rate(layout: Layout, form: str, trials: int = TRIALS) -> float:
    """Share of fresh memo codes under which a leak of `form` names its single leaker."""
    surviving = np.array([s.channel in LEAK_FORMS[form] for s in layout.slots])
    named = 0
    for trial in range(trials):
        book = CodeBook(os.urandom(32), slot_laws(layout.slots))
        leaker = trial * 17 % RECIPIENTS
        symbols = book.symbols(np.array([leaker], dtype=np.int64))[0]
        observed = np.where(surviving, symbols, -1).astype(np.int16)
        sentences = list(range(len(layout.sentences)))
        reading = Reading(observed, sentences, {}, {}, words_matched=len(layout.tokens))
        outcome = trace(layout, book, reading, RECIPIENTS)
        named += any(s.position == leaker for s in outcome.accused)
        assert all(s.position == leaker for s in outcome.accused)
    return named / trials


def shortest_promised_prefix(text: str, form: str) -> Layout:
    """The memo cut after the fewest sentences for which the plan promises `form`."""
    full = build_layout(text)
    for k in range(1, len(full.sentences) + 1):
        layout = build_layout(full.text[: full.sentences[k - 1].end])
        verdict = next(f for f in plan(layout, RECIPIENTS).forms if f.form == form)
        if verdict.full_copy_identifies:
            return layout
    pytest.skip(f"the plan never promises {form} for this text")


@pytest.mark.parametrize(
    ("name", "form"),
    [
        ("en_history", "cleaned"),
        ("fr_history", "cleaned"),
        ("fr_manifesto", "cleaned"),
        ("en_handbook", "screenshot"),
    ],
)
def test_a_promised_full_copy_names_its_leaker_for_nearly_every_code(
    name: str, form: str
) -> None:
    """At the shortest memo the plan accepts for this form, the promise holds for at least
    90% of codes (the plan aims at 95%). Judged by the mean evidence, as it once was, the
    cut-off came earlier and named the leaker for 56% (fr_history) to 96% of codes."""
    layout = shortest_promised_prefix((TEXTS / f"{name}.txt").read_text(encoding="utf-8"), form)
    assert identified_rate(layout, form) >= 0.9

"""Measuring and reporting: medians of repeated runs, each figure beside a floor.

Machines are noisy and absolute times drift, so every figure is reported
next to a floor measured in the same run on the same machine, and the ratio
figure / floor is what should hold from one machine to another.
"""

from __future__ import annotations

import gc
import statistics
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, TypeVar

REPS = 5  # timed repetitions (median reported)
REPS_LARGE = 3  # for the 1,000,000-recipient cases
WARMUP = 1  # untimed runs before the timed ones

_S = TypeVar("_S")


def measure(
    run: Callable[[_S], object],
    *,
    setup: Callable[[], _S],
    teardown: Callable[[_S], object] | None = None,
    reps: int = REPS,
    warmup: int = WARMUP,
) -> list[float]:
    """Seconds of each timed `run(setup())`; setup and teardown are never timed."""
    times: list[float] = []
    for i in range(warmup + reps):
        state = setup()
        gc.collect()
        start = time.perf_counter()
        run(state)
        elapsed = time.perf_counter() - start
        if teardown is not None:
            teardown(state)
        if i >= warmup:
            times.append(elapsed)
    return times


def measure_simple(
    run: Callable[[], object], *, reps: int = REPS, warmup: int = WARMUP
) -> list[float]:
    """Seconds of each timed `run()` (no per-run setup)."""
    return measure(lambda _: run(), setup=lambda: None, reps=reps, warmup=warmup)


@dataclass(frozen=True)
class Case:
    """One thing to time: `run(setup())`, then `teardown(state)` (neither of those timed)."""

    run: Callable[[Any], object]
    setup: Callable[[], Any] = lambda: None
    teardown: Callable[[Any], object] | None = None


def measure_interleaved(
    cases: dict[str, Case], *, reps: int = REPS, warmup: int = WARMUP
) -> dict[str, Timing]:
    """Time several cases round-robin (order rotated each round), so a figure and its
    floor see the same machine: on a shared, noisy machine the load changes over
    seconds, and timing all of one case then all of the other would fold that drift
    into the ratio."""
    names = list(cases)
    runs: dict[str, list[float]] = {name: [] for name in names}
    for i in range(warmup + reps):
        shift = i % len(names)
        for name in names[shift:] + names[:shift]:
            case = cases[name]
            state = case.setup()
            gc.collect()
            start = time.perf_counter()
            case.run(state)
            elapsed = time.perf_counter() - start
            if case.teardown is not None:
                case.teardown(state)
            if i >= warmup:
                runs[name].append(elapsed)
    return {name: Timing(r) for name, r in runs.items()}


@dataclass
class Timing:
    """The median of repeated runs, with every run kept for the record."""

    runs: list[float]

    @property
    def median(self) -> float:
        return statistics.median(self.runs)

    def to_dict(self) -> dict[str, Any]:
        return {"median_s": self.median, "runs_s": self.runs}


@dataclass
class Row:
    """One measured figure and the floor it is compared with."""

    label: str
    size: str
    timing: Timing
    floor_label: str
    floor: Timing
    per_second: tuple[float, str] | None = None  # (count, unit): shown as count / median
    target_s: float | None = None  # acceptance target on the median, if any
    note: str = ""

    @property
    def ratio(self) -> float:
        return self.timing.median / self.floor.median

    @property
    def rate(self) -> float | None:
        if self.per_second is None:
            return None
        return self.per_second[0] / self.timing.median

    @property
    def meets_target(self) -> bool | None:
        return None if self.target_s is None else self.timing.median <= self.target_s

    def to_dict(self) -> dict[str, Any]:
        return {
            "label": self.label,
            "size": self.size,
            "figure": self.timing.to_dict(),
            "per_second": (
                {"value": self.rate, "unit": f"{self.per_second[1]}/s"} if self.per_second else None
            ),
            "floor_label": self.floor_label,
            "floor": self.floor.to_dict(),
            "ratio": self.ratio,
            "target_s": self.target_s,
            "meets_target": self.meets_target,
            "note": self.note,
        }


@dataclass
class BenchResult:
    """One benchmark: its rows and free-form notes (what was run, fallbacks, checks)."""

    name: str
    title: str
    rows: list[Row] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    floors: dict[str, Timing] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        return {
            "name": self.name,
            "title": self.title,
            "floors": {k: v.to_dict() for k, v in self.floors.items()},
            "rows": [r.to_dict() for r in self.rows],
            "notes": self.notes,
        }


def fmt_seconds(s: float) -> str:
    if s >= 1:
        return f"{s:.2f} s"
    if s >= 1e-3:
        return f"{s * 1e3:.1f} ms"
    return f"{s * 1e6:.0f} µs"

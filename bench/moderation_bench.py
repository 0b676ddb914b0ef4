"""Moderation benchmarks: visibility verdicts in process and over HTTP, and label propagation.

Three benchmarks, each with its floor measured in the same run (see
docs/moderation-performance.md):

- ``verdicts``: verdicts per second for 1,000-item batches through
  ``VisibilityRuntime.verdicts`` (label cache loaded from a seeded SQLite store), per
  surface and viewer, against a dict lookup of the same 1,000 precomputed verdicts and
  a NumPy gather of precomputed action codes. Target: >= 1,000,000 verdicts/s.
- ``verdicts-http``: ``POST /api/v1/visibility`` with 100-item batches under an
  open-loop load generator (bench/loadgen.py) at fixed rates, against
  ``townsquare serve --workers 1`` and ``--workers 2``; p50/p99/max latency from each
  request's scheduled send time, against ``/api/v1/visibility/floor`` (same request and
  response shape, nothing evaluated) at the same rate. Target: p99 < 15 ms at 200 req/s.
- ``label-propagation``: with ``--workers 2``, seconds from a label POST's response to
  the first of N consecutive verdict probes (alternating between the two workers) that
  reflect it; label added, then removed. Acceptance: every worker within 1 s.

The two HTTP benchmarks live in bench/moderation_http.py, the seeded store and the sizes
in bench/moderation_seed.py. ``BENCHMARKS`` maps names to ``fn(sizes, log) -> BenchResult``
like bench.canary_bench; ``sizes`` may be canary_bench.FULL / QUICK (mapped to FULL / QUICK
of bench.moderation_seed). ``python -m bench.moderation_bench`` runs these three alone.
"""

from __future__ import annotations

import functools
import gc
import json
import random
import statistics
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import numpy as np

from bench.canary_bench import scratch
from bench.moderation_http import bench_http, bench_propagation
from bench.moderation_seed import FULL, QUICK, SeededStore, seed_logged, sizes_for, viewers
from bench.timing import REPS, WARMUP, BenchResult, Case, Row, measure_interleaved
from townsquare.api.runtime import open_runtime
from townsquare.moderation.model import Action
from townsquare.settings import load_settings

BATCH = 1_000  # items per in-process verdict batch
TARGET_VERDICTS_PER_S = 1_000_000


def _batches(store: SeededStore, n: int, rng: random.Random) -> dict[str, tuple[str, str | None,
                                                                                    list[str]]]:
    """Named (surface, viewer, item ids) cases: several surfaces, viewers and label mixes."""
    follower, other = viewers(store)
    followed = [p for a in sorted(store.followees[follower]) for p in store.posts_of.get(a, [])]
    unfollowed = [p for p in store.posts
                  if store.author[p] not in store.followees[other] and store.author[p] != other]
    anyone = rng.sample(store.posts, n)
    labelled = rng.sample(sorted(store.labelled_posts), min(n, len(store.labelled_posts)))
    accounts = rng.sample(store.accounts, min(n, len(store.accounts)))
    return {
        "search_top · logged out": ("search_top", None, anyone),
        "search_top · other": ("search_top", other, rng.sample(unfollowed, n)),
        "home_timeline · follower": ("home_timeline", follower, rng.sample(followed, n)),
        "home_timeline · other": ("home_timeline", other, rng.sample(unfollowed, n)),
        "profile · logged out": ("profile", None, rng.sample(store.posts, n)),
        "profile · follower": ("profile", follower, rng.sample(followed, n)),
        "people_search · logged out": ("people_search", None, accounts),
        "people_search · other": ("people_search", other, accounts),
        "search_top · other · every item labelled": ("search_top", other, labelled),
    }


# --- 1. in process ---------------------------------------------------------------------


def bench_verdicts(sizes: object, log: Callable[[str], None]) -> BenchResult:
    s = sizes_for(sizes)
    k = s.batches
    result = BenchResult("verdicts", f"Visibility verdicts in process: {BATCH:,}-item batches")
    with scratch("verdicts") as work:
        store = seed_logged(work, s.store, log, "verdicts")
        result.notes.append(store.describe())
        # A long poll interval: nothing changes during the run, the cache need not poll.
        rt = open_runtime(load_settings(data_dir=store.data_dir, cache_poll_interval=60))
        try:
            vis = rt.visibility
            cases = _batches(store, BATCH, random.Random(7))
            # FLOOR: answers precomputed for every post (search_top, logged out), looked up.
            answers = {v.item_id: v for lo in range(0, len(store.posts), BATCH)
                       for v in vis.verdicts("search_top", None, store.posts[lo : lo + BATCH])}
            codes = np.array([Action.DROP if answers[p].action == "drop" else 0
                              for p in store.posts], dtype=np.uint8)
            row_of = {p: i for i, p in enumerate(store.posts)}
            ids = cases["search_top · logged out"][2]
            rows = np.array([row_of[p] for p in ids], dtype=np.int64)
            verdict_type = type(answers[ids[0]])
            for name, (surface, viewer, items) in cases.items():
                shown = [v.action for v in vis.verdicts(surface, viewer, items)]
                mix = {a: shown.count(a) for a in sorted(set(shown))}
                result.notes.append(f"{name}: viewer {viewer or '(none)'}, verdicts {mix}")

            cpu: dict[str, list[float]] = {}  # CPU seconds of each run, beside the wall clock

            def times(name: str, fn: Callable[[], object]) -> Case:
                def run(_: object) -> None:
                    started = time.thread_time()
                    for _ in range(k):
                        fn()
                    cpu.setdefault(name, []).append(time.thread_time() - started)

                return Case(run)

            timed: dict[str, Case] = {
                "floor-dict": times("floor-dict", lambda: [answers[i] for i in ids]),
                "floor-numpy": times("floor-numpy", lambda: codes[rows]),
                "ref-index": times("ref-index", lambda: codes[
                    np.fromiter(map(row_of.__getitem__, ids), np.int64, len(ids))]),
                "ref-build": times("ref-build", lambda: [
                    verdict_type(i, "allow", ("allow",), ()) for i in ids]),
            }
            for name, (surface, viewer, items) in cases.items():
                timed[name] = times(name, functools.partial(vis.verdicts, surface, viewer, items))
            log(f"verdicts: {len(timed)} cases x {k} batches, round-robin")
            full_gc = time.perf_counter()
            gc.collect()
            full_gc = time.perf_counter() - full_gc
            before = [g["collections"] for g in gc.get_stats()]
            t = measure_interleaved(timed)
            after = [g["collections"] for g in gc.get_stats()]
            explicit = len(timed) * (REPS + WARMUP)  # measure_interleaved's gc.collect()
        finally:
            rt.close()
    per = (k * BATCH, "verdicts")
    dict_floor = f"dict lookup of {BATCH:,} precomputed verdicts"
    result.floors[dict_floor] = t["floor-dict"]
    result.floors[f"NumPy gather of {BATCH:,} precomputed action codes"] = t["floor-numpy"]
    target = k * BATCH / TARGET_VERDICTS_PER_S
    for name, (_, _, items) in cases.items():
        result.rows.append(Row(f"VisibilityRuntime.verdicts: {name}", f"{k} x {len(items):,}",
                               t[name], dict_floor, t["floor-dict"],
                               per_second=(k * len(items), "verdicts"),
                               target_s=k * len(items) / TARGET_VERDICTS_PER_S))
    result.rows += [
        Row("  floor: dict lookup of precomputed verdicts", f"{k} x {BATCH:,}", t["floor-dict"],
            "(itself)", t["floor-dict"], per_second=per),
        Row("  floor: NumPy gather of precomputed action codes", f"{k} x {BATCH:,}",
            t["floor-numpy"], dict_floor, t["floor-dict"], per_second=per),
        Row("  reference: id -> row dict + NumPy gather", f"{k} x {BATCH:,}", t["ref-index"],
            dict_floor, t["floor-dict"], per_second=per),
        Row("  reference: build 1,000 Verdict(allow) objects", f"{k} x {BATCH:,}",
            t["ref-build"], dict_floor, t["floor-dict"], per_second=per),
    ]
    for name in timed:
        wall, used = t[name].median, statistics.median(cpu[name][1:])  # [0]: the warm-up
        n = k * len(cases[name][2]) if name in cases else k * BATCH
        result.notes.append(f"CPU time, {name}: {n / used:,.0f} verdicts/s "
                            f"(wall/CPU {wall / used:.2f}: above 1 means the run was preempted)")
    result.notes.append(
        f"garbage collector: one full collection of this process (cache loaded) takes "
        f"{full_gc * 1e3:.0f} ms; the timed runs (GC on, as in a server) triggered "
        f"{after[2] - before[2] - explicit} full and {after[1] - before[1]} generation-1 "
        f"collections (besides the {explicit} untimed ones before each run)")
    result.notes += [
        f"each timed run is {k} batches of {BATCH:,} ids; the target column is "
        f"{TARGET_VERDICTS_PER_S:,} verdicts/s, i.e. {k} batches in {target:g} s",
        "label cache loaded once from the store (no refresher thread: nothing changes); "
        "every case and floor timed round-robin, median of 5 runs after 1 warm-up",
    ]
    return result




BENCHMARKS: dict[str, Callable[[Any, Callable[[str], None]], BenchResult]] = {
    "verdicts": bench_verdicts,
    "verdicts-http": bench_http,
    "label-propagation": bench_propagation,
}


def main(argv: list[str] | None = None) -> int:
    """`python -m bench.moderation_bench [--quick] [--only NAME]`: these benchmarks alone."""
    import argparse
    import os
    import tempfile

    from rich.console import Console

    from bench.__main__ import _default_tmpdir, meta, table

    parser = argparse.ArgumentParser(prog="python -m bench.moderation_bench")
    parser.add_argument("--quick", action="store_true")
    parser.add_argument("--only", action="append", choices=list(BENCHMARKS))
    parser.add_argument("--output", type=Path,
                        default=Path(__file__).parent / "results" / "moderation.json")
    args = parser.parse_args(argv)
    tempfile.tempdir = str(_default_tmpdir())
    console = Console(width=170)
    info = meta(args.quick) | {"sizes": repr(QUICK if args.quick else FULL)}
    console.print(f"moderation benchmarks {info['date']} nproc={info['nproc']} "
                  f"load {info['loadavg_start']}")
    results = []
    for name in args.only or list(BENCHMARKS):
        result = BENCHMARKS[name](QUICK if args.quick else FULL,
                                  lambda m: console.print(f"[dim]… {m}[/]"))
        results.append(result)
        console.print(table(result))
        for note in result.notes:
            console.print(f"  [dim]• {note}[/]")
    info["loadavg_end"] = os.getloadavg()
    args.output.parent.mkdir(parents=True, exist_ok=True)
    args.output.write_text(json.dumps({"meta": info, "benchmarks": [r.to_dict() for r in results]},
                                      indent=2, default=str) + "\n", encoding="utf-8")
    console.print(f"load average at end {info['loadavg_end']}; results in {args.output}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

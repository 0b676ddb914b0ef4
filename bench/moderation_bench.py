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

``BENCHMARKS`` maps names to ``fn(sizes, log) -> BenchResult`` like bench.canary_bench;
``sizes`` may be canary_bench.FULL / QUICK (mapped to this module's FULL / QUICK).
"""

from __future__ import annotations

import http.client
import json
import random
import statistics
import subprocess
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

from bench import canary_bench
from bench.canary_bench import scratch, townsquare_exe
from bench.loadgen import HOST, Phase, Server, request_bytes, run_phase, serving
from bench.moderation_seed import SeededStore, StoreSize, seed_store
from bench.timing import BenchResult, Case, Row, Timing, measure_interleaved
from townsquare.api.runtime import open_runtime
from townsquare.moderation.verdicts import Action
from townsquare.settings import load_settings

BATCH = 1_000  # items per in-process verdict batch
TARGET_VERDICTS_PER_S = 1_000_000
HTTP_TARGET_S, HTTP_TARGET_RATE = 0.015, 200  # p99 under 15 ms at 200 requests/s
PROPAGATION_TARGET_S = 1.0
VISIBILITY, FLOOR = "/api/v1/visibility", "/api/v1/visibility/floor"


@dataclass(frozen=True)
class Sizes:
    store: StoreSize
    batches: int  # 1,000-item batches per timed in-process run
    http_items: int
    rates: tuple[int, ...]
    warmup_s: float
    duration_s: float
    connections: int  # keep-alive connections of the load generator
    changes: int  # label changes for label-propagation
    streak: int  # consecutive probes that must all reflect a change


FULL = Sizes(StoreSize(100_000, 2_000), 100, 100, (100, 200, 400, 800), 2.0, 10.0, 8, 10, 10)
QUICK = Sizes(StoreSize(20_000, 1_000), 20, 100, (100, 200), 1.0, 3.0, 8, 3, 6)


def sizes_for(sizes: object) -> Sizes:
    if isinstance(sizes, Sizes):
        return sizes
    return QUICK if sizes == canary_bench.QUICK else FULL


def _seed(work: Path, size: StoreSize, log: Callable[[str], None], name: str) -> SeededStore:
    log(f"{name}: seeding {size.posts:,} posts by {size.accounts:,} accounts (not timed)")
    started = time.perf_counter()
    store = seed_store(work / "data", size)
    log(f"{name}: seeded in {time.perf_counter() - started:.1f} s")
    return store


def _viewers(store: SeededStore) -> tuple[str, str]:
    """(follower, other): the account following most accounts, and one following fewest."""
    ranked = sorted(store.accounts, key=lambda a: (len(store.followees[a]), a))
    return ranked[-1], ranked[0]


def _batches(store: SeededStore, n: int, rng: random.Random) -> dict[str, tuple[str, str | None,
                                                                                    list[str]]]:
    """Named (surface, viewer, item ids) cases: several surfaces, viewers and label mixes."""
    follower, other = _viewers(store)
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
        store = _seed(work, s.store, log, "verdicts")
        result.notes.append(store.describe())
        rt = open_runtime(load_settings(data_dir=store.data_dir), poll_interval=0.0)
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
                timed[name] = times(name, lambda s_=surface, v_=viewer, i_=items:
                                    vis.verdicts(s_, v_, i_))
            log(f"verdicts: {len(timed)} cases x {k} batches, round-robin")
            t = measure_interleaved(timed)
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
    result.notes += [
        f"each timed run is {k} batches of {BATCH:,} ids; the target column is "
        f"{TARGET_VERDICTS_PER_S:,} verdicts/s, i.e. {k} batches in {target:g} s",
        "label cache loaded once from the store (no refresher thread: nothing changes); "
        "every case and floor timed round-robin, median of 5 runs after 1 warm-up",
    ]
    return result


# --- 2. over HTTP ----------------------------------------------------------------------


def _tokens(data_dir: Path) -> dict[str, str]:
    env = Server(townsquare_exe(), data_dir, 1).env()
    out = {}
    for name, role in (("bench", "service"), ("bench-moderator", "moderator")):
        done = subprocess.run([townsquare_exe(), "token", "create", name, "--role", role],
                              env=env, capture_output=True, text=True, check=True)
        out[role] = done.stdout.strip().splitlines()[-1]
    return out


def _bodies(store: SeededStore, n_items: int, count: int = 64) -> list[bytes]:
    rng = random.Random(11)
    follower, other = _viewers(store)
    kinds = [("search_top", None), ("home_timeline", follower), ("profile", other),
             ("search_top", other), ("people_search", None), ("home_timeline", None)]
    out = []
    for i in range(count):
        surface, viewer = kinds[i % len(kinds)]
        pool = store.accounts if surface == "people_search" else store.posts
        body = {"surface": surface, "viewer_id": viewer, "item_ids": rng.sample(pool, n_items)}
        out.append(json.dumps(body).encode())
    return out


def _check(server: Server, token: str, body: bytes, n_items: int) -> None:
    for path in (VISIBILITY, FLOOR):
        conn = http.client.HTTPConnection(HOST, server.port, timeout=30)
        try:
            conn.request("POST", path, body, {"Authorization": f"Bearer {token}",
                                              "Content-Type": "application/json"})
            reply = conn.getresponse()
            data = json.loads(reply.read())
        finally:
            conn.close()
        if reply.status != 200 or len(data["verdicts"]) != n_items:
            raise RuntimeError(f"POST {path} answered {reply.status}: {str(data)[:300]}")


def bench_http(sizes: object, log: Callable[[str], None]) -> BenchResult:
    s = sizes_for(sizes)
    result = BenchResult(
        "verdicts-http", f"POST /api/v1/visibility, {s.http_items}-item batches, open loop")
    phases: dict[tuple[int, int, str], Phase] = {}
    with scratch("verdicts-http") as work:
        store = _seed(work, s.store, log, "verdicts-http")
        result.notes.append(store.describe())
        token = _tokens(store.data_dir)["service"]
        bodies = _bodies(store, s.http_items)
        for workers in (1, 2):
            log(f"verdicts-http: townsquare serve --workers {workers}")
            with serving(townsquare_exe(), store.data_dir, workers) as server:
                _check(server, token, bodies[0], s.http_items)
                for n, rate in enumerate(s.rates):
                    paths = (VISIBILITY, FLOOR) if n % 2 == 0 else (FLOOR, VISIBILITY)
                    for path in paths:
                        reqs = [request_bytes(server.port, path, token, b) for b in bodies]
                        phase = run_phase(server, reqs, rate, warmup=s.warmup_s,
                                          duration=s.duration_s, connections=s.connections)
                        phases[workers, rate, path] = phase
                        log(f"verdicts-http: {workers}w {rate}/s {path}: {phase.summary()}")
    for (workers, rate, path), phase in phases.items():
        name = "visibility" if path == VISIBILITY else "floor     "
        split = "/".join(str(c) for c in phase.per_worker.values())
        result.notes.append(f"{workers} worker(s), {rate} req/s, {name}: {phase.summary()}"
                            + (f"; requests per worker {split}" if workers > 1 else ""))
    for workers in (1, 2):
        for rate in s.rates:
            real, floor = phases[workers, rate, VISIBILITY], phases[workers, rate, FLOOR]
            for label, q in (("p50", 50), ("p99", 99), ("max", 100)):
                target = HTTP_TARGET_S if label == "p99" and rate == HTTP_TARGET_RATE else None
                result.rows.append(Row(
                    f"{workers} worker{'s' if workers > 1 else ''}, {rate} req/s: {label}",
                    f"{s.http_items} items", Timing([real.pct(q)]),
                    f"/visibility/floor {label} at {rate} req/s", Timing([floor.pct(q)]),
                    target_s=target))
    result.notes += [
        f"each rate: {s.warmup_s:g} s warm-up, then {s.duration_s:g} s measured, one run; "
        f"{s.connections} keep-alive connections (split evenly across workers); latency from "
        "each request's scheduled send time; visibility and floor phases alternate in order",
        "request bodies cycle through 64 prepared batches (search_top, home_timeline, profile, "
        "people_search; logged-out, follower and other viewers)",
    ]
    return result


# --- 3. label propagation across workers -------------------------------------------------


class _Probe:
    """A keep-alive connection known to be served by one worker."""

    def __init__(self, server: Server, token: str) -> None:
        self.conn = http.client.HTTPConnection(HOST, server.port, timeout=10)
        self.conn.connect()
        self.headers = {"Authorization": f"Bearer {token}", "Content-Type": "application/json"}
        port = self.conn.sock.getsockname()[1]
        deadline = time.monotonic() + 5
        while (pid := server.worker_of(port)) is None and time.monotonic() < deadline:
            time.sleep(0.01)
        self.worker = pid or -1

    def call(self, method: str, path: str, body: Any = None) -> tuple[int, Any]:
        data = None if body is None else json.dumps(body)
        self.conn.request(method, path, data, self.headers)
        reply = self.conn.getresponse()
        return reply.status, json.loads(reply.read())

    def action(self, post_id: str) -> str:
        status, data = self.call("POST", VISIBILITY, {"surface": "search_top",
                                                      "viewer_id": None, "item_ids": [post_id]})
        if status != 200:
            raise RuntimeError(f"verdict probe answered {status}: {data}")
        return str(data["verdicts"][0]["action"])


def _probes(server: Server, token: str) -> list[_Probe]:
    """One probe connection per worker (new connections until each worker has one)."""
    found: dict[int, _Probe] = {}
    for _ in range(200):
        probe = _Probe(server, token)
        if probe.worker in found or probe.worker == -1:
            probe.conn.close()
        else:
            found[probe.worker] = probe
        if len(found) == server.workers:
            return list(found.values())
    raise RuntimeError(f"found probes for {len(found)} of {server.workers} workers")


def _until_seen(probes: list[_Probe], post_id: str, want: str, streak: int,
                since: float) -> tuple[float, float]:
    """(seconds until the first of `streak` consecutive probes showing `want`, probe RTT)."""
    run_start: float | None = None
    run, i, rtts = 0, 0, []
    deadline = since + 10.0
    while time.perf_counter() < deadline:
        t0 = time.perf_counter()
        got = probes[i % len(probes)].action(post_id)
        done = time.perf_counter()
        rtts.append(done - t0)
        i += 1
        if got == want:
            run_start = done if run == 0 else run_start
            run += 1
            if run >= streak and run_start is not None:
                return run_start - since, statistics.median(rtts)
        else:
            run = 0
        time.sleep(0.002)
    raise RuntimeError(f"{post_id}: not {want!r} on every worker after 10 s")


def bench_propagation(sizes: object, log: Callable[[str], None]) -> BenchResult:
    s = sizes_for(sizes)
    result = BenchResult("label-propagation",
                         f"Label change seen by every worker (--workers 2), {s.changes} changes")
    added, removed, rtts = [], [], []
    with scratch("label-propagation") as work:
        store = _seed(work, s.store, log, "label-propagation")
        tokens = _tokens(store.data_dir)
        clean = [p for p in store.posts if p not in store.labelled_posts
                 and store.author[p] not in store.labelled_accounts]
        targets = random.Random(5).sample(clean, s.changes)
        with serving(townsquare_exe(), store.data_dir, 2) as server:
            probes = _probes(server, tokens["service"])
            moderator = _Probe(server, tokens["moderator"])
            for post_id in targets:
                _until_seen(probes, post_id, "allow", s.streak, time.perf_counter())
                status, label = moderator.call("POST", "/api/v1/labels", {
                    "subject_type": "post", "subject_id": post_id, "label": "spam",
                    "policy": "bench.propagation"})
                answered = time.perf_counter()
                if status != 201:
                    raise RuntimeError(f"label POST answered {status}: {label}")
                delay, rtt = _until_seen(probes, post_id, "drop", s.streak, answered)
                added.append(delay)
                rtts.append(rtt)
                status, _ = moderator.call("DELETE", f"/api/v1/labels/{label['id']}")
                answered = time.perf_counter()
                delay, rtt = _until_seen(probes, post_id, "allow", s.streak, answered)
                removed.append(delay)
                rtts.append(rtt)
                log(f"label-propagation: {post_id} added {added[-1] * 1e3:.0f} ms, "
                    f"removed {removed[-1] * 1e3:.0f} ms")
    floor = Timing(rtts)
    floor_label = "one verdict probe round trip (the resolution)"
    result.floors[floor_label] = floor
    result.rows += [
        Row("spam label added -> search_top drop on both workers", f"{s.changes} changes",
            Timing(added), floor_label, floor, target_s=PROPAGATION_TARGET_S),
        Row("label removed -> allow again on both workers", f"{s.changes} changes",
            Timing(removed), floor_label, floor, target_s=PROPAGATION_TARGET_S),
    ]
    result.notes += [
        f"time from the label POST's (or DELETE's) response to the first of {s.streak} "
        "consecutive probes, alternating between the two workers, that all reflect it; "
        "probes every ~2 ms on one keep-alive connection per worker",
        f"worst change: added {max(added) * 1e3:.0f} ms, removed {max(removed) * 1e3:.0f} ms; "
        "each worker's label cache polls the change log every 0.2 s (runtime default)",
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
    info["loadavg_end"] = __import__("os").getloadavg()
    args.output.parent.mkdir(parents=True, exist_ok=True)
    args.output.write_text(json.dumps({"meta": info, "benchmarks": [r.to_dict() for r in results]},
                                      indent=2, default=str) + "\n", encoding="utf-8")
    console.print(f"load average at end {info['loadavg_end']}; results in {args.output}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

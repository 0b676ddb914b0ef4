"""Canary (leak tracing) benchmarks: issuing copies and tracing a leak.

Four benchmarks, each with its own floor measured in the same run:

- ``issue``: copies per second for N recipients, engine alone (CodeBook symbols +
  CopyWriter.render) and the whole ``issue_memo`` service (files + SQLite), against
  writing the same N pre-rendered byte strings to N files.
- ``issue-cli``: ``townsquare memo issue`` wall time for N recipients (acceptance
  target 10 s at 10,000), against CLI start-up plus the file-writing floor.
- ``trace``: ``read_leak`` + ``trace`` of a full pasted copy among N recipients, and
  ``read_leak`` alone, against one float32 matrix-vector product the size of the
  trace's first scoring pass.
- ``trace-cli``: ``townsquare leak trace --json`` wall time among N recipients on
  SQLite (acceptance target 1 s at 1,000,000), against ``townsquare --help``.
"""

from __future__ import annotations

import contextlib
import csv
import functools
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Any

import numpy as np

from bench.timing import (
    REPS,
    REPS_LARGE,
    BenchResult,
    Case,
    Row,
    Timing,
    fmt_seconds,
    measure_interleaved,
    measure_simple,
)
from townsquare.canary.codes import CodeBook
from townsquare.canary.embed import CopyWriter
from townsquare.canary.layout import build_layout
from townsquare.canary.model import CHANNELS, Channel, Layout
from townsquare.canary.read import read_leak
from townsquare.canary.score import group_weights, score_tables
from townsquare.canary.trace import GROUP_BUDGET, trace
from townsquare.keys import SecretKey
from townsquare.services.memos import codebook_for, issue_memo

BATCH = 2048  # recipients per symbols() call, as the issue service does
ISSUE_TARGET_S = 10.0  # acceptance: 10,000 copies issued end to end
TRACE_TARGET_S = 1.0  # acceptance: a pasted copy traced among 1,000,000 end to end
FALLBACK_CHANNELS: tuple[Channel, ...] = ("spacing", "typography", "zero_width")


@dataclass(frozen=True)
class Sizes:
    issue: int
    traces: tuple[int, ...]
    trace_cli: int


FULL = Sizes(issue=10_000, traces=(1_000, 100_000, 1_000_000), trace_cli=1_000_000)
QUICK = Sizes(issue=1_000, traces=(1_000, 100_000), trace_cli=100_000)


# --- inputs ------------------------------------------------------------------------------


@functools.cache
def channels_in_use() -> tuple[tuple[Channel, ...], str]:
    """All channels, or the three that exist while the lexical channel is not ready.

    Decided once per run (the lexical channel may be under construction), so every
    benchmark of a run uses the same channels.
    """
    try:
        build_layout(sample_memo(), channels=CHANNELS)
    except Exception as exc:  # ImportError, or a half-written module
        return FALLBACK_CHANNELS, (
            "townsquare.canary.lexical is not usable yet "
            f"({type(exc).__name__}: {exc}): channels " + ",".join(FALLBACK_CHANNELS) + " only"
        )
    return CHANNELS, "channels: all (" + ",".join(CHANNELS) + ")"


def sample_memo() -> str:
    return resources.files("townsquare.samples").joinpath("memo_en.md").read_text("utf-8")


_SWAPS = [  # per repetition: the same sentence with a few words and numbers changed
    ("quarter", "half-year", "season", "term"),
    ("election", "vote", "ballot", "poll"),
    ("reports", "complaints", "flags", "referrals"),
    ("posts", "messages", "updates", "items"),
    ("accounts", "profiles", "handles", "pages"),
    ("team", "group", "unit", "crew"),
    ("review", "check", "examine", "audit"),
    ("numbers", "figures", "data", "metrics"),
    ("decisions", "rulings", "choices", "calls"),
    ("staff", "employees", "colleagues", "people"),
    ("network", "cluster", "ring", "operation"),
    ("campaign", "race", "contest", "season"),
]
_NUMBER = re.compile(r"\d[\d,]*\d|\d")


def _vary(paragraph: str, k: int) -> str:
    if k == 0:
        return paragraph
    for words in _SWAPS:
        paragraph = re.sub(rf"\b{words[0]}\b", words[k % len(words)], paragraph)
    return _NUMBER.sub(
        lambda m: f"{round(int(m.group().replace(',', '')) * (1 + k / 10)):,}", paragraph
    )


def longer_memo(text: str, times: int = 4) -> str:
    """The memo with its body paragraphs repeated `times` times, each with small variations."""
    paragraphs = text.strip().split("\n\n")
    head, body, tail = paragraphs[:2], paragraphs[2:-2], paragraphs[-2:]
    repeated = [_vary(p, k) for k in range(times) for p in body]
    return "\n\n".join([*head, *repeated, *tail]) + "\n"


def write_recipients(path: Path, n: int) -> list[str]:
    ids = [f"r{i:07d}" for i in range(n)]
    with path.open("w", newline="", encoding="utf-8") as handle:
        out = csv.writer(handle)
        out.writerow(["id", "name", "email"])
        out.writerows([rid, f"Recipient {i}", f"{rid}@example.org"] for i, rid in enumerate(ids))
    return ids


class Engine:
    """A memo's layout, code book and copy writer, built once (never timed)."""

    def __init__(self, text: str, channels: Sequence[Channel]) -> None:
        self.layout: Layout = build_layout(text, channels=channels)
        self.book: CodeBook = codebook_for(SecretKey.generate(), "m_bench", self.layout)
        self.writer = CopyWriter(self.layout)

    def copies(self, n: int) -> list[str]:
        """What the issue service renders: symbols in batches, then one string per copy."""
        out: list[str] = []
        for lo in range(0, n, BATCH):
            symbols = self.book.symbols(np.arange(lo, min(n, lo + BATCH), dtype=np.int64))
            out.extend(self.writer.render(row) for row in symbols)
        return out

    def copy_of(self, position: int) -> str:
        return self.writer.render(self.book.symbols(np.array([position], dtype=np.int64))[0])


# --- temp places and subprocesses ----------------------------------------------------------


@contextlib.contextmanager
def scratch(prefix: str, base: str | None = None) -> Iterator[Path]:
    path = Path(tempfile.mkdtemp(prefix=f"townsquare-bench-{prefix}-", dir=base))
    try:
        yield path
    finally:
        shutil.rmtree(path, ignore_errors=True)


def townsquare_exe() -> str:
    beside = Path(sys.executable).with_name("townsquare")
    found = str(beside) if beside.exists() else shutil.which("townsquare")
    if not found:
        raise RuntimeError("the `townsquare` command is not installed (run `make install`)")
    return found


_TOKENS: dict[Path, str] = {}


def operator_token(data_dir: Path) -> str:
    """An admin service token in the store under `data_dir` (made once, before any timing):
    every store-touching command authenticates, as an operator's would."""
    if data_dir not in _TOKENS:
        from townsquare.services.tokens import create_token

        app = _open_app(data_dir)
        try:
            _TOKENS[data_dir] = create_token(app.sessions, "bench-operator", "admin")
        finally:
            app.close()
    return _TOKENS[data_dir]


def cli_env(data_dir: Path, pycache: Path | None, token: bool = True) -> dict[str, str]:
    """The environment of a CLI run: its own data dir and an operator token; bytecode
    cached under `pycache` (as after a normal install, which compiles bytecode), or no
    cache at all (None)."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("TOWNSQUARE_")}
    env["TOWNSQUARE_DATA_DIR"] = str(data_dir)
    if token:
        env["TOWNSQUARE_TOKEN"] = operator_token(data_dir)
    if pycache is None:
        env["PYTHONDONTWRITEBYTECODE"] = "1"
        env.pop("PYTHONPYCACHEPREFIX", None)
    else:
        env.pop("PYTHONDONTWRITEBYTECODE", None)
        env["PYTHONPYCACHEPREFIX"] = str(pycache)
    return env


def run_cli(
    args: Sequence[str], data_dir: Path, pycache: Path | None
) -> subprocess.CompletedProcess[str]:
    done = subprocess.run(
        [townsquare_exe(), *args],
        env=cli_env(data_dir, pycache, token=args[:1] != ["--help"]),
        capture_output=True,
        text=True,
        check=False,
    )
    if done.returncode != 0:
        raise RuntimeError(
            f"`townsquare {' '.join(args)}` exited with {done.returncode}:\n{done.stderr[-2000:]}"
        )
    return done


def help_case(data_dir: Path, pycache: Path | None) -> Case:
    """FLOOR for any CLI figure: `townsquare --help` (interpreter, imports, Typer)."""
    return Case(lambda _: run_cli(["--help"], data_dir, pycache))


NO_PYCACHE_NOTE = (
    "CLI runs use a bytecode cache of their own (PYTHONPYCACHEPREFIX, filled by the warm-up), "
    "as an installed CLI would; this sandbox sets PYTHONDONTWRITEBYTECODE=1 and the venv "
    "holds no .pyc files, so the rows marked 'no bytecode cache' recompile every module "
    "at each start"
)


def write_files(directory: Path, names: Sequence[str], blobs: Sequence[bytes]) -> None:
    for name, data in zip(names, blobs, strict=True):
        (directory / name).write_bytes(data)


def file_write_case(base: Path, names: Sequence[str], blobs: Sequence[bytes]) -> Case:
    """FLOOR for issuing: the same byte strings written to the same number of new files."""
    counter = iter(range(1_000_000))

    def fresh() -> Path:
        d = base / f"floor-{next(counter)}"
        d.mkdir()
        return d

    return Case(lambda d: write_files(d, names, blobs), fresh, shutil.rmtree)


def _open_app(data_dir: Path) -> Any:
    from townsquare.bootstrap import open_app
    from townsquare.settings import load_settings

    return open_app(load_settings(data_dir=data_dir))


# --- 1. issue ------------------------------------------------------------------------------


def bench_issue(sizes: Sizes, log: Callable[[str], None]) -> BenchResult:
    n = sizes.issue
    channels, channel_note = channels_in_use()
    result = BenchResult("issue", f"Issuing copies: {n:,} recipients")
    result.notes.append(channel_note)
    memos = {"memo_en.md": sample_memo(), "memo_en_x4.md": longer_memo(sample_memo(), 4)}
    with scratch("issue") as base:
        csv_path = base / "recipients.csv"
        ids = write_recipients(csv_path, n)
        names = [f"{rid}.md" for rid in ids]
        counter = iter(range(1_000_000))

        def service_state() -> tuple[Any, Path, Path]:
            work = base / f"service-{next(counter)}"
            app = _open_app(work / "data")  # migrated database and key: not timed
            return app, work / "copies", work

        def close_service_state(state: tuple[Any, Path, Path]) -> None:
            app, _, work = state
            app.close()
            shutil.rmtree(work)

        for filename, text in memos.items():
            memo_path = base / filename
            memo_path.write_text(text, encoding="utf-8")
            engine = Engine(text, channels)
            blobs = [c.encode("utf-8") for c in engine.copies(n)]
            mean_kib = sum(map(len, blobs)) / len(blobs) / 1024
            label = (
                f"{filename}: {len(text):,} chars, {len(engine.layout.sentences)} sentences, "
                f"{len(engine.layout.slots)} slots; copies of {mean_kib:.1f} KiB"
            )
            log(f"issue: {label}")
            result.notes.append(label)
            t = measure_interleaved(
                {
                    "floor": file_write_case(base, names, blobs),
                    "engine": Case(lambda _, e=engine: e.copies(n)),
                    "service": Case(
                        lambda s, m=memo_path: issue_memo(
                            s[0].sessions, s[0].key, m, csv_path, s[1], channels=channels
                        ),
                        service_state,
                        close_service_state,
                    ),
                }
            )
            floor_label = f"write {n:,} pre-rendered copies to new files"
            result.floors[f"write {n:,} files ({filename})"] = t["floor"]
            result.rows += [
                Row(
                    f"engine: symbols + render, {filename}",
                    f"{n:,}",
                    t["engine"],
                    floor_label,
                    t["floor"],
                    per_second=(n, "copies"),
                ),
                Row(
                    f"service: issue_memo (files + SQLite), {filename}",
                    f"{n:,}",
                    t["service"],
                    floor_label,
                    t["floor"],
                    per_second=(n, "copies"),
                ),
            ]
    result.notes.append(
        "engine, service and floor are timed round-robin; each service run gets a new "
        "SQLite database and key file (created and migrated before the clock starts)"
    )
    return result


# --- 1b. issue through the CLI -----------------------------------------------------------


def bench_issue_cli(sizes: Sizes, log: Callable[[str], None]) -> BenchResult:
    n = sizes.issue
    channels, channel_note = channels_in_use()
    result = BenchResult("issue-cli", f"`townsquare memo issue`: {n:,} recipients")
    result.notes.append(channel_note)
    if channels != CHANNELS:
        result.notes.append(
            "the CLI is run with --channels " + ",".join(channels) + " (its default includes "
            "lexical, which cannot be built yet)"
        )
    shm = Path("/dev/shm") if Path("/dev/shm").is_dir() else None
    with (
        scratch("issue-cli") as base,
        scratch("issue-cli-shm", base=str(shm) if shm else None) as fast,
    ):
        memo_path = base / "memo_en.md"
        memo_path.write_text(sample_memo(), encoding="utf-8")
        csv_path = base / "recipients.csv"
        ids = write_recipients(csv_path, n)
        names = [f"{rid}.md" for rid in ids]
        blobs = [c.encode("utf-8") for c in Engine(sample_memo(), channels).copies(n)]
        pycache = base / "pycache"
        counter = iter(range(1_000_000))

        def fresh(out_root: Path) -> tuple[Path, Path]:
            work = base / f"cli-{next(counter)}"
            run_cli(["memo", "list"], work / "data", pycache)  # migrated, key created
            return work / "data", out_root / f"copies-{work.name}"

        def issue(state: tuple[Path, Path], cache: Path | None) -> None:
            data_dir, out_dir = state
            args = ["memo", "issue", str(memo_path), "--recipients", str(csv_path)]
            args += ["--out", str(out_dir), "--channels", ",".join(channels), "--json"]
            copies = json.loads(run_cli(args, data_dir, cache).stdout)["copies"]
            if copies != n:
                raise RuntimeError(f"memo issue wrote {copies} copies, expected {n}")

        def drop(state: tuple[Path, Path]) -> None:
            shutil.rmtree(state[0].parent)
            shutil.rmtree(state[1])

        log("issue-cli: townsquare memo issue, --help and the file floors, round-robin")
        t = measure_interleaved(
            {
                "help": help_case(base / "help-data", pycache),
                "help-cold": help_case(base / "help-data", None),
                "write": file_write_case(base, names, blobs),
                "write-tmpfs": file_write_case(fast, names, blobs),
                "cli": Case(lambda s: issue(s, pycache), lambda: fresh(base), drop),
                "cli-tmpfs": Case(lambda s: issue(s, pycache), lambda: fresh(fast), drop),
                "cli-cold": Case(lambda s: issue(s, None), lambda: fresh(base), drop),
            }
        )
        result.floors["townsquare --help"] = t["help"]
        result.floors["townsquare --help, no bytecode cache"] = t["help-cold"]
        result.floors[f"write {n:,} files"] = t["write"]
        result.floors[f"write {n:,} files to tmpfs"] = t["write-tmpfs"]

        def plus(x: Timing, y: Timing) -> Timing:
            """Round by round: that round's start-up plus that round's file writing."""
            return Timing([a + b for a, b in zip(x.runs, y.runs, strict=True)])

        target = ISSUE_TARGET_S if n >= FULL.issue else None
        floor_label = "townsquare --help + write the copies to new files"
        result.rows += [
            Row(
                "townsquare memo issue --json",
                f"{n:,}",
                t["cli"],
                floor_label,
                plus(t["help"], t["write"]),
                per_second=(n, "copies"),
                target_s=target,
            ),
            Row(
                "townsquare memo issue --json, copies to tmpfs",
                f"{n:,}",
                t["cli-tmpfs"],
                floor_label + " on tmpfs",
                plus(t["help"], t["write-tmpfs"]),
                per_second=(n, "copies"),
                target_s=target,
            ),
            Row(
                "townsquare memo issue --json, no bytecode cache",
                f"{n:,}",
                t["cli-cold"],
                floor_label + " (no bytecode cache)",
                plus(t["help-cold"], t["write"]),
                per_second=(n, "copies"),
                target_s=target,
            ),
            Row("  floor part: townsquare --help", "", t["help"], "(itself)", t["help"]),
            Row(
                "  floor part: townsquare --help, no bytecode cache",
                "",
                t["help-cold"],
                "(itself)",
                t["help-cold"],
            ),
            Row(f"  floor part: write {n:,} files", f"{n:,}", t["write"], "(itself)", t["write"]),
            Row(
                f"  floor part: write {n:,} files to tmpfs",
                f"{n:,}",
                t["write-tmpfs"],
                "(itself)",
                t["write-tmpfs"],
            ),
        ]
        result.notes += [
            "each timed run gets a new data dir on disk, initialised first (`townsquare memo "
            "list`: migrations, key; not timed); copies go to a new directory on the same disk, "
            f"or on tmpfs ({fast}) for the tmpfs rows, where creating a file costs no disk I/O",
            NO_PYCACHE_NOTE,
        ]
    return result


# --- 2. trace ------------------------------------------------------------------------------


def first_pass_width(engine: Engine, leak: str, n: int) -> tuple[int, int]:
    """(groups read, K): K = 16 x the 16-slot groups trace()'s first pass scores among n."""
    reading = read_leak(engine.layout, leak)
    weights = group_weights(score_tables(engine.book, reading.observed))
    read_groups = int(np.count_nonzero(weights))
    return read_groups, 16 * min(read_groups, max(8, int(GROUP_BUDGET / max(n, 1))))


def bench_trace(sizes: Sizes, log: Callable[[str], None]) -> BenchResult:
    channels, channel_note = channels_in_use()
    result = BenchResult("trace", "Tracing a full pasted copy (engine, no database)")
    result.notes.append(channel_note)
    engine = Engine(sample_memo(), channels)
    book_build = Timing(
        measure_simple(lambda: codebook_for(SecretKey.generate(), "m_x", engine.layout))
    )
    result.notes.append(
        f"memo_en.md: {len(engine.layout.slots)} slots in {engine.book.groups} groups; "
        f"building its CodeBook (once per trace, not in the figures) takes "
        f"{fmt_seconds(book_build.median)}"
    )
    rng = np.random.default_rng(7)
    for n in sizes.traces:
        reps = REPS_LARGE if n >= 1_000_000 else REPS
        leaker = (7 * n) // 10
        leak = engine.copy_of(leaker)
        read_groups, k = first_pass_width(engine, leak, n)
        log(f"trace: {n:,} recipients (floor matrix {n:,} x {k})")
        outcome = trace(engine.layout, engine.book, read_leak(engine.layout, leak), n)
        named = [s.position for s in outcome.accused]
        if outcome.verdict != "identified" or named != [leaker]:
            raise RuntimeError(f"trace among {n:,} named {named} ({outcome.verdict}), not {leaker}")

        matrix = rng.random((n, k), dtype=np.float32)  # built beforehand, never timed
        vector = rng.random(k, dtype=np.float32)
        t = measure_interleaved(
            {
                "floor": Case(lambda _, m=matrix, v=vector: m @ v),
                "engine": Case(
                    lambda _, n=n, leak=leak: trace(
                        engine.layout, engine.book, read_leak(engine.layout, leak), n
                    )
                ),
                "read": Case(lambda _, leak=leak: read_leak(engine.layout, leak)),
            },
            reps=reps,
        )
        del matrix
        floor_label = f"float32 matvec {n:,} x {k} ({k // 16} of {read_groups} groups read)"
        result.floors[f"matvec {n:,} x {k}"] = t["floor"]
        result.rows += [
            Row("read_leak + trace", f"{n:,}", t["engine"], floor_label, t["floor"]),
            Row("read_leak alone", f"{n:,}", t["read"], floor_label, t["floor"]),
        ]
    result.notes.append(
        "each leak is the full copy of the recipient at position 0.7 N; every trace was "
        "checked to name exactly that recipient; engine, read_leak and floor timed round-robin"
    )
    return result


# --- 2b. trace through the CLI -------------------------------------------------------------


def _issue_for_trace(
    data_dir: Path, work: Path, n: int, channels: Sequence[Channel], log: Callable[[str], None]
) -> tuple[str, str, Path, float]:
    """Issue the sample memo to n recipients through the service, keeping one copy on disk.

    The service always writes every copy; they go to tmpfs and are deleted batch by batch
    from its progress callback, except the leaker's. Returns (memo id, leaker id, leak file,
    seconds taken).
    """
    memo_path = work / "memo_en.md"
    memo_path.write_text(sample_memo(), encoding="utf-8")
    csv_path = work / "recipients.csv"
    ids = write_recipients(csv_path, n)
    leaker = ids[(7 * n) // 10]
    shm = "/dev/shm" if Path("/dev/shm").is_dir() else None
    app = _open_app(data_dir)
    done = 0
    with scratch("copies", base=shm) as out_dir:

        def discard(batch: int) -> None:
            nonlocal done
            for rid in ids[done : done + batch]:
                if rid != leaker:
                    (out_dir / f"{rid}.md").unlink()
            done += batch
            if done % (BATCH * 64) < batch:
                log(f"trace-cli: issued {done:,} of {n:,}")

        start = time.perf_counter()
        try:
            issued = issue_memo(
                app.sessions,
                app.key,
                memo_path,
                csv_path,
                out_dir,
                channels=channels,
                progress=discard,
            )
        finally:
            app.close()
        seconds = time.perf_counter() - start
        leak_path = work / "leak.md"
        shutil.copyfile(out_dir / f"{leaker}.md", leak_path)
    return issued.memo_id, leaker, leak_path, seconds


def bench_trace_cli(sizes: Sizes, log: Callable[[str], None]) -> BenchResult:
    n = sizes.trace_cli
    reps = REPS_LARGE if n >= 1_000_000 else REPS
    channels, channel_note = channels_in_use()
    result = BenchResult("trace-cli", f"`townsquare leak trace --json`: {n:,} recipients")
    result.notes.append(channel_note)
    with scratch("trace-cli") as work:
        data_dir = work / "data"
        log(f"trace-cli: issuing the memo to {n:,} recipients (setup, not timed)")
        memo_id, leaker, leak_path, setup_s = _issue_for_trace(data_dir, work, n, channels, log)
        result.notes.append(
            f"setup (not timed): issue_memo to {n:,} recipients took {setup_s:.1f} s "
            "(copies written to tmpfs and deleted batch by batch from the progress callback, "
            "all but the leaker's)"
        )

        pycache = work / "pycache"

        def traced(args: list[str], cache: Path | None) -> None:
            argv = ["leak", "trace", str(leak_path), "--json", *args]
            report = json.loads(run_cli(argv, data_dir, cache).stdout)
            named = [a["recipient_id"] for a in report["accused"]]
            if report["verdict"] != "identified" or named != [leaker]:
                raise RuntimeError(f"leak trace named {named} ({report['verdict']}), not {leaker}")

        log("trace-cli: townsquare leak trace and --help, round-robin")
        t = measure_interleaved(
            {
                "help": help_case(data_dir, pycache),
                "help-cold": help_case(data_dir, None),
                "found": Case(lambda _: traced([], pycache)),
                "given": Case(lambda _: traced(["--memo", memo_id], pycache)),
                "found-cold": Case(lambda _: traced([], None)),
            },
            reps=reps,
        )
        result.floors["townsquare --help"] = t["help"]
        result.floors["townsquare --help, no bytecode cache"] = t["help-cold"]
        target = TRACE_TARGET_S if n >= FULL.trace_cli else None
        floor_label = "townsquare --help (start-up)"
        result.rows += [
            Row(
                "townsquare leak trace --json (memo found by shingles)",
                f"{n:,}",
                t["found"],
                floor_label,
                t["help"],
                target_s=target,
            ),
            Row(
                "townsquare leak trace --json --memo ID",
                f"{n:,}",
                t["given"],
                floor_label,
                t["help"],
                target_s=target,
            ),
            Row(
                "townsquare leak trace --json, no bytecode cache",
                f"{n:,}",
                t["found-cold"],
                floor_label + ", no bytecode cache",
                t["help-cold"],
                target_s=target,
            ),
            Row("  floor: townsquare --help", "", t["help"], "(itself)", t["help"]),
            Row(
                "  floor: townsquare --help, no bytecode cache",
                "",
                t["help-cold"],
                "(itself)",
                t["help-cold"],
            ),
        ]
        result.notes += [
            "every timed trace was checked to name exactly the leaker; each run also records "
            "a trace row in the database, as in real use",
            NO_PYCACHE_NOTE,
        ]
    return result


BENCHMARKS: dict[str, Callable[[Sizes, Callable[[str], None]], BenchResult]] = {
    "issue": bench_issue,
    "issue-cli": bench_issue_cli,
    "trace": bench_trace,
    "trace-cli": bench_trace_cli,
}

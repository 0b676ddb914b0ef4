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
from importlib import resources, util
from pathlib import Path
from typing import Any

import numpy as np

from bench.timing import (
    REPS,
    REPS_LARGE,
    BenchResult,
    Row,
    Timing,
    fmt_seconds,
    measure,
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


def channels_in_use() -> tuple[tuple[Channel, ...], str]:
    """All channels, or the three that exist when the lexical channel is not there yet."""
    if util.find_spec("townsquare.canary.lexical") is not None:
        return CHANNELS, "channels: all (" + ",".join(CHANNELS) + ")"
    return FALLBACK_CHANNELS, (
        "townsquare.canary.lexical is not importable yet: channels "
        + ",".join(FALLBACK_CHANNELS)
        + " only (no lexical slots)"
    )


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


def cli_env(data_dir: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("TOWNSQUARE_")}
    env["TOWNSQUARE_DATA_DIR"] = str(data_dir)
    return env


def run_cli(args: Sequence[str], data_dir: Path) -> subprocess.CompletedProcess[str]:
    done = subprocess.run(
        [townsquare_exe(), *args],
        env=cli_env(data_dir),
        capture_output=True,
        text=True,
        check=False,
    )
    if done.returncode != 0:
        raise RuntimeError(
            f"`townsquare {' '.join(args)}` exited with {done.returncode}:\n{done.stderr[-2000:]}"
        )
    return done


def cli_startup(data_dir: Path, reps: int = REPS) -> Timing:
    """FLOOR for any CLI figure: `townsquare --help` (interpreter, imports, Typer)."""
    return Timing(measure_simple(lambda: run_cli(["--help"], data_dir), reps=reps))


def write_files(directory: Path, names: Sequence[str], blobs: Sequence[bytes]) -> None:
    for name, data in zip(names, blobs, strict=True):
        (directory / name).write_bytes(data)


def file_write_floor(base: Path, names: Sequence[str], blobs: Sequence[bytes]) -> Timing:
    """FLOOR for issuing: the same byte strings written to the same number of new files."""
    counter = iter(range(1_000_000))

    def fresh() -> Path:
        d = base / f"floor-{next(counter)}"
        d.mkdir()
        return d

    return Timing(
        measure(lambda d: write_files(d, names, blobs), setup=fresh, teardown=shutil.rmtree)
    )


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
        for filename, text in memos.items():
            memo_path = base / filename
            memo_path.write_text(text, encoding="utf-8")
            engine = Engine(text, channels)
            label = (
                f"{filename} ({len(text):,} chars, {len(engine.layout.sentences)} sentences, "
                f"{len(engine.layout.slots)} slots)"
            )
            log(f"issue: {label}")
            result.notes.append(label)

            engine_runs = Timing(measure_simple(lambda e=engine: e.copies(n)))
            blobs = [c.encode("utf-8") for c in engine.copies(n)]
            names = [f"{rid}.md" for rid in ids]
            floor = file_write_floor(base, names, blobs)
            result.floors[f"write {n:,} files, {filename}"] = floor
            mean_kib = sum(map(len, blobs)) / len(blobs) / 1024
            floor_label = f"write {n:,} pre-rendered copies ({mean_kib:.1f} KiB each) to files"
            service = Timing(
                measure(
                    lambda s, m=memo_path: issue_memo(
                        s[0].sessions, s[0].key, m, csv_path, s[1], channels=channels
                    ),
                    setup=lambda: _service_state(base),
                    teardown=_close_service_state,
                )
            )
            result.rows += [
                Row(
                    f"engine: symbols + render — {filename}",
                    f"{n:,}",
                    engine_runs,
                    floor_label,
                    floor,
                    per_second=(n, "copies"),
                ),
                Row(
                    f"service: issue_memo (files + SQLite) — {filename}",
                    f"{n:,}",
                    service,
                    floor_label,
                    floor,
                    per_second=(n, "copies"),
                ),
            ]
    return result


_state_counter = iter(range(1_000_000))


def _service_state(base: Path) -> tuple[Any, Path, Path]:
    work = base / f"service-{next(_state_counter)}"
    app = _open_app(work / "data")
    return app, work / "copies", work


def _close_service_state(state: tuple[Any, Path, Path]) -> None:
    app, _, work = state
    app.close()
    shutil.rmtree(work)


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
    with scratch("issue-cli") as base:
        memo_path = base / "memo_en.md"
        memo_path.write_text(sample_memo(), encoding="utf-8")
        csv_path = base / "recipients.csv"
        ids = write_recipients(csv_path, n)
        log("issue-cli: floors")
        startup = cli_startup(base / "help-data")
        blobs = [c.encode("utf-8") for c in Engine(sample_memo(), channels).copies(n)]
        writes = file_write_floor(base, [f"{rid}.md" for rid in ids], blobs)
        result.floors["townsquare --help"] = startup
        result.floors[f"write {n:,} files"] = writes
        floor = Timing([a + b for a, b in zip(startup.runs, writes.runs, strict=True)])

        counter = iter(range(1_000_000))

        def fresh() -> tuple[Path, Path]:
            work = base / f"cli-{next(counter)}"
            run_cli(["memo", "list"], work / "data")  # database migrated, key created
            return work / "data", work / "copies"

        def issue(state: tuple[Path, Path]) -> None:
            data_dir, out_dir = state
            done = run_cli(
                [
                    "memo",
                    "issue",
                    str(memo_path),
                    "--recipients",
                    str(csv_path),
                    "--out",
                    str(out_dir),
                    "--channels",
                    ",".join(channels),
                    "--json",
                ],
                data_dir,
            )
            copies = json.loads(done.stdout)["copies"]
            if copies != n:
                raise RuntimeError(f"memo issue wrote {copies} copies, expected {n}")

        log("issue-cli: townsquare memo issue")
        wall = Timing(
            measure(issue, setup=fresh, teardown=lambda s: shutil.rmtree(s[0].parent))
        )
        result.rows.append(
            Row(
                "townsquare memo issue --json (subprocess, SQLite)",
                f"{n:,}",
                wall,
                "townsquare --help + write the copies to files",
                floor,
                per_second=(n, "copies"),
                target_s=ISSUE_TARGET_S if n >= FULL.issue else None,
            )
        )
        result.notes.append(
            "the data dir is initialised (`townsquare memo list`: migrations, key) before "
            "each timed run; the copies go to a new directory on the same disk"
        )
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
        f"building its CodeBook (per trace, not in the figures) takes "
        f"{fmt_seconds(book_build.median)}"
    )
    rng = np.random.default_rng(7)
    for n in sizes.traces:
        reps = REPS_LARGE if n >= 1_000_000 else REPS
        leaker = (7 * n) // 10
        leak = engine.copy_of(leaker)
        read_groups, k = first_pass_width(engine, leak, n)
        log(f"trace: {n:,} recipients (floor matrix {n:,} x {k})")
        matrix = rng.random((n, k), dtype=np.float32)
        vector = rng.random(k, dtype=np.float32)
        floor = Timing(measure_simple(lambda m=matrix, v=vector: m @ v, reps=reps))
        del matrix
        floor_label = f"float32 matvec {n:,} x {k} ({k // 16} of {read_groups} groups)"
        result.floors[f"matvec {n:,} x {k}"] = floor

        outcome = trace(engine.layout, engine.book, read_leak(engine.layout, leak), n)
        named = [s.position for s in outcome.accused]
        if outcome.verdict != "identified" or named != [leaker]:
            raise RuntimeError(f"trace among {n:,} named {named} ({outcome.verdict}), not {leaker}")

        full = Timing(
            measure_simple(
                lambda n=n, leak=leak: trace(
                    engine.layout, engine.book, read_leak(engine.layout, leak), n
                ),
                reps=reps,
            )
        )
        reading = Timing(
            measure_simple(lambda leak=leak: read_leak(engine.layout, leak), reps=reps)
        )
        result.rows += [
            Row("read_leak + trace", f"{n:,}", full, floor_label, floor),
            Row("read_leak alone", f"{n:,}", reading, floor_label, floor),
        ]
    result.notes.append(
        "each leak is the full copy of the recipient at position 0.7 N; every trace was "
        "checked to name exactly that recipient"
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
                app.sessions, app.key, memo_path, csv_path, out_dir, channels=channels
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
            "(copies written to tmpfs and deleted as they were written, but one)"
        )
        log("trace-cli: floor")
        startup = cli_startup(data_dir)
        result.floors["townsquare --help"] = startup

        def traced(args: list[str]) -> None:
            report = json.loads(run_cli(["leak", "trace", str(leak_path), "--json", *args], data_dir).stdout)
            named = [a["recipient_id"] for a in report["accused"]]
            if report["verdict"] != "identified" or named != [leaker]:
                raise RuntimeError(f"leak trace named {named} ({report['verdict']}), not {leaker}")

        log("trace-cli: townsquare leak trace")
        found = Timing(measure_simple(lambda: traced([]), reps=reps))
        given = Timing(measure_simple(lambda: traced(["--memo", memo_id]), reps=reps))
        result.rows += [
            Row(
                "townsquare leak trace --json (memo found by shingles)",
                f"{n:,}",
                found,
                "townsquare --help (start-up)",
                startup,
                target_s=TRACE_TARGET_S if n >= FULL.trace_cli else None,
            ),
            Row(
                "townsquare leak trace --json --memo ID",
                f"{n:,}",
                given,
                "townsquare --help (start-up)",
                startup,
                target_s=TRACE_TARGET_S if n >= FULL.trace_cli else None,
            ),
        ]
        result.notes.append(
            "every timed trace was checked to name exactly the leaker; each run also records "
            "a trace row in the database, as in real use"
        )
    return result


BENCHMARKS: dict[str, Callable[[Sizes, Callable[[str], None]], BenchResult]] = {
    "issue": bench_issue,
    "issue-cli": bench_issue_cli,
    "trace": bench_trace,
    "trace-cli": bench_trace_cli,
}

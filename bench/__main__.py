"""`python -m bench`: run the benchmarks, print a table each, write bench/results/latest.json.

Every figure is printed beside a FLOOR measured in the same run on the same
machine; compare ratios across machines, not absolute times.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import platform
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

import numpy as np
from rich.console import Console
from rich.table import Table

from bench.audit_bench import BENCHMARKS as AUDIT
from bench.canary_bench import BENCHMARKS as CANARY
from bench.canary_bench import FULL, QUICK, channels_in_use
from bench.moderation_bench import BENCHMARKS as MODERATION
from bench.timing import BenchResult, fmt_seconds

BENCHMARKS = {**CANARY, **MODERATION, **AUDIT}

RESULTS = Path(__file__).resolve().parent / "results" / "latest.json"


def _default_tmpdir() -> Path:
    if os.environ.get("TMPDIR"):
        return Path(os.environ["TMPDIR"])
    var_tmp = Path("/var/tmp")
    return var_tmp if os.access(var_tmp, os.W_OK) else Path(tempfile.gettempdir())


def _parse(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="python -m bench", description=__doc__)
    parser.add_argument("--quick", action="store_true", help="smaller sizes, for a quick look")
    parser.add_argument(
        "--only",
        action="append",
        metavar="NAME",
        help=f"run only this benchmark (repeatable or comma-separated): {', '.join(BENCHMARKS)}",
    )
    parser.add_argument(
        "--output", type=Path, default=RESULTS, help=f"JSON results file (default {RESULTS})"
    )
    parser.add_argument(
        "--tmpdir",
        type=Path,
        default=_default_tmpdir(),
        help="where temp databases, key files and copies go (default: $TMPDIR, else /var/tmp; "
        "on this machine creating files under /tmp costs ~0.7 ms each, ~30x /var/tmp)",
    )
    args = parser.parse_args(argv)
    names = [n.strip() for part in (args.only or []) for n in part.split(",") if n.strip()]
    unknown = [n for n in names if n not in BENCHMARKS]
    if unknown:
        parser.error(
            f"unknown benchmark(s) {', '.join(unknown)}; choose from {', '.join(BENCHMARKS)}"
        )
    args.names = names or list(BENCHMARKS)
    return args


def table(result: BenchResult) -> Table:
    t = Table(title=result.title, title_justify="left", show_lines=False)
    for col, justify in (
        ("measurement", "left"),
        ("N", "right"),
        ("figure (median)", "right"),
        ("runs min–max", "right"),
        ("rate", "right"),
        ("FLOOR", "left"),
        ("floor (median)", "right"),
        ("ratio", "right"),
        ("target", "right"),
    ):
        t.add_column(col, justify=justify)  # type: ignore[arg-type]
    for row in result.rows:
        rate = f"{row.rate:,.0f} {row.per_second[1]}/s" if row.rate and row.per_second else ""
        if row.target_s is None:
            target = ""
        elif row.meets_target:
            target = f"[green]≤ {row.target_s:g} s ✓[/]"
        else:
            target = f"[bold red]≤ {row.target_s:g} s ✗[/]"
        t.add_row(
            row.label,
            row.size,
            fmt_seconds(row.timing.median),
            f"{fmt_seconds(min(row.timing.runs))}–{fmt_seconds(max(row.timing.runs))}",
            rate,
            row.floor_label,
            fmt_seconds(row.floor.median),
            f"{row.ratio:.2f}×",
            target,
        )
    return t


def meta(quick: bool) -> dict[str, Any]:
    _, channel_note = channels_in_use()
    return {
        "date": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
        "nproc": os.cpu_count(),
        "affinity_cpus": len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else None,
        "machine": platform.machine(),
        "processor": platform.processor(),
        "platform": platform.platform(),
        "python": sys.version.split()[0],
        "numpy": np.__version__,
        "quick": quick,
        "sizes": (QUICK if quick else FULL).__dict__,
        "channels": channel_note,
        "timer": "time.perf_counter; median of 5 runs (3 for 1,000,000 recipients), 1 warm-up",
        "loadavg_start": os.getloadavg(),
    }


def _load(avg: tuple[float, float, float]) -> str:
    return "/".join(f"{x:.2f}" for x in avg)


def main(argv: list[str] | None = None) -> int:
    args = _parse(argv)
    console = Console()
    if not console.is_terminal and "COLUMNS" not in os.environ:
        console = Console(width=170)  # piped to a file: keep rows on one line
    sizes = QUICK if args.quick else FULL
    tempfile.tempdir = str(args.tmpdir)  # every scratch dir of the run goes there
    info = meta(args.quick)
    info["tmpdir"] = tempfile.tempdir
    console.print(
        f"[bold]townsquare benchmarks[/] {info['date']}  nproc={info['nproc']}  "
        f"python {info['python']}  numpy {info['numpy']}  "
        + ("[yellow]--quick[/]" if args.quick else "full sizes")
    )
    console.print(f"[dim]{info['channels']}[/]")
    console.print(f"[dim]scratch files under {info['tmpdir']}[/]")

    def log(message: str) -> None:
        console.print(f"[dim]… {message}[/]")

    results: list[BenchResult] = []
    started = time.perf_counter()
    for name in args.names:
        t0 = time.perf_counter()
        result = BENCHMARKS[name](sizes, log)
        results.append(result)
        console.print(table(result))
        for note in result.notes:
            console.print(f"  [dim]• {note}[/]")
        console.print(f"  [dim]({name} took {time.perf_counter() - t0:.0f} s)[/]\n")

    missed = [
        f"{r.name}: {row.label} {fmt_seconds(row.timing.median)} > {row.target_s:g} s"
        for r in results
        for row in r.rows
        if row.meets_target is False
    ]
    for line in missed:
        console.print(f"[bold red]target missed[/] {line}")
    info["total_s"] = time.perf_counter() - started
    info["loadavg_end"] = os.getloadavg()
    console.print(
        f"load average at start {_load(info['loadavg_start'])}, at end {_load(info['loadavg_end'])}"
        f" (nproc={info['nproc']}; other work on the machine shows up as noise)"
    )
    args.output.parent.mkdir(parents=True, exist_ok=True)
    args.output.write_text(
        json.dumps({"meta": info, "benchmarks": [r.to_dict() for r in results]}, indent=2) + "\n",
        encoding="utf-8",
    )
    console.print(f"results written to {args.output}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

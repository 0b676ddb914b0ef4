"""How well leak tracing survives each disguise, on real English and French texts.

    .venv/bin/python -m bench.attack_suite [--trials N] [--recipients 1000] [--markdown] [--holdout]

Every text x attack x trial gets a fresh random memo seed and fresh random
leakers; the leak is read and traced as the service would. Prints one table
per language; --markdown also writes docs/attack-suite.md, --json the raw records.
--holdout runs on bench/holdout/ (texts no rule was written against) and prints only.
"""

from __future__ import annotations

import argparse
import json
import time
from dataclasses import asdict
from pathlib import Path

from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table

from bench.attack_cases import (
    CASES,
    HOLDOUT_DIR,
    TEXTS_DIR,
    Record,
    build_memo,
    load_texts,
    run_case,
)
from bench.attack_report import HEADER, markdown_report, summary_rows

DOC = Path(__file__).resolve().parent.parent / "docs" / "attack-suite.md"


def run_suite(
    trials: int,
    recipients: int,
    ocr: bool = True,
    console: Console | None = None,
    directory: Path = TEXTS_DIR,
) -> tuple[list[Record], dict[str, str], float]:
    """All records, notes per text (e.g. a missing channel) and the total seconds."""
    texts = load_texts(directory)
    cases = [c for c in CASES if ocr or not c.ocr]
    records: list[Record] = []
    notes: dict[str, str] = {}
    started = time.perf_counter()
    columns = (
        TextColumn("{task.description:<44}"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
    )
    with Progress(*columns, console=console, transient=True) as progress:
        task = progress.add_task("attacks", total=len(texts) * len(cases) * trials)
        for name in texts:
            memo = build_memo(name, texts)
            if memo.note:
                notes[name] = memo.note
            for case in cases:
                progress.update(task, description=f"{name}: {case.name}")
                for trial in range(trials):
                    records.append(run_case(memo, case, recipients, trial))
                    progress.advance(task)
    return records, notes, time.perf_counter() - started


def _table(language: str, records: list[Record]) -> Table:
    table = Table(title=f"{language}: {len({r.text for r in records})} texts")
    for i, head in enumerate(HEADER):
        table.add_column(head, justify="left" if i == 0 else "right")
    for row in summary_rows(records):
        table.add_row(*row)
    return table


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.attack_suite", description=__doc__)
    parser.add_argument("--trials", type=int, default=5, help="trials per text and attack")
    parser.add_argument("--recipients", type=int, default=1000)
    parser.add_argument("--markdown", action="store_true", help=f"write {DOC}")
    parser.add_argument("--json", type=Path, help="write every record to this file")
    parser.add_argument("--no-ocr", action="store_true", help="skip the screenshot attack")
    parser.add_argument(
        "--holdout", action="store_true", help="run on bench/holdout (never tuned on)"
    )
    args = parser.parse_args(argv)
    if args.holdout and args.markdown:
        parser.error("--markdown documents the fixture texts; --holdout only prints")
    console = Console(width=None if Console().is_terminal else 150)
    directory = HOLDOUT_DIR if args.holdout else TEXTS_DIR
    records, notes, seconds = run_suite(
        args.trials, args.recipients, not args.no_ocr, console, directory
    )
    for language in ("en", "fr"):
        console.print(_table(language, [r for r in records if r.language == language]))
    for name, note in notes.items():
        console.print(f"[yellow]{name}: {note}[/yellow]")
    console.print(f"{len(records)} traces in {seconds:.0f} s")
    if args.json:
        args.json.write_text(json.dumps([asdict(r) for r in records], indent=1))
    if args.markdown:
        DOC.parent.mkdir(parents=True, exist_ok=True)
        DOC.write_text(markdown_report(records, notes, args.trials, args.recipients, seconds))
        console.print(f"wrote {DOC}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

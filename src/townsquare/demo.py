"""`make run` before the server exists: a self-contained leak-tracing demonstration."""

from __future__ import annotations

import csv
import random
import tempfile
import unicodedata
from collections.abc import Callable
from importlib import resources
from pathlib import Path
from typing import Any

from rich.console import Console

from townsquare.bootstrap import App
from townsquare.canary.normalize import fold_typography, strip_zero_width
from townsquare.services.leaks import trace_leak
from townsquare.services.memos import issue_memo

FIRST = ["Ada", "Ben", "Chloé", "Dev", "Eva", "Femi", "Gus", "Hana", "Ivan", "Jo", "Kai", "Lea"]
LAST = ["Martin", "Okoro", "Dubois", "Singh", "Novak", "Garcia", "Kim", "Rossi", "Smith", "Haas"]


def _recipients(path: Path, n: int, rng: random.Random) -> None:
    with path.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(["id", "name", "email"])
        for i in range(n):
            name = f"{rng.choice(FIRST)} {rng.choice(LAST)}"
            writer.writerow([f"e{i:05d}", name, f"e{i:05d}@example.org"])


def _cleaned(text: str) -> str:
    """What a careful leaker does: NFKC, no invisible characters, ASCII typography, one space."""
    text = fold_typography(strip_zero_width(unicodedata.normalize("NFKC", text)))
    return " ".join(text.split())


def run_demo(
    app: App, recipients: int, out: Console, show: Callable[[dict[str, Any]], None]
) -> None:
    rng = random.Random()
    work = Path(tempfile.mkdtemp(prefix="townsquare-demo-"))
    memo = work / "memo_en.md"
    memo.write_text(resources.files("townsquare.samples").joinpath("memo_en.md").read_text("utf-8"),
                   encoding="utf-8")
    csv_path = work / "recipients.csv"
    _recipients(csv_path, recipients, rng)
    out.rule("1. Issue")
    result = issue_memo(
        app.sessions,
        app.key,
        memo,
        csv_path,
        work / "copies",
        title="Q3 platform integrity update (demo)",
    )
    out.print(f"memo {result.memo_id}: {result.copies} copies in {result.out_dir}")
    for c in result.plan.capacity:
        out.print(f"  {c.channel}: {c.slots} slots")
    leaker = f"e{rng.randrange(recipients):05d}"
    copy = (result.out_dir / f"{leaker}.md").read_text("utf-8")
    out.print(f"secretly chosen leaker: [bold]{leaker}[/]")
    paragraphs = [p for p in copy.split("\n\n") if len(p) > 300]
    leaks = {
        "the full copy, pasted": copy,
        "one paragraph, pasted": rng.choice(paragraphs),
        "the full copy, cleaned (NFKC, no invisibles, ASCII, one space)": _cleaned(copy),
    }
    for n, (label, text) in enumerate(leaks.items(), start=2):
        out.rule(f"{n}. Trace: {label}")
        path = work / f"leak{n}.txt"
        path.write_text(text, encoding="utf-8")
        show(trace_leak(app.sessions, app.key, path))
    out.rule("Done")
    out.print(f"files are in {work}; `townsquare memo list` shows the stored memo")

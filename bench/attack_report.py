"""Summaries of attack-suite records: table rows and the docs/attack-suite.md page."""

from __future__ import annotations

import datetime as dt
import os
import platform
import statistics
from collections.abc import Iterable

from bench.attack_cases import CASES, SCREENSHOT_SENTENCES, Record

HEADER = (
    "attack",
    "trials",
    "identified",
    "false acc.",
    "id/inc/none",
    "slots read",
    "misread",
    "needed sent.",
    "seconds",
)
COLUMNS = (
    "*trials*: texts x trials; *identified*: a true leaker (for collusion, at least one "
    "colluder) accused; *false acc.*: accused recipients who did not leak, summed; "
    "*id/inc/none*: verdicts identified / inconclusive / no_match; *slots read*: median "
    "slots read (median share of the memo's slots); *misread*: share of read slots read as a "
    "symbol no leaker's copy has there (evidence against the leakers); *needed sent.*: median "
    "`needed_sentences` of the inconclusive traces (unbounded ones counted apart); "
    "*seconds*: median read + trace time (+ OCR for screenshots)."
)


def _median(values: Iterable[float]) -> float | None:
    data = list(values)
    return statistics.median(data) if data else None


def _fmt(value: float | None, digits: int = 0) -> str:
    return "–" if value is None else f"{value:.{digits}f}"


def _share(part: int, whole: int) -> str:
    return f"{100 * part / whole:.1f}%" if whole else "–"


def summary_rows(records: list[Record]) -> list[tuple[str, ...]]:
    rows = []
    for case in CASES:
        rs = [r for r in records if r.attack == case.name]
        if not rs:
            continue
        hits = sum(r.identified for r in rs)
        ident = f"{hits}/{len(rs)} ({100 * hits / len(rs):.0f}%)" if case.colluders else "n/a"
        verdicts = [sum(r.verdict == v for r in rs) for v in ("identified", "inconclusive")]
        verdicts.append(len(rs) - sum(verdicts))
        needed = [r.needed_sentences for r in rs if r.verdict == "inconclusive"]
        rows.append(
            (
                case.name,
                str(len(rs)),
                ident,
                str(sum(r.false_accusations for r in rs)),
                "/".join(map(str, verdicts)),
                f"{_fmt(_median(r.slots_read for r in rs))} "
                f"({_fmt(_median(100 * r.slots_read / r.slots_total for r in rs))}%)",
                _share(sum(sum(r.misread.values()) for r in rs), sum(r.slots_read for r in rs))
                if case.colluders
                else "n/a",
                _fmt(_median(n for n in needed if n is not None))
                + (f" ({needed.count(None)} unbounded)" if None in needed else ""),
                _fmt(_median(r.seconds for r in rs), 2),
            )
        )
    return rows


def _markdown_table(header: Iterable[str], rows: Iterable[Iterable[str]]) -> str:
    head = list(header)
    lines = ["| " + " | ".join(head) + " |", "|" + "---|" * len(head)]
    lines += ["| " + " | ".join(row) + " |" for row in rows]
    return "\n".join(lines)


def _per_text(records: list[Record]) -> str:
    texts = sorted({r.text for r in records})
    rows = []
    for case in CASES:
        cells = []
        for text in texts:
            rs = [r for r in records if r.attack == case.name and r.text == text]
            ok = sum(r.identified if case.colluders else not r.accused for r in rs)
            cells.append(f"{ok}/{len(rs)}" if rs else "–")
        rows.append((case.name, *cells))
    return _markdown_table(("attack (leaker named / nobody accused)", *texts), rows)


def _failures(records: list[Record]) -> list[str]:
    out = []
    for r in records:
        if r.false_accusations or (r.leakers and not r.identified):
            out.append(
                f"- {r.text} · {r.attack} · trial {r.trial}: {r.verdict}, "
                f"{r.false_accusations} innocent accused, {r.sentences_matched} sentences "
                f"matched, slots read {r.slots_read}/{r.slots_total} {r.channels_read}, "
                f"misread {r.misread or 0}, needed {r.needed_sentences}"
            )
    return out


def _machine() -> str:
    try:
        import pytesseract

        tess = str(pytesseract.get_tesseract_version())
    except Exception:  # a report, not a check: any failure just means "unknown"
        tess = "unknown"
    return (
        f"{platform.platform()}, {os.cpu_count()} CPUs, Python {platform.python_version()}, "
        f"Tesseract {tess}"
    )


def markdown_report(
    records: list[Record], notes: dict[str, str], trials: int, recipients: int, seconds: float
) -> str:
    texts = sorted({r.text for r in records})
    parts = [
        "# Attack suite: leak tracing against disguised leaks",
        "",
        f"Generated {dt.date.today().isoformat()} by `python -m bench.attack_suite "
        f"--trials {trials} --recipients {recipients} --markdown` in {seconds:.0f} s "
        f"on {_machine()}.",
        "",
        "## Method",
        "",
        f"- Texts: {', '.join(texts)} (real prose, see tests/fixtures/texts/SOURCES.md).",
        f"- {recipients} recipients, channels spacing, typography, lexical and zero_width, "
        "false-accusation threshold 1e-6 (the engine default).",
        f"- {trials} trial(s) per text and attack; each trial draws a fresh 32-byte memo seed "
        "(`os.urandom`) and fresh random leakers, so codewords differ every trial.",
        "- The leak is built by `bench/attacks.py` from the leakers' copies, then traced with "
        "`read_leak` + `trace` (no database). Screenshots: the first "
        f"{SCREENSHOT_SENTENCES} sentences rendered with `render_text_image` (DejaVu Sans "
        "28 px, 1400 px wide), saved as PNG, read with `text_from_image(..., 'en+fr')`, "
        "then `read_leak(..., invisible_lost=True)`.",
        f"- Columns: {COLUMNS}",
        "",
    ]
    if notes:
        parts += ["**Notes:**", "", *[f"- {k}: {v}" for k, v in notes.items()], ""]
    for language in ("en", "fr"):
        rs = [r for r in records if r.language == language]
        if rs:
            parts += [f"## {language}", "", _markdown_table(HEADER, summary_rows(rs)), ""]
    parts += ["## Per text", "", _per_text(records), ""]
    failures = _failures(records)
    parts += ["## Trials that missed or accused an innocent", ""]
    parts += failures or ["None."]
    return "\n".join(parts) + "\n"

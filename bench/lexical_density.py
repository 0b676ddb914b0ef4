"""Lexical capacity of the sample texts: slots and bits per sentence.

Run: .venv/bin/python bench/lexical_density.py [--real | --all] [--by-rule] [FILE ...]
Without files, reads every memo in tests/fixtures/lexical/ (written for the
tests); `--real` reads the real texts in tests/fixtures/texts/ instead (Debian
documentation nobody here wrote), `--all` both. The language comes from the
file name prefix, en_ or fr_, else it is detected.

`--holdout` reads bench/holdout/ instead: other chapters of the same book, kept
out of the fixtures and never used to write or tune a rule (see its SOURCES.md),
so the figure estimates prose the rules have not seen.

`python -m bench.lexical_density --attacks N [--holdout]` runs the attack suite's rows that
only the lexical channel survives (cleaned 12-sentence and retyped 20-sentence
excerpts, N trials per real text) and its controls (pasted, cleaned and retyped
full copies, unmarked original, unrelated text; 5 trials each), as
`bench.attack_suite` does but without OCR, and prints one table per language.
"""

from __future__ import annotations

import argparse
import math
import sys
from collections import Counter
from pathlib import Path

from townsquare.canary.lexical import find_lexical
from townsquare.canary.model import Language
from townsquare.canary.segment import canonicalize, detect_language, segment

ROOT = Path(__file__).resolve().parent.parent / "tests" / "fixtures"
FIXTURES = ROOT / "lexical"
# bench.attack_cases has the same two paths; this file also runs as a plain script,
# where the bench package cannot be imported.
REAL = ROOT / "texts"
HOLDOUT = Path(__file__).resolve().parent / "holdout"


def language_of(path: Path, text: str) -> Language:
    if path.name.startswith("en_"):
        return "en"
    if path.name.startswith("fr_"):
        return "fr"
    return detect_language(text)


def measure(path: Path) -> tuple[Language, int, int, float, Counter[str], dict[str, float]]:
    text = canonicalize(path.read_text(encoding="utf-8"))
    lang = language_of(path, text)
    sentences, tokens = segment(text, lang)
    cands = find_lexical(text, sentences, tokens, lang)
    bits = sum(math.log2(len(c.variants)) for c in cands)
    slots: Counter[str] = Counter()
    family_bits: dict[str, float] = {}
    for c in cands:
        family = ".".join(c.rule.split(".")[:2])
        slots[family] += 1
        family_bits[family] = family_bits.get(family, 0.0) + math.log2(len(c.variants))
    return lang, len(sentences), len(cands), bits, slots, family_bits


def files_for(args: argparse.Namespace) -> list[Path]:
    if args.files:
        return list(args.files)
    files: list[Path] = []
    if args.holdout:
        return sorted(HOLDOUT.glob("*.txt"))
    if not args.real or args.all:
        files += sorted(FIXTURES.glob("*.md"))
    if args.real or args.all:
        files += sorted(REAL.glob("*.txt"))
    return files


KEY_ATTACKS = ("cleaned 12 sentences", "retyped 20 sentences")
CONTROLS = (
    "pasted full copy",
    "cleaned full copy",
    "retyped full copy",
    "unmarked original",
    "unrelated text",
)


def attack_rows(trials: int, control_trials: int = 5, directory: Path = REAL) -> int:
    """The lexical-only attack rows, `trials` per real text, as markdown tables."""
    from bench.attack_cases import CASES, Record, build_memo, load_texts, run_case
    from bench.attack_report import HEADER, summary_rows

    texts = load_texts(directory)
    records: list[Record] = []
    for name in texts:
        memo = build_memo(name, texts)
        for case in CASES:
            n = trials if case.name in KEY_ATTACKS else control_trials * (case.name in CONTROLS)
            records.extend(run_case(memo, case, 1000, trial) for trial in range(n))
    for language in ("en", "fr"):
        print(f"\n{language}\n\n| " + " | ".join(HEADER) + " |\n|" + "---|" * len(HEADER))
        for row in summary_rows([r for r in records if r.language == language]):
            print("| " + " | ".join(row) + " |")
    print()
    for attack in KEY_ATTACKS:
        cells = [
            f"{name} {sum(r.identified for r in records if r.text == name and r.attack == attack)}"
            for name in texts
        ]
        print(f"{attack}, leaker named per text (of {trials}): " + ", ".join(cells))
    print("innocents accused:", sum(r.false_accusations for r in records))
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("files", nargs="*", type=Path)
    parser.add_argument("--by-rule", action="store_true", help="slots and bits per rule family")
    parser.add_argument("--real", action="store_true", help="real texts (tests/fixtures/texts)")
    parser.add_argument("--all", action="store_true", help="test memos and real texts")
    parser.add_argument(
        "--holdout", action="store_true", help="held-out real texts (bench/holdout), never tuned on"
    )
    parser.add_argument(
        "--attacks", type=int, metavar="N", help="lexical-only attack rows, N trials per text"
    )
    args = parser.parse_args(argv)
    if args.attacks:
        return attack_rows(args.attacks, directory=HOLDOUT if args.holdout else REAL)
    header = (
        f"{'text':<16} {'lang':<4} {'sent':>5} {'slots':>6} {'slots/sent':>10} {'bits/sent':>9}"
    )
    print(header)
    print("-" * len(header))
    totals: dict[str, list[float]] = {}  # language -> [sentences, slots, bits]
    for path in files_for(args):
        lang, n_sent, n_slots, bits, slots, family_bits = measure(path)
        print(
            f"{path.stem:<16} {lang:<4} {n_sent:>5} {n_slots:>6} "
            f"{n_slots / n_sent:>10.2f} {bits / n_sent:>9.2f}"
        )
        t = totals.setdefault(lang, [0.0, 0.0, 0.0])
        t[0] += n_sent
        t[1] += n_slots
        t[2] += bits
        if args.by_rule:
            for family, count in slots.most_common():
                print(f"    {family:<22} {count:>4} slots {family_bits[family]:>6.1f} bits")
    print("-" * len(header))
    for name, (sents, slots_total, bits_total) in sorted(totals.items()):
        print(
            f"{'all ' + name:<16} {name:<4} {int(sents):>5} {int(slots_total):>6} "
            f"{slots_total / sents:>10.2f} {bits_total / sents:>9.2f}"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())

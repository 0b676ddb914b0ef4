"""Lexical capacity of the sample texts: slots and bits per sentence.

Run: .venv/bin/python bench/lexical_density.py [--by-rule] [FILE ...]
Without files, reads every text in tests/fixtures/lexical/ (language from the
file name prefix, en_ or fr_, else detected).
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

FIXTURES = Path(__file__).resolve().parent.parent / "tests" / "fixtures" / "lexical"


def language_of(path: Path, text: str) -> Language:
    if path.name.startswith("en_"):
        return "en"
    if path.name.startswith("fr_"):
        return "fr"
    return detect_language(text)


def measure(path: Path) -> tuple[Language, int, int, float, Counter[str]]:
    text = canonicalize(path.read_text(encoding="utf-8"))
    lang = language_of(path, text)
    sentences, tokens = segment(text, lang)
    cands = find_lexical(text, sentences, tokens, lang)
    bits = sum(math.log2(len(c.variants)) for c in cands)
    families = Counter(".".join(c.rule.split(".")[:2]) for c in cands)
    return lang, len(sentences), len(cands), bits, families


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("files", nargs="*", type=Path)
    parser.add_argument("--by-rule", action="store_true", help="slots per rule family")
    args = parser.parse_args(argv)
    files = args.files or sorted(FIXTURES.glob("*.md"))
    header = (
        f"{'text':<16} {'lang':<4} {'sent':>5} {'slots':>6} {'slots/sent':>10} {'bits/sent':>9}"
    )
    print(header)
    print("-" * len(header))
    totals: dict[str, list[float]] = {}
    for path in files:
        lang, n_sent, n_slots, bits, families = measure(path)
        print(
            f"{path.stem:<16} {lang:<4} {n_sent:>5} {n_slots:>6} "
            f"{n_slots / n_sent:>10.2f} {bits / n_sent:>9.2f}"
        )
        t = totals.setdefault(lang, [0, 0, 0.0])
        t[0] += n_sent
        t[1] += n_slots
        t[2] += bits
        if args.by_rule:
            for family, count in families.most_common():
                print(f"    {family:<22} {count:>4}")
    print("-" * len(header))
    for lang, (n_sent, n_slots, bits) in sorted(totals.items()):
        print(
            f"{'all ' + lang:<16} {lang:<4} {int(n_sent):>5} {int(n_slots):>6} "
            f"{n_slots / n_sent:>10.2f} {bits / n_sent:>9.2f}"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())

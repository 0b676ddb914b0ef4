"""How well screenshots keep one vs two spaces after sentences, by font size and format.

    .venv/bin/python -m bench.ocr_gaps [--sizes 20,24,28,32] [--seeds 2] [--quality 85]

Renders English and French memos (sentence gaps: a random mix, all single,
all double) with DejaVu Sans, 1400 px wide, as PNG and JPEG; runs Tesseract;
rebuilds the spacing; compares with the source.  "single max" and "double min"
are the widest gap read as one space and the narrowest read as two, in units
of the page's ordinary word gap (the default threshold is 1.47).
"""

from __future__ import annotations

import argparse
import io
import random
import statistics
import time
from dataclasses import dataclass, field

from PIL import Image
from rich.console import Console
from rich.table import Table

from townsquare.ocr import text_from_image
from townsquare.ocr.render import render_text_image
from townsquare.ocr.scoring import compare_spacing

ENGLISH = [
    "The quarterly review of the moderation queues is now complete.",
    "Response times improved in every region except one.",
    "Why did the backlog in the southern region grow?",
    "Staffing shortages during the holiday period explain most of it.",
    "Please do not share these figures outside the company.",
    "The board will discuss the results on Thursday morning.",
    "This matters!",
    "Each team lead should prepare a short summary of their findings.",
    'The summary should be titled "Regional review."',
    "Include the number of appeals, reversals and escalations.",
    "(The annex lists every region.)",
    "If you have questions, contact the policy office before Friday.",
    "Several reviewers asked whether the new labels would reduce errors.",
    "Early data suggests they do, but the sample is still small.",
    "Is the timeline realistic?",
    "We believe it is, provided the hiring plan goes ahead.",
]
FRENCH = [
    "La revue trimestrielle des files de modération est terminée.",
    "Les délais de réponse se sont améliorés partout sauf dans une région.",
    "Pourquoi le retard a-t-il augmenté dans la région du sud\u00a0?",
    "Le manque d'effectifs pendant les fêtes explique l'essentiel de l'écart.",
    "Merci de ne pas diffuser ces chiffres à l'extérieur de l'entreprise.",
    "Le conseil étudiera les résultats jeudi matin.",
    "C'est essentiel\u00a0!",
    "Chaque responsable d'équipe préparera une synthèse de ses constats.",
    "Elle s'intitulera «\u00a0Revue régionale\u00a0».",
    "Indiquez le nombre d'appels, d'annulations et d'escalades.",
    "(L'annexe détaille chaque région.)",
    "Pour toute question, écrivez au service juridique avant vendredi.",
    "Plusieurs modérateurs ont demandé si les nouvelles étiquettes aideraient.",
    "Les premières données le suggèrent, mais l'échantillon reste réduit.",
    "Le calendrier est-il réaliste\u00a0?",
    "Nous le pensons, à condition que le plan de recrutement soit maintenu.",
]
PATTERNS = {"mixed": 0.5, "single": 0.0, "double": 1.0}


@dataclass
class Cell:
    images: int = 0
    compared: int = 0
    agreeing: int = 0
    word_accuracy: list[float] = field(default_factory=list)
    seconds: list[float] = field(default_factory=list)
    single_max: float = 0.0
    double_min: float = float("inf")


def memo(sentences: list[str], seed: int, p_double: float) -> str:
    """Two paragraphs of shuffled sentences; each sentence gap is double with p_double."""
    rng = random.Random(seed)
    shuffled = rng.sample(sentences, len(sentences))
    half = len(shuffled) // 2
    paragraphs = []
    for part in (shuffled[:half], shuffled[half:]):
        gaps = ["  " if rng.random() < p_double else " " for _ in part[1:]] + [""]
        paragraphs.append("".join(s + g for s, g in zip(part, gaps, strict=True)))
    return "\n\n".join(paragraphs)


def as_jpeg(image: Image.Image, quality: int) -> Image.Image:
    buffer = io.BytesIO()
    image.save(buffer, "JPEG", quality=quality)
    buffer.seek(0)
    return Image.open(buffer)


def measure(size: int, fmt: str, seeds: int, quality: int) -> Cell:
    cell = Cell()
    for language, sentences in (("en", ENGLISH), ("fr", FRENCH)):
        for index, p_double in enumerate(PATTERNS.values()):
            for seed in range(seeds):
                source = memo(sentences, 100 * index + seed, p_double)
                image = render_text_image(source, font_size=size)
                if fmt == "jpeg":
                    image = as_jpeg(image, quality)
                start = time.perf_counter()
                result = text_from_image(image, language=language)
                cell.seconds.append(time.perf_counter() - start)
                score = compare_spacing(source, result.text)
                cell.images += 1
                cell.compared += score.gaps_compared
                cell.agreeing += score.gaps_agreeing
                cell.word_accuracy.append(score.word_accuracy)
                for gap in result.gaps:
                    ratio = gap.width / result.space_width
                    if gap.double:
                        cell.double_min = min(cell.double_min, ratio)
                    else:
                        cell.single_max = max(cell.single_max, ratio)
    return cell


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sizes", default="20,24,28,32")
    parser.add_argument("--seeds", type=int, default=2)
    parser.add_argument("--quality", type=int, default=85, help="JPEG quality")
    args = parser.parse_args()
    table = Table(title="Sentence-gap recovery from screenshots (DejaVu Sans, 1400 px)")
    for column in ("font px", "format", "images", "gaps", "gap accuracy", "words (min)"):
        table.add_column(column, justify="right")
    for column in ("single max", "double min", "s/image"):
        table.add_column(column, justify="right")
    for size in (int(s) for s in args.sizes.split(",")):
        for fmt in ("png", "jpeg"):
            cell = measure(size, fmt, args.seeds, args.quality)
            label = fmt if fmt == "png" else f"jpeg q{args.quality}"
            wrong = cell.compared - cell.agreeing
            table.add_row(
                str(size),
                label,
                str(cell.images),
                str(cell.compared),
                f"{cell.agreeing / max(1, cell.compared):.1%} ({wrong} wrong)",
                f"{statistics.fmean(cell.word_accuracy):.1%} ({min(cell.word_accuracy):.1%})",
                f"{cell.single_max:.2f}",
                f"{cell.double_min:.2f}",
                f"{statistics.median(cell.seconds):.2f}",
            )
    Console(width=130).print(table)


if __name__ == "__main__":
    main()

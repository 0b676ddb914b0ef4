"""Screenshots through Tesseract: the words and the sentence spacing come back."""

from __future__ import annotations

import random
from pathlib import Path

import pytest
from PIL import Image, ImageFont

from townsquare.ocr import OcrError, Reconstruction, text_from_image
from townsquare.ocr.render import DEFAULT_FONT_PATH, render_text_image, wrap_paragraph
from townsquare.ocr.scoring import SpacingScore, compare_spacing
from townsquare.ocr.tesseract import tesseract_language

pytestmark = pytest.mark.ocr

ENGLISH = [
    "The quarterly review of the moderation queues is now complete.",
    "Response times improved in every region except one.",
    "Why did the backlog in the southern region grow?",
    "Staffing shortages during the holidays explain most of it.",
    "Please do not share these figures outside the company.",
    "The board will discuss the results on Thursday morning.",
    "This matters!",
    "Each team lead should prepare a short summary of their findings.",
    'The summary should be titled "Regional review."',
    "Include the number of appeals, reversals and escalations.",
    "If you have questions, contact the policy office before Friday.",
    "Thank you for your hard work over the last three months.",
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
    "Pour toute question, écrivez au service juridique avant vendredi.",
    "Nous vous remercions pour le travail accompli depuis trois mois.",
]


def fingerprinted(sentences: list[str], seed: int) -> str:
    """One paragraph; a seeded random half of the sentence gaps are two spaces."""
    gaps = len(sentences) - 1
    doubles = set(random.Random(seed).sample(range(gaps), gaps // 2))
    spaces = ["  " if i in doubles else " " for i in range(gaps)] + [""]
    return "".join(s + gap for s, gap in zip(sentences, spaces, strict=True))


def read_back(source: str, path: Path, language: str) -> tuple[Reconstruction, SpacingScore]:
    result = text_from_image(path, language=language)
    return result, compare_spacing(source, result.text)


def assert_recovered(score: SpacingScore) -> None:
    assert score.word_accuracy >= 0.95, score
    assert score.gaps_compared >= 7, score  # a few gaps fall at line breaks
    assert score.gap_accuracy >= 0.95, score


@pytest.mark.parametrize("seed", [1, 2])
def test_english_png(tmp_path: Path, seed: int) -> None:
    source = fingerprinted(ENGLISH, seed)
    path = tmp_path / "leak.png"
    render_text_image(source).save(path)
    result, score = read_back(source, path, "en")
    assert_recovered(score)
    # One recovered line per rendered line.
    font = ImageFont.truetype(DEFAULT_FONT_PATH, 28)
    assert result.text.count("\n") + 1 == len(wrap_paragraph(source, font, 1400 - 80))


def test_french_png_with_accents(tmp_path: Path) -> None:
    source = fingerprinted(FRENCH, 3)
    path = tmp_path / "fuite.png"
    render_text_image(source).save(path)
    result, score = read_back(source, path, "fr")
    assert_recovered(score)
    assert "modération" in result.text and "équipe" in result.text


def test_jpeg_quality_85(tmp_path: Path) -> None:
    source = fingerprinted(ENGLISH, 4)
    path = tmp_path / "leak.jpg"
    render_text_image(source, font_size=24).save(path, "JPEG", quality=85)
    _, score = read_back(source, path, "en")
    assert_recovered(score)


def test_paragraphs_come_back_separated(tmp_path: Path) -> None:
    source = fingerprinted(ENGLISH[:4], 5) + "\n\n" + fingerprinted(ENGLISH[4:8], 6)
    image = render_text_image(source, width_px=1800)
    result = text_from_image(image, language="en+fr")
    assert result.text.count("\n\n") == 1
    assert compare_spacing(source, result.text).gap_accuracy == 1.0


def test_corrupt_file_is_a_clear_error(tmp_path: Path) -> None:
    path = tmp_path / "leak.png"
    render_text_image("Short text.").save(path)
    path.write_bytes(path.read_bytes()[:200])
    with pytest.raises(OcrError, match=r"leak\.png cannot be read as an image"):
        text_from_image(path)


def test_language_codes() -> None:
    assert tesseract_language("en") == "eng"
    assert tesseract_language("en+fr") == "eng+fra"
    assert tesseract_language("fra") == "fra"


def test_unknown_language_is_a_clear_error() -> None:
    with pytest.raises(OcrError, match="language data missing for xx"):
        text_from_image(Image.new("RGB", (100, 50), "white"), language="xx")

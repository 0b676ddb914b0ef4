"""Image files: recognising them, and refusing unreadable ones clearly."""

from __future__ import annotations

from pathlib import Path

import pytest
from PIL import Image

from townsquare.ocr.tesseract import is_image_file, load_image
from townsquare.ocr.word import OcrError


@pytest.mark.parametrize("fmt", ["PNG", "JPEG", "GIF", "BMP", "TIFF", "WEBP"])
def test_image_formats_are_recognised_and_load(tmp_path: Path, fmt: str) -> None:
    path = tmp_path / f"shot.{fmt.lower()}"
    Image.new("RGB", (40, 20), "white").save(path, fmt)
    assert is_image_file(path)
    assert load_image(path).size == (40, 20)


@pytest.mark.parametrize(
    "content", [b"", b"plain text, not an image", b"RIFF\x00\x00\x00\x00WAVEfmt "]
)
def test_other_files_are_not_images(tmp_path: Path, content: bytes) -> None:
    path = tmp_path / "file.bin"
    path.write_bytes(content)
    assert not is_image_file(path)


def test_missing_file_is_not_an_image(tmp_path: Path) -> None:
    assert not is_image_file(tmp_path / "absent.png")
    with pytest.raises(OcrError, match="cannot be read as an image: no such file"):
        load_image(tmp_path / "absent.png")


def test_garbage_raises_ocr_error(tmp_path: Path) -> None:
    path = tmp_path / "leak.png"
    path.write_bytes(b"this is not a PNG at all")
    with pytest.raises(OcrError, match="cannot be read as an image"):
        load_image(path)


def test_truncated_png_raises_ocr_error(tmp_path: Path) -> None:
    path = tmp_path / "cut.png"
    Image.effect_noise((200, 200), 50).save(path)
    path.write_bytes(path.read_bytes()[:400])
    assert is_image_file(path)  # the header is fine, the body is not
    with pytest.raises(OcrError, match="cannot be read as an image"):
        load_image(path)

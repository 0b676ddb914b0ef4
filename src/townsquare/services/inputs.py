"""Reading user files (memos, recipient lists, leaks) with clear errors for bad input."""

from __future__ import annotations

import csv
import io
import re
from dataclasses import dataclass
from pathlib import Path

from townsquare.canary.model import CanaryError

RECIPIENT_ID_RE = re.compile(r"[A-Za-z0-9][A-Za-z0-9._@+-]{0,127}")
IMAGE_MAGIC = (
    b"\x89PNG\r\n\x1a\n",
    b"\xff\xd8\xff",
    b"GIF87a",
    b"GIF89a",
    b"BM",
    b"II*\x00",
    b"MM\x00*",
    b"RIFF",
)


class InputError(CanaryError):
    """A user-supplied file or argument cannot be used as given."""


@dataclass(frozen=True)
class Recipient:
    id: str
    name: str
    email: str


def read_bytes(path: Path, what: str) -> bytes:
    try:
        return path.read_bytes()
    except FileNotFoundError:
        raise InputError(f"{what} {path} does not exist") from None
    except IsADirectoryError:
        raise InputError(f"{what} {path} is a directory, not a file") from None
    except OSError as exc:
        raise InputError(f"cannot read {what} {path}: {exc.strerror or exc}") from None


def decode_utf8(data: bytes, path: Path, what: str) -> str:
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise InputError(
            f"{what} {path} is not UTF-8 text (invalid byte 0x{data[exc.start]:02x} at "
            f"offset {exc.start}); save it as UTF-8 and try again"
        ) from None
    if "\x00" in text:
        raise InputError(f"{what} {path} looks binary (it contains NUL bytes), not text")
    return text


def read_memo(path: Path) -> str:
    text = decode_utf8(read_bytes(path, "memo"), path, "memo")
    if not text.strip():
        raise InputError(f"memo {path} is empty")
    return text


def read_recipients(path: Path) -> list[Recipient]:
    """Rows of a CSV with header id,name,email; ids unique and usable as file names."""
    text = decode_utf8(read_bytes(path, "recipient list"), path, "recipient list")
    reader = csv.reader(io.StringIO(text, newline=""), strict=True)
    try:
        rows = list(reader)
    except csv.Error as exc:
        raise InputError(f"recipient list {path} is not valid CSV: {exc}") from None
    rows = [r for r in rows if any(cell.strip() for cell in r)]
    if not rows:
        raise InputError(f"recipient list {path} is empty")
    header = [h.strip().lower() for h in rows[0]]
    if header[:3] != ["id", "name", "email"]:
        raise InputError(
            f"recipient list {path} must start with the header 'id,name,email' "
            f"(found {','.join(rows[0])!r})"
        )
    recipients: list[Recipient] = []
    seen: dict[str, int] = {}
    for line, row in enumerate(rows[1:], start=2):
        if len(row) != len(header):
            raise InputError(
                f"{path}, line {line}: expected {len(header)} fields, found {len(row)}"
            )
        rid, name, email = (cell.strip() for cell in row[:3])
        if not RECIPIENT_ID_RE.fullmatch(rid):
            raise InputError(
                f"{path}, line {line}: recipient id {rid!r} must be 1-128 letters, digits or "
                "._@+- (it names the copy's file)"
            )
        if rid in seen:
            raise InputError(
                f"{path}, line {line}: duplicate recipient id {rid!r} (first on line {seen[rid]})"
            )
        if email and "@" not in email:
            raise InputError(f"{path}, line {line}: {email!r} is not an email address")
        seen[rid] = line
        recipients.append(Recipient(rid, name, email))
    if not recipients:
        raise InputError(f"recipient list {path} has a header but no recipients")
    return recipients


def is_image(data: bytes) -> bool:
    return data.startswith(IMAGE_MAGIC) and not (data.startswith(b"RIFF") and data[8:12] != b"WEBP")


def decode_leak(data: bytes, path: Path) -> str:
    """A leaked text in whatever encoding it came in (UTF-8, UTF-16 with BOM, cp1252)."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        if b"\x00" in data:
            raise InputError(
                f"leak {path} is neither text nor a supported image (PNG, JPEG, GIF, BMP, "
                "TIFF, WebP)"
            ) from None
        text = data.decode("cp1252", errors="replace")
    if "\x00" in text:
        raise InputError(
            f"leak {path} is neither text nor a supported image (PNG, JPEG, GIF, BMP, TIFF, WebP)"
        )
    if not text.strip():
        raise InputError(f"leak {path} is empty")
    return text

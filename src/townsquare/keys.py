"""The secret key behind every codeword, kept in a file outside the database.

A stolen database alone reveals no fingerprint: codewords are derived from
this key, and each memo records only the key's check value.
"""

from __future__ import annotations

import contextlib
import hashlib
import hmac
import os
import secrets
from dataclasses import dataclass, field
from pathlib import Path

KEY_BYTES = 32
KEY_CHECK_LABEL = "townsquare/key-check"


class KeyFileError(Exception):
    """The key file exists but cannot be used (unreadable or malformed)."""


@dataclass(frozen=True, repr=False)
class SecretKey:
    """A 32-byte secret; derives per-purpose subkeys and never shows itself."""

    _key: bytes = field(compare=True)

    def __post_init__(self) -> None:
        if len(self._key) != KEY_BYTES:
            raise ValueError(f"a secret key has {KEY_BYTES} bytes, got {len(self._key)}")

    @classmethod
    def generate(cls) -> SecretKey:
        """A fresh random key."""
        return cls(secrets.token_bytes(KEY_BYTES))

    def derive(self, label: str) -> bytes:
        """32 bytes for one purpose: HMAC-SHA256(key, label)."""
        return hmac.new(self._key, label.encode("utf-8"), hashlib.sha256).digest()

    def check_value(self) -> str:
        """16 hex characters identifying this key without revealing it."""
        return self.derive(KEY_CHECK_LABEL).hex()[:16]

    def __repr__(self) -> str:
        return f"SecretKey(check={self.check_value()})"

    __str__ = __repr__


def load_or_create_key(path: str | os.PathLike[str]) -> SecretKey:
    """The key stored at ``path``; created there (mode 0600) on first use, never overwritten.

    Raises KeyFileError when the file exists but is unreadable or malformed.
    """
    key_path = Path(path)
    try:
        return _read_key(key_path)
    except FileNotFoundError:
        pass
    key = SecretKey.generate()
    try:
        _create_key_file(key_path, key)
    except FileExistsError:
        # Another process created it first: use theirs.
        return _read_key(key_path)
    except OSError as exc:
        raise KeyFileError(f"cannot create key file {key_path}: {exc.strerror or exc}") from exc
    return key


def _read_key(path: Path) -> SecretKey:
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        raise
    except OSError as exc:
        raise KeyFileError(f"cannot read key file {path}: {exc.strerror or exc}") from exc
    text = raw.strip()
    expected = 2 * KEY_BYTES
    try:
        if len(text) != expected:
            raise ValueError
        key_bytes = bytes.fromhex(text.decode("ascii"))
    except (UnicodeDecodeError, ValueError):
        raise KeyFileError(
            f"key file {path} is malformed: expected {expected} hexadecimal characters "
            f"({KEY_BYTES} bytes); restore the original file (a new key cannot trace "
            "memos issued with the old one)"
        ) from None
    return SecretKey(key_bytes)


def _create_key_file(path: Path, key: SecretKey) -> None:
    """Write the key to a private temp file, then link it into place: readers never
    see a half-written file, and an existing key is never replaced."""
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.name}.{secrets.token_hex(8)}.tmp")
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    try:
        with os.fdopen(fd, "wb") as handle:
            os.fchmod(handle.fileno(), 0o600)  # independent of the umask
            handle.write(key._key.hex().encode("ascii") + b"\n")
            handle.flush()
            os.fsync(handle.fileno())
        os.link(tmp, path)
    finally:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(tmp)

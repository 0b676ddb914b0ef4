"""The secret key file: created once, private, reused, and refused when damaged."""

from __future__ import annotations

import stat
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

from townsquare.keys import KeyFileError, SecretKey, load_or_create_key


def test_first_load_creates_a_private_key_file_in_missing_directories(tmp_path: Path) -> None:
    path = tmp_path / "nested" / "dir" / "townsquare.key"

    load_or_create_key(path)

    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    content = path.read_text().strip()
    assert len(content) == 64
    bytes.fromhex(content)
    assert [p.name for p in path.parent.iterdir()] == ["townsquare.key"]


def test_later_loads_reuse_the_same_key_and_never_rewrite_the_file(tmp_path: Path) -> None:
    path = tmp_path / "townsquare.key"
    first = load_or_create_key(path)
    before = path.read_bytes()
    mtime = path.stat().st_mtime_ns

    second = load_or_create_key(path)

    assert second == first
    assert second.check_value() == first.check_value()
    assert path.read_bytes() == before
    assert path.stat().st_mtime_ns == mtime


def test_concurrent_first_loads_agree_on_one_key(tmp_path: Path) -> None:
    path = tmp_path / "townsquare.key"

    with ThreadPoolExecutor(max_workers=8) as pool:
        keys = list(pool.map(lambda _: load_or_create_key(path), range(32)))

    assert len({key.check_value() for key in keys}) == 1
    assert load_or_create_key(path) == keys[0]
    assert [p.name for p in tmp_path.iterdir()] == ["townsquare.key"]


def test_an_existing_key_file_is_used_as_is(tmp_path: Path) -> None:
    path = tmp_path / "townsquare.key"
    path.write_text("ab" * 32 + "\n")

    assert load_or_create_key(path) == SecretKey(bytes.fromhex("ab" * 32))


@pytest.mark.parametrize(
    "content",
    [b"", b"not hex at all", b"ab" * 31, b"ab" * 33, b"zz" * 32, b"\xff\xfe" * 32],
    ids=["empty", "text", "short", "long", "non-hex", "binary"],
)
def test_a_malformed_key_file_is_refused_and_left_alone(tmp_path: Path, content: bytes) -> None:
    path = tmp_path / "townsquare.key"
    path.write_bytes(content)

    with pytest.raises(KeyFileError, match="malformed") as excinfo:
        load_or_create_key(path)

    assert str(path) in str(excinfo.value)
    assert path.read_bytes() == content


def test_an_unreadable_key_file_is_reported_with_its_path(tmp_path: Path) -> None:
    path = tmp_path / "townsquare.key"
    path.mkdir()  # a directory cannot be read as a file, even by root

    with pytest.raises(KeyFileError, match="cannot read") as excinfo:
        load_or_create_key(path)

    assert str(path) in str(excinfo.value)


def test_derived_values_depend_on_key_and_label() -> None:
    key = SecretKey(bytes(range(32)))
    other = SecretKey(bytes(range(1, 33)))

    assert len(key.derive("codeword")) == 32
    assert key.derive("codeword") == SecretKey(bytes(range(32))).derive("codeword")
    assert key.derive("codeword") != key.derive("codeword2")
    assert key.derive("codeword") != other.derive("codeword")
    assert len(key.check_value()) == 16
    assert key.check_value() != other.check_value()


def test_the_key_never_shows_in_its_repr() -> None:
    key = SecretKey(bytes(range(32)))

    for shown in (repr(key), str(key), f"{key}"):
        assert bytes(range(32)).hex() not in shown
        assert key.check_value() in shown


def test_a_key_must_have_32_bytes() -> None:
    with pytest.raises(ValueError, match="32 bytes"):
        SecretKey(b"short")

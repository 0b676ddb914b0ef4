"""Settings: defaults that keep everything under one data directory, and env overrides."""

from __future__ import annotations

from pathlib import Path

import pytest

from townsquare.settings import Settings, load_settings


@pytest.fixture(autouse=True)
def clean_env(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in ("TOWNSQUARE_DATA_DIR", "TOWNSQUARE_DATABASE_URL", "TOWNSQUARE_KEY_FILE"):
        monkeypatch.delenv(name, raising=False)


def test_defaults_put_database_and_key_under_var() -> None:
    settings = load_settings()

    assert settings.data_dir == Path("var")
    assert settings.database_url == "sqlite:///var/townsquare.sqlite3"
    assert settings.key_file == Path("var/townsquare.key")


def test_data_dir_from_env_moves_database_and_key(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setenv("TOWNSQUARE_DATA_DIR", str(tmp_path))

    settings = load_settings()

    assert settings.data_dir == tmp_path
    assert settings.database_url == f"sqlite:///{tmp_path}/townsquare.sqlite3"
    assert settings.key_file == tmp_path / "townsquare.key"


def test_key_file_defaults_to_beside_a_custom_sqlite_file(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setenv("TOWNSQUARE_DATABASE_URL", f"sqlite:///{tmp_path}/db/other.sqlite3")

    settings = load_settings()

    assert settings.key_file == tmp_path / "db" / "townsquare.key"


def test_key_file_defaults_to_data_dir_for_postgresql(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    url = "postgresql+psycopg://app@db.example/townsquare"
    monkeypatch.setenv("TOWNSQUARE_DATA_DIR", str(tmp_path))
    monkeypatch.setenv("TOWNSQUARE_DATABASE_URL", url)

    settings = load_settings()

    assert settings.database_url == url
    assert settings.key_file == tmp_path / "townsquare.key"


def test_key_file_from_env_wins(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("TOWNSQUARE_KEY_FILE", str(tmp_path / "secrets" / "k"))

    assert load_settings().key_file == tmp_path / "secrets" / "k"


def test_keyword_overrides_win_over_env(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("TOWNSQUARE_DATA_DIR", "/from/env")

    settings = load_settings(data_dir=tmp_path)

    assert settings.data_dir == tmp_path
    assert settings.key_file == tmp_path / "townsquare.key"


def test_settings_are_read_only() -> None:
    settings = Settings()

    with pytest.raises(ValueError, match="frozen"):
        settings.data_dir = Path("/elsewhere")

"""Runtime settings, read from ``TOWNSQUARE_*`` environment variables.

Call :func:`load_settings` once at the edge (CLI, app factory) and pass the
result down; nothing here runs at import time.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from pydantic import Field
from pydantic_settings import BaseSettings, SettingsConfigDict
from sqlalchemy.engine import make_url

KEY_FILE_NAME = "townsquare.key"
SQLITE_FILE_NAME = "townsquare.sqlite3"


def _default_database_url(data: dict[str, Any]) -> str:
    return f"sqlite:///{data['data_dir']}/{SQLITE_FILE_NAME}"


def _default_key_file(data: dict[str, Any]) -> Path:
    sqlite_path = sqlite_file_path(data["database_url"])
    if sqlite_path is not None:
        return sqlite_path.parent / KEY_FILE_NAME
    return Path(data["data_dir"]) / KEY_FILE_NAME


def sqlite_file_path(database_url: str) -> Path | None:
    """The file behind a SQLite URL, or None for other databases and in-memory SQLite."""
    url = make_url(database_url)
    if url.get_backend_name() != "sqlite":
        return None
    database = url.database or ""
    if database in ("", ":memory:") or database.startswith("file:"):
        return None
    return Path(database)


class Settings(BaseSettings):
    """Where townsquare keeps its data, database and secret key; which visibility policy
    file it serves; how often server workers refresh their label caches."""

    model_config = SettingsConfigDict(env_prefix="TOWNSQUARE_", extra="ignore", frozen=True)

    data_dir: Path = Path("./var")
    # Defaults derive from the fields above them (pydantic validates in declaration order).
    database_url: str = Field(default_factory=_default_database_url)
    key_file: Path = Field(default_factory=_default_key_file)
    # How often each server worker's label cache polls the change logs (seconds).
    cache_poll_interval: float = Field(default=0.2, gt=0, le=60)
    # The visibility policy (YAML or TOML); None means the packaged default policy.
    policy_file: Path | None = None
    # Operations that need a second person (None: staff.approvals.DEFAULT_TWO_PERSON).
    two_person_operations: frozenset[str] | None = None
    # How long a two-person request waits for its approval before it expires (hours).
    approval_ttl_hours: float = Field(default=24.0, gt=0, le=24 * 30)
    # How long after an action or label its author may appeal it (days).
    appeal_window_days: int = Field(default=30, gt=0, le=3653)
    # Council: share of the electorate that must vote, share of for+against that must be
    # for (strictly more), and how long a proposal stays open (days) unless all have voted.
    council_quorum: float = Field(default=0.5, gt=0, le=1)
    council_majority: float = Field(default=0.5, ge=0, lt=1)
    council_vote_days: float = Field(default=7.0, gt=0, le=366)
    # Email (memo delivery, pledge reminders): the SMTP server, STARTTLS or not, login.
    smtp_host: str = "localhost"
    smtp_port: int = Field(default=25, gt=0, lt=65536)
    smtp_starttls: bool = False  # upgrade the connection with STARTTLS before logging in
    smtp_ca_file: Path | None = None  # CA bundle the server's certificate must chain to
    smtp_username: str | None = None  # log in only when set
    smtp_password: str | None = None
    # The From address of every message townsquare sends.
    mail_from: str = "townsquare@localhost"
    # How often a message is retried after a temporary failure, and the first wait (seconds,
    # doubled each retry).
    mail_retries: int = Field(default=3, ge=0, le=10)
    mail_backoff_seconds: float = Field(default=1.0, ge=0, le=600)
    # Where recipients reach the public pages (signed pledge links point here).
    public_base_url: str = "http://127.0.0.1:8000"


def load_settings(**overrides: Any) -> Settings:
    """Read settings from the environment; keyword overrides win over the environment."""
    return Settings(**overrides)

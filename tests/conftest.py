"""Shared fixtures: a migrated database on SQLite and on PostgreSQL; Chromium for browser tests.

``database_url`` runs a test once per database; the PostgreSQL run needs
TOWNSQUARE_TEST_POSTGRES_URL (set by scripts/with-postgres.sh) and gets a
fresh database of its own. Browser tests (marker ``browser``) drive Debian's
Chromium through pytest-playwright (see ci-notes.md).
"""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import Engine, create_engine, text
from sqlalchemy.engine import make_url
from sqlalchemy.orm import Session, sessionmaker
from sqlalchemy.pool import NullPool

from townsquare.store.db import make_engine, make_session_factory, upgrade

# Rich fixes a console's width when townsquare.cli is first imported; one wide width for
# every test, whichever imports it first in an xdist worker.
os.environ["COLUMNS"] = "200"

POSTGRES_URL_ENV = "TOWNSQUARE_TEST_POSTGRES_URL"
CHROMIUM_PATH_ENV = "CHROMIUM_PATH"
# Without the background-networking flags Chromium floods the closed network with
# refused connections.
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update",
                 "--disable-sync"]


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line("markers", "browser: drives Chromium through Playwright")


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def database_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    """A URL to an empty database: a temp SQLite file, or a new PostgreSQL database."""
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'townsquare.sqlite3'}"
        return
    server_url = os.environ.get(POSTGRES_URL_ENV)
    if not server_url:
        pytest.skip(f"{POSTGRES_URL_ENV} is not set (run under scripts/with-postgres.sh)")
    name = f"townsquare_test_{uuid.uuid4().hex[:12]}"
    admin = create_engine(server_url, isolation_level="AUTOCOMMIT", poolclass=NullPool)
    try:
        with admin.connect() as conn:
            conn.execute(text(f'CREATE DATABASE "{name}"'))
        yield make_url(server_url).set(database=name).render_as_string(hide_password=False)
        with admin.connect() as conn:
            conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
    finally:
        admin.dispose()


@pytest.fixture
def engine(database_url: str) -> Iterator[Engine]:
    """An engine on ``database_url`` with the schema migrated to head."""
    engine = make_engine(database_url)
    try:
        upgrade(engine)
        yield engine
    finally:
        engine.dispose()


@pytest.fixture
def session_factory(engine: Engine) -> sessionmaker[Session]:
    """Sessions on the migrated ``engine``."""
    return make_session_factory(engine)


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args: dict[str, Any]) -> dict[str, Any]:
    """pytest-playwright launches Debian's Chromium (``playwright install`` cannot run here)."""
    path = os.environ.get(CHROMIUM_PATH_ENV, "/usr/bin/chromium")
    if not Path(path).is_file():
        pytest.fail(f"no Chromium at {path}: run scripts/debian-deps.sh or set {CHROMIUM_PATH_ENV}")
    return {**browser_type_launch_args, "executable_path": path, "args": CHROMIUM_ARGS}


def export_cli_token(monkeypatch: pytest.MonkeyPatch, role: str = "admin",
                     name: str = "cli-operator") -> str:
    """Create a service token with ``role`` in the store the TOWNSQUARE_* environment
    names, and export it as TOWNSQUARE_TOKEN for the CLI under test."""
    from townsquare.bootstrap import open_app
    from townsquare.services.tokens import create_token
    from townsquare.settings import load_settings

    app = open_app(load_settings())
    try:
        secret = create_token(app.sessions, name, role)
    finally:
        app.close()
    monkeypatch.setenv("TOWNSQUARE_TOKEN", secret)
    return secret

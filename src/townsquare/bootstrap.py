"""The one wiring point: settings -> database (migrated) and key. Nothing runs at import."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy.engine import Engine
from sqlalchemy.orm import Session, sessionmaker

from townsquare.keys import SecretKey, load_or_create_key
from townsquare.settings import Settings
from townsquare.store.db import ensure_schema, make_engine, make_session_factory


@dataclass(frozen=True)
class App:
    settings: Settings
    engine: Engine
    sessions: sessionmaker[Session]
    key: SecretKey

    def close(self) -> None:
        self.engine.dispose()


def open_app(settings: Settings) -> App:
    """A migrated database and the secret key, as `settings` say."""
    engine = make_engine(settings.database_url)
    ensure_schema(engine)
    return App(
        settings, engine, make_session_factory(engine), load_or_create_key(settings.key_file)
    )

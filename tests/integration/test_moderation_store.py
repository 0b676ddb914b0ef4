"""Moderation schema on SQLite and PostgreSQL: migration 0002, drift, change logs."""

from __future__ import annotations

import pytest
from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import Engine, func, inspect, select
from sqlalchemy.orm import Session, sessionmaker

from townsquare.store import moderation as repo
from townsquare.store.db import SCHEMA_HEAD, alembic_config, unit_of_work, upgrade
from townsquare.store.moderation_tables import ContentChange, LabelChange
from townsquare.store.tables import Base

MODERATION_TABLES = {
    "accounts", "posts", "follows", "labels", "label_changes", "content_changes",
    "notices", "enforcement_actions", "strikes", "url_blocks", "api_tokens",
}


def drift(engine: Engine) -> list[object]:
    with engine.connect() as conn:
        context = MigrationContext.configure(conn, opts={"compare_type": True})
        return list(compare_metadata(context, Base.metadata))


def test_migrations_create_the_moderation_tables_the_models_describe(engine: Engine) -> None:
    assert set(inspect(engine).get_table_names()) >= MODERATION_TABLES
    assert drift(engine) == []
    with engine.connect() as conn:
        assert MigrationContext.configure(conn).get_current_revision() == SCHEMA_HEAD


def test_0002_downgrades_and_upgrades_again(engine: Engine) -> None:
    config = alembic_config()
    with engine.begin() as conn:
        config.attributes["connection"] = conn
        command.downgrade(config, "0001_initial")
    assert not set(inspect(engine).get_table_names()) & MODERATION_TABLES

    upgrade(engine)

    assert set(inspect(engine).get_table_names()) >= MODERATION_TABLES
    assert drift(engine) == []


def test_change_logs_grow_with_each_write_and_roll_back_with_it(
    session_factory: sessionmaker[Session],
) -> None:
    with unit_of_work(session_factory) as session:
        assert repo.change_versions(session) == (0, 0)
        repo.add_account(session, account_id="a1", handle="one")
        repo.add_post(session, post_id="p1", author_id="a1", text="hi", urls=[])
        repo.add_label(session, subject_type="post", subject_id="p1", label="spam",
                       policy="spam", source="human", note="", created_by="mod",
                       expires_at=None)

    with pytest.raises(RuntimeError), unit_of_work(session_factory) as session:
        repo.add_label(session, subject_type="post", subject_id="p1", label="spam",
                       policy="spam", source="human", note="", created_by="mod",
                       expires_at=None)
        raise RuntimeError("the use case failed after writing")

    with unit_of_work(session_factory) as session:
        label_version, content_version = repo.change_versions(session)
        assert session.scalar(select(func.count()).select_from(LabelChange)) == 1
        assert session.scalar(select(func.count()).select_from(ContentChange)) == 2
        assert [c.kind for c in repo.content_changes_after(session, 0)] == ["account", "post"]
        assert repo.content_changes_after(session, content_version) == []
        [change] = repo.label_changes_after(session, 0)
        assert (change.version, change.kind, change.subject_id) == (label_version, "post", "p1")

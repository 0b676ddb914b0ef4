"""The demo seed (idempotent, on SQLite and PostgreSQL) and how pages arrange verdicts.
No browser needed: these run with the unit and integration tests."""

from __future__ import annotations

import asyncio
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import httpx
import pytest
from sqlalchemy import func, select

from townsquare.api.app import create_app
from townsquare.api.runtime import open_runtime
from townsquare.bootstrap import App, open_app
from townsquare.moderation.model import Reason, Verdict
from townsquare.services import labels
from townsquare.settings import load_settings
from townsquare.store.moderation_tables import (
    Account,
    ContentChange,
    Follow,
    Label,
    LabelChange,
    Notice,
    Post,
)
from townsquare.web.demo_data import demo_data
from townsquare.web.feed import arrange
from townsquare.web.seed import SEED_ACTOR, SeedReport, seed_demo

TABLES = (Account, Post, Follow, Label, Notice, LabelChange, ContentChange)


@pytest.fixture
def app(database_url: str, tmp_path: Path) -> Iterator[App]:
    application = open_app(load_settings(data_dir=tmp_path, database_url=database_url))
    try:
        yield application
    finally:
        application.close()


def counts(app: App) -> dict[str, int]:
    with app.sessions() as session:
        return {t.__tablename__: session.scalar(select(func.count()).select_from(t)) or 0
                for t in TABLES}


def test_seed_creates_the_demo_once(app: App) -> None:
    data = demo_data()
    first = seed_demo(app)
    assert first == SeedReport(accounts=len(data.accounts), follows=len(data.follows),
                               posts=len(data.posts), labels=len(data.labels))
    assert first.accounts >= 20 and first.posts >= 100
    before = counts(app)
    # Detection rules labelled two posts on their own (a phone number, a crypto giveaway).
    assert before["labels"] == len(data.labels) + 2
    assert seed_demo(app) == SeedReport()
    assert counts(app) == before


def test_seed_does_not_undo_a_moderators_removal(app: App) -> None:
    seed_demo(app)
    with app.sessions() as session:
        label_id = session.scalar(select(Label.id).where(
            Label.created_by == SEED_ACTOR, Label.label == "do_not_amplify"))
    assert label_id is not None
    labels.remove_label(app.sessions, label_id, "moderator")
    assert seed_demo(app) == SeedReport()


def verdict(item_id: str, *actions: str) -> Verdict:
    reasons = () if actions == ("allow",) else (Reason("x", "post", item_id, "p", "x.r", "human"),)
    return Verdict(item_id, actions[0], actions, reasons)


def test_arrange_drops_sinks_downranked_and_keeps_ads_away() -> None:
    items = ["a", "b", "c", "d", "e", "f", "g"]
    verdicts = [verdict("a", "allow"), verdict("b", "label", "downrank"), verdict("c", "drop"),
                verdict("d", "allow"), verdict("e", "avoid_ads"), verdict("f", "allow"),
                verdict("g", "tombstone")]
    section = arrange("home_timeline", items, verdicts, key=str, ads_every=3)
    assert [s.item for s in section.shown] == ["a", "d", "e", "f", "g", "b"]
    assert [h.item for h in section.hidden] == ["c"]
    assert section.candidates == 7
    # The slot due after "e" (avoid_ads) moves to "f"; none after the tombstone.
    assert [s.item for s in section.shown if s.ad_after] == ["f"]
    assert section.shown[-1].downranked and section.shown[-1].context


def test_arrange_limits_before_sinking() -> None:
    items = ["a", "b", "c", "d"]
    verdicts = [verdict("a", "downrank"), verdict("b", "allow"), verdict("c", "allow"),
                verdict("d", "allow")]
    section = arrange("home_timeline", items, verdicts, key=str, limit=3)
    assert [s.item for s in section.shown] == ["b", "c", "a"]


def test_demo_data_ids_are_unique() -> None:
    data = demo_data()
    ids = [p.id for p in data.posts]
    assert len(ids) == len(set(ids))
    assert all(data.account(p.handle) for p in data.posts)


def test_demo_pages_are_off_until_the_database_is_seeded(tmp_path: Path) -> None:
    settings = load_settings(data_dir=tmp_path)
    app = create_app(settings)
    app.state.runtime = runtime = open_runtime(settings)

    def get(path: str) -> httpx.Response:
        async def call() -> httpx.Response:
            transport = httpx.ASGITransport(app=app)
            async with httpx.AsyncClient(transport=transport, base_url="http://demo") as client:
                return await client.get(path)

        # A thread of its own: Playwright's sync API keeps an event loop on this one.
        with ThreadPoolExecutor(1) as pool:
            return pool.submit(asyncio.run, call()).result()

    try:
        off = get("/demo/status/pat_q")
        assert off.status_code == 404
        assert "--seed-demo" in off.text
        seed_demo(runtime.app)
        on = get("/demo/status/pat_q")
        assert on.status_code == 200
        assert "civic_misinformation" in on.text
    finally:
        runtime.close()

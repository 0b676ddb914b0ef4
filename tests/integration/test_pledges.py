"""Pledge campaigns: signed links in the delivered messages, acknowledgement through the
link or by staff, reminders once per window to those who have not signed, the table and
its CSV export."""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from tests.integration.smtp_server import (
    ADMIN,
    MODERATOR,
    Inbox,
    issue,
    make_app,
    parts,
    smtp_server,
    traced,
)

from townsquare.bootstrap import App
from townsquare.moderation.model import ModerationError
from townsquare.services import pledges
from townsquare.services.delivery import deliver_memo
from townsquare.services.errors import ConflictError, ForbiddenError, NotFoundError

LINK = re.compile(r"https://pledge\.example\.org/pledge/([\w.-]+)")


@pytest.fixture
def inbox() -> Iterator[tuple[Inbox, int]]:
    with smtp_server() as server:
        yield server


@pytest.fixture
def app(inbox: tuple[Inbox, int], tmp_path: Path, database_url: str) -> Iterator[App]:
    made = make_app(tmp_path, database_url, inbox[1], public_base_url="https://pledge.example.org")
    try:
        yield made
    finally:
        made.close()


def links(server: Inbox) -> dict[str, str]:
    """recipient address -> the token in their message (text and HTML carry the same)."""
    found = {}
    for (address,), raw in server.messages:
        plain, html = parts(raw)
        (token,) = LINK.findall(plain)
        assert LINK.findall(html) == [token, token]  # the link's href and its text
        found[address] = token
    return found


def test_each_recipient_signs_through_their_own_link(
    app: App, inbox: tuple[Inbox, int], tmp_path: Path,
) -> None:
    server, _ = inbox
    memo_id = issue(app, tmp_path, 4)
    deadline = datetime.now(UTC) + timedelta(days=3)
    campaign = pledges.create_campaign(app, ADMIN, memo_id, deadline)
    deliver_memo(app, ADMIN, memo_id)
    tokens = links(server)
    assert len(set(tokens.values())) == 4

    view = pledges.pledge_view(app, tokens["p1@example.org"])
    assert view.name == "Person 1" and view.signed_at is None
    assert traced(app, tmp_path, view.copy, "page") == ["p1"]  # the page shows p1's own copy
    signed = pledges.acknowledge(app, tokens["p1@example.org"])
    assert signed.signed_at is not None
    again = pledges.acknowledge(app, tokens["p1@example.org"])
    assert again.signed_at == signed.signed_at

    table = pledges.campaign_table(app, ADMIN, campaign["id"])
    assert (table["signed"], table["unsigned"]) == (1, 3)
    row = {r["recipient_id"]: r for r in table["rows"]}
    assert row["p1"]["signed"] and row["p1"]["via"] == "link" and not row["p0"]["signed"]


def test_forged_or_altered_links_are_refused(app: App, tmp_path: Path) -> None:
    memo_id = issue(app, tmp_path, 2)
    campaign = pledges.create_campaign(app, ADMIN, memo_id, datetime.now(UTC) + timedelta(1))
    from townsquare.services.pledge_links import pledge_token

    good = pledge_token(app.key, campaign["id"], 0)
    cid, _, mac = good.split(".")
    for bad in (f"{cid}.1.{mac}", good[:-2], "garbage", f"{cid}.0.", "1.2.3.4"):
        with pytest.raises(NotFoundError):
            pledges.acknowledge(app, bad)
    assert pledges.campaign_table(app, ADMIN, campaign["id"])["signed"] == 0


def test_reminders_go_once_per_window_to_those_who_have_not_signed(
    app: App, inbox: tuple[Inbox, int], tmp_path: Path,
) -> None:
    server, _ = inbox
    memo_id = issue(app, tmp_path, 3)
    now = datetime.now(UTC)
    campaign = pledges.create_campaign(app, ADMIN, memo_id, now + timedelta(hours=30),
                                       remind_hours=48)
    deliver_memo(app, ADMIN, memo_id)
    pledges.acknowledge(app, links(server)["p0@example.org"])
    server.messages.clear()

    early = pledges.remind(app, ADMIN, now=now - timedelta(hours=20))  # before the period
    assert early == [] and server.messages == []
    first = pledges.remind(app, ADMIN, now=now)
    assert first[0]["reminded"] == 2
    reminded = sorted(address for (address,), _ in server.messages)
    assert reminded == ["p1@example.org", "p2@example.org"]
    plain, _ = parts(server.messages[0][1])
    assert "Reminder: you have not yet acknowledged" in plain
    assert pledges.remind(app, ADMIN, now=now + timedelta(minutes=5))[0]["reminded"] == 0
    assert len(server.messages) == 2  # same window: nothing sent twice
    next_day = pledges.remind(app, ADMIN, now=now + timedelta(hours=25))
    assert next_day[0]["reminded"] == 2
    late = pledges.remind(app, ADMIN, now=now + timedelta(hours=31))  # past the deadline
    assert late == []
    table = pledges.campaign_table(app, ADMIN, campaign["id"])
    assert {r["recipient_id"]: r["reminders"] for r in table["rows"]} == {
        "p0": 0, "p1": 2, "p2": 2}


def test_staff_record_an_acknowledgement_and_export_the_table(app: App, tmp_path: Path) -> None:
    memo_id = issue(app, tmp_path, 2)
    campaign = pledges.create_campaign(app, ADMIN, memo_id, datetime.now(UTC) + timedelta(1))
    pledges.record_acknowledgement(app, ADMIN, campaign["id"], "p1")
    with pytest.raises(ConflictError):
        pledges.record_acknowledgement(app, ADMIN, campaign["id"], "p1")
    with pytest.raises(NotFoundError):
        pledges.record_acknowledgement(app, ADMIN, campaign["id"], "stranger")
    exported = pledges.export_csv(app, ADMIN, campaign["id"]).splitlines()
    assert exported[0] == "recipient_id,name,email,signed,signed_at,late,via,recorded_by,reminders"
    assert exported[1].startswith("p0,Person 0,p0@example.org,no,")
    assert exported[2].startswith("p1,Person 1,p1@example.org,yes,")
    assert exported[2].endswith(",no,console,alice,0")


def test_bad_campaigns_are_refused_and_nothing_is_stored(app: App, tmp_path: Path) -> None:
    memo_id = issue(app, tmp_path, 2)
    soon = datetime.now(UTC) + timedelta(days=1)
    with pytest.raises(ModerationError, match="future"):
        pledges.create_campaign(app, ADMIN, memo_id, datetime.now(UTC) - timedelta(hours=1))
    with pytest.raises(ModerationError, match="time zone"):
        pledges.create_campaign(app, ADMIN, memo_id, soon.replace(tzinfo=None))
    with pytest.raises(ModerationError, match="remind_hours"):
        pledges.create_campaign(app, ADMIN, memo_id, soon, remind_hours=0)
    with pytest.raises(NotFoundError):
        pledges.create_campaign(app, ADMIN, "m_nope", soon)
    with pytest.raises(ForbiddenError):
        pledges.create_campaign(app, MODERATOR, memo_id, soon)
    assert pledges.list_campaigns(app, ADMIN) == []
    pledges.create_campaign(app, ADMIN, memo_id, soon)
    with pytest.raises(ConflictError):
        pledges.create_campaign(app, ADMIN, memo_id, soon)

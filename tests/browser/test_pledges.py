"""Pledge campaigns in Chromium: a recipient opens their signed link, reads their copy and
acknowledges it from the keyboard; staff watch the console table update by itself, record
an acknowledgement given in person, and see the delivery page; screenshots of each page;
no console errors."""

from __future__ import annotations

import os
import subprocess
import sys
from datetime import UTC, datetime, timedelta
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING

import pytest
from playwright.sync_api import Page, expect

from townsquare.keys import load_or_create_key
from townsquare.services.pledge_links import pledge_token

if TYPE_CHECKING:
    from conftest import Demo, DemoServer

pytestmark = pytest.mark.browser

PASSWORD = "pledge pages 123"
MEMO = resources.files("townsquare.samples").joinpath("memo_en.md").read_text("utf-8")


def issue_memo(server: DemoServer, work: Path) -> str:
    """A memo issued with the CLI against the demo server's store."""
    (work / "memo.md").write_text(MEMO, "utf-8")
    (work / "people.csv").write_text(
        "id,name,email\nada,Ada Lovelace,ada@example.org\nbo,Bo Li,bo@example.org\n"
        "cy,Cy Young,cy@example.org\n", "utf-8")
    env = {k: v for k, v in os.environ.items() if not k.startswith("TOWNSQUARE_")}
    env |= {"TOWNSQUARE_DATA_DIR": str(server.log.parent), "TOWNSQUARE_TOKEN": server.admin_token}
    cli = str(Path(sys.executable).with_name("townsquare"))
    made = subprocess.run([cli, "memo", "issue", str(work / "memo.md"), "--recipients",
                           str(work / "people.csv"), "--out", str(work / "copies"),
                           "--title", "Offsite rules"], env=env, capture_output=True,
                          text=True, timeout=120)
    assert made.returncode == 0, made.stderr
    return made.stdout.strip().splitlines()[-1]


def staff_sign_in(page: Page, server: DemoServer) -> None:
    with server.api() as api:
        r = api.post("/api/v1/staff", json={
            "username": "pledge-pat", "display_name": "Pat", "email": "pat@example.org",
            "password": PASSWORD, "roles": ["admin"], "teams": []})
        assert r.status_code in (201, 409), r.text
    page.goto(server.url + "/console/login")
    page.get_by_label("Username").fill("pledge-pat")
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    expect(page.get_by_text("pledge-pat (")).to_be_visible()


def shot(page: Page, shots: Path, name: str) -> None:
    target = shots.parent / "console"
    target.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(target / f"{name}.png"), full_page=True)


def test_a_recipient_signs_through_their_link_and_the_console_table_follows(
    demo: Demo, tmp_path: Path,
) -> None:
    server = demo.server
    memo_id = issue_memo(server, tmp_path)
    deadline = (datetime.now(UTC) + timedelta(days=30)).isoformat()
    with server.api() as api:
        made = api.post("/api/v1/pledges", json={"memo_id": memo_id, "deadline": deadline,
                                                 "remind_hours": 24})
        assert made.status_code == 201, made.text
    campaign = made.json()["id"]

    page = demo.page
    staff_sign_in(page, server)
    page.get_by_role("link", name="Pledges").click()
    expect(page.get_by_role("link", name=f"#{campaign} Offsite rules")).to_be_visible()
    shot(page, demo.shots, "pledges")
    page.get_by_role("link", name=f"#{campaign} Offsite rules").click()
    expect(page.get_by_text("0 signed")).to_be_visible()
    shot(page, demo.shots, "pledge-campaign")

    # The recipient, in a browser of their own, with the link from their message.
    key = load_or_create_key(server.log.parent / "townsquare.key")
    recipient = page.context.browser.new_page()  # type: ignore[union-attr]
    errors: list[str] = []
    recipient.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    recipient.goto(f"{server.url}/pledge/{pledge_token(key, campaign, 1)}")
    expect(recipient.get_by_text("For Bo Li.")).to_be_visible()
    expect(recipient.get_by_role("article", name="The memo")).to_contain_text("confidential")
    shot(recipient, demo.shots, "pledge-public")
    button = recipient.get_by_role("button", name="I acknowledge that I have read this memo")
    button.focus()
    recipient.keyboard.press("Enter")
    expect(recipient.get_by_role("status")).to_contain_text("Thank you. You acknowledged")
    expect(button).to_have_count(0)
    shot(recipient, demo.shots, "pledge-public-signed")
    recipient.close()
    assert errors == []

    # The staff page polls its table: Bo's signature appears without a reload.
    expect(page.get_by_text("1 signed")).to_be_visible(timeout=15_000)
    row = page.get_by_role("row", name="bo (Bo Li)")
    expect(row).to_contain_text("link")

    page.on("dialog", lambda dialog: dialog.accept())
    page.get_by_role("button", name="Record acknowledgement for cy").click()
    expect(page.get_by_text("Recorded cy's acknowledgement.")).to_be_visible()
    expect(page.get_by_text("2 signed")).to_be_visible()
    expect(page.get_by_role("row", name="cy (Cy Young)")).to_contain_text("recorded by pledge-pat")

    page.get_by_role("link", name=memo_id).click()
    expect(page.get_by_text("0 sent, 0 failed, 3 not yet tried")).to_be_visible()
    expect(page.get_by_role("button", name="Deliver by email")).to_be_enabled()
    shot(page, demo.shots, "memo-delivery")
    assert demo.errors == []

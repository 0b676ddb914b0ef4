"""What console browser tests share: staff made through the API, signing in through the
form, and where console screenshots go."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from playwright.sync_api import Page, expect

if TYPE_CHECKING:
    from conftest import DemoServer

PASSWORD = "console pages 123"


def staff(server: DemoServer, username: str, *roles: str) -> str:
    """A staff member with ``roles`` and PASSWORD (already there: kept as is)."""
    with server.api() as api:
        r = api.post("/api/v1/staff", json={
            "username": username, "display_name": username, "email": f"{username}@example.org",
            "password": PASSWORD, "roles": list(roles), "teams": []})
        assert r.status_code in (201, 409), r.text
    return username


def sign_in(page: Page, server: DemoServer, username: str) -> None:
    page.goto(server.url + "/console/login")
    page.get_by_label("Username").fill(username)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    expect(page.get_by_text(f"{username} (")).to_be_visible()


def console_shot(shots: Path, name: str) -> Path:
    """The path of console screenshot ``name`` (beside the demo platform's)."""
    target = shots.parent / "console"
    target.mkdir(parents=True, exist_ok=True)
    return target / f"{name}.png"

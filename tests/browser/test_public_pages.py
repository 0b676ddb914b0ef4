"""The public pages in Chromium: the transparency report's charts are drawn and visible
beside their tables, the moderation log downloads, and an account holder opens their
status page from a signed link and appeals with the keyboard. No console errors."""

from __future__ import annotations

import uuid
from pathlib import Path
from typing import TYPE_CHECKING

import pytest
from playwright.sync_api import Page, expect

if TYPE_CHECKING:
    from conftest import Demo

pytestmark = pytest.mark.browser
SHOTS = Path(__file__).resolve().parents[2] / "var" / "screenshots" / "console"


def shot(page: Page, name: str) -> None:
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SHOTS / f"{name}.png"), full_page=True)


def limited_account(demo: Demo) -> tuple[str, str]:
    """A new account with a limited post and a warning; its id and a signed status link."""
    account = f"pub-{uuid.uuid4().hex[:8]}"
    with demo.server.api() as api:
        for path, body in (
            ("/api/v1/accounts", {"id": account, "handle": account.replace("-", "_")}),
            ("/api/v1/posts", {"id": f"{account}-p", "author_id": account,
                               "text": "buy followers here"}),
            ("/api/v1/labels", {"subject_type": "post", "subject_id": f"{account}-p",
                                "label": "do_not_amplify", "policy": "spam"}),
            ("/api/v1/actions", {"kind": "warn", "subject_type": "account",
                                 "subject_id": account, "policy": "hateful_conduct"}),
        ):
            r = api.post(path, json=body)
            assert r.status_code == 201, (path, r.text)
        link = api.post(f"/api/v1/accounts/{account}/status-link", json={"hours": 1})
        assert link.status_code == 201, link.text
    return account, link.json()["path"]


def test_transparency_report_draws_its_charts(demo: Demo) -> None:
    limited_account(demo)
    page = demo.open("/transparency")
    expect(page.get_by_role("heading", level=1)).to_contain_text("Transparency report")
    for name in ("Actions by policy", "Actions by surface limited", "Actions by kind",
                 "External requests by requester type"):
        chart = page.get_by_role("img", name=name)
        if name.startswith("External"):  # none registered on the demo unless others did
            continue
        expect(chart).to_be_visible()
        assert chart.bounding_box()["height"] > 20  # type: ignore[index]
        expect(page.get_by_role("table", name=f"{name} (table)")).to_be_visible()
    bars = page.locator("svg.chart#chart-policy rect.bar")
    assert bars.count() >= 2
    policy_table = page.get_by_role("table", name="Actions by policy (table)")
    expect(policy_table.get_by_role("rowheader", name="spam")).to_be_visible()
    shot(page, "public_transparency")

    page.get_by_label("From", exact=True).fill("2020-01-01")
    page.get_by_label("To", exact=True).fill("2020-01-31")
    page.get_by_label("To", exact=True).press("Enter")
    expect(page.get_by_role("heading", level=1)).to_contain_text("2020-01-01 to 2020-01-31")
    expect(page.locator("#actions-total")).to_have_text("0")

    page = demo.open("/transparency/log")
    expect(page.get_by_role("table", name="Moderation actions, page 1")).to_be_visible()
    with page.expect_download() as download:
        page.get_by_role("link", name="CSV").click()
    assert download.value.suggested_filename.endswith(".csv")
    shot(page, "public_moderation_log")
    assert demo.errors == []


def test_account_holder_appeals_from_the_signed_status_page(demo: Demo) -> None:
    _, path = limited_account(demo)
    page = demo.open(path)
    expect(page.get_by_role("heading", name="Your account status")).to_be_visible()
    statement = page.get_by_label("Why this is wrong (your appeal of do_not_amplify)")
    statement.fill("It was a joke about bots, not an offer.")
    shot(page, "public_account_status")
    statement.press("Tab")
    expect(page.get_by_role("button", name="Appeal this limit").first).to_be_focused()
    page.keyboard.press("Enter")
    expect(page.get_by_role("status")).to_contain_text("was filed")
    expect(page.get_by_text("You have appealed this limit")).to_be_visible()
    assert demo.errors == []

    tampered = demo.page.goto(demo.server.url + path.replace("sig=", "sig=x"))
    assert tampered is not None and tampered.status == 403
    expect(page.get_by_role("alert")).to_contain_text("not valid")
    assert [e for e in demo.errors if "status of 403" not in e] == []  # the refusal itself

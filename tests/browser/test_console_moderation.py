"""Report handling in the console, in Chromium against `townsquare serve --seed-demo`: a
moderator signs in, claims a report from the keyboard and labels the reported post, the
demo platform's search drops it; the author's appeal (filed by the platform through the
API) is upheld in the console by a senior moderator and the post is back in search."""

from __future__ import annotations

import re
from pathlib import Path
from typing import TYPE_CHECKING

import httpx
import pytest
from playwright.sync_api import Page, expect

if TYPE_CHECKING:
    from conftest import Demo

pytestmark = pytest.mark.browser

REPO = Path(__file__).resolve().parents[2]
SHOTS = REPO / "var" / "screenshots" / "console"
PASSWORD = "console moderation 123"
SPOTLIGHT = "post-lantern-parade"  # eli_festival's post, first in search for "lantern"
SEARCH = "/demo/search?q=lantern"


def shot(page: Page, name: str) -> None:
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SHOTS / f"{name}.png"), full_page=True)


def staff(api: httpx.Client, username: str, role: str) -> None:
    r = api.post("/api/v1/staff", json={
        "username": username, "display_name": username, "email": f"{username}@example.org",
        "password": PASSWORD, "roles": [role], "teams": []})
    assert r.status_code == 201, r.text


def sign_in(page: Page, username: str) -> None:
    page.get_by_label("Username").fill(username)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    expect(page.get_by_role("button", name="Sign out")).to_be_visible()


def in_search_top(page: Page) -> bool:
    return page.locator(f'section[data-surface="search_top"] '
                        f'article.post[data-post-id="{SPOTLIGHT}"]').count() == 1


def test_claim_label_appeal_and_uphold_through_the_console(demo: Demo) -> None:
    page = demo.page
    page.on("dialog", lambda dialog: dialog.accept())  # the destructive actions ask first
    with demo.server.api() as api:
        staff(api, "cm-mod", "moderator")
        staff(api, "cm-senior", "senior_moderator")
        filed = api.post("/api/v1/reports", json={
            "reporter_id": "acct-maya_s", "subject_type": "post", "subject_id": SPOTLIGHT,
            "reason": "spam", "policy": "spam", "text": "the same parade post, again and again"})
        assert filed.status_code == 201, filed.text
        report_id = filed.json()["id"]
    try:
        demo.open(SEARCH)
        assert in_search_top(page)

        demo.open(f"/console/reports/{report_id}")  # signing in comes back here
        sign_in(page, "cm-mod")
        expect(page.get_by_role("heading", name=f"Report #{report_id}: post")).to_be_visible()
        page.get_by_role("link", name="Dashboard").click()
        shot(page, "dashboard")
        page.get_by_role("link", name="Queues").click()
        expect(page.get_by_role("heading", name="Queues")).to_be_visible()
        shot(page, "queues")
        page.get_by_role("link", name="default", exact=True).click()
        shot(page, "reports")
        page.get_by_role("link", name=f"#{report_id}", exact=True).click()
        expect(page.get_by_text("the same parade post, again and again")).to_be_visible()

        page.get_by_role("button", name="Claim", exact=True).focus()
        page.keyboard.press("Enter")
        expect(page.locator('[data-field="claimed_by"]')).to_contain_text("cm-mod")
        page.get_by_label("Action", exact=True).select_option("label")
        page.get_by_label("Label to apply (label action)").select_option("do_not_amplify")
        page.get_by_label("Note to the author").fill("Repeated posting of the same link.")
        page.get_by_role("button", name="Resolve with this action").click()
        notice = page.get_by_role("status").filter(has_text="Resolved with label")
        expect(notice).to_be_visible()
        expect(page.locator('[data-field="status"]')).to_have_text("actioned")
        shot(page, "case")
        action_id = int(re.search(r"action #(\d+)", notice.inner_text()).group(1))  # type: ignore[union-attr]

        demo.eventually(SEARCH, lambda p: not in_search_top(p), "the post leaving search top")
        with demo.server.api() as api:
            appeal = api.post("/api/v1/appeals", json={
                "target_type": "action", "target_id": action_id,
                "account_id": "acct-eli_festival", "statement": "It is the festival's own post."})
            assert appeal.status_code == 201, appeal.text
            appeal_id = appeal.json()["id"]

        demo.open("/console/")
        page.get_by_role("button", name="Sign out").click()
        sign_in(page, "cm-senior")
        page.get_by_role("link", name="Appeals").click()
        shot(page, "appeals")
        page.get_by_role("link", name=f"#{appeal_id}", exact=True).click()
        expect(page.get_by_text("It is the festival's own post.")).to_be_visible()
        page.get_by_label("Outcome").select_option("upheld")
        page.get_by_label("Rationale (the author reads it)").fill(
            "The organiser may promote its own event.")
        shot(page, "appeal")
        page.get_by_role("button", name="Decide").click()
        expect(page.get_by_role("status").filter(has_text="Upheld")).to_be_visible()
        expect(page.locator('[data-field="status"]')).to_have_text("upheld")

        page.get_by_role("link", name="Reinstatement").click()
        expect(page.get_by_role("heading", name="Reinstatement requests")).to_be_visible()
        shot(page, "reinstatements")

        demo.eventually(SEARCH, in_search_top, "the post back in search top")
        assert demo.errors == []
    finally:
        with demo.server.api() as api:  # leave the shared demo as it was, whatever happened
            for limit in api.get("/api/v1/accounts/acct-eli_festival/status").json()["limits"]:
                if limit["subject_id"] == SPOTLIGHT and limit["label"] == "do_not_amplify":
                    api.delete(f"/api/v1/labels/{limit['id']}")

"""Governance pages of the console in Chromium: a council member votes with a reason; a
lockdown disables a control with its reason; lifting it needs a second person, who
approves it from another browser; a screenshot of each page; no console errors."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

import httpx
import pytest
from playwright.sync_api import Browser, Page, expect

if TYPE_CHECKING:
    from conftest import Demo, DemoServer

from tests.browser.console_helpers import PASSWORD, console_shot, sign_in, staff

pytestmark = pytest.mark.browser

FREEZE = "council.admin"  # what the test's lockdown freezes: only these pages use it




def shot(page: Page, shots: Path, name: str) -> None:
    page.screenshot(path=str(console_shot(shots, name)), full_page=True)


@pytest.fixture
def managers(demo_server: DemoServer) -> Iterator[tuple[str, str]]:
    """Two admins; on the way out, whatever lockdown the test left is lifted (asked by
    one, approved by the other through the API)."""
    first, second = staff(demo_server, "gov-ann", "admin"), staff(demo_server, "gov-bob", "admin")
    yield first, second
    with httpx.Client(base_url=demo_server.url, timeout=10) as client:
        sessions = {}
        for name in (first, second):
            r = client.post("/api/v1/auth/login", json={"username": name, "password": PASSWORD})
            sessions[name] = {"Authorization": f"Bearer {r.json()['session']}"}
        for row in client.get("/api/v1/lockdowns", headers=sessions[first]).json():
            asked = client.post(f"/api/v1/lockdowns/{row['id']}/lift",
                                json={"reason": "test cleanup"}, headers=sessions[first])
            if asked.status_code == 202:
                request_id = asked.json()["approval_request"]["id"]
                client.post(f"/api/v1/approvals/{request_id}/approve", json={"note": ""},
                            headers=sessions[second])


def test_a_council_member_votes_with_a_reason(demo: Demo) -> None:
    server = demo.server
    voters = [staff(server, n, "council") for n in ("gov-cai", "gov-dee", "gov-eve")]
    with server.api() as api:
        for name in voters:
            api.post("/api/v1/council/members", json={"name": name})
        made = api.post("/api/v1/council/proposals", json={
            "kind": "other", "title": "Hide vote counts on trending posts?",
            "body": "Should trending cards stop showing like counts during elections?"})
        assert made.status_code == 201, made.text
        proposal = made.json()["id"]
    page = demo.page
    sign_in(page, server, "gov-cai")
    page.get_by_role("link", name="Council").click()
    expect(page.get_by_role("heading", name="Open for voting")).to_be_visible()
    shot(page, demo.shots, "governance-council")
    page.get_by_role("link", name="Hide vote counts on trending posts?").click()
    expect(page.get_by_role("heading", name=f"Proposal #{proposal}:")).to_be_visible()
    page.get_by_label("against").check()
    page.get_by_label("Your reason (published with the decision)").fill(
        "Counts help readers judge reach.")
    page.get_by_role("button", name="Cast vote").click()
    expect(page.get_by_role("status")).to_contain_text("Your vote (against) is recorded.")
    expect(page.get_by_text("Voted so far: gov-cai")).to_be_visible()
    # Closing needs council.admin, which a council member lacks: disabled, with the reason.
    close = page.get_by_role("button", name="Close voting now")
    expect(close).to_be_disabled()
    expect(page.get_by_text("needs the permission council.admin")).to_be_visible()
    shot(page, demo.shots, "governance-proposal")
    assert demo.errors == []


def test_a_lockdown_disables_a_control_and_its_lift_needs_a_second_person(
    demo: Demo, browser: Browser, managers: tuple[str, str]
) -> None:
    server, page = demo.server, demo.page
    ann, bob = managers
    sign_in(page, server, ann)
    page.get_by_role("link", name="Lockdown").click()
    page.get_by_label("Reason").fill("council records under review")
    page.get_by_label(FREEZE).check()
    page.get_by_label("Exempt teams").fill("civic-integrity")
    page.once("dialog", lambda dialog: dialog.accept())
    page.get_by_role("button", name="Start lockdown").click()
    expect(page.get_by_role("status").filter(has_text="started")).to_contain_text(FREEZE)
    expect(page.get_by_role("status").filter(has_text="Lockdown in force")).to_contain_text(
        "council records under review")
    lockdown_id = page.locator("article.lockdown-row h3").first.inner_text().split("#")[1]
    lockdown_id = lockdown_id.split(":")[0]
    shot(page, demo.shots, "governance-lockdown")

    # The control the lockdown froze is disabled for ann, with the lockdown's reason.
    page.get_by_role("link", name="Council").click()
    seat = page.get_by_role("button", name="Seat member")
    expect(seat).to_be_disabled()
    expect(page.locator(".why-disabled").first).to_contain_text("council records under review")
    expect(page.get_by_role("status").filter(has_text="Lockdown in force")).to_be_visible()

    # Ann asks to lift it: it needs a second person.
    page.get_by_role("link", name="Lockdown").click()
    page.get_by_label(f"Why lift lockdown #{lockdown_id}").fill("review finished")
    page.once("dialog", lambda dialog: dialog.accept())
    page.get_by_role("button", name=f"Ask to lift #{lockdown_id}").click()
    expect(page.get_by_role("status").filter(has_text="needs a second person")).to_be_visible()
    page.get_by_role("link", name="Approvals").click()
    expect(page.get_by_text("Needs a second person").first).to_be_visible()
    expect(page.get_by_role("button", name="Approve #")).to_have_count(0)  # not her own
    shot(page, demo.shots, "governance-approvals-requester")

    # Bob, in a browser of his own, approves it from the page of approvals waiting for him.
    other = browser.new_context()
    errors: list[str] = []
    try:
        second = other.new_page()
        second.on("pageerror", lambda exc: errors.append(str(exc)))
        second.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
        sign_in(second, server, bob)
        second.get_by_role("link", name="Approvals").click()
        waiting = second.locator("article.approval").filter(
            has_text=f"lockdown.lift on lockdown {lockdown_id}")
        request_label = waiting.get_by_role("heading").inner_text().split()[0]  # "#N"
        second.get_by_label(f"Note on approving {request_label}").fill("confirmed by phone")
        second.once("dialog", lambda dialog: dialog.accept())
        second.get_by_role("button", name=f"Approve {request_label}").focus()
        second.keyboard.press("Enter")  # keyboard-reachable
        expect(second.get_by_role("status").filter(has_text="Approved")).to_contain_text(
            "applied")
        shot(second, demo.shots, "governance-approvals")
    finally:
        other.close()
    assert errors == []

    # Ann's controls are back.
    page.get_by_role("link", name="Council").click()
    expect(page.get_by_role("button", name="Seat member")).to_be_enabled()
    assert demo.errors == []


def test_every_governance_page_renders_and_takes_its_forms(demo: Demo,
                                                          managers: tuple[str, str]) -> None:
    page = demo.page
    sign_in(page, demo.server, managers[0])
    pages = {"Audit log": "governance-audit", "Staff": "governance-staff",
             "Civic events": "governance-civic", "External requests": "governance-external"}
    for link, name in pages.items():
        page.get_by_role("navigation", name="Console sections").get_by_role(
            "link", name=link, exact=True).click()
        expect(page.get_by_role("heading", level=1)).to_be_visible()
        shot(page, demo.shots, name)
    # The audit log verifies its chain and filters by action.
    page.get_by_role("link", name="Audit log").click()
    expect(page.get_by_role("heading", name="Chain verification: intact")).to_be_visible()
    page.get_by_label("Action", exact=True).fill("staff.create")
    page.get_by_role("button", name="Show events").click()
    expect(page.locator("table.audit tbody tr").first).to_contain_text("staff.create")

    # A member's page: grant a scoped role, from the keyboard.
    page.get_by_role("link", name="Staff", exact=True).click()
    page.get_by_role("link", name="gov-bob").click()
    page.get_by_label("Role to grant").select_option("moderator")
    page.get_by_label("Only for policies").fill("spam")
    page.get_by_role("button", name="Grant role").focus()
    page.keyboard.press("Enter")
    expect(page.get_by_role("status")).to_contain_text("gov-bob now holds moderator.")
    expect(page.get_by_text("moderator, policies spam")).to_be_visible()
    shot(page, demo.shots, "governance-member")

    # Civic coverage shows who counts; an external request from a campaign is flagged.
    page.get_by_role("link", name="Civic events").click()
    expect(page.get_by_text("Who counts")).to_be_visible()
    page.get_by_role("link", name="External requests").click()
    form = page.locator("form", has=page.get_by_role("button", name="Register request"))
    form.get_by_label("Requester", exact=True).fill("Vote Ravel Party")
    form.get_by_label("Requester type").select_option("political_campaign")
    form.get_by_label("Country (two letters)").fill("FR")
    form.get_by_label("Legal basis").fill("electoral law art. 12")
    form.get_by_label("Subject id").fill("post-lantern-parade")
    form.get_by_label("Requested action (takedowns)").select_option("limit_reach")
    form.get_by_role("button", name="Register request").click()
    expect(page.get_by_role("status")).to_contain_text("Flagged political")
    page.locator("table a").first.click()
    expect(page.get_by_role("heading", name="Decide")).to_be_visible()
    shot(page, demo.shots, "governance-external-request")
    assert demo.errors == []

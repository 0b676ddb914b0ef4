"""The demo platform in Chromium: seeded pages render, and labels applied through the HTTP
API visibly change what each surface shows (issue 3's browser acceptance)."""

from __future__ import annotations

import re
from collections.abc import Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING

import pytest
from playwright.sync_api import Locator, Page, expect

if TYPE_CHECKING:
    from conftest import Demo, DemoServer

pytestmark = pytest.mark.browser

SPOTLIGHT = "post-lantern-parade"  # eli_festival's most liked #RiverFestival post
CRASH_PHOTO = "post-crash-photo"  # seeded sensitive_media
VOTE_RUMOUR = "post-vote-wednesday"  # seeded civic_misinformation
REF_RANT = "post-ref-rant"  # seeded do_not_amplify
CLERK_PHONE = "post-clerk-phone"  # private_information, found by the phone-number rule
FAKE_RAFFLE = "post-fake-raffle"  # seeded removed


def surface(page: Page, name: str, post_id: str | None = None) -> Locator:
    """The rendered posts of one surface section (optionally only ``post_id``)."""
    section = page.locator(f'section[data-surface="{name}"]')
    selector = f'article.post[data-post-id="{post_id}"]' if post_id else "article.post"
    return section.locator(selector)


def trend_sample(page: Page, post_id: str) -> Locator:
    return page.locator(f'article.trend article.post[data-post-id="{post_id}"]')


@contextmanager
def label(server: DemoServer, subject_id: str, name: str, policy: str) -> Iterator[int]:
    """A label added through POST /api/v1/labels, removed through DELETE on the way out."""
    with server.api() as api:
        created = api.post("/api/v1/labels", json={
            "subject_type": "post", "subject_id": subject_id, "label": name, "policy": policy,
            "note": "applied by the browser tests"})
        assert created.status_code == 201, created.text
        label_id = created.json()["id"]
        removed = False
        try:
            yield label_id
            removed = api.delete(f"/api/v1/labels/{label_id}").status_code == 200
        finally:
            if not removed:
                api.delete(f"/api/v1/labels/{label_id}")


def test_pages_render_seeded_posts(demo: Demo) -> None:
    page = demo.open("/demo?as=maya_s")
    expect(page.get_by_role("heading", name="Following")).to_be_visible()
    assert surface(page, "home_timeline").count() >= 20
    assert surface(page, "home_out_of_network").count() >= 5
    demo.shot("home-maya_s")

    page = demo.open("/demo/search?q=lantern")
    expect(surface(page, "search_top", SPOTLIGHT)).to_be_visible()
    expect(page.locator('section[data-surface="people_search"]')).to_be_visible()
    demo.shot("search-top-lantern")

    page = demo.open("/demo/trends")
    expect(page.locator('article.trend[data-trend="#RiverFestival"]')).to_be_visible()
    assert page.locator("article.trend").count() >= 4
    assert page.locator("article.trend article.post").count() >= 10
    demo.shot("trends")

    page = demo.open("/demo/@eli_festival")
    expect(page.get_by_role("heading", name=re.compile("Eli Martin"))).to_be_visible()
    assert surface(page, "profile").count() == 8
    demo.shot("profile-eli_festival")

    page = demo.open("/demo/status/pat_q")
    expect(page.locator('ul.limits [data-label="civic_misinformation"]')).to_be_visible()
    expect(page.locator('ul.limits [data-label="private_information"]')).to_be_visible()
    expect(page.locator("article.notice").first).to_be_visible()
    demo.shot("status-pat_q")
    assert demo.errors == []


def test_do_not_amplify_through_the_api_changes_search_and_trends(demo: Demo) -> None:
    top, latest = "/demo/search?q=lantern", "/demo/search?q=lantern&tab=latest"
    profile = "/demo/@eli_festival"
    page = demo.open(top)
    expect(surface(page, "search_top", SPOTLIGHT)).to_have_count(1)
    page = demo.open("/demo/trends")
    expect(trend_sample(page, SPOTLIGHT).first).to_be_visible()

    with label(demo.server, SPOTLIGHT, "do_not_amplify", "platform_manipulation"):
        demo.eventually(top, lambda p: surface(p, "search_top", SPOTLIGHT).count() == 0,
                        "the post leaving search top")
        # Not shown, but the page explains what it dropped and why.
        page = demo.page
        page.get_by_text("dropped on this surface").click()
        dropped = page.locator(f'li[data-dropped-id="{SPOTLIGHT}"]')
        expect(dropped).to_contain_text("do_not_amplify")
        expect(dropped).to_contain_text("platform_manipulation")
        demo.shot("search-top-lantern-do_not_amplify")
        demo.eventually("/demo/trends", lambda p: trend_sample(p, SPOTLIGHT).count() == 0,
                        "the post leaving trends")
        demo.shot("trends-do_not_amplify")

        page = demo.open(latest)
        expect(surface(page, "search_latest", SPOTLIGHT)).to_have_count(1)
        page = demo.open(profile)
        kept = surface(page, "profile", SPOTLIGHT)
        expect(kept).to_have_count(1)
        expect(kept).to_have_attribute("data-actions", "avoid_ads")
        kept.locator("summary", has_text="why?").click()
        expect(kept.locator("details.why")).to_contain_text("do_not_amplify")

    demo.eventually(top, lambda p: surface(p, "search_top", SPOTLIGHT).count() == 1,
                    "the post back in search top")
    demo.eventually("/demo/trends", lambda p: trend_sample(p, SPOTLIGHT).count() >= 1,
                    "the post back in trends")
    assert demo.errors == []


def test_interstitial_shows_its_reason_and_reveals(demo: Demo) -> None:
    page = demo.open("/demo/@gus_shoots?as=")
    post = surface(page, "profile", CRASH_PHOTO)
    expect(post.locator(".interstitial")).to_contain_text("Sensitive media")
    expect(post.locator(".interstitial")).to_contain_text("sensitive_media")
    body = post.locator(".body")
    expect(body).to_be_hidden()
    demo.shot("profile-gus_shoots-interstitial")

    post.get_by_role("button", name="Show").click()
    expect(body).to_be_visible()
    expect(body).to_contain_text("bike race")
    hide = post.get_by_role("button", name="Hide")
    expect(hide).to_have_attribute("aria-expanded", "true")
    hide.focus()  # and by keyboard
    page.keyboard.press("Enter")
    expect(body).to_be_hidden()

    # A viewer who opted in to sensitive media sees it directly.
    page = demo.open("/demo/@gus_shoots?as=ivan_ops")
    post = surface(page, "profile", CRASH_PHOTO)
    expect(post.locator(".interstitial")).to_have_count(0)
    expect(post.locator(".body")).to_be_visible()
    assert demo.errors == []


def test_each_verdict_renders_as_the_platform_would(demo: Demo) -> None:
    # label + downrank: the rumour carries a context notice and sinks to the end of home.
    page = demo.open("/demo?as=ana_reports")
    home = surface(page, "home_timeline")
    expect(home.last).to_have_attribute("data-post-id", VOTE_RUMOUR)
    expect(home.last.locator(".context")).to_contain_text("disputed")
    # drop for followers; tombstone with the reason for the author.
    expect(surface(page, "home_timeline", CLERK_PHONE)).to_have_count(0)
    page = demo.open("/demo/@pat_q?as=pat_q")
    tomb = surface(page, "profile", CLERK_PHONE)
    expect(tomb).to_contain_text("This post is unavailable")
    expect(tomb).to_contain_text("private information")
    page = demo.open("/demo/@deals4u?as=")
    expect(surface(page, "profile", FAKE_RAFFLE)).to_contain_text("This post is unavailable")
    # avoid_ads: no ad slot right after the post.
    page = demo.open("/demo?as=maya_s")
    rant = surface(page, "home_timeline", REF_RANT)
    expect(rant).to_have_attribute("data-actions", "avoid_ads")
    assert rant.evaluate("el => !el.nextElementSibling?.matches('aside.ad')")
    assert page.locator("aside.ad").count() >= 3
    # search_blacklist: the account is gone from people search and its posts from search.
    page = demo.open("/demo/search?q=deals")
    expect(page.locator('article.person[data-account-id="acct-deals4u"]')).to_have_count(0)
    expect(page.locator('li[data-dropped-id="acct-deals4u"]')).to_contain_text("search_blacklist")

    # limited_engagement, through a label the seed does not use.
    with label(demo.server, "kofi_fan-7", "hateful_conduct", "hateful_conduct"):
        demo.eventually("/demo?as=maya_s",
                        lambda p: surface(p, "home_timeline", "kofi_fan-7")
                        .get_attribute("data-actions") == "label limited_engagement avoid_ads",
                        "hateful_conduct for a follower")
        page = demo.page
        post = surface(page, "home_timeline", "kofi_fan-7")
        expect(post.get_by_role("button", name="Reply")).to_be_disabled()
        expect(post.get_by_role("button", name=re.compile("^Like"))).to_be_disabled()
        expect(post.locator(".limited")).to_be_visible()
        page = demo.open("/demo/@kofi_fan?as=")
        post = surface(page, "profile", "kofi_fan-7")
        expect(post.locator(".interstitial")).to_contain_text("hateful conduct")
        expect(post.get_by_role("button", name="Reply")).to_be_disabled()
        demo.shot("profile-kofi_fan-hateful_conduct")
    assert demo.errors == []


def test_viewer_switcher_is_a_labelled_form_and_sticks(demo: Demo) -> None:
    page = demo.open("/demo?as=")
    page.get_by_label("Viewing as").select_option("kofi_fan")
    page.get_by_role("button", name="Switch viewer").click()
    expect(page.get_by_text("Posts of the accounts @kofi_fan follows")).to_be_visible()
    page.get_by_role("link", name="Trends").click()
    expect(page.get_by_label("Viewing as")).to_have_value("kofi_fan")
    page.get_by_label("Search Riverton").fill("#DerbyDay")
    page.get_by_label("Search Riverton").press("Enter")
    expect(surface(page, "search_top").first).to_be_visible()
    expect(page.get_by_label("Viewing as")).to_have_value("kofi_fan")
    assert demo.errors == []


PAGES = ["/demo", "/demo?as=maya_s", "/demo?as=pat_q", "/demo/search",
         "/demo/search?q=%23VoteRiverton", "/demo/search?q=festival&tab=latest",
         "/demo/trends", "/demo/@gus_shoots", "/demo/@deals4u", "/demo/status/pat_q",
         "/demo/status/deals4u"]


def test_no_console_errors_on_any_page(demo: Demo) -> None:
    for path in PAGES:
        demo.open(path)
        name = re.sub(r"[^A-Za-z0-9_@-]+", "-", path.removeprefix("/demo")).strip("-")
        demo.shot(f"page-{name or 'home'}")
    assert demo.errors == []

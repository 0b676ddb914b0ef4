"""Leak tracing in the console, in Chromium: a security officer composes a memo, reviews its
wording variants (rejecting a family updates the plan in place), uploads the recipient list
and issues the copies; another staff member opens the memo's console page, a screenshot of
it leaks, and the trace page reads the screenshot (OCR) back to that viewer, the page and
the time. A screenshot of each page; no console errors."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import TYPE_CHECKING

import pytest
from playwright.sync_api import Browser, Page, expect

if TYPE_CHECKING:
    from conftest import Demo, DemoServer

from tests.browser.console_helpers import console_shot, sign_in, staff

pytestmark = pytest.mark.browser

REPO = Path(__file__).resolve().parents[2]
MEMO = (REPO / "tests" / "fixtures" / "texts" / "en_handbook.txt").read_text("utf-8")
PEOPLE = "id,name,email\n" + "".join(f"p{i},Person {i},p{i}@example.org\n" for i in range(12))





def issue_memo(page: Page, shots: Path, tmp_path: Path) -> str:
    page.get_by_role("link", name="Memos").click()
    page.get_by_label("Title").fill("Handbook excerpt")
    page.get_by_label("Memo text").fill(MEMO)
    page.screenshot(path=str(console_shot(shots, "leaks_compose")), full_page=True)
    page.get_by_role("button", name="Review variants and plan").click()
    expect(page.get_by_role("heading", name="Wording variants")).to_be_visible()
    family = page.locator("fieldset.family legend input[type=checkbox]").first
    family_name = family.get_attribute("value")
    lexical = page.locator("caption:has-text('Capacity') + thead + tbody tr",
                           has_text="lexical").locator("td").nth(1)
    before = int(lexical.inner_text())
    family.focus()
    page.keyboard.press("Space")  # reject the whole family from the keyboard
    page.get_by_role("button", name="Update the plan").click()
    expect(page.get_by_role("checkbox", name=f"use the family {family_name}")).not_to_be_checked()
    expect(lexical).not_to_have_text(str(before))
    assert int(lexical.inner_text()) < before
    page.screenshot(path=str(console_shot(shots, "leaks_review")), full_page=True)
    people = tmp_path / "people.csv"
    people.write_text(PEOPLE, encoding="utf-8")
    page.get_by_label("Recipient list (CSV with the header id,name,email)").set_input_files(people)
    page.get_by_role("button", name="Issue copies").click()
    expect(page.get_by_role("heading", name="Handbook excerpt")).to_be_visible()
    expect(page.get_by_role("link", name="Download the 12 copies (zip)")).to_be_visible()
    return page.url


def test_issue_a_memo_and_trace_a_console_screenshot_to_its_viewer(
    demo: Demo, browser: Browser, demo_server: DemoServer, tmp_path: Path
) -> None:
    officer = staff(demo_server, "leak-sec", "admin")
    viewer = staff(demo_server, "leak-ola", "admin")
    sign_in(demo.page, demo_server, officer)
    memo_url = issue_memo(demo.page, demo.shots, tmp_path)
    demo.page.screenshot(path=str(console_shot(demo.shots, "leaks_memo")), full_page=True)

    # another staff member opens the memo's page; a screenshot of its text leaks
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    other = context.new_page()
    errors: list[str] = []
    other.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    sign_in(other, demo_server, viewer)
    other.goto(memo_url)
    leaked = console_shot(demo.shots, "leaks_leaked_page")
    other.locator(".memo-text").screenshot(path=str(leaked))
    context.close()
    assert not errors

    # the officer traces the screenshot
    demo.page.get_by_role("link", name="Leak trace").click()
    demo.page.get_by_label("Or upload the leak (text, PNG or JPEG screenshot)").set_input_files(
        leaked)
    demo.page.get_by_role("button", name="Trace").click()
    result = demo.page.locator("#result")
    expect(result.get_by_role("heading", name="Verdict: identified")).to_be_visible(
        timeout=120_000)
    accused = result.locator("tr.accused")
    expect(accused).to_have_count(1)
    expect(accused.locator("td").nth(1)).to_have_text(viewer)
    expect(accused.locator("td").nth(2)).to_have_text(memo_url.removeprefix(demo_server.url))
    expect(accused.locator("td").nth(3)).to_contain_text("T")  # the time of the view
    demo.page.screenshot(path=str(console_shot(demo.shots, "leaks_trace")), full_page=True)
    assert not demo.errors

    # `townsquare leak trace` on the same screenshot names the same view
    env = {k: v for k, v in os.environ.items() if not k.startswith("TOWNSQUARE_")}
    env |= {"TOWNSQUARE_DATA_DIR": str(demo_server.log.parent),
            "TOWNSQUARE_TOKEN": demo_server.admin_token}
    ran = subprocess.run([str(Path(sys.executable).with_name("townsquare")), "leak", "trace",
                          str(leaked), "--json"], env=env, capture_output=True, text=True,
                         timeout=300, check=False)
    assert ran.returncode == 0, ran.stderr
    report = json.loads(ran.stdout)
    assert report["kind"] == "console_page" and report["verdict"] == "identified"
    [who] = report["accused"]
    assert (who["name"], who["page"]) == (viewer, memo_url.removeprefix(demo_server.url))

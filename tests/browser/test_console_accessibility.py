"""Accessibility basics over every console section in Chromium, as an admin who sees them
all: every visible form control has a label (or an aria label), every button and link has
a name, each page has one <h1>, and Tab reaches the main controls; no console errors."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import pytest
from playwright.sync_api import Page
from tests.browser.console_helpers import sign_in, staff

if TYPE_CHECKING:
    from conftest import Demo

pytestmark = pytest.mark.browser

# Controls without an accessible name, and the page's heading count, as the browser sees
# them (labels by for=, wrapping <label>, aria-label or aria-labelledby).
AUDIT_JS = """() => {
  const visible = (el) => !!(el.offsetWidth || el.offsetHeight || el.getClientRects().length);
  const named = (el) => (el.labels && el.labels.length > 0) || el.getAttribute('aria-label')
      || el.getAttribute('aria-labelledby') || el.getAttribute('title');
  const unlabelled = [...document.querySelectorAll('input, select, textarea')]
    .filter((el) => el.type !== 'hidden' && visible(el) && !named(el))
    .map((el) => el.outerHTML.slice(0, 120));
  const nameless = [...document.querySelectorAll('button, a[href]')]
    .filter((el) => visible(el) && !(el.innerText.trim() || el.getAttribute('aria-label')
                                      || el.getAttribute('title')))
    .map((el) => el.outerHTML.slice(0, 120));
  return {unlabelled, nameless, h1: document.querySelectorAll('h1').length,
          nav: [...document.querySelectorAll('header nav a')].map((a) => a.getAttribute('href'))};
}"""


def audit(page: Page) -> dict[str, Any]:
    result: dict[str, Any] = page.evaluate(AUDIT_JS)
    return result


def test_every_console_section_has_labelled_controls_and_named_actions(demo: Demo) -> None:
    page, server = demo.page, demo.server
    sign_in(page, server, staff(server, "a11y-admin", "admin"))
    sections = audit(page)["nav"]
    assert len(sections) >= 10, sections  # dashboard, queues, appeals, council, audit, ...
    problems = []
    for href in ["/console/login", *sections]:
        page.goto(server.url + href)
        found = audit(page)
        if found["unlabelled"] or found["nameless"] or found["h1"] != 1:
            problems.append(f"{href}: {found}")
    assert not problems, "\n".join(problems)
    # The keyboard reaches the first control of the main area from the top of the page.
    page.goto(server.url + "/console/")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.textContent") == "Skip to content"
    assert not demo.errors, demo.errors

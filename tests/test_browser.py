"""In a real browser (Debian's chromium through Playwright), against the live server."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from typing import Any

import pytest
from playwright.sync_api import Browser, sync_playwright

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
# Headless and quiet: no background networking, which this machine's closed network refuses.
FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=CHROMIUM, args=FLAGS)
        yield launched
        launched.close()


def test_in_russian_on_12_august_2011_seven_members_and_belarus_chairs(
    browser: Browser, live_server: Any, csto_committed: None
) -> None:
    page = browser.new_page()
    page.goto(live_server.url + "/")
    page.get_by_role("link", name="Русский").click()
    page.wait_for_selector('html[lang="ru"]')
    assert page.get_by_role("heading", level=1).inner_text().startswith("Организация")

    page.fill("#asof-date", "2011-08-12")
    page.locator("form.asof button[type=submit]").click()
    page.wait_for_url("**/?date=2011-08-12")

    assert page.get_by_test_id("member-count").inner_text() == "7"
    members = page.get_by_test_id("members").locator("li").all_inner_texts()
    assert len(members) == 7
    assert "Узбекистан" in " ".join(members)
    chair = page.get_by_test_id("chair").inner_text()
    assert "Беларусь" in chair
    assert "Лукашенко" in chair
    page.close()


def test_the_pages_lay_out_on_a_phone_without_sideways_scrolling(
    browser: Browser, live_server: Any, csto_committed: None
) -> None:
    page = browser.new_page(viewport={"width": 390, "height": 844})
    for path in ("/", "/en/members/", "/en/members/UZ/"):
        page.goto(live_server.url + path)
        overflow = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
        assert overflow <= 0, f"{path} scrolls sideways by {overflow}px"
    page.close()


def test_the_home_page_shows_the_astana_summit_nearest_12_august_2011(
    browser: Browser, live_server: Any, csto_committed: None
) -> None:
    page = browser.new_page()
    page.goto(live_server.url + "/?date=2011-08-12")
    card = page.get_by_test_id("session-on-date")
    assert "Astana" in card.inner_text()
    assert page.get_by_test_id("session-chair").inner_text() == "Belarus"
    assert page.get_by_test_id("session-present").inner_text().startswith("6 of 7")
    assert "Uzbekistan" in page.get_by_test_id("session-absent").inner_text()
    page.close()

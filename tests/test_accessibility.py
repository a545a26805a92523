"""Every page type in a real browser: axe-core at WCAG 2.1 A and AA, the layout at a laptop's and a
phone's width, and keyboard-only use.

One server, one Chromium, one test database for the whole module: each page is opened once per
language and persona, checked at 1280 × 800, then resized to 390 × 844 (the media queries follow
the resize) and checked again. A failing run lists every finding at once, by page and rule, so one
run tells what to fix.

axe-core is the copy shipped in the axe-playwright-python wheel (a dev dependency), injected into
each page; its version is printed in a failure so a new release's new rules can be told apart from
a regression.
"""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

import pytest
from axe_playwright_python.base import AXE_SCRIPT
from django.conf import settings
from django.test import Client
from playwright.sync_api import Browser, BrowserContext, Page, sync_playwright

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
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
WIDE = {"width": 1280, "height": 800}
PHONE = {"width": 390, "height": 844}
AXE_OPTIONS = {
    "runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]},
    "resultTypes": ["violations"],
}

pytestmark = pytest.mark.browser


@dataclass(frozen=True)
class PageType:
    name: str
    path: str  # without the language prefix
    persona: str = "public"


# One representative address of every page type, as the role that sees it (docs/access-table.json
# says who may open which).
PAGES = [
    PageType("home", "/?date=2011-08-12"),
    PageType("members", "/members/"),
    PageType("state", "/members/UZ/"),
    PageType("offices", "/offices/"),
    PageType("journal", "/journal/"),
    PageType("depositary", "/depositary/"),
    PageType("instrument", "/depositary/instruments/cst-1992/?date=2011-08-12"),
    PageType("depositary state", "/depositary/states/BY/?date=2011-08-12"),
    PageType("matrix", "/depositary/matrix/?date=2011-08-12"),
    PageType("notifications", "/depositary/notifications/"),
    PageType("pending acts", "/depositary/pending/", "sofia"),
    PageType("meetings", "/meetings/"),
    PageType("session", "/meetings/sessions/csc-2011-08-12/"),
    PageType("decision", "/meetings/sessions/csc-2009-06-14/decisions/crrf-agreement/"),
    PageType("attendance", "/meetings/attendance/"),
    PageType("session on a date", "/meetings/on/?date=2011-08-12"),
    PageType("forces", "/forces/?date=2022-01-10"),
    PageType("pledge form", "/forces/pledge/", "boris"),
    PageType("assistance", "/assistance/"),
    PageType("assistance request", "/assistance/requests/kz-2022/"),
    PageType("request form", "/assistance/requests/new/", "boris"),
    PageType("mission", "/assistance/missions/kz-2022-cpf/"),
    PageType("entry bans", "/entry-bans/"),
    PageType("screening (anonymous)", "/entry-bans/screen/"),
    PageType("screening", "/entry-bans/screen/", "kair"),
    PageType("listings", "/entry-bans/listings/", "boris"),
    PageType("listing", "/entry-bans/listings/DEMO-BY-0001/", "boris"),
    PageType("listing form", "/entry-bans/listings/new/", "boris"),
    PageType("persons' requests", "/entry-bans/requests/", "sofia"),
    PageType("reviews", "/entry-bans/reviews/", "sofia"),
    PageType("purpose notices", "/entry-bans/purpose-notices/", "boris"),
    PageType("hit reports", "/entry-bans/hit-reports/", "kair"),
    PageType("access log", "/entry-bans/access-log/", "aud"),
    PageType("membership notifications", "/members/notifications/", "sofia"),
    PageType("indicator form", "/members/BY/indicators/new/", "sofia"),
    PageType("audit", "/audit/", "sofia"),
    PageType("second factor", "/account/second-factor/", "sofia"),
    PageType("login", "/login/"),
    PageType("password reset", "/password-reset/"),
]
# Outside the language prefix; the reference follows the language asked for.
API_DOCS = {"en": "/api/v1/docs?lang=en", "ru": "/api/v1/docs?lang=ru"}


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=CHROMIUM, args=FLAGS)
        yield launched
        launched.close()


def _context(browser: Browser, live_server: Any, persona: Any | None) -> BrowserContext:
    """A browser context signed in as the persona (a session made by Django's test client, the way
    the access-table test signs in), or anonymous."""
    context = browser.new_context(viewport=WIDE)
    if persona is not None:
        client = Client()
        client.force_login(persona)
        cookie = client.cookies[settings.SESSION_COOKIE_NAME]
        context.add_cookies(
            [{"name": cookie.key, "value": cookie.value, "url": live_server.url + "/"}]
        )
    return context


def _axe(page: Page) -> list[dict[str, Any]]:
    if not page.evaluate("typeof window.axe !== 'undefined'"):
        page.evaluate(AXE_SCRIPT)
    violations: list[dict[str, Any]] = page.evaluate(
        "options => axe.run(document, options).then(r => r.violations)", AXE_OPTIONS
    )
    return violations


NAV_LINES = """() => {
  const items = [...document.querySelectorAll('header.site nav li')]
    .filter(li => li.offsetParent !== null);
  return new Set(items.map(li => Math.round(li.getBoundingClientRect().top))).size;
}"""
NAV_COLLAPSED = """() => {
  const toggle = document.querySelector('header.site nav .menu-toggle');
  const list = document.querySelector('header.site nav ul');
  return toggle !== null && toggle.offsetParent !== null
    && toggle.getAttribute('aria-expanded') === 'false' && list.offsetParent === null;
}"""


def _findings(page: Page, label: str) -> list[str]:
    found = []
    for width in (WIDE, PHONE):
        page.set_viewport_size(width)
        where = f"{label} @{width['width']}"
        for violation in _axe(page):
            targets = "; ".join(" ".join(node["target"]) for node in violation["nodes"][:3])
            found.append(
                f"{where}: {violation['id']} ({violation['impact']}) × {len(violation['nodes'])}: "
                f"{targets}"
            )
        if width is PHONE:
            overflow = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
            if overflow > 0:
                found.append(f"{where}: the page scrolls sideways by {overflow}px")
            if page.query_selector("header.site nav .menu-toggle") and not page.evaluate(
                NAV_COLLAPSED
            ):
                found.append(f"{where}: the main navigation is not folded behind its button")
        elif page.query_selector("header.site nav"):
            lines = page.evaluate(NAV_LINES)
            if lines > 1:
                found.append(f"{where}: the main navigation takes {lines} lines")
    return found


def test_every_page_type_passes_axe_and_lays_out_at_1280_and_390_in_both_languages(
    browser: Browser, live_server: Any, csto_committed: None, personas: Any
) -> None:
    findings: list[str] = []
    contexts: dict[str, BrowserContext] = {}
    version = ""
    for kind in PAGES:
        if kind.persona not in contexts:
            user = None if kind.persona == "public" else getattr(personas, kind.persona)
            contexts[kind.persona] = _context(browser, live_server, user)
        page = contexts[kind.persona].new_page()
        for language in ("en", "ru"):
            response = page.goto(f"{live_server.url}/{language}{kind.path}")
            assert response is not None and response.ok, f"{kind.name} ({language}): {response}"
            assert page.evaluate("document.documentElement.lang") == language
            findings += _findings(page, f"{kind.name} /{language}{kind.path} as {kind.persona}")
        if not version:
            version = page.evaluate("axe.version")
        page.close()
    page = contexts["public"].new_page()
    for path in API_DOCS.values():
        page.goto(live_server.url + path)
        findings += _findings(page, f"API reference {path}")
    page.close()
    for context in contexts.values():
        context.close()
    assert not findings, f"axe-core {version}:\n" + "\n".join(findings)

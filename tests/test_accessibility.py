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
from playwright.sync_api import Browser, BrowserContext, Page, ViewportSize, sync_playwright

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
WIDE: ViewportSize = {"width": 1280, "height": 800}
PHONE: ViewportSize = {"width": 390, "height": 844}
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


CONTROLS = """() => {
  const selector = 'a[href], button, input:not([type=hidden]), select, textarea, summary, '
    + '[tabindex]:not([tabindex="-1"])';
  const shown = e => e.getClientRects().length > 0 && getComputedStyle(e).visibility !== 'hidden'
    && !e.disabled && !e.closest('details:not([open]) > :not(summary)');
  window.kbdCount = window.kbdCount || 0;
  const found = {};
  for (const e of [...document.querySelectorAll(selector)].filter(shown)) {
    if (!e.hasAttribute('data-kbd')) { e.setAttribute('data-kbd', String(window.kbdCount++)); }
    found[e.getAttribute('data-kbd')] = e.tagName.toLowerCase() + (e.id ? '#' + e.id : '') + ' '
      + (e.getAttribute('aria-label') || e.textContent || e.name || '').trim().slice(0, 40);
  }
  return found;
}"""
FOCUSED = """() => {
  const e = document.activeElement;
  if (!e || e === document.body) { return null; }
  const style = getComputedStyle(e);
  const ring = style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 2;
  return [e.getAttribute('data-kbd'), ring, e.classList.contains('menu-toggle')
    && e.getAttribute('aria-expanded') === 'false'];
}"""


def _tab_through(page: Page) -> tuple[dict[str, str], set[str], list[str]]:
    """Tab from the top of the page until focus leaves it, opening the folded menu with Enter on
    the way; (every control shown, those reached, those reached without a visible focus ring)."""
    controls: dict[str, str] = page.evaluate(CONTROLS)
    reached: set[str] = set()
    no_ring: list[str] = []
    # A date input takes three Tabs (day, month, year); the rest one each.
    for _ in range(3 * len(controls) + 12):
        page.keyboard.press("Tab")
        focused = page.evaluate(FOCUSED)
        if focused is None:
            break
        index, ring, folded_menu = focused
        if index is None:
            continue
        reached.add(index)
        if not ring:
            no_ring.append(controls[index])
        if folded_menu:
            page.keyboard.press("Enter")
            assert page.locator("header.site nav ul").is_visible()
            controls.update(page.evaluate(CONTROLS))
    return controls, reached, no_ring


# (address, persona, width): the nav, language switch, date picker and chart links; the login form
# with what it is for; an officer's form; the folded menu and a form with dates on a phone.
KEYBOARD_PAGES = [
    ("/en/?date=2011-08-12", "public", WIDE),
    ("/ru/login/?next=/ru/entry-bans/screen/", "public", WIDE),
    ("/ru/entry-bans/screen/", "kair", WIDE),
    ("/ru/forces/pledge/", "boris", PHONE),
]


def test_the_keyboard_alone_reaches_every_control_and_shows_where_the_focus_is(
    browser: Browser, live_server: Any, csto_committed: None, personas: Any
) -> None:
    failures = []
    for path, persona, width in KEYBOARD_PAGES:
        user = None if persona == "public" else getattr(personas, persona)
        context = _context(browser, live_server, user)
        page = context.new_page()
        page.set_viewport_size(width)
        page.goto(live_server.url + path)
        controls, reached, no_ring = _tab_through(page)
        kinds = " ".join(controls.values())
        assert "input" in kinds and "button" in kinds, (path, controls)
        missed = [control for index, control in controls.items() if index not in reached]
        if missed:
            failures.append(f"not reached by Tab on {path}: {missed}")
        if no_ring:
            failures.append(f"focused without a visible ring on {path}: {no_ring}")
        if width is PHONE:
            toggle = page.locator("header.site .menu-toggle")
            assert toggle.get_attribute("aria-expanded") == "true", "the menu did not open"
            assert any("Меню" in control for control in controls.values())
        context.close()
    assert not failures, "\n".join(failures)

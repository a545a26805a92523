"""Render every public page of the site, in both languages, and collect its internal links.

Use `crawl()` to answer "does every link of every page lead somewhere?". It runs in process with
Django's test client (no server, no network): from `/en/` and `/ru/` it follows every internal
link of every HTML page it renders, and fetches every other internal target once (API answers,
exports, feeds, calendars), following redirects within the site. Static files are looked up by the
static-files finders rather than fetched, since serving them is the web server's job.

What counts as a page to read further: an answer in HTML under a language prefix. Each distinct
address (path and query) is fetched once, so a crawl of the CSTO dataset renders a few hundred
pages; `limit` stops a runaway (a page generating ever new addresses) and is reported.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Iterable
from dataclasses import dataclass, field
from html.parser import HTMLParser
from typing import Any
from urllib.parse import urldefrag, urljoin, urlsplit

from django.conf import settings
from django.contrib.staticfiles import finders
from django.test import Client, override_settings

from secretariat.audit.domain.checks import Link

START_PAGES = ("/en/", "/ru/")
_MAX_REDIRECTS = 10


class _LinkParser(HTMLParser):
    """Collects the addresses a page points to: anchors, links, scripts, images, form actions of
    GET forms (a search form's action must exist too)."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.targets: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        if tag in ("a", "link"):
            self._add(values.get("href"))
        elif tag in ("script", "img", "source"):
            self._add(values.get("src"))
        elif tag == "form" and (values.get("method") or "get").lower() == "get":
            self._add(values.get("action"))

    def _add(self, value: str | None) -> None:
        if value:
            self.targets.append(value.strip())


def links_of(html: str, page: str) -> list[str]:
    """The internal addresses (path and query, no fragment) a page links to, in page order."""
    parser = _LinkParser()
    parser.feed(html)
    found = []
    for target in parser.targets:
        if target.startswith(("mailto:", "tel:", "javascript:", "data:")):
            continue
        absolute = urljoin(f"http://{crawl_host()}{page}", target)
        parts = urlsplit(urldefrag(absolute).url)
        if parts.scheme not in ("http", "https") or parts.hostname not in _own_hosts():
            continue
        found.append(parts.path + (f"?{parts.query}" if parts.query else ""))
    return found


def crawl_host() -> str:
    """The host the in-process client presents: one the settings allow (a production install
    allows its own name only), else localhost (allowed by default, and by "*")."""
    for host in settings.ALLOWED_HOSTS:
        if host and host != "*" and not host.startswith("."):
            return host
    return "localhost"


def client_for_site() -> Client:
    """A client that asks as a visitor of this install would, from an allowed host; fetch with
    `get(client, address)`, which asks over HTTPS when the site sends plain HTTP there."""
    # A page that fails is a finding (500), not the end of the crawl.
    return Client(SERVER_NAME=crawl_host(), raise_request_exception=False)


def get(client: Client, address: str) -> Any:
    # Behind SECURE_SSL_REDIRECT every plain request would only answer with that redirect.
    return client.get(address, secure=bool(settings.SECURE_SSL_REDIRECT))


def _own_hosts() -> set[str]:
    hosts = {crawl_host(), "localhost", "testserver", "127.0.0.1"}
    hosts.update(h for h in settings.ALLOWED_HOSTS if h and not h.startswith("."))
    return hosts


@dataclass
class CrawlResult:
    pages: list[str] = field(default_factory=list)  # HTML pages rendered and read for links
    fetched: int = 0  # every address fetched (pages, API answers, exports, feeds)
    links: list[Link] = field(default_factory=list)
    truncated: bool = False  # the limit was reached before every address was fetched

    def languages(self) -> dict[str, int]:
        counts: dict[str, int] = {}
        for page in self.pages:
            prefix = page.split("/", 2)[1] if page.count("/") >= 2 else ""
            counts[prefix] = counts.get(prefix, 0) + 1
        return counts


def _is_static(path: str) -> bool:
    return path.startswith(settings.STATIC_URL)


def _static_status(path: str) -> int:
    name = path[len(settings.STATIC_URL) :].split("?", 1)[0]
    return 200 if finders.find(name) else 404


def _readable(path: str) -> bool:
    """Pages under a language prefix are read for further links; other answers only checked."""
    return any(path.startswith(f"/{code}/") for code, _ in settings.LANGUAGES)


def crawl(
    client: Client | None = None,
    start: Iterable[str] = START_PAGES,
    *,
    limit: int = 5000,
    depth: int | None = None,
) -> CrawlResult:
    """Fetch `start` and everything reachable from it by internal links; see the module docs.

    `depth=1` reads only the start pages and checks where their links lead (a page's own links);
    None follows links as far as they go."""
    client = client or client_for_site()
    with plain_static_names():
        return _crawl(client, start, limit, depth)


def plain_static_names() -> override_settings:
    """Pages name their styles and scripts through the static-files storage, and the production
    one needs `collectstatic` to have run. Rendering pages in process checks the site's own links
    and figures, not the static build (the served-app test does), so it names them plainly."""
    plain = {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"}
    return override_settings(STORAGES={**settings.STORAGES, "staticfiles": plain})


def _crawl(client: Client, start: Iterable[str], limit: int, depth: int | None) -> CrawlResult:
    result = CrawlResult()
    status_of: dict[str, int] = {}
    queue: deque[tuple[str, str, int]] = deque(("(start)", address, 0) for address in start)
    waiting: list[tuple[str, str]] = []  # (page, target) whose target is not fetched yet
    while queue:
        page, address, level = queue.popleft()
        waiting.append((page, address))
        if address in status_of:
            continue
        if len(status_of) >= limit:
            result.truncated = True
            status_of[address] = 0  # not fetched; not reported as broken
            continue
        if _is_static(address):
            status_of[address] = _static_status(address)
            continue
        status, final, response = _fetch(client, address)
        status_of[address] = status
        result.fetched += 1
        if status != 200 or response is None or not _readable(final):
            continue
        if depth is not None and level >= depth:
            continue
        if "text/html" not in response.get("Content-Type", ""):
            continue
        result.pages.append(address)
        html = response.content.decode(response.charset or "utf-8", errors="replace")
        for target in links_of(html, final):
            queue.append((address, target, level + 1))
    result.links = [
        Link(page, target, status_of[target])
        for page, target in waiting
        if page != "(start)" or status_of[target] >= 400
    ]
    return result


def _fetch(client: Client, address: str) -> tuple[int, str, Any]:
    """Fetch an address, following redirects within the site; (status, final address, response)."""
    current = address
    for _ in range(_MAX_REDIRECTS):
        if _is_static(current):
            return _static_status(current), current, None
        response = get(client, current)
        if response.status_code not in (301, 302, 303, 307, 308):
            return response.status_code, current, response
        location = urljoin(f"http://{crawl_host()}{current}", response["Location"])
        parts = urlsplit(location)
        if parts.hostname not in _own_hosts():
            return response.status_code, current, None  # leaves the site: not ours to check
        current = parts.path + (f"?{parts.query}" if parts.query else "")
    return 310, current, None  # too many redirects: reported as a broken link

"""A crawl of the portal in one language, and the passages in the other language's script it finds.

Use it to ask "does the Russian side show English anywhere?" (and the reverse): `crawl(client,
"ru")` renders, with the in-process test client, every page reachable by following the internal
links from `/ru/` (plus the seed addresses given), and `foreign_passages(...)` lists each run of
Latin words on a Russian page (Cyrillic words on an English one) that the allow-list does not cover.

The allow-list, short on purpose:
- anything inside an element whose `lang` is the other language (`lang="en"` on a Russian page):
  a record's English text shown because its Russian is pending (the `{% text %}` tag marks it
  "перевод готовится"), a name given in its original form, the language switch;
- `<code>`, `<kbd>`, `<samp>` and elements with `translate="no"`: codes, hashes, user names;
- URLs, addresses, e-mail addresses, file names (sessions.csv), the few names in
  `ORIGINAL_FORMS`, and the words in `PRODUCT_NAMES` (standards and products
  that have no translation: Atom, iCalendar, CSV, JSON, API, SVG, TOTP, …);
- codes: words of capitals and digits (BY, ISO3, SHA-256), record codes with digits or hyphens
  (`csc-2011-08-12`, `charter-2002`).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from html.parser import HTMLParser
from urllib.parse import urlsplit

from django.test import Client

PRODUCT_NAMES = frozenset(
    {
        "API",
        "OpenAPI",
        "Atom",
        "iCalendar",
        "CSV",
        "JSON",
        "SVG",
        "TOTP",
        "RFC",
        "UTC",
        "ISO",
        "Ed25519",
        "SHA",
        "Merkle",
        "FollowTheMoney",
        "yente",
        "Freedom",
        "House",
        "PDF",
        "HTTP",
        "HTTPS",
        "Bearer",
    }
)
LATIN_RUN = re.compile(r"[A-Za-z][A-Za-z0-9'’.\-]*(?:[\s,:;()/]+[A-Za-z][A-Za-z0-9'’.\-]*)*")
CYRILLIC_RUN = re.compile(
    r"[А-Яа-яЁё][А-Яа-яЁё0-9'’.\-]*(?:[\s,:;()/]+[А-Яа-яЁё][А-Яа-яЁё0-9'’.\-]*)*"
)
URL = re.compile(r"(?:https?://|/)[^\s<>\"]*|[\w.+-]+@[\w.-]+")
CODE_WORD = re.compile(
    r"[a-zA-Z]|[A-Z0-9][A-Z0-9.\-]*|[a-z0-9]+(?:-[a-z0-9]+)+|[a-z]*\d[\w\-]*|[0-9a-f]{8,}"
)
WORD = re.compile(r"[A-Za-z][A-Za-z0-9'’.\-]*")
FILE_NAME = re.compile(r"[\w-]+\.(?:csv|json|ics|xml|pdf)\b")
# Latin inside a Russian record text that is right as it is: a name given in its original form.
# A data defect found by the crawl goes here only with the record it is in, until it is fixed.
ORIGINAL_FORMS = (
    "France 24",  # a television channel, in members.json (Armenia, 2024)
    "«almaty:",  # the code in the example of the mandate form's areas field
    "Lake Sevan",  # city_ru of csc-2010-08-20 reads "Ереван / Lake Sevan": to be "озеро Севан"
    "Jamestown",  # the Jamestown Foundation, cited by name in a chair term's note_ru (offices)
    "The Hindu",  # a newspaper, cited by name in note_ru of third-country-bases (2011)
    "kremlin.ru",  # site names cited in note_ru of Georgia's membership events
    "alliansfriheten.se",
)
CODE_ELEMENTS = frozenset({"code", "kbd", "samp"})
SKIPPED_ELEMENTS = frozenset({"script", "style"})
VOID_ELEMENTS = frozenset(
    {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "wbr"}
)
SHOWN_ATTRIBUTES = ("title", "alt", "aria-label", "placeholder")


@dataclass
class Page:
    path: str
    status: int
    content_type: str
    texts: list[str] = field(default_factory=list)  # what a reader sees, outside the allow-list
    links: list[str] = field(default_factory=list)
    pending: int = 0  # record texts shown in the other language, marked as pending translation


class _TextCollector(HTMLParser):
    """The visible texts of a page that are in its own language's part: text nodes and shown
    attributes, leaving out elements marked as another language or as codes."""

    def __init__(self, lang: str) -> None:
        super().__init__(convert_charrefs=True)
        self.lang = lang
        self.stack: list[tuple[str, bool]] = []  # (tag, excluded)
        self.texts: list[str] = []
        self.links: list[str] = []

    def _excluded(self) -> bool:
        return bool(self.stack) and self.stack[-1][1]

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {name: value or "" for name, value in attrs}
        if tag == "a" and values.get("href"):
            self.links.append(values["href"])
        marked = values.get("lang", self.lang).split("-")[0] != self.lang and "lang" in values
        excluded = (
            self._excluded()
            or tag in SKIPPED_ELEMENTS
            or tag in CODE_ELEMENTS
            or values.get("translate") == "no"
            or marked
        )
        if not excluded:
            self.texts.extend(values[a] for a in SHOWN_ATTRIBUTES if values.get(a))
            if (
                tag == "input"
                and values.get("type") in {"submit", "button"}
                and values.get("value")
            ):
                self.texts.append(values["value"])
        if tag not in VOID_ELEMENTS:
            self.stack.append((tag, excluded))

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.handle_starttag(tag, attrs)
        if tag not in VOID_ELEMENTS:
            self.stack.pop()

    def handle_endtag(self, tag: str) -> None:
        # Pop to the matching element (HTML lets some end tags be left out).
        for depth in range(len(self.stack) - 1, -1, -1):
            if self.stack[depth][0] == tag:
                del self.stack[depth:]
                return

    def handle_data(self, data: str) -> None:
        if data.strip() and not self._excluded():
            self.texts.append(data)


def _calendar_texts(body: str) -> list[str]:
    unfolded = re.sub(r"\r?\n[ \t]", "", body)
    texts = []
    for line in unfolded.splitlines():
        name, _, value = line.partition(":")
        if name.split(";")[0] in {"SUMMARY", "DESCRIPTION", "LOCATION", "X-WR-CALNAME"}:
            texts.append(value.replace("\\n", " ").replace("\\,", ",").replace("\\;", ";"))
    return texts


def _is_allowed(run: str) -> bool:
    words = WORD.findall(URL.sub(" ", run))
    return all(w.strip(".-’'") in PRODUCT_NAMES or CODE_WORD.fullmatch(w.strip(".")) for w in words)


PENDING_MARKER = "(перевод готовится)"
PENDING_MARKERS = {"ru": PENDING_MARKER, "en": "(translation pending)"}


def foreign_passages(texts: list[str], lang: str) -> list[str]:
    """The runs of words in the other language's script, outside the allow-list."""
    pattern = LATIN_RUN if lang == "ru" else CYRILLIC_RUN
    found = []
    for text in texts:
        # Where markup cannot mark the fallback (<title>, attributes), `{% text … plain=True %}`
        # follows the English with the marker: what comes before it is the pending text.
        text = URL.sub(" ", text.rpartition(PENDING_MARKER)[2])
        text = FILE_NAME.sub(" ", text)
        for name in ORIGINAL_FORMS:
            text = text.replace(name, " ")
        for match in pattern.finditer(text):
            run = match.group(0).strip(" ,:;()/")
            if lang == "en" or not _is_allowed(run):
                found.append(run)
    return found


ISO_DATE = re.compile(r"(?<![\w-])\d{4}-\d{2}-\d{2}(?![\w-])")


def iso_dates(texts: list[str]) -> list[str]:
    """Dates a reader sees in ISO form (2011-08-12) rather than in the page's language; codes
    that contain a date (csc-2011-08-12) and `<code>` are not counted, nor a pending text in
    the other language before its marker (as in `foreign_passages`): it is shown as it is."""
    return [
        m.group(0)
        for text in texts
        for m in ISO_DATE.finditer(URL.sub(" ", text.rpartition(PENDING_MARKER)[2]))
    ]


def _internal(href: str, lang: str) -> str | None:
    parts = urlsplit(href)
    if parts.scheme or parts.netloc or not parts.path.startswith(f"/{lang}/"):
        return None
    return parts.path + (f"?{parts.query}" if parts.query else "")


def crawl(
    client: Client, lang: str, seeds: Sequence[str] = (), queries_per_path: int = 2
) -> list[Page]:
    """Every page reachable from /<lang>/ (and the seeds) by internal links. A page with many
    query variants (date pickers, filters) is visited with at most `queries_per_path` of them."""
    queue = [f"/{lang}/", *seeds]
    seen: set[str] = set()
    variants: Counter[str] = Counter()
    pages = []
    while queue:
        path = queue.pop(0)
        bare = path.split("?")[0]
        if path in seen or ("?" in path and variants[bare] >= queries_per_path):
            continue
        seen.add(path)
        if "?" in path:
            variants[bare] += 1
        response = client.get(path)
        content_type = response.get("Content-Type", "")
        page = Page(path, response.status_code, content_type)
        pages.append(page)
        if response.status_code != 200 or response.streaming:
            continue
        body = response.content.decode()
        if content_type.startswith("text/html"):
            collector = _TextCollector(lang)
            collector.feed(body)
            page.texts, page.links = collector.texts, collector.links
            page.pending = body.count('class="pending-translation"') + body.count(
                PENDING_MARKERS[lang]
            )
        elif content_type.startswith("text/calendar"):
            page.texts = _calendar_texts(body)
        for href in page.links:
            target = _internal(href, lang)
            if target and target not in seen and "/logout" not in target:
                queue.append(target)
    return pages

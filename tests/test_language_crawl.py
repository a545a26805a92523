"""The Russian side shows no English passage, the English side no Cyrillic one: a crawl from
/ru/ (and /en/) through every internal link, with the pages of the access table as seeds
(tests/language_crawl.py says what a passage is and what the short allow-list covers). A record
text whose Russian is still missing is shown in English inside a marked `lang="en"` span with
"перевод готовится", which the crawl accepts; English anywhere else fails."""

from __future__ import annotations

import re
from typing import Any

import pytest
from django.test import Client

from secretariat.core.languages import swap_prefix
from tests.language_crawl import Page, crawl, foreign_passages, iso_dates
from tests.test_languages import PAGES

pytestmark = pytest.mark.django_db


# Where a Russian page may still show a record's English, marked as pending: the entry-ban
# register's fictitious demonstration listings (their authorities, assessments and reasons are
# kept in English only: the listing has no Russian fields yet).
STILL_PENDING = (r"/ru/entry-bans/listings/DEMO-[A-Z]{2}-\d{4}/",)


def _crawl(personas: Any, lang: str) -> list[Page]:
    client = Client()
    client.force_login(personas.sofia)  # the secretariat sees every page a public visitor sees
    return crawl(client, lang, [swap_prefix(p, lang) for p in PAGES], queries_per_path=1)


def _report(pages: list[Page], lang: str) -> dict[str, list[str]]:
    found = {page.path: foreign_passages(page.texts, lang) for page in pages}
    return {path: passages for path, passages in found.items() if passages}


@pytest.mark.parametrize("lang", ["ru", "en"])
def test_no_page_or_calendar_shows_the_other_languages_script(lang: str, personas: Any) -> None:
    pages = _crawl(personas, lang)
    # The crawl reaches the whole portal: every section, record pages and the calendar.
    assert len(pages) > 150
    assert any(p.path.endswith("calendar.ics") and p.texts for p in pages)
    seeds = {swap_prefix(p, lang) for p in PAGES}
    assert all(p.status == 200 for p in pages if p.path in seeds)
    found = _report(pages, lang)
    print(f"{lang}: {len(pages)} pages crawled, {sum(map(len, found.values()))} passages")
    listing = "\n".join(f"{path}: {passages[:5]}" for path, passages in list(found.items())[:30])
    assert not found, f"{len(found)} pages with passages in the other script:\n{listing}"
    # One form of date on a Russian page: "12 августа 2011 г.", never ISO beside it (ISO stays in
    # URLs and codes). English pages still show the stored texts of depositary notifications,
    # which the services wrote with ISO dates.
    if lang == "ru":
        iso = {page.path: iso_dates(page.texts) for page in pages if iso_dates(page.texts)}
        assert not iso, iso
    # Record texts still shown in the other language, marked "перевод готовится": only where the
    # Russian is known to be missing (STILL_PENDING). Nothing of the English side is pending.
    pending = {page.path: page.pending for page in pages if page.pending}
    print(f"{lang}: {sum(pending.values())} texts pending translation on {len(pending)} pages")
    unexpected = {
        path: count
        for path, count in pending.items()
        if lang == "en" or not any(re.fullmatch(allowed, path) for allowed in STILL_PENDING)
    }
    assert not unexpected, unexpected


def test_the_crawl_finds_english_left_on_a_russian_page() -> None:
    # The detector itself: an unmarked English phrase is found, a marked fallback, a code, a
    # URL and a product name are not.
    texts = [
        "Дата сдачи: 12 августа 2011 г.",
        "condition declared met by the depositary",
        "DN.1.2012 · csc-2011-08-12 · BY · CSV · https://example.org/x · Atom",
    ]
    assert foreign_passages(texts, "ru") == ["condition declared met by the depositary"]
    assert foreign_passages(["Charter (перевод готовится)"], "ru") == []
    assert foreign_passages(["Устав Организации", "Charter"], "en") == ["Устав Организации"]

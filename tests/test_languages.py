"""Addresses per language: every page, feed and calendar under /en/ and /ru/; old addresses
redirect with their query; the switch and the hreflang alternates lead to the same page and query.

The pages walked are the access table's: every portal GET the secretariat is answered 200 for.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any
from xml.etree import ElementTree

import pytest
from django.conf import settings
from django.test import Client
from django.utils import translation

from secretariat.core.languages import page_url, path_in, swap_prefix

pytestmark = pytest.mark.django_db

TABLE = json.loads((Path(__file__).parents[1] / "docs" / "access-table.json").read_text())
PAGES = [
    entry["path"]
    for entry in TABLE["entries"]
    if entry["surface"] == "ui"
    and entry["method"] == "GET"
    and entry["path"].startswith("/en/")
    and "{" not in entry["path"]
    and entry["expect"].get("sofia", entry["expect"].get("*")) == 200
]
ATOM = "{http://www.w3.org/2005/Atom}"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"


@pytest.fixture
def sofia(personas: Any) -> Client:
    client = Client()
    client.force_login(personas.sofia)
    return client


def test_the_walk_covers_pages_feeds_and_the_calendar() -> None:
    assert len(PAGES) > 40
    assert any("/feeds/" in p for p in PAGES) and "/en/meetings/calendar.ics" in PAGES


def _alternates(html: str) -> dict[str, str]:
    return dict(re.findall(r'<link rel="alternate" hreflang="([\w-]+)" href="([^"]+)">', html))


@pytest.mark.parametrize("english", PAGES)
def test_each_page_answers_in_both_languages_and_names_its_alternates(
    english: str, sofia: Client
) -> None:
    russian = swap_prefix(english, "ru")
    assert russian.startswith("/ru/") and russian[3:] == english[3:]
    for lang, path in (("en", english), ("ru", russian)):
        response = sofia.get(path)
        assert response.status_code == 200, path
        assert response["Content-Language"] == lang
        if not response["Content-Type"].startswith("text/html"):
            continue
        html = response.content.decode()
        assert f'<html lang="{lang}">' in html
        # The alternates are absolute and lead to the same page and query in each language; the
        # x-default is the default language's.
        assert _alternates(html) == {
            "en": "http://testserver" + english,
            "ru": "http://testserver" + russian,
            "x-default": "http://testserver" + english,
        }
        # The switch is a plain link to the same page and query in the other language.
        other, other_path = ("ru", russian) if lang == "en" else ("en", english)
        assert f'<a href="{other_path}" hreflang="{other}"'.replace("&", "&amp;") in html


@pytest.mark.parametrize("english", PAGES)
def test_an_old_address_redirects_to_the_visitors_language_keeping_the_query(
    english: str, sofia: Client
) -> None:
    old = english[3:]
    response = sofia.get(old)
    assert response.status_code == 302
    assert response["Location"] == english
    # Where it leads depends on who asks, so no cache may keep it for someone else.
    assert {"Accept-Language", "Cookie"} <= {v.strip() for v in response["Vary"].split(",")}
    response = sofia.get(old, headers={"Accept-Language": "ru,en;q=0.5"})
    assert response["Location"] == swap_prefix(english, "ru")


def test_the_home_page_goes_by_the_cookie_then_accept_language_then_the_default() -> None:
    assert Client().get("/")["Location"] == "/en/"
    assert Client().get("/", headers={"Accept-Language": "ru"})["Location"] == "/ru/"
    client = Client()
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    assert client.get("/?date=2011-08-12", headers={"Accept-Language": "ru"})["Location"] == (
        "/en/?date=2011-08-12"
    )
    # A language the site does not have falls back to the default.
    assert Client().get("/", headers={"Accept-Language": "de"})["Location"] == "/en/"


def test_an_address_under_a_prefix_wins_over_the_cookie() -> None:
    client = Client()
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    assert '<html lang="ru">' in client.get("/ru/members/").content.decode()


def test_the_old_switch_sets_the_cookie_and_goes_to_the_same_page_in_that_language() -> None:
    client = Client()
    response = client.post(
        "/i18n/setlang/", {"language": "ru", "next": "/en/members/UZ/?date=2011-08-12"}
    )
    assert response.status_code == 302
    assert response["Location"] == "/ru/members/UZ/?date=2011-08-12"
    assert client.cookies[settings.LANGUAGE_COOKIE_NAME].value == "ru"
    assert client.get("/")["Location"] == "/ru/"


def test_a_page_without_a_name_still_switches_by_its_prefix() -> None:
    assert path_in("/ru/no-such-page/?a=1", "en") == "/en/no-such-page/?a=1"
    assert path_in("/members/UZ/?a=1&b=2", "ru") == "/ru/members/UZ/?a=1&b=2"
    assert path_in("/en/members/UZ/?a=1&b=2", "ru") == "/ru/members/UZ/?a=1&b=2"


def test_page_url_builds_an_address_in_a_language_with_a_query() -> None:
    assert page_url("members:detail", "UZ") == "/en/members/UZ/"
    assert page_url("members:detail", "UZ", lang="ru", query={"date": "2011-08-12"}) == (
        "/ru/members/UZ/?date=2011-08-12"
    )


def test_the_api_pages_admin_and_match_stay_without_a_prefix() -> None:
    assert Client().get("/api/v1/states").status_code == 200
    assert Client().get("/ru/api/v1/states").status_code == 404
    assert Client().get("/admin/").status_code == 302
    assert Client().get("/ru/admin/").status_code == 404


FEEDS = [
    ("depositary:feed", [], "Depositary notifications"),
    ("depositary:feed_instrument", ["charter-2002"], None),
    ("depositary:feed_state", ["UZ"], None),
    ("meetings:decisions_feed", [], "Decisions of the Council"),
]


def _feed(path: str) -> ElementTree.Element:
    return ElementTree.fromstring(Client().get(path).content)  # noqa: S314 - our own feed


@pytest.mark.parametrize(("name", "args", "english_title"), FEEDS)
def test_a_feed_under_ru_is_a_russian_feed(name: str, args: list[str], english_title: Any) -> None:
    russian = _feed(page_url(name, *args, lang="ru"))
    english = _feed(page_url(name, *args))
    assert russian.get(XML_LANG) == "ru" and english.get(XML_LANG) == "en"
    title = russian.findtext(f"{ATOM}title") or ""
    assert re.search("[а-яА-Я]", title) and not re.search("[a-zA-Z]{4,}", title), title
    assert title != english.findtext(f"{ATOM}title")
    if english_title:
        assert english.findtext(f"{ATOM}title") == english_title
        with translation.override("ru"):
            assert title == translation.gettext(english_title)
    # Its links lead to the Russian pages.
    hrefs = [link.get("href") or "" for link in russian.iter(f"{ATOM}link")]
    assert hrefs and all("/ru/" in href for href in hrefs), hrefs


def test_the_calendar_under_ru_has_a_russian_name_and_links_to_russian_pages() -> None:
    text = Client().get(page_url("meetings:calendar", lang="ru")).content.decode()
    assert "X-WR-CALNAME:Сессии Совета" in text
    assert "URL:http://testserver/ru/meetings/sessions/" in text


def test_the_api_answers_in_the_language_asked_for() -> None:
    bad = {"Authorization": "Bearer sec_nope"}
    english = Client().get("/api/v1/states", headers=bad)
    russian = Client().get("/api/v1/states", headers={**bad, "Accept-Language": "ru"})
    assert english.status_code == russian.status_code == 401
    assert english.json()["detail"] == "Unknown or revoked API token."
    assert russian.json()["detail"] == "Неизвестный или отозванный токен API."
    assert russian["Content-Language"] == "ru" and "Accept-Language" in russian["Vary"]
    # ?lang= goes before the header.
    asked = Client().get("/api/v1/states?lang=en", headers={**bad, "Accept-Language": "ru"})
    assert asked.json()["detail"] == "Unknown or revoked API token."
    assert asked["Content-Language"] == "en"
    # Links to pages lead to the page in the same language.
    rows = Client().get("/api/v1/depositary/instruments?lang=ru").json()
    assert rows and all(row["url"].startswith("/ru/depositary/instruments/") for row in rows)


def test_reverse_after_a_russian_page_still_needs_page_url_for_a_language() -> None:
    # A request leaves its language active in the thread (each test starts again in English):
    # reverse() then gives that language's address, page_url(lang=...) always the one asked for.
    Client().get("/ru/members/")
    assert page_url("members:list") == "/en/members/"
    assert page_url("members:list", lang="ru") == "/ru/members/"

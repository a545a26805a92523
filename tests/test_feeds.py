"""Every Atom feed, in both languages, as a feed reader parses it (feedparser): well-formed, with
the elements RFC 4287 requires, in the language of its address, and with ids and dates that a
reload of the dataset leaves as they were."""

from __future__ import annotations

import re
from typing import Any

import feedparser
import pytest
from django.core.management import call_command
from django.db import connection
from django.test import Client

from conftest import dataset_under_test
from secretariat.core.languages import page_url
from secretariat.datasets.loader import load_dataset
from secretariat.depositary.models import Instrument, Notification
from secretariat.journal import guards

pytestmark = pytest.mark.any_dataset

LANGUAGES = ("en", "ru")


def feed_paths() -> list[str]:
    """Every feed the portal serves: all notifications, each instrument's, each state's that has
    notifications (and one that has none), the decisions; in English and in Russian."""
    instruments = list(Instrument.objects.order_by("code").values_list("code", flat=True))
    states = sorted({*Notification.objects.exclude(state="").values_list("state", flat=True)})
    paths = []
    for lang in LANGUAGES:
        paths.append(page_url("depositary:feed", lang=lang))
        paths.append(page_url("meetings:decisions_feed", lang=lang))
        paths += [page_url("depositary:feed_instrument", code, lang=lang) for code in instruments]
        paths += [page_url("depositary:feed_state", code, lang=lang) for code in [*states, "FR"]]
    return paths


def parse(path: str) -> Any:
    response = Client().get(path)
    assert response.status_code == 200, path
    assert response["Content-Type"].startswith("application/atom+xml"), path
    return feedparser.parse(response.content)


def snapshot(paths: list[str]) -> dict[str, Any]:
    """What a reader remembers of each feed: its id and updated, each entry's id and updated."""
    result = {}
    for path in paths:
        feed = parse(path)
        result[path] = (
            feed.feed.id,
            feed.feed.updated,
            [(entry.id, entry.updated) for entry in feed.entries],
        )
    return result


@pytest.mark.django_db
def test_every_feed_parses_cleanly_with_what_rfc_4287_requires() -> None:
    paths = feed_paths()
    # Both languages of the two general feeds, of every instrument's and of some state's.
    assert len(paths) >= 2 * (2 + Instrument.objects.count() + 1)
    assert Instrument.objects.exists() and Notification.objects.exclude(state="").exists()
    for path in paths:
        feed = parse(path)
        assert not feed.bozo, (path, feed.get("bozo_exception"))
        assert feed.version == "atom10", path
        # The feed: id, title, updated, an author (its entries have none), a link to itself.
        assert feed.feed.id.startswith("tag:"), path
        assert feed.feed.title and feed.feed.updated, path
        assert feed.feed.author_detail.name and feed.feed.author_detail.href.startswith("http")
        assert any(link.rel == "self" for link in feed.feed.links), path
        lang = path.split("/")[1]
        assert feed.feed.language == lang, path
        for entry in feed.entries:
            assert entry.id.startswith("tag:") and entry.title and entry.updated, path
            assert entry.link.startswith(f"http://testserver/{lang}/"), entry.link
        assert len({entry.id for entry in feed.entries}) == len(feed.entries), path


@pytest.mark.django_db
def test_an_entry_is_as_recent_as_its_notification_not_the_load() -> None:
    feed = parse(page_url("depositary:feed"))
    by_id = {entry.id: entry for entry in feed.entries}
    for row in Notification.objects.order_by("-issued_on")[:20]:
        entry = by_id[f"tag:secretariat.invalid,2026:depositary/notification/{row.reference}/en"]
        assert entry.updated.startswith(row.issued_on.isoformat()), (row.number, entry.updated)
    # The feed is as recent as its latest notification.
    latest = Notification.objects.order_by("-issued_on").first()
    assert latest is not None and feed.feed.updated.startswith(latest.issued_on.isoformat())


@pytest.mark.django_db
def test_russian_feeds_are_in_russian_or_say_a_translation_is_coming() -> None:
    for path in feed_paths():
        if not path.startswith("/ru/"):
            continue
        feed = parse(path)
        assert re.search("[а-яА-Я]", feed.feed.title), path
        for entry in feed.entries:
            for text in (entry.title, entry.summary):
                # Codes and numbers (DN.3.2004, UZ) are not words; no English sentence is left.
                assert not re.search(r"\b[a-zA-Z]{4,}\b", text), (path, text)
                assert re.search("[а-яА-Я]", text), (path, text)


@pytest.mark.django_db(transaction=True)
def test_reloading_the_dataset_changes_no_id_and_no_date(csto_committed: None) -> None:
    paths = feed_paths()
    before = snapshot(paths)
    # A later deploy loads the same dataset into an empty database.
    guards.lift_for_test_teardown(connection)
    call_command("flush", interactive=False, verbosity=0)
    load_dataset(*dataset_under_test())
    assert snapshot(paths) == before

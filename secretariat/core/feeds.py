"""The base of every Atom feed (RFC 4287): use `RecordFeed` instead of Django's `Feed`.

What a feed reader relies on and Django leaves to each feed:
- an `author` on the feed (required when the entries have none): the organization, by name in the
  feed's language, with a link to the portal;
- ids that never change: `tag:` URIs (RFC 4151) built from FEED_TAG_AUTHORITY and the record's own
  key, never from the host a request came in on or from a database row number that a reload
  renumbers;
- `updated` from the record, never from the time the dataset was loaded: a subclass gives each
  entry the date of its event, and the feed is as recent as its latest entry. An empty feed takes
  `empty_updated()` (the date its subject came into being), so reloading the dataset or a deploy
  does not make every reader see the history as new.

Titles and summaries follow the language of the address (/en/… or /ru/…): `translation_pending()`
is what a Russian feed says where the record has no Russian text yet, rather than English.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.conf import settings
from django.contrib.syndication.views import Feed
from django.http import HttpRequest
from django.urls import reverse
from django.utils.feedgenerator import Atom1Feed, SyndicationFeed
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from secretariat.core import registry

# The `updated` of an empty feed whose subject has no date of its own: any fixed instant will do,
# as long as it never moves (the time of the request would make the feed look new on every poll).
_EPOCH = dt.datetime(2000, 1, 1, tzinfo=dt.UTC)


def language() -> str:
    return (get_language() or settings.LANGUAGE_CODE).split("-")[0]


def in_russian() -> bool:
    return language() == "ru"


def translation_pending() -> str:
    return _("translation in preparation")


def tag_uri(specific: str) -> str:
    """A tag: URI (RFC 4151) for `specific`, e.g. `depositary/notification/DN.3.2004`."""
    return f"tag:{settings.FEED_TAG_AUTHORITY}:{specific}"


def at_noon(day: dt.date) -> dt.datetime:
    """A record's date as an instant: noon UTC, so the day is the same in every time zone
    between UTC-11 and UTC+11 that a reader might display it in."""
    return dt.datetime.combine(day, dt.time(12), tzinfo=dt.UTC)


class _RecordAtom(Atom1Feed):
    """Atom1Feed whose feed-level `updated` never falls back to the time of the request."""

    def latest_post_date(self) -> dt.datetime:
        if self.items:
            return super().latest_post_date()
        fallback: dt.datetime = self.feed.get("empty_updated") or _EPOCH
        return fallback


class RecordFeed(Feed):
    """An Atom feed of record entries; subclasses give `feed_tag` and the item methods."""

    feed_type = _RecordAtom
    feed_tag = ""  # the feed's own id, after the authority: e.g. "depositary/notifications"

    def feed_guid(self, obj: Any = None) -> str:
        return tag_uri(self.feed_tag_for(obj))

    def feed_tag_for(self, obj: Any) -> str:
        return self.feed_tag

    def author_name(self) -> str:
        return registry.organization().name(language())

    def empty_updated(self, obj: Any) -> dt.datetime | None:
        return None

    def feed_extra_kwargs(self, obj: Any) -> dict[str, Any]:
        return {"empty_updated": self.empty_updated(obj)}

    def get_feed(self, obj: Any, request: HttpRequest) -> SyndicationFeed:
        feed = super().get_feed(obj, request)
        # Django leaves the author's link as given; a feed reader needs it absolute. Set here, where
        # the request is at hand (one Feed instance serves every thread).
        feed.feed["author_link"] = request.build_absolute_uri(reverse("portal:home"))
        return feed

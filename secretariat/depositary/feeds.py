"""Atom feeds of depositary notifications: all, per instrument, per state.

A feed is what the UN's e-mail subscription should have been: readers poll it, nothing is lost in
a junk-mail folder. Built on Django's syndication framework.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.contrib.syndication.views import Feed
from django.db.models import QuerySet
from django.http import Http404, HttpRequest
from django.urls import reverse
from django.utils.feedgenerator import Atom1Feed
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from secretariat.core.domain.errors import NotFound
from secretariat.depositary import selectors
from secretariat.depositary.models import Notification

LIMIT = 100


class NotificationsFeed(Feed):
    feed_type = Atom1Feed

    # Titles and links in the language of the feed's address (/en/… or /ru/…).
    def title(self) -> str:
        return _("Depositary notifications")

    def subtitle(self) -> str:
        return _("Acts registered by the depositary and entries into force, newest first.")

    def link(self) -> str:
        return reverse("depositary:notifications")

    def items(self) -> QuerySet[Notification]:
        return selectors.notifications()[:LIMIT]

    def item_title(self, item: Notification) -> str:
        return f"{item.number}: {item.subject_en}"

    def item_description(self, item: Notification) -> str:
        return item.body_en

    def item_link(self, item: Notification) -> str:
        return reverse("depositary:instrument", args=[item.instrument_id]) + f"#{item.number}"

    def item_guid(self, item: Notification) -> str:
        return f"urn:secretariat:depositary:notification:{item.number}"

    item_guid_is_permalink = False

    def item_pubdate(self, item: Notification) -> dt.datetime:
        return dt.datetime.combine(item.issued_on, dt.time(), tzinfo=dt.UTC)

    def item_updateddate(self, item: Notification) -> dt.datetime:
        return item.created_at


class InstrumentFeed(NotificationsFeed):
    def get_object(self, request: HttpRequest, code: str) -> Any:
        try:
            return selectors.instrument(code)
        except NotFound:
            raise Http404 from None

    def title(self, obj: Any) -> str:  # type: ignore[override]
        return _("Depositary notifications: %(instrument)s") % {
            "instrument": obj.title(get_language() or "en")
        }

    def link(self, obj: Any) -> str:  # type: ignore[override]
        return reverse("depositary:instrument", args=[obj.code])

    def items(self, obj: Any) -> QuerySet[Notification]:  # type: ignore[override]
        return selectors.notifications(instrument_code=obj.code)[:LIMIT]


class StateFeed(NotificationsFeed):
    def get_object(self, request: HttpRequest, code: str) -> str:
        try:
            return selectors.state_code(code)
        except NotFound:
            raise Http404 from None

    def title(self, obj: str) -> str:  # type: ignore[override]
        return _("Depositary notifications concerning %(state)s") % {"state": obj}

    def link(self, obj: str) -> str:  # type: ignore[override]
        return reverse("depositary:state", args=[obj])

    def items(self, obj: str) -> QuerySet[Notification]:  # type: ignore[override]
        return selectors.notifications(state=obj)[:LIMIT]

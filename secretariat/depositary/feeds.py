"""Atom feeds of depositary notifications: all, per instrument, per state.

A feed is what the UN's e-mail subscription should have been: readers poll it, nothing is lost in
a junk-mail folder. Built on `secretariat.core.feeds.RecordFeed` (author, tag: ids, dates from the
record). A notification never changes once issued, so its entry's `updated` is its date of issue.

The English feed carries the notification as issued (its subject and text are kept in English). The
Russian feed words it in Russian from the facts the notification records (the act, the state, the
instrument, the dates); where the instrument has no Russian title yet it says so rather than
falling back to English.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from django.http import Http404, HttpRequest
from django.urls import reverse
from django.utils import formats
from django.utils.translation import gettext as _

from secretariat.core.domain.errors import NotFound
from secretariat.core.feeds import (
    RecordFeed,
    at_noon,
    in_russian,
    language,
    tag_uri,
    translation_pending,
)
from secretariat.depositary import selectors
from secretariat.depositary.forms import KIND_LABELS
from secretariat.depositary.models import Instrument, Notification, NotificationKind

LIMIT = 100


@dataclass(frozen=True)
class Entry:
    notification: Notification
    title: str
    summary: str


def _day(value: dt.date) -> str:
    return formats.date_format(value, "SHORT_DATE_FORMAT")


def _entry_in_russian(row: Notification, names: dict[str, selectors.StateName]) -> Entry:
    """The notification's title and summary, in Russian, from what it records."""
    instrument = row.instrument.title_ru
    act = row.act
    if row.kind == NotificationKind.ENTRY_INTO_FORCE:
        what = _("entry into force")
        if instrument and row.effective_on:
            summary = _("The %(instrument)s enters into force on %(date)s.") % {
                "instrument": instrument,
                "date": _day(row.effective_on),
            }
        else:
            summary = translation_pending()
    else:
        kind = KIND_LABELS.get(act.kind, act.kind) if act else ""  # type: ignore[call-overload]
        state = names[row.state].name("ru") if row.state in names else row.state
        what = f"{str(kind).lower()}, {state}" if kind else state
        if instrument and act:
            summary = _("On %(date)s %(state)s: %(kind)s, %(instrument)s.") % {
                "date": _day(act.date),
                "state": state,
                "kind": str(kind).lower(),
                "instrument": instrument,
            }
        else:
            summary = translation_pending()
    title = f"{_label(row)}: {instrument or translation_pending()} — {what}"
    return Entry(row, title, summary)


def _label(row: Notification) -> str:
    """The number, or for a reconstruction its source did not number, a phrase saying so."""
    return row.number or str(_("Reconstructed notification"))


def _entries(rows: Any) -> list[Entry]:
    if not in_russian():
        return [Entry(n, f"{_label(n)}: {n.subject_en}", n.body_en) for n in rows]
    names = selectors.state_names()
    return [_entry_in_russian(n, names) for n in rows]


class NotificationsFeed(RecordFeed):
    feed_tag = "depositary/notifications"

    # Titles and links in the language of the feed's address (/en/… or /ru/…).
    def title(self) -> str:
        return _("Depositary notifications")

    def subtitle(self) -> str:
        return _("Acts registered by the depositary and entries into force, newest first.")

    def link(self) -> str:
        return reverse("depositary:notifications")

    def items(self) -> list[Entry]:
        return _entries(selectors.notifications()[:LIMIT])

    def item_title(self, item: Entry) -> str:
        return item.title

    def item_description(self, item: Entry) -> str:
        return item.summary

    def item_link(self, item: Entry) -> str:
        n = item.notification
        return reverse("depositary:instrument", args=[n.instrument_id]) + f"#{n.reference}"

    def item_guid(self, item: Entry) -> str:
        # The reference is the notification's identity (its number DN.<seq>.<year>, or for an
        # unnumbered reconstruction its own name); it is never reused. The language is part of
        # the id: the two feeds' entries are different texts of one record.
        return tag_uri(f"depositary/notification/{item.notification.reference}/{language()}")

    item_guid_is_permalink = False

    def item_pubdate(self, item: Entry) -> dt.datetime:
        return at_noon(item.notification.issued_on)

    def item_updateddate(self, item: Entry) -> dt.datetime:
        return at_noon(item.notification.issued_on)

    def feed_tag_for(self, obj: Any) -> str:
        return f"{self.feed_tag}/{language()}"


class InstrumentFeed(NotificationsFeed):
    def get_object(self, request: HttpRequest, code: str) -> Any:
        try:
            return selectors.instrument(code)
        except NotFound:
            raise Http404 from None

    def title(self, obj: Instrument) -> str:  # type: ignore[override]
        name = obj.title(language())
        if in_russian() and not obj.title_ru:
            name = translation_pending()
        return _("Depositary notifications: %(instrument)s") % {"instrument": name}

    def link(self, obj: Instrument) -> str:  # type: ignore[override]
        return reverse("depositary:instrument", args=[obj.code])

    def items(self, obj: Instrument) -> list[Entry]:  # type: ignore[override]
        return _entries(selectors.notifications(instrument_code=obj.code)[:LIMIT])

    def feed_tag_for(self, obj: Instrument) -> str:
        return f"depositary/instrument/{obj.code}/notifications/{language()}"

    def empty_updated(self, obj: Instrument) -> dt.datetime | None:
        return at_noon(obj.adopted_on) if obj.adopted_on else None


class StateFeed(NotificationsFeed):
    def get_object(self, request: HttpRequest, code: str) -> str:
        try:
            return selectors.state_code(code)
        except NotFound:
            raise Http404 from None

    def title(self, obj: str) -> str:  # type: ignore[override]
        found = selectors.state_names().get(obj)
        # A state outside the organization may have no Russian name on record: its code then.
        name = found.name(language()) if found and (found.name_ru or not in_russian()) else obj
        return _("Depositary notifications concerning %(state)s") % {"state": name}

    def link(self, obj: str) -> str:  # type: ignore[override]
        return reverse("depositary:state", args=[obj])

    def items(self, obj: str) -> list[Entry]:  # type: ignore[override]
        return _entries(selectors.notifications(state=obj)[:LIMIT])

    def feed_tag_for(self, obj: str) -> str:
        return f"depositary/state/{obj}/notifications/{language()}"

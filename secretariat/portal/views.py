"""Public pages that span apps: the organization on a date (home) and the journal."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from secretariat.charts.timelines import membership_gantt
from secretariat.core.permissions import can
from secretariat.core.web import as_of_date, request_actor
from secretariat.journal.selectors import entry_data, journal_entries_for, journal_head
from secretariat.meetings.views import on_date_context
from secretariat.members import selectors
from secretariat.members.views import gantt_rows


def home(request: HttpRequest) -> HttpResponse:
    on, date_error = as_of_date(request)
    lang = get_language() or "en"
    standings = selectors.standings_on(on)
    timelines = selectors.timelines()
    first_year = min((p.start.year for t in timelines for p in t.periods), default=on.year)
    first_year = min(first_year, on.year)  # a date before the first event: an empty chart
    chart = membership_gantt(
        gantt_rows(as_of(timelines, on), lang),
        first_year=first_year,
        until=on,
        title=_("Membership over time"),
        marker=on,
    )
    return render(
        request,
        "portal/home.html",
        {
            "on": on,
            "is_today": on == dt.date.today(),
            "date_error": date_error,
            "members": [s for s in standings if s.status.participates],
            "others": [
                s for s in standings if not s.status.participates and s.status.value != "none"
            ],
            "chair": selectors.chair_on(on),
            "secretary_general": selectors.secretary_general_on(on),
            "chart": chart,
            "lang": lang,
            **on_date_context(on, lang),
        },
    )


def as_of(timelines: list[selectors.StateTimeline], on: dt.date) -> list[selectors.StateTimeline]:
    """The timelines as they stood on `on`: periods begun by then, the last one still running.

    The home page shows the organization as of a date, its chart included: a withdrawal or an
    accession after that date had not happened yet."""
    clipped = []
    for timeline in timelines:
        periods = [
            replace(p, end=None if p.end is None or p.end > on else p.end)
            for p in timeline.periods
            if p.start <= on
        ]
        clipped.append(replace(timeline, periods=periods))
    return clipped


def journal(request: HttpRequest) -> HttpResponse:
    actor = request_actor(request)
    page = None
    if can(actor, "journal.read_entries"):
        rows = journal_entries_for(actor).order_by("-seq")
        page = Paginator(rows, 50).get_page(request.GET.get("page"))
        for entry in page.object_list:
            entry.document = entry_data(entry)  # type: ignore[attr-defined]
    head = journal_head()
    # The head's time is ISO 8601 in the API; a person reads it as every other moment.
    last = dt.datetime.fromisoformat(head.last_recorded_at) if head.last_recorded_at else None
    return render(
        request, "portal/journal.html", {"head": head, "last_recorded_at": last, "page": page}
    )

"""The audit page: the secretariat runs `secretariat audit` from the browser, in its language.

The page runs every check except the link check by default (a few seconds); the link check
renders every public page of the site in both languages (about a minute) and runs when asked.
Anyone but the secretariat gets 404, as for the depositary's working pages.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from secretariat.audit.record import run_audit
from secretariat.core.formatting import format_date
from secretariat.core.languages import swap_prefix
from secretariat.core.permissions import can
from secretariat.core.web import request_actor

# An ISO date in a check's text that is not part of an address (`?as_of=2011-08-12`) or a record
# code (`csc-2011-08-12`): the checks name dates as ISO text, the page shows them as the reader's
# language writes dates.
_ISO_DATE = re.compile(r"(?<![\w=/-])(\d{4})-(\d{2})-(\d{2})(?![\w-])")


def _dates_shown(text: str) -> str:
    return _ISO_DATE.sub(lambda m: format_date(dt.date(*map(int, m.groups()))), text)


def index(request: HttpRequest) -> HttpResponse:
    if not can(request_actor(request), "audit.run"):
        raise Http404
    with_links = request.GET.get("links") == "1"
    lang = get_language() or "en"
    report = run_audit(links=with_links)
    outcomes: list[dict[str, Any]] = [
        {
            "check": outcome.check.value,
            "title": _(outcome.title),
            "violations": [
                {
                    "record": _dates_shown(v.subject.render(_)),
                    "text": _dates_shown(v.text(_)),
                    "link": swap_prefix(v.link, lang) if v.link else "",
                }
                for v in outcome.violations
            ],
        }
        for outcome in report.outcomes
    ]
    return render(
        request,
        "audit/index.html",
        {"report": report, "outcomes": outcomes, "with_links": with_links},
    )

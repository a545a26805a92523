"""Helpers shared by the portal's views: the as-of date, the actor, domain errors into forms."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from django import forms
from django.contrib import messages
from django.http import Http404, HttpRequest
from django.utils.translation import gettext as _

from secretariat.core.domain.actors import Actor
from secretariat.core.domain.errors import DomainError, NotFound
from secretariat.core.permissions import actor_for


def request_actor(request: HttpRequest) -> Actor:
    return actor_for(getattr(request, "user", None))


def as_of_date(request: HttpRequest, name: str = "date") -> tuple[dt.date, str | None]:
    """The date a page is asked about (default today) and an error message if it was unreadable."""
    raw = request.GET.get(name, "").strip()
    if not raw:
        return dt.date.today(), None
    try:
        day = dt.date.fromisoformat(raw)
    except ValueError:
        return dt.date.today(), _("“%(value)s” is not a date; showing today instead.") % {
            "value": raw
        }
    if day.year < 1900 or day.year > 2200:
        return dt.date.today(), _("Pick a date between 1900 and 2200; showing today instead.")
    return day, None


def add_domain_error(form: forms.Form, error: DomainError) -> None:
    """Show a service's refusal on the form, on the field it concerns when that field is shown."""
    if isinstance(error, NotFound):
        raise Http404(error.message)
    field = error.field if error.field in form.fields else None
    form.add_error(field, error.message)


def report_write(request: HttpRequest, write: Callable[[], object], success: str) -> bool:
    """Run a service write for a form posted from a page the view redirects back to: a missing
    record answers 404, a refusal becomes the page's error message, success its message."""
    try:
        write()
    except NotFound:
        raise Http404 from None
    except DomainError as error:
        messages.error(request, error.message)
        return False
    messages.success(request, success)
    return True

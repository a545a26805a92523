"""Template helpers for a page in either language: `{% load bilingual %}`.

- `{% text obj "title" %}` — the record's field in the page's language. Where the Russian text is
  missing on a Russian page, the English is shown inside `<span lang="en">` followed by a visible
  "перевод готовится" marker (and the reverse on an English page): never the other language
  silently. `{% text obj "title" plain=True %}` gives the same without markup, for `<title>` and
  attributes: "English title (перевод готовится)".
- `{{ day|day }}`, `{{ day|day:row.precision }}` — "12 августа 2011 г." / "12 August 2011";
  `{{ at|moment }}` — to the minute, UTC; `{{ n|num }}`, `{{ x|num:1 }}` — "1 200", "2,5".
"""

from __future__ import annotations

import datetime as dt
import re
from decimal import Decimal
from typing import Any

from django import template
from django.utils.html import format_html, urlize
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext

from secretariat.core.formatting import (
    format_date,
    format_moment,
    format_number,
    format_span,
    has_cyrillic,
    localized,
)
from secretariat.core.terms import TERMS, organization_term, term_label

register = template.Library()


def pending_marker() -> str:
    return gettext("translation pending")


@register.simple_tag
def text(obj: Any, field: str, plain: bool = False, default: str = "") -> str | SafeString:
    shown = localized(obj, field)
    if not shown.pending:
        return shown.text or default
    if plain:
        return f"{shown.text} ({pending_marker()})"
    return format_html(
        '<span class="pending-translation"><span lang="{}">{}</span> '
        '<small class="tag pending">{}</small></span>',
        shown.lang,
        shown.text,
        pending_marker(),
    )


@register.simple_tag
def english(value: object, plain: bool = False) -> str | SafeString:
    """`{% english value %}`: a text the system has only in English so far (an engine's
    explanation), shown as it is on an English page and marked as pending on a Russian one.
    `plain=True` gives it without markup, for attributes and `{% blocktranslate %}` values."""
    return text({"text_en": str(value or "")}, "text", plain=plain)


@register.filter
def day(value: dt.date | str | None, precision: str = "day") -> str:
    """A date, or an ISO text of one to the precision it gives ("1971-04-12", "1971-04",
    "1971"), as the reader's language writes it; any other text as it is."""
    if isinstance(value, str):
        parts = value.split("-")
        if not all(p.isdigit() for p in parts) or len(parts) > 3 or len(parts[0]) != 4:
            return value
        numbers = [int(p) for p in parts] + [1] * (3 - len(parts))
        known = ("year", "month", "day")[len(parts) - 1]
        return format_date(dt.date(*numbers), known)
    return format_date(value, precision or "day")


@register.filter
def session_dates(session: Any) -> str:
    """`{{ session|session_dates }}`: a session's first day to its known precision, and its
    last day when it sat for more than one."""
    return format_span(session.start, session.start_precision, session.end)


@register.filter
def moment(value: dt.datetime | None) -> str:
    return format_moment(value)


@register.filter
def num(value: int | float | Decimal | None, decimals: int | None = None) -> str:
    if value is None or value == "":
        return ""
    return format_number(value, decimals)


@register.filter
def script_lang(value: str) -> str:
    """ "ru" for a text in Cyrillic, else "en": the `lang` of a text given in its original
    language (a source's citation, a name as written in its passport)."""
    return "ru" if has_cyrillic(str(value)) else "en"


@register.filter
def term(value: object) -> str:
    """`{{ a.kind|term }}`: the label of a domain code (secretariat/core/terms.py)."""
    return term_label(value)


@register.simple_tag
def term_text(value: object) -> str | SafeString:
    """`{% term_text value %}`: the label of a known code or name (secretariat/core/terms.py),
    else the value as a text the system has only in English so far."""
    code = str(getattr(value, "value", value) or "")
    if code in TERMS:
        return term_label(code)
    return organization_term(code) or english(code)


_URL_OR_ADDRESS = re.compile(r"https?://\S+|\b[\w-]+(?:\.[\w-]+)+\b")
_LATIN_WORD = re.compile(r"[A-Za-z]{2,}")
_CYRILLIC_RUN = re.compile(
    r"[А-Яа-яЁё][А-Яа-яЁё0-9'’.\-]*(?:[\s,:;()/«»\"]+[А-Яа-яЁё][А-Яа-яЁё0-9'’.\-]*)*"
)


@register.filter
def citation_lang(value: str) -> str:
    """The `lang` of a source citation kept in its original form: "ru" for one wholly in Russian
    (URLs and site names aside), else "en" — a research note in English that quotes a Russian
    title marks the quoted Russian itself (`|citation`)."""
    words = _LATIN_WORD.findall(_URL_OR_ADDRESS.sub(" ", str(value)))
    return "en" if words or not has_cyrillic(str(value)) else "ru"


@register.filter(needs_autoescape=True)
def citation(value: str, autoescape: bool = True) -> SafeString:
    """A source citation with its URLs as links; in a citation written in English, each quoted
    Russian passage is marked `lang="ru"` so that neither side shows it as its own language."""
    shown = urlize(str(value), autoescape=autoescape)
    if citation_lang(str(value)) == "ru":
        return mark_safe(shown)  # noqa: S308 - urlize escaped the text
    parts = re.split(r"(<[^>]+>)", shown)
    marked = [
        part if part.startswith("<") else _CYRILLIC_RUN.sub(r'<span lang="ru">\g<0></span>', part)
        for part in parts
    ]
    return mark_safe("".join(marked))  # noqa: S308 - urlize escaped the text; spans are ours

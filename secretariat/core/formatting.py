"""Dates, numbers and bilingual record texts as a reader of the page's language expects them.

Use it for every date or number shown to a person (pages, SVG charts, CSV headers, the API's
human-readable fields) and for every record text field (`title_en`/`title_ru`, …): one helper, so
Russian is always "12 августа 2011 г.", "1 200 человек" (a narrow no-break space between the
thousands) and "2,5" (decimal comma), and English "12 August 2011", "1,200", "2.5".

Machine-readable values (URLs, query strings, `<input type=date>`, ISO dates in JSON and CSV
cells) stay ISO 8601: only what a person reads goes through here.
"""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from django.utils import translation

NARROW_NBSP = "\u202f"

MONTHS_EN = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
]
# Russian months: genitive after a day ("12 августа"), nominative alone ("август 2011 г.").
MONTHS_RU_GENITIVE = [
    "января",
    "февраля",
    "марта",
    "апреля",
    "мая",
    "июня",
    "июля",
    "августа",
    "сентября",
    "октября",
    "ноября",
    "декабря",
]
MONTHS_RU_NOMINATIVE = [
    "январь",
    "февраль",
    "март",
    "апрель",
    "май",
    "июнь",
    "июль",
    "август",
    "сентябрь",
    "октябрь",
    "ноябрь",
    "декабрь",
]


def current_language() -> str:
    return (translation.get_language() or "en").split("-")[0]


def format_date(value: dt.date | None, precision: str = "day", lang: str | None = None) -> str:
    """A date to the precision known: day "12 августа 2011 г." / "12 August 2011", month
    "август 2011 г." / "August 2011", year "2011 г." / "2011". None gives ""."""
    if value is None:
        return ""
    if isinstance(value, dt.datetime):
        value = value.date()
    lang = lang or current_language()
    if lang == "ru":
        if precision == "year":
            return f"{value.year}{NARROW_NBSP}г."
        if precision == "month":
            return f"{MONTHS_RU_NOMINATIVE[value.month - 1]} {value.year}{NARROW_NBSP}г."
        return f"{value.day}\u00a0{MONTHS_RU_GENITIVE[value.month - 1]} {value.year}{NARROW_NBSP}г."
    if precision == "year":
        return str(value.year)
    if precision == "month":
        return f"{MONTHS_EN[value.month - 1]} {value.year}"
    return f"{value.day}\u00a0{MONTHS_EN[value.month - 1]} {value.year}"


def format_moment(value: dt.datetime | None, lang: str | None = None) -> str:
    """A moment to the minute, in UTC: "12 августа 2011 г., 14:05 UTC"."""
    if value is None:
        return ""
    moment = value.astimezone(dt.UTC) if value.tzinfo else value
    return f"{format_date(moment.date(), lang=lang)}, {moment:%H:%M} UTC"


def format_number(
    value: int | float | Decimal | None, decimals: int | None = None, lang: str | None = None
) -> str:
    """1200 → "1 200" (narrow no-break space) / "1,200"; 2.5 → "2,5" / "2.5". `decimals` fixes
    the digits after the point; by default an integer has none and a fraction keeps its own."""
    if value is None:
        return ""
    lang = lang or current_language()
    if decimals is None:
        decimals = 0 if float(value) == int(value) else len(str(value).split(".")[-1])
    text = f"{value:,.{decimals}f}"
    if lang == "ru":
        return text.replace(",", NARROW_NBSP).replace(".", ",")
    return text


@dataclass(frozen=True)
class Localized:
    """A record's text field in one language: the text, the language it is actually in, and
    whether it stands in for a translation still to come."""

    text: str
    lang: str
    pending: bool


def localized(obj: Any, field: str, lang: str | None = None) -> Localized:
    """`obj.<field>_ru` on a Russian page, `obj.<field>_en` on an English one. Where that one is
    empty, the other language's text with `pending=True` (never the other language silently). A
    field kept in one language only (`note`) counts as English."""
    lang = lang or current_language()
    english, russian = _field(obj, f"{field}_en"), _field(obj, f"{field}_ru")
    if english is None:
        english = _field(obj, field)
    if english is None and russian is None:
        raise AttributeError(f"{type(obj).__name__} has no text field {field!r}")
    texts = {"en": str(english or ""), "ru": str(russian or "")}
    # A "Russian" text without a Cyrillic letter is English copied into the Russian field.
    if texts["ru"] and not has_cyrillic(texts["ru"]):
        texts["ru"] = ""
    if texts.get(lang):
        return Localized(texts[lang], lang, pending=False)
    other = "en" if lang == "ru" else "ru"
    return Localized(texts[other], other, pending=bool(texts[other]))


def has_cyrillic(value: str) -> bool:
    return any("а" <= ch.lower() <= "я" or ch in "ёЁ" for ch in value)


def format_span(
    start: dt.date | None,
    precision: str = "day",
    end: dt.date | None = None,
    lang: str | None = None,
) -> str:
    """A date or a span of days: "12–14 августа 2011 г." is written in full on both sides,
    "12 августа 2011 г. – 14 августа 2011 г.", which reads right whatever the months."""
    first = format_date(start, precision, lang)
    if end is None or end == start:
        return first
    return f"{first} – {format_date(end, 'day', lang)}"


def _field(obj: Any, name: str) -> Any:
    """A model's attribute or a dict's key (selectors hand templates both); None when absent."""
    if isinstance(obj, Mapping):
        return obj.get(name)
    return getattr(obj, name, None)


@functools.cache
def _collator(lang: str) -> Any:
    import icu  # PyICU: the Unicode collation algorithm with CLDR's rules for each language

    return icu.Collator.createInstance(icu.Locale(lang))


def name_order(text: str, lang: str | None = None) -> bytes:
    """A sort key putting names in the order a reader of the language expects: Russian
    alphabetical order on a Russian page (Казахстан before Кыргызстан, ё with е), English on an
    English one; `sorted(names, key=name_order)`. Never sort what a person reads by code."""
    return bytes(_collator(lang or current_language()).getSortKey(text))


def sorted_names(names: Iterable[str], lang: str | None = None) -> list[str]:
    """Names in the reader's alphabetical order (see `name_order`)."""
    lang = lang or current_language()
    return sorted(names, key=lambda name: name_order(name, lang))

"""Dates, numbers, domain terms and record texts in the reader's language (core/formatting.py,
core/terms.py, the {% text %} tag)."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from django.template import Context, Template
from django.utils import translation

from secretariat.core.formatting import format_date, format_moment, format_number, localized
from secretariat.core.terms import term_label

DAY = dt.date(2011, 8, 12)


def test_a_russian_date_has_the_genitive_month_and_the_year_mark() -> None:
    assert format_date(DAY, lang="ru") == "12\u00a0августа 2011\u202fг."
    assert format_date(DAY, "month", lang="ru") == "август 2011\u202fг."
    assert format_date(DAY, "year", lang="ru") == "2011\u202fг."
    assert format_date(DAY, lang="en") == "12\u00a0August 2011"
    assert format_date(DAY, "month", lang="en") == "August 2011"
    assert format_date(None) == ""


def test_a_moment_is_given_to_the_minute_in_utc() -> None:
    at = dt.datetime(2011, 8, 12, 14, 5, tzinfo=dt.UTC)
    assert format_moment(at, lang="ru") == "12\u00a0августа 2011\u202fг., 14:05 UTC"


def test_russian_numbers_group_with_a_narrow_space_and_use_a_decimal_comma() -> None:
    assert format_number(1200, lang="ru") == "1\u202f200"
    assert format_number(1234567, lang="ru") == "1\u202f234\u202f567"
    assert format_number(2.5, lang="ru") == "2,5"
    assert format_number(Decimal("0.125"), lang="ru") == "0,125"
    assert format_number(1200, lang="en") == "1,200"
    assert format_number(2.5, 2, lang="en") == "2.50"


class Record:
    title_en = "Charter of the Collective Security Treaty Organization"
    title_ru = ""
    note = "Deposit date not in the sources."


def test_a_missing_russian_text_falls_back_to_english_marked_as_pending() -> None:
    shown = localized(Record(), "title", lang="ru")
    assert (shown.text, shown.lang, shown.pending) == (Record.title_en, "en", True)
    assert not localized(Record(), "title", lang="en").pending
    # A field kept in one language only counts as English.
    assert localized(Record(), "note", lang="ru").pending
    assert localized({"name_en": "Minsk", "name_ru": "Минск"}, "name", lang="ru").text == "Минск"
    with pytest.raises(AttributeError):
        localized(Record(), "nonexistent", lang="ru")


def _render(source: str, **context: object) -> str:
    return Template(source).render(Context(context))


def test_the_text_tag_marks_the_english_fallback_on_a_russian_page() -> None:
    with translation.override("ru"):
        html = _render('{% text r "title" %}', r=Record())
        title = _render('{% text r "title" plain=True %}', r=Record())
        russian = _render('{% text r "title" %}', r={"title_en": "Charter", "title_ru": "Устав"})
    assert html == (
        '<span class="pending-translation"><span lang="en">'
        "Charter of the Collective Security Treaty Organization</span> "
        '<small class="tag pending">перевод готовится</small></span>'
    )
    assert title == "Charter of the Collective Security Treaty Organization (перевод готовится)"
    assert russian == "Устав"
    with translation.override("en"):
        english = _render('{% text r "title" %}', r={"title_en": "", "title_ru": "Устав"})
    assert english.startswith('<span class="pending-translation"><span lang="ru">Устав</span>')


def test_the_text_tag_escapes_the_record_text() -> None:
    with translation.override("ru"):
        html = _render('{% text r "title" %}', r={"title_en": "<b>x</b>", "title_ru": ""})
    assert "<b>" not in html and "&lt;b&gt;" in html


def test_domain_codes_have_russian_labels_and_unknown_ones_show_as_they_are() -> None:
    with translation.override("ru"):
        assert term_label("ratification") == "ратификация"
        assert term_label("party") == "участник"
        assert _render("{{ k|term }} {{ d|day }} {{ n|num }}", k="signature", d=DAY, n=1200) == (
            "подписание 12\u00a0августа 2011\u202fг. 1\u202f200"
        )
    assert term_label("no-such-code") == "no-such-code"


def test_an_iso_text_is_written_to_the_precision_it_gives() -> None:
    with translation.override("ru"):
        assert _render("{{ d|day }}", d="1971-04-12") == "12\u00a0апреля 1971\u202fг."
        assert _render("{{ d|day }}", d="1971-04") == "апрель 1971\u202fг."
        assert _render("{{ d|day }}", d="1971") == "1971\u202fг."
        assert _render("{{ d|day }}", d="unknown") == "unknown"

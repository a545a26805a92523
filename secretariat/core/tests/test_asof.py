"""The as-of rule, on its own: what is shown on a date and in which phase (no database)."""

from __future__ import annotations

import datetime as dt

from hypothesis import given
from hypothesis import strategies as st

from secretariat.core.domain import asof
from secretariat.core.domain.asof import Lifespan, Phase

D = dt.date


def test_a_record_is_shown_from_the_day_it_came_into_being():
    assert not asof.existed_on(D(2009, 6, 14), D(2009, 6, 13))
    assert asof.existed_on(D(2009, 6, 14), D(2009, 6, 14))


def test_a_record_whose_date_is_not_known_is_shown_on_every_date():
    assert asof.existed_on(None, D(1990, 1, 1))


def test_a_record_is_pending_until_it_takes_effect_and_ended_from_its_end_date():
    treaty = Lifespan(D(1992, 5, 15), takes_effect=D(1994, 4, 20), ends=D(1999, 4, 20))

    assert treaty.phase_on(D(1992, 5, 14)) is Phase.NOT_YET
    assert treaty.phase_on(D(1993, 1, 1)) is Phase.PENDING
    assert treaty.phase_on(D(1994, 4, 20)) is Phase.IN_EFFECT
    assert treaty.phase_on(D(1999, 4, 19)) is Phase.IN_EFFECT
    assert treaty.phase_on(D(1999, 4, 20)) is Phase.ENDED


def test_a_term_of_office_holds_through_its_last_day():
    term = Lifespan(D(2008, 9, 5), ends=D(2009, 6, 14), end_inclusive=True)

    assert term.in_effect_on(D(2009, 6, 14))
    assert not term.in_effect_on(D(2009, 6, 15))


def test_the_latest_record_known_on_a_date_is_the_last_to_come_into_being_by_then():
    reports = [("pending", D(2010, 1, 1)), ("ratified", D(2012, 1, 1)), ("undated", None)]

    assert asof.latest_on(reports, D(2011, 1, 1), lambda r: r[1]) == ("pending", D(2010, 1, 1))
    assert asof.latest_on(reports, D(2013, 1, 1), lambda r: r[1]) == ("ratified", D(2012, 1, 1))
    assert asof.latest_on(reports[1:], D(2011, 1, 1), lambda r: r[1]) == ("undated", None)


days = st.dates(min_value=D(1990, 1, 1), max_value=D(2030, 12, 31))


@given(days, st.lists(days, max_size=20))
def test_as_of_keeps_exactly_what_came_into_being_on_or_before_the_date(on, born):
    kept = list(asof.as_of(born, on, lambda day: day))

    assert kept == [day for day in born if day <= on]


@given(days, days, st.one_of(st.none(), days))
def test_a_shown_record_is_in_exactly_one_phase(born, on, ends):
    phase = Lifespan(born, ends=ends).phase_on(on)

    assert (phase is Phase.NOT_YET) == (born > on)

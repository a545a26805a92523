"""Terms of office: secretariat.members.domain.terms (pure, no Django)."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from secretariat.core.domain.errors import RuleViolation
from secretariat.members.domain.terms import (
    Term,
    check_dates,
    check_no_overlap,
    find_overlap,
    holder_on,
)


def d(text: str) -> dt.date:
    return dt.date.fromisoformat(text)


def term(key: str, start: str, end: str | None, label: str = "") -> Term[str]:
    return Term(key, d(start), d(end) if end else None, label)


def bordyuzha() -> Term[str]:
    return term("bordyuzha", "2003-04-28", "2017-01-01", label="Nikolai Bordyuzha")


# --- dates and overlaps ------------------------------------------------------------------------


def test_it_accepts_a_term_that_starts_the_day_the_previous_one_ends():
    successor = term("khachaturov", "2017-01-01", "2018-11-02")

    check_no_overlap([bordyuzha()], successor, "Secretary-General")
    assert find_overlap([bordyuzha()], successor) is None


def test_it_accepts_a_term_ending_the_day_the_next_one_starts():
    predecessor = term("predecessor", "1999-01-01", "2003-04-28")

    check_no_overlap([bordyuzha()], predecessor, "Secretary-General")


def test_it_accepts_a_term_after_a_gap():
    check_no_overlap([bordyuzha()], term("later", "2018-01-01", None), "Secretary-General")


def test_it_refuses_an_overlapping_term_and_names_the_clashing_one():
    with pytest.raises(RuleViolation) as caught:
        check_no_overlap(
            [bordyuzha()], term("khachaturov", "2016-12-31", None), "Secretary-General"
        )

    message = caught.value.message
    assert "Nikolai Bordyuzha" in message
    assert "2003-04-28 – 2017-01-01" in message
    assert "this Secretary-General term (2016-12-31 – open)" in message
    assert caught.value.field == "start"


def test_a_clashing_term_without_a_label_is_named_by_its_key():
    existing = term(42, "2003-04-28", "2017-01-01")  # type: ignore[arg-type]

    with pytest.raises(RuleViolation, match=r"overlaps the term of 42 "):
        check_no_overlap([existing], term("x", "2010-01-01", "2011-01-01"), "chair")


@pytest.mark.parametrize(
    ("start", "end"),
    [
        ("2010-01-01", "2011-01-01"),  # inside
        ("2000-01-01", "2020-01-01"),  # around
        ("2000-01-01", "2003-04-29"),  # ends a day into it
        ("2003-04-28", "2003-04-28"),  # same first day
        ("2000-01-01", None),  # open-ended from before
    ],
)
def test_it_refuses_terms_that_overlap_by_more_than_a_hand_over_day(start, end):
    new = term("new", start, end)

    assert find_overlap([bordyuzha()], new) == bordyuzha()
    with pytest.raises(RuleViolation):
        check_no_overlap([bordyuzha()], new, "Secretary-General")


def test_it_reports_the_earliest_of_several_clashing_terms():
    first = term("first", "2000-01-01", "2005-01-01")
    second = term("second", "2005-01-01", "2010-01-01")

    assert find_overlap([second, first], term("new", "2004-01-01", "2006-01-01")) == first


def test_it_refuses_a_term_that_ends_before_it_starts():
    with pytest.raises(
        RuleViolation, match=r"cannot end \(2001-01-01\) before it starts"
    ) as caught:
        check_no_overlap([], term("x", "2002-01-01", "2001-01-01"), "chair")

    assert caught.value.field == "end"


def test_a_one_day_term_is_allowed():
    check_dates(d("2002-01-01"), d("2002-01-01"))
    check_dates(d("2002-01-01"), None)


def test_an_open_ended_term_blocks_every_later_one():
    current = term("current", "2017-01-01", None, label="the current chair")

    with pytest.raises(RuleViolation, match=r"overlaps the term of the current chair"):
        check_no_overlap([current], term("later", "2030-01-01", "2031-01-01"), "chair")


def test_an_open_ended_term_does_not_block_one_that_ended_when_it_began():
    current = term("current", "2017-01-01", None)

    check_no_overlap([current], term("earlier", "2010-01-01", "2017-01-01"), "chair")


# --- holder_on ---------------------------------------------------------------------------------


def test_on_a_hand_over_day_the_incoming_holder_is_in_office():
    outgoing = bordyuzha()
    incoming = term("khachaturov", "2017-01-01", "2018-11-02")

    assert holder_on([outgoing, incoming], d("2017-01-01")) == incoming
    assert holder_on([incoming, outgoing], d("2017-01-01")) == incoming
    assert holder_on([outgoing, incoming], d("2016-12-31")) == outgoing


def test_both_ends_of_a_term_are_in_office():
    assert holder_on([bordyuzha()], d("2003-04-28")) == bordyuzha()
    assert holder_on([bordyuzha()], d("2017-01-01")) == bordyuzha()


@pytest.mark.parametrize("on", ["2003-04-27", "2017-01-02", "2017-06-01"])
def test_nobody_holds_office_outside_every_term(on):
    later = term("later", "2018-01-01", None)

    assert holder_on([bordyuzha(), later], d(on)) is None


def test_an_open_term_is_in_force_indefinitely():
    current = term("current", "2017-01-01", None)

    assert holder_on([current], d("2999-01-01")) == current


def test_with_no_terms_nobody_holds_office():
    assert holder_on([], d("2000-01-01")) is None


# --- properties --------------------------------------------------------------------------------

START = dt.date(1990, 1, 1)


@st.composite
def terms_without_overlap(draw: st.DrawFn) -> list[Term[int]]:
    """Terms one after the other, each touching the previous one or after a gap; the last may be open."""
    count = draw(st.integers(min_value=0, max_value=8))
    terms = []
    cursor = START
    for key in range(count):
        start = cursor + dt.timedelta(days=draw(st.integers(min_value=0, max_value=30)))
        length = draw(st.integers(min_value=1, max_value=60))
        end = start + dt.timedelta(days=length)
        terms.append(Term(key, start, end))
        cursor = end
    if terms and draw(st.booleans()):  # type: ignore[arg-type]
        last = terms[-1]
        terms[-1] = Term(last.key, last.start, None)
    return draw(st.permutations(terms))


@given(terms_without_overlap())
def test_terms_that_only_touch_are_all_accepted(terms):
    accepted: list[Term[int]] = []
    for new in terms:
        check_no_overlap(accepted, new, "chair")
        accepted.append(new)


@given(terms_without_overlap(), st.integers(min_value=-5, max_value=600))
def test_holder_on_answers_a_covering_term_or_none(terms, offset):
    on = START + dt.timedelta(days=offset)
    covering = [t for t in terms if t.start <= on and (t.end is None or on <= t.end)]

    holder = holder_on(terms, on)

    if not covering:
        assert holder is None
    else:
        assert holder in covering
        assert holder is not None
        assert holder.start == max(t.start for t in covering)

"""Session codes, dates, attendance and the nearest session: pure rules, no database."""

from __future__ import annotations

import datetime as dt

import pytest

from secretariat.core.domain.errors import RuleViolation
from secretariat.meetings.domain.sessions import (
    AbsenceReason,
    Dated,
    Presence,
    attendance_rate,
    check_attendance,
    check_dates,
    describe_date,
    latest_on,
    session_code,
)

D = dt.date


def test_codes_are_written_as_far_as_the_date_is_known():
    assert session_code("csc", D(2011, 8, 12), "day") == "csc-2011-08-12"
    assert session_code("csc", D(2005, 6, 1), "month") == "csc-2005-06"
    assert session_code("cmfa", D(2008, 1, 1), "year") == "cmfa-2008"
    assert describe_date(D(2005, 6, 1), "month") == "2005-06"


def test_a_session_ending_before_it_starts_is_refused():
    with pytest.raises(RuleViolation, match="cannot end"):
        check_dates(D(2011, 8, 13), D(2011, 8, 12), "day")
    check_dates(D(2011, 8, 12), D(2011, 8, 13), "day")


def test_an_imprecise_session_has_no_last_day():
    with pytest.raises(RuleViolation, match="exact last day"):
        check_dates(D(2005, 6, 1), D(2005, 6, 2), "month")


def test_a_non_member_can_only_be_a_guest():
    with pytest.raises(RuleViolation, match="was not a member on 2021-08-23"):
        check_attendance(
            "UZ", Presence.PRESENT, member=False, on=D(2021, 8, 23), reason=None, person=""
        )
    check_attendance("UZ", Presence.GUEST, member=False, on=D(2021, 8, 23), reason=None, person="")
    with pytest.raises(RuleViolation, match="not a guest"):
        check_attendance(
            "AM", Presence.GUEST, member=True, on=D(2021, 8, 23), reason=None, person=""
        )


def test_a_representative_must_be_named_and_only_absences_have_reasons():
    with pytest.raises(RuleViolation, match="who represented"):
        check_attendance(
            "KG", Presence.REPRESENTED, member=True, on=D(2022, 1, 10), reason=None, person=" "
        )
    with pytest.raises(RuleViolation, match="only given for an absent"):
        check_attendance(
            "BY",
            Presence.PRESENT,
            member=True,
            on=D(2009, 6, 14),
            reason=AbsenceReason.BOYCOTT,
            person="",
        )


def test_the_session_on_a_date_is_the_one_sitting_else_the_last_before_never_a_later_one():
    sessions = [
        Dated("astana", D(2011, 8, 12), D(2011, 8, 13)),
        Dated("moscow", D(2011, 12, 20), None),
        Dated("a", D(2020, 1, 1), None),
        Dated("b", D(2020, 1, 5), None),
    ]
    assert latest_on(sessions, D(2011, 8, 13)).key == "astana"  # type: ignore[union-attr]
    # Eleven days before Astana the last session held was none of these: a later one, however
    # near, had not been held yet (it came into being after the date asked about).
    assert latest_on(sessions, D(2011, 8, 1)) is None
    assert latest_on(sessions, D(2011, 12, 1)).key == "astana"  # type: ignore[union-attr]
    assert latest_on(sessions, D(2020, 1, 3)).key == "a"  # type: ignore[union-attr]
    assert latest_on(sessions, D(2020, 1, 5)).key == "b"  # type: ignore[union-attr]
    assert latest_on([], D(2020, 1, 3)) is None


def test_attendance_rate_counts_represented_and_ignores_guest_rows():
    count = attendance_rate(
        [Presence.PRESENT, Presence.REPRESENTED, Presence.ABSENT, Presence.GUEST]
    )
    assert (count.present, count.expected) == (2, 3)
    assert attendance_rate([]).rate is None

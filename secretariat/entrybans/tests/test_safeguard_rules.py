"""The safeguards' pure rules, without a database: the 15-day purpose-achieved loop and the
phases and deadlines of an independent delisting review."""

from __future__ import annotations

import datetime as dt
import functools
import itertools

import pytest

from secretariat.core.domain.errors import RuleViolation
from secretariat.entrybans.domain import rules

D = dt.date


def test_the_issuing_state_has_fifteen_calendar_days_to_reply_to_a_purpose_notice():
    assert rules.purpose_reply_by(D(2026, 6, 1)) == D(2026, 6, 16)
    assert rules.purpose_reply_by(D(2026, 12, 20)) == D(2027, 1, 4)
    assert rules.purpose_reply_by(D(2028, 2, 20)) == D(2028, 3, 6)  # a leap year: 29 days


def test_a_purpose_notice_escalates_the_day_after_its_reply_date_not_on_it():
    reply_by = rules.purpose_reply_by(D(2026, 6, 1))
    assert not rules.purpose_notice_overdue(reply_by, D(2026, 6, 1))
    assert not rules.purpose_notice_overdue(reply_by, D(2026, 6, 16))
    assert rules.purpose_notice_overdue(reply_by, D(2026, 6, 17))


# The independent review of delisting requests (res. 2734 (2024) Annex II).
GATHERING = rules.ReviewPhase.INFORMATION_GATHERING
DIALOGUE = rules.ReviewPhase.DIALOGUE


def test_information_gathering_lasts_four_months_and_the_dialogue_two():
    assert rules.phase_due(D(2026, 7, 15), GATHERING) == D(2026, 11, 15)
    assert rules.phase_due(D(2026, 10, 31), GATHERING) == D(2027, 2, 28)
    assert rules.phase_due(D(2026, 12, 31), DIALOGUE) == D(2027, 2, 28)
    with pytest.raises(RuleViolation, match="no deadline"):
        rules.phase_due(D(2026, 7, 15), rules.ReviewPhase.PRELIMINARY)


def test_a_timed_phase_is_extended_once_by_up_to_two_months_before_its_deadline():
    due = D(2026, 11, 15)
    for phase in ("information_gathering", "dialogue"):
        extend = functools.partial(rules.extended_phase_due, phase, due)
        assert extend(2, already_extended=False, today=due) == D(2027, 1, 15)
        assert extend(1, already_extended=False, today=D(2026, 8, 1)) == D(2026, 12, 15)
        with pytest.raises(RuleViolation, match="already extended once"):
            extend(1, already_extended=True, today=D(2026, 8, 1))
        for months in (0, 3, -1):
            with pytest.raises(RuleViolation, match="1 to 2 months"):
                extend(months, already_extended=False, today=D(2026, 8, 1))
        with pytest.raises(RuleViolation, match="ended on 2026-11-15"):
            extend(1, already_extended=False, today=D(2026, 11, 16))


@pytest.mark.parametrize("phase", ["preliminary", "report"])
def test_only_information_gathering_and_the_dialogue_can_be_extended(phase):
    with pytest.raises(RuleViolation, match="only the information-gathering and dialogue"):
        rules.extended_phase_due(
            phase, D(2026, 11, 15), 1, already_extended=False, today=D(2026, 8, 1)
        )


def test_nothing_is_extended_after_the_review_is_closed():
    with pytest.raises(RuleViolation, match="closed"):
        rules.extended_phase_due(
            "closed", D(2026, 11, 15), 1, already_extended=False, today=D(2026, 8, 1)
        )


def test_a_review_moves_one_phase_at_a_time_in_order():
    order = ["preliminary", "information_gathering", "dialogue", "report", "closed"]
    for current, target in itertools.pairwise(order):
        rules.check_review_step(current, rules.ReviewPhase(target))
    with pytest.raises(RuleViolation, match=r"the decision cannot be recorded now.*preliminary"):
        rules.check_review_step("preliminary", rules.ReviewPhase.CLOSED)
    with pytest.raises(RuleViolation, match="the comprehensive report cannot be recorded now"):
        rules.check_review_step("information_gathering", rules.ReviewPhase.REPORT)
    with pytest.raises(RuleViolation, match="the dialogue cannot be recorded now"):
        rules.check_review_step("dialogue", DIALOGUE)  # not twice


@pytest.mark.parametrize("target", list(rules.ReviewPhase)[1:])
def test_nothing_is_recorded_after_the_decision(target):
    with pytest.raises(RuleViolation, match="the review is closed"):
        rules.check_review_step("closed", target)


def test_a_repeat_request_is_accepted_only_on_new_material():
    with pytest.raises(RuleViolation, match="repeat request"):
        rules.check_preliminary_determination(True, repeat=True, new_material="  ")
    rules.check_preliminary_determination(True, repeat=True, new_material="A court judgment")
    rules.check_preliminary_determination(False, repeat=True, new_material="")
    rules.check_preliminary_determination(True, repeat=False, new_material="")


def test_a_phase_is_overdue_the_day_after_its_deadline():
    assert not rules.phase_overdue(D(2026, 11, 15), D(2026, 11, 15))
    assert rules.phase_overdue(D(2026, 11, 15), D(2026, 11, 16))
    assert not rules.phase_overdue(None, D(2030, 1, 1))


# The response clock of a reported hit (SIRENE: 12 hours), in UTC.
T = dt.datetime


def test_a_reported_hit_is_answered_within_twelve_hours_counted_in_utc():
    assert rules.hit_answer_due(T(2026, 7, 1, 10, 0, tzinfo=dt.UTC)) == T(
        2026, 7, 1, 22, 0, tzinfo=dt.UTC
    )
    almaty = dt.timezone(dt.timedelta(hours=5))
    due = rules.hit_answer_due(T(2026, 7, 1, 20, 30, tzinfo=almaty))
    assert due == T(2026, 7, 2, 3, 30, tzinfo=dt.UTC) and due.utcoffset() == dt.timedelta(0)
    with pytest.raises(ValueError, match="time zone"):
        rules.hit_answer_due(T(2026, 7, 1, 10, 0))


def test_a_reported_hit_is_overdue_only_unanswered_after_its_twelve_hours():
    due = T(2026, 7, 1, 22, 0, tzinfo=dt.UTC)
    assert not rules.hit_report_overdue(due, due)
    assert rules.hit_report_overdue(due, due + dt.timedelta(seconds=1))
    assert not rules.hit_report_overdue(due, due + dt.timedelta(days=1), answered_at=due)
    assert rules.hit_answer_late(due, due + dt.timedelta(minutes=1))
    assert not rules.hit_answer_late(due, due)


def test_an_officer_reports_hits_of_the_last_twenty_four_hours():
    now = T(2026, 7, 2, 12, 0, tzinfo=dt.UTC)
    assert rules.hit_report_window_start(now) == T(2026, 7, 1, 12, 0, tzinfo=dt.UTC)

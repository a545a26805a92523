"""Freedom House records: secretariat.members.domain.indicators (pure, no Django)."""

from __future__ import annotations

from typing import Any

import pytest

from secretariat.core.domain.errors import RuleViolation
from secretariat.members.domain.indicators import (
    FREEDOM_LABELS,
    FreedomHouseRecord,
    FreedomStatus,
    check_freedom_house,
)

CURRENT_YEAR = 2025


def check(**overrides: Any) -> FreedomHouseRecord:
    values: dict[str, Any] = {
        "year": 2015,
        "status": "NF",
        "political_rights": 7,
        "civil_liberties": 6,
        "score": 5,
        "current_year": CURRENT_YEAR,
    }
    values.update(overrides)
    return check_freedom_house(**values)


def test_it_accepts_a_complete_record_and_parses_the_status():
    record = check(year=2015, status="PF", political_rights=5, civil_liberties=4, score=38)

    assert record == FreedomHouseRecord(2015, FreedomStatus.PARTLY_FREE, 5, 4, 38)
    assert FREEDOM_LABELS[record.status] == "Partly Free"


@pytest.mark.parametrize("status", ["F", "PF", "NF"])
def test_it_accepts_each_of_the_three_statuses(status):
    assert check(status=status).status is FreedomStatus(status)


@pytest.mark.parametrize("status", ["X", "", "free", "Free", "nf", "P F"])
def test_it_refuses_an_unknown_status(status):
    with pytest.raises(RuleViolation, match=r"unknown Freedom House status") as caught:
        check(status=status)

    assert repr(status) in caught.value.message
    assert caught.value.field == "status"


def test_it_accepts_the_first_and_the_current_year():
    assert check(year=1972).year == 1972
    assert check(year=CURRENT_YEAR).year == CURRENT_YEAR


@pytest.mark.parametrize("year", [1971, 1900, CURRENT_YEAR + 1, 3000])
def test_it_refuses_a_year_outside_freedom_houses_coverage(year):
    with pytest.raises(RuleViolation, match=rf"year {year} is outside") as caught:
        check(year=year)

    assert f"1972–{CURRENT_YEAR}" in caught.value.message
    assert caught.value.field == "year"


@pytest.mark.parametrize("field", ["political_rights", "civil_liberties"])
@pytest.mark.parametrize("rating", [1, 4, 7, None])
def test_it_accepts_ratings_from_one_to_seven_or_none(field, rating):
    assert getattr(check(**{field: rating}), field) == rating


@pytest.mark.parametrize("field", ["political_rights", "civil_liberties"])
@pytest.mark.parametrize("rating", [0, 8, -1, 70])
def test_it_refuses_ratings_outside_one_to_seven(field, rating):
    with pytest.raises(
        RuleViolation, match=rf"{field} must be between 1 and 7; got {rating}"
    ) as caught:
        check(**{field: rating})

    assert caught.value.field == field


@pytest.mark.parametrize("score", [0, 50, 100, None])
def test_it_accepts_a_score_from_zero_to_a_hundred_or_none(score):
    assert check(score=score).score == score


@pytest.mark.parametrize("score", [-1, 101, 1000])
def test_it_refuses_a_score_outside_zero_to_a_hundred(score):
    with pytest.raises(
        RuleViolation, match=rf"score must be between 0 and 100; got {score}"
    ) as caught:
        check(score=score)

    assert caught.value.field == "score"


def test_a_year_before_the_aggregate_score_may_have_only_the_ratings():
    record = check(year=1995, status="F", political_rights=1, civil_liberties=2, score=None)

    assert record.score is None
    assert record.status is FreedomStatus.FREE

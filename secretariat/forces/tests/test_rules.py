"""The pure rules of forces and pledges (no database)."""

from __future__ import annotations

import datetime as dt

import pytest

from secretariat.core.domain.errors import RuleViolation
from secretariat.forces.domain import rules
from secretariat.forces.domain.rules import Pledge

D = dt.date


def test_a_pledge_cannot_end_before_it_starts():
    with pytest.raises(RuleViolation, match="cannot end"):
        rules.check_pledge(
            strength=10, start=D(2020, 5, 1), end=D(2020, 1, 1), formation_established=None
        )


def test_a_pledge_cannot_predate_its_formation():
    with pytest.raises(RuleViolation, match="before its formation was established"):
        rules.check_pledge(
            strength=10, start=D(2008, 1, 1), end=None, formation_established=D(2009, 2, 4)
        )


@pytest.mark.parametrize("strength", [0, -5])
def test_a_pledged_strength_is_positive(strength):
    with pytest.raises(RuleViolation, match="positive"):
        rules.check_pledge(
            strength=strength, start=D(2020, 1, 1), end=None, formation_established=None
        )


def test_an_unpublished_strength_is_allowed():
    rules.check_pledge(strength=None, start=D(2020, 1, 1), end=None, formation_established=None)


@pytest.mark.parametrize("code", ["CRRF", "crrf force", "", "x" * 61, "crrf_2"])
def test_codes_are_lower_case_letters_digits_and_dashes(code):
    with pytest.raises(RuleViolation, match="code"):
        rules.check_code(code)


def test_unknown_choices_name_the_allowed_ones():
    with pytest.raises(RuleViolation, match="airborne"):
        rules.unit_type("cavalry")
    with pytest.raises(RuleViolation, match="peacekeeping"):
        rules.formation_kind("navy")
    assert rules.readiness("on_call") == "on_call"


PLEDGES = [
    Pledge("cpf", "RU", 1000, D(2022, 1, 6), None, estimated=True),
    Pledge("cpf", "AM", 100, D(2022, 1, 6), D(2023, 12, 31)),
    Pledge("crrf", "RU", None, D(2009, 6, 14), None),
    Pledge("crrf", "KZ", 300, D(2009, 6, 14), None),
    Pledge("crrf", "KZ", 200, D(2009, 6, 14), None),
]


def test_totals_on_a_date_count_only_the_pledges_running_that_day():
    before = rules.totals_on(PLEDGES, D(2015, 1, 1))
    assert set(before) == {"crrf"}
    assert before["crrf"].total.strength == 500
    assert before["crrf"].total.contingents == 3
    assert before["crrf"].total.undisclosed == 1
    assert before["crrf"].by_state["KZ"].strength == 500


def test_a_pledge_counts_on_its_first_and_last_day():
    assert rules.totals_on(PLEDGES, D(2022, 1, 6))["cpf"].total.strength == 1100
    assert rules.totals_on(PLEDGES, D(2023, 12, 31))["cpf"].by_state["AM"].strength == 100
    assert "AM" not in rules.totals_on(PLEDGES, D(2024, 1, 1))["cpf"].by_state


def test_a_total_with_an_estimate_in_it_is_marked_as_one():
    totals = rules.totals_on(PLEDGES, D(2022, 6, 1))["cpf"]
    assert totals.total.estimated
    assert totals.by_state["RU"].estimated
    assert not totals.by_state["AM"].estimated


def test_totals_by_state_sum_every_formation():
    by_state = rules.totals_by_state(PLEDGES, D(2022, 6, 1))
    assert by_state["RU"].strength == 1000
    assert by_state["RU"].contingents == 2
    assert by_state["RU"].undisclosed == 1
    assert list(by_state) == sorted(by_state)

"""The register's pure rules: review dates, warnings, extensions, deadlines, commitments."""

from __future__ import annotations

import datetime as dt

import pytest

from secretariat.core.domain.errors import RuleViolation
from secretariat.entrybans.domain import rules
from secretariat.entrybans.domain.policy import POLICY
from secretariat.entrybans.domain.rules import Ground

D = dt.date


def test_review_is_within_three_years_of_entry():
    assert rules.review_date(D(2026, 6, 1), None) == D(2029, 6, 1)


def test_review_may_be_five_years_when_the_national_decision_runs_longer():
    assert rules.review_date(D(2026, 6, 1), D(2036, 1, 1)) == D(2031, 6, 1)
    assert rules.review_date(D(2026, 6, 1), D(2028, 1, 1)) == D(2029, 6, 1)


def test_a_state_may_ask_for_an_earlier_review_but_not_a_later_one():
    assert rules.review_date(D(2026, 6, 1), None, D(2027, 1, 1)) == D(2027, 1, 1)
    with pytest.raises(RuleViolation, match="at most 2029-06-01"):
        rules.review_date(D(2026, 6, 1), None, D(2030, 1, 1))


def test_the_warning_comes_four_months_ahead():
    assert rules.warning_date(D(2029, 6, 30)) == D(2029, 2, 28)


def test_an_extension_needs_a_new_assessment_before_the_review_date():
    with pytest.raises(RuleViolation, match="new individual assessment"):
        rules.check_extension(D(2029, 1, 1), D(2029, 6, 1), "ok")
    with pytest.raises(RuleViolation, match="has passed"):
        rules.check_extension(D(2029, 6, 1), D(2029, 6, 1), "x" * 60)


def test_request_deadlines_route_within_a_week_and_answer_within_thirty_days():
    elsewhere = rules.request_deadlines(D(2026, 1, 1), lodged_with_issuing_state=False)
    assert (elsewhere.route_by, elsewhere.answer_by) == (D(2026, 1, 8), D(2026, 2, 7))
    direct = rules.request_deadlines(D(2026, 1, 1), lodged_with_issuing_state=True)
    assert direct.answer_by == D(2026, 1, 31)


def test_the_commitment_depends_on_salt_and_data_and_reveals_neither():
    one = rules.commitment("00" * 16, {"surname": "Тэставы"})
    assert one == rules.commitment("00" * 16, {"surname": "Тэставы"})
    assert one != rules.commitment("01" * 16, {"surname": "Тэставы"})
    assert "Тэставы" not in one and len(one) == 64


def test_grounds_are_a_closed_list():
    assert {g.value for g in Ground} >= {"public_security", "serious_crime", "terrorism"}


def test_only_the_issuing_state_writes_and_the_secretariat_only_quarantines():
    from secretariat.core.domain.actors import Role
    from secretariat.core.domain.scopes import Scope

    for action in ("enter_listing", "change_listing", "extend_listing", "delete_listing"):
        assert POLICY[f"entrybans.{action}"] == {Role.DELEGATION: Scope.OWN, Role.SYSTEM: Scope.ANY}
    assert Role.DELEGATION not in POLICY["entrybans.quarantine_listing"]
    assert set(POLICY["entrybans.read_access_log"]) == {Role.AUDITOR, Role.SYSTEM}
    assert set(POLICY["entrybans.screen"]) == {Role.BORDER_OFFICER, Role.SYSTEM}

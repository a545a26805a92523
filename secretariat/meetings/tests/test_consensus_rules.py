"""The consensus engine, pure: no database. Each test is a situation the CSTO has met, under the
readings of its rules that its dataset gives (datasets/csto/organization.json)."""

from __future__ import annotations

import json
from fractions import Fraction
from pathlib import Path

import pytest

from secretariat.core.domain.errors import RuleViolation
from secretariat.meetings.domain.consensus import (
    Base,
    Outcome,
    Position,
    Rules,
    check_outcome,
    evaluate,
    reading,
    rules_from_dict,
)

CSTO = Path(__file__).resolve().parents[2] / "datasets" / "csto" / "organization.json"
READINGS = {
    row["code"]: rules_from_dict(row)
    for row in json.loads(CSTO.read_text(encoding="utf-8"))["readings"]
}
CONSENSUS_OF_PRESENT = READINGS["consensus-present"]
CONSENSUS_OF_ALL = READINGS["consensus-all"]

SUP, OBJ, ABS, OUT = Position.SUPPORTS, Position.OBJECTS, Position.ABSTAINS, Position.NOT_INTERESTED
SEVEN = {"AM", "BY", "KZ", "KG", "RU", "TJ", "UZ"}
SIX = SEVEN - {"UZ"}


def test_everyone_present_and_silent_adopts_and_binds_everyone():
    verdict = evaluate(CONSENSUS_OF_PRESENT, SIX, SIX, {})
    assert verdict.adopted
    assert set(verdict.binding_on) == SIX
    assert "Adopted by consensus" in verdict.explain()


def test_one_objection_blocks_and_is_named():
    verdict = evaluate(CONSENSUS_OF_PRESENT, SIX, SIX, {"AM": OBJ})
    assert not verdict.adopted
    assert verdict.blocked_by == ("AM",)
    assert "AM declared objects, which blocks consensus" in verdict.explain()


def test_an_abstention_does_not_block_and_still_binds():
    verdict = evaluate(CONSENSUS_OF_PRESENT, SIX, SIX, {"KG": ABS})
    assert verdict.adopted
    assert "KG" in verdict.binding_on
    assert "abstained" in verdict.explain()


def test_a_reading_where_abstention_blocks():
    strict = Rules("strict", "strict", Base.PRESENT, blocking=frozenset({OBJ, ABS}))
    assert not evaluate(strict, SIX, SIX, {"KG": ABS}).adopted


def test_belarus_2009_decisions_taken_in_its_absence_depend_on_the_reading():
    # Moscow, 14 June 2009: Belarus stayed away; the other six took part, Uzbekistan did not sign
    # the rapid-reaction-force agreement but did not block the session's decisions.
    present = SEVEN - {"BY"}
    as_the_session_proceeded = evaluate(CONSENSUS_OF_PRESENT, SEVEN, present, {})
    as_belarus_claimed = evaluate(CONSENSUS_OF_ALL, SEVEN, present, {})

    assert as_the_session_proceeded.adopted
    assert "BY" not in as_the_session_proceeded.binding_on
    assert as_the_session_proceeded.not_bound["BY"].startswith("took no part")
    assert not as_belarus_claimed.adopted
    assert as_belarus_claimed.blocked_by == ("BY",)
    assert "silence is not consent" in as_belarus_claimed.explain()


def test_armenia_2022_declining_the_yerevan_declaration_blocks_it():
    verdict = evaluate(CONSENSUS_OF_PRESENT, SIX, SIX, {"AM": OBJ})
    assert not verdict.adopted
    check_outcome(Outcome.NOT_ADOPTED, verdict)
    with pytest.raises(RuleViolation, match="do not allow adoption"):
        check_outcome(Outcome.ADOPTED, verdict)


def test_armenia_2024_staying_out_of_the_budget_neither_blocks_nor_is_bound():
    present = SIX - {"AM"}
    verdict = evaluate(CONSENSUS_OF_PRESENT, SIX, present, {"AM": OUT})
    assert verdict.adopted
    assert "AM" not in verdict.binding_on
    assert verdict.not_bound == {"AM": "declared it is not interested"}
    # Even under the strict reading, a member that declared itself out is not silent.
    assert evaluate(CONSENSUS_OF_ALL, SIX, present, {"AM": OUT}).adopted


def test_without_a_non_interest_option_staying_out_withholds_consent():
    no_opt_out = Rules("no-opt-out", "no opt-out", Base.PRESENT, non_interest_allowed=False)
    verdict = evaluate(no_opt_out, SIX, SIX, {"AM": OUT})
    assert not verdict.adopted
    assert "no such option" in verdict.explain()


def test_quorum_is_checked_before_anything_else():
    two_thirds = Rules("q", "two thirds", Base.PRESENT, quorum=Fraction(2, 3))
    verdict = evaluate(two_thirds, SIX, {"RU", "BY", "KZ"}, {})
    assert not verdict.adopted
    assert "No quorum: 3 of 6" in verdict.explain()
    assert evaluate(two_thirds, SIX, {"RU", "BY", "KZ", "TJ"}, {}).adopted


def test_an_absent_member_bound_when_the_reading_says_so():
    binding_absent = Rules("b", "binds absent", Base.PRESENT, absent_bound=True)
    verdict = evaluate(binding_absent, SIX, SIX - {"BY"}, {})
    assert "BY" in verdict.binding_on


def test_a_written_position_from_an_absent_member_counts():
    verdict = evaluate(CONSENSUS_OF_PRESENT, SIX, SIX - {"BY"}, {"BY": OBJ})
    assert not verdict.adopted
    assert verdict.blocked_by == ("BY",)


def test_a_position_from_a_state_that_is_not_a_member_is_refused():
    with pytest.raises(RuleViolation, match="UZ was not a member"):
        evaluate(CONSENSUS_OF_PRESENT, SIX, SIX, {"UZ": SUP})


def test_a_guest_does_not_count_towards_consensus():
    with pytest.raises(RuleViolation, match="guests do not count"):
        evaluate(CONSENSUS_OF_PRESENT, SIX, SEVEN, {})


def test_nobody_present_means_nothing_is_adopted():
    verdict = evaluate(CONSENSUS_OF_PRESENT, SIX, set(), {})
    assert not verdict.adopted
    assert "no member joined" in verdict.explain()


def test_not_adopted_is_refused_when_nothing_blocks():
    with pytest.raises(RuleViolation, match="nothing in the recorded positions blocks"):
        check_outcome(Outcome.NOT_ADOPTED, evaluate(CONSENSUS_OF_PRESENT, SIX, SIX, {}))
    check_outcome(Outcome.WITHDRAWN, evaluate(CONSENSUS_OF_PRESENT, SIX, SIX, {}))
    check_outcome(Outcome.ADOPTED, None)  # positions unknown: the sources' outcome stands


def test_readings_are_looked_up_by_code():
    assert reading("consensus-all", READINGS) is CONSENSUS_OF_ALL
    with pytest.raises(RuleViolation, match="unknown reading"):
        reading("majority", READINGS)


def test_a_reading_is_read_from_the_dataset_with_its_quorum_and_blocking_positions():
    rules = rules_from_dict(
        {
            "code": "two-thirds",
            "title_en": "two thirds present; objections and abstentions block",
            "title_ru": "две трети присутствующих; возражение и воздержание блокируют",
            "base": "present",
            "quorum": "2/3",
            "blocking": ["objects", "abstains"],
        }
    )
    assert rules.quorum == Fraction(2, 3) and rules.title_ru.startswith("две трети")
    assert not evaluate(rules, SIX, SIX, {"KG": ABS}).adopted
    with pytest.raises(RuleViolation, match="reading 'bad'"):
        rules_from_dict({"code": "bad", "title_en": "bad", "base": "most"})

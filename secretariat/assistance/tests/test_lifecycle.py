"""The procedure of a request as a state machine (pure, no database)."""

from __future__ import annotations

import datetime as dt

import pytest

from secretariat.assistance.domain.lifecycle import Outcome, Status, Step, advance, allowed_steps
from secretariat.core.domain.errors import RuleViolation

D = dt.date
DAY = D(2022, 1, 6)


def walk(*steps: tuple[Step, Outcome | None]) -> Status:
    status = Status.SUBMITTED
    for step, outcome in steps:
        status = advance(status, step, on=DAY, last_step_on=DAY, outcome=outcome)
    return status


def test_the_whole_procedure_from_request_to_closing():
    assert (
        walk(
            (Step.CONSULT, None),
            (Step.CONSULT, None),
            (Step.DECIDE, None),
            (Step.MANDATE, Outcome.ADOPTED),
            (Step.DEPLOY, None),
            (Step.DEPLOY, None),
            (Step.WITHDRAW_FORCES, None),
            (Step.CLOSE, None),
        )
        is Status.CLOSED
    )


def test_the_council_may_decide_without_consultations_and_close_after_a_rejection():
    assert walk((Step.DECIDE, None), (Step.CLOSE, None)) is Status.CLOSED


def test_a_different_response_such_as_a_monitoring_mission_may_get_a_mandate():
    assert walk((Step.DECIDE, None), (Step.MANDATE, Outcome.ALTERNATIVE)) is Status.MANDATED


def test_a_rejected_request_gets_no_mandate():
    with pytest.raises(
        RuleViolation, match="decision that grants assistance; the decision was rejected"
    ):
        walk((Step.DECIDE, None), (Step.MANDATE, Outcome.REJECTED))


@pytest.mark.parametrize(
    ("steps", "step"),
    [
        ([], Step.DEPLOY),  # a deployment straight after the request
        ([(Step.CONSULT, None)], Step.MANDATE),  # a mandate before the decision
        ([(Step.DECIDE, None)], Step.DEPLOY),  # a deployment before the mandate
        ([(Step.DECIDE, None)], Step.CONSULT),  # consultations after the decision
        ([], Step.WITHDRAW_FORCES),
    ],
)
def test_steps_out_of_order_are_refused_with_what_may_come_next(steps, step):
    status = walk(*steps)
    with pytest.raises(RuleViolation, match="is not possible while the request is") as error:
        advance(status, step, on=DAY, last_step_on=DAY, outcome=Outcome.ADOPTED)
    assert "what may come next" in error.value.message


def test_the_requesting_state_may_withdraw_until_forces_are_deployed():
    for steps in ([], [(Step.CONSULT, None)], [(Step.DECIDE, None)]):
        assert walk(*steps, (Step.WITHDRAW_REQUEST, None)) is Status.WITHDRAWN
    deployed = walk((Step.DECIDE, None), (Step.MANDATE, Outcome.ADOPTED), (Step.DEPLOY, None))
    with pytest.raises(RuleViolation, match="withdrawing the request is not possible"):
        advance(deployed, Step.WITHDRAW_REQUEST, on=DAY, last_step_on=DAY)


def test_nothing_follows_a_closed_or_withdrawn_request():
    assert allowed_steps(Status.CLOSED) == []
    assert allowed_steps(Status.WITHDRAWN) == []
    assert not Status.CLOSED.is_open and not Status.WITHDRAWN.is_open
    assert Status.DEPLOYED.is_open


def test_a_step_cannot_be_dated_before_the_previous_one():
    with pytest.raises(RuleViolation, match="before the previous step"):
        advance(Status.SUBMITTED, Step.DECIDE, on=D(2022, 1, 4), last_step_on=D(2022, 1, 5))

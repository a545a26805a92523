"""The organization's rule for mandates and deployments (pure, no database)."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from secretariat.assistance.domain import deployment as rule
from secretariat.assistance.domain.deployment import MandateFacts, PledgeFacts, RequestFacts
from secretariat.core.domain.errors import RuleViolation

D = dt.date
REQUEST = RequestFacts(state="KZ", date=D(2022, 1, 5), open=True, requester_may_request=True)
MANDATE = MandateFacts(
    territory="KZ",
    start=D(2022, 1, 6),
    end=D(2022, 1, 19),
    areas=frozenset({"almaty", "strategic-sites"}),
    decided_on=D(2022, 1, 6),
)
PLEDGE = PledgeFacts(code="cpf-am", state="AM", strength=100, start=D(2022, 1, 1), end=None)


def deploy(**changes: Any) -> None:
    values: dict[str, Any] = {
        "area": "almaty",
        "strength": 100,
        "start": D(2022, 1, 6),
        "end": D(2022, 1, 19),
        "already_deployed": 0,
    }
    values.update(changes)
    request = values.pop("request", REQUEST)
    mandate = values.pop("mandate", MANDATE)
    pledge = values.pop("pledge", PLEDGE)
    rule.check_deployment(request, mandate, pledge, **values)


def test_a_deployment_within_the_mandate_and_the_pledge_passes():
    deploy()
    deploy(end=None)


def test_no_mandate_without_a_request_from_the_territorys_state():
    with pytest.raises(RuleViolation, match="needs a request from AM"):
        rule.check_mandate(
            REQUEST,
            territory="AM",
            start=D(2022, 1, 6),
            end=D(2022, 1, 9),
            decided_on=D(2022, 1, 6),
        )


def test_no_mandate_on_a_withdrawn_request_or_one_a_non_member_made():
    closed = RequestFacts("KZ", D(2022, 1, 5), open=False, requester_may_request=True)
    with pytest.raises(RuleViolation, match="withdrawn or closed"):
        rule.check_mandate(
            closed, territory="KZ", start=D(2022, 1, 6), end=D(2022, 1, 9), decided_on=D(2022, 1, 6)
        )
    outsider = RequestFacts("KZ", D(2022, 1, 5), open=True, requester_may_request=False)
    with pytest.raises(RuleViolation, match="could not request"):
        rule.check_mandate(
            outsider,
            territory="KZ",
            start=D(2022, 1, 6),
            end=D(2022, 1, 9),
            decided_on=D(2022, 1, 6),
        )


def test_a_mission_cannot_end_before_it_starts():
    with pytest.raises(RuleViolation, match="cannot end"):
        rule.check_mandate(
            REQUEST,
            territory="KZ",
            start=D(2022, 1, 9),
            end=D(2022, 1, 6),
            decided_on=D(2022, 1, 6),
        )


def test_a_mandate_cannot_start_before_the_request_or_the_decision():
    with pytest.raises(RuleViolation, match="before the request"):
        rule.check_mandate(
            REQUEST,
            territory="KZ",
            start=D(2022, 1, 4),
            end=D(2022, 1, 9),
            decided_on=D(2022, 1, 4),
        )
    with pytest.raises(RuleViolation, match="before the council decision"):
        rule.check_mandate(
            REQUEST,
            territory="KZ",
            start=D(2022, 1, 5),
            end=D(2022, 1, 9),
            decided_on=D(2022, 1, 6),
        )


def test_no_deployment_before_the_request():
    with pytest.raises(RuleViolation, match="no deployment before the request"):
        deploy(start=D(2022, 1, 4))


def test_no_deployment_before_the_decision():
    with pytest.raises(RuleViolation, match="before the Council's decision"):
        deploy(start=D(2022, 1, 5))


@pytest.mark.parametrize(
    ("start", "end"),
    [(D(2022, 1, 7), D(2022, 1, 25)), (D(2022, 1, 20), None), (D(2022, 1, 20), D(2022, 1, 21))],
)
def test_no_deployment_outside_the_mandates_dates(start, end):
    with pytest.raises(RuleViolation, match="within the mandate's dates"):
        deploy(start=start, end=end)


def test_no_deployment_outside_the_mandates_area():
    with pytest.raises(RuleViolation, match="outside the mandate"):
        deploy(area="aktau")


def test_no_deployment_on_another_states_territory():
    elsewhere = MandateFacts("AM", MANDATE.start, MANDATE.end, MANDATE.areas, MANDATE.decided_on)
    with pytest.raises(RuleViolation, match="needs a request from AM"):
        deploy(mandate=elsewhere)


def test_a_contingent_is_not_deployed_beyond_its_pledge():
    with pytest.raises(RuleViolation, match="pledged at 100; deploying 101"):
        deploy(strength=101)
    with pytest.raises(RuleViolation, match="beside 60 already deployed"):
        deploy(strength=50, already_deployed=60)


def test_a_contingent_without_a_pledged_strength_or_out_of_its_pledge_period_stays_home():
    unknown = PledgeFacts("crrf-ru", "RU", None, D(2009, 6, 14), None)
    with pytest.raises(RuleViolation, match="no pledged strength"):
        deploy(pledge=unknown)
    ended = PledgeFacts("cpf-am", "AM", 100, D(2020, 1, 1), D(2022, 1, 10))
    with pytest.raises(RuleViolation, match="not pledged for the whole deployment"):
        deploy(pledge=ended)


def test_overlaps_and_strength_by_state():
    assert rule.overlaps(D(2022, 1, 6), None, D(2022, 2, 1), D(2022, 2, 2))
    assert not rule.overlaps(D(2022, 1, 6), D(2022, 1, 19), D(2022, 1, 20), None)
    units = [
        rule.DeployedUnit("RU", 1000, D(2022, 1, 6), D(2022, 1, 19)),
        rule.DeployedUnit("AM", 100, D(2022, 1, 6), D(2022, 1, 19)),
        rule.DeployedUnit("RU", 80, D(2022, 1, 8), D(2022, 1, 12)),
    ]
    assert rule.strength_by_state(units) == {"RU": 1080, "AM": 100}
    assert rule.strength_by_state(units, D(2022, 1, 7)) == {"RU": 1000, "AM": 100}
    assert rule.strength_by_state(units, D(2022, 1, 20)) == {}

"""The assistance services: the procedure, the rule, who may write what, and the journal."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from django.db import IntegrityError, transaction

from secretariat.assistance import selectors, services
from secretariat.assistance.models import AssistanceRequest, Deployment, Mandate
from secretariat.assistance.tests.conftest import MANDATE, REQUEST
from secretariat.core.domain.actors import Actor
from secretariat.core.domain.errors import NotFound, NotPermitted, RuleViolation
from secretariat.core.testing import actor, journal_size
from secretariat.forces.models import Contingent
from secretariat.journal.models import JournalEntry

pytestmark = pytest.mark.django_db

D = dt.date


def snapshot() -> tuple[int, int, int, int]:
    return (
        journal_size(),
        AssistanceRequest.objects.count(),
        Mandate.objects.count(),
        Deployment.objects.count(),
    )


def submitted(dana):
    row, _ = services.submit_request(actor(dana), **REQUEST)
    return row


def decided(dana, sofia, outcome="adopted"):
    submitted(dana)
    services.record_decision(
        actor(sofia),
        request=REQUEST["code"],
        date=D(2026, 3, 3),
        outcome=outcome,
        response_en="Send the peacekeeping forces' rescue units.",
    )


def mandated(dana, sofia):
    decided(dana, sofia)
    services.issue_mandate(actor(sofia), request=REQUEST["code"], **MANDATE)


def test_the_whole_procedure_is_recorded_and_every_step_journaled(dana, personas):
    sofia = actor(personas.sofia)
    before = journal_size()
    request = submitted(dana)
    assert request.status == "submitted" and request.submitted_by == "dana"
    services.record_consultation(
        sofia,
        request=request.code,
        date=D(2026, 3, 2),
        held_by_en="Secretaries of the security councils",
        summary_en="Agreed to help",
    )
    services.record_decision(
        sofia, request=request.code, date=D(2026, 3, 3), outcome="adopted", response_en="Help"
    )
    services.issue_mandate(sofia, request=request.code, **MANDATE)
    services.record_deployment(
        sofia,
        mandate=MANDATE["code"],
        contingent="cpf-tj-2022",
        area="atyrau",
        strength=150,
        start=D(2026, 3, 5),
    )
    services.record_deployment(
        sofia,
        mandate=MANDATE["code"],
        contingent="cpf-kg-special-forces",
        area="atyrau",
        strength=100,
        start=D(2026, 3, 6),
    )
    services.withdraw_forces(
        sofia, mandate=MANDATE["code"], began_on=D(2026, 3, 20), completed_on=D(2026, 3, 25)
    )
    closed, _ = services.close_request(
        sofia, request=request.code, closed_on=D(2026, 3, 26), outcome_en="250 rescuers sent"
    )
    assert closed.status == "closed"
    assert journal_size() == before + 8
    actions = list(JournalEntry.objects.order_by("-seq").values_list("action", flat=True)[:8])
    assert actions[::-1] == [
        "assistance_request.submitted",
        "consultation.recorded",
        "council_decision.recorded",
        "mandate.issued",
        "deployment.recorded",
        "deployment.recorded",
        "forces.withdrawn",
        "assistance_request.closed",
    ]
    assert set(
        Deployment.objects.filter(mandate__code=MANDATE["code"]).values_list("end", flat=True)
    ) == {D(2026, 3, 25)}
    assert selectors.strength_by_state(MANDATE["code"]) == {"TJ": 150, "KG": 100}
    kinds = [s.kind for s in selectors.timeline(request.code)]
    assert kinds == [
        "request",
        "consultation",
        "decision",
        "mandate",
        "deployment",
        "deployment",
        "withdrawal_began",
        "withdrawal",
        "closed",
    ]


def test_recording_a_step_again_changes_nothing(dana, personas):
    mandated(dana, personas.sofia)
    before = journal_size()
    assert services.submit_request(actor(dana), **REQUEST)[1] == "unchanged"
    assert (
        services.issue_mandate(actor(personas.sofia), request=REQUEST["code"], **MANDATE)[1]
        == "unchanged"
    )
    assert journal_size() == before


def test_a_request_by_another_states_delegation_is_not_found_and_nothing_is_written(personas):
    before = snapshot()
    with pytest.raises(NotFound):
        services.submit_request(actor(personas.boris), **REQUEST)
    assert snapshot() == before


def test_the_secretariat_and_the_public_cannot_request_on_a_states_behalf(personas):
    for who in (actor(personas.sofia), Actor.public(), actor(personas.aud)):
        with pytest.raises(NotPermitted):
            services.submit_request(who, **REQUEST)
    with pytest.raises(NotPermitted):
        services.record_decision(
            actor(personas.boris),
            request="kz-2022",
            date=D(2022, 1, 6),
            outcome="adopted",
            response_en="x",
        )


def test_suspended_and_non_member_states_cannot_request(personas):
    system = Actor.system("tests")
    with pytest.raises(RuleViolation, match="UZ is suspended on 2013-01-01"):
        services.submit_request(
            system, **{**REQUEST, "code": "uz-2013", "state": "UZ", "requested_on": D(2013, 1, 1)}
        )
    with pytest.raises(RuleViolation, match="GE is withdrawn"):
        services.submit_request(
            system, **{**REQUEST, "code": "ge-2008", "state": "GE", "requested_on": D(2008, 8, 8)}
        )


def test_a_request_cannot_be_dated_in_the_future(dana):
    with pytest.raises(RuleViolation, match="future"):
        services.submit_request(
            actor(dana), **{**REQUEST, "requested_on": dt.date.today() + dt.timedelta(days=1)}
        )


def test_the_requesting_state_withdraws_its_request_and_no_other_state_can(dana, personas):
    submitted(dana)
    with pytest.raises(NotFound):
        services.withdraw_request(
            actor(personas.boris), request=REQUEST["code"], withdrawn_on=D(2026, 3, 2)
        )
    row, _ = services.withdraw_request(
        actor(dana),
        request=REQUEST["code"],
        withdrawn_on=D(2026, 3, 2),
        reason="The floods receded",
    )
    assert row.status == "withdrawn" and row.withdrawn_on == D(2026, 3, 2)
    with pytest.raises(RuleViolation, match="not possible while the request is withdrawn"):
        services.record_decision(
            actor(personas.sofia),
            request=REQUEST["code"],
            date=D(2026, 3, 3),
            outcome="adopted",
            response_en="x",
        )


def test_a_deployment_before_the_request_or_the_decision_is_refused_and_nothing_written(
    dana, personas
):
    mandated(dana, personas.sofia)
    before = snapshot()
    for start, message in (
        (D(2026, 2, 1), "before the request"),
        (D(2026, 3, 2), "before the Council's decision"),
    ):
        with pytest.raises(RuleViolation, match=message):
            services.record_deployment(
                actor(personas.sofia),
                mandate=MANDATE["code"],
                contingent="cpf-am-2022",
                area="atyrau",
                strength=50,
                start=start,
            )
    assert snapshot() == before


def test_no_deployment_and_no_mandate_before_the_council_decides(dana, personas):
    submitted(dana)
    with pytest.raises(RuleViolation, match="no mandate before the Council has decided"):
        services.issue_mandate(actor(personas.sofia), request=REQUEST["code"], **MANDATE)
    with pytest.raises(RuleViolation, match="unknown mandate"):
        services.record_deployment(
            actor(personas.sofia),
            mandate="nope",
            contingent="cpf-am-2022",
            area="x",
            strength=1,
            start=D(2026, 3, 5),
        )


def test_a_rejected_request_gets_no_mandate(dana, personas):
    decided(dana, personas.sofia, outcome="rejected")
    with pytest.raises(RuleViolation, match="the decision was rejected"):
        services.issue_mandate(actor(personas.sofia), request=REQUEST["code"], **MANDATE)


def test_a_contingent_larger_than_its_pledge_is_refused_and_nothing_written(dana, personas):
    mandated(dana, personas.sofia)
    before = snapshot()
    with pytest.raises(RuleViolation, match="pledged at 100; deploying 120"):
        services.record_deployment(
            actor(personas.sofia),
            mandate=MANDATE["code"],
            contingent="cpf-am-2022",
            area="atyrau",
            strength=120,
            start=D(2026, 3, 5),
        )
    assert snapshot() == before


def test_a_mission_ending_before_it_starts_is_refused(dana, personas):
    decided(dana, personas.sofia)
    before = snapshot()
    with pytest.raises(RuleViolation, match="cannot end"):
        services.issue_mandate(
            actor(personas.sofia), request=REQUEST["code"], **{**MANDATE, "end": D(2026, 3, 1)}
        )
    assert snapshot() == before


def test_a_mandate_on_another_states_territory_is_refused(dana, personas):
    decided(dana, personas.sofia)
    with pytest.raises(RuleViolation, match="needs a request from AM"):
        services.issue_mandate(
            actor(personas.sofia), request=REQUEST["code"], **{**MANDATE, "territory": "AM"}
        )


def test_a_deployment_outside_the_mandates_area_or_dates_is_refused(dana, personas):
    mandated(dana, personas.sofia)
    base: dict[str, Any] = {
        "mandate": MANDATE["code"],
        "contingent": "cpf-am-2022",
        "strength": 50,
        "start": D(2026, 3, 5),
    }
    with pytest.raises(RuleViolation, match="outside the mandate"):
        services.record_deployment(actor(personas.sofia), **base, area="almaty")
    with pytest.raises(RuleViolation, match="within the mandate's dates"):
        services.record_deployment(actor(personas.sofia), **base, area="atyrau", end=D(2026, 5, 1))
    services.record_deployment(actor(personas.sofia), **base, area="atyrau")
    with pytest.raises(RuleViolation, match="extend the mandate"):
        services.withdraw_forces(
            actor(personas.sofia), mandate=MANDATE["code"], completed_on=D(2026, 6, 1)
        )


def test_the_database_refuses_a_mandate_without_a_request_from_the_territorys_state(dana, personas):
    decided(dana, personas.sofia)
    request = AssistanceRequest.objects.get(code=REQUEST["code"])
    with transaction.atomic(), pytest.raises(IntegrityError):
        Mandate.objects.create(
            code="rogue",
            request=request,
            decision=request.decision,
            territory_id="AM",
            name_en="x",
            tasks_en="x",
            start=D(2026, 3, 4),
            end=D(2026, 3, 10),
        )
    with transaction.atomic(), pytest.raises(IntegrityError):
        AssistanceRequest.objects.filter(pk=request.pk).update(territory_id="AM")


def test_the_database_refuses_a_deployment_outside_the_mandate_or_beyond_the_pledge(dana, personas):
    mandated(dana, personas.sofia)
    mission = Mandate.objects.get(code=MANDATE["code"])
    area = mission.areas.get()
    unit = Contingent.objects.get(code="cpf-am-2022")
    for start, strength in ((D(2026, 3, 1), 10), (D(2026, 5, 1), 10), (D(2026, 3, 5), 101)):
        with transaction.atomic(), pytest.raises(IntegrityError):
            Deployment.objects.create(
                mandate=mission, area=area, contingent=unit, strength=strength, start=start
            )
    other_area = Mandate.objects.get(code="kz-2022-cpf").areas.first()
    assert other_area is not None
    with transaction.atomic(), pytest.raises(IntegrityError):
        Deployment.objects.create(
            mandate=mission, area=other_area, contingent=unit, strength=10, start=D(2026, 3, 5)
        )
    Deployment.objects.create(
        mandate=mission, area=area, contingent=unit, strength=100, start=D(2026, 3, 5)
    )


def test_the_record_keeps_what_was_asked_and_what_was_given():
    kz = selectors.request("kz-2022")
    assert (kz.requested_on, kz.status, kz.closed_on) == (D(2022, 1, 5), "closed", D(2022, 1, 19))
    mission = selectors.mission_of("kz-2022")
    assert mission is not None and mission.start == D(2022, 1, 6)
    assert mission.withdrawal_began == D(2022, 1, 13)
    by_state = selectors.strength_by_state(mission.code)
    assert set(by_state) == {"RU", "BY", "AM", "TJ", "KG"}
    assert sum(by_state.values()) == 2030
    deployments = list(selectors.deployments(mission.code))
    assert {d.contingent.state_id for d in deployments if not d.strength_estimated} == {"AM"}
    assert all(d.start == D(2022, 1, 6) and d.end == D(2022, 1, 19) for d in deployments)
    assert selectors.strength_by_state(mission.code, D(2022, 1, 20)) == {}

    kg = selectors.request("kg-2010")
    assert kg.status == "withdrawn" and selectors.mission_of("kg-2010") is None
    assert selectors.consultations("kg-2010").get().session == "cssc-2010-06-14"
    assert selectors.request("am-2021").status == "consultations"
    am = selectors.request("am-2022")
    decision = selectors.decision("am-2022")
    assert decision is not None and decision.outcome == "alternative"
    assert decision.session == "csc-2022-11-23"
    assert am.status == "withdrawn" and selectors.mission_of("am-2022") is None

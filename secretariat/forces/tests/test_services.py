"""Forces services: a delegation pledges its own state's contingents only; every write is
validated and journaled, or nothing is written."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from django.db import IntegrityError, transaction

from secretariat.core.domain.actors import Actor
from secretariat.core.domain.errors import NotFound, NotPermitted, RuleViolation
from secretariat.core.testing import actor, journal_size
from secretariat.forces import selectors, services
from secretariat.forces.models import Contingent, Formation
from secretariat.journal.models import JournalEntry

pytestmark = pytest.mark.django_db

D = dt.date


def pledge_kwargs(**changes):
    values = {
        "code": "cpf-by-medical",
        "formation": "cpf",
        "state": "BY",
        "unit_en": "Field hospital",
        "unit_type": "medical",
        "strength": 60,
        "start": D(2025, 3, 1),
    }
    return {**values, **changes}


def test_a_delegation_pledges_its_own_states_contingent_and_the_journal_says_so(personas):
    before = journal_size()
    row, outcome = services.pledge_contingent(actor(personas.boris), **pledge_kwargs())
    assert outcome == "created"
    assert row.pledged_by == "boris"
    last = JournalEntry.objects.order_by("-seq").first()
    assert journal_size() == before + 1
    assert last is not None and last.action == "contingent.pledged"
    assert selectors.totals_on(D(2025, 6, 1))["cpf"].by_state["BY"].strength >= 60


def test_the_same_pledge_again_changes_nothing_and_a_correction_is_journaled(personas):
    boris = actor(personas.boris)
    services.pledge_contingent(boris, **pledge_kwargs())
    before = journal_size()
    assert services.pledge_contingent(boris, **pledge_kwargs())[1] == "unchanged"
    assert journal_size() == before
    row, outcome = services.pledge_contingent(boris, **pledge_kwargs(end=D(2026, 1, 1)))
    assert outcome == "updated"
    assert row.end == D(2026, 1, 1)
    last = JournalEntry.objects.order_by("-seq").first()
    assert last is not None and last.action == "contingent.corrected"


def test_a_delegation_cannot_pledge_for_another_state(personas):
    before = (journal_size(), Contingent.objects.count())
    with pytest.raises(NotFound):
        services.pledge_contingent(actor(personas.anna), **pledge_kwargs())
    assert (journal_size(), Contingent.objects.count()) == before


def test_a_delegation_cannot_take_over_another_states_pledge_by_its_code(personas):
    with pytest.raises(NotFound):
        services.pledge_contingent(
            actor(personas.boris), **pledge_kwargs(code="cpf-am-2022", strength=10)
        )
    assert selectors.contingent("cpf-am-2022").state_id == "AM"


def test_the_public_and_border_officers_cannot_pledge(personas):
    for who in (Actor.public(), actor(personas.kair), actor(personas.aud)):
        with pytest.raises((NotPermitted, NotFound)):
            services.pledge_contingent(who, **pledge_kwargs(state="KZ"))


def test_a_suspended_or_former_member_cannot_pledge(personas):
    sofia = actor(personas.sofia)
    with pytest.raises(RuleViolation, match="UZ is not a member on 2013-01-01"):
        services.pledge_contingent(
            sofia, **pledge_kwargs(code="cpf-uz", state="UZ", start=D(2013, 1, 1))
        )
    with pytest.raises(RuleViolation, match="GE is not a member"):
        services.pledge_contingent(
            sofia, **pledge_kwargs(code="cpf-ge", state="GE", start=D(2020, 1, 1))
        )


def test_bad_pledges_get_a_clear_error_and_nothing_is_written(personas):
    boris = actor(personas.boris)
    before = (journal_size(), Contingent.objects.count())
    cases = [
        (pledge_kwargs(end=D(2024, 1, 1)), "cannot end"),
        (pledge_kwargs(strength=0), "positive"),
        (pledge_kwargs(formation="nato"), "unknown formation"),
        (pledge_kwargs(unit_type="cavalry"), "unknown unit_type"),
        (pledge_kwargs(start=D(2005, 1, 1)), "before its formation was established"),
    ]
    for kwargs, message in cases:
        with pytest.raises(RuleViolation, match=message):
            services.pledge_contingent(boris, **kwargs)
    assert (journal_size(), Contingent.objects.count()) == before


def test_a_formation_needs_its_founding_instrument_or_decision(personas):
    with pytest.raises(RuleViolation, match="founding instrument"):
        services.record_formation(
            actor(personas.sofia), code="csrdf", kind="regional", name_en="Regional forces"
        )
    with transaction.atomic(), pytest.raises(IntegrityError):
        Formation.objects.create(code="bare", kind="other", name_en="No founding act")


def test_a_delegation_cannot_record_formations_or_exercises(personas):
    with pytest.raises(NotPermitted):
        services.record_formation(
            actor(personas.boris),
            code="x",
            kind="other",
            name_en="X",
            founding_session="csc-2030-01-01",
        )
    with pytest.raises(NotPermitted):
        services.record_exercise(actor(personas.boris), code="x", name_en="X", start=D(2030, 1, 1))


def test_an_exercise_names_known_states_once_and_ends_after_it_starts(personas):
    sofia = actor(personas.sofia)
    with pytest.raises(RuleViolation, match="unknown state code 'ZZ'"):
        services.record_exercise(
            sofia, code="x-1", name_en="X", start=D(2030, 1, 1), participants=["ZZ"]
        )
    with pytest.raises(RuleViolation, match="cannot end"):
        services.record_exercise(
            sofia, code="x-1", name_en="X", start=D(2030, 1, 5), end=D(2030, 1, 1)
        )
    row, _ = services.record_exercise(
        sofia, code="x-1", name_en="X", start=D(2030, 1, 1), participants=["ru", "BY"]
    )
    assert row.participants == ["BY", "RU"]


def test_the_dataset_holds_both_formations_with_their_founding_acts():
    crrf = selectors.formation("crrf")
    assert crrf.founding_instrument == "crrf-agreement-2009"
    assert crrf.founding_session == "csc-2009-02-04"
    assert selectors.formation("cpf").founding_instrument == "peacekeeping-2007"
    assert selectors.exercises(formation="crrf").count() >= 8
    assert {e.code for e in selectors.exercises(state="KZ")} >= {
        "interaction-2009",
        "indestructible-brotherhood-2024",
    }


def test_pledged_strength_by_member_on_a_date_from_the_dataset():
    before = selectors.totals_on(D(2021, 12, 31))
    assert "cpf" not in before
    assert before["crrf"].total.undisclosed == 7  # no CRRF strength is published
    during = selectors.totals_on(D(2022, 1, 10))["cpf"]
    assert during.total.strength == 2030
    assert during.total.estimated
    assert during.by_state["AM"].strength == 100
    assert not during.by_state["AM"].estimated


def test_a_pledge_cannot_be_cut_below_what_its_contingent_was_deployed_at(personas):
    sofia = actor(personas.sofia)
    kwargs: dict[str, Any] = {
        "code": "cpf-am-2022",
        "formation": "cpf",
        "state": "AM",
        "unit_en": "Peacekeeping unit (guarding strategic facilities only)",
        "unit_type": "ground",
        "readiness": "on_call",
        "start": D(2022, 1, 6),
    }
    with pytest.raises(RuleViolation, match="cannot drop below"):
        services.pledge_contingent(sofia, **kwargs, strength=50)
    with pytest.raises(RuleViolation, match="must still cover"):
        services.pledge_contingent(sofia, **{**kwargs, "start": D(2022, 1, 7)}, strength=100)
    with transaction.atomic(), pytest.raises(IntegrityError):
        Contingent.objects.filter(code="cpf-am-2022").update(strength=50)
    assert selectors.contingent("cpf-am-2022").strength == 100

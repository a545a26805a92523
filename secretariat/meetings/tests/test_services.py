"""The meeting services: each write validates, writes and journals together, or does nothing."""

from __future__ import annotations

import datetime as dt

import pytest

from secretariat.core.domain.actors import Actor
from secretariat.core.domain.errors import NotFound, NotPermitted, RuleViolation
from secretariat.core.testing import actor, journal_size
from secretariat.journal.models import JournalEntry
from secretariat.meetings import selectors, services
from secretariat.meetings.models import Attendance, Session, StatePosition
from secretariat.meetings.tests.conftest import SESSION

pytestmark = pytest.mark.django_db

D = dt.date


def last_entry() -> JournalEntry:
    entry = JournalEntry.objects.order_by("-seq").first()
    assert entry is not None
    return entry


def test_the_dataset_holds_all_forty_council_sessions_with_sources():
    rows = list(Session.objects.filter(body="csc"))
    assert len(rows) == 40
    assert all(r.sources for r in rows)
    assert {r.code for r in rows} >= {"csc-2005-06", "csc-2008", "csc-2009-07", "csc-2011-08-12"}
    imprecise = Session.objects.get(code="csc-2005-06")
    assert imprecise.uncertain and imprecise.start_precision == "month"


def test_the_secretariat_records_a_session_and_the_journal_says_so(personas):
    before = journal_size()
    session, outcome = services.record_session(
        actor(personas.sofia),
        body="cmfa",
        kind="regular",
        start=D(2026, 6, 1),
        end=D(2026, 6, 2),
        city_en="Moscow",
        host="RU",
        agenda=["Preparing the Council session"],
    )
    assert (session.code, outcome) == ("cmfa-2026-06-01", "created")
    assert journal_size() == before + 1
    assert last_entry().action == "session.created"
    again = services.record_session(
        actor(personas.sofia),
        body="cmfa",
        kind="regular",
        start=D(2026, 6, 1),
        end=D(2026, 6, 2),
        city_en="Moscow",
        host="RU",
        agenda=["Preparing the Council session"],
    )
    assert again[1] == "unchanged"
    assert journal_size() == before + 1


def test_a_session_ending_before_it_starts_is_refused_and_nothing_is_written(personas):
    before = (journal_size(), Session.objects.count())
    with pytest.raises(RuleViolation, match="cannot end"):
        services.record_session(
            actor(personas.sofia),
            body="csc",
            kind="regular",
            start=D(2026, 6, 2),
            end=D(2026, 6, 1),
        )
    assert (journal_size(), Session.objects.count()) == before


def test_attendance_for_a_state_that_was_not_a_member_is_refused(personas):
    before = (journal_size(), Attendance.objects.count())
    # Uzbekistan was suspended in December 2012; in May 2022 it could only have been a guest.
    with pytest.raises(RuleViolation, match="UZ was not a member on 2022-05-16"):
        services.record_attendance(
            actor(personas.sofia), session=SESSION, state="UZ", presence="present"
        )
    with pytest.raises(RuleViolation, match="unknown state code 'ZZ'"):
        services.record_attendance(
            actor(personas.sofia), session=SESSION, state="ZZ", presence="present"
        )
    assert (journal_size(), Attendance.objects.count()) == before


def test_a_non_member_is_recorded_as_a_guest(personas):
    row, outcome = services.record_attendance(
        actor(personas.sofia), session=SESSION, state="UZ", presence="guest", person="A guest"
    )
    assert outcome == "created" and row.presence == "guest"


def test_a_delegation_records_its_own_position_and_nobody_elses(personas, draft):
    before = journal_size()
    row, outcome = services.record_position(
        actor(personas.boris), session=SESSION, slug=draft.slug, state="BY", position="supports"
    )
    assert outcome == "created" and row.recorded_by == "boris"
    assert journal_size() == before + 1
    with pytest.raises(NotFound):
        services.record_position(
            actor(personas.anna), session=SESSION, slug=draft.slug, state="BY", position="objects"
        )
    assert StatePosition.objects.get(decision=draft, state="BY").position == "supports"
    assert journal_size() == before + 1


def test_others_cannot_write_positions_or_sessions(personas, draft):
    for who in (Actor.public(), actor(personas.aud), actor(personas.kair)):
        with pytest.raises((NotPermitted, NotFound)):
            services.record_position(
                who, session=SESSION, slug=draft.slug, state="KZ", position="supports"
            )
    for who in (Actor.public(), actor(personas.boris), actor(personas.aud)):
        with pytest.raises(NotPermitted):
            services.record_session(who, body="csc", kind="regular", start=D(2026, 11, 11))


def test_a_position_by_a_state_that_is_not_a_member_is_refused(personas, draft):
    with pytest.raises(RuleViolation, match="UZ was not a member"):
        services.record_position(
            actor(personas.sofia), session=SESSION, slug=draft.slug, state="UZ", position="supports"
        )


def test_an_outcome_contradicting_the_positions_is_refused(personas, draft):
    services.record_position(
        actor(personas.anna), session=SESSION, slug=draft.slug, state="AM", position="objects"
    )
    before = journal_size()
    with pytest.raises(RuleViolation, match=r"do not allow adoption.*AM declared objects"):
        services.record_outcome(
            actor(personas.sofia), session=SESSION, slug=draft.slug, outcome="adopted"
        )
    assert journal_size() == before
    draft.refresh_from_db()
    assert draft.outcome == "draft"
    decided = services.record_outcome(
        actor(personas.sofia), session=SESSION, slug=draft.slug, outcome="not_adopted"
    )
    assert decided.outcome == "not_adopted"
    assert last_entry().action == "decision.outcome_recorded"


def test_positions_close_for_delegations_once_the_outcome_is_recorded(personas, draft):
    services.record_outcome(
        actor(personas.sofia), session=SESSION, slug=draft.slug, outcome="adopted"
    )
    with pytest.raises(RuleViolation, match="positions are closed"):
        services.record_position(
            actor(personas.anna), session=SESSION, slug=draft.slug, state="AM", position="objects"
        )
    # The secretariat correcting the record cannot make it contradict the outcome either.
    with pytest.raises(RuleViolation, match="do not allow adoption"):
        services.record_position(
            actor(personas.sofia), session=SESSION, slug=draft.slug, state="AM", position="objects"
        )
    assert not StatePosition.objects.filter(decision=draft).exists()


def test_positions_on_an_open_draft_are_seen_only_by_their_state_and_the_secretariat(
    personas, draft
):
    services.record_position(
        actor(personas.boris), session=SESSION, slug=draft.slug, state="BY", position="abstains"
    )
    assert [p.state for p in selectors.positions_for(actor(personas.boris), draft)] == ["BY"]
    assert [p.state for p in selectors.positions_for(actor(personas.sofia), draft)] == ["BY"]
    assert selectors.positions_for(actor(personas.anna), draft) == []
    assert selectors.positions_for(Actor.public(), draft) == []


def test_the_organization_on_12_august_2011_is_the_informal_astana_summit():
    found = selectors.nearest_session(D(2011, 8, 12))
    assert found is not None
    assert found.session.code == "csc-2011-08-12"
    assert found.session.kind == "informal" and found.session.end == D(2011, 8, 13)
    assert found.sitting
    assert found.chair_state == "BY"
    assert len(found.members) == 7 and len(found.present) == 6
    assert [a.state for a in found.absent] == ["UZ"]


def test_the_2009_dispute_shows_both_readings_without_picking_a_side():
    decision = selectors.decision("csc-2009-06-14", "crrf-agreement")
    assert decision.outcome == "adopted"
    readings = {r.rules.code: r for r in selectors.readings_of(decision)}
    assert readings["consensus-present"].applied
    assert readings["consensus-present"].verdict.adopted  # type: ignore[union-attr]
    assert readings["consensus-all"].claimed_by == ("BY",)
    assert not readings["consensus-all"].verdict.adopted  # type: ignore[union-attr]


def test_armenia_stays_out_of_the_2024_budget_without_blocking_it():
    decision = selectors.decision("csc-2023-11-23", "budget-2024")
    verdict = selectors.readings_of(decision)[0].verdict
    assert verdict is not None and verdict.adopted
    assert "AM" not in verdict.binding_on
    assert verdict.not_bound["AM"] == "declared it is not interested"


def test_the_attendance_matrix_marks_boycotts_and_non_members():
    states, rows = selectors.attendance_matrix()
    by_code = {r.session.code: {c.state: c for c in r.cells} for r in rows}
    assert by_code["csc-2009-06-14"]["BY"].value == "absent"
    assert by_code["csc-2009-06-14"]["BY"].row.reason == "boycott"  # type: ignore[union-attr]
    assert by_code["csc-2021-08-23"]["UZ"].value == "guest"
    assert by_code["csc-2015-09-15"]["UZ"].value == "none"
    assert "UZ" in states and "GE" not in states
    rates = selectors.attendance_rates()
    assert sum(p.present for p in rates["AM"] if p.year >= 2023) == 0

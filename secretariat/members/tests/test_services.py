"""The member services: each write validates, writes and journals together, or does nothing."""

from __future__ import annotations

import datetime as dt

import pytest

from secretariat.core.domain.actors import Actor
from secretariat.core.domain.errors import NotFound, NotPermitted, RuleViolation
from secretariat.core.testing import actor, journal_size
from secretariat.journal.models import JournalEntry
from secretariat.members import selectors, services
from secretariat.members.models import ChairTerm, MembershipEvent, SecretaryGeneralTerm

pytestmark = pytest.mark.django_db

D = dt.date


def test_the_secretariat_records_a_chair_term_and_the_journal_says_so(personas):
    services.record_chair_term(
        actor(personas.sofia), state="RU", holder_en="Vladimir Putin", start=D(2026, 1, 1), end=None
    )
    before = journal_size()
    term, outcome = services.record_chair_term(
        actor(personas.sofia),
        state="RU",
        holder_en="Vladimir Putin",
        start=D(2026, 1, 1),
        end=D(2026, 12, 31),
    )
    assert outcome == "updated"
    assert term.end == D(2026, 12, 31)
    last = JournalEntry.objects.order_by("-seq").first()
    assert last is not None
    assert journal_size() == before + 1
    assert last.action == "chair_term.updated"
    assert last.actor_user == "sofia"


def test_an_overlapping_chair_term_is_refused_and_nothing_is_written(personas):
    before = (journal_size(), ChairTerm.objects.count())
    with pytest.raises(RuleViolation, match="overlaps"):
        services.record_chair_term(
            actor(personas.sofia), state="KZ", holder_en="X", start=D(2011, 3, 1), end=D(2011, 4, 1)
        )
    assert (journal_size(), ChairTerm.objects.count()) == before


def test_a_term_ending_before_it_starts_is_refused(personas):
    with pytest.raises(RuleViolation, match="cannot end"):
        services.record_secretary_general(
            actor(personas.sofia), state="RU", person_en="X", start=D(2040, 5, 1), end=D(2040, 1, 1)
        )
    assert not SecretaryGeneralTerm.objects.filter(person_en="X").exists()


def test_an_unknown_state_code_is_refused(personas):
    with pytest.raises(RuleViolation, match="unknown state code 'ZZ'"):
        services.record_indicator(actor(personas.sofia), state="ZZ", year=2010, status="NF")


def test_events_out_of_order_are_refused(personas):
    # Georgia withdrew in 1999; it cannot be suspended afterwards.
    with pytest.raises(RuleViolation, match="impossible"):
        services.submit_membership_event(
            actor(personas.sofia), state="GE", kind="suspension", date=D(2005, 1, 1), summary_en="x"
        )


def test_a_back_dated_event_that_breaks_later_history_is_refused(personas):
    # A withdrawal of Kazakhstan in 2000 would make its 2002 founding membership impossible? No:
    # founding after withdrawal is impossible, so the insertion must be refused.
    with pytest.raises(RuleViolation):
        services.submit_membership_event(
            actor(personas.sofia), state="KZ", kind="withdrawal", date=D(2000, 1, 1), summary_en="x"
        )
    assert selectors.status_of("KZ", D(2001, 1, 1)).value == "party"


def test_a_delegation_notifies_its_own_withdrawal_and_it_waits_for_registration(personas):
    boris = actor(personas.boris)
    event, _ = services.submit_membership_event(
        boris, state="BY", kind="withdrawal", date=D(2026, 11, 1), summary_en="Belarus gives notice"
    )
    assert event.status == "pending"
    assert selectors.status_of("BY", D(2026, 11, 2)).value == "member"  # not yet registered
    # Invisible to the public and to another delegation, visible to its own and the secretariat.
    assert not selectors.events_for(Actor.public(), "BY").filter(pk=event.pk).exists()
    assert not selectors.events_for(actor(personas.anna), "BY").filter(pk=event.pk).exists()
    assert selectors.events_for(boris, "BY").filter(pk=event.pk).exists()
    with pytest.raises(NotFound):
        selectors.event_for(actor(personas.anna), event.pk)

    services.register_membership_event(actor(personas.sofia), event_id=event.pk)
    assert selectors.status_of("BY", D(2026, 11, 2)).value == "withdrawn"
    assert selectors.events_for(Actor.public(), "BY").filter(pk=event.pk).exists()


def test_a_delegation_cannot_suspend_itself_or_rejoin_alone(personas):
    with pytest.raises(RuleViolation, match="a delegation may notify only"):
        services.submit_membership_event(
            actor(personas.boris), state="BY", kind="suspension", date=D(2026, 1, 1), summary_en="x"
        )


def test_a_delegation_of_one_state_cannot_write_for_another(personas):
    before = (journal_size(), MembershipEvent.objects.count())
    with pytest.raises(NotFound):
        services.submit_membership_event(
            actor(personas.anna), state="BY", kind="withdrawal", date=D(2026, 1, 1), summary_en="x"
        )
    assert (journal_size(), MembershipEvent.objects.count()) == before


def test_the_public_and_border_officers_cannot_write(personas):
    for who in (Actor.public(), actor(personas.kair), actor(personas.aud)):
        with pytest.raises((NotPermitted, NotFound)):
            services.record_chair_term(
                who, state="RU", holder_en="X", start=D(2030, 1, 1), end=None
            )


def test_a_rejected_notification_keeps_its_reason_and_changes_no_status(personas):
    event, _ = services.submit_membership_event(
        actor(personas.anna),
        state="AM",
        kind="withdrawal",
        date=D(2026, 2, 1),
        summary_en="Armenia leaves",
    )
    with pytest.raises(RuleViolation, match="reason"):
        services.reject_membership_event(actor(personas.sofia), event_id=event.pk, reason=" ")
    services.reject_membership_event(
        actor(personas.sofia), event_id=event.pk, reason="Not signed by the head of state"
    )
    event.refresh_from_db()
    assert event.status == "rejected"
    assert event.decision_reason.startswith("Not signed")
    assert selectors.status_of("AM", D(2026, 3, 1)).value == "frozen"
    with pytest.raises(RuleViolation, match="already rejected"):
        services.register_membership_event(actor(personas.sofia), event_id=event.pk)


def test_a_notification_that_no_longer_fits_cannot_be_registered(personas):
    first, _ = services.submit_membership_event(
        actor(personas.boris),
        state="BY",
        kind="frozen_participation",
        date=D(2026, 3, 1),
        summary_en="freeze",
    )
    second, _ = services.submit_membership_event(
        actor(personas.boris),
        state="BY",
        kind="frozen_participation",
        date=D(2026, 4, 1),
        summary_en="freeze again",
    )
    services.register_membership_event(actor(personas.sofia), event_id=first.pk)
    with pytest.raises(RuleViolation, match="impossible"):
        services.register_membership_event(actor(personas.sofia), event_id=second.pk)


def test_freedom_house_ratings_out_of_range_are_refused(personas):
    with pytest.raises(RuleViolation, match="between 1 and 7"):
        services.record_indicator(
            actor(personas.sofia), state="BY", year=2020, status="NF", political_rights=9
        )
    with pytest.raises(RuleViolation, match="between 0 and 100"):
        services.record_indicator(
            actor(personas.sofia), state="BY", year=2020, status="NF", score=101
        )


def test_state_codes_must_be_iso_shaped(personas):
    with pytest.raises(RuleViolation, match="alpha-2"):
        services.record_state(
            actor(personas.sofia), code="Bel", iso3="BLR", name_en="B", name_ru="Б"
        )
    with pytest.raises(RuleViolation, match="already belongs"):
        services.record_state(
            actor(personas.sofia), code="XB", iso3="BLR", name_en="B", name_ru="Б"
        )

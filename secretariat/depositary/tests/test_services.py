"""The depositary services: each write validates, writes and journals together, or does nothing."""

from __future__ import annotations

import datetime as dt
from collections import Counter

import pytest

from secretariat.core.domain.actors import Actor
from secretariat.core.domain.errors import NotFound, NotPermitted, RuleViolation
from secretariat.core.testing import actor, journal_size
from secretariat.datasets.loader import DATASETS_DIR
from secretariat.depositary import dataset, selectors, services
from secretariat.depositary.domain.engine import Standing
from secretariat.depositary.models import Act, Notification
from secretariat.depositary.tests.conftest import CODE, attach, make_instrument
from secretariat.journal.models import JournalEntry

pytestmark = pytest.mark.django_db

D = dt.date


def notify(who, state, date, kind="notification", **extra):
    act, _ = services.submit_act(who, instrument=CODE, state=state, kind=kind, date=date, **extra)
    return act


def test_the_secretariat_records_an_act_which_is_registered_notified_and_journaled(
    personas, instrument
):
    before = journal_size()

    act = notify(actor(personas.sofia), "KZ", D(2020, 3, 1))

    assert act.status == "registered"
    notification = Notification.objects.get(act=act)
    assert notification.number == f"DN.{notification.seq}.{dt.date.today().year}"
    last = JournalEntry.objects.order_by("-seq").first()
    assert last is not None and last.action == "act.registered"
    assert journal_size() == before + 1


def test_recording_the_same_act_twice_changes_and_journals_nothing(personas, instrument):
    notify(actor(personas.sofia), "KZ", D(2020, 3, 1))
    before = (journal_size(), Act.objects.count(), Notification.objects.count())

    _, outcome = services.submit_act(
        actor(personas.sofia), instrument=CODE, state="KZ", kind="notification", date=D(2020, 3, 1)
    )

    assert outcome == "unchanged"
    assert (journal_size(), Act.objects.count(), Notification.objects.count()) == before


def test_states_may_be_named_by_alpha3_code_or_english_name(personas, instrument):
    a = notify(actor(personas.sofia), "KAZ", D(2020, 3, 1))
    b = notify(actor(personas.sofia), "Russia", D(2020, 3, 2))

    assert (a.state, b.state) == ("KZ", "RU")


def test_the_entry_into_force_notification_is_issued_once_when_the_condition_is_met(
    personas, instrument
):
    sofia = actor(personas.sofia)
    notify(sofia, "KZ", D(2020, 3, 1))
    notify(sofia, "RU", D(2020, 4, 1))
    assert not Notification.objects.filter(kind="entry_into_force", instrument=instrument).exists()

    notify(sofia, "BY", D(2020, 5, 1))
    notify(sofia, "AM", D(2020, 6, 1))

    eif = Notification.objects.get(kind="entry_into_force", instrument=instrument)
    assert eif.effective_on == D(2020, 5, 1)
    assert eif.act is not None and eif.act.state == "BY"
    assert "article 12" in eif.body_en
    status = selectors.status_of(instrument, D(2021, 1, 1))
    assert status.states["AM"].in_force_from == D(2020, 6, 1)
    notified = JournalEntry.objects.filter(
        action="instrument.entry_into_force_notified", subject=f"instrument:{CODE}"
    )
    assert notified.count() == 1


def test_a_delegation_submits_for_its_own_state_and_the_depositary_registers_it(
    personas, instrument
):
    boris = actor(personas.boris)
    act = notify(boris, "BY", D(2020, 3, 1), document="Note verbale No. 12/345")
    assert act.status == "pending"
    assert not Notification.objects.filter(act=act).exists()
    # Invisible to the public and to another delegation; visible to its own and the depositary.
    with pytest.raises(NotFound):
        selectors.act_for(Actor.public(), act.pk)
    with pytest.raises(NotFound):
        selectors.act_for(actor(personas.anna), act.pk)
    assert selectors.act_for(boris, act.pk) == act
    assert selectors.pending_acts_for(actor(personas.sofia)).filter(pk=act.pk).exists()
    assert "BY" not in selectors.status_of(instrument, D(2021, 1, 1)).states
    with pytest.raises(RuleViolation, match="no document is attached"):
        services.register_act(actor(personas.sofia), act_id=act.pk)
    attach(boris, act)

    services.register_act(actor(personas.sofia), act_id=act.pk)

    act.refresh_from_db()
    assert act.status == "registered"
    assert act.decided_by == "sofia"
    assert Notification.objects.filter(act=act).exists()
    assert selectors.status_of(instrument, D(2021, 1, 1)).states["BY"].consent is not None


def test_a_delegation_must_attach_the_document(personas, instrument):
    with pytest.raises(RuleViolation, match="document"):
        notify(actor(personas.boris), "BY", D(2020, 3, 1))


def test_the_depositary_returns_a_submission_with_its_reasons(personas, instrument):
    act = notify(actor(personas.boris), "BY", D(2020, 3, 1), document="scan.pdf")
    with pytest.raises(RuleViolation, match="reasons"):
        services.return_act(actor(personas.sofia), act_id=act.pk, reason="  ")

    services.return_act(actor(personas.sofia), act_id=act.pk, reason="Not signed by the minister")

    act.refresh_from_db()
    assert act.status == "returned"
    assert act.decision_reason == "Not signed by the minister"
    with pytest.raises(RuleViolation, match="already returned"):
        services.register_act(actor(personas.sofia), act_id=act.pk)


def test_a_delegation_of_one_state_cannot_act_for_another(personas, instrument):
    before = (journal_size(), Act.objects.count())
    with pytest.raises(NotFound):
        notify(actor(personas.anna), "BY", D(2020, 3, 1), document="x")
    assert (journal_size(), Act.objects.count()) == before


def test_a_delegation_cannot_register_even_its_own_act(personas, instrument):
    act = notify(actor(personas.boris), "BY", D(2020, 3, 1), document="x")
    with pytest.raises(NotPermitted):
        services.register_act(actor(personas.boris), act_id=act.pk)
    with pytest.raises(NotFound):
        services.register_act(actor(personas.anna), act_id=act.pk)


def test_the_public_border_officers_and_auditors_cannot_write(personas, instrument):
    for who in (Actor.public(), actor(personas.kair), actor(personas.aud)):
        with pytest.raises((NotPermitted, NotFound)):
            notify(who, "KZ", D(2020, 3, 1), document="x")
        with pytest.raises(NotPermitted):
            services.record_instrument(who, code="x-1", title_en="X", kind="treaty")


def test_impossible_acts_are_refused_and_nothing_is_written(personas, instrument):
    sofia = actor(personas.sofia)
    before = (journal_size(), Act.objects.count())
    with pytest.raises(RuleViolation, match="adopted on 2020-01-15"):
        notify(sofia, "KZ", D(2019, 12, 31))
    with pytest.raises(RuleViolation, match="unknown state 'Atlantis'"):
        notify(sofia, "Atlantis", D(2020, 3, 1))
    with pytest.raises(RuleViolation, match="member states only"):
        notify(sofia, "US", D(2020, 3, 1))
    with pytest.raises(RuleViolation, match="cannot come before its notice"):
        notify(sofia, "KZ", D(2020, 3, 1), kind="withdrawal", named_date=D(2020, 2, 1))
    assert (journal_size(), Act.objects.count()) == before


def test_a_revocation_keeps_the_revoked_act_visible(personas, instrument):
    sofia = actor(personas.sofia)
    ratified = notify(sofia, "KZ", D(2020, 3, 1))
    notify(sofia, "KZ", D(2021, 3, 1), kind="revocation", revokes=ratified.pk)

    status = selectors.status_of(instrument, D(2022, 1, 1))

    assert status.states["KZ"].standing is Standing.NONE
    assert [target.key for target, _ in status.states["KZ"].revoked] == [ratified.pk]
    assert Act.objects.filter(pk=ratified.pk, status="registered").exists()
    before = selectors.status_of(instrument, D(2020, 12, 31))
    assert before.states["KZ"].standing is Standing.CONSENTED


def test_a_revocation_of_another_states_act_is_refused(personas, instrument):
    sofia = actor(personas.sofia)
    ratified = notify(sofia, "KZ", D(2020, 3, 1))
    with pytest.raises(RuleViolation, match="only its own acts"):
        notify(sofia, "RU", D(2021, 3, 1), kind="revocation", revokes=ratified.pk)


def test_odd_data_is_stored_and_flagged(personas, instrument):
    sofia = actor(personas.sofia)
    notify(sofia, "KZ", D(2020, 6, 1), kind="signature")
    notify(sofia, "KZ", D(2020, 3, 1))  # a notification dated before the signature

    status = selectors.status_of(instrument, D(2021, 1, 1))

    assert [f.code for f in status.flags] == ["consent_before_signature"]


def test_the_depositary_may_declare_a_condition_it_cannot_compute(personas, db):
    make_instrument(
        code="weighted-2020",
        participation="open",
        final_clauses={
            "entry_into_force": {
                "condition": {"consents": 2, "weights": {"ZZ": 1}, "min_weight": 55},
                "timing": {"days": 30},
            }
        },
    )
    sofia = actor(personas.sofia)
    for state, day in (("FR", D(2020, 3, 1)), ("DE", D(2020, 4, 1))):
        services.submit_act(
            sofia, instrument="weighted-2020", state=state, kind="ratification", date=day
        )
    assert not Notification.objects.filter(
        kind="entry_into_force", instrument_id="weighted-2020"
    ).exists()
    with pytest.raises(RuleViolation, match="reason"):
        services.declare_condition(sofia, instrument="weighted-2020", date=D(2020, 4, 1), reason="")

    services.declare_condition(
        sofia, instrument="weighted-2020", date=D(2020, 4, 1), reason="emissions table checked"
    )

    eif = Notification.objects.get(kind="entry_into_force", instrument_id="weighted-2020")
    assert eif.effective_on == D(2020, 5, 1)


def test_a_bad_final_clause_is_refused_with_its_path(personas, db):
    with pytest.raises(RuleViolation, match=r"final_clauses.entry_into_force.timing.align"):
        make_instrument(
            code="bad-2020", final_clauses={"entry_into_force": {"timing": {"align": "soon"}}}
        )


# --- the CSTO dataset --------------------------------------------------------------------------


def test_the_dataset_knows_when_the_founding_instruments_entered_into_force():
    on = D(2011, 8, 12)
    statuses = {row.code: status for row, status in selectors.all_statuses(on)}

    assert statuses["cst-1992"].entry_into_force == D(1994, 4, 20)
    assert statuses["charter-2002"].entry_into_force == D(2003, 9, 18)
    assert statuses["legal-status-2002"].entry_into_force == D(2003, 9, 18)
    assert statuses["cst-1992"].states["AZ"].standing is Standing.WITHDRAWN
    assert statuses["cst-1992"].term_ends == D(2014, 4, 20)
    assert statuses["crrf-decision-2009"].entry_into_force == D(2009, 2, 4)
    assert statuses["charter-amendments-2010"].entry_into_force is None  # declared for 2012


def test_belarus_had_csto_instruments_left_outstanding_on_12_august_2011():
    rows = selectors.outstanding("BY", D(2011, 8, 12))

    codes = {row.instrument.code for row in rows}
    assert {"forces-status-2010", "crrf-agreement-2009"} <= codes
    assert "charter-2002" not in codes


def test_uzbekistan_is_shown_suspended_under_the_charter_from_december_2012():
    status = selectors.status_of(selectors.instrument("charter-2002"), D(2013, 1, 1))

    assert status.states["UZ"].standing is Standing.SUSPENDED


def test_loading_the_dataset_again_changes_and_journals_nothing():
    before = (journal_size(), Act.objects.count(), Notification.objects.count())
    counts: Counter[str] = Counter()

    dataset.load(DATASETS_DIR / "csto", Actor.system("dataset:csto"), counts)

    assert (journal_size(), Act.objects.count(), Notification.objects.count()) == before
    assert set(counts) == {"instruments.unchanged", "acts.unchanged", "reports.unchanged"}


@pytest.mark.parametrize("code", ["Charter", "charter_2002", "договор-1992", "ä-1", "-x", "x" * 61])
def test_an_instrument_code_is_lower_case_ascii_words_joined_by_hyphens(personas, code):
    with pytest.raises(RuleViolation, match="instrument code"):
        services.record_instrument(actor(personas.sofia), code=code, title_en="X", kind="treaty")


def test_text_longer_than_its_column_is_refused(personas, instrument):
    with pytest.raises(RuleViolation, match="domestic_act is longer than 200"):
        notify(actor(personas.sofia), "KZ", D(2020, 3, 1), domestic_act="x" * 201)

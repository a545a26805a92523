"""Known, negative, no record: a state's position on an instrument is a sourced fact or explicitly
no record, and an instrument in force whose parties are not recorded never shows "0 parties"."""

from __future__ import annotations

import datetime as dt

import pytest
from django.test import Client

from secretariat.core.domain.actors import Actor
from secretariat.core.domain.errors import RuleViolation
from secretariat.depositary import interchange, selectors, services
from secretariat.depositary.domain.acts import Act, ActKind
from secretariat.depositary.domain.engine import Standing, StateStatus
from secretariat.depositary.domain.positions import (
    Evidence,
    Knowledge,
    Report,
    Reported,
    position_of,
    tally,
)

D = dt.date
API = "/api/v1/depositary"


# --- the rule, without a database -----------------------------------------------------------------


def signed(state: str = "BY") -> StateStatus:
    return StateStatus(
        state, Standing.SIGNATORY, signature=Act(1, state, ActKind.SIGNATURE, D(2010, 12, 10))
    )


def test_a_signature_with_nothing_after_it_is_no_record_not_a_refusal():
    position = position_of(signed(), [], D(2011, 8, 12), {1: Evidence(("kremlin.ru",))})

    assert position.knowledge is Knowledge.NO_RECORD
    assert position.summary == "signed on 2010-12-10 per kremlin.ru; no record of its ratification"


def test_a_source_reporting_the_ratification_pending_makes_it_negative_from_its_date_on():
    pending = Report("RU", D(2012, 8, 11), Reported.NOT_CONSENTED, ("vedomosti.ru",))

    before = position_of(signed("RU"), [pending], D(2012, 8, 10))
    after = position_of(signed("RU"), [pending], D(2012, 8, 11))

    assert before.knowledge is Knowledge.NO_RECORD
    assert after.knowledge is Knowledge.NEGATIVE
    assert (
        after.summary == "signed on 2010-12-10; ratification pending on 2012-08-11 per vedomosti.ru"
    )


def test_a_recorded_consent_is_known_with_its_source():
    status = StateStatus(
        "KZ",
        Standing.PARTY,
        consent=Act(2, "KZ", ActKind.RATIFICATION, D(2003, 9, 18)),
        in_force_from=D(2003, 9, 18),
    )

    position = position_of(status, [], D(2011, 1, 1), {2: Evidence(("zakon.kz",), True)})

    assert position.knowledge is Knowledge.KNOWN
    assert position.sources == ("zakon.kz",) and position.uncertain
    assert "in force for it since 2003-09-18" in position.summary


def test_nothing_at_all_is_no_record_and_the_tally_counts_each_kind():
    nothing = position_of(None, [], D(2011, 1, 1))

    assert nothing.knowledge is Knowledge.NO_RECORD and nothing.summary == "no record"
    assert tally([nothing, nothing]) == {"known": 0, "negative": 0, "no_record": 2}


# --- the record ---------------------------------------------------------------------------------

pytestmark_db = pytest.mark.django_db


@pytestmark_db
def test_the_crrf_agreement_is_in_force_with_its_parties_not_recorded():
    rows = {r["code"]: r for r in Client().get(f"{API}/instruments?as_of=2011-08-12").json()}
    crrf = rows["crrf-agreement-2009"]

    assert crrf["in_force"] is True
    assert crrf["parties"] is None and crrf["parties_recorded"] is False
    assert crrf["parties_note"].startswith("in force since 2010-09-10 per ")
    assert crrf["parties_note"].endswith("; parties not recorded")
    page = Client().get("/en/depositary/instruments/crrf-agreement-2009/?date=2011-08-12")
    text = page.content.decode()
    assert 'data-testid="parties">not recorded<' in text
    assert 'data-testid="parties-not-recorded"' in text


@pytestmark_db
def test_the_2010_charter_amendments_never_show_zero_parties():
    row = Client().get(f"{API}/instruments/charter-amendments-2010?as_of=2013-01-01").json()

    assert row["in_force"] is True and row["parties"] is None
    assert row["parties_note"].startswith("in force since 2012-12-19 per ")
    index = Client().get("/en/depositary/?date=2013-01-01").content.decode()
    assert "parties not recorded" in index


@pytestmark_db
def test_belarus_on_12_august_2011_keeps_known_negative_and_no_record_apart():
    body = Client().get(f"{API}/states/BY?as_of=2011-08-12").json()
    outstanding = body["outstanding_by_knowledge"]

    assert set(outstanding["by_knowledge"]) == {"known", "negative", "no_record"}
    assert sum(outstanding["counts"].values()) == len(body["outstanding"])
    by_code = {r["instrument"]: r for r in body["instruments"]}
    forces = by_code["forces-status-2010"]["position"]
    assert forces["knowledge"] == "no_record"
    assert forces["summary"].startswith("signed on 2010-12-10")
    assert by_code["charter-2002"]["position"]["knowledge"] == "known"
    assert by_code["forces-status-2010"]["searched"]  # says where the record looked
    page = Client().get("/en/depositary/states/BY/?date=2011-08-12").content.decode()
    assert 'data-testid="count-no_record"' in page and "No record of ratification" in page
    assert "Sources searched" in page


@pytestmark_db
def test_the_matrix_counts_each_kind_of_knowledge_per_instrument():
    body = Client().get(f"{API}/matrix?as_of=2011-08-12").json()

    for code, counts in body["counts"].items():
        assert sum(counts.values()) == len(body["states"])
        assert counts == tally_of(body["positions"][code])
    assert body["outstanding"]["BY"]["counts"]["no_record"] >= 1


def tally_of(cells: dict[str, str]) -> dict[str, int]:
    counts = {"known": 0, "negative": 0, "no_record": 0}
    for knowledge in cells.values():
        counts[knowledge] += 1
    return counts


@pytestmark_db
def test_a_report_with_its_source_turns_no_record_into_a_negative_position():
    services.record_position_report(
        Actor.system("tests"),
        instrument="forces-status-2010",
        state="KZ",
        date=D(2011, 3, 1),
        says="not_consented",
        sources=["https://example.org/report"],
        text="the agreement is before parliament",
    )

    rows = {r.instrument.code: r for r in selectors.state_overview("KZ", D(2011, 8, 12))}
    assert rows["forces-status-2010"].position.knowledge is Knowledge.NEGATIVE  # type: ignore[union-attr]
    exported = interchange.export_instrument("forces-status-2010")
    assert exported["reports"][0]["says"] == "not_consented"


@pytestmark_db
def test_a_report_without_a_source_is_refused():
    with pytest.raises(RuleViolation, match="source"):
        services.record_position_report(
            Actor.system("tests"),
            instrument="forces-status-2010",
            state="KZ",
            date=D(2011, 3, 1),
            says="consented",
            sources=[],
        )


# --- the dataset with the researched acts -------------------------------------------------------


@pytestmark_db
def test_belarus_on_12_august_2011_had_four_signed_instruments_with_no_record_of_ratification():
    body = Client().get(f"{API}/states/BY?as_of=2011-08-12").json()

    outstanding = body["outstanding_by_knowledge"]
    assert outstanding["counts"] == {"known": 0, "negative": 0, "no_record": 4}
    assert sorted(outstanding["by_knowledge"]["no_record"]) == [
        "crrf-agreement-2009",
        "cst-prolongation-1999",
        "forces-status-2010",
        "peacekeeping-2007",
    ]
    known = {r["instrument"] for r in body["instruments"] if r["position"]["knowledge"] == "known"}
    assert known == {"cst-1992", "charter-2002", "legal-status-2002"}


@pytestmark_db
def test_kazakhstans_ratification_laws_make_its_positions_known_not_counted():
    rows = {r.instrument.code: r for r in selectors.state_overview("KZ", D(2011, 8, 12))}

    prolongation = rows["cst-prolongation-1999"].position
    assert prolongation is not None and prolongation.knowledge is Knowledge.KNOWN
    assert prolongation.summary.startswith("ratification by its own law of 1999-12-30")
    assert "adilet.zan.kz" in prolongation.summary
    assert rows["forces-status-2010"].position.knowledge is Knowledge.NO_RECORD  # type: ignore[union-attr]


@pytestmark_db
def test_russias_status_agreement_is_pending_from_its_submission_to_the_duma():
    before = {r.instrument.code: r for r in selectors.state_overview("RU", D(2012, 8, 10))}
    after = {r.instrument.code: r for r in selectors.state_overview("RU", D(2012, 8, 11))}

    assert before["forces-status-2010"].position.knowledge is Knowledge.NO_RECORD  # type: ignore[union-attr]
    pending = after["forces-status-2010"].position
    assert pending is not None and pending.knowledge is Knowledge.NEGATIVE
    assert "vedomosti.ru" in pending.summary


@pytestmark_db
def test_the_1999_extension_protocol_is_in_force_from_a_sourced_date_parties_not_recorded():
    row = Client().get(f"{API}/instruments/cst-prolongation-1999?as_of=2011-08-12").json()

    assert row["entry_into_force"] == "2000-03-22" and row["effective_from"] == "1999-04-21"
    assert row["parties"] is None and "parties not recorded" in row["parties_note"]
    assert row["searched"]


@pytestmark_db
def test_a_council_decision_in_effect_on_adoption_shows_no_party_count():
    rows = {r["code"]: r for r in Client().get(f"{API}/instruments?as_of=2011-08-12").json()}
    decision = rows["crrf-decision-2009"]

    assert decision["in_force"] is True and decision["parties"] is None
    assert decision["parties_note"] == "in effect since its adoption on 2009-02-04; no parties"
    page = Client().get("/en/depositary/instruments/crrf-decision-2009/").content.decode()
    assert 'data-testid="parties">—<' in page

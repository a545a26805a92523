"""The audit's checks on plain facts: each finds the contradiction planted in it, and only that.

No database: the facts are built by hand, as `secretariat.audit.record` reads them from the record.
"""

from __future__ import annotations

import datetime as dt

from secretariat.audit.domain import checks
from secretariat.audit.domain.checks import (
    Check,
    Fact,
    Figure,
    InstrumentInForce,
    Label,
    Link,
    NotificationFacts,
    StateEntry,
    label,
)

D = dt.date


def in_force(code: str, **changes: object) -> InstrumentInForce:
    values: dict[str, object] = {
        "code": code,
        "in_force": True,
        "entry_into_force": D(2010, 9, 10),
        "condition_met_by_acts": True,
        "declared_sourced": False,
        "parties": 4,
    }
    values.update(changes)
    return InstrumentInForce(**values)  # type: ignore[arg-type]


def test_an_instrument_in_force_by_its_acts_passes():
    assert checks.in_force_is_grounded([in_force("cst-1992")]) == []


def test_an_instrument_not_in_force_is_not_asked_for_grounds():
    row = in_force("draft", in_force=False, condition_met_by_acts=False, parties=0)
    assert checks.in_force_is_grounded([row]) == []


def test_in_force_with_zero_parties_on_a_sourced_date_is_a_violation():
    # The CRRF agreement: "in force" since 10 Sep 2010 per Kazakhstan's bulletin, 0 parties.
    row = in_force(
        "crrf-agreement-2009", condition_met_by_acts=False, declared_sourced=True, parties=0
    )
    [found] = checks.in_force_is_grounded([row, in_force("cst-1992")])
    assert found.check is Check.IN_FORCE_GROUNDED
    assert found.record == "instrument crrf-agreement-2009"
    assert "2010-09-10" in found.text() and "0 parties" in found.text()


def test_a_sourced_date_with_parties_marked_not_recorded_passes():
    row = in_force(
        "crrf-agreement-2009", condition_met_by_acts=False, declared_sourced=True, parties=None
    )
    assert checks.in_force_is_grounded([row]) == []


def test_in_force_without_acts_or_a_source_is_a_violation_even_without_parties_shown():
    row = in_force("x", condition_met_by_acts=False, declared_sourced=False, parties=None)
    [found] = checks.in_force_is_grounded([row])
    assert "no source gives the date" in found.text()


def test_a_state_cannot_be_bound_before_the_instrument_is_in_force():
    rows = [
        StateEntry("cst-1992", "AM", D(1994, 4, 20), D(1994, 4, 20)),
        StateEntry("cst-1992", "BY", D(1994, 4, 19), D(1994, 4, 20)),
        StateEntry("forces-status-2010", "RU", D(2012, 1, 1), None),
    ]
    found = checks.state_entry_not_before_instrument(rows)
    assert [v.record for v in found] == [
        "instrument cst-1992 / BY",
        "instrument forces-status-2010 / RU",
    ]
    assert "before the instrument's own entry into force on 1994-04-20" in found[0].text()
    assert "the instrument itself is not in force" in found[1].text()


def note(number: str, issued: dt.date, **changes: object) -> NotificationFacts:
    seq, year = number.split(".")[1:]
    values: dict[str, object] = {
        "number": number,
        "year": int(year),
        "seq": int(seq),
        "issued_on": issued,
        "refers_to_act": True,
        "act_exists": True,
        "act_counts": True,
        "act": Label("RU: Ratification of 2012-03-01"),
    }
    values.update(changes)
    return NotificationFacts(**values)  # type: ignore[arg-type]


def test_notifications_numbered_in_order_of_issue_pass():
    rows = [note("DN.1.2012", D(2012, 3, 1)), note("DN.2.2012", D(2012, 12, 19))]
    assert checks.notification_numbers_follow_dates(rows) == []


def test_a_later_number_issued_earlier_is_a_violation():
    # The shipped record of issue 13: DN.1.2012 dated 19 Dec 2012, DN.2.2012 dated 1 Mar 2012.
    rows = [note("DN.1.2012", D(2012, 12, 19)), note("DN.2.2012", D(2012, 3, 1))]
    [found] = checks.notification_numbers_follow_dates(rows)
    assert found.record == "notification DN.2.2012"
    assert "2012-03-01" in found.text() and "DN.1.2012" in found.text()


def test_a_number_of_another_year_and_a_gap_are_violations():
    rows = [note("DN.1.2010", D(2011, 1, 5)), note("DN.3.2010", D(2011, 2, 1))]
    found = checks.notification_numbers_follow_dates(rows)
    texts = [v.text() for v in found]
    assert "numbered in 2010 but issued on 2011-01-05" in texts
    assert "numbered 1, 3 rather than 1 to 2" in texts


def test_a_notification_of_an_act_that_does_not_count_or_does_not_exist_is_a_violation():
    rows = [
        note("DN.1.2010", D(2010, 2, 17), act_counts=False, act=Label("KZ: Ratification")),
        note("DN.2.2010", D(2010, 3, 1), act_exists=False, act_counts=False),
        note("DN.3.2010", D(2010, 9, 10), refers_to_act=False, act_exists=False),
        note("DN.4.2010", D(2010, 10, 1)),
    ]
    found = checks.notifications_refer_to_counting_acts(rows)
    assert [v.record for v in found] == ["notification DN.1.2010", "notification DN.2.2010"]
    assert "KZ: Ratification" in found[0].text()
    assert "not in the record" in found[1].text()


def figure(name: str, place: str, value: str) -> Figure:
    return Figure(Label(name), Label(place), value)


def test_a_figure_shown_differently_in_two_places_is_a_violation():
    figures = [
        figure("members on 2011-08-12", "/en/?date=2011-08-12", "7"),
        figure("members on 2011-08-12", "/api/v1/members?as_of=2011-08-12", "7"),
        figure("parties of crrf-agreement-2009", "/api/v1/depositary/instruments", "0"),
        figure("parties of crrf-agreement-2009", "/en/depositary/instruments/x/export.csv", "—"),
    ]
    [found] = checks.figures_agree(figures)
    assert found.record == "parties of crrf-agreement-2009"
    assert found.text() == (
        "shown differently: /api/v1/depositary/instruments: 0; "
        "/en/depositary/instruments/x/export.csv: —"
    )


def test_a_violation_is_shown_in_the_readers_language_names_and_figures_included():
    [found] = checks.figures_agree(
        [
            Figure(label("members on %(date)s", date="2005-01-01"), Label("/ru/"), "6"),
            Figure(label("members on %(date)s", date="2005-01-01"), Label("/api/v1/members"), "7"),
        ]
    )
    russian = {
        "members on %(date)s": "члены на %(date)s",
        "shown differently: %(answers)s": "показан по-разному: %(answers)s",
    }
    assert found.subject.render(lambda s: russian.get(s, s)) == "члены на 2005-01-01"
    assert found.text(lambda s: russian.get(s, s)) == (
        "показан по-разному: /ru/: 6; /api/v1/members: 7"
    )


def test_a_fact_without_a_source_must_be_flagged():
    facts = [
        Fact(Label("session csc-2011-08-12"), ("https://example.org/a",), False),
        Fact(Label("session csc-2008"), (), True),
        Fact(Label("decision x"), ("  ",), False, "/en/meetings/sessions/csc-2002-05-14/"),
    ]
    [found] = checks.facts_are_sourced(facts)
    assert found.record == "decision x"
    assert found.link == "/en/meetings/sessions/csc-2002-05-14/"


def test_a_link_answering_404_or_500_is_a_violation_once_per_page_and_target():
    links = [
        Link("/en/assistance/requests/kg-2010/", "/en/meetings/sessions/cssc-2010-06-14/", 404),
        Link("/en/assistance/requests/kg-2010/", "/en/meetings/sessions/cssc-2010-06-14/", 404),
        Link("/en/", "/en/members/", 200),
        Link("/en/", "/en/depositary/pending/", 302),
        Link("/ru/", "/ru/broken/", 500),
    ]
    found = checks.links_resolve(links)
    assert [(v.record, v.params["status"]) for v in found] == [
        ("page /en/assistance/requests/kg-2010/", "404"),
        ("page /ru/", "500"),
    ]


def test_every_check_has_a_title():
    assert set(checks.CHECK_TITLES) == set(Check)


def test_a_reconstructed_notification_without_a_number_is_outside_the_numbering():
    rows = [
        note("DN.1.2012", D(2012, 3, 1)),
        note("DN.1.2012", D(2012, 12, 19), year=None, seq=None, reconstructed=True),
    ]
    assert checks.notification_numbers_follow_dates(rows) == []


def test_a_year_with_source_numbers_is_ordered_but_not_asked_to_run_without_gaps():
    # The record holds DN.3 and DN.7 of 1999 from a source, not every notification of that year.
    ordered = [
        note("DN.3.1999", D(1999, 4, 2), reconstructed=True),
        note("DN.7.1999", D(1999, 4, 20), reconstructed=True),
    ]
    assert checks.notification_numbers_follow_dates(ordered) == []
    against = [
        note("DN.3.1999", D(1999, 4, 20), reconstructed=True),
        note("DN.7.1999", D(1999, 4, 2), reconstructed=True),
    ]
    [found] = checks.notification_numbers_follow_dates(against)
    assert found.record == "notification DN.7.1999"

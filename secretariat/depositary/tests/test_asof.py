"""Every depositary read that takes a date follows the one as-of rule (core/domain/asof.py).

On date D nothing that came into being after D is shown (an instrument exists from its adoption,
an act from its date, a notification from its issue), and each status is the one recomputed from
what existed on D. The examples are the leaks issue 13 found on the CSTO dataset; the properties
sweep dates from 1990 to today.
"""

from __future__ import annotations

import csv
import datetime as dt
import io

import pytest
from django.test import Client
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from secretariat.core.domain.actors import Actor
from secretariat.depositary import interchange, selectors, services
from secretariat.depositary.domain.engine import evaluate
from secretariat.depositary.models import Act, ActStatus, Instrument, Notification
from secretariat.members.models import MemberState

pytestmark = pytest.mark.django_db

API = "/api/v1/depositary"
ADOPTED_2009_TO_2021 = {
    "crrf-decision-2009",
    "crrf-agreement-2009",
    "forces-status-2010",
    "charter-amendments-2010",
    "third-country-bases-2011",
    "joint-statements-2014",
    "deployment-support-2021",
}
AFTER_12_AUGUST_2011 = {
    "third-country-bases-2011",
    "joint-statements-2014",
    "deployment-support-2021",
}


def test_the_instrument_list_of_2005_holds_none_adopted_from_2009_on():
    rows = Client().get(f"{API}/instruments?as_of=2005-01-01").json()

    codes = {r["code"] for r in rows}
    assert codes == {"cst-1992", "cst-prolongation-1999", "charter-2002", "legal-status-2002"}
    assert not codes & ADOPTED_2009_TO_2021


def test_an_instrument_asked_about_before_its_adoption_does_not_exist_yet():
    assert (
        Client().get(f"{API}/instruments/crrf-agreement-2009?as_of=2005-01-01").status_code == 404
    )
    assert (
        Client().get(f"{API}/instruments/crrf-agreement-2009?as_of=2009-06-14").status_code == 200
    )
    page = Client().get("/en/depositary/instruments/deployment-support-2021/?date=2011-08-12")
    assert page.status_code == 404


def test_the_belarus_page_of_12_august_2011_shows_nothing_that_came_later():
    page = Client().get("/en/depositary/states/BY/?date=2011-08-12").content.decode()

    for code in AFTER_12_AUGUST_2011:
        assert f"/instruments/{code}/" not in page
    assert "/instruments/forces-status-2010/" in page
    # BY's ratification of the 2011 bases protocol was never deposited: no notification at all.
    assert not Notification.objects.filter(instrument_id="third-country-bases-2011", state="BY")
    for notice in Notification.objects.filter(state="BY"):
        shown = f'#{notice.reference}"' in page
        assert shown == (notice.issued_on <= dt.date(2011, 8, 12)), notice.reference


def test_the_matrix_notifications_and_exports_of_a_date_leave_out_what_came_later():
    client = Client()
    matrix = client.get(f"{API}/matrix?as_of=2005-01-01").json()
    assert not set(matrix["instruments"]) & ADOPTED_2009_TO_2021
    page = client.get("/en/depositary/matrix/?date=2005-01-01").content.decode()
    assert "/instruments/crrf-agreement-2009/" not in page

    notices = client.get(f"{API}/notifications?as_of=2005-01-01").json()
    assert notices and all(n["issued_on"] <= "2005-01-01" for n in notices)
    notices_page = client.get("/en/depositary/notifications/?date=2005-01-01").content.decode()
    for notice in Notification.objects.all():
        shown = f'id="{notice.reference}"' in notices_page
        assert shown == (notice.issued_on <= dt.date(2005, 1, 1)), notice.reference

    state = client.get(f"{API}/states/BY?as_of=2011-08-12").json()
    assert not {r["instrument"] for r in state["instruments"]} & AFTER_12_AUGUST_2011
    exported = client.get("/en/depositary/states/BY/export.csv?date=2011-08-12").content.decode()
    listed = {row["instrument"] for row in csv.DictReader(io.StringIO(exported))}
    assert listed and not listed & AFTER_12_AUGUST_2011
    by_json = client.get("/en/depositary/states/BY/export.json?date=2011-08-12").json()
    assert not {r["instrument"] for r in by_json["instruments"]} & AFTER_12_AUGUST_2011


def test_an_export_of_a_date_holds_only_the_acts_and_notifications_of_that_date():
    document = Client().get(f"{API}/instruments/charter-2002/export?as_of=2003-01-01").json()

    assert {a["kind"] for a in document["acts"]} == {"signature"}
    assert all(a["date"] <= "2003-01-01" for a in document["acts"])
    dump = Client().get(f"{API}/dump?as_of=2005-01-01").json()
    assert {i["code"] for i in dump["instruments"]} == {
        "cst-1992",
        "cst-prolongation-1999",
        "charter-2002",
        "legal-status-2002",
    }


def test_the_acts_log_of_a_date_lists_only_the_acts_dated_by_then():
    acts = Client().get(f"{API}/instruments/cst-1992/acts?as_of=1995-01-01").json()

    assert acts and all(a["date"] <= "1995-01-01" for a in acts)
    assert "withdrawal" not in {a["kind"] for a in acts}


def test_an_import_file_asked_about_a_date_answers_from_what_existed_then():
    parsed = interchange.check(
        {
            "code": "later-test-2020",
            "title_en": "A test agreement",
            "kind": "agreement",
            "adopted_on": "2020-01-15",
            "final_clauses": {"entry_into_force": {"condition": {"consents": 1}}},
            "acts": [{"state": "RU", "kind": "ratification", "date": "2020-03-01"}],
        }
    )[0]

    assert not interchange.status_of_parsed(parsed, dt.date(2020, 2, 1)).in_force
    assert interchange.status_of_parsed(parsed, dt.date(2020, 3, 1)).in_force


# --- sweeps: any date from 1990 to today ---------------------------------------------------------


def _plain_statuses(on: dt.date) -> dict[str, tuple[object, ...]]:
    """Every instrument's status on a date, recomputed the plain way: read every row, keep what
    came into being by then, evaluate (no remembered answers, no as-of filters of the selectors)."""
    members = frozenset(MemberState.objects.values_list("code", flat=True))
    answer = {}
    for row in Instrument.objects.all():
        if row.adopted_on is not None and row.adopted_on > on:
            continue
        acts = [
            services.domain_act(a)
            for a in Act.objects.filter(instrument=row, status=ActStatus.REGISTERED)
            if a.date <= on
        ]
        status = evaluate(
            services.clauses_of(row), acts, as_of=on, adopted=row.adopted_on, members=members
        )
        answer[row.code] = _figures(status)
    return answer


def _figures(status: object) -> tuple[object, ...]:
    return (
        status.entry_into_force,  # type: ignore[attr-defined]
        status.in_force,  # type: ignore[attr-defined]
        status.parties,  # type: ignore[attr-defined]
        status.signatories,  # type: ignore[attr-defined]
        tuple(sorted((s.state, s.standing.value) for s in status.states.values())),  # type: ignore[attr-defined]
    )


DATES = st.dates(min_value=dt.date(1990, 1, 1), max_value=dt.date.today())
SWEEP = settings(
    max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)


@SWEEP
@given(on=DATES)
def test_on_any_date_the_selectors_show_nothing_later_and_recompute_every_status(on):
    statuses = selectors.all_statuses(on)

    adopted = {row.code: row.adopted_on for row, _ in statuses}
    assert all(day is None or day <= on for day in adopted.values())
    assert {row.code: _figures(status) for row, status in statuses} == _plain_statuses(on)
    for row in selectors.state_overview("BY", on):
        s = row.state
        if s is not None:
            assert s.signature is None or s.signature.date <= on
            assert s.consent is None or s.consent.date <= on
    assert all(n.issued_on <= on for n in selectors.notifications(as_of=on))
    assert all(a.date <= on for a in selectors.acts_for(Actor.system("tests"), as_of=on))


@SWEEP
@given(on=DATES)
def test_on_any_date_the_api_lists_what_the_selectors_list(on):
    client = Client()
    listed = client.get(f"{API}/instruments?as_of={on.isoformat()}").json()
    plain = _plain_statuses(on)

    assert {r["code"] for r in listed} == set(plain)
    for r in listed:
        assert (r["in_force"], r["parties_in_record"], r["signatories"]) == plain[r["code"]][1:4]
        assert r["parties"] in (None, r["parties_in_record"])
    matrix = client.get(f"{API}/matrix?as_of={on.isoformat()}").json()
    assert set(matrix["instruments"]) == set(plain)
    notices = client.get(f"{API}/notifications?as_of={on.isoformat()}").json()
    assert all(n["issued_on"] <= on.isoformat() for n in notices)

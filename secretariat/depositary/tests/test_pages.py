"""Depositary pages, downloads and feeds, read by the public and written by the roles."""

from __future__ import annotations

import csv
import io

import pytest
from django.test import Client

from secretariat.core.testing import journal_size
from secretariat.depositary.models import Act
from secretariat.depositary.tests.conftest import CODE, upload

pytestmark = pytest.mark.django_db


def logged_in(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


def test_the_index_lists_the_instruments():
    page = Client().get("/en/depositary/").content.decode()

    assert "Collective Security Treaty" in page
    assert "/en/depositary/instruments/charter-2002/" in page


def test_the_instrument_page_states_entry_into_force_and_each_participant():
    response = Client().get("/en/depositary/instruments/cst-1992/?date=2011-08-12")
    page = response.content.decode()

    assert response.status_code == 200
    assert "20 April 1994" in page
    assert 'data-testid="parties">7<' in page
    assert "Azerbaijan" in page and "Withdrawn" in page
    assert "2014" in page  # the current term


def test_the_instrument_page_as_of_a_date_before_entry_into_force():
    page = Client().get("/en/depositary/instruments/charter-2002/?date=2003-01-01").content.decode()

    assert "Not in force on this date." in page


def test_the_instrument_page_in_russian():
    page = Client().get("/ru/depositary/instruments/charter-2002/").content.decode()

    assert "Устав Организации Договора о коллективной безопасности" in page
    assert "Вступление в силу" in page


def test_an_unknown_instrument_or_state_page_is_404():
    assert Client().get("/en/depositary/instruments/nothing-here/").status_code == 404
    assert Client().get("/en/depositary/states/XX/").status_code == 404


def test_the_state_page_answers_whether_belarus_had_anything_unratified_on_12_august_2011():
    page = Client().get("/en/depositary/states/BY/?date=2011-08-12").content.decode()

    assert "Agreement on the status of formations of forces and means" in page
    assert 'data-testid="outstanding"' in page


def test_the_matrix_colours_every_member_and_lists_what_is_outstanding():
    page = Client().get("/en/depositary/matrix/?date=2013-01-01").content.decode()

    assert "st-suspended kn-known" in page  # Uzbekistan under the Charter
    assert "st-party kn-known" in page
    assert 'data-state="BY"' in page


@pytest.mark.parametrize(("lang", "name"), [("en", "Belarus"), ("ru", "Беларусь")])
def test_the_matrix_columns_name_their_states_in_the_pages_language(lang, name):
    page = Client().get(f"/{lang}/depositary/matrix/?date=2013-01-01").content.decode()
    assert f'aria-label="{name}"><abbr title="{name}">BY</abbr>' in page


def test_csv_and_json_downloads():
    csv_text = Client().get("/en/depositary/instruments/charter-2002/export.csv").content.decode()
    rows = list(csv.DictReader(io.StringIO(csv_text)))
    state_json = Client().get("/en/depositary/states/BY/export.json?date=2011-08-12").json()
    state_csv = Client().get("/en/depositary/states/BY/export.csv").content.decode()

    assert {r["state"] for r in rows} >= {"AM", "BY", "KZ", "KG", "RU", "TJ", "UZ"}
    assert next(r for r in rows if r["state"] == "RU")["in_force_from"] == "2003-09-18"
    assert "forces-status-2010" in state_json["outstanding"]
    assert state_csv.startswith("instrument,title")
    assert Client().get("/en/depositary/dump.json").json()["format"] == "secretariat-depositary/1"
    assert Client().get("/en/depositary/schema.json").status_code == 200


def test_atom_feeds_of_notifications():
    everything = Client().get("/en/depositary/feeds/notifications/")
    per_instrument = Client().get("/en/depositary/feeds/instruments/charter-2002/")
    per_state = Client().get("/en/depositary/feeds/states/UZ/")

    assert everything["Content-Type"].startswith("application/atom+xml")
    assert "<entry>" in everything.content.decode()
    assert "Charter" in per_instrument.content.decode()
    assert "Uzbekistan" in per_state.content.decode()
    assert Client().get("/en/depositary/feeds/states/XX/").status_code == 404


def test_a_delegation_submits_on_the_page_and_the_officer_registers_it(personas, instrument):
    boris = logged_in(personas.boris)
    response = boris.post(
        f"/en/depositary/instruments/{CODE}/acts/",
        {"kind": "notification", "date": "2020-03-01", "document": "NV 7", "state": "AM"},
    )
    assert response.status_code == 302
    act = Act.objects.get(instrument_id=CODE, status="pending")
    assert act.state == "BY"  # the delegation's own state, whatever the form said

    assert (
        logged_in(personas.anna).get("/en/depositary/pending/").content.decode().count("NV 7") == 0
    )
    assert "NV 7" in logged_in(personas.sofia).get("/en/depositary/pending/").content.decode()
    assert (
        logged_in(personas.anna).post(f"/en/depositary/acts/{act.pk}/register/").status_code == 404
    )
    attached = boris.post(f"/en/depositary/acts/{act.pk}/documents/", {"file": upload()})
    assert attached.status_code == 302

    decided = logged_in(personas.sofia).post(f"/en/depositary/acts/{act.pk}/register/")
    assert decided.status_code == 302
    act.refresh_from_db()
    assert act.status == "registered"


def test_the_officer_returns_a_submission_with_reasons(personas, instrument):
    logged_in(personas.boris).post(
        f"/en/depositary/instruments/{CODE}/acts/",
        {"kind": "notification", "date": "2020-03-01", "document": "NV 8"},
    )
    act = Act.objects.get(instrument_id=CODE, status="pending")

    logged_in(personas.sofia).post(
        f"/en/depositary/acts/{act.pk}/return/", {"reason": "Not signed by the minister"}
    )

    act.refresh_from_db()
    assert act.status == "returned"


def test_a_refused_submission_is_shown_on_the_form_and_writes_nothing(personas, instrument):
    before = (journal_size(), Act.objects.count())
    response = logged_in(personas.sofia).post(
        f"/en/depositary/instruments/{CODE}/acts/",
        {"kind": "notification", "date": "2019-01-01", "state": "KZ"},
    )
    assert response.status_code == 422
    assert "adopted on 2020-01-15" in response.content.decode()
    assert (journal_size(), Act.objects.count()) == before


def test_the_public_cannot_post_and_sees_no_pending_page():
    assert Client().post(f"/en/depositary/instruments/{CODE}/acts/", {}).status_code == 302
    assert Client().get("/en/depositary/pending/").status_code == 404


def test_the_admin_adds_an_act_through_the_service(personas, instrument):
    client = logged_in(personas.sofia)
    response = client.post(
        "/admin/depositary/act/add/",
        {
            "instrument": CODE,
            "state": "KZ",
            "kind": "notification",
            "date": "2020-03-01",
            "date_precision": "day",
            "deposited": "on",
            "sources": "[]",
            "note": "",
        },
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    act = Act.objects.get(instrument_id=CODE, state="KZ")
    assert act.status == "registered"
    assert logged_in(personas.boris).get("/admin/depositary/act/add/").status_code == 302

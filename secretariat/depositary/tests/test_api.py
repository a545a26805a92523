"""The depositary API: reads as of any date, the workflow, 404 for another state's submissions."""

from __future__ import annotations

import pytest
from django.test import Client

from secretariat.core.testing import journal_size
from secretariat.depositary.models import Act
from secretariat.depositary.tests.conftest import CODE, upload

pytestmark = pytest.mark.django_db

API = "/api/v1/depositary"


def logged_in(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


def test_instruments_are_listed_with_their_entry_into_force():
    rows = {r["code"]: r for r in Client().get(f"{API}/instruments?as_of=2011-08-12").json()}

    assert rows["cst-1992"]["entry_into_force"] == "1994-04-20"
    assert rows["charter-2002"]["in_force"] is True
    assert rows["charter-2002"]["url"] == "/en/depositary/instruments/charter-2002/"
    assert len(rows) == 10  # adopted by that date; the 2011-12, 2014 and 2021 ones not yet


def test_an_instrument_answers_with_every_participant_and_their_own_date():
    body = Client().get(f"{API}/instruments/cst-1992?as_of=2011-08-12").json()

    states = {s["state"]: s for s in body["states"]}
    assert body["entry_into_force"] == "1994-04-20"
    assert states["AZ"]["standing"] == "withdrawn"
    assert states["BY"]["in_force_from"] == "1994-04-20"
    assert body["term_ends"] == "2014-04-20"
    assert body["parties"] == 7


def test_an_unknown_instrument_or_state_is_404_and_a_bad_date_is_422():
    client = Client()
    assert client.get(f"{API}/instruments/no-such-thing").status_code == 404
    assert client.get(f"{API}/states/XX").status_code == 404
    assert client.get(f"{API}/instruments/cst-1992?as_of=2011-13-45").status_code == 422


def test_the_state_endpoint_answers_the_belarus_question():
    body = Client().get(f"{API}/states/BY?as_of=2011-08-12").json()

    assert "forces-status-2010" in body["outstanding"]
    assert body["name_en"] == "Belarus"


def test_the_matrix_has_every_instrument_and_member():
    body = Client().get(f"{API}/matrix?as_of=2013-01-01").json()

    assert body["cells"]["charter-2002"]["UZ"] == "suspended"
    assert body["cells"]["charter-2002"]["RU"] == "party"
    assert set(body["states"]) >= {"AM", "BY", "KZ", "KG", "RU", "TJ", "UZ"}


def test_notifications_can_be_filtered_by_instrument_and_state():
    client = Client()
    by_instrument = client.get(f"{API}/notifications?instrument=charter-2002").json()
    by_state = client.get(f"{API}/notifications?state=UZ").json()

    assert {n["instrument"] for n in by_instrument} == {"charter-2002"}
    assert {n["state"] for n in by_state} == {"UZ"}
    assert any(n["kind"] == "entry_into_force" for n in by_instrument)


def test_a_delegation_submits_through_the_api_and_others_cannot_see_it(personas, instrument):
    boris = logged_in(personas.boris)
    response = boris.post(
        f"{API}/instruments/{CODE}/acts",
        {"state": "BY", "kind": "notification", "date": "2020-03-01", "document": "NV 1/2020"},
        content_type="application/json",
    )
    assert response.status_code == 201, response.content
    act_id = response.json()["id"]
    assert response.json()["status"] == "pending"

    assert Client().get(f"{API}/acts/{act_id}").status_code == 404
    assert logged_in(personas.anna).get(f"{API}/acts/{act_id}").status_code == 404
    assert boris.get(f"{API}/acts/{act_id}").status_code == 200
    assert logged_in(personas.anna).post(f"{API}/acts/{act_id}/register").status_code == 404
    assert boris.post(f"{API}/acts/{act_id}/register").status_code == 403
    unattached = logged_in(personas.sofia).post(f"{API}/acts/{act_id}/register")
    assert unattached.status_code == 422
    assert unattached.json()["field"] == "documents"
    assert boris.post(f"{API}/acts/{act_id}/documents", {"file": upload()}).status_code == 201

    registered = logged_in(personas.sofia).post(f"{API}/acts/{act_id}/register")
    assert registered.status_code == 200
    assert registered.json()["status"] == "registered"


def test_a_delegation_cannot_submit_for_another_state(personas, instrument):
    before = (journal_size(), Act.objects.count())
    response = logged_in(personas.anna).post(
        f"{API}/instruments/{CODE}/acts",
        {"state": "BY", "kind": "ratification", "date": "2020-03-01", "document": "x"},
        content_type="application/json",
    )
    assert response.status_code == 404
    assert (journal_size(), Act.objects.count()) == before


def test_unknown_fields_are_refused(personas, instrument):
    response = logged_in(personas.sofia).post(
        f"{API}/instruments/{CODE}/acts",
        {"state": "KZ", "kind": "notification", "date": "2020-03-01", "status": "registered"},
        content_type="application/json",
    )
    assert response.status_code == 422


def test_impossible_data_is_a_422_with_the_field(personas, instrument):
    response = logged_in(personas.sofia).post(
        f"{API}/instruments/{CODE}/acts",
        {"state": "KZ", "kind": "notification", "date": "2019-01-01"},
        content_type="application/json",
    )
    assert response.status_code == 422
    assert response.json()["field"] == "date"


def test_the_secretariat_records_an_instrument_with_its_final_clauses(personas):
    response = logged_in(personas.sofia).post(
        f"{API}/instruments",
        {
            "code": "arms-trade-2013",
            "title_en": "Arms Trade Treaty",
            "kind": "treaty",
            "adopted_on": "2013-04-02",
            "participation": "open",
            "final_clauses": {
                "entry_into_force": {
                    "article": "article 22",
                    "condition": {"consents": 50},
                    "timing": {"days": 90},
                }
            },
        },
        content_type="application/json",
    )
    assert response.status_code == 201, response.content
    assert response.json()["article"] == "article 22"
    public = Client().post(
        f"{API}/instruments",
        {"code": "x-2013", "title_en": "X", "kind": "treaty"},
        content_type="application/json",
    )
    assert public.status_code == 401


def test_the_export_is_in_the_import_format_and_the_schema_is_served():
    export = Client().get(f"{API}/instruments/charter-2002/export").json()
    schema = Client().get(f"{API}/schema").json()

    assert export["format"] == "secretariat-depositary/1"
    assert export["status"]["entry_into_force"] == "2003-09-18"
    assert any(a["domestic_act"] == "Federal Law No. 56-FZ" for a in export["acts"])
    assert schema["title"].startswith("Depositary instrument status")


def test_the_bulk_dump_holds_every_instrument():
    response = Client().get(f"{API}/dump")

    assert response.status_code == 200
    assert len(response.json()["instruments"]) == 13


def test_each_act_carries_its_date_of_effect(personas, instrument):
    sofia = logged_in(personas.sofia)
    for state, day in (("KZ", "2020-03-01"), ("RU", "2020-04-01"), ("BY", "2020-05-01")):
        sofia.post(
            f"{API}/instruments/{CODE}/acts",
            {"state": state, "kind": "notification", "date": day},
            content_type="application/json",
        )
    sofia.post(
        f"{API}/instruments/{CODE}/acts",
        {"state": "KZ", "kind": "withdrawal", "date": "2021-01-10"},
        content_type="application/json",
    )

    acts = Client().get(f"{API}/instruments/{CODE}/acts?as_of=2022-01-01").json()

    effect = {(a["state"], a["kind"]): a["effective_on"] for a in acts}
    assert effect[("KZ", "notification")] == "2020-05-01"  # with the instrument
    assert effect[("BY", "notification")] == "2020-05-01"
    assert effect[("KZ", "withdrawal")] == "2021-07-10"  # six months after the notice (art. 14)

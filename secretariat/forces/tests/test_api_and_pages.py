"""The forces API and page: public reads, totals on a date, exports, and pledging."""

from __future__ import annotations

import pytest
from django.test import Client

from secretariat.core.testing import journal_size
from secretariat.forces.models import Contingent

pytestmark = pytest.mark.django_db


def test_the_api_lists_formations_and_contingents_on_a_date():
    client = Client()
    assert {f["code"] for f in client.get("/api/v1/forces/formations").json()} == {"crrf", "cpf"}
    rows = client.get("/api/v1/forces/contingents?formation=cpf&as_of=2022-01-10").json()
    assert {r["state"] for r in rows} == {"AM", "BY", "KG", "RU", "TJ"}
    assert client.get("/api/v1/forces/contingents?as_of=2008-01-01").json() == []
    assert client.get("/api/v1/forces/formations/nato").status_code == 404


def test_the_api_gives_totals_by_formation_and_member():
    body = Client().get("/api/v1/forces/totals?as_of=2022-01-10").json()
    cpf = next(f for f in body["formations"] if f["formation"] == "cpf")
    assert cpf["total"]["strength"] == 2030
    assert cpf["total"]["estimated"] is True
    assert {s["state"]: s["strength"] for s in cpf["by_state"]}["BY"] == 500


def test_exports_in_csv_and_json():
    client = Client()
    response = client.get("/api/v1/forces/export/contingents.csv")
    assert response["Content-Type"].startswith("text/csv")
    lines = response.content.decode().splitlines()
    assert lines[0].startswith("code,formation,state")
    assert any(line.startswith("cpf-am-2022,cpf,AM") for line in lines)
    assert "interaction-2013" in client.get("/api/v1/forces/export/exercises.csv").content.decode()
    assert len(client.get("/api/v1/forces/export/forces.json").json()["contingents"]) >= 12


def test_a_delegation_pledges_through_the_api_and_not_for_another_state(personas):
    client = Client()
    client.force_login(personas.boris)
    body = {
        "code": "cpf-by-police",
        "formation": "cpf",
        "state": "BY",
        "unit_en": "Police unit",
        "unit_type": "police",
        "strength": 40,
        "start": "2025-01-01",
    }
    assert client.post("/api/v1/forces/contingents", body, "application/json").status_code == 201
    before = (journal_size(), Contingent.objects.count())
    other = {**body, "code": "cpf-am-police", "state": "AM"}
    assert client.post("/api/v1/forces/contingents", other, "application/json").status_code == 404
    smuggled = {**body, "code": "cpf-by-x", "pledged_by": "sofia"}
    assert (
        client.post("/api/v1/forces/contingents", smuggled, "application/json").status_code == 422
    )
    assert (journal_size(), Contingent.objects.count()) == before


def test_the_public_cannot_pledge_through_the_api():
    response = Client().post(
        "/api/v1/forces/contingents",
        {
            "code": "x",
            "formation": "cpf",
            "state": "RU",
            "unit_en": "X",
            "unit_type": "ground",
            "start": "2025-01-01",
        },
        "application/json",
    )
    assert response.status_code == 401


def test_the_forces_page_shows_pledged_strength_by_member_as_a_chart():
    response = Client().get("/en/forces/?date=2022-01-10")
    html = response.content.decode()
    assert response.status_code == 200
    assert "<svg" in html and "Collective Peacekeeping Forces" in html
    assert "crrf-agreement-2009" in html
    assert "≈" in html  # estimates are marked


def test_the_overall_chart_keeps_kazakhstan_whose_contingents_have_no_published_strength():
    # Kazakhstan pledged two CRRF units whose strength no source gives: a missing bar read as
    # "Kazakhstan pledged nothing" (issue 13).
    html = Client().get("/en/forces/?date=2022-01-10").content.decode()
    chart = html.split('<svg class="chart bars"', 2)[1].split("</svg>", 1)[0]
    assert ">Kazakhstan<" in chart
    assert "strength of 2 contingents not published" in chart


def test_a_formation_without_published_strengths_says_its_personnel_is_not_recorded():
    html = Client().get("/en/forces/?date=2022-01-10").content.decode()
    crrf = html.split('<section id="crrf">', 1)[1].split("</section>", 1)[0]
    assert ": 0 personnel" not in crrf
    assert "7 contingents; their personnel is not recorded." in crrf
    russian = Client().get("/ru/forces/?date=2022-01-10").content.decode()
    assert "7 контингентов; их численность не записана." in russian


def test_the_forces_page_in_russian():
    html = Client().get("/ru/forces/").content.decode()
    assert "Коллективные силы оперативного реагирования" in html


def test_a_delegation_pledges_through_the_page_and_errors_show_on_the_form(personas):
    client = Client()
    client.force_login(personas.boris)
    assert client.get("/en/forces/pledge/").status_code == 200
    form = {
        "formation": "cpf",
        "state": "BY",
        "code": "cpf-by-engineers",
        "unit_en": "Engineers",
        "unit_type": "ground",
        "readiness": "on_call",
        "strength": "30",
        "start": "2025-01-01",
        "end": "2024-01-01",
    }
    response = client.post("/en/forces/pledge/", form)
    assert response.status_code == 422
    assert "cannot end" in response.content.decode()
    assert not Contingent.objects.filter(code="cpf-by-engineers").exists()
    response = client.post("/en/forces/pledge/", {**form, "end": ""})
    assert response.status_code == 302
    assert (
        client.post("/en/forces/pledge/", {**form, "code": "x-am", "state": "AM"}).status_code
        == 404
    )


def test_the_public_gets_no_pledge_form():
    assert Client().get("/en/forces/pledge/").status_code == 302  # to the login page


def test_a_date_in_the_query_is_written_yyyy_mm_dd_and_nothing_else():
    client = Client()
    assert client.get("/api/v1/forces/totals?as_of=0.0").status_code == 422
    assert client.get("/api/v1/forces/contingents?as_of=1641772800").status_code == 422
    assert client.get("/api/v1/forces/totals?as_of=2022-01-10").status_code == 200

"""The assistance API and pages: public reads, exports, and the write paths of the requesting
delegation and the secretariat."""

from __future__ import annotations

import pytest
from django.test import Client

from secretariat.assistance.models import AssistanceRequest, Mandate
from secretariat.core.testing import journal_size

pytestmark = pytest.mark.django_db

REQUEST_BODY = {
    "state": "BY",
    "requested_on": "2026-02-01",
    "on_behalf_of": "The President of Belarus",
    "situation_en": "Forest fires near the border.",
    "asks_en": "Fire-fighting aircraft.",
}


def logged_in(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


def test_the_api_lists_requests_with_what_was_asked_and_given():
    rows = {r["code"]: r for r in Client().get("/api/v1/assistance/requests").json()}
    assert set(rows) >= {"kg-2010", "am-2021", "kz-2022", "am-2022"}
    assert rows["kz-2022"]["mission"] == "kz-2022-cpf"
    assert rows["kz-2022"]["decision"]["outcome"] == "adopted"
    assert rows["am-2022"]["decision"]["outcome"] == "alternative"
    assert rows["kg-2010"]["uncertain"] is True
    assert Client().get("/api/v1/assistance/requests?state=am").json()[0]["state"] == "AM"
    assert Client().get("/api/v1/assistance/requests/nope").status_code == 404


def test_the_api_gives_a_mission_with_its_contingents_and_timeline():
    body = Client().get("/api/v1/assistance/missions/kz-2022-cpf").json()
    assert sum(s["strength"] for s in body["strength_by_state"]) == 2030
    assert body["strength_by_state"][0] == {"state": "RU", "strength": 1080}
    assert [s["kind"] for s in body["timeline"]][:3] == ["request", "consultation", "decision"]
    assert len(body["deployments"]) == 5
    assert len(Client().get("/api/v1/assistance/deployments").json()) >= 5


def test_exports_in_csv_and_json():
    client = Client()
    csv = client.get("/api/v1/assistance/export/requests.csv").content.decode()
    assert csv.splitlines()[0].startswith("code,state,requested_on")
    assert "kz-2022,KZ,2022-01-05" in csv
    deployments = client.get("/api/v1/assistance/export/deployments.csv").content.decode()
    assert "kz-2022-cpf,cpf-am-2022,AM" in deployments
    assert len(client.get("/api/v1/assistance/export/assistance.json").json()["missions"]) >= 1


def test_a_delegation_requests_for_its_own_state_only_through_the_api(personas):
    client = logged_in(personas.boris)
    before = (journal_size(), AssistanceRequest.objects.count())
    other = {**REQUEST_BODY, "state": "KZ"}
    assert client.post("/api/v1/assistance/requests", other, "application/json").status_code == 404
    smuggled = {**REQUEST_BODY, "status": "closed"}
    assert (
        client.post("/api/v1/assistance/requests", smuggled, "application/json").status_code == 422
    )
    assert (journal_size(), AssistanceRequest.objects.count()) == before
    response = client.post("/api/v1/assistance/requests", REQUEST_BODY, "application/json")
    assert response.status_code == 201
    code = response.json()["code"]
    assert code == "by-2026-02-01"
    anna = logged_in(personas.anna)
    withdraw = {"withdrawn_on": "2026-02-02"}
    assert (
        anna.post(
            f"/api/v1/assistance/requests/{code}/withdraw", withdraw, "application/json"
        ).status_code
        == 404
    )
    response = client.post(
        f"/api/v1/assistance/requests/{code}/withdraw", withdraw, "application/json"
    )
    assert response.json()["status"] == "withdrawn"


def test_the_secretariat_records_the_procedure_through_the_api(personas):
    boris, sofia = logged_in(personas.boris), logged_in(personas.sofia)
    code = boris.post("/api/v1/assistance/requests", REQUEST_BODY, "application/json").json()[
        "code"
    ]
    decision = {"date": "2026-02-02", "outcome": "adopted", "response_en": "Send aircraft"}
    assert (
        boris.post(
            f"/api/v1/assistance/requests/{code}/decision", decision, "application/json"
        ).status_code
        == 403
    )
    assert (
        sofia.post(
            f"/api/v1/assistance/requests/{code}/decision", decision, "application/json"
        ).status_code
        == 201
    )
    mandate = {
        "code": "by-2026-fires",
        "name_en": "Fire-fighting",
        "tasks_en": "Put out fires",
        "start": "2026-02-03",
        "end": "2026-02-01",
        "areas": [{"code": "gomel", "name_en": "Gomel region"}],
    }
    response = sofia.post(
        f"/api/v1/assistance/requests/{code}/mandate", mandate, "application/json"
    )
    assert response.status_code == 422
    assert "cannot end" in response.json()["detail"]
    assert not Mandate.objects.filter(code="by-2026-fires").exists()
    mandate["end"] = "2026-02-20"
    assert (
        sofia.post(
            f"/api/v1/assistance/requests/{code}/mandate", mandate, "application/json"
        ).status_code
        == 201
    )
    deploy = {"contingent": "cpf-am-2022", "area": "gomel", "strength": 500, "start": "2026-02-04"}
    response = sofia.post(
        "/api/v1/assistance/missions/by-2026-fires/deployments", deploy, "application/json"
    )
    assert response.status_code == 422 and "pledged at 100" in response.json()["detail"]
    deploy["strength"] = 100
    response = sofia.post(
        "/api/v1/assistance/missions/by-2026-fires/deployments", deploy, "application/json"
    )
    assert response.status_code == 201
    body = sofia.post(
        "/api/v1/assistance/missions/by-2026-fires/withdrawal",
        {"completed_on": "2026-02-10"},
        "application/json",
    ).json()
    assert body["deployments"][0]["end"] == "2026-02-10"
    closed = sofia.post(
        f"/api/v1/assistance/requests/{code}/close",
        {"closed_on": "2026-02-11", "outcome_en": "Armenian unit helped"},
        "application/json",
    ).json()
    assert closed["status"] == "closed"


def test_the_requests_and_missions_page():
    html = Client().get("/en/assistance/").content.decode()
    assert "Kazakhstan" in html and "Kyrgyzstan" in html
    assert "/en/assistance/missions/kz-2022-cpf/" in html


def test_the_mission_page_has_a_timeline_and_a_chart_of_contingents_by_member():
    response = Client().get("/en/assistance/missions/kz-2022-cpf/")
    html = response.content.decode()
    assert response.status_code == 200
    assert '<svg class="chart bars"' in html
    # Figures as each language writes them: "1,080" in English, "1 080" (narrow space) in Russian.
    assert "Russia" in html and "≈ 1,080" in html
    russian = Client().get("/ru/assistance/missions/kz-2022-cpf/").content.decode()
    assert "Россия" in russian and "≈ 1\u202f080" in russian
    for step in ("Request", "Council decision", "Withdrawal begins", "Withdrawal completed"):
        assert step in html
    assert Client().get("/en/assistance/missions/nope/").status_code == 404


def test_the_request_page_links_sessions_by_code():
    html = Client().get("/en/assistance/requests/am-2022/").content.decode()
    assert "/en/meetings/sessions/csc-2022-11-23/" in html
    assert "withdrawn by the requesting state" in html


def test_the_kyrgyz_request_links_the_secretaries_consultations_and_the_link_resolves():
    # The request of June 2010 linked a session that did not exist (404; issue 13).
    html = Client().get("/en/assistance/requests/kg-2010/").content.decode()
    assert "/en/meetings/sessions/cssc-2010-06-14/" in html
    session = Client().get("/en/meetings/sessions/cssc-2010-06-14/")
    assert session.status_code == 200
    assert "Emergency consultations on Kyrgyzstan" in session.content.decode()


def test_pages_in_russian():
    html = Client().get("/ru/assistance/missions/kz-2022-cpf/").content.decode()
    assert "Коллективные миротворческие силы ОДКБ в Казахстане" in html
    assert "Хронология" in html


def test_a_delegation_requests_through_the_page_and_sees_the_services_refusal(personas):
    client = logged_in(personas.boris)
    assert client.get("/en/assistance/requests/new/").status_code == 200
    form = {
        "requested_on": "2099-01-01",
        "on_behalf_of": "The President",
        "situation_en": "Fires",
        "asks_en": "Aircraft",
    }
    response = client.post("/en/assistance/requests/new/", form)
    assert response.status_code == 422 and "future" in response.content.decode()
    response = client.post("/en/assistance/requests/new/", {**form, "requested_on": "2026-02-01"})
    assert response.status_code == 302
    assert AssistanceRequest.objects.get(code="by-2026-02-01").state_id == "BY"


def test_another_states_delegation_cannot_withdraw_a_request_through_the_page(personas):
    client = logged_in(personas.anna)
    assert client.get("/en/assistance/requests/kz-2022/withdraw/").status_code == 404
    assert client.get("/en/assistance/requests/kz-2022/decision/").status_code == 404


def test_the_secretariat_records_a_step_through_the_page_and_sees_refusals(personas):
    client = logged_in(personas.sofia)
    assert client.get("/en/assistance/requests/am-2021/decision/").status_code == 200
    response = client.post(
        "/en/assistance/requests/kz-2022/consultation/",
        {"date": "2022-01-07", "precision": "day", "held_by_en": "x", "summary_en": "y"},
    )
    assert response.status_code == 422
    assert "not possible while the request is closed" in response.content.decode()
    assert client.get("/en/assistance/missions/kz-2022-cpf/deploy/").status_code == 200

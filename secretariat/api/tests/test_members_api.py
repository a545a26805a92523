"""The public API answers the organization's questions as of any date, in the documented shapes."""

from __future__ import annotations

import re

import pytest
from django.test import Client

from secretariat.core.services import issue_api_token
from secretariat.core.testing import actor, journal_size

pytestmark = pytest.mark.django_db


@pytest.fixture
def client() -> Client:
    return Client()


def test_the_organization_on_12_august_2011(client):
    body = client.get("/api/v1/organization?as_of=2011-08-12").json()
    assert {m["code"] for m in body["members"]} == {"AM", "BY", "KZ", "KG", "RU", "TJ", "UZ"}
    assert body["chair"]["state"] == "BY"
    assert body["secretary_general"]["person_en"] == "Nikolai Bordyuzha"


def test_membership_on_a_date_lists_every_state_with_its_status(client):
    rows = {r["code"]: r for r in client.get("/api/v1/membership?as_of=2013-01-01").json()}
    assert rows["UZ"]["status"] == "suspended"
    assert rows["UZ"]["member"] is False
    assert rows["AZ"]["status"] == "withdrawn"
    assert rows["RU"]["member"] is True


def test_a_state_timeline_shows_uzbekistans_exit_return_and_suspension(client):
    periods = client.get("/api/v1/states/UZ/timeline").json()["periods"]
    assert [p["status"] for p in periods] == ["party", "withdrawn", "member", "frozen", "suspended"]
    assert periods[-1]["end"] is None


def test_chairs_and_secretaries_general_on_a_date(client):
    assert client.get("/api/v1/chairs/on?date=2009-07-01").json()["state"] == "RU"
    assert (
        client.get("/api/v1/secretaries-general/on?date=2021-01-01").json()["person_en"]
        == "Stanislav Zas"
    )
    assert len(client.get("/api/v1/chairs").json()) == 23


def test_indicators_of_a_state(client):
    rows = client.get("/api/v1/states/KG/indicators").json()
    by_year = {r["year"]: r for r in rows}
    assert by_year[2010]["status"] == "PF"
    assert all(1 <= r["political_rights"] <= 7 for r in rows if r["political_rights"] is not None)


def test_an_unknown_state_is_404_and_a_bad_date_is_422(client):
    assert client.get("/api/v1/states/XX").status_code == 404
    response = client.get("/api/v1/members?as_of=2011-13-45")
    assert response.status_code == 422


def test_the_openapi_document_and_docs_are_served_without_a_cdn(client):
    spec = client.get("/api/v1/openapi.json").json()
    assert "/api/v1/organization" in spec["paths"]
    for page in ("/api/v1/docs", "/api/v1/docs/swagger"):
        docs = client.get(page).content.decode()
        assert not re.search(r"""<(script|link)[^>]+(src|href)=["'](https?:)?//""", docs), page
    assert "/static/ninja/" in docs  # Swagger UI's own copy


def test_a_bearer_token_acts_in_its_role_and_a_bad_token_is_401(personas):
    token = issue_api_token(actor(personas.sofia), user=personas.sofia, name="test")
    client = Client(headers={"Authorization": f"Bearer {token}"})
    response = client.post(
        "/api/v1/states/BY/indicators",
        {
            "year": 2024,
            "status": "NF",
            "political_rights": 7,
            "civil_liberties": 6,
            "sources": ["x"],
        },
        content_type="application/json",
    )
    assert response.status_code in (200, 201)
    bad = Client(headers={"Authorization": "Bearer sec_nope"})
    assert bad.get("/api/v1/members").status_code == 401


def test_a_rule_violation_is_a_422_with_the_field_and_writes_nothing(personas):
    client = Client()
    client.force_login(personas.sofia)
    before = journal_size()
    response = client.post(
        "/api/v1/chairs",
        {"state": "KZ", "holder_en": "X", "start": "2011-01-01", "end": "2010-01-01"},
        content_type="application/json",
    )
    assert response.status_code == 422
    assert response.json()["field"] == "end"
    assert "cannot end" in response.json()["detail"]
    assert journal_size() == before


def test_cookie_authenticated_writes_need_the_csrf_token(personas):
    client = Client(enforce_csrf_checks=True)
    client.force_login(personas.sofia)
    before = journal_size()
    response = client.post(
        "/api/v1/states/BY/indicators",
        {"year": 2024, "status": "NF"},
        content_type="application/json",
    )
    assert response.status_code == 403
    assert "CSRF" in response.json()["detail"]
    assert journal_size() == before


def test_journal_entries_are_for_auditors(personas):
    auditor = Client()
    auditor.force_login(personas.aud)
    body = auditor.get("/api/v1/journal/entries?limit=5").json()
    assert body["count"] == journal_size()
    assert len(body["entries"]) == 5
    assert body["entries"][0]["seq"] == 1
    delegation = Client()
    delegation.force_login(personas.boris)
    assert delegation.get("/api/v1/journal/entries").status_code == 403

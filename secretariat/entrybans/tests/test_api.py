"""The register's API as clients see it: who may write what (404 for another state's listing,
nothing written), screening, the yente-compatible /match, FollowTheMoney export, the access log."""

from __future__ import annotations

import json
from typing import Any

import pytest
from django.test import Client

from secretariat.core.testing import journal_size
from secretariat.entrybans.models import AccessLog, Listing
from secretariat.entrybans.tests.conftest import STATEMENT, client_for

pytestmark = pytest.mark.django_db
BASE = "/api/v1/entry-bans"

BODY: dict[str, Any] = {
    "reference": "API-BY-0001",
    "issuing_state": "BY",
    "issuing_authority": "Test authority (fictitious)",
    "contact": "desk@example.org",
    "decision_reference": "DEC-API-1",
    "decision_date": "2026-01-10",
    "ground": "public_security",
    "action_on_hit": "refuse_entry",
    "surname": "Ўзорны",
    "given_names": "Павел",
    "surname_latin": "UZORNY",
    "given_names_latin": "PAVEL",
    "birth_date": "1966",
    "assessment": STATEMENT,
    "proportionality": STATEMENT,
    "reasons_releasable": "Fictitious releasable reasons.",
    "reasons_confidential": "CONFIDENTIAL-PART",
}


def post(client: Client, path: str, body: Any) -> Any:
    return client.post(f"{BASE}{path}", body, content_type="application/json")


@pytest.mark.parametrize(
    ("persona", "status"),
    [("boris", 201), ("anna", 404), ("kair", 404), ("sofia", 403), ("aud", 403), ("public", 401)],
)
def test_only_the_issuing_states_delegation_enters_a_listing(personas, persona, status):
    before = (journal_size(), Listing.objects.count())
    response = post(client_for(personas, persona), "/listings", BODY)
    assert response.status_code == status, response.content
    if status != 201:
        assert (journal_size(), Listing.objects.count()) == before


def test_unknown_fields_are_refused(personas):
    response = post(client_for(personas, "boris"), "/listings", {**BODY, "status": "deleted"})
    assert response.status_code == 422


@pytest.fixture
def entered(personas: Any) -> str:
    response = post(client_for(personas, "boris"), "/listings", BODY)
    assert response.status_code == 201
    return "API-BY-0001"


@pytest.mark.parametrize(
    ("persona", "status"),
    [("boris", 200), ("sofia", 200), ("anna", 404), ("kair", 403), ("aud", 403), ("public", 401)],
)
def test_reading_a_listing_is_for_its_state_and_the_secretariat(personas, entered, persona, status):
    response = client_for(personas, persona).get(f"{BASE}/listings/{entered}")
    assert response.status_code == status


@pytest.mark.parametrize(
    ("persona", "path", "body", "status"),
    [
        ("anna", "/extend", {"assessment": STATEMENT}, 404),
        ("anna", "/delete", {"reason": "x"}, 404),
        ("sofia", "/delete", {"reason": "x"}, 403),
        ("boris", "/quarantine", {"reason": "x"}, 403),
        ("sofia", "/quarantine", {"reason": "Birth date incomplete"}, 200),
        ("boris", "/delete", {"reason": "Decision annulled"}, 200),
    ],
)
def test_listing_actions_follow_the_roles(personas, entered, persona, path, body, status):
    before = journal_size()
    response = post(client_for(personas, persona), f"/listings/{entered}{path}", body)
    assert response.status_code == status, response.content
    assert (journal_size() > before) is (status == 200)


def test_an_officer_screens_and_sees_no_reasons(personas, entered):
    response = post(
        client_for(personas, "kair"), "/screen", {"name": "Pavel Uzornyi", "birth_date": "1966"}
    )
    assert response.status_code == 200
    hits = response.json()["hits"]
    assert hits[0]["reference"] == entered
    assert hits[0]["decision"] == "hit"
    assert "CONFIDENTIAL" not in response.content.decode()
    assert "reasons" not in json.dumps(hits[0]).lower()


def test_batch_screening_answers_each_query_and_logs_each(personas, entered):
    before = AccessLog.objects.count()
    response = post(
        client_for(personas, "kair"),
        "/screen/batch",
        {"queries": [{"name": "UZORNY PAVEL"}, {"name": "Nobody Known"}]},
    )
    assert response.status_code == 200
    assert [len(r["hits"]) for r in response.json()] == [1, 0]
    assert AccessLog.objects.count() == before + 2


def test_the_match_endpoint_speaks_yentes_language(personas, entered):
    request = {
        "queries": {
            "q1": {
                "schema": "Person",
                "properties": {"name": ["Pavel Uzorny"], "birthDate": ["1966"]},
            },
            "q2": {
                "schema": "Person",
                "properties": {"firstName": ["Nobody"], "lastName": ["Else"]},
            },
        }
    }
    response = post(client_for(personas, "kair"), "/match/entrybans?limit=3", request)
    assert response.status_code == 200, response.content
    body = response.json()
    assert set(body) == {"responses", "matcher", "limit"}
    first = body["responses"]["q1"]
    assert first["status"] == 200
    assert first["total"] == {"value": 1, "relation": "eq"}
    result = first["results"][0]
    assert {
        "id",
        "caption",
        "schema",
        "properties",
        "datasets",
        "score",
        "features",
        "match",
    } <= set(result)
    assert result["schema"] == "Person" and result["match"] is True
    assert result["features"]["name_match"] > 0.9
    assert body["responses"]["q2"]["results"] == []
    assert post(client_for(personas, "kair"), "/match/other", request).status_code == 404
    assert post(client_for(personas, "public"), "/match/entrybans", request).status_code == 401


def test_the_access_log_is_for_auditors(personas, entered):
    post(client_for(personas, "kair"), "/screen", {"name": "Pavel Uzorny"})
    response = client_for(personas, "aud").get(f"{BASE}/access-log")
    assert response.status_code == 200
    assert any(row["query"].get("name") == "Pavel Uzorny" for row in response.json())
    for persona in ("boris", "sofia", "kair"):
        assert client_for(personas, persona).get(f"{BASE}/access-log").status_code == 403
    assert client_for(personas, "public").get(f"{BASE}/access-log").status_code == 401


def test_export_and_import_round_trip_as_followthemoney(personas, entered):
    from secretariat.entrybans import ftm

    response = client_for(personas, "boris").get(f"{BASE}/export.ftm")
    assert response.status_code == 200
    lines = response.content.decode().splitlines()
    entities = [json.loads(line) for line in lines]
    assert {e["schema"] for e in entities} == {"Person", "Sanction"}
    assert "CONFIDENTIAL" not in response.content.decode()
    records = [r for r in ftm.parse_lines(lines) if r["reference"] == entered]
    assert records[0]["surname"] == "Ўзорны" and records[0]["surname_latin"] == "UZORNY"
    assert records[0]["birth_date"] == "1966"


def test_requests_are_lodged_anywhere_and_answered_by_the_issuing_state(personas, entered):
    response = post(
        client_for(personas, "anna"), "/requests", {"reference": entered, "kind": "access"}
    )
    assert response.status_code == 201
    request_id = response.json()["id"]
    assert response.json()["lodged_with"] == "AM"
    answer = {"outcome": "granted", "reasons": "Releasable reasons sent."}
    assert (
        post(client_for(personas, "anna"), f"/requests/{request_id}/answer", answer).status_code
        == 404
    )
    assert (
        post(client_for(personas, "boris"), f"/requests/{request_id}/answer", answer).status_code
        == 200
    )
    stats = client_for(personas, "aud").get(f"{BASE}/requests/statistics?year=2026")
    assert stats.status_code == 200


def test_the_legal_basis_is_public():
    response = Client().get(f"{BASE}/legal-basis")
    assert response.status_code == 200
    assert response.json()[0]["kind"] == "proposal"


def test_the_root_level_alias_answers_like_yente(personas):
    request = {"queries": {"q": {"schema": "Person", "properties": {"name": "Hayk Orinakyan"}}}}
    response = client_for(personas, "kair").post(
        "/match/entrybans", request, content_type="application/json"
    )
    assert response.status_code == 200, response.content
    assert response.json()["responses"]["q"]["results"][0]["id"] == "DEMO-AM-0001"
    assert (
        Client().post("/match/entrybans", request, content_type="application/json").status_code
        == 401
    )


def test_a_name_in_another_script_is_screened_not_refused(personas):
    body = {**BODY, "reference": "API-BY-0002", "surname_latin": "SAAKASHVILI"}
    body.update(given_names_latin="MIKHEIL", surname="Саакашвили", given_names="Михеил")
    assert post(client_for(personas, "boris"), "/listings", body).status_code == 201
    request = {
        "queries": {"q1": {"schema": "Person", "properties": {"name": ["მიხეილ სააკაშვილი"]}}}
    }
    response = post(client_for(personas, "kair"), "/match/entrybans", request)
    assert response.status_code == 200, response.content
    results = response.json()["responses"]["q1"]["results"]
    assert [r["id"] for r in results if r["match"]] == ["API-BY-0002"]
    digits = post(client_for(personas, "kair"), "/screen", {"name": "12345"})
    assert digits.status_code == 422

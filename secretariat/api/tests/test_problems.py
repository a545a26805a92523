"""Every API error is an RFC 9457 problem, and a non-public operation asks for credentials before
it reads its input."""

from __future__ import annotations

from typing import Any

import pytest
from django.test import Client
from django.utils import translation

from secretariat.api.problems import KINDS
from secretariat.core.services import issue_api_token
from secretariat.core.testing import actor

pytestmark = pytest.mark.django_db

PROBLEM = "application/problem+json"


def problem(response: Any, status: int, kind: str) -> dict[str, Any]:
    assert response.status_code == status, response.content
    assert response["Content-Type"].startswith(PROBLEM)
    body = response.json()
    assert body["type"] == f"/api/v1/docs#problem-{kind}"
    assert body["status"] == status
    assert body["title"] and body["detail"]
    return body


def bearer(user: Any) -> dict[str, str]:
    return {"Authorization": f"Bearer {issue_api_token(actor(user), user=user, name='t')}"}


def test_an_unknown_path_under_the_api_is_a_problem_not_an_html_page():
    problem(Client().get("/api/v1/no-such-thing"), 404, "unknown-path")
    problem(Client().get("/api/v1/"), 404, "unknown-path")
    problem(Client().post("/api/v1/states/BY/nothing", {}), 404, "unknown-path")


def test_a_wrong_method_is_a_problem_with_the_allowed_methods():
    response = Client().delete("/api/v1/chairs")
    body = problem(response, 405, "method-not-allowed")
    assert set(response["Allow"].replace(" ", "").split(",")) == {"GET", "POST"}
    assert "DELETE" in body["detail"]
    problem(Client().get("/match/entrybans"), 405, "method-not-allowed")


def test_input_the_schema_refuses_lists_every_field_at_fault():
    body = problem(Client().get("/api/v1/chairs/on?date=12/08/2011"), 422, "validation")
    assert body["field"] == "date"
    assert body["errors"][0]["in"] == "query"
    assert body["errors"][0]["field"] == "date"


def test_a_body_the_schema_refuses_names_its_fields_without_ninjas_wrapper(personas):
    response = Client().post(
        "/api/v1/chairs",
        {"state": "KZ", "start": "2030-01-01", "smuggled": 1},
        content_type="application/json",
        headers=bearer(personas.sofia),
    )
    body = problem(response, 422, "validation")
    fields = {error["field"] for error in body["errors"]}
    assert {"holder_en", "smuggled"} <= fields
    assert all(error["in"] == "body" for error in body["errors"])


def test_a_broken_rule_names_its_field(personas):
    response = Client().post(
        "/api/v1/chairs",
        {"state": "QQ", "holder_en": "Someone", "start": "2030-01-01"},
        content_type="application/json",
        headers=bearer(personas.sofia),
    )
    body = problem(response, 422, "rule-violation")
    assert body["field"] == "state"


def test_an_unreadable_body_is_a_400_problem(personas):
    response = Client().post(
        "/api/v1/chairs",
        "{not json",
        content_type="application/json",
        headers=bearer(personas.sofia),
    )
    problem(response, 400, "unreadable-body")


@pytest.mark.parametrize(
    ("method", "path"),
    [
        ("post", "/api/v1/entry-bans/match/entrybans"),
        ("post", "/match/entrybans"),
        ("post", "/api/v1/entry-bans/screen"),
        ("post", "/api/v1/chairs"),
        ("get", "/api/v1/entry-bans/requests/statistics?year=not-a-year"),
        ("get", "/api/v1/journal/entries?limit=-5"),
    ],
)
def test_an_anonymous_call_to_a_non_public_operation_is_401_before_its_input_is_read(method, path):
    response = getattr(Client(), method)(path, {"queries": 1}, content_type="application/json")
    problem(response, 401, "unauthenticated")
    assert response["WWW-Authenticate"].startswith("Bearer")


def test_a_revoked_token_is_a_401_problem_even_on_a_public_read():
    response = Client().get("/api/v1/states", headers={"Authorization": "Bearer nope"})
    problem(response, 401, "unauthenticated")


def test_a_refused_role_and_a_hidden_record_are_problems(personas):
    refused = Client().get("/api/v1/entry-bans/access-log", headers=bearer(personas.boris))
    problem(refused, 403, "not-permitted")
    missing = Client().get("/api/v1/states/QQ")
    problem(missing, 404, "not-found")


def test_the_yente_match_keeps_yentes_body(personas):
    request = {"queries": {"q": {"schema": "Person", "properties": {"name": ["Hayk Orinakyan"]}}}}
    response = Client().post(
        "/match/entrybans", request, content_type="application/json", headers=bearer(personas.kair)
    )
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/json")
    body = response.json()
    assert set(body) == {"responses", "matcher", "limit"}
    answer = body["responses"]["q"]
    assert {"status", "results", "total", "query"} <= set(answer)
    assert answer["query"]["properties"] == {"name": ["Hayk Orinakyan"]}


def test_the_problem_titles_and_details_come_in_russian():
    response = Client().get("/api/v1/no-such-thing?lang=ru")
    body = problem(response, 404, "unknown-path")
    assert body["title"] == "Такой операции нет"
    assert response["Content-Language"] == "ru"
    for kind in KINDS:
        with translation.override("en"):
            english = (str(kind.title), str(kind.explanation))
        with translation.override("ru"):
            russian = (str(kind.title), str(kind.explanation))
        assert all(a != b for a, b in zip(english, russian, strict=True)), kind.slug


def test_the_document_describes_the_problem_shape(client):
    document = client.get("/api/v1/openapi.json").json()
    schema = document["components"]["schemas"]["Problem"]
    assert set(schema["required"]) == {"type", "title", "status", "detail"}
    assert {"field", "errors"} <= set(schema["properties"])


def test_a_name_to_screen_with_a_control_character_is_refused_naming_it(personas):
    response = Client().post(
        "/api/v1/entry-bans/screen",
        {"name": "Pavel\u0000Uzorny"},
        content_type="application/json",
        headers=bearer(personas.kair),
    )
    body = problem(response, 422, "rule-violation")
    assert body["field"] == "name" and "U+0000" in body["detail"]


def test_match_takes_free_form_properties_with_control_characters(personas):
    """yente clients send what they have: only the name drawn from the properties is checked."""
    request = {
        "queries": {
            "q": {
                "schema": "Person",
                "properties": {"name": ["Hayk Orinakyan"], "notes": ["line one\nline\u0000two"]},
            }
        }
    }
    response = Client().post(
        "/match/entrybans", request, content_type="application/json", headers=bearer(personas.kair)
    )
    assert response.status_code == 200, response.content
    assert response.json()["responses"]["q"]["query"]["properties"]["notes"] == [
        "line one\nline\u0000two"
    ]

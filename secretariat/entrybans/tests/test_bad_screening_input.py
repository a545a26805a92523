"""Screening refuses input no search should run on, with a 4xx that names the limit, and logs
nothing for it: a name of a megabyte, control characters, a batch over its size."""

from __future__ import annotations

from typing import Any

import pytest
from django.test import Client

from secretariat.entrybans.models import AccessLog
from secretariat.entrybans.registry import NAME_MAX_CHARS
from secretariat.entrybans.tests.conftest import client_for

pytestmark = pytest.mark.django_db
BASE = "/api/v1/entry-bans"
MEGABYTE_NAME = "Иванов " * (2**20 // 7)


def post(client: Client, path: str, body: Any) -> Any:
    return client.post(f"{BASE}{path}", body, content_type="application/json")


def match_body(*names: str) -> dict[str, Any]:
    return {
        "queries": {
            f"q{i}": {"schema": "Person", "properties": {"name": [name]}}
            for i, name in enumerate(names)
        }
    }


@pytest.mark.parametrize(
    ("path", "body"),
    [
        ("/screen", {"name": MEGABYTE_NAME}),
        ("/screen/batch", {"queries": [{"name": "Pavel Uzorny"}, {"name": MEGABYTE_NAME}]}),
        ("/match/entrybans", match_body("Pavel Uzorny", MEGABYTE_NAME)),
    ],
)
def test_a_name_of_a_megabyte_is_refused_naming_the_limit_and_not_logged(personas, path, body):
    before = AccessLog.objects.count()
    response = post(client_for(personas, "kair"), path, body)
    assert response.status_code == 422, response.content[:300]
    detail = response.json()["detail"]
    assert f"at most {NAME_MAX_CHARS} characters" in detail
    assert "1,048," in detail  # how long it was
    assert AccessLog.objects.count() == before


def test_a_name_just_at_the_limit_is_screened_and_logged(personas):
    before = AccessLog.objects.count()
    name = ("Pavel Uzorny " * 40)[:NAME_MAX_CHARS]
    response = post(client_for(personas, "kair"), "/screen", {"name": name})
    assert response.status_code == 200
    assert AccessLog.objects.count() == before + 1


@pytest.mark.parametrize(
    ("name", "code"),
    [
        ("Pavel\x00Uzorny", "U+0000"),
        ("Pavel\nUzorny", "U+000A"),
        ("Pavel\tUzorny", "U+0009"),
        ("\x1b[31mPavel Uzorny", "U+001B"),
        ("Pavel \x85Uzorny", "U+0085"),
        ("Pavel \u202eynrozU", "U+202E"),
    ],
)
def test_control_characters_are_refused_naming_the_character(personas, name, code):
    before = AccessLog.objects.count()
    for path, body in (
        ("/screen", {"name": name}),
        ("/screen/batch", {"queries": [{"name": "Pavel Uzorny"}, {"name": name}]}),
        ("/match/entrybans", match_body("Pavel Uzorny", name)),
    ):
        response = post(client_for(personas, "kair"), path, body)
        assert response.status_code == 422, (path, response.content)
        detail = response.json()["detail"]
        assert "control characters" in detail and code in detail, detail
    assert AccessLog.objects.count() == before


def test_joiners_of_scripts_that_need_them_are_not_control_characters(personas):
    # ZWNJ is part of how Persian and Tajik names are written in the Arabic script
    response = post(client_for(personas, "kair"), "/screen", {"name": "Pavel Uz\u200corny"})
    assert response.status_code == 200


def test_a_batch_over_its_limit_is_refused_naming_the_limit_and_not_logged(personas):
    before = AccessLog.objects.count()
    response = post(
        client_for(personas, "kair"),
        "/screen/batch",
        {"queries": [{"name": f"Pavel Uzorny {i}"} for i in range(1001)]},
    )
    assert response.status_code == 422
    assert "at most 1,000 queries" in response.json()["detail"]
    assert "1,001" in response.json()["detail"]
    assert AccessLog.objects.count() == before


def test_a_match_request_over_its_limit_is_refused_naming_the_limit_and_not_logged(personas):
    before = AccessLog.objects.count()
    response = post(
        client_for(personas, "kair"),
        "/match/entrybans",
        match_body(*(f"Pavel Uzorny {i}" for i in range(101))),
    )
    assert response.status_code == 422
    assert "at most 100 queries" in response.json()["detail"]
    assert "101" in response.json()["detail"]
    assert AccessLog.objects.count() == before

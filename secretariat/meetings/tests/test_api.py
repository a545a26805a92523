"""The meetings API: reads for everyone, writes by role, errors as JSON."""

from __future__ import annotations

import pytest
from django.test import Client

from secretariat.core.services import issue_api_token
from secretariat.core.testing import actor, journal_size
from secretariat.meetings.models import Session, StatePosition
from secretariat.meetings.tests.conftest import SESSION

pytestmark = pytest.mark.django_db

API = "/api/v1/meetings"


def test_sessions_are_listed_with_filters(client: Client):
    every = client.get(f"{API}/sessions").json()
    assert len(every) >= 40
    informal_2011 = client.get(f"{API}/sessions", {"year": "2011", "kind": "informal"}).json()
    assert [s["code"] for s in informal_2011] == ["csc-2011-08-12"]


def test_a_session_in_full(client: Client):
    body = client.get(f"{API}/sessions/csc-2011-08-12").json()
    assert body["end"] == "2011-08-13" and body["chaired_by"] == "BY"
    assert {a["state"]: a["presence"] for a in body["attendance"]}["UZ"] == "absent"
    assert client.get(f"{API}/sessions/csc-1900-01-01").status_code == 404


def test_the_organization_on_a_date(client: Client):
    body = client.get(f"{API}/on", {"date": "2011-08-12"}).json()
    assert body["session"]["code"] == "csc-2011-08-12"
    assert body["sitting"] and body["chair_state"] == "BY"
    assert len(body["present"]) == 6 and [a["state"] for a in body["absent"]] == ["UZ"]


def test_a_decision_with_its_readings(client: Client):
    body = client.get(f"{API}/sessions/csc-2009-06-14/decisions/crrf-agreement").json()
    readings = {r["reading"]: r for r in body["readings"]}
    assert readings["consensus-present"]["adopted"] is True
    assert readings["consensus-all"]["adopted"] is False
    assert readings["consensus-all"]["claimed_by"] == ["BY"]


def bearer(user) -> Client:
    token = issue_api_token(actor(user), user=user, name="test")
    return Client(headers={"Authorization": f"Bearer {token}"})


def test_the_secretariat_records_a_session_and_bad_dates_get_a_422(personas):
    client = bearer(personas.sofia)
    before = journal_size()
    bad = client.post(
        f"{API}/sessions",
        {"body": "csc", "kind": "regular", "start": "2026-11-12", "end": "2026-11-11"},
        content_type="application/json",
    )
    assert bad.status_code == 422 and bad.json()["field"] == "end"
    assert journal_size() == before
    good = client.post(
        f"{API}/sessions",
        {
            "body": "csc",
            "kind": "regular",
            "start": "2026-11-11",
            "city_en": "Moscow",
            "host": "RU",
        },
        content_type="application/json",
    )
    assert good.status_code == 201 and good.json()["code"] == "csc-2026-11-11"
    assert Session.objects.filter(code="csc-2026-11-11").exists()
    unknown_field = client.post(
        f"{API}/sessions",
        {"body": "csc", "kind": "regular", "start": "2026-11-11", "outcome": "adopted"},
        content_type="application/json",
    )
    assert unknown_field.status_code == 422


def test_a_delegation_puts_its_own_position_and_gets_404_for_another_state(personas, draft):
    client = bearer(personas.boris)
    url = f"{API}/sessions/{SESSION}/decisions/{draft.slug}/positions"
    own = client.put(f"{url}/BY", {"position": "supports"}, content_type="application/json")
    assert own.status_code == 201
    other = client.put(f"{url}/AM", {"position": "objects"}, content_type="application/json")
    assert other.status_code == 404
    assert list(StatePosition.objects.filter(decision=draft).values_list("state", flat=True)) == [
        "BY"
    ]
    # The public sees neither position while the draft is open.
    public = Client().get(f"{API}/sessions/{SESSION}/decisions/{draft.slug}").json()
    assert public["positions"] == []


def test_the_public_cannot_write(client: Client, draft):
    response = client.post(
        f"{API}/sessions/{SESSION}/decisions/{draft.slug}/outcome",
        {"outcome": "adopted"},
        content_type="application/json",
    )
    assert response.status_code == 401


def test_the_date_must_be_written_as_a_date(client: Client):
    assert client.get(f"{API}/on", {"date": "12/08/2011"}).status_code == 422
    assert client.get(f"{API}/on", {"body": "nobody"}).status_code == 422
    assert client.get(f"{API}/sessions", {"year": "99999"}).status_code == 422

"""Role × write path: every persona tries every write through the API, the portal and the admin.

Allowed writes succeed and are journaled. Refused writes change no row and no journal entry; a
national role aiming at another state's record is told it does not exist (404).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import pytest
from django.test import Client

from secretariat.core.domain.actors import Actor
from secretariat.journal.models import JournalEntry
from secretariat.members import services
from secretariat.members.models import ChairTerm, Indicator, MembershipEvent, SecretaryGeneralTerm

pytestmark = pytest.mark.django_db

PERSONAS = ["public", "sofia", "boris", "anna", "kair", "aud"]


def snapshot() -> tuple[int, ...]:
    return (
        JournalEntry.objects.count(),
        MembershipEvent.objects.count(),
        MembershipEvent.objects.filter(status="registered").count(),
        ChairTerm.objects.count(),
        SecretaryGeneralTerm.objects.count(),
        Indicator.objects.count(),
    )


@dataclass
class Write:
    name: str
    allowed: set[str]
    # What a refused persona sees: 404 for hidden, 403 refused, "login" for a login redirect.
    refusal: dict[str, Any]
    run: Callable[[Client, dict[str, Any]], Any]
    success: set[int]


def _api(path: str, body: dict[str, Any]) -> Callable[[Client, dict[str, Any]], Any]:
    def run(client: Client, ctx: dict[str, Any]) -> Any:
        return client.post(path.format(**ctx), body, content_type="application/json")

    return run


def _form(path: str, body: dict[str, Any]) -> Callable[[Client, dict[str, Any]], Any]:
    def run(client: Client, ctx: dict[str, Any]) -> Any:
        return client.post(path.format(**ctx), body)

    return run


EVENT = {"kind": "statement", "date": "2026-10-01", "summary_en": "A statement"}
CHAIR = {"state": "KZ", "holder_en": "Test Holder", "start": "2004-01-01", "end": "2004-12-31"}
SG = {"state": "KZ", "person_en": "Test Person", "start": "2040-01-01", "end": "2040-12-31"}
RATING = {"year": 2025, "status": "NF", "political_rights": 7, "civil_liberties": 6}
NATIONAL_ELSEWHERE = {"public": 403, "aud": 403}

WRITES = [
    Write(
        "api: event for BY",
        {"sofia", "boris"},
        {"anna": 404, "kair": 404, **NATIONAL_ELSEWHERE},
        _api("/api/v1/states/BY/events", EVENT),
        {201},
    ),
    Write(
        "api: event for AM",
        {"sofia", "anna"},
        {"boris": 404, "kair": 404, **NATIONAL_ELSEWHERE},
        _api("/api/v1/states/AM/events", EVENT),
        {201},
    ),
    Write(
        "api: chair term",
        {"sofia"},
        dict.fromkeys(PERSONAS, 403),
        _api("/api/v1/chairs", CHAIR),
        {201},
    ),
    Write(
        "api: secretary-general",
        {"sofia"},
        dict.fromkeys(PERSONAS, 403),
        _api("/api/v1/secretaries-general", SG),
        {201},
    ),
    Write(
        "api: rating of BY",
        {"sofia"},
        dict.fromkeys(PERSONAS, 403),
        _api("/api/v1/states/BY/indicators", RATING),
        {201},
    ),
    Write(
        "api: register BY's notification",
        {"sofia"},
        {"public": 404, "anna": 404, "kair": 404, "boris": 403, "aud": 403},
        _api("/api/v1/membership-events/{pending}/register", {}),
        {200},
    ),
    Write(
        "ui: event for BY",
        {"sofia", "boris"},
        {"public": "login", "anna": 404, "kair": 404, "aud": 404},
        _form("/members/BY/events/", EVENT),
        {302},
    ),
    Write(
        "ui: chair term",
        {"sofia"},
        {"public": "login", **{p: 404 for p in PERSONAS if p != "public"}},
        _form("/offices/chairs/new/", CHAIR),
        {302},
    ),
    Write(
        "ui: secretary-general",
        {"sofia"},
        {"public": "login", **{p: 404 for p in PERSONAS if p != "public"}},
        _form("/offices/secretaries-general/new/", SG),
        {302},
    ),
    Write(
        "ui: rating of BY",
        {"sofia"},
        {"public": "login", **{p: 404 for p in PERSONAS if p != "public"}},
        _form("/members/BY/indicators/new/", RATING),
        {302},
    ),
    Write(
        "ui: register BY's notification",
        {"sofia"},
        {
            "public": "login",
            "anna": 404,
            "kair": 404,
            "boris": "refused-message",
            "aud": "refused-message",
        },
        _form("/members/notifications/{pending}/register/", {}),
        {302},
    ),
    Write(
        "admin: chair term",
        {"sofia"},
        dict.fromkeys(PERSONAS, "admin-login"),
        _form(
            "/admin/members/chairterm/add/",
            {
                **CHAIR,
                "start_precision": "day",
                "end_precision": "day",
                "sources": '["test"]',
                "note": "",
            },
        ),
        {302},
    ),
]


@pytest.fixture
def context(personas) -> dict[str, Any]:
    pending, _ = services.submit_membership_event(
        Actor(services.Role.DELEGATION, state="BY", username="boris"),
        state="BY",
        kind="frozen_participation",
        date=__import__("datetime").date(2026, 9, 1),
        summary_en="Belarus freezes its participation",
    )
    return {"pending": pending.pk, "personas": personas}


def _client(persona: str, personas: Any) -> Client:
    client = Client()
    if persona != "public":
        client.force_login(getattr(personas, persona))
    return client


@pytest.mark.parametrize("persona", PERSONAS)
@pytest.mark.parametrize("write", WRITES, ids=lambda w: w.name)
def test_each_persona_may_make_exactly_the_writes_its_role_allows(persona, write, context):
    client = _client(persona, context["personas"])
    before = snapshot()
    response = write.run(client, context)
    if persona in write.allowed:
        assert response.status_code in write.success, response.content[:500]
        assert snapshot()[0] > before[0], "an allowed write must be journaled"
        if response.status_code == 302:
            assert "/login" not in response["Location"]
        return
    assert snapshot() == before, "a refused write changed something"
    expected = write.refusal[persona]
    if expected == "login":
        assert response.status_code == 302
        assert "/login/" in response["Location"]
    elif expected == "admin-login":
        assert response.status_code == 302
        assert "login/?next=/admin/" in response["Location"]  # then on to the two-factor login
    elif expected == "refused-message":
        assert response.status_code == 302
    else:
        assert response.status_code == expected, response.content[:300]


@pytest.mark.parametrize("extra", [{"state": "AM"}, {"status": "registered"}, {"id": 1}])
def test_a_delegation_cannot_smuggle_fields_into_a_body(personas, extra):
    client = _client("boris", personas)
    before = snapshot()
    response = client.post(
        "/api/v1/states/BY/events", {**EVENT, **extra}, content_type="application/json"
    )
    assert response.status_code == 422
    assert snapshot() == before

"""Fixtures and helpers of the entry-ban tests: a valid listing record, the personas' actors, a
logged-in client, the journal's entries as documents."""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

import pytest
from django.test import Client

from secretariat.core.domain.actors import Actor, Role

BORIS = Actor(Role.DELEGATION, state="BY", username="boris")
ANNA = Actor(Role.DELEGATION, state="AM", username="anna")
SOFIA = Actor(Role.SECRETARIAT, username="sofia")
KAIR = Actor(Role.BORDER_OFFICER, state="KZ", username="kair")
AUD = Actor(Role.AUDITOR, username="aud")
SYSTEM = Actor.system("tests")

STATEMENT = "Recorded after weighing the (fictitious) person's situation and the consequences."


def listing_record(**overrides: Any) -> dict[str, Any]:
    record: dict[str, Any] = {
        "reference": "TEST-BY-0001",
        "issuing_state": "BY",
        "issuing_authority": "Test authority (fictitious)",
        "contact": "desk@example.org",
        "decision_reference": "DEC-1",
        "decision_date": dt.date(2026, 1, 10),
        "ground": "public_security",
        "action_on_hit": "refuse_entry",
        "surname": "Тэставы",
        "given_names": "Сяргей",
        "patronymic": "Пятровіч",
        "surname_latin": "TESTAVY",
        "given_names_latin": "SIARHEI",
        "patronymic_latin": "PIATROVICH",
        "birth_date": "1970-05-06",
        "nationalities": ["BY"],
        "assessment": STATEMENT,
        "proportionality": STATEMENT,
        "reasons_releasable": "Fictitious releasable reasons.",
        "reasons_confidential": "SECRET-REASONS-NEVER-SHOWN",
        "aliases": [{"name": "Serge Weakname", "quality": "weak"}],
        "documents": [{"number": "AB1234567", "kind": "passport", "issuing_country": "BY"}],
        "today": dt.date(2026, 6, 1),
    }
    record.update(overrides)
    return record


@pytest.fixture
def listing(db: Any) -> Any:
    from secretariat.entrybans import services

    row, _ = services.enter_listing(BORIS, **listing_record())
    return row


def client_for(personas: Any, name: str) -> Client:
    """A client logged in as the persona (`public`: not logged in)."""
    client = Client()
    if name != "public":
        client.force_login(getattr(personas, name))
    return client


def entries(after: int) -> list[dict[str, Any]]:
    """The journal's entries after sequence number `after`, as the documents they hash."""
    from secretariat.journal.models import JournalEntry

    rows = JournalEntry.objects.filter(seq__gt=after).order_by("seq")
    return [json.loads(bytes(r.entry_bytes)) for r in rows]


def last_entry() -> dict[str, Any]:
    """The journal's newest entry, as the document it hashes."""
    from secretariat.journal.models import JournalEntry

    entry = JournalEntry.objects.order_by("-seq").first()
    assert entry is not None
    return json.loads(bytes(entry.entry_bytes))

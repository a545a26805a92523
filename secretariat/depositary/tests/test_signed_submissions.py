"""A delegation signs what it submits; the depositary keeps only what its registered key signed,
for this very act, once."""

from __future__ import annotations

import base64
import datetime as dt
import secrets
from typing import Any

import pytest
import rfc8785
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from cryptography.hazmat.primitives.serialization import Encoding, PublicFormat
from django.test import Client

from secretariat.core import signing
from secretariat.core.testing import actor, journal_size
from secretariat.depositary.models import Act
from secretariat.journal.models import JournalEntry

pytestmark = pytest.mark.django_db

URL = "/api/v1/depositary/instruments/charter-2002/acts"


def new_key(user: Any, state: str) -> tuple[Ed25519PrivateKey, str]:
    private = Ed25519PrivateKey.generate()
    raw = private.public_key().public_bytes(Encoding.Raw, PublicFormat.Raw)
    key, _ = signing.register_key(
        actor(user), state=state, public_key=base64.b64encode(raw).decode(), label="treaty office"
    )
    return private, key.key_id


def statement(key_id: str, **overrides: Any) -> dict[str, Any]:
    # One second on: the key was registered a moment ago, in this same second.
    now = (dt.datetime.now(dt.UTC) + dt.timedelta(seconds=1)).strftime("%Y-%m-%dT%H:%M:%SZ")
    return {
        "state": "BY",
        "nonce": secrets.token_urlsafe(16),
        "created_at": now,
        "key_id": key_id,
        "instrument": "charter-2002",
        "action": "declaration",
        "date": "2026-09-01",
        "document": "Note verbale 7",
        **overrides,
    }


def body(private: Ed25519PrivateKey, key_id: str, signed: dict[str, Any]) -> dict[str, Any]:
    signature = base64.b64encode(private.sign(rfc8785.dumps(signed))).decode()
    return {
        "state": "BY",
        "kind": "declaration",
        "date": "2026-09-01",
        "document": "Note verbale 7",
        "signed": {"statement": signed, "signature": signature, "key_id": key_id},
    }


@pytest.fixture
def boris_client(personas: Any) -> Client:
    client = Client()
    client.force_login(personas.boris)
    return client


def counts() -> tuple[int, int]:
    return journal_size(), Act.objects.count()


def test_a_signed_submission_is_kept_with_its_evidence(personas, boris_client):
    private, key_id = new_key(personas.boris, "BY")
    response = boris_client.post(URL, body(private, key_id, statement(key_id)), "application/json")
    assert response.status_code == 201, response.content
    act = Act.objects.get(pk=response.json()["id"])
    assert act.signature_key_id == key_id
    assert act.signed_statement is not None
    assert act.signed_statement["document"] == "Note verbale 7"
    entry = JournalEntry.objects.order_by("-seq").first()
    assert entry is not None and entry.action == "act.submitted"
    assert b'"signed_statement"' in bytes(entry.entry_bytes)


def test_a_tampered_statement_is_refused(personas, boris_client):
    private, key_id = new_key(personas.boris, "BY")
    payload = body(private, key_id, statement(key_id))
    payload["signed"]["statement"]["document"] = "Note verbale 8"  # changed after signing
    payload["document"] = "Note verbale 8"
    before = counts()
    response = boris_client.post(URL, payload, "application/json")
    assert response.status_code == 422
    assert counts() == before


def test_a_statement_about_another_document_is_refused(personas, boris_client):
    private, key_id = new_key(personas.boris, "BY")
    payload = body(private, key_id, statement(key_id, document="Note verbale 99"))
    before = counts()
    response = boris_client.post(URL, payload, "application/json")
    assert response.status_code == 422
    assert "does not describe this submission" in response.json()["detail"]
    assert counts() == before


def test_another_states_key_is_refused(personas, boris_client):
    private, key_id = new_key(personas.anna, "AM")
    before = counts()
    response = boris_client.post(URL, body(private, key_id, statement(key_id)), "application/json")
    assert response.status_code == 422
    assert counts() == before


def test_a_revoked_key_is_refused(personas, boris_client):
    private, key_id = new_key(personas.boris, "BY")
    signing.revoke_key(actor(personas.sofia), key_id=key_id, reason="lost")
    before = counts()
    response = boris_client.post(URL, body(private, key_id, statement(key_id)), "application/json")
    assert response.status_code == 422
    assert counts() == before


def test_a_replayed_submission_is_refused(personas, boris_client):
    private, key_id = new_key(personas.boris, "BY")
    payload = body(private, key_id, statement(key_id))
    assert boris_client.post(URL, payload, "application/json").status_code == 201
    before = counts()
    response = boris_client.post(URL, payload, "application/json")
    assert response.status_code == 409
    assert counts() == before

"""A delegation may sign the listing it enters: the statement names the listing and the hash of
what was sent (never the personal data themselves); the register keeps only what checks out."""

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
from secretariat.entrybans import services
from secretariat.entrybans.models import Listing
from secretariat.entrybans.tests.test_api import BODY
from secretariat.journal.models import JournalEntry

pytestmark = pytest.mark.django_db
URL = "/api/v1/entry-bans/listings"


def new_key(user: Any, state: str) -> tuple[Ed25519PrivateKey, str]:
    private = Ed25519PrivateKey.generate()
    raw = private.public_key().public_bytes(Encoding.Raw, PublicFormat.Raw)
    key, _ = signing.register_key(
        actor(user), state=state, public_key=base64.b64encode(raw).decode(), label="listings desk"
    )
    return private, key.key_id


def signed_body(
    private: Ed25519PrivateKey, key_id: str, body: dict[str, Any], **overrides: Any
) -> dict[str, Any]:
    # One second on: the key was registered a moment ago, in this same second.
    created = (dt.datetime.now(dt.UTC) + dt.timedelta(seconds=1)).strftime("%Y-%m-%dT%H:%M:%SZ")
    statement = {
        "state": "BY",
        "nonce": secrets.token_urlsafe(16),
        "created_at": created,
        "key_id": key_id,
        "reference": body["reference"],
        "action": "enter",
        "content_sha256": signing.content_digest(body),
        **overrides,
    }
    signature = base64.b64encode(private.sign(rfc8785.dumps(statement))).decode()
    return {**body, "signed": {"statement": statement, "signature": signature, "key_id": key_id}}


@pytest.fixture
def boris(personas: Any) -> Client:
    client = Client()
    client.force_login(personas.boris)
    return client


def state() -> tuple[int, int]:
    return journal_size(), Listing.objects.count()


def test_a_signed_listing_is_kept_with_its_evidence_and_no_personal_data_in_the_journal(
    personas, boris
):
    private, key_id = new_key(personas.boris, "BY")
    response = boris.post(URL, signed_body(private, key_id, BODY), "application/json")
    assert response.status_code == 201, response.content
    listing = Listing.objects.get(reference=BODY["reference"])
    assert listing.signature_key_id == key_id
    assert listing.signed_statement is not None
    assert "surname" not in listing.signed_statement
    entry = JournalEntry.objects.order_by("-seq").first()
    assert entry is not None and entry.action == "listing.entered"
    entry_text = bytes(entry.entry_bytes).decode()
    assert '"signed_statement"' in entry_text and "UZORNY" not in entry_text


def test_a_body_changed_after_signing_is_refused(personas, boris):
    private, key_id = new_key(personas.boris, "BY")
    payload = signed_body(private, key_id, BODY)
    payload["birth_date"] = "1967"  # not what was signed
    before = state()
    response = boris.post(URL, payload, "application/json")
    assert response.status_code == 422
    assert "does not describe this submission" in response.json()["detail"]
    assert state() == before


def test_another_states_key_and_a_revoked_key_are_refused(personas, boris):
    foreign, foreign_id = new_key(personas.anna, "AM")
    own, own_id = new_key(personas.boris, "BY")
    signing.revoke_key(actor(personas.boris), key_id=own_id, reason="compromised")
    before = state()
    for private, key_id in ((foreign, foreign_id), (own, own_id)):
        response = boris.post(URL, signed_body(private, key_id, BODY), "application/json")
        assert response.status_code == 422
    assert state() == before


def test_a_replayed_listing_submission_is_refused(personas, boris):
    private, key_id = new_key(personas.boris, "BY")
    payload = signed_body(private, key_id, BODY)
    assert boris.post(URL, payload, "application/json").status_code == 201
    before = state()
    assert boris.post(URL, payload, "application/json").status_code == 409
    assert state() == before


def test_erasing_a_listing_erases_its_signed_statement_too(personas, boris):
    private, key_id = new_key(personas.boris, "BY")
    boris.post(URL, signed_body(private, key_id, BODY), "application/json")
    services.delete_listing(actor(personas.boris), reference=BODY["reference"], reason="expired")
    listing = Listing.objects.get(reference=BODY["reference"])
    assert listing.signed_statement is None and listing.signature == ""

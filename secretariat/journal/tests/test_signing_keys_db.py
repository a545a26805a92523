"""The delegations' signing-key registry and signed submissions: services, API, verifier."""

from __future__ import annotations

import base64
import datetime as dt
import secrets
import threading
from typing import Any

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from django.db import transaction
from django.test import Client
from django.utils import timezone

from secretariat.core import signing
from secretariat.core.domain.errors import NotFound, NotPermitted, RuleViolation
from secretariat.core.domain.signing import canonical_statement
from secretariat.core.services import issue_api_token
from secretariat.core.testing import actor, journal_size
from secretariat.journal.models import JournalEntry, SigningKey, SubmissionNonce

pytestmark = pytest.mark.django_db

API = "/api/v1/journal/keys"


class KeyPair:
    def __init__(self) -> None:
        self.private = Ed25519PrivateKey.generate()
        self.public_b64 = base64.b64encode(self.private.public_key().public_bytes_raw()).decode()

    def sign(self, statement: dict[str, Any]) -> str:
        return base64.b64encode(self.private.sign(canonical_statement(statement))).decode()


def now_text(offset: dt.timedelta = dt.timedelta(0)) -> str:
    return (timezone.now() + offset).astimezone(dt.UTC).strftime("%Y-%m-%dT%H:%M:%S.%fZ")


def statement(state: str = "BY", **changes: Any) -> dict[str, Any]:
    return {
        "state": state,
        "nonce": secrets.token_urlsafe(16),
        "created_at": now_text(),
        "instrument": "cst-1992",
        "action": "ratification",
        "doc_sha256": "cd" * 32,
        **changes,
    }


def submit(
    state: str, signed: dict[str, Any], signature: str, key_id: str
) -> signing.VerifiedSubmission:
    with transaction.atomic():
        return signing.verify_signed_submission(state, signed, signature, key_id)


@pytest.fixture
def by_key(personas) -> tuple[KeyPair, SigningKey]:
    pair = KeyPair()
    key, _ = signing.register_key(
        actor(personas.boris), state="BY", public_key=pair.public_b64, label="BY treaty office"
    )
    return pair, key


def bearer(user: Any) -> dict[str, str]:
    raw = issue_api_token(actor(user), user=user, name="tests")
    return {"Authorization": f"Bearer {raw}"}


# --- the registry -------------------------------------------------------------------------------


def test_a_delegation_registers_its_own_key_and_the_registration_is_journaled(personas):
    pair = KeyPair()
    before = journal_size()

    key, outcome = signing.register_key(
        actor(personas.boris), state="BY", public_key=pair.public_b64, label="BY treaty office"
    )

    assert outcome == "created"
    assert key.status == "active"
    entry = JournalEntry.objects.order_by("-seq").first()
    assert journal_size() == before + 1
    assert entry is not None
    assert entry.action == "signing_key.registered"
    assert entry.subject == f"signing_key:{key.key_id}"
    assert pair.public_b64 in bytes(entry.entry_bytes).decode()


def test_registering_the_same_key_again_changes_nothing(personas, by_key):
    pair, key = by_key
    before = journal_size()

    again, outcome = signing.register_key(
        actor(personas.boris), state="BY", public_key=pair.public_b64, label="anything"
    )

    assert (again.pk, outcome) == (key.pk, "unchanged")
    assert journal_size() == before


def test_a_delegation_cannot_register_a_key_for_another_state(personas):
    before = (journal_size(), SigningKey.objects.count())

    with pytest.raises(NotFound):
        signing.register_key(
            actor(personas.anna), state="BY", public_key=KeyPair().public_b64, label="forged"
        )

    assert (journal_size(), SigningKey.objects.count()) == before


@pytest.mark.parametrize("who", ["sofia", "kair", "aud"])
def test_other_roles_cannot_register_a_delegation_key(personas, who):
    user = getattr(personas, who)
    with pytest.raises((NotFound, NotPermitted)):
        signing.register_key(
            actor(user), state="BY", public_key=KeyPair().public_b64, label="not theirs"
        )
    assert not SigningKey.objects.exists()


def test_rotation_replaces_the_key_and_is_journaled(personas, by_key):
    _, old = by_key
    new_pair = KeyPair()

    new = signing.rotate_key(
        actor(personas.boris), key_id=old.key_id, public_key=new_pair.public_b64, label="new"
    )

    old.refresh_from_db()
    assert old.status == "rotated"
    assert old.replaced_by == new.key_id
    assert new.replaces == old.key_id
    assert new.status == "active"
    assert JournalEntry.objects.order_by("-seq").first().action == "signing_key.rotated"  # type: ignore[union-attr]


def test_another_states_delegation_cannot_rotate_or_revoke_a_key(personas, by_key):
    _, key = by_key
    before = journal_size()

    with pytest.raises(NotFound):
        signing.rotate_key(
            actor(personas.anna), key_id=key.key_id, public_key=KeyPair().public_b64, label="x"
        )
    with pytest.raises(NotFound):
        signing.revoke_key(actor(personas.anna), key_id=key.key_id, reason="hostile")

    key.refresh_from_db()
    assert key.status == "active"
    assert journal_size() == before


def test_the_secretariat_may_revoke_a_key_with_a_reason_and_it_is_journaled(personas, by_key):
    _, key = by_key

    revoked, outcome = signing.revoke_key(
        actor(personas.sofia), key_id=key.key_id, reason="reported lost by the delegation"
    )

    assert outcome == "updated"
    assert revoked.status == "revoked"
    entry = JournalEntry.objects.order_by("-seq").first()
    assert entry is not None
    assert entry.action == "signing_key.revoked"
    assert signing.revoke_key(actor(personas.sofia), key_id=key.key_id, reason="again")[1] == (
        "unchanged"
    )


# --- the verifier -------------------------------------------------------------------------------


def test_a_signed_statement_is_accepted_once_and_its_nonce_kept(by_key):
    pair, key = by_key
    signed = statement()

    verified = submit("BY", signed, pair.sign(signed), key.key_id)

    assert verified.key_id == key.key_id
    assert SubmissionNonce.objects.filter(nonce=signed["nonce"], state="BY").exists()
    assert verified.journal_data()["signed_statement"]["nonce"] == signed["nonce"]


def test_a_replayed_statement_is_refused(by_key):
    pair, key = by_key
    signed = statement()
    submit("BY", signed, pair.sign(signed), key.key_id)

    with pytest.raises(signing.ReplayedSubmission):
        submit("BY", signed, pair.sign(signed), key.key_id)


def test_a_tampered_statement_is_refused(by_key):
    pair, key = by_key
    signed = statement()
    signature = pair.sign(signed)

    with pytest.raises(signing.SignatureRefused, match="does not match"):
        submit("BY", {**signed, "doc_sha256": "ce" * 32}, signature, key.key_id)
    assert not SubmissionNonce.objects.exists()


def test_a_key_of_another_state_is_refused(personas, by_key):
    am_pair = KeyPair()
    am_key, _ = signing.register_key(
        actor(personas.anna), state="AM", public_key=am_pair.public_b64, label="AM office"
    )
    signed = statement("BY")

    with pytest.raises(signing.SignatureRefused, match="not a registered key of BY"):
        submit("BY", signed, am_pair.sign(signed), am_key.key_id)


def test_a_statement_for_another_state_is_refused(by_key):
    pair, key = by_key
    signed = statement("AM")

    with pytest.raises(signing.SignatureRefused):
        submit("BY", signed, pair.sign(signed), key.key_id)


def test_a_revoked_key_is_refused_even_with_a_back_dated_statement(personas, by_key):
    pair, key = by_key
    SigningKey.objects.filter(pk=key.pk).update(valid_from=timezone.now() - dt.timedelta(days=1))
    back_dated = statement(created_at=now_text(-dt.timedelta(minutes=1)))
    signing.revoke_key(actor(personas.boris), key_id=key.key_id, reason="compromised")

    with pytest.raises(signing.SignatureRefused, match="revoked"):
        submit("BY", statement(), pair.sign(statement()), key.key_id)
    with pytest.raises(signing.SignatureRefused, match="revoked"):
        submit("BY", back_dated, pair.sign(back_dated), key.key_id)


def test_a_stale_or_future_statement_is_refused(by_key):
    pair, key = by_key
    for offset in (dt.timedelta(hours=-1), dt.timedelta(hours=1)):
        signed = statement(created_at=now_text(offset))
        with pytest.raises(signing.SignatureRefused, match=r"too old|future"):
            submit("BY", signed, pair.sign(signed), key.key_id)


def test_after_rotation_the_old_key_signs_nothing_new_but_its_past_statements_still_verify(
    personas, by_key
):
    pair, old = by_key
    signed_before = statement()
    submit("BY", signed_before, pair.sign(signed_before), old.key_id)
    new_pair = KeyPair()
    new = signing.rotate_key(
        actor(personas.boris), key_id=old.key_id, public_key=new_pair.public_b64, label="new"
    )

    with pytest.raises(signing.SignatureRefused):
        submit("BY", statement(), pair.sign(statement()), old.key_id)
    signing.check_signature("BY", signed_before, pair.sign(signed_before), old.key_id)
    fresh = statement()
    assert submit("BY", fresh, new_pair.sign(fresh), new.key_id).key_id == new.key_id


def test_the_verifier_refuses_to_run_outside_a_transaction(monkeypatch):
    class Outside:  # a connection outside any transaction, without paying for a committed test
        in_atomic_block = False

    monkeypatch.setattr(signing.transaction, "get_connection", lambda: Outside())
    with pytest.raises(RuntimeError, match="transaction"):
        signing.verify_signed_submission("BY", statement(), "", "0" * 32)


# --- the API ------------------------------------------------------------------------------------


def test_a_delegation_registers_rotates_and_revokes_its_key_over_the_api(personas):
    client = Client()
    headers = bearer(personas.boris)
    pair, new_pair = KeyPair(), KeyPair()

    created = client.post(
        API,
        {"state": "BY", "public_key": pair.public_b64, "label": "BY office"},
        content_type="application/json",
        headers=headers,
    )
    assert created.status_code == 201, created.content
    key_id = created.json()["key_id"]
    rotated = client.post(
        f"{API}/{key_id}/rotate",
        {"public_key": new_pair.public_b64, "label": "BY office, 2nd key"},
        content_type="application/json",
        headers=headers,
    )
    assert rotated.status_code == 201, rotated.content
    revoked = client.post(
        f"{API}/{rotated.json()['key_id']}/revoke",
        {"reason": "holder left"},
        content_type="application/json",
        headers=headers,
    )
    assert revoked.status_code == 200
    assert revoked.json()["status"] == "revoked"

    listed = {k["key_id"]: k["status"] for k in Client().get(f"{API}?state=BY").json()}
    assert listed == {key_id: "rotated", rotated.json()["key_id"]: "revoked"}
    assert Client().get(f"{API}/{key_id}").json()["replaced_by"] == rotated.json()["key_id"]


def test_a_delegation_naming_another_state_in_the_body_gets_404_and_nothing_is_stored(personas):
    before = journal_size()

    response = Client().post(
        API,
        {"state": "BY", "public_key": KeyPair().public_b64, "label": "forged"},
        content_type="application/json",
        headers=bearer(personas.anna),
    )

    assert response.status_code == 404
    assert not SigningKey.objects.exists()
    assert journal_size() == before + 1  # the token issued for the test, nothing else


def test_the_public_cannot_register_and_unknown_fields_are_refused(personas):
    body = {"state": "BY", "public_key": KeyPair().public_b64, "label": "x"}
    assert Client().post(API, body, content_type="application/json").status_code == 401
    extra = Client().post(
        API,
        {**body, "revoked_at": None},
        content_type="application/json",
        headers=bearer(personas.boris),
    )
    assert extra.status_code == 422
    assert not SigningKey.objects.exists()


def test_a_malformed_public_key_is_a_422(personas):
    response = Client().post(
        API,
        {"state": "BY", "public_key": "AAAA", "label": "x"},
        content_type="application/json",
        headers=bearer(personas.boris),
    )
    assert response.status_code == 422
    assert response.json()["field"] == "public_key"


def test_an_unknown_key_is_a_404():
    assert Client().get(f"{API}/{'0' * 32}").status_code == 404


@pytest.mark.parametrize(
    "path", [f"{API}/{'0' * 31}%00", f"{API}?state=B%00", f"{API}/not-a-key-id/revoke"]
)
def test_odd_identifiers_are_answered_without_touching_the_database_with_them(path):
    response = (
        Client().get(path)
        if "revoke" not in path
        else Client().post(path, {"reason": "x"}, content_type="application/json")
    )
    assert response.status_code in (200, 401, 404)
    if response.status_code == 200:
        assert response.json() == []


def test_control_characters_in_a_label_are_refused(personas):
    with pytest.raises(RuleViolation, match="control characters"):
        signing.register_key(
            actor(personas.boris), state="BY", public_key=KeyPair().public_b64, label="BY\x00"
        )


REPLAYERS = 6


def test_simultaneous_replays_are_accepted_exactly_once(transactional_db):
    from django.db import connection

    from secretariat.core.domain.actors import Actor
    from secretariat.members.services import record_state

    record_state(
        Actor.system("tests"), code="BY", iso3="BLR", name_en="Belarus", name_ru="Беларусь"
    )
    pair = KeyPair()
    key, _ = signing.register_key(
        Actor.system("tests"), state="BY", public_key=pair.public_b64, label="BY office"
    )
    signed = statement()
    signature = pair.sign(signed)
    barrier = threading.Barrier(REPLAYERS)
    outcomes: list[str] = []

    def replayer() -> None:
        try:
            barrier.wait()
            submit("BY", signed, signature, key.key_id)
            outcomes.append("accepted")
        except signing.ReplayedSubmission:
            outcomes.append("replay")
        except BaseException as exc:  # pragma: no cover - reported below
            outcomes.append(repr(exc))
        finally:
            connection.close()

    threads = [threading.Thread(target=replayer) for _ in range(REPLAYERS)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    assert sorted(outcomes) == ["accepted"] + ["replay"] * (REPLAYERS - 1)
    assert SubmissionNonce.objects.filter(nonce=signed["nonce"]).count() == 1


def test_a_replay_that_slips_past_the_first_check_is_stopped_by_the_unique_constraint(
    by_key, monkeypatch
):
    pair, key = by_key
    signed = statement()
    submit("BY", signed, pair.sign(signed), key.key_id)
    monkeypatch.setattr(signing, "_nonce_seen", lambda nonce: False)  # as if both raced

    with transaction.atomic():
        with pytest.raises(signing.ReplayedSubmission):
            signing.verify_signed_submission("BY", signed, pair.sign(signed), key.key_id)
        # The savepoint kept the surrounding transaction usable (PostgreSQL aborts it otherwise).
        assert SubmissionNonce.objects.filter(nonce=signed["nonce"]).count() == 1


# --- role x operation, as the access table (docs/access-table.json) states it ---------------------

KEY_0 = "MjB9eCwIAfAlLfCumldk8JJBXe/jGEcY4JOQoKokuts="
KEY_1 = "ONr7Qq30Mk9U7R71U6g0XJ46UFSSu2CHXPhBiLZDDk8="
KEY_2 = "gBUIigmayF4UBdVznIaEHggQXHJthdT/SMfuaBOfXTI="

MATRIX = [
    (
        "POST",
        API,
        {"state": "BY", "public_key": KEY_1, "label": "BY treaty office"},
        {"public": 401, "sofia": 403, "boris": 201, "anna": 404, "kair": 404, "aud": 403},
    ),
    (
        "POST",
        API + "/{key_BY}/rotate",
        {"public_key": KEY_2, "label": "BY treaty office, new key"},
        {"public": 401, "sofia": 403, "boris": 201, "anna": 404, "kair": 404, "aud": 403},
    ),
    (
        "POST",
        API + "/{key_BY}/revoke",
        {"reason": "the holder left"},
        {"public": 401, "sofia": 200, "boris": 200, "anna": 404, "kair": 404, "aud": 403},
    ),
]


PERSONAS = ["public", "sofia", "boris", "anna", "kair", "aud"]


def client_as(personas: Any, persona: str) -> Client:
    client = Client()
    if persona != "public":
        client.force_login(getattr(personas, persona))
    return client


@pytest.mark.parametrize(("method", "path", "body", "expect"), MATRIX)
def test_each_role_gets_what_the_access_table_says(personas, method, path, body, expect):
    key, _ = signing.register_key(
        actor(personas.boris), state="BY", public_key=KEY_0, label="BY treaty office"
    )
    got = {}
    for persona in PERSONAS:
        with transaction.atomic():  # each persona starts from the same registry
            before = (journal_size(), list(SigningKey.objects.values_list("key_id", "revoked_at")))
            response = client_as(personas, persona).post(
                path.format(key_BY=key.key_id), body, content_type="application/json"
            )
            after = (journal_size(), list(SigningKey.objects.values_list("key_id", "revoked_at")))
            got[persona] = response.status_code
            if response.status_code >= 400:
                assert after == before, f"a refused {persona} changed something"
            else:
                assert after[0] > before[0], f"{persona}'s accepted write was not journaled"
            transaction.set_rollback(True)

    assert got == expect


def test_checkpoints_proofs_and_keys_are_public(personas, settings, tmp_path):
    settings.JOURNAL_SIGNING_KEY_FILE = str(tmp_path / "log.key")
    key, _ = signing.register_key(
        actor(personas.boris), state="BY", public_key=KEY_0, label="BY treaty office"
    )
    paths = [
        "/api/v1/journal/checkpoint",
        "/api/v1/journal/checkpoint/key",
        "/api/v1/journal/proof/inclusion?seq=1",
        "/api/v1/journal/proof/consistency?first=1",
        f"{API}?state=BY",
        f"{API}/{key.key_id}",
    ]
    for persona in PERSONAS:
        client = client_as(personas, persona)
        assert {path: client.get(path).status_code for path in paths} == dict.fromkeys(paths, 200)

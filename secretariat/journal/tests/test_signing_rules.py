"""Signed statements: secretariat.core.domain.signing (pure, no Django)."""

from __future__ import annotations

import base64
import datetime as dt

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from hypothesis import given, settings
from hypothesis import strategies as st

from secretariat.core.domain.errors import RuleViolation
from secretariat.core.domain.signing import (
    KeyPeriod,
    canonical_statement,
    decode_public_key,
    freshness_problem,
    key_id_of,
    read_statement,
    signature_holds,
)

T0 = dt.datetime(2026, 11, 28, 12, 0, tzinfo=dt.UTC)


def new_key() -> tuple[Ed25519PrivateKey, bytes]:
    private = Ed25519PrivateKey.generate()
    return private, private.public_key().public_bytes_raw()


def sign(private: Ed25519PrivateKey, statement: dict) -> str:
    return base64.b64encode(private.sign(canonical_statement(statement))).decode()


def statement(**changes) -> dict:
    base = {
        "state": "BY",
        "nonce": "b2c3d4e5f6a7b8c9d0e1f2a3",
        "created_at": "2026-11-28T12:00:00Z",
        "instrument": "cst-1992",
        "action": "ratification",
        "doc_sha256": "ab" * 32,
    }
    return {**base, **changes}


def test_the_rfc_8032_first_test_vector():
    secret = bytes.fromhex("9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60")
    private = Ed25519PrivateKey.from_private_bytes(secret)

    assert private.public_key().public_bytes_raw().hex() == (
        "d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a"
    )
    assert private.sign(b"").hex() == (
        "e5564300c360ac729086e2cc806e828a84877f1eb8e5d974d873e065224901555f"
        "b8821590a33bacc61e39701cf9b46bd25bf5f0595bbe24655141438e7a100b"
    )


def test_the_signed_bytes_are_canonical_whatever_the_key_order():
    private, public = new_key()
    signed = statement()
    reordered = dict(reversed(list(signed.items())))

    assert canonical_statement(reordered) == canonical_statement(signed)
    assert signature_holds(public, reordered, sign(private, signed))


def test_a_signature_holds_only_for_its_statement_and_its_key():
    private, public = new_key()
    _, other_public = new_key()
    signature = sign(private, statement())

    assert signature_holds(public, statement(), signature)
    assert not signature_holds(public, statement(action="withdrawal"), signature)
    assert not signature_holds(other_public, statement(), signature)
    assert not signature_holds(public, statement(), "not base64!")
    assert not signature_holds(public, statement(), base64.b64encode(b"short").decode())


@settings(max_examples=100, deadline=None)
@given(data=st.data())
def test_any_changed_byte_of_the_signed_document_is_detected(data):
    private, public = new_key()
    signed = statement()
    signature = sign(private, signed)
    field = data.draw(st.sampled_from(sorted(signed)), label="field")
    value = str(signed[field])
    position = data.draw(st.integers(min_value=0, max_value=len(value) - 1), label="position")
    replacement = data.draw(
        st.characters(codec="ascii").filter(lambda c: c != value[position]), label="char"
    )
    tampered = {**signed, field: value[:position] + replacement + value[position + 1 :]}

    assert not signature_holds(public, tampered, signature)


@settings(max_examples=50, deadline=None)
@given(bit=st.integers(min_value=0, max_value=511))
def test_any_flipped_bit_of_the_signature_is_detected(bit):
    private, public = new_key()
    raw = bytearray(base64.b64decode(sign(private, statement())))
    raw[bit // 8] ^= 1 << (bit % 8)

    assert not signature_holds(public, statement(), base64.b64encode(bytes(raw)).decode())


def test_a_statement_names_the_submitting_state_a_nonce_and_a_utc_time():
    facts = read_statement(statement(), state="BY", key_id="k")

    assert facts.state == "BY"
    assert facts.created_at == T0


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"state": "AM"}, "statement"),
        ({"key_id": "another"}, "key_id"),
        ({"nonce": "short"}, "nonce"),
        ({"nonce": "has spaces in it, sixteen+"}, "nonce"),
        ({"nonce": 12345678901234567890}, "nonce"),
        ({"created_at": "2026-11-28T12:00:00+03:00"}, "created_at"),
        ({"created_at": "yesterday"}, "created_at"),
    ],
)
def test_a_statement_with_a_wrong_field_is_refused(changes, field):
    with pytest.raises(RuleViolation) as refused:
        read_statement(statement(**changes), state="BY", key_id="k")
    assert refused.value.field == field


def test_a_statement_without_its_required_fields_is_refused():
    incomplete = statement()
    del incomplete["nonce"]
    with pytest.raises(RuleViolation, match="lacks nonce"):
        read_statement(incomplete, state="BY", key_id="k")


def test_public_keys_are_32_bytes_of_base64_and_have_a_stable_id():
    _, public = new_key()
    encoded = base64.b64encode(public).decode()

    assert decode_public_key(encoded) == public
    assert key_id_of(public) == key_id_of(decode_public_key(encoded))
    assert len(key_id_of(public)) == 32
    for bad in ["", "not base64!", base64.b64encode(b"x" * 31).decode()]:
        with pytest.raises(RuleViolation):
            decode_public_key(bad)


def test_a_key_signs_from_registration_until_rotated_or_revoked():
    hour = dt.timedelta(hours=1)
    rotated = KeyPeriod("BY", T0, T0 + hour, None)
    revoked = KeyPeriod("BY", T0, None, T0 + 2 * hour)

    assert rotated.problem_at(T0 - hour) is not None
    assert rotated.problem_at(T0) is None
    assert rotated.problem_at(T0 + hour) is not None
    assert revoked.problem_at(T0 + hour) is None
    assert "revoked" in (revoked.problem_at(T0 + 2 * hour) or "")


def test_only_fresh_statements_are_taken():
    limits = {"max_age": dt.timedelta(minutes=15), "max_ahead": dt.timedelta(minutes=5)}

    assert freshness_problem(T0, T0 + dt.timedelta(minutes=10), **limits) is None
    assert freshness_problem(T0, T0 + dt.timedelta(minutes=16), **limits) is not None
    assert freshness_problem(T0 + dt.timedelta(minutes=6), T0, **limits) is not None

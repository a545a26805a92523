"""Signed statements of delegations, in pure Python: the canonical bytes, the key, the checks.

A delegation signs a *statement*: a JSON object describing its submission (an instrument, a
listing, …) that always carries

    state       the submitting state's code (e.g. "BY")
    nonce       16 to 128 characters of [A-Za-z0-9_-], never used before (e.g. 128 random bits)
    created_at  when it was signed, RFC 3339 in UTC ("2026-11-28T19:30:00Z")

and, recommended, `key_id`. The signed bytes are the statement's RFC 8785 canonical JSON; the
signature is Ed25519 (RFC 8032), sent base64-encoded beside the statement. The functions here
decide whether a signature, a key and a time fit together; storage (the key registry, the nonces
already seen) is `secretariat.core.signing`'s job.
"""

from __future__ import annotations

import base64
import binascii
import datetime as dt
import hashlib
import re
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

import rfc8785
from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey

from secretariat.core.domain.errors import RuleViolation

NONCE_PATTERN = re.compile(r"[A-Za-z0-9_-]{16,128}")
PUBLIC_KEY_SIZE = 32
SIGNATURE_SIZE = 64
REQUIRED_FIELDS = ("state", "nonce", "created_at")


def canonical_statement(statement: Mapping[str, Any]) -> bytes:
    """The bytes that are signed: RFC 8785 (JCS) canonical JSON of the statement."""
    try:
        return rfc8785.dumps(dict(statement))
    except Exception as exc:  # rfc8785 refuses floats it cannot represent, lone surrogates, …
        raise RuleViolation(
            f"the statement cannot be written as canonical JSON: {exc}", field="statement"
        ) from None


def statement_digest(statement: Mapping[str, Any]) -> str:
    """SHA-256 of the canonical bytes, hex: what a journal entry keeps to name the statement."""
    return hashlib.sha256(canonical_statement(statement)).hexdigest()


def decode_public_key(encoded: str) -> bytes:
    raw = _b64(encoded, "public_key")
    if len(raw) != PUBLIC_KEY_SIZE:
        raise RuleViolation("an Ed25519 public key is 32 bytes (base64)", field="public_key")
    try:
        Ed25519PublicKey.from_public_bytes(raw)
    except ValueError:
        raise RuleViolation("not an Ed25519 public key", field="public_key") from None
    return raw


def key_id_of(public_key: bytes) -> str:
    """A key's identifier: the first 16 bytes of SHA-256 of the raw public key, in hex."""
    return hashlib.sha256(public_key).hexdigest()[:32]


def _b64(encoded: str, field: str) -> bytes:
    if not isinstance(encoded, str):
        raise RuleViolation(f"{field} must be a base64 string", field=field)
    try:
        return base64.b64decode(encoded.encode("ascii"), validate=True)
    except (binascii.Error, UnicodeEncodeError):
        raise RuleViolation(f"{field} is not valid base64", field=field) from None


def parse_time(value: object, field: str = "created_at") -> dt.datetime:
    if isinstance(value, str) and value.endswith("Z"):
        try:
            parsed = dt.datetime.fromisoformat(value[:-1] + "+00:00")
        except ValueError:
            pass
        else:
            return parsed.astimezone(dt.UTC)
    raise RuleViolation(
        f"{field} must be an RFC 3339 time in UTC ending in Z; got {value!r}", field=field
    )


@dataclass(frozen=True)
class StatementFacts:
    state: str
    nonce: str
    created_at: dt.datetime


def read_statement(statement: Mapping[str, Any], *, state: str, key_id: str) -> StatementFacts:
    """Check the fields every statement carries against who submits it and with which key."""
    if not isinstance(statement, Mapping):
        raise RuleViolation("the statement must be a JSON object", field="statement")
    missing = [name for name in REQUIRED_FIELDS if name not in statement]
    if missing:
        raise RuleViolation(f"the statement lacks {', '.join(missing)}", field="statement")
    if statement["state"] != state:
        raise RuleViolation(
            f"the statement is made for {statement['state']!r}, not for {state}", field="statement"
        )
    if "key_id" in statement and statement["key_id"] != key_id:
        raise RuleViolation("the statement names another key than the one given", field="key_id")
    nonce = statement["nonce"]
    if not isinstance(nonce, str) or not NONCE_PATTERN.fullmatch(nonce):
        raise RuleViolation(
            "the nonce must be 16 to 128 characters of A-Z, a-z, 0-9, '_' or '-'", field="nonce"
        )
    return StatementFacts(state, nonce, parse_time(statement["created_at"]))


def signature_holds(public_key: bytes, statement: Mapping[str, Any], signature_b64: str) -> bool:
    """Is `signature_b64` the Ed25519 signature of the statement's canonical bytes?"""
    try:
        signature = _b64(signature_b64, "signature")
    except RuleViolation:
        return False
    if len(signature) != SIGNATURE_SIZE:
        return False
    try:
        Ed25519PublicKey.from_public_bytes(public_key).verify(
            signature, canonical_statement(statement)
        )
    except (InvalidSignature, ValueError):
        return False
    return True


@dataclass(frozen=True)
class KeyPeriod:
    """When a registered key may sign: from registration until rotated away or revoked."""

    state: str
    valid_from: dt.datetime
    valid_until: dt.datetime | None  # set when the key was rotated
    revoked_at: dt.datetime | None

    def problem_at(self, moment: dt.datetime) -> str | None:
        """Why the key could not sign at `moment`, or None when it could."""
        if moment < self.valid_from:
            return "the key was not yet registered when the statement was made"
        if self.revoked_at is not None and moment >= self.revoked_at:
            return "the key is revoked"
        if self.valid_until is not None and moment >= self.valid_until:
            return "the key was replaced (rotated) before the statement was made"
        return None


def freshness_problem(
    created_at: dt.datetime, now: dt.datetime, *, max_age: dt.timedelta, max_ahead: dt.timedelta
) -> str | None:
    """A statement is taken only near the time it was signed (so that a nonce store of bounded
    age suffices, and a revoked key cannot sign with a back-dated time)."""
    if created_at > now + max_ahead:
        return "the statement is dated in the future"
    if created_at < now - max_age:
        return "the statement is too old; sign it again with a fresh time and nonce"
    return None

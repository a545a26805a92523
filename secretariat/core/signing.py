"""Delegations' signing keys and signed submissions: the registry's writers and the verifier.

Use `verify_signed_submission(state, statement, signature_b64, key_id)` inside the service that
accepts a delegation's signed submission (an instrument, a listing …), in that service's
transaction: it refuses a tampered statement, a key of another state, a revoked or rotated key,
a stale statement and a replayed one, and records the nonce so that the same statement is never
accepted twice. Put `VerifiedSubmission.journal_data()` into the submission's journal entry.

`register_key`, `rotate_key` and `revoke_key` keep the per-delegation key registry (models in
`secretariat.journal.models`); each change is journaled with the public key, so the registry's
whole history can be rebuilt, and old signatures checked, from the journal alone.
See docs/signing.md.
"""

from __future__ import annotations

import base64
import datetime as dt
import hashlib
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any, Literal

import rfc8785
from django.conf import settings
from django.db import IntegrityError, transaction
from django.db.models import QuerySet
from django.utils import timezone

from secretariat.core import registry
from secretariat.core.domain import permissions as permission_table
from secretariat.core.domain.actors import Actor
from secretariat.core.domain.errors import NotFound, NotPermitted, RuleViolation
from secretariat.core.domain.scopes import Scope
from secretariat.core.domain.signing import (
    KeyPeriod,
    StatementFacts,
    decode_public_key,
    freshness_problem,
    key_id_of,
    read_statement,
    signature_holds,
    statement_digest,
)
from secretariat.core.permissions import require
from secretariat.journal.domain.policy import POLICY as KEY_POLICY
from secretariat.journal.models import SigningKey, SubmissionNonce
from secretariat.journal.services import format_time
from secretariat.journal.services import record as journal

Outcome = Literal["created", "updated", "unchanged"]

DEFAULT_MAX_AGE = dt.timedelta(minutes=15)
DEFAULT_MAX_AHEAD = dt.timedelta(minutes=5)


class SignatureRefused(RuleViolation):
    """A signed submission that must not be accepted (answered 422 by the API)."""


class ReplayedSubmission(SignatureRefused):
    """The statement's nonce was already used: the same submission sent again."""


def _require(actor: Actor, action: str, state: str | None) -> None:
    """The permission funnel, also before the key rows are merged into the core table.

    Once `KEY_POLICY` is part of `secretariat.core.domain.permissions.POLICY`, this is exactly
    `require`; until then it applies the same rules to the journal app's own rows.
    """
    if action in permission_table.POLICY:
        require(actor, action, state)
        return
    scope = KEY_POLICY[action].get(actor.role)
    if scope is Scope.ANY or (scope is Scope.OWN and state is not None and state == actor.state):
        return
    if actor.role.is_national and state is not None and state != actor.state:
        raise NotFound("No such record.")
    raise NotPermitted(f"{actor.role.value} may not perform {action}.")


def _known_state(code: str) -> None:
    if not registry.state_exists(code):
        raise RuleViolation(f"unknown state code {code!r}", field="state")


def _key_data(key: SigningKey) -> dict[str, Any]:
    return {
        "key_id": key.key_id,
        "state": key.state,
        "public_key": key.public_key,
        "label": key.label,
        "valid_from": format_time(key.valid_from),
        "replaces": key.replaces or None,
    }


def _plain_text(value: str, field: str) -> str:
    """One line of printable text (control characters are refused, not stored or logged)."""
    if any(ord(c) < 0x20 or 0x7F <= ord(c) < 0xA0 for c in value.replace("\n", " ")):
        raise RuleViolation(f"{field} may not contain control characters", field=field)
    return " ".join(value.split())


def _valid_key_id(key_id: str) -> bool:
    return len(key_id) == 32 and all(c in "0123456789abcdef" for c in key_id)


def _clean_label(label: str) -> str:
    cleaned = _plain_text(label, "label")
    if not cleaned:
        raise RuleViolation("say whose key this is (a label)", field="label")
    if len(cleaned) > 200:
        raise RuleViolation("the label is at most 200 characters", field="label")
    return cleaned


def _new_key(
    actor: Actor, state: str, public_key: str, label: str, replaces: str = ""
) -> SigningKey:
    raw = decode_public_key(public_key)
    encoded = base64.b64encode(raw).decode()
    if SigningKey.objects.filter(public_key=encoded).exists():
        raise RuleViolation("this public key is already registered", field="public_key")
    return SigningKey.objects.create(
        key_id=key_id_of(raw),
        state=state,
        public_key=encoded,
        label=_clean_label(label),
        valid_from=timezone.now(),
        replaces=replaces,
        registered_by=actor.username or "",
    )


@transaction.atomic
def register_key(
    actor: Actor, *, state: str, public_key: str, label: str
) -> tuple[SigningKey, Outcome]:
    """Register a new signing key of `state`'s delegation; the same key again changes nothing."""
    _require(actor, "journal.register_key", state)
    if not (len(state) == 2 and state.isascii() and state.isalpha() and state.isupper()):
        raise RuleViolation(f"unknown state code {state!r}", field="state")
    _known_state(state)
    raw = decode_public_key(public_key)
    existing = SigningKey.objects.select_for_update().filter(key_id=key_id_of(raw)).first()
    if existing is not None:
        if existing.state != state:
            raise RuleViolation("this public key is already registered", field="public_key")
        return existing, "unchanged"
    key = _new_key(actor, state, public_key, label)
    journal(
        actor=actor,
        action="signing_key.registered",
        subject=f"signing_key:{key.key_id}",
        data=_key_data(key),
    )
    return key, "created"


def _key_for_change(actor: Actor, action: str, key_id: str) -> SigningKey:
    if not _valid_key_id(key_id):
        raise NotFound("No such record.")
    key = SigningKey.objects.select_for_update().filter(key_id=key_id).first()
    if key is None:
        raise NotFound("No such record.")
    _require(actor, action, key.state)
    return key


@transaction.atomic
def rotate_key(actor: Actor, *, key_id: str, public_key: str, label: str) -> SigningKey:
    """Replace an active key by a new one: the old key signs nothing from now on, but statements
    it signed before stay verifiable."""
    old = _key_for_change(actor, "journal.rotate_key", key_id)
    if old.status != "active":
        raise RuleViolation(f"key {key_id} is {old.status}; only an active key is rotated")
    new = _new_key(actor, old.state, public_key, label, replaces=old.key_id)
    old.valid_until = new.valid_from
    old.replaced_by = new.key_id
    old.save(update_fields=["valid_until", "replaced_by"])
    journal(
        actor=actor,
        action="signing_key.rotated",
        subject=f"signing_key:{new.key_id}",
        data={**_key_data(new), "old_key_valid_until": format_time(new.valid_from)},
    )
    return new


@transaction.atomic
def revoke_key(actor: Actor, *, key_id: str, reason: str) -> tuple[SigningKey, Outcome]:
    """Revoke a key (lost, compromised, its holder gone): from now on it signs nothing."""
    key = _key_for_change(actor, "journal.revoke_key", key_id)
    reason = _plain_text(reason, "reason")
    if not reason:
        raise RuleViolation("say why the key is revoked", field="reason")
    if len(reason) > 500:
        raise RuleViolation("the reason is at most 500 characters", field="reason")
    if key.revoked_at is not None:
        return key, "unchanged"
    key.revoked_at = timezone.now()
    key.revocation_reason = reason
    key.save(update_fields=["revoked_at", "revocation_reason"])
    journal(
        actor=actor,
        action="signing_key.revoked",
        subject=f"signing_key:{key.key_id}",
        data={
            "key_id": key.key_id,
            "state": key.state,
            "revoked_at": format_time(key.revoked_at),
            "reason": reason,
        },
    )
    return key, "updated"


# --- reading ------------------------------------------------------------------------------------


def signing_keys(state: str | None = None) -> QuerySet[SigningKey]:
    """Registered keys, public: anyone may need them to check a signed statement."""
    rows = SigningKey.objects.all()
    if state is None:
        return rows
    if not (len(state) == 2 and state.isascii() and state.isalpha()):
        return rows.none()
    return rows.filter(state=state)


def signing_key(key_id: str) -> SigningKey:
    key = SigningKey.objects.filter(key_id=key_id).first() if _valid_key_id(key_id) else None
    if key is None:
        raise NotFound("No such record.")
    return key


# --- verifying ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class VerifiedSubmission:
    state: str
    key_id: str
    nonce: str
    created_at: dt.datetime
    statement_sha256: str
    signature: str

    def journal_data(self) -> dict[str, Any]:
        """What the accepting service's journal entry should carry about the signature."""
        return {
            "signed_statement": {
                "key_id": self.key_id,
                "nonce": self.nonce,
                "created_at": format_time(self.created_at),
                "statement_sha256": self.statement_sha256,
                "signature": self.signature,
            }
        }


def _period(key: SigningKey) -> KeyPeriod:
    return KeyPeriod(key.state, key.valid_from, key.valid_until, key.revoked_at)


def _read(statement: Mapping[str, Any], state: str, key_id: str) -> StatementFacts:
    try:
        return read_statement(statement, state=state, key_id=key_id)
    except SignatureRefused:
        raise
    except RuleViolation as exc:
        raise SignatureRefused(exc.message, field=exc.field) from None


def check_signature(
    state: str, statement: Mapping[str, Any], signature_b64: str, key_id: str
) -> tuple[SigningKey, dt.datetime, str]:
    """Everything but freshness and the nonce: would this have been a valid signature when it was
    made? Use it on its own to re-check a statement accepted long ago (historic validity)."""
    facts = _read(statement, state, key_id)
    key = SigningKey.objects.filter(key_id=key_id).first() if _valid_key_id(key_id) else None
    if key is None or key.state != state:
        # Whether the key exists for another state is not the submitter's business.
        raise SignatureRefused(f"key {key_id} is not a registered key of {state}", field="key_id")
    problem = _period(key).problem_at(facts.created_at)
    if problem is not None:
        raise SignatureRefused(problem, field="key_id")
    if not signature_holds(base64.b64decode(key.public_key), statement, signature_b64):
        raise SignatureRefused(
            "the signature does not match the statement: it was altered or signed with another key",
            field="signature",
        )
    return key, facts.created_at, facts.nonce


def _nonce_seen(nonce: str) -> bool:
    return SubmissionNonce.objects.filter(nonce=nonce).exists()


def verify_signed_submission(
    state: str, statement: Mapping[str, Any], signature_b64: str, key_id: str
) -> VerifiedSubmission:
    """Accept a signed statement from `state`'s delegation once, or raise SignatureRefused.

    Must run inside the accepting service's transaction: the nonce is stored with the submission,
    so a rolled-back submission can be sent again, and an accepted one never.
    """
    if not transaction.get_connection().in_atomic_block:
        raise RuntimeError("verify_signed_submission must run inside the service's transaction")
    now = timezone.now()
    stale = freshness_problem(
        _read(statement, state, key_id).created_at,
        now,
        max_age=getattr(settings, "SIGNED_STATEMENT_MAX_AGE", DEFAULT_MAX_AGE),
        max_ahead=getattr(settings, "SIGNED_STATEMENT_MAX_AHEAD", DEFAULT_MAX_AHEAD),
    )
    if stale is not None:
        raise SignatureRefused(stale, field="created_at")
    key, created_at, nonce = check_signature(state, statement, signature_b64, key_id)
    if key.status != "active":
        # Also catches a statement back-dated to before the revocation or rotation.
        raise SignatureRefused(f"the key is {key.status}; it signs nothing new", field="key_id")
    digest = statement_digest(statement)
    if _nonce_seen(nonce):
        raise ReplayedSubmission("this statement was already submitted (its nonce is used)")
    try:
        with transaction.atomic():  # a savepoint: a lost race leaves the outer transaction usable
            SubmissionNonce.objects.create(
                nonce=nonce,
                state=state,
                key_id=key.key_id,
                statement_sha256=digest,
                created_at=created_at,
                accepted_at=now,
            )
    except IntegrityError:
        raise ReplayedSubmission(
            "this statement was already submitted (its nonce is used)"
        ) from None
    return VerifiedSubmission(state, key.key_id, nonce, created_at, digest, signature_b64)


def content_digest(content: Mapping[str, Any]) -> str:
    """SHA-256 (hex) of the RFC 8785 bytes of a submitted body: what a statement names as
    `content_sha256` when the body itself must not be in the statement (personal data)."""
    return hashlib.sha256(rfc8785.dumps(dict(content))).hexdigest()


def verify_submission_statement(
    state: str, signed: Mapping[str, Any], describes: Mapping[str, Any]
) -> VerifiedSubmission:
    """`verify_signed_submission` for a service's `signed` argument (statement, signature,
    key_id), then check that the statement names exactly this submission: every key of
    `describes` must hold the same value in the statement. Refusals are RuleViolations on
    the field "signed"; nothing is accepted when one is raised."""
    statement = signed.get("statement")
    if not isinstance(statement, Mapping):
        raise RuleViolation("the signed statement must be a JSON object", field="signed")
    verified = verify_signed_submission(
        state, statement, str(signed.get("signature", "")), str(signed.get("key_id", ""))
    )
    differing = sorted(key for key, value in describes.items() if statement.get(key) != value)
    if differing:
        raise RuleViolation(
            "the signed statement does not describe this submission "
            f"(it differs in {', '.join(differing)})",
            field="signed",
        )
    return verified

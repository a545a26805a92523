"""The journal's hash chain, in pure Python: how an entry is serialized, hashed and verified.

An entry's bytes are the RFC 8785 canonical JSON of its whole content, the previous entry's hash
included; its hash is SHA-256(0x00 || bytes), the leaf hash of RFC 6962, so the same entries can
later feed a Merkle tree. Verification needs nothing but the rows: anyone holding a copy can run it.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

import rfc8785

GENESIS_HASH = "0" * 64
LEAF_PREFIX = b"\x00"


def canonical_bytes(document: Mapping[str, Any]) -> bytes:
    return rfc8785.dumps(dict(document))


def leaf_hash(entry_bytes: bytes) -> str:
    return hashlib.sha256(LEAF_PREFIX + entry_bytes).hexdigest()


def entry_document(
    *,
    seq: int,
    time: str,
    actor: Mapping[str, Any],
    action: str,
    subject: str,
    data: Mapping[str, Any],
    prev_hash: str,
) -> dict[str, Any]:
    """The content that is hashed: every column of the entry except its own hash."""
    return {
        "seq": seq,
        "time": time,
        "actor": dict(actor),
        "action": action,
        "subject": subject,
        "data": dict(data),
        "prev": prev_hash,
    }


@dataclass(frozen=True)
class StoredEntry:
    """An entry as read back from storage: the columns and the bytes, which must agree."""

    seq: int
    time: str
    actor: Mapping[str, Any]
    action: str
    subject: str
    entry_bytes: bytes
    prev_hash: str
    entry_hash: str


@dataclass(frozen=True)
class VerificationResult:
    ok: bool
    entries_checked: int
    head_hash: str
    first_bad_seq: int | None = None
    problem: str | None = None


def verify_chain(entries: Iterable[StoredEntry]) -> VerificationResult:
    """Recompute the chain from the first entry and stop at the first entry that does not hold.

    Catches: a changed byte (hash mismatch), a changed column (columns differ from the hashed
    bytes), a removed or inserted row (sequence gap or broken link), and reordered rows.
    """
    expected_seq = 1
    previous = GENESIS_HASH
    checked = 0
    for entry in entries:
        problem = _first_problem(entry, expected_seq, previous)
        if problem is not None:
            return VerificationResult(False, checked, previous, entry.seq, problem)
        previous = entry.entry_hash
        expected_seq += 1
        checked += 1
    return VerificationResult(True, checked, previous)


def _first_problem(entry: StoredEntry, expected_seq: int, previous: str) -> str | None:
    if entry.seq != expected_seq:
        return f"sequence number {entry.seq} found where {expected_seq} was expected"
    if leaf_hash(entry.entry_bytes) != entry.entry_hash:
        return "stored hash does not match the entry's bytes"
    if entry.prev_hash != previous:
        return "previous-hash column does not match the preceding entry"
    try:
        document = json.loads(entry.entry_bytes)
    except ValueError:
        return "entry bytes are not valid JSON"
    if not isinstance(document, dict):
        return "entry bytes are not a JSON object"
    try:
        canonical = canonical_bytes(document)
    except Exception:  # rfc8785 refuses NaN, huge numbers, lone surrogates: a forged entry
        return "entry bytes hold values canonical JSON cannot represent"
    if canonical != entry.entry_bytes:
        return "entry bytes are not in canonical (RFC 8785) form"
    expected = {
        "seq": entry.seq,
        "time": entry.time,
        "actor": dict(entry.actor),
        "action": entry.action,
        "subject": entry.subject,
        "prev": entry.prev_hash,
    }
    for key, value in expected.items():
        if document.get(key) != value:
            return f"column {key!r} differs from the hashed entry"
    return None

"""Journal API: the head, the signed checkpoint and Merkle proofs are public (anyone can pin and
check them); entries are for auditors and staff; delegations keep their signing keys here."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.http import HttpRequest, HttpResponse
from ninja import Query, Router, Schema, Status
from pydantic import Field

from secretariat.api.auth import SIGNED_IN, actor_of
from secretariat.api.types import StrictIn
from secretariat.core import signing
from secretariat.journal.checkpoints import (
    current_checkpoint,
    log_verifier,
    prove_consistency,
    prove_inclusion,
)
from secretariat.journal.models import SigningKey
from secretariat.journal.selectors import (
    entry_data,
    journal_entries_for,
    journal_head,
    verify_journal,
)

router = Router(tags=["journal"])


class HeadOut(Schema):
    size: int
    head_hash: str
    last_recorded_at: str | None


class EntryOut(Schema):
    seq: int
    recorded_at: str
    action: str
    subject: str
    actor: dict[str, Any]
    data: dict[str, Any]
    prev_hash: str
    entry_hash: str
    entry_bytes: str


class EntryPage(Schema):
    count: int
    entries: list[EntryOut]


class EntryFilter(Schema):
    after: int = 0
    limit: int = 100


class VerifyOut(Schema):
    ok: bool
    entries_checked: int
    head_hash: str
    first_bad_seq: int | None
    problem: str | None


@router.get("/head", response=HeadOut, summary="Number of entries and the head hash (public)")
def head(request: HttpRequest) -> Any:
    return journal_head().__dict__


@router.get(
    "/entries",
    response=EntryPage,
    summary="Journal entries in order (auditors, secretariat)",
    auth=SIGNED_IN,
)
def entries(request: HttpRequest, filters: Query[EntryFilter]) -> Any:
    actor = actor_of(request)
    limit = max(1, min(filters.limit, 1000))
    rows = journal_entries_for(actor)
    page = list(rows.filter(seq__gt=max(filters.after, 0))[:limit])
    out = []
    for row in page:
        document = entry_data(row)
        out.append(
            {
                "seq": row.seq,
                "recorded_at": document["time"],
                "action": row.action,
                "subject": row.subject,
                "actor": document["actor"],
                "data": document["data"],
                "prev_hash": row.prev_hash,
                "entry_hash": row.entry_hash,
                "entry_bytes": bytes(row.entry_bytes).decode("utf-8"),
            }
        )
    return {"count": rows.count(), "entries": out}


@router.get("/verify", response=VerifyOut, summary="Recompute the whole chain now (public)")
def verify(request: HttpRequest) -> Any:
    return verify_journal().__dict__


# --- checkpoints and proofs ---------------------------------------------------------------------

_TEXT = {"content": {"text/plain": {"schema": {"type": "string"}}}}


@router.get(
    "/checkpoint",
    summary="The signed checkpoint (C2SP tlog-checkpoint) of the journal now (public)",
    response={200: None},
    openapi_extra={"responses": {200: {"description": "a signed note", **_TEXT}}},
)
def checkpoint(request: HttpRequest) -> HttpResponse:
    return HttpResponse(current_checkpoint(), content_type="text/plain; charset=utf-8")


@router.get(
    "/checkpoint/key",
    summary="The log's verifier key, to check checkpoints with (public)",
    response={200: None},
    openapi_extra={"responses": {200: {"description": "a note verifier key", **_TEXT}}},
)
def checkpoint_key(request: HttpRequest) -> HttpResponse:
    return HttpResponse(log_verifier().vkey + "\n", content_type="text/plain; charset=utf-8")


class InclusionQuery(Schema):
    seq: int = Field(ge=1, description="the entry's sequence number (leaf index + 1)")
    size: int | None = Field(None, ge=1, description="tree size; default: the journal now")


class InclusionOut(Schema):
    seq: int
    leaf_index: int
    tree_size: int
    leaf_hash: str
    root_hash: str
    proof: list[str]


class ConsistencyQuery(Schema):
    first: int = Field(ge=0, description="the smaller tree size")
    second: int | None = Field(None, ge=0, description="the larger; default: the journal now")


class ConsistencyOut(Schema):
    first: int
    second: int
    first_root: str
    second_root: str
    proof: list[str]


@router.get(
    "/proof/inclusion",
    response=InclusionOut,
    summary="Merkle audit path of an entry in the tree of a size (public; hashes in hex)",
)
def proof_inclusion(request: HttpRequest, query: Query[InclusionQuery]) -> Any:
    found = prove_inclusion(query.seq, query.size)
    return {
        "seq": found.seq,
        "leaf_index": found.seq - 1,
        "tree_size": found.tree_size,
        "leaf_hash": found.leaf_hash.hex(),
        "root_hash": found.root.hex(),
        "proof": [h.hex() for h in found.proof],
    }


@router.get(
    "/proof/consistency",
    response=ConsistencyOut,
    summary="Merkle consistency proof between two tree sizes (public; hashes in hex)",
)
def proof_consistency(request: HttpRequest, query: Query[ConsistencyQuery]) -> Any:
    found = prove_consistency(query.first, query.second)
    return {
        "first": found.first,
        "second": found.second,
        "first_root": found.first_root.hex(),
        "second_root": found.second_root.hex(),
        "proof": [h.hex() for h in found.proof],
    }


# --- delegations' signing keys ------------------------------------------------------------------


class KeyIn(StrictIn):
    state: str = Field(description="the delegation's state; a delegation may name only its own")
    public_key: str = Field(description="Ed25519 public key, 32 bytes in base64")
    label: str = Field(description="whose key this is, e.g. an office or a function")


class RotateIn(StrictIn):
    public_key: str
    label: str


class RevokeIn(StrictIn):
    reason: str


class KeyOut(Schema):
    key_id: str
    state: str
    public_key: str
    label: str
    status: str
    valid_from: dt.datetime
    valid_until: dt.datetime | None
    replaces: str
    replaced_by: str
    revoked_at: dt.datetime | None
    revocation_reason: str


class KeyFilter(Schema):
    state: str | None = None


def key_out(key: SigningKey) -> dict[str, Any]:
    return {
        "key_id": key.key_id,
        "state": key.state,
        "public_key": key.public_key,
        "label": key.label,
        "status": key.status,
        "valid_from": key.valid_from,
        "valid_until": key.valid_until,
        "replaces": key.replaces,
        "replaced_by": key.replaced_by,
        "revoked_at": key.revoked_at,
        "revocation_reason": key.revocation_reason,
    }


@router.get("/keys", response=list[KeyOut], summary="Delegations' signing keys (public)")
def list_keys(request: HttpRequest, filters: Query[KeyFilter]) -> Any:
    return [key_out(k) for k in signing.signing_keys(filters.state)]


@router.get("/keys/{key_id}", response=KeyOut, summary="One signing key (public)")
def get_key(request: HttpRequest, key_id: str) -> Any:
    return key_out(signing.signing_key(key_id))


@router.post(
    "/keys",
    response={200: KeyOut, 201: KeyOut},
    summary="Register a signing key of the delegation's own state",
    auth=SIGNED_IN,
)
def register_key(request: HttpRequest, body: KeyIn) -> Any:
    key, outcome = signing.register_key(
        actor_of(request), state=body.state, public_key=body.public_key, label=body.label
    )
    return Status(201, key_out(key)) if outcome == "created" else key_out(key)


@router.post(
    "/keys/{key_id}/rotate",
    response={201: KeyOut},
    summary="Replace an active key by a new one",
    auth=SIGNED_IN,
)
def rotate_key(request: HttpRequest, key_id: str, body: RotateIn) -> Any:
    key = signing.rotate_key(
        actor_of(request), key_id=key_id, public_key=body.public_key, label=body.label
    )
    return Status(201, key_out(key))


@router.post("/keys/{key_id}/revoke", response=KeyOut, summary="Revoke a key", auth=SIGNED_IN)
def revoke_key(request: HttpRequest, key_id: str, body: RevokeIn) -> Any:
    key, _ = signing.revoke_key(actor_of(request), key_id=key_id, reason=body.reason)
    return key_out(key)

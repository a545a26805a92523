"""Journal API: the head, the signed checkpoint and Merkle proofs are public (anyone can pin and
check them); entries are for auditors and staff; delegations keep their signing keys here."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.http import HttpRequest, HttpResponse
from ninja import Query, Router, Schema, Status
from pydantic import Field

from secretariat.core import signing
from secretariat.core.api_auth import SIGNED_IN, actor_of
from secretariat.core.api_types import StrictIn
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
    """The journal's size (number of entries) and the hash of its last entry: what a witness
    records. **Who:** anyone; no token needed. **Example:** `GET /api/v1/journal/head`
    """
    return journal_head().__dict__


@router.get(
    "/entries",
    response=EntryPage,
    summary="Journal entries in order (auditors, secretariat)",
    auth=SIGNED_IN,
)
def entries(request: HttpRequest, filters: Query[EntryFilter]) -> Any:
    """Journal entries in sequence order, each with its actor, action, payload and hashes; `since`
    and `limit` page through them. **Who:** auditors and the secretariat. **Errors:** 401
    without a token; 403 for other roles. **Example:** `GET
    /api/v1/journal/entries?since=100&limit=50`
    """
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
    """Recompute the whole hash chain now and say whether it holds, naming the first bad entry if
    not. **Who:** anyone; no token needed. **Example:** `GET /api/v1/journal/verify`
    """
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
    """The signed checkpoint of the journal now, as C2SP tlog-checkpoint text (origin, size, root
    hash, signature lines). **Who:** anyone; no token needed. **Example:** `GET
    /api/v1/journal/checkpoint`
    """
    return HttpResponse(current_checkpoint(), content_type="text/plain; charset=utf-8")


@router.get(
    "/checkpoint/key",
    summary="The log's verifier key, to check checkpoints with (public)",
    response={200: None},
    openapi_extra={"responses": {200: {"description": "a note verifier key", **_TEXT}}},
)
def checkpoint_key(request: HttpRequest) -> HttpResponse:
    """The log's verifier key (note format), to check checkpoints with. **Who:** anyone; no token
    needed. **Example:** `GET /api/v1/journal/checkpoint/key`
    """
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
    """The Merkle audit path proving that entry `seq` is in the tree of size `size` (default: now),
    hashes in hex (RFC 9162). **Who:** anyone; no token needed. **Errors:** 422 when `seq` is
    above the tree size or `size` above the journal's (the bounds depend on the journal, so they
    are a rule, not in the schema). **Example:** `GET
    /api/v1/journal/proof/inclusion?seq=3&size=10`
    """
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
    """The Merkle consistency proof that the tree of size `first` is a prefix of the tree of size
    `second` (default: now). **Who:** anyone; no token needed. **Errors:** 422 when `first`
    exceeds `second` or `second` the journal's size. **Example:** `GET
    /api/v1/journal/proof/consistency?first=5&second=10`
    """
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
    """The delegations' registered Ed25519 signing keys, active and revoked, optionally for one
    `state`. **Who:** anyone; no token needed. **Example:** `GET /api/v1/journal/keys?state=BY`
    """
    return [key_out(k) for k in signing.signing_keys(filters.state)]


@router.get("/keys/{key_id}", response=KeyOut, summary="One signing key (public)")
def get_key(request: HttpRequest, key_id: str) -> Any:
    """One signing key by its id (the hex fingerprint). **Who:** anyone; no token needed.
    **Errors:** 404 for an unknown id. **Example:** `GET /api/v1/journal/keys/<key_id>`
    """
    return key_out(signing.signing_key(key_id))


@router.post(
    "/keys",
    response={200: KeyOut, 201: KeyOut},
    summary="Register a signing key of the delegation's own state",
    auth=SIGNED_IN,
)
def register_key(request: HttpRequest, body: KeyIn) -> Any:
    """Register an Ed25519 public key for the delegation's own state, used to sign submissions
    (docs/signing.md). **Who:** a delegation, for its own state. **Errors:** 401 without a
    token; 403 for other roles; 404 for another state; 422 for a malformed key or a label with
    control characters. **Example:** `POST /api/v1/journal/keys` with `{"state": "BY",
    "public_key": "<base64>", "label": "treaty office"}`
    """
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
    """Replace an active key by a new one: the old one is revoked from now, the new one registered,
    in one journal entry. **Who:** the key's own delegation. **Errors:** 401 without a token;
    403 for other roles (the secretariat included); 404 for an unknown key or another state's;
    422 for a revoked key or a malformed new key. **Example:** `POST
    /api/v1/journal/keys/<key_id>/rotate`
    """
    key = signing.rotate_key(
        actor_of(request), key_id=key_id, public_key=body.public_key, label=body.label
    )
    return Status(201, key_out(key))


@router.post("/keys/{key_id}/revoke", response=KeyOut, summary="Revoke a key", auth=SIGNED_IN)
def revoke_key(request: HttpRequest, key_id: str, body: RevokeIn) -> Any:
    """Revoke a key with a reason; signatures made before stay valid. **Who:** the key's delegation
    or the secretariat. **Errors:** 401, 403, 404 as for rotating; 422 for a key already
    revoked. **Example:** `POST /api/v1/journal/keys/<key_id>/revoke` with `{"reason": "office
    closed"}`
    """
    key, _ = signing.revoke_key(actor_of(request), key_id=key_id, reason=body.reason)
    return key_out(key)

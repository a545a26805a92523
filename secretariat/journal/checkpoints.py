"""The journal's Merkle tree over the database: signed checkpoints, proofs, `verify --against`.

Use `current_checkpoint()` for the text published at /api/v1/journal/checkpoint, the proof
functions for /api/v1/journal/proof/*, and `verify_against()` to check that the journal still
extends a checkpoint someone kept: a truncated or rewritten history fails.

The signing key lives outside the database, in the file named by the setting (or environment
variable) JOURNAL_SIGNING_KEY_FILE, by default `<data directory>/journal-signing.key`; it is made
on first use, readable only by its owner. Someone who can change the database cannot sign with it.
Checkpoints are signed when asked for, not stored: Ed25519 is deterministic, so the same journal
always yields the same checkpoint text.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from django.conf import settings

from secretariat.core.domain.errors import RuleViolation
from secretariat.core.organization import organization
from secretariat.journal.domain.checkpoint import (
    ED25519,
    Checkpoint,
    CheckpointError,
    Signer,
    Verifier,
    open_checkpoint,
    parse_verifier,
    sign_checkpoint,
)
from secretariat.journal.domain.merkle import (
    ProofError,
    consistency_proof,
    inclusion_proof,
    root_hash,
    verify_consistency,
)
from secretariat.journal.domain.witness import load_or_create_signer
from secretariat.journal.models import JournalEntry
from secretariat.journal.selectors import verify_journal


def signing_key_path() -> Path:
    configured = getattr(settings, "JOURNAL_SIGNING_KEY_FILE", None) or os.environ.get(
        "JOURNAL_SIGNING_KEY_FILE"
    )
    if configured:
        return Path(configured).expanduser()
    return Path(settings.DATA_DIR) / "journal-signing.key"


def configured_origin() -> str:
    """The log's name for a new key; an existing key file keeps the name it was made with.
    JOURNAL_ORIGIN when set, else the dataset's organization.json `journal_origin`, else a name
    under the reserved domain secretariat.invalid."""
    org = organization()
    default = org.journal_origin or f"secretariat.invalid/{org.dataset}/journal"
    return str(
        getattr(settings, "JOURNAL_ORIGIN", None) or os.environ.get("JOURNAL_ORIGIN") or default
    )


def log_signer() -> Signer:
    return load_or_create_signer(signing_key_path(), configured_origin(), ED25519)


def log_verifier() -> Verifier:
    return log_signer().verifier


def leaf_hashes(size: int | None = None) -> list[bytes]:
    """The entries' hashes in order: the tree's leaves (entry seq s is leaf s - 1)."""
    rows = JournalEntry.objects.order_by("seq")
    if size is not None:
        rows = rows.filter(seq__lte=size)
    return [bytes.fromhex(h) for h in rows.values_list("entry_hash", flat=True)]


def tree_head(size: int | None = None) -> Checkpoint:
    leaves = leaf_hashes(size)
    if size is not None and len(leaves) != size:
        raise RuleViolation(f"the journal has {len(leaves)} entries, not {size}", field="size")
    return Checkpoint(log_signer().name, len(leaves), root_hash(leaves))


def current_checkpoint() -> str:
    """The signed checkpoint of the journal as it is now."""
    signer = log_signer()
    leaves = leaf_hashes()
    return sign_checkpoint(Checkpoint(signer.name, len(leaves), root_hash(leaves)), signer)


@dataclass(frozen=True)
class InclusionProof:
    seq: int
    tree_size: int
    leaf_hash: bytes
    root: bytes
    proof: list[bytes]


@dataclass(frozen=True)
class ConsistencyProof:
    first: int
    second: int
    first_root: bytes
    second_root: bytes
    proof: list[bytes]


def prove_inclusion(seq: int, size: int | None = None) -> InclusionProof:
    leaves = leaf_hashes()
    size = len(leaves) if size is None else size
    if not 1 <= size <= len(leaves):
        raise RuleViolation(f"size must be between 1 and {len(leaves)}", field="size")
    if not 1 <= seq <= size:
        raise RuleViolation(f"seq must be between 1 and the tree size {size}", field="seq")
    tree = leaves[:size]
    return InclusionProof(seq, size, tree[seq - 1], root_hash(tree), inclusion_proof(seq - 1, tree))


def prove_consistency(first: int, second: int | None = None) -> ConsistencyProof:
    leaves = leaf_hashes()
    second = len(leaves) if second is None else second
    if not 0 <= second <= len(leaves):
        raise RuleViolation(f"second must be between 0 and {len(leaves)}", field="second")
    if not 0 <= first <= second:
        raise RuleViolation(f"first must be between 0 and second ({second})", field="first")
    tree = leaves[:second]
    return ConsistencyProof(
        first,
        second,
        root_hash(tree[:first]),
        root_hash(tree),
        consistency_proof(first, tree),
    )


@dataclass(frozen=True)
class AgainstResult:
    ok: bool
    message: str


def verify_against(note_text: str, log_key: str | None = None) -> AgainstResult:
    """Does the journal still extend the checkpoint `note_text` (signed by this log)?

    Fails when the checkpoint is not a valid signed checkpoint of this log, when the journal's
    own chain does not verify, when the journal now has fewer entries than the checkpoint
    (truncated), or when the journal's first entries no longer hash to the checkpoint's root
    (rewritten or forked history).
    """
    try:
        verifier = parse_verifier(log_key) if log_key else log_verifier()
        checkpoint, _ = open_checkpoint(note_text, verifier)
    except CheckpointError as exc:
        return AgainstResult(False, f"the checkpoint is not a valid signed checkpoint: {exc}")
    chain = verify_journal()
    if not chain.ok:
        return AgainstResult(
            False, f"the journal's chain is broken at entry {chain.first_bad_seq}: {chain.problem}"
        )
    leaves = leaf_hashes()
    if len(leaves) < checkpoint.size:
        return AgainstResult(
            False,
            f"TRUNCATED history: the checkpoint covers {checkpoint.size} entries but the journal "
            f"holds only {len(leaves)}",
        )
    try:
        verify_consistency(
            checkpoint.size,
            len(leaves),
            checkpoint.root,
            root_hash(leaves),
            consistency_proof(checkpoint.size, leaves),
        )
    except ProofError:
        return AgainstResult(
            False,
            f"FORKED history: the journal's first {checkpoint.size} entries do not have the "
            "checkpoint's root; entries were rewritten since it was signed",
        )
    return AgainstResult(
        True,
        f"the journal ({len(leaves)} entries) extends the checkpoint of {checkpoint.size} entries",
    )

"""Signed notes, checkpoints, cosignatures and the witness's rules (pure, no Django).

Known answers: the signed-note example of golang.org/x/mod/sumdb/note (the reference
implementation: PeterNeumann's key and note) and the example of the C2SP signed-note text.
"""

from __future__ import annotations

import base64
import os
import stat

import pytest

from secretariat.journal.domain.checkpoint import (
    COSIGNATURE_V1,
    ED25519,
    Checkpoint,
    CheckpointError,
    Signer,
    cosign,
    open_checkpoint,
    parse_checkpoint_text,
    parse_note,
    parse_signer,
    parse_verifier,
    sign_checkpoint,
    sign_note,
    verify_cosignature,
    verify_note,
)
from secretariat.journal.domain.merkle import consistency_proof, hash_leaf, root_hash
from secretariat.journal.domain.witness import (
    LATEST,
    WitnessRefusal,
    cosign_checkpoint,
    load_or_create_signer,
)

DASH = "\u2014"
GO_SKEY = "PRIVATE+KEY+PeterNeumann+c74f20a3+AYEKFALVFGyNhPJEMzD1QIDr+Y7hfZx09iUvxdXHKDFz"
GO_VKEY = "PeterNeumann+c74f20a3+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW"
GO_TEXT = (
    "If you think cryptography is the answer to your problem,\n"
    "then you don't know what your problem is.\n"
)
GO_NOTE = (
    GO_TEXT
    + "\n"
    + f"{DASH} PeterNeumann x08go/ZJkuBS9UG/SffcvIAQxVBtiFupLLr8pAcElZInNIuGUgYN1FFYC2pZSNXgKvqfqdngotpRZb6KE6RyyBwJnAM=\n"
)
SPEC_VKEY = "example.com/foo+530d903a+AekyeRrm56hApGFkyQR4ZCbV54Id2LKaANYcrnKv3U2k"
SPEC_NOTE = (
    "This is an example message.\n\n"
    f"{DASH} example.com/foo Uw2QOkn8srV1yJGh2VYRlL1Tnagv1YEq6TfXppzi2ONncAlTgK7Ztg1ERYNZXsYjOBH3mFXmRKuwHjG1Yu72IneyaQM=\n"
)


# --- known answers ------------------------------------------------------------------------------


def test_the_reference_key_gives_the_reference_key_id_verifier_key_and_note():
    signer = parse_signer(GO_SKEY)

    assert signer.verifier.vkey == GO_VKEY
    assert signer.encode() == GO_SKEY
    assert sign_note(GO_TEXT, signer).render() == GO_NOTE


def test_the_reference_notes_verify_with_their_published_keys():
    verify_note(parse_note(GO_NOTE), parse_verifier(GO_VKEY))
    verify_note(parse_note(SPEC_NOTE), parse_verifier(SPEC_VKEY))


def test_a_changed_text_or_another_key_does_not_verify():
    altered = GO_NOTE.replace("answer", "Answer")
    with pytest.raises(CheckpointError, match="does not verify"):
        verify_note(parse_note(altered), parse_verifier(GO_VKEY))
    with pytest.raises(CheckpointError, match="not signed by"):
        verify_note(parse_note(GO_NOTE), parse_verifier(SPEC_VKEY))


@pytest.mark.parametrize(
    "bad_key",
    [
        "PeterNeumann+c74f20a4+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW",  # wrong key ID
        "PeterNeumann+cc469956+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TWBADKEY==",  # length
        "PeterNeumann+173116ae+ZRpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW",  # unknown type
        "Peter Neumann+c74f20a3+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW",  # space in name
        "PeterNeumann+c74f20a3",
    ],
)
def test_malformed_verifier_keys_are_refused(bad_key):
    with pytest.raises(CheckpointError):
        parse_verifier(bad_key)


# --- checkpoints --------------------------------------------------------------------------------


def make_log(name: str = "secretariat.invalid/test/journal") -> Signer:
    return Signer.generate(name, ED25519)


def tree(size: int, fork_at: int | None = None) -> list[bytes]:
    return [
        hash_leaf(f"entry {i}{' (rewritten)' if i == fork_at else ''}".encode())
        for i in range(size)
    ]


def checkpoint_of(log: Signer, leaves: list[bytes]) -> str:
    return sign_checkpoint(Checkpoint(log.name, len(leaves), root_hash(leaves)), log)


def test_a_checkpoint_is_origin_size_and_base64_root_then_a_signature_line():
    log = make_log()
    leaves = tree(5)

    note = checkpoint_of(log, leaves)

    lines = note.split("\n")
    assert lines[0] == log.name
    assert lines[1] == "5"
    assert base64.b64decode(lines[2]) == root_hash(leaves)
    assert lines[3] == ""
    assert lines[4].startswith(f"{DASH} {log.name} ")
    assert note.endswith("\n")
    checkpoint, _ = open_checkpoint(note, log.verifier)
    assert checkpoint == Checkpoint(log.name, 5, root_hash(leaves))


def test_the_same_tree_always_gives_the_same_checkpoint_text():
    log = make_log()
    assert checkpoint_of(log, tree(9)) == checkpoint_of(log, tree(9))


@pytest.mark.parametrize(
    "text",
    [
        "origin\n007\n" + base64.b64encode(bytes(32)).decode() + "\n",  # leading zeros
        "origin\n-1\n" + base64.b64encode(bytes(32)).decode() + "\n",
        "origin\n7\n" + base64.b64encode(bytes(31)).decode() + "\n",  # short root
        "origin\n7\nnot base64!\n",
        "origin\n7\n",
        "\n7\n" + base64.b64encode(bytes(32)).decode() + "\n",
    ],
)
def test_malformed_checkpoint_texts_are_refused(text):
    with pytest.raises(CheckpointError):
        parse_checkpoint_text(text)


def test_a_checkpoint_with_a_changed_size_or_root_does_not_verify():
    log = make_log()
    note = checkpoint_of(log, tree(6))
    lines = note.split("\n")
    bigger = "\n".join([lines[0], "7", *lines[2:]])
    other_root = "\n".join([*lines[:2], base64.b64encode(root_hash(tree(5))).decode(), *lines[3:]])

    for forged in (bigger, other_root):
        with pytest.raises(CheckpointError, match="does not verify"):
            open_checkpoint(forged, log.verifier)


def test_a_checkpoint_signed_by_another_log_key_is_refused():
    log, impostor = make_log(), make_log()
    with pytest.raises(CheckpointError, match="not signed by"):
        open_checkpoint(checkpoint_of(impostor, tree(3)), log.verifier)


def test_a_cosignature_is_timestamped_and_verifies_with_the_witness_key():
    log = make_log()
    witness = Signer.generate("witness.invalid/by", COSIGNATURE_V1)
    note = parse_note(checkpoint_of(log, tree(4)))

    cosigned = parse_note(cosign(note, witness, 1_700_000_000).render())

    verify_note(cosigned, log.verifier)  # the log's signature is kept
    assert verify_cosignature(cosigned, witness.verifier) == 1_700_000_000
    tampered = parse_note(cosigned.render().replace("\n4\n", "\n5\n"))
    with pytest.raises(CheckpointError):
        verify_cosignature(tampered, witness.verifier)


# --- the witness --------------------------------------------------------------------------------


class Log:
    """A log under test: its key, its leaves, and the proofs it serves."""

    def __init__(self) -> None:
        self.signer = make_log()
        self.leaves: list[bytes] = []

    def grow(self, count: int) -> str:
        start = len(self.leaves)
        self.leaves += [hash_leaf(f"entry {i}".encode()) for i in range(start, start + count)]
        return checkpoint_of(self.signer, self.leaves)

    def proof_between(self, first: int, second: int) -> list[bytes]:
        return consistency_proof(first, self.leaves[:second])


def run_witness(tmp_path, log: Log, note: str, *, proofs=None, first_run: bool = True):
    witness = load_or_create_signer(tmp_path / "witness.key", "witness.invalid/am", COSIGNATURE_V1)
    return cosign_checkpoint(
        state_dir=tmp_path / "state",
        signer=witness,
        log_key=log.signer.verifier.vkey if first_run else None,
        note_text=note,
        proof_between=proofs or log.proof_between,
        now=1_800_000_000,
    )


def test_the_witness_key_is_made_once_readable_only_by_its_owner(tmp_path):
    first = load_or_create_signer(tmp_path / "w.key", "witness.invalid/x", COSIGNATURE_V1)
    again = load_or_create_signer(tmp_path / "w.key", "witness.invalid/x", COSIGNATURE_V1)

    assert first == again
    assert stat.S_IMODE(os.stat(tmp_path / "w.key").st_mode) == 0o600


def test_the_witness_cosigns_a_first_checkpoint_then_only_its_extensions(tmp_path):
    log = Log()
    first = run_witness(tmp_path, log, log.grow(5))
    second = run_witness(tmp_path, log, log.grow(3), first_run=False)

    assert first.previous_size is None
    assert second.previous_size == 5
    assert second.checkpoint.size == 8
    witness = load_or_create_signer(tmp_path / "witness.key", "unused", COSIGNATURE_V1)
    assert verify_cosignature(parse_note(second.note), witness.verifier) == 1_800_000_000
    assert (tmp_path / "state" / LATEST).read_text() == second.note


def test_the_witness_refuses_a_rollback_and_keeps_its_state(tmp_path):
    log = Log()
    old = log.grow(4)
    run_witness(tmp_path, log, log.grow(4))
    kept = (tmp_path / "state" / LATEST).read_text()

    with pytest.raises(WitnessRefusal, match="rollback"):
        run_witness(tmp_path, log, old, first_run=False)

    assert (tmp_path / "state" / LATEST).read_text() == kept


def test_the_witness_refuses_a_fork_of_the_same_size_or_larger(tmp_path):
    log = Log()
    run_witness(tmp_path, log, log.grow(6))
    fork = Log()
    fork.signer = log.signer  # the same log key, showing another history
    fork.leaves = tree(6, fork_at=2)

    same_size = checkpoint_of(fork.signer, fork.leaves)
    with pytest.raises(WitnessRefusal, match="fork"):
        run_witness(tmp_path, fork, same_size, first_run=False)
    with pytest.raises(WitnessRefusal, match="fork"):
        run_witness(tmp_path, fork, fork.grow(3), first_run=False)


def test_the_witness_refuses_a_checkpoint_the_log_did_not_sign(tmp_path):
    log = Log()
    run_witness(tmp_path, log, log.grow(2))
    impostor = Log()

    with pytest.raises(WitnessRefusal, match="not a valid checkpoint"):
        run_witness(tmp_path, impostor, impostor.grow(5), first_run=False)


def test_the_witness_refuses_another_log_key_than_the_pinned_one(tmp_path):
    log = Log()
    run_witness(tmp_path, log, log.grow(2))
    other = Log()

    with pytest.raises(WitnessRefusal, match="pinned"):
        run_witness(tmp_path, other, other.grow(2), first_run=True)


def test_the_witness_refuses_a_bad_proof(tmp_path):
    log = Log()
    run_witness(tmp_path, log, log.grow(5))
    note = log.grow(6)

    def corrupted(first: int, second: int) -> list[bytes]:
        proof = log.proof_between(first, second)
        return [bytes([proof[0][0] ^ 1]) + proof[0][1:], *proof[1:]]

    with pytest.raises(WitnessRefusal, match="fork"):
        run_witness(tmp_path, log, note, proofs=corrupted, first_run=False)

"""Signed checkpoints and proofs over the real journal: the API, `journal checkpoint`,
`journal verify --against` and `journal witness`.

The session fixture has loaded the CSTO dataset, so the journal already holds entries.
"""

from __future__ import annotations

import base64
import os
import stat
from collections.abc import Iterator
from contextlib import contextmanager
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command
from django.db import connection, transaction
from django.test import Client

from secretariat.core.domain.actors import Actor
from secretariat.journal import guards
from secretariat.journal.checkpoints import leaf_hashes, log_signer, signing_key_path
from secretariat.journal.domain.checkpoint import (
    open_checkpoint,
    parse_note,
    parse_verifier,
    verify_cosignature,
)
from secretariat.journal.domain.merkle import root_hash, verify_consistency, verify_inclusion
from secretariat.journal.domain.witness import load_or_create_signer
from secretariat.journal.management.commands import journal as journal_command
from secretariat.journal.models import JournalEntry
from secretariat.journal.services import record

pytestmark = pytest.mark.django_db

API = "/api/v1/journal"


@pytest.fixture(autouse=True)
def log_key_file(settings, tmp_path) -> Path:
    path = tmp_path / "keys" / "journal-signing.key"
    settings.JOURNAL_SIGNING_KEY_FILE = str(path)
    return path


@pytest.fixture
def client() -> Client:
    return Client()


def append(count: int, label: str = "entry") -> None:
    with transaction.atomic():
        for i in range(count):
            record(
                actor=Actor.system("checkpoint-tests"),
                action="tests.append",
                subject=f"{label}:{i}",
            )


@contextmanager
def triggers_lifted() -> Iterator[None]:
    guards.lift_for_test_teardown(connection)
    try:
        yield
    finally:
        guards.install(connection)


def drop_tail(count: int) -> None:
    last = JournalEntry.objects.order_by("-seq").first()
    assert last is not None
    with triggers_lifted():
        JournalEntry.objects.filter(seq__gt=last.seq - count).delete()


def command(*args: str) -> str:
    out = StringIO()
    call_command("journal", *args, stdout=out, stderr=StringIO())
    return out.getvalue()


def command_failure(*args: str) -> str:
    with pytest.raises(CommandError) as caught:
        command(*args)
    return str(caught.value)


# --- the key and the checkpoint -------------------------------------------------------------------


def test_the_signing_key_is_made_on_first_use_outside_the_database_readable_by_its_owner_only(
    log_key_file,
):
    assert not log_key_file.exists()

    signer = log_signer()

    assert signing_key_path() == log_key_file
    assert stat.S_IMODE(os.stat(log_key_file).st_mode) == 0o600
    assert log_signer() == signer


def test_the_published_checkpoint_is_signed_and_commits_to_the_whole_journal(client):
    response = client.get(f"{API}/checkpoint")
    vkey = client.get(f"{API}/checkpoint/key").content.decode().strip()

    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/plain")
    checkpoint, _ = open_checkpoint(response.content.decode(), parse_verifier(vkey))
    leaves = leaf_hashes()
    assert checkpoint.size == JournalEntry.objects.count() == len(leaves)
    assert checkpoint.root == root_hash(leaves)
    assert command("checkpoint") == response.content.decode()
    assert command("checkpoint", "--vkey").strip() == vkey


def test_the_checkpoint_follows_the_journal_as_it_grows(client):
    before = client.get(f"{API}/checkpoint").content
    append(2)
    after = client.get(f"{API}/checkpoint").content.decode()

    assert after != before.decode()
    assert after.split("\n")[1] == str(JournalEntry.objects.count())


# --- proofs ---------------------------------------------------------------------------------------


def test_an_inclusion_proof_from_the_api_leads_to_the_checkpoint_root(client):
    size = JournalEntry.objects.count()
    checkpoint, _ = open_checkpoint(
        client.get(f"{API}/checkpoint").content.decode(), log_signer().verifier
    )
    entry = JournalEntry.objects.get(seq=size // 2)

    body = client.get(f"{API}/proof/inclusion?seq={entry.seq}&size={size}").json()

    assert body["leaf_hash"] == entry.entry_hash
    verify_inclusion(
        entry.seq - 1,
        size,
        bytes.fromhex(entry.entry_hash),
        [bytes.fromhex(h) for h in body["proof"]],
        checkpoint.root,
    )


def test_a_consistency_proof_from_the_api_links_an_old_checkpoint_to_the_new_one(client):
    old, _ = open_checkpoint(
        client.get(f"{API}/checkpoint").content.decode(), log_signer().verifier
    )
    append(3)
    new, _ = open_checkpoint(
        client.get(f"{API}/checkpoint").content.decode(), log_signer().verifier
    )

    body = client.get(f"{API}/proof/consistency?first={old.size}&second={new.size}").json()

    verify_consistency(
        old.size, new.size, old.root, new.root, [bytes.fromhex(h) for h in body["proof"]]
    )


@pytest.mark.parametrize(
    "query",
    [
        "proof/inclusion?seq=0",
        "proof/inclusion?seq=5&size=4",
        "proof/inclusion?seq=1&size=100000000",
        "proof/consistency?first=5&second=4",
        "proof/consistency?first=1&second=100000000",
        "proof/consistency?first=-1",
    ],
)
def test_proofs_outside_the_journal_are_refused(client, query):
    assert client.get(f"{API}/{query}").status_code == 422


# --- verify --against -----------------------------------------------------------------------------


def kept_checkpoint(tmp_path: Path) -> Path:
    path = tmp_path / "kept.checkpoint"
    path.write_text(command("checkpoint"))
    return path


def test_verify_against_a_kept_checkpoint_passes_while_the_journal_only_grows(tmp_path):
    kept = kept_checkpoint(tmp_path)
    append(2)

    out = command("verify", "--against", str(kept))

    assert "journal OK" in out
    assert "checkpoint OK" in out


def test_verify_against_detects_a_truncated_history(tmp_path):
    kept = kept_checkpoint(tmp_path)
    drop_tail(3)

    assert "journal OK" in command("verify")  # the chain alone cannot see it
    message = command_failure("verify", "--against", str(kept))

    assert "TRUNCATED" in message
    assert str(JournalEntry.objects.count() + 3) in message


def test_verify_against_detects_a_forked_history(tmp_path):
    kept = kept_checkpoint(tmp_path)
    drop_tail(3)
    append(5, label="rewritten")

    assert "journal OK" in command("verify")
    assert "FORKED" in command_failure("verify", "--against", str(kept))


def test_verify_against_refuses_a_checkpoint_not_signed_by_this_log(tmp_path, settings):
    kept = kept_checkpoint(tmp_path)
    settings.JOURNAL_SIGNING_KEY_FILE = str(tmp_path / "another.key")

    assert "not a valid signed checkpoint" in command_failure("verify", "--against", str(kept))


def test_verify_against_refuses_an_altered_checkpoint(tmp_path):
    kept = kept_checkpoint(tmp_path)
    lines = kept.read_text().split("\n")
    lines[1] = str(int(lines[1]) - 1)
    kept.write_text("\n".join(lines))

    assert "not a valid signed checkpoint" in command_failure("verify", "--against", str(kept))


# --- the witness command --------------------------------------------------------------------------


@pytest.fixture
def served(monkeypatch, client):
    """Let the witness fetch http URLs from this test's app instead of the network."""
    original = journal_command.read_source

    def read_source(location: str) -> str:
        if location.startswith("http://testserver"):
            response = client.get(location.removeprefix("http://testserver"))
            assert response.status_code == 200, response.content
            return response.content.decode()
        return original(location)

    monkeypatch.setattr(journal_command, "read_source", read_source)


def witness(tmp_path: Path, *extra: str) -> str:
    return command(
        "witness",
        "--checkpoint",
        f"http://testserver{API}/checkpoint",
        "--state-dir",
        str(tmp_path / "witness-state"),
        "--key",
        str(tmp_path / "witness.key"),
        "--name",
        "witness.invalid/am",
        *extra,
    )


def test_the_witness_cosigns_the_served_checkpoint_and_then_its_extensions(tmp_path, served):
    vkey = command("checkpoint", "--vkey").strip()
    first = witness(tmp_path, "--log-key", vkey)
    append(4)
    second = witness(tmp_path)

    key = load_or_create_signer(tmp_path / "witness.key", "unused", 0x04)
    note = parse_note(second)
    verify_cosignature(note, key.verifier)
    checkpoint, _ = open_checkpoint(second, parse_verifier(vkey))
    assert checkpoint.size == JournalEntry.objects.count()
    assert first != second
    assert stat.S_IMODE(os.stat(tmp_path / "witness.key").st_mode) == 0o600


def test_the_witness_refuses_a_rolled_back_log(tmp_path, served):
    witness(tmp_path, "--log-key", command("checkpoint", "--vkey").strip())
    drop_tail(2)

    message = command_failure(*witness_args(tmp_path))

    assert "REFUSED" in message
    assert "rollback" in message


def test_the_witness_refuses_a_forked_log(tmp_path, served):
    witness(tmp_path, "--log-key", command("checkpoint", "--vkey").strip())
    before = (tmp_path / "witness-state" / "latest.checkpoint").read_text()
    drop_tail(2)
    append(6, label="rewritten")

    message = command_failure(*witness_args(tmp_path))

    assert "REFUSED" in message
    assert "fork" in message
    assert (tmp_path / "witness-state" / "latest.checkpoint").read_text() == before


def test_the_witness_reads_a_checkpoint_and_a_proof_from_files(tmp_path, client):
    vkey_file = tmp_path / "log.vkey"
    vkey_file.write_text(command("checkpoint", "--vkey"))
    first = kept_checkpoint(tmp_path)
    old_size = int(first.read_text().split("\n")[1])
    base = [
        "witness",
        "--state-dir",
        str(tmp_path / "state"),
        "--key",
        str(tmp_path / "w.key"),
        "--log-key",
        str(vkey_file),
    ]
    command(*base, "--checkpoint", str(first))
    append(3)
    second = tmp_path / "second.checkpoint"
    second.write_text(command("checkpoint"))
    proof = tmp_path / "proof.json"
    proof.write_bytes(
        client.get(f"{API}/proof/consistency?first={old_size}&second={old_size + 3}").content
    )

    cosigned = command(*base, "--checkpoint", str(second), "--proof", str(proof))
    append(1)
    third = tmp_path / "third.checkpoint"
    third.write_text(command("checkpoint"))

    assert cosigned.startswith(second.read_text().split("\n\n")[0])
    assert "give --proof" in command_failure(*base, "--checkpoint", str(third))


def witness_args(tmp_path: Path) -> list[str]:
    return [
        "witness",
        "--checkpoint",
        f"http://testserver{API}/checkpoint",
        "--state-dir",
        str(tmp_path / "witness-state"),
        "--key",
        str(tmp_path / "witness.key"),
    ]


def test_the_root_in_a_checkpoint_is_base64_of_the_tree_head(client):
    lines = client.get(f"{API}/checkpoint").content.decode().split("\n")
    assert base64.b64decode(lines[2]) == root_hash(leaf_hashes())

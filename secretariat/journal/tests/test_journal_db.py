"""The journal in the database: appending, verification, the append-only triggers, the API.

The session fixture has loaded the CSTO dataset, so the journal already holds entries: every test
works from the current head, never from an empty journal.
"""

from __future__ import annotations

import itertools
import json
from collections.abc import Iterator
from contextlib import contextmanager
from io import StringIO
from typing import Any

import pytest
from django.core.management import CommandError, call_command
from django.db import DatabaseError, connection, transaction
from django.utils import timezone

from secretariat.core.domain.actors import Actor
from secretariat.journal import guards
from secretariat.journal.domain.chain import canonical_bytes, entry_document, leaf_hash
from secretariat.journal.models import JournalEntry
from secretariat.journal.selectors import journal_head
from secretariat.journal.services import format_time, record

TEMPORARY_SEQ = 10**12


def journal_actor() -> Actor:
    return Actor.system("journal-tests")


def last_entry() -> JournalEntry:
    entry = JournalEntry.objects.order_by("-seq").first()
    assert entry is not None, "the CSTO dataset should have filled the journal"
    return entry


def middle_seq() -> int:
    size = last_entry().seq
    assert size >= 3
    return size // 2


def execute(sql: str, params: list[Any] | None = None) -> None:
    with connection.cursor() as cursor:
        cursor.execute(sql, params or [])


@contextmanager
def triggers_lifted() -> Iterator[None]:
    """Tamper like someone with direct access to the database, then re-arm the triggers."""
    guards.lift_for_test_teardown(connection)
    try:
        yield
    finally:
        guards.install(connection)


def verify_failure() -> str:
    with pytest.raises(CommandError) as caught:
        call_command("journal", "verify", stdout=StringIO())
    return str(caught.value)


# --- appending ---------------------------------------------------------------------------------


def test_record_refuses_to_run_outside_a_transaction(transactional_db):
    # The fixture, not the marker: conftest lifts the triggers for the flush only around it.
    before = JournalEntry.objects.count()

    with pytest.raises(RuntimeError, match="inside the writing service's transaction"):
        record(actor=journal_actor(), action="tests.outside", subject="nothing")

    assert JournalEntry.objects.count() == before


@pytest.mark.django_db
def test_entries_are_numbered_without_gaps_and_each_links_to_the_previous():
    head = last_entry()

    with transaction.atomic():
        written = [
            record(actor=journal_actor(), action="tests.append", subject=f"item:{i}", data={"i": i})
            for i in range(4)
        ]

    assert [entry.seq for entry in written] == [
        head.seq + 1,
        head.seq + 2,
        head.seq + 3,
        head.seq + 4,
    ]
    assert written[0].prev_hash == head.entry_hash
    for earlier, later in itertools.pairwise(written):
        assert later.prev_hash == earlier.entry_hash
    stored = list(JournalEntry.objects.filter(seq__gt=head.seq).order_by("seq"))
    assert [entry.entry_hash for entry in stored] == [entry.entry_hash for entry in written]


@pytest.mark.django_db
def test_a_recorded_entry_holds_its_data_and_hashes_its_own_bytes():
    with transaction.atomic():
        entry = record(
            actor=Actor.system("loader"),
            action="tests.data",
            subject="state:BY",
            data={"name": "Беларусь", "b": 1, "a": 2},
        )

    stored = JournalEntry.objects.get(seq=entry.seq)
    entry_bytes = bytes(stored.entry_bytes)
    document = json.loads(entry_bytes)
    assert stored.entry_hash == leaf_hash(entry_bytes)
    assert canonical_bytes(document) == entry_bytes
    assert document["data"] == {"name": "Беларусь", "b": 1, "a": 2}
    assert document["actor"] == Actor.system("loader").as_journal_dict()
    assert document["time"] == format_time(stored.recorded_at)
    assert (stored.actor_role, stored.actor_state, stored.actor_user) == ("system", "", "loader")


class ServiceFailed(Exception):
    pass


def write_then_fail(taken: list[int]) -> None:
    """A writing service that journals its change, then fails before its transaction commits."""
    with transaction.atomic():
        taken.append(record(actor=journal_actor(), action="tests.doomed", subject="x").seq)
        raise ServiceFailed


@pytest.mark.django_db
def test_a_rolled_back_write_leaves_no_gap():
    head = last_entry()
    taken: list[int] = []

    with pytest.raises(ServiceFailed):
        write_then_fail(taken)

    assert taken == [head.seq + 1]
    assert not JournalEntry.objects.filter(action="tests.doomed").exists()
    with transaction.atomic():
        kept = record(actor=journal_actor(), action="tests.kept", subject="x")

    assert kept.seq == head.seq + 1
    assert kept.prev_hash == head.entry_hash
    call_command("journal", "verify", stdout=StringIO())


# --- verification ------------------------------------------------------------------------------


@pytest.mark.django_db
def test_verify_passes_on_the_loaded_dataset():
    out = StringIO()

    call_command("journal", "verify", stdout=out)

    head = last_entry()
    assert f"journal OK: {head.seq} entries, head {head.entry_hash}" in out.getvalue()


@pytest.mark.django_db
def test_verify_passes_after_more_entries_are_recorded():
    with transaction.atomic():
        record(actor=journal_actor(), action="tests.more", subject="x", data={"k": [1, 2.5, None]})
    out = StringIO()

    call_command("journal", "verify", "--json", stdout=out)

    result = json.loads(out.getvalue())
    assert result["ok"] is True
    assert result["entries_checked"] == last_entry().seq
    assert result["head_hash"] == last_entry().entry_hash


@pytest.mark.django_db
def test_verify_names_an_entry_with_one_changed_byte():
    seq = middle_seq()
    original = bytes(JournalEntry.objects.get(seq=seq).entry_bytes)
    tampered = original.replace(b'"subject":"', b'"subject":"X', 1)
    assert tampered != original

    with triggers_lifted():
        execute("UPDATE journal_journalentry SET entry_bytes = %s WHERE seq = %s", [tampered, seq])
        message = verify_failure()

    assert f"FAILED at entry {seq}:" in message
    assert "hash does not match" in message
    assert f"({seq - 1} entries before it are intact)" in message


@pytest.mark.django_db
def test_verify_names_an_entry_whose_action_column_was_changed():
    seq = middle_seq()

    with triggers_lifted():
        execute(
            "UPDATE journal_journalentry SET action = %s WHERE seq = %s", ["members.forged", seq]
        )
        message = verify_failure()

    assert f"FAILED at entry {seq}:" in message
    assert "column 'action' differs" in message


@pytest.mark.django_db
def test_verify_names_the_entry_after_a_row_deleted_from_the_middle():
    seq = middle_seq()

    with triggers_lifted():
        execute("DELETE FROM journal_journalentry WHERE seq = %s", [seq])
        message = verify_failure()

    assert f"FAILED at entry {seq + 1}:" in message
    assert f"sequence number {seq + 1} found where {seq} was expected" in message


@pytest.mark.django_db
def test_verify_names_the_first_of_two_rows_whose_seq_were_swapped():
    seq = middle_seq()

    with triggers_lifted():
        execute("UPDATE journal_journalentry SET seq = %s WHERE seq = %s", [TEMPORARY_SEQ, seq])
        execute("UPDATE journal_journalentry SET seq = %s WHERE seq = %s", [seq, seq + 1])
        execute("UPDATE journal_journalentry SET seq = %s WHERE seq = %s", [seq + 1, TEMPORARY_SEQ])
        message = verify_failure()

    assert f"FAILED at entry {seq}:" in message


@pytest.mark.django_db
def test_verify_names_a_row_appended_with_a_forged_hash():
    head = last_entry()
    seq = head.seq + 1
    now = timezone.now()
    actor = journal_actor()
    entry_bytes = canonical_bytes(
        entry_document(
            seq=seq,
            time=format_time(now),
            actor=actor.as_journal_dict(),
            action="members.forged",
            subject="state:BY",
            data={},
            prev_hash=head.entry_hash,
        )
    )

    with triggers_lifted():
        JournalEntry.objects.create(
            seq=seq,
            recorded_at=now,
            actor_role=actor.role.value,
            actor_user=actor.username or "",
            action="members.forged",
            subject="state:BY",
            entry_bytes=entry_bytes,
            prev_hash=head.entry_hash,
            entry_hash="f" * 64,
        )
        message = verify_failure()

    assert f"FAILED at entry {seq}:" in message
    assert "hash does not match" in message


@pytest.mark.django_db
def test_verify_reports_rather_than_crashes_on_rehashed_bytes_that_are_not_an_object():
    # Someone with database access who rehashes the last entry's bytes to `null`.
    head = last_entry()
    forged = b"null"

    with triggers_lifted():
        execute(
            "UPDATE journal_journalentry SET entry_bytes = %s, entry_hash = %s WHERE seq = %s",
            [forged, leaf_hash(forged), head.seq],
        )
        message = verify_failure()

    assert f"FAILED at entry {head.seq}:" in message


@pytest.mark.django_db
def test_head_prints_the_size_and_the_head_hash():
    head = last_entry()
    out = StringIO()

    call_command("journal", "head", stdout=out)

    assert head.entry_hash in out.getvalue()
    assert f"{head.seq} entries" in out.getvalue()


@pytest.mark.django_db
def test_head_as_json_matches_the_last_entry():
    head = last_entry()
    out = StringIO()

    call_command("journal", "head", "--json", stdout=out)

    assert json.loads(out.getvalue()) == {
        "size": head.seq,
        "head_hash": head.entry_hash,
        "last_recorded_at": format_time(head.recorded_at),
    }


# --- the append-only triggers ------------------------------------------------------------------


@pytest.mark.django_db
def test_the_database_refuses_to_update_or_delete_journal_rows():
    guards.install(connection)
    seq = middle_seq()
    before = JournalEntry.objects.get(seq=seq)

    with pytest.raises(DatabaseError, match="append-only"), transaction.atomic():
        execute(
            "UPDATE journal_journalentry SET action = %s WHERE seq = %s", ["members.forged", seq]
        )
    with pytest.raises(DatabaseError, match="append-only"), transaction.atomic():
        execute("DELETE FROM journal_journalentry WHERE seq = %s", [seq])
    with pytest.raises(DatabaseError, match="append-only"), transaction.atomic():
        JournalEntry.objects.filter(seq=seq).update(subject="forged")
    with pytest.raises(DatabaseError, match="append-only"), transaction.atomic():
        JournalEntry.objects.filter(seq=seq).delete()

    after = JournalEntry.objects.get(seq=seq)
    assert (after.action, after.subject, after.entry_hash) == (
        before.action,
        before.subject,
        before.entry_hash,
    )
    if connection.vendor == "postgresql":
        with pytest.raises(DatabaseError, match="append-only"), transaction.atomic():
            execute("TRUNCATE journal_journalentry")
        assert JournalEntry.objects.filter(seq=seq).exists()
    call_command("journal", "verify", stdout=StringIO())


@pytest.mark.django_db
def test_the_triggers_still_let_entries_be_appended():
    guards.install(connection)
    head = last_entry()

    with transaction.atomic():
        entry = record(actor=journal_actor(), action="tests.append", subject="x")

    assert entry.seq == head.seq + 1


# --- the public API ----------------------------------------------------------------------------


@pytest.mark.django_db
def test_the_api_head_is_public_and_matches_the_last_entry(client):
    head = last_entry()

    response = client.get("/api/v1/journal/head")

    assert response.status_code == 200
    body = response.json()
    assert body["size"] == head.seq
    assert body["head_hash"] == head.entry_hash
    assert body["last_recorded_at"] == format_time(head.recorded_at)
    assert journal_head().head_hash == head.entry_hash


@pytest.mark.django_db
def test_the_api_verify_is_public_and_reports_a_sound_chain(client):
    response = client.get("/api/v1/journal/verify")

    assert response.status_code == 200
    body = response.json()
    assert body["ok"] is True
    assert body["entries_checked"] == last_entry().seq
    assert body["head_hash"] == last_entry().entry_hash
    assert body["first_bad_seq"] is None


@pytest.mark.django_db
def test_the_api_verify_names_the_first_bad_entry_after_tampering(client):
    seq = middle_seq()

    with triggers_lifted():
        execute("UPDATE journal_journalentry SET subject = %s WHERE seq = %s", ["state:XX", seq])
        body = client.get("/api/v1/journal/verify").json()

    assert body["ok"] is False
    assert body["first_bad_seq"] == seq
    assert body["entries_checked"] == seq - 1


@pytest.mark.django_db
def test_the_api_refuses_journal_entries_to_anonymous_callers(client):
    response = client.get("/api/v1/journal/entries")

    assert response.status_code == 401
    assert "entries" not in response.json()


@pytest.mark.django_db
def test_the_api_gives_an_auditor_the_entries_in_order(client, personas):
    client.force_login(personas.aud)

    response = client.get("/api/v1/journal/entries", {"after": 0, "limit": 3})

    assert response.status_code == 200
    body = response.json()
    assert body["count"] == last_entry().seq
    assert [entry["seq"] for entry in body["entries"]] == [1, 2, 3]
    first = JournalEntry.objects.get(seq=1)
    assert body["entries"][0]["entry_hash"] == first.entry_hash
    assert body["entries"][0]["entry_bytes"].encode() == bytes(first.entry_bytes)

"""The journal's hash chain: secretariat.journal.domain.chain (pure, no Django)."""

from __future__ import annotations

import dataclasses
import hashlib
import json
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from secretariat.journal.domain.chain import (
    GENESIS_HASH,
    StoredEntry,
    canonical_bytes,
    entry_document,
    leaf_hash,
    verify_chain,
)

ACTOR = {"role": "secretariat", "state": None, "user": "sofia", "user_id": 1}


def build_chain(count: int) -> list[StoredEntry]:
    entries: list[StoredEntry] = []
    previous = GENESIS_HASH
    for seq in range(1, count + 1):
        entry = make_entry(seq, previous, action=f"members.action_{seq}")
        entries.append(entry)
        previous = entry.entry_hash
    return entries


def make_entry(
    seq: int,
    prev_hash: str,
    *,
    action: str = "members.record_state",
    subject: str = "state:BY",
    data: dict[str, Any] | None = None,
) -> StoredEntry:
    time = f"2024-01-01T00:00:{seq % 60:02d}.000000Z"
    document = entry_document(
        seq=seq,
        time=time,
        actor=ACTOR,
        action=action,
        subject=subject,
        data=data if data is not None else {"n": seq, "name": "Беларусь"},
        prev_hash=prev_hash,
    )
    entry_bytes = canonical_bytes(document)
    return StoredEntry(
        seq=seq,
        time=time,
        actor=ACTOR,
        action=action,
        subject=subject,
        entry_bytes=entry_bytes,
        prev_hash=prev_hash,
        entry_hash=leaf_hash(entry_bytes),
    )


def rehashed(entry: StoredEntry, entry_bytes: bytes) -> StoredEntry:
    """The entry with new bytes and a hash recomputed to match them (a careful forger)."""
    return dataclasses.replace(entry, entry_bytes=entry_bytes, entry_hash=leaf_hash(entry_bytes))


# --- hashing and canonical form ----------------------------------------------------------------


def test_leaf_hash_is_sha256_of_a_zero_byte_then_the_entry():
    data = b'{"a":1}'

    assert leaf_hash(data) == hashlib.sha256(b"\x00" + data).hexdigest()
    assert leaf_hash(data) != hashlib.sha256(data).hexdigest()
    assert leaf_hash(b"") == hashlib.sha256(b"\x00").hexdigest()


@given(st.binary(max_size=200))
def test_leaf_hash_matches_hashlib_for_any_bytes(data):
    assert leaf_hash(data) == hashlib.sha256(b"\x00" + data).hexdigest()


def test_canonical_bytes_sort_keys_drop_whitespace_and_write_utf8():
    assert canonical_bytes({"b": 1, "a": [1, "é"]}) == b'{"a":[1,"\xc3\xa9"],"b":1}'


def test_canonical_bytes_sort_nested_keys_too():
    assert canonical_bytes({"z": {"y": True, "x": None}, "a": ""}) == (
        b'{"a":"","z":{"x":null,"y":true}}'
    )


def test_canonical_bytes_write_numbers_the_rfc8785_way():
    # RFC 8785 serializes numbers as ECMAScript does: 1.0 is 1, 1e21 is 1e+21.
    assert canonical_bytes({"a": 1.0, "b": 1e21, "c": 0.5}) == b'{"a":1,"b":1e+21,"c":0.5}'


def test_canonical_bytes_do_not_depend_on_insertion_order():
    assert canonical_bytes({"a": 1, "b": 2}) == canonical_bytes({"b": 2, "a": 1})


def test_the_entry_document_holds_every_column_but_its_own_hash():
    document = entry_document(
        seq=3,
        time="2024-01-01T00:00:00.000000Z",
        actor=ACTOR,
        action="a",
        subject="s",
        data={"k": "v"},
        prev_hash="ab" * 32,
    )

    assert document == {
        "seq": 3,
        "time": "2024-01-01T00:00:00.000000Z",
        "actor": ACTOR,
        "action": "a",
        "subject": "s",
        "data": {"k": "v"},
        "prev": "ab" * 32,
    }


# --- a sound chain -----------------------------------------------------------------------------


def test_an_empty_chain_is_sound_and_its_head_is_genesis():
    result = verify_chain([])

    assert result.ok
    assert result.entries_checked == 0
    assert result.head_hash == GENESIS_HASH == "0" * 64


def test_a_well_built_chain_verifies_and_reports_its_head():
    chain = build_chain(5)

    result = verify_chain(chain)

    assert result.ok
    assert result.entries_checked == 5
    assert result.head_hash == chain[-1].entry_hash
    assert result.first_bad_seq is None
    assert result.problem is None


def test_verification_accepts_any_iterable_in_one_pass():
    chain = build_chain(4)

    assert verify_chain(iter(chain)).ok


# --- tampering ---------------------------------------------------------------------------------


def assert_fails_at(entries: list[StoredEntry], seq: int, checked: int, problem: str) -> None:
    result = verify_chain(entries)
    assert not result.ok
    assert result.first_bad_seq == seq
    assert result.entries_checked == checked
    assert result.problem is not None
    assert problem in result.problem


def test_it_catches_a_changed_byte():
    chain = build_chain(5)
    tampered = chain[2].entry_bytes.replace(b'"n":3', b'"n":4')
    assert tampered != chain[2].entry_bytes
    chain[2] = dataclasses.replace(chain[2], entry_bytes=tampered)

    assert_fails_at(chain, 3, 2, "stored hash does not match")


def test_the_head_of_a_broken_chain_is_the_last_good_entry():
    chain = build_chain(5)
    chain[3] = dataclasses.replace(chain[3], entry_bytes=chain[3].entry_bytes + b" ")

    assert verify_chain(chain).head_hash == chain[2].entry_hash


@pytest.mark.parametrize(
    ("column", "value"),
    [
        ("action", "members.something_else"),
        ("subject", "state:AM"),
        ("time", "2030-01-01T00:00:00.000000Z"),
        ("actor", {**ACTOR, "user": "mallory"}),
        ("actor", {**ACTOR, "state": "BY"}),
    ],
)
def test_it_catches_a_changed_column_when_the_bytes_are_intact(column, value):
    chain = build_chain(5)
    chain[1] = dataclasses.replace(chain[1], **{column: value})

    assert_fails_at(chain, 2, 1, f"column {column!r} differs from the hashed entry")


def test_it_catches_an_entry_removed_from_the_middle():
    chain = build_chain(5)
    del chain[2]

    assert_fails_at(chain, 4, 2, "sequence number 4 found where 3 was expected")


def test_it_catches_an_entry_removed_and_the_rest_renumbered():
    chain = build_chain(5)
    del chain[2]
    chain[2:] = [dataclasses.replace(entry, seq=entry.seq - 1) for entry in chain[2:]]

    # The renumbered entry's hash still matches its bytes, but its link points to the removed one.
    assert_fails_at(chain, 3, 2, "previous-hash column does not match")


def test_it_catches_a_forged_entry_inserted_in_the_middle():
    chain = build_chain(5)
    # A forger who links the entry properly and renumbers the rest cannot fix the next link.
    forged = make_entry(3, chain[1].entry_hash, action="members.forged")
    renumbered = [dataclasses.replace(entry, seq=entry.seq + 1) for entry in chain[2:]]
    tampered = [*chain[:2], forged, *renumbered]

    assert_fails_at(tampered, 4, 3, "previous-hash column does not match")


def test_it_catches_a_forged_entry_inserted_without_renumbering():
    chain = build_chain(5)
    forged = make_entry(3, chain[1].entry_hash, action="members.forged")
    tampered = [*chain[:2], forged, *chain[2:]]

    assert_fails_at(tampered, 3, 3, "sequence number 3 found where 4 was expected")


def test_it_catches_an_entry_appended_with_a_forged_hash():
    chain = build_chain(3)
    forged = dataclasses.replace(make_entry(4, chain[-1].entry_hash), entry_hash="f" * 64)

    assert_fails_at([*chain, forged], 4, 3, "stored hash does not match")


def test_it_catches_two_entries_swapped_in_order():
    chain = build_chain(5)
    chain[1], chain[2] = chain[2], chain[1]

    assert_fails_at(chain, 3, 1, "sequence number 3 found where 2 was expected")


def test_it_catches_two_entries_whose_sequence_numbers_were_swapped():
    chain = build_chain(5)
    second, third = chain[1], chain[2]
    chain[1] = dataclasses.replace(third, seq=2)
    chain[2] = dataclasses.replace(second, seq=3)

    assert_fails_at(chain, 2, 1, "previous-hash column does not match")


def test_it_catches_a_changed_previous_hash_column():
    chain = build_chain(5)
    chain[3] = dataclasses.replace(chain[3], prev_hash="e" * 64)

    assert_fails_at(chain, 4, 3, "previous-hash column does not match")


def test_it_catches_a_first_entry_that_does_not_start_from_genesis():
    chain = build_chain(2)
    chain[0] = make_entry(1, "1" * 64)

    assert_fails_at(chain, 1, 0, "previous-hash column does not match")


def test_it_catches_a_chain_that_does_not_start_at_one():
    chain = build_chain(3)

    assert_fails_at(chain[1:], 2, 0, "sequence number 2 found where 1 was expected")


def test_it_catches_non_canonical_bytes_with_a_recomputed_hash():
    chain = build_chain(5)
    pretty = json.dumps(json.loads(chain[2].entry_bytes), indent=2).encode()
    chain[2] = rehashed(chain[2], pretty)

    assert_fails_at(chain, 3, 2, "not in canonical (RFC 8785) form")


def test_it_catches_reordered_keys_with_a_recomputed_hash():
    chain = build_chain(3)
    document = json.loads(chain[2].entry_bytes)
    reordered = json.dumps(dict(reversed(document.items())), separators=(",", ":")).encode()
    chain[2] = rehashed(chain[2], reordered)

    assert_fails_at(chain, 3, 2, "not in canonical (RFC 8785) form")


def test_it_catches_bytes_that_are_not_json_with_a_recomputed_hash():
    chain = build_chain(3)
    chain[1] = rehashed(chain[1], b"\xff not json")

    assert_fails_at(chain, 2, 1, "not valid JSON")


def test_it_catches_a_changed_data_field_rehashed_when_the_next_link_breaks():
    chain = build_chain(4)
    document = json.loads(chain[1].entry_bytes)
    document["data"]["n"] = 999
    chain[1] = rehashed(chain[1], canonical_bytes(document))

    assert_fails_at(chain, 3, 2, "previous-hash column does not match")


@pytest.mark.parametrize("forged", [b"null", b"1", b'"text"', b"[]", b"[1,2]", b"[[1,2]]"])
def test_it_reports_rather_than_crashes_on_json_that_is_not_an_object(forged):
    # A forger may rehash any bytes at all; verification must still name the entry.
    chain = build_chain(3)
    chain[1] = rehashed(chain[1], forged)

    result = verify_chain(chain)

    assert not result.ok
    assert result.first_bad_seq == 2
    assert result.entries_checked == 1


@pytest.mark.parametrize(
    "forged",
    [
        b'{"a":NaN}',  # Python's json accepts NaN and Infinity; RFC 8785 has no form for them
        b'{"a":1e400}',
        b'{"a":9007199254740993}',  # beyond the integers RFC 8785 can write
        b'{"a":"\\ud800"}',  # a lone surrogate
    ],
)
def test_it_reports_rather_than_crashes_on_an_object_rfc8785_cannot_write(forged):
    chain = build_chain(3)
    chain[1] = rehashed(chain[1], forged)

    result = verify_chain(chain)

    assert not result.ok
    assert result.first_bad_seq == 2

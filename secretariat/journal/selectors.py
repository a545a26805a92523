"""Reading the journal: the public head, entries for auditors, and verification."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from django.db.models import Max, QuerySet

from secretariat.core.domain.actors import Actor
from secretariat.core.permissions import require
from secretariat.journal.domain.chain import (
    GENESIS_HASH,
    StoredEntry,
    VerificationResult,
    verify_chain,
)
from secretariat.journal.models import JournalEntry
from secretariat.journal.services import format_time


@dataclass(frozen=True)
class JournalHead:
    size: int
    head_hash: str
    last_recorded_at: str | None


def journal_head() -> JournalHead:
    """Public: how many entries there are and the hash of the last one."""
    last = JournalEntry.objects.order_by("-seq").first()
    if last is None:
        return JournalHead(0, GENESIS_HASH, None)
    return JournalHead(last.seq, last.entry_hash, format_time(last.recorded_at))


def last_changed(subjects: list[str]) -> dict[str, dt.datetime]:
    """Public: when each subject was last changed by someone, for the dates a feed gives.

    Entries written by a dataset load are left out: they record when the data was loaded, not when
    the record changed, and a reload would otherwise make every entry look new.
    """
    rows = (
        JournalEntry.objects.filter(subject__in=subjects)
        .exclude(actor_user__startswith="dataset:")
        .values("subject")
        .annotate(last=Max("recorded_at"))
    )
    return {row["subject"]: row["last"] for row in rows}


def journal_entries_for(actor: Actor) -> QuerySet[JournalEntry]:
    """Entries with their content: auditors and the secretariat only."""
    require(actor, "journal.read_entries")
    return JournalEntry.objects.order_by("seq")


def entry_data(entry: JournalEntry) -> dict[str, Any]:
    document: dict[str, Any] = json.loads(bytes(entry.entry_bytes))
    return document


def _stored_entries(batch_size: int = 2000) -> Iterator[StoredEntry]:
    # Stream in order, batch by batch, so verification of a large journal runs in flat memory.
    # Reading in seq order (not insertion order) is what lets reordered rows be detected.
    rows = JournalEntry.objects.order_by("seq").iterator(chunk_size=batch_size)
    for row in rows:
        yield StoredEntry(
            seq=row.seq,
            time=format_time(row.recorded_at),
            actor={
                "role": row.actor_role,
                "state": row.actor_state or None,
                "user": row.actor_user or None,
                "user_id": _actor_user_id(row),
            },
            action=row.action,
            subject=row.subject,
            entry_bytes=bytes(row.entry_bytes),
            prev_hash=row.prev_hash,
            entry_hash=row.entry_hash,
        )


def _actor_user_id(row: JournalEntry) -> Any:
    # The user id lives only in the hashed bytes (users can be renamed, not re-numbered); take it
    # from there so the column comparison covers role, state and username.
    try:
        document = json.loads(bytes(row.entry_bytes))
    except ValueError:
        return None  # verify_chain reports the bad bytes themselves
    actor = document.get("actor") if isinstance(document, dict) else None
    return actor.get("user_id") if isinstance(actor, dict) else None


def verify_journal() -> VerificationResult:
    return verify_chain(_stored_entries())

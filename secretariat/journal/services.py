"""Appending to the journal. Every service calls `record` inside its own transaction.

Use `record` for every change of the organization's records, once per domain event, with data that
says what happened in the domain's words ("chair term of BY from 2010-12-10 recorded"), not a row
diff. It refuses to run outside a transaction, so an entry can never outlive a rolled-back write.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from typing import Any

from django.db import connection, transaction

from secretariat.core.domain.actors import Actor
from secretariat.journal.domain.chain import (
    GENESIS_HASH,
    canonical_bytes,
    entry_document,
    leaf_hash,
)
from secretariat.journal.models import JournalEntry

# Any constant works; it only has to be the same for every writer of this database.
_POSTGRES_LOCK_KEY = 7_242_019_920_515


def format_time(moment: dt.datetime) -> str:
    return moment.astimezone(dt.UTC).strftime("%Y-%m-%dT%H:%M:%S.%fZ")


def record(
    *, actor: Actor, action: str, subject: str, data: Mapping[str, Any] | None = None
) -> JournalEntry:
    if not connection.in_atomic_block:
        raise RuntimeError("journal.record must run inside the writing service's transaction")
    _take_append_lock()
    last = JournalEntry.objects.order_by("-seq").only("seq", "entry_hash").first()
    seq = 1 if last is None else last.seq + 1
    prev_hash = GENESIS_HASH if last is None else last.entry_hash
    # Whole microseconds survive every backend's datetime column, so the column re-reads equal.
    now = dt.datetime.now(dt.UTC)
    document = entry_document(
        seq=seq,
        time=format_time(now),
        actor=actor.as_journal_dict(),
        action=action,
        subject=subject,
        data=data or {},
        prev_hash=prev_hash,
    )
    entry_bytes = canonical_bytes(document)
    return JournalEntry.objects.create(
        seq=seq,
        recorded_at=now,
        actor_role=actor.role.value,
        actor_state=actor.state or "",
        actor_user=actor.username or "",
        action=action,
        subject=subject,
        entry_bytes=entry_bytes,
        prev_hash=prev_hash,
        entry_hash=leaf_hash(entry_bytes),
    )


def _take_append_lock() -> None:
    """Serialize appends until the surrounding transaction ends.

    PostgreSQL: a transaction-scoped advisory lock. SQLite: transactions already begin IMMEDIATE
    (see settings), which holds the database's single write lock for the whole transaction.
    """
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("SELECT pg_advisory_xact_lock(%s)", [_POSTGRES_LOCK_KEY])


@transaction.atomic
def record_now(*, actor: Actor, action: str, subject: str, data: Mapping[str, Any]) -> JournalEntry:
    """For events that change nothing else (e.g. a verification run worth recording)."""
    return record(actor=actor, action=action, subject=subject, data=data)

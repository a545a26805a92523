"""Journal API: the head is public (anyone can pin it); entries are for auditors and staff."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest
from ninja import Query, Router, Schema

from secretariat.api.auth import actor_of
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
    "/entries", response=EntryPage, summary="Journal entries in order (auditors, secretariat)"
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

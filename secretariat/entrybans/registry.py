"""The register as screening sees it, kept in memory per process and refreshed on every change.

Use `current_index()` before each screening: it reads the register version (one tiny query) and,
when another process or this one has changed the register since, brings the in-memory index up
to date: the listings changed since the index's version (each carries the version of its last
change) replace their old entries in place, in milliseconds; a rebuild from scratch happens only
on a process's first query, inside a transaction, or when replaced entries have piled up.

Why a version read per query and not PostgreSQL's LISTEN/NOTIFY: it works the same on SQLite,
cannot miss a change while a connection is being re-established, and costs one primary-key read
beside the access-log row every screening writes anyway.
`screen_names` is the screening service the page, the API, the yente-compatible endpoint and the
commands all use: it screens, reduces each hit to what an officer may see, and logs the search.
"""

from __future__ import annotations

import multiprocessing
import threading
import unicodedata
from collections.abc import Callable, Generator, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from django.db import connections, router, transaction
from django.db.models import QuerySet

from secretariat.core.domain.actors import Actor
from secretariat.core.domain.errors import RuleViolation
from secretariat.core.permissions import require
from secretariat.entrybans.models import (
    IdentityDocument,
    Listing,
    ListingName,
    ListingStatus,
    MisusedIdentity,
    RegisterVersion,
)
from secretariat.entrybans.screening.index import ScreeningIndex
from secretariat.entrybans.screening.records import (
    STRONG,
    Entry,
    MisuseRecord,
    PartialDate,
    Query,
    make_entry,
    make_name,
    make_query,
)
from secretariat.entrybans.screening.score import USES, Result
from secretariat.entrybans.services import log_accesses

_lock = threading.Lock()
_index: ScreeningIndex | None = None


# The version read every screening makes, as one fixed statement: the ORM would compile the same
# query again for every request (a third of the request's own CPU time at one query a request).
_VERSION_SQL = f"SELECT number FROM {RegisterVersion._meta.db_table} WHERE id = 1"  # noqa: S608 - the model's own table


def register_version() -> int:
    with connections[router.db_for_read(RegisterVersion)].cursor() as cursor:
        cursor.execute(_VERSION_SQL)
        row = cursor.fetchone()
    return int(row[0]) if row else 0


# What the engine needs of a listing: read as plain values, never as model instances (see
# `entries_of`).
ENTRY_FIELDS = (
    "id",
    "reference",
    "surname",
    "given_names",
    "patronymic",
    "surname_latin",
    "given_names_latin",
    "patronymic_latin",
    "birth_date",
    "nationalities",
    "issuing_state",
    "recognized_by",
    "action_on_hit",
    "contact",
    "status",
    "fictitious",
)
ENTRY_CHUNK = 2000  # listings read at a time, with their names, documents and misuse records


def entries_of(listings: QuerySet[Listing]) -> Iterator[Entry]:
    """The entries of these listings, in id order. Read as values, a chunk of listings at a time
    with one query for each related table: model instances and per-listing prefetch querysets
    cost the ORM more than building the index does (30 s against 5 s for 100,000 listings)."""
    last = 0
    while True:
        chunk = list(
            listings.filter(id__gt=last).order_by("id").values(*ENTRY_FIELDS)[:ENTRY_CHUNK]
        )
        if not chunk:
            return
        ids = [row["id"] for row in chunk]
        names = _grouped(
            ListingName.objects.filter(listing_id__in=ids)
            .order_by("id")
            .values_list("listing_id", "name", "quality")
        )
        documents = _grouped(
            IdentityDocument.objects.filter(listing_id__in=ids)
            .order_by("id")
            .values_list("listing_id", "number")
        )
        misuse = _grouped(
            MisusedIdentity.objects.filter(listing_id__in=ids)
            .order_by("id")
            .values_list("listing_id", "birth_date", "nationality", "document_numbers")
        )
        for row in chunk:
            key = row["id"]
            yield _entry(row, names.get(key, []), documents.get(key, []), misuse.get(key, []))
        last = chunk[-1]["id"]


def _grouped(rows: Iterable[tuple[Any, ...]]) -> dict[int, list[tuple[Any, ...]]]:
    """Related rows by their listing (the first value), the rest of each row kept in order."""
    grouped: dict[int, list[tuple[Any, ...]]] = {}
    for listing_id, *rest in rows:
        grouped.setdefault(listing_id, []).append(tuple(rest))
    return grouped


def _entry(
    row: Mapping[str, Any],
    aliases: list[tuple[Any, ...]],
    documents: list[tuple[Any, ...]],
    misuse_rows: list[tuple[Any, ...]],
) -> Entry:
    """A listing as the engine sees it; `payload` is all an officer is shown on a hit."""
    names = [
        make_name(surname=row["surname"], given=row["given_names"], patronymic=row["patronymic"]),
        make_name(
            surname=row["surname_latin"],
            given=row["given_names_latin"],
            patronymic=row["patronymic_latin"],
        ),
    ]
    names += [make_name(full=name, quality=quality) for name, quality in aliases]
    misuse = [
        MisuseRecord(
            PartialDate.parse(birth_date) if birth_date else None,
            nationality or None,
            frozenset(_doc(n) for n in numbers),
        )
        for birth_date, nationality, numbers in misuse_rows
    ]
    latin = " ".join(
        p for p in (row["given_names_latin"], row["patronymic_latin"], row["surname_latin"]) if p
    )
    return make_entry(
        row["reference"],
        names,
        birth_dates=[row["birth_date"]] if row["birth_date"] else [],
        nationalities=list(row["nationalities"]),
        documents=[number for (number,) in documents],
        misuse=misuse,
        payload={
            "reference": row["reference"],
            "name": latin,
            "name_original": " ".join(
                p for p in (row["given_names"], row["patronymic"], row["surname"]) if p
            ),
            "birth_date": row["birth_date"],
            "nationalities": list(row["nationalities"]),
            "issuing_state": row["issuing_state"],
            "recognized_by": list(row["recognized_by"]),
            "action_on_hit": row["action_on_hit"],
            "contact": row["contact"],
            "quarantined": row["status"] == ListingStatus.QUARANTINED,
            "fictitious": row["fictitious"],
        },
    )


def _doc(number: str) -> str:
    from secretariat.entrybans.screening.records import document_key

    return document_key(number)


# Rebuild instead of updating in place once this share of the index's positions holds replaced
# or removed entries (they cost memory and a little time on every query that reaches them).
REBUILD_DEAD_SHARE = 0.2


def build_index(version: int) -> ScreeningIndex:
    live = Listing.objects.exclude(status=ListingStatus.DELETED)
    return ScreeningIndex(entries_of(live), version=version)


def refresh(index: ScreeningIndex, version: int) -> bool:
    """Bring `index` up to `version` in place from the listings changed since its own version.
    False (nothing done) when so much changed that a rebuild is the better way."""
    changed = Listing.objects.filter(register_version__gt=index.version)
    statuses = dict(changed.values_list("reference", "status"))
    if len(statuses) + len(index.entries) * index.dead_share > REBUILD_DEAD_SHARE * len(index):
        return False
    live = list(entries_of(changed.exclude(status=ListingStatus.DELETED)))
    gone = [ref for ref, status in statuses.items() if status == ListingStatus.DELETED]
    # `version` was read before the changes were: a change committed in between is applied now
    # and again next time, which changes nothing (an entry replaces the entry of its id).
    index.apply(live, gone, version)
    return True


def current_index() -> ScreeningIndex:
    """The index for the register as it is now (brought up to date when the version moved)."""
    global _index
    version = register_version()
    index = _index
    in_transaction = transaction.get_connection().in_atomic_block
    if index is not None and index.version == version and not in_transaction:
        return index
    if in_transaction:
        # Inside a transaction (tests, a write in progress) the index is built for this
        # transaction's view and not kept, so no other request sees uncommitted listings.
        return build_index(version)
    with _lock:
        if _index is not None and _index.version == version:
            return _index  # another thread brought it up to date meanwhile
        # A version below the index's means the register was restored or reset: rebuild.
        if _index is None or _index.version > version or not refresh(_index, version):
            _index = build_index(version).settle()
        return _index


def warm() -> None:
    """Build the index before any request needs it: called in the server's parent process when it
    preloads the application (`secretariat serve`), so every worker starts with the index already
    built and shares its memory with the others (fork's copy-on-write; the index freezes itself
    out of the garbage collector's reach). At 100,000 listings a worker that built its own on its
    first request would exceed gunicorn's 30-second timeout and be killed. The parent's database
    connections are closed afterwards: a worker must not inherit them."""
    try:
        current_index()
    finally:
        connections.close_all()


@dataclass(frozen=True)
class NameQuery:
    name: str
    birth_date: str | None = None
    nationality: str | None = None
    documents: tuple[str, ...] = ()


def officer_view(result: Result, use: str, state: str | None = None) -> dict[str, Any]:
    """What a hit shows: the match, the action, the issuing state's contact, and whether the
    officer's state applies the listing. Never the assessment or the reasons."""
    payload = result.payload
    recognized: Any = payload["recognized_by"]
    decision = result.decision(use)
    if payload.get("quarantined") and decision == "hit":
        decision = "review"
    return {
        "reference": payload["reference"],
        "score": result.score,
        "decision": decision,
        "matched_name": result.matched_name,
        "name": payload["name"],
        "name_original": payload["name_original"],
        "birth_date": payload["birth_date"],
        "nationalities": payload["nationalities"],
        "issuing_state": payload["issuing_state"],
        "action_on_hit": payload["action_on_hit"],
        "applies_in_your_state": state is None or state in recognized,
        "contact": payload["contact"],
        "quarantined": payload["quarantined"],
        "fictitious": payload["fictitious"],
        "weak_alias": result.weak_alias,
        "features": result.features,
        "explanation": result.explanation,
    }


# The index a batch's worker processes screen against: set before they are forked, so each
# inherits it (copy-on-write) instead of receiving it.
_forked_index: ScreeningIndex | None = None


def _screen_in_worker(job: tuple[list[Query], str, int]) -> list[list[Result]]:
    queries, use, limit = job
    assert _forked_index is not None
    return [_forked_index.screen(query, use, limit) for query in queries]


class BatchWorkers:
    """Processes that share the screening of a long batch (the `--workers` of `secretariat
    screen --batch`). They are forked with the index as it is when the pool starts and only
    compute: the database, the access log and what an officer sees stay with the caller. Use as
    a context manager around the batch; a register change during the batch is seen by the next
    batch, as a query already sent is answered against the register it was sent to."""

    def __init__(self, processes: int) -> None:
        self.processes = processes
        self._pool: Any = None
        self.index: ScreeningIndex | None = None

    def __enter__(self) -> BatchWorkers:
        global _forked_index
        if self.processes > 1:
            self.index = current_index()
            _forked_index = self.index
            # The children never use the database connection they inherit, and are terminated
            # (no finalizer runs in them), so the caller's connection is left as it was.
            self._pool = multiprocessing.get_context("fork").Pool(self.processes)
        return self

    def __exit__(self, *exc: object) -> None:
        global _forked_index
        if self._pool is not None:
            self._pool.terminate()
            self._pool.join()
        _forked_index = None

    def submit(
        self, queries: list[Query], use: str, limit: int
    ) -> Callable[[], list[list[Result]]]:
        """Send a batch to the workers and return at once; call the result to wait for the
        answers (in the order sent). The caller meanwhile does its own part of the last batch."""
        share = -(-len(queries) // self.processes)  # ceiling: one slice per process
        jobs = [(queries[i : i + share], use, limit) for i in range(0, len(queries), share)]
        sent = self._pool.map_async(_screen_in_worker, jobs)
        return lambda: [hits for part in sent.get() for hits in part]

    def screen(self, queries: list[Query], use: str, limit: int) -> list[list[Result]]:
        return self.submit(queries, use, limit)()


def screen_names(
    actor: Actor,
    queries: Sequence[NameQuery],
    *,
    use: str = "border",
    limit: int = 10,
    channel: str = "screen",
    workers: BatchWorkers | None = None,
) -> list[list[dict[str, Any]]]:
    """Screen each query; one access-log row per query, whatever it returned. With `workers`
    (a long batch) the screening itself is shared among their processes."""
    prepared = _prepared(actor, queries, use)
    if workers is not None and workers.index is not None:
        index = workers.index
        found = workers.screen(prepared, use, limit)
    else:
        index = current_index()
        found = [index.screen(query, use, limit) for query in prepared]
    return _answered(actor, queries, found, index.version, use, channel)


_Sent = tuple[Sequence[NameQuery], Callable[[], list[list[Result]]]]


def screen_batches(
    actor: Actor,
    batches: Iterable[Sequence[NameQuery]],
    *,
    workers: BatchWorkers,
    use: str = "border",
    limit: int = 10,
    channel: str = "batch",
) -> Generator[tuple[Sequence[NameQuery], list[list[dict[str, Any]]]], None, None]:
    """`screen_names` for a stream of batches: each batch with its answers, in order. With worker
    processes, the next batch is being screened while this one is logged and handed back, so
    the caller's share of the work (preparing, logging, writing out) overlaps theirs.

    A batch refused (a bad query, or the stream itself failing) stops the stream with the error,
    but only after every batch sent before it has been answered and logged; a batch already
    screened when the caller stops reading is logged too, as every search is."""
    if workers.index is None:  # one process: nothing to overlap
        for batch in batches:
            yield batch, screen_names(actor, batch, use=use, limit=limit, channel=channel)
        return
    index = workers.index

    def answer(sent: _Sent) -> tuple[Sequence[NameQuery], list[list[dict[str, Any]]]]:
        queries, found = sent
        return queries, _answered(actor, queries, found(), index.version, use, channel)

    # The batch sent to the workers and not yet answered: its queries, and the wait for them.
    pending: _Sent | None = None
    try:
        for batch in batches:  # a failing stream raises here
            sent = (batch, workers.submit(_prepared(actor, batch, use), use, limit))
            ready, pending = pending, sent  # before yielding: the reader may stop there
            if ready is not None:
                yield answer(ready)
    except GeneratorExit:
        if pending is not None:
            answer(pending)  # screened, though never read: logged all the same
        raise
    except Exception:
        if pending is not None:
            yield answer(pending)
        raise
    if pending is not None:
        yield answer(pending)


# The longest name a query may carry. The longest names on the register are under 120
# characters; a few times that leaves room for every alias written out, and keeps one query's
# work (and its access-log row) bounded.
NAME_MAX_CHARS = 300
# Controls that change how text is shown without being part of it: the bidirectional overrides
# and isolates (a name could be made to display as another). Joiners (ZWJ, ZWNJ) are letters'
# business in several scripts and are allowed.
BIDI_CONTROLS = frozenset("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")


def check_name(name: str) -> None:
    """Refuse a name no screening should run on: longer than NAME_MAX_CHARS, or carrying control
    characters (C0/C1 controls, tabs and line breaks included, or bidirectional overrides)."""
    if len(name) > NAME_MAX_CHARS:
        raise RuleViolation(
            f"a name to screen is at most {NAME_MAX_CHARS} characters; this one has {len(name):,}",
            field="name",
        )
    for position, char in enumerate(name, start=1):
        if unicodedata.category(char) == "Cc" or char in BIDI_CONTROLS:
            raise RuleViolation(
                f"a name to screen may not contain control characters "
                f"(U+{ord(char):04X} at character {position})",
                field="name",
            )


def _prepared(actor: Actor, queries: Sequence[NameQuery], use: str) -> list[Query]:
    """The engine's queries, or the refusal of the whole batch (nothing screened, nothing
    logged) for a caller who may not screen, an unknown use, or a query with no name, a name
    too long or with control characters, or a malformed date of birth."""
    require(actor, "entrybans.screen")
    if use not in USES:
        raise RuleViolation(f"use must be one of {', '.join(USES)}", field="use")
    prepared: list[Query] = []
    for item in queries:
        check_name(item.name)
        try:
            query = make_query(
                item.name,
                birth_date=item.birth_date or None,
                nationality=item.nationality or None,
                documents=list(item.documents),
            )
        except ValueError as exc:
            raise RuleViolation(str(exc), field="birth_date") from None
        if not query.tokens:
            raise RuleViolation("give a name to screen", field="name")
        prepared.append(query)
    return prepared


def _answered(
    actor: Actor,
    queries: Sequence[NameQuery],
    found: list[list[Result]],
    version: int,
    use: str,
    channel: str,
) -> list[list[dict[str, Any]]]:
    """What the officer sees of each query's results, with one access-log row per query."""
    answers = []
    logs = []
    for item, results in zip(queries, found, strict=True):
        hits = [officer_view(r, use, actor.state) for r in results]
        answers.append(hits)
        logs.append(
            (
                {
                    "name": item.name,
                    "birth_date": item.birth_date,
                    "nationality": item.nationality,
                    "documents": list(item.documents),
                    "use": use,
                    "channel": channel,
                    "register_version": version,
                },
                [
                    {"reference": h["reference"], "score": h["score"], "decision": h["decision"]}
                    for h in hits
                ],
            )
        )
    log_accesses(actor, action="screen", rows=logs)
    return answers


def name_query(data: Mapping[str, Any]) -> NameQuery:
    documents = data.get("documents") or []
    if isinstance(documents, str):
        documents = [documents]
    return NameQuery(
        name=str(data.get("name") or ""),
        birth_date=data.get("birth_date") or None,
        nationality=data.get("nationality") or None,
        documents=tuple(str(d) for d in documents),
    )


__all__ = [
    "NAME_MAX_CHARS",
    "STRONG",
    "BatchWorkers",
    "NameQuery",
    "check_name",
    "current_index",
    "name_query",
    "screen_batches",
    "screen_names",
]

"""Many writers at once: the journal stays gapless, duplicate-free and verifiable.

Runs on whichever database the suite runs on; CI runs it on SQLite and on PostgreSQL.
"""

from __future__ import annotations

import threading

from django.db import connection, transaction

from secretariat.core.domain.actors import Actor
from secretariat.journal.models import JournalEntry
from secretariat.journal.selectors import verify_journal
from secretariat.journal.services import record

WRITERS = 8
ENTRIES_EACH = 25


def test_concurrent_writers_never_produce_a_gap_or_a_duplicate(transactional_db):
    start = JournalEntry.objects.count()
    barrier = threading.Barrier(WRITERS)
    failures: list[BaseException] = []

    def writer(number: int) -> None:
        try:
            barrier.wait()
            for index in range(ENTRIES_EACH):
                with transaction.atomic():
                    record(
                        actor=Actor.system(f"writer-{number}"),
                        action="test.concurrent",
                        subject=f"writer:{number}",
                        data={"index": index},
                    )
        except BaseException as exc:  # pragma: no cover - reported below
            failures.append(exc)
        finally:
            connection.close()

    threads = [threading.Thread(target=writer, args=(n,)) for n in range(WRITERS)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    assert not failures, failures
    seqs = list(JournalEntry.objects.order_by("seq").values_list("seq", flat=True))
    assert seqs == list(range(1, start + WRITERS * ENTRIES_EACH + 1))
    per_writer = JournalEntry.objects.filter(action="test.concurrent").values_list(
        "subject", flat=True
    )
    assert sorted(set(per_writer)) == sorted(f"writer:{n}" for n in range(WRITERS))
    result = verify_journal()
    assert result.ok, result
    assert result.entries_checked == start + WRITERS * ENTRIES_EACH

"""The reference screener: every entry scored, edit distance in plain Python.

Slow on purpose and obviously right: use it in tests to check the fast path (`index.py`), which
must return the same entries with the same scores wherever its candidate step lets them through.
"""

from __future__ import annotations

from collections.abc import Iterable

from secretariat.entrybans.screening.records import Entry, Query
from secretariat.entrybans.screening.score import Result, score_entry


def levenshtein(a: str, b: str, cutoff: int) -> int:
    """Edit distance with adjacent swaps (optimal string alignment), by textbook dynamic
    programming; the cutoff is ignored (the answer is always exact)."""
    rows = [list(range(len(b) + 1))]
    for i in range(1, len(a) + 1):
        row = [i] + [0] * len(b)
        for j in range(1, len(b) + 1):
            cost = a[i - 1] != b[j - 1]
            row[j] = min(rows[i - 1][j] + 1, row[j - 1] + 1, rows[i - 1][j - 1] + cost)
            if i > 1 and j > 1 and a[i - 1] == b[j - 2] and a[i - 2] == b[j - 1]:
                row[j] = min(row[j], rows[i - 2][j - 2] + 1)
        rows.append(row)
    return rows[-1][-1]


def reference_screen(
    entries: Iterable[Entry], query: Query, use: str = "border", limit: int = 10
) -> list[Result]:
    results = [r for e in entries if (r := score_entry(query, e, levenshtein)).reportable(use)]
    results.sort(key=lambda r: (-r.score, r.entry_id))
    return results[:limit]

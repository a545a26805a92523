"""Cost of the consensus engine and of the meetings reads, beside a peer measured in the same run.

Usage (a loaded database, e.g. after `make run` or `secretariat load-dataset csto`):
    .venv/bin/python bench/meetings_engine.py [-n 2000]

The engine is pure Python, so its figure is absolute (verdicts per second). The reads are given as
ratios to the cheapest read of the same kind on the same database — fetching one session by code —
so the figures mean the same on any machine: "the attendance matrix costs k single-session reads".
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import statistics
import time
from collections.abc import Callable


def timed(run: Callable[[], object], n: int) -> float:
    """Median milliseconds of `run` over n calls, after a few warm-up calls."""
    for _ in range(min(5, n)):
        run()
    samples = []
    for _ in range(n):
        start = time.perf_counter()
        run()
        samples.append((time.perf_counter() - start) * 1000)
    return statistics.median(samples)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("-n", type=int, default=2000, help="engine evaluations")
    args = parser.parse_args()

    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "secretariat.config.settings")
    import django

    django.setup()
    from secretariat.meetings import selectors
    from secretariat.meetings.domain.consensus import (
        CONSENSUS_OF_ALL,
        CONSENSUS_OF_PRESENT,
        Position,
        evaluate,
    )

    members = ["AM", "BY", "KZ", "KG", "RU", "TJ", "UZ"]
    present = members[1:]
    positions = {"UZ": Position.NOT_INTERESTED, "KG": Position.ABSTAINS}
    start = time.perf_counter()
    for index in range(args.n):
        rules = CONSENSUS_OF_PRESENT if index % 2 else CONSENSUS_OF_ALL
        evaluate(rules, members, present, positions)
    per_second = args.n / (time.perf_counter() - start)
    print(f"consensus engine: {per_second:,.0f} verdicts/s (7 members, 2 readings)")

    floor = timed(lambda: selectors.session("csc-2011-08-12"), 200)
    reads = {
        "nearest session to 2011-08-12": lambda: selectors.nearest_session(dt.date(2011, 8, 12)),
        "attendance matrix": lambda: selectors.attendance_matrix(),
        "attendance rates": lambda: selectors.attendance_rates(),
        "readings of the 2009 CRRF agreement": lambda: selectors.readings_of(
            selectors.decision("csc-2009-06-14", "crrf-agreement")
        ),
    }
    print(f"peer: one session by code, median {floor:.2f} ms")
    for name, run in reads.items():
        median = timed(run, 50)
        print(f"{name:40s} median {median:7.2f} ms   ×{median / floor:6.1f} the peer")


if __name__ == "__main__":
    main()

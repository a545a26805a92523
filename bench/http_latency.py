"""Response times of the portal and API against a running server, beside the server's own floor.

Usage: start `secretariat serve` (or `make run`), then
    .venv/bin/python bench/http_latency.py [--base http://127.0.0.1:8000] [-n 300]

The peer measured in the same run is the cheapest response the same server gives: the journal head
(one indexed query, tiny JSON). Each page's ratio to it says how much the page itself costs, whatever
the machine.
"""

from __future__ import annotations

import argparse
import statistics
import time
import urllib.request

PATHS = [
    "/api/v1/journal/head",  # the floor: one query, a few bytes
    "/",
    "/?date=2011-08-12",
    "/members/",
    "/members/UZ/",
    "/api/v1/organization?as_of=2011-08-12",
    "/api/v1/membership?as_of=2013-01-01",
]


def measure(url: str, n: int) -> list[float]:
    for _ in range(5):  # warm the workers and their connections
        urllib.request.urlopen(url).read()  # noqa: S310 - a URL the operator gave
    times = []
    for _ in range(n):
        start = time.perf_counter()
        urllib.request.urlopen(url).read()  # noqa: S310
        times.append((time.perf_counter() - start) * 1000)
    return sorted(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--base", default="http://127.0.0.1:8000")
    parser.add_argument("-n", type=int, default=300)
    args = parser.parse_args()
    floor = None
    print(f"{'path':45} {'median ms':>10} {'p95 ms':>8} {'x floor':>8}")
    for path in PATHS:
        times = measure(args.base + path, args.n)
        median = statistics.median(times)
        floor = floor or median
        p95 = times[int(len(times) * 0.95) - 1]
        print(f"{path:45} {median:10.2f} {p95:8.2f} {median / floor:8.1f}")


if __name__ == "__main__":
    main()

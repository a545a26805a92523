"""The depositary at UN scale: 600 instruments × 200 states, 100,000 acts.

Usage:
    .venv/bin/python bench/depositary_scale.py            # engine and database figures
    .venv/bin/python bench/depositary_scale.py --engine   # the pure engine only (no database)

Prints (1) the time the pure engine takes to compute every instrument's status, for every state,
with the validity checks and without them; (2) against a throw-away SQLite database filled with the
same acts: reading every act and computing every status (the status matrix's work), and the median
and 95th percentile of the busiest instrument's page and API answer, rendered by Django's test
client in-process (no network). The fixture rows are bulk-inserted, not journaled: the benchmark
measures reads, and the write path is the same one the tests cover.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

INSTRUMENTS = 600
STATES = 200
ACTS = 100_000
SEED = 20_261_128

PATTERNS: list[tuple[str, dict[str, Any]]] = [
    # (name, final clauses in the import format)
    ("att", {"entry_into_force": {"condition": {"consents": 50}, "timing": {"days": 90}}}),
    (
        "tpnw",
        {
            "entry_into_force": {
                "condition": {"consents": 50},
                "timing": {"days": 90},
                "later": {"start": "condition", "timing": {"days": 90}},
            }
        },
    ),
    (
        "ottawa",
        {
            "entry_into_force": {
                "condition": {"consents": 40},
                "timing": {"months": 6, "align": "first_of_month"},
            }
        },
    ),
    (
        "rome",
        {
            "entry_into_force": {
                "condition": {"consents": 60},
                "timing": {"days": 60, "align": "first_of_following_month"},
            }
        },
    ),
    (
        "coe",
        {
            "entry_into_force": {
                "condition": {"consents": 5, "of_members": 3},
                "timing": {"months": 3, "align": "first_of_following_month"},
            }
        },
    ),
    (
        "csto",
        {
            "entry_into_force": {
                "condition": {"consents": 4, "counted": ["notification", "ratification"]},
                "later": {"start": "condition"},
            }
        },
    ),
    ("all-signatories", {"entry_into_force": {"condition": {"all_signatories": True}}}),
    (
        "nairobi",
        {
            "entry_into_force": {
                "condition": {"consents": 10},
                "timing": {"months": 12},
                "later": {"start": "condition", "timing": {"months": 3}},
            }
        },
    ),
]


def codes() -> list[str]:
    from secretariat.depositary.domain.countries import COUNTRIES

    return sorted(COUNTRIES)[:STATES]


def generate() -> list[tuple[str, dict[str, Any], list[tuple[str, str, dt.date]]]]:
    """(code, clauses, [(state, kind, date)]) for every instrument; ACTS acts in all."""
    rng = random.Random(SEED)  # noqa: S311 - reproducible benchmark data, not a secret
    states = codes()
    per_instrument = ACTS // INSTRUMENTS
    result = []
    for number in range(INSTRUMENTS):
        name, clauses = PATTERNS[number % len(PATTERNS)]
        adopted = dt.date(1950, 1, 1) + dt.timedelta(days=rng.randrange(365 * 70))
        acts: list[tuple[str, str, dt.date]] = []
        chosen = rng.sample(states, k=min(STATES, per_instrument // 2 + 10))
        for state in chosen:
            if len(acts) >= per_instrument:
                break
            signed = adopted + dt.timedelta(days=rng.randrange(365))
            acts.append((state, "signature", signed))
            if len(acts) < per_instrument and rng.random() < 0.85:
                kind = "notification" if name == "csto" else "ratification"
                acts.append((state, kind, signed + dt.timedelta(days=rng.randrange(30, 2000))))
            if len(acts) < per_instrument and rng.random() < 0.05:
                acts.append((state, "reservation", signed))
        while len(acts) < per_instrument:
            state = rng.choice(states)
            acts.append((state, "declaration", adopted + dt.timedelta(days=rng.randrange(4000))))
        if number < ACTS - per_instrument * INSTRUMENTS:
            acts.append((chosen[0], "communication", adopted + dt.timedelta(days=4001)))
        result.append((f"bench-{name}-{number:03d}", clauses, acts))
    return result


def bench_engine(data: list) -> None:
    from secretariat.depositary.domain.acts import Act, ActKind
    from secretariat.depositary.domain.clauses import FinalClauses
    from secretariat.depositary.domain.engine import evaluate

    members = frozenset(codes()[:47])
    prepared = []
    key = 0
    for code, clauses, acts in data:
        domain = []
        for state, kind, date in acts:
            key += 1
            domain.append(Act(key, state, ActKind(kind), date))
        prepared.append((code, FinalClauses.from_dict(clauses), domain))
    total = sum(len(a) for _, _, a in prepared)
    on = dt.date(2026, 1, 1)
    for check in (False, True):
        runs = []
        for _ in range(3):
            start = time.perf_counter()
            in_force = 0
            for _code, clauses, acts in prepared:
                status = evaluate(
                    clauses,
                    acts,
                    as_of=on,
                    adopted=dt.date(1950, 1, 1),
                    members=members,
                    check=check,
                )
                in_force += status.in_force
            runs.append(time.perf_counter() - start)
        label = "with validity checks" if check else "statuses only"
        print(
            f"engine, {len(prepared)} instruments, {total} acts, {label}: "
            f"best {min(runs) * 1000:.0f} ms, median {statistics.median(runs) * 1000:.0f} ms "
            f"({in_force} in force)"
        )


def bench_database(data: list, samples: int) -> None:
    directory = tempfile.mkdtemp(prefix="depositary-bench-")
    os.environ["SECRETARIAT_DATA_DIR"] = directory
    os.environ.pop("DATABASE_URL", None)
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "secretariat.config.settings")
    os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
    import django

    django.setup()
    from django.conf import settings
    from django.core.management import call_command
    from django.test import Client
    from django.test.utils import setup_test_environment

    from secretariat.depositary import selectors
    from secretariat.depositary.models import Act, Instrument, Notification

    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    }
    settings.ALLOWED_HOSTS = ["*"]
    setup_test_environment()
    call_command("migrate", verbosity=0)
    start = time.perf_counter()
    instruments = [
        Instrument(
            code=code,
            title_en=f"Benchmark instrument {code}",
            kind="convention",
            adopted_on=dt.date(1950, 1, 1),
            participation="open",
            final_clauses=clauses,
        )
        for code, clauses, _ in data
    ]
    Instrument.objects.bulk_create(instruments)
    rows = [
        Act(instrument_id=code, state=state, kind=kind, date=date, status="registered")
        for code, _, acts in data
        for state, kind, date in acts
    ]
    # Repeated (state, kind, date) triples within an instrument would break the unique constraint.
    seen = set()
    unique_rows = []
    for row in rows:
        key = (row.instrument_id, row.state, row.kind, row.date)
        if key not in seen:
            seen.add(key)
            unique_rows.append(row)
    Act.objects.bulk_create(unique_rows, batch_size=5000)
    busiest = max(data, key=lambda item: len(item[2]))[0]
    Notification.objects.bulk_create(
        [
            Notification(
                number=f"DN.{i}.2025",
                reference=f"DN.{i}.2025",
                year=2025,
                seq=i,
                kind="act",
                instrument_id=busiest,
                state="FR",
                issued_on=dt.date(2025, 1, 1),
                subject_en="bench",
                body_en="bench",
            )
            for i in range(1, 51)
        ]
    )
    print(
        f"database fixture: {Instrument.objects.count()} instruments, {Act.objects.count()} acts "
        f"(SQLite, loaded in {time.perf_counter() - start:.1f} s)"
    )
    on = dt.date(2026, 1, 1)
    runs = []
    for _ in range(3):
        selectors._STATUS_MEMO.clear()  # cold: nothing remembered
        start = time.perf_counter()
        statuses = selectors.all_statuses(on)
        runs.append(time.perf_counter() - start)
    print(
        f"read every act and compute every status ({len(statuses)} instruments), cold: "
        f"best {min(runs) * 1000:.0f} ms, median {statistics.median(runs) * 1000:.0f} ms"
    )
    start = time.perf_counter()
    selectors.all_statuses(on)
    print(
        f"the same, remembered until the journal moves: {(time.perf_counter() - start) * 1000:.1f} ms"
    )
    client = Client()
    acts_on_page = Act.objects.filter(instrument_id=busiest).count()
    for label, url in (
        ("status matrix", "/depositary/matrix/"),
        ("instrument page", f"/depositary/instruments/{busiest}/"),
        ("instrument API", f"/api/v1/depositary/instruments/{busiest}"),
        ("instrument page as of 1990", f"/depositary/instruments/{busiest}/?date=1990-01-01"),
        ("state page (600 instruments)", "/depositary/states/FR/"),
    ):
        selectors._STATUS_MEMO.clear()
        start = time.perf_counter()
        response = client.get(url)
        cold = (time.perf_counter() - start) * 1000
        assert response.status_code == 200, (url, response.status_code)
        times = []
        count = samples if "state" not in label else max(5, samples // 10)
        for _ in range(count):
            start = time.perf_counter()
            client.get(url)
            times.append((time.perf_counter() - start) * 1000)
        times.sort()
        p95 = times[min(len(times) - 1, int(len(times) * 0.95))]
        print(
            f"{label:30} ({acts_on_page} acts): median {statistics.median(times):.1f} ms, "
            f"p95 {p95:.1f} ms over {count} requests (first, cold: {cold:.0f} ms)"
        )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--engine", action="store_true", help="the pure engine only")
    parser.add_argument("-n", type=int, default=50, help="requests per page")
    args = parser.parse_args()
    data = generate()
    bench_engine(data)
    if not args.engine:
        bench_database(data, args.n)


if __name__ == "__main__":
    main()

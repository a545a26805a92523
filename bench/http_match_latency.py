"""`POST /match` through the real server: one query per request (p50/p95/p99) and 100 queries per
request (median and p95), against a register of 100,000 listings, every search written to the
access log as in production.

Set-up, once, in a database of its own (never a shared one):

    export DATABASE_URL=postgres://postgres@127.0.0.1:5432/<yours> SECRETARIAT_DATA_DIR=/tmp/<yours>
    .venv/bin/secretariat migrate && .venv/bin/secretariat load_dataset csto
    SECRETARIAT_PASSWORD=… .venv/bin/secretariat create_user bench-officer --role border_officer --state KZ --token
    PYTHONPATH=. <peers venv>/bin/python bench/screening_benchmark.py --register 100000 --write-files /tmp/files
    head -200 /tmp/files/register.ftm.jsonl > /tmp/files/first.jsonl
    .venv/bin/secretariat entrybans import /tmp/files/first.jsonl      # real listings, by the service
    .venv/bin/python bench/http_match_latency.py fill /tmp/files/register.ftm.jsonl   # the rest

`fill` copies the first imported listing's record for every further person of the file (their
names, date of birth and nationality; a new reference) with bulk inserts: importing 100,000
listings one by one through the service (journal, signatures) takes hours on this machine, and
the screening path reads the same rows either way. Benchmark databases only.

Then start the server as `secretariat serve` does (gunicorn, `--preload` if you measure it) and:

    .venv/bin/python bench/http_match_latency.py run --base http://127.0.0.1:8106 --token sec_… \
        --queries /tmp/files/queries.jsonl [--master <gunicorn pid>] [-n 1000]

The figures: wall-clock per request at the client, sequential, after a warm-up that makes every
worker build its index.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import statistics
import sys
import time
import urllib.request

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, ROOT)


def fill(path: str) -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "secretariat.config.settings")
    import django

    django.setup()
    from django.db import transaction
    from django.db.models import Max

    from secretariat.entrybans.models import Listing, ListingName

    template = Listing.objects.order_by("id").first()
    assert template is not None, "import a few listings through the service first"
    present = set(Listing.objects.values_list("reference", flat=True))
    version = Listing.objects.aggregate(v=Max("register_version"))["v"] or 0
    batch: list[Listing] = []
    aliases: list[tuple[str, str]] = []
    made = 0

    def flush() -> None:
        nonlocal batch, aliases
        with transaction.atomic():
            Listing.objects.bulk_create(batch)
            ids = dict(
                Listing.objects.filter(reference__in=[a for a, _ in aliases]).values_list(
                    "reference", "id"
                )
            )
            ListingName.objects.bulk_create(
                ListingName(listing_id=ids[ref], name=name) for ref, name in aliases
            )
        batch, aliases = [], []

    with open(path, encoding="utf-8") as lines:
        for line in lines:
            entity = json.loads(line)
            if entity["schema"] != "Person" or entity["id"] in present:
                continue
            props = entity["properties"]
            row = Listing(
                **{
                    f.attname: getattr(template, f.attname)
                    for f in Listing._meta.concrete_fields
                    if f.attname != "id"
                }
            )
            row.reference = entity["id"]
            row.surname, row.surname_latin = [*props["lastName"], "", ""][:2]
            row.given_names, row.given_names_latin = [*props["firstName"], "", ""][:2]
            row.patronymic, row.patronymic_latin = [*props.get("fatherName", []), "", ""][:2]
            row.birth_date = props["birthDate"][0]
            row.nationalities = [n.upper() for n in props["nationality"]]
            row.register_version = version
            batch.append(row)
            aliases += [(entity["id"], a) for a in props.get("alias", [])]
            made += 1
            if len(batch) >= 5000:
                flush()
                print(f"  {made} listings", flush=True)
    if batch:
        flush()
    print(f"filled {made} listings; {Listing.objects.count()} in the register")


def post(url: str, token: str, body: dict[str, object]) -> float:
    data = json.dumps(body).encode()
    request = urllib.request.Request(  # noqa: S310 - a URL the operator gave
        url,
        data=data,
        headers={"Authorization": f"Bearer {token}", "Content-Type": "application/json"},
    )
    start = time.perf_counter()
    with urllib.request.urlopen(request) as response:  # noqa: S310
        response.read()
        assert response.status == 200, response.status
    return (time.perf_counter() - start) * 1000


def example(name: str, birth_date: str | None) -> dict[str, object]:
    properties: dict[str, list[str]] = {"name": [name]}
    if birth_date:
        properties["birthDate"] = [birth_date]
    return {"schema": "Person", "properties": properties}


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(len(ordered) * share))]


def worker_cpu(master: int | None) -> float:
    """CPU seconds used so far by the server's worker processes (children of gunicorn's master):
    on a shared machine, wall-clock times say more about the neighbours than about the server."""
    if not master:
        return 0.0
    total = 0.0
    tick = os.sysconf("SC_CLK_TCK")
    for task in os.listdir(f"/proc/{master}/task"):
        with open(f"/proc/{master}/task/{task}/children") as children:
            for pid in children.read().split():
                with open(f"/proc/{pid}/stat") as stat:
                    fields = stat.read().rsplit(")", 1)[1].split()
                total += (int(fields[11]) + int(fields[12])) / tick
    return total


def run(base: str, token: str, queries_path: str, n: int, batches: int, master: int | None) -> None:
    with open(queries_path, encoding="utf-8") as lines:
        queries = [json.loads(line) for line in lines if line.strip()]
    rng = random.Random(3)  # noqa: S311 - a reproducible draw
    rng.shuffle(queries)
    url = f"{base}/api/v1/entry-bans/match/entrybans"
    for q in queries[:20]:  # every worker builds its index on its first query
        post(url, token, {"queries": {"q": example(q["name"], q["birth_date"])}})
    cpu = worker_cpu(master)
    single = [
        post(url, token, {"queries": {"q": example(q["name"], q["birth_date"])}})
        for q in queries[20 : 20 + n]
    ]
    if master:
        used = (worker_cpu(master) - cpu) / len(single) * 1000
        print(
            f"server workers' CPU per one-query request: {used:.2f} ms; load average {os.getloadavg()[0]:.1f}"
        )
    print(
        f"one query per POST /match, {len(single)} requests: p50 {statistics.median(single):.1f} ms, "
        f"p95 {percentile(single, 0.95):.1f} ms, p99 {percentile(single, 0.99):.1f} ms, "
        f"max {max(single):.1f} ms"
    )
    hundred = []
    cpu = worker_cpu(master)
    for b in range(batches):
        chunk = queries[1000 + b * 100 : 1100 + b * 100]
        body = {
            "queries": {f"q{i}": example(q["name"], q["birth_date"]) for i, q in enumerate(chunk)}
        }
        hundred.append(post(url, token, body))
    if master:
        used = (worker_cpu(master) - cpu) / len(hundred) * 1000
        print(f"server workers' CPU per 100-query request: {used:.1f} ms")
    median = statistics.median(hundred)
    p95 = percentile(hundred, 0.95)
    print(
        f"100 queries per POST /match, {len(hundred)} requests: p50 {median:.1f} ms, "
        f"p95 {p95:.1f} ms ({p95 / median:.2f}x the median), max {max(hundred):.1f} ms"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    commands = parser.add_subparsers(dest="command", required=True)
    filling = commands.add_parser("fill")
    filling.add_argument("register", help="register.ftm.jsonl of bench/screening_benchmark.py")
    running = commands.add_parser("run")
    running.add_argument("--base", default="http://127.0.0.1:8000")
    running.add_argument("--token", required=True)
    running.add_argument("--queries", required=True, help="queries.jsonl of --write-files")
    running.add_argument("-n", type=int, default=1000)
    running.add_argument("--batches", type=int, default=60)
    running.add_argument(
        "--master", type=int, help="gunicorn's master pid: report the workers' CPU"
    )
    args = parser.parse_args()
    if args.command == "fill":
        fill(args.register)
    else:
        run(args.base, args.token, args.queries, args.n, args.batches, args.master)


if __name__ == "__main__":
    main()

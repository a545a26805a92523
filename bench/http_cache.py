"""Bytes and times of the public side with compression and cache validators off, then on.

Usage:
    .venv/bin/python bench/http_cache.py [--port 8104] [--rounds 20] [--database-url URL]

It serves the app with the real server (`secretariat serve`, gunicorn, collected static files) three
times on the same data: as views make them (HTTP_COMPRESSION=false, HTTP_CACHE_VALIDATORS=false),
compressed only, then compressed with validators. Each time a client that behaves like a browser
or a shared cache (it asks for `br, gzip`, keeps each answer's ETag and sends it back) reads a mix
of pages, API answers, an export, a feed and the OpenAPI document, `--rounds` times over. Printed:
bytes on the wire per answer in each encoding, the time of a round, and the share of requests
answered 304 with nothing recomputed. The first round of the validator run finds nothing in the
client's cache; every later round should revalidate.

Without --database-url the server runs on SQLite in a temporary data directory (the dataset is
loaded on its first start, which takes a minute).
"""

from __future__ import annotations

import argparse
import gzip
import http.client
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

import brotli

MIX = [
    ("html", "/en/"),
    ("html", "/en/depositary/matrix/"),
    ("html", "/ru/depositary/states/BY/?date=2011-08-12"),
    ("html", "/en/meetings/"),
    ("json", "/api/v1/states"),
    ("json", "/api/v1/membership?as_of=2013-01-01"),
    ("json", "/api/v1/openapi.json"),
    ("csv", "/en/meetings/export/sessions.csv"),
    ("xml", "/en/depositary/feeds/notifications/"),
]
CONFIGS = [
    ("baseline (off, off)", {"HTTP_COMPRESSION": "false", "HTTP_CACHE_VALIDATORS": "false"}),
    ("compression only", {"HTTP_COMPRESSION": "true", "HTTP_CACHE_VALIDATORS": "false"}),
    ("compression + validators", {"HTTP_COMPRESSION": "true", "HTTP_CACHE_VALIDATORS": "true"}),
]


@dataclass
class Run:
    wire_bytes: int = 0
    requests: int = 0
    not_modified: int = 0
    round_ms: list[float] = field(default_factory=list)
    request_ms: dict[str, list[float]] = field(default_factory=dict)


def get(port: int, path: str, headers: dict[str, str]) -> tuple[int, dict[str, str], bytes]:
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
    try:
        connection.request("GET", path, headers=headers)
        response = connection.getresponse()
        body = response.read()
        return response.status, {k.lower(): v for k, v in response.getheaders()}, body
    finally:
        connection.close()


def decoded(headers: dict[str, str], body: bytes) -> bytes:
    coding = headers.get("content-encoding", "")
    if coding == "br":
        return brotli.decompress(body)
    if coding == "gzip":
        return gzip.decompress(body)
    return body


def start_server(port: int, env: dict[str, str], prepare: bool) -> subprocess.Popen[bytes]:
    command = [str(Path(sys.executable).parent / "secretariat"), "serve"]
    command += ["--bind", f"127.0.0.1:{port}", "--workers", "2"]
    if not prepare:
        command.append("--no-prepare")
    server = subprocess.Popen(command, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    deadline = time.monotonic() + 600
    while time.monotonic() < deadline:
        if server.poll() is not None:
            raise SystemExit(f"the server stopped: {server.stderr.read().decode()[-2000:]}")  # type: ignore[union-attr]
        try:
            if get(port, "/api/v1/journal/head", {})[0] == 200:
                return server
        except OSError:
            time.sleep(0.5)
    server.kill()
    raise SystemExit("the server did not answer within 10 minutes")


def stop_server(server: subprocess.Popen[bytes]) -> None:
    server.terminate()
    try:
        server.wait(timeout=30)
    except subprocess.TimeoutExpired:
        server.kill()
        server.wait()


def read_mix(port: int, rounds: int) -> Run:
    run = Run()
    etags: dict[str, str] = {}
    for path in (p for _, p in MIX):  # warm both workers
        get(port, path, {})
    for _ in range(rounds):
        started = time.perf_counter()
        for kind, path in MIX:
            headers = {"Accept-Encoding": "br, gzip"}
            if path in etags:
                headers["If-None-Match"] = etags[path]
            t0 = time.perf_counter()
            status, response_headers, body = get(port, path, headers)
            run.request_ms.setdefault(kind, []).append((time.perf_counter() - t0) * 1000)
            assert status in (200, 304), (path, status)
            run.requests += 1
            run.wire_bytes += len(body)
            if status == 304:
                run.not_modified += 1
            elif "etag" in response_headers:
                etags[path] = response_headers["etag"]
        run.round_ms.append((time.perf_counter() - started) * 1000)
    return run


def sizes(port: int) -> list[tuple[str, int, int, int]]:
    """Each answer's bytes as sent for identity, gzip and br, checked to decode alike."""
    rows = []
    for _, path in MIX:
        plain = get(port, path, {"Accept-Encoding": "identity"})
        as_gzip = get(port, path, {"Accept-Encoding": "gzip"})
        as_br = get(port, path, {"Accept-Encoding": "br"})
        assert decoded(as_gzip[1], as_gzip[2]) == plain[2] == decoded(as_br[1], as_br[2]), path
        rows.append((path, len(plain[2]), len(as_gzip[2]), len(as_br[2])))
    return rows


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--port", type=int, default=8104)
    parser.add_argument("--rounds", type=int, default=20)
    parser.add_argument("--database-url", default="")
    args = parser.parse_args()

    data_dir = tempfile.mkdtemp(prefix="http-cache-bench-")
    base_env = {**os.environ, "SECRETARIAT_DATA_DIR": data_dir}
    if args.database_url:
        base_env["DATABASE_URL"] = args.database_url
    else:
        base_env.pop("DATABASE_URL", None)
    runs: dict[str, Run] = {}
    table: list[tuple[str, int, int, int]] = []
    try:
        for number, (name, flags) in enumerate(CONFIGS):
            server = start_server(args.port, {**base_env, **flags}, prepare=number == 0)
            try:
                runs[name] = read_mix(args.port, args.rounds)
                if flags["HTTP_COMPRESSION"] == "true" and not table:
                    table = sizes(args.port)
            finally:
                stop_server(server)
    finally:
        shutil.rmtree(data_dir, ignore_errors=True)

    print(f"{'answer':45} {'identity B':>11} {'gzip B':>8} {'br B':>8} {'br/id':>6}")
    for path, plain, as_gzip, as_br in table:
        print(f"{path:45} {plain:11} {as_gzip:8} {as_br:8} {as_br / plain:6.3f}")
    total = [sum(column) for column in zip(*(row[1:] for row in table), strict=True)]
    print(f"{'all':45} {total[0]:11} {total[1]:8} {total[2]:8} {total[2] / total[0]:6.3f}")
    print()
    print(f"{len(MIX)} answers x {args.rounds} rounds, client asks br/gzip and keeps ETags")
    print(
        f"{'configuration':26} {'wire bytes':>11} {'round ms':>9} {'html ms':>8} {'json ms':>8} "
        f"{'304 rate':>9}"
    )
    baseline = runs[CONFIGS[0][0]]
    for name, run in runs.items():
        print(
            f"{name:26} {run.wire_bytes:11} {statistics.median(run.round_ms):9.1f} "
            f"{statistics.median(run.request_ms['html']):8.2f} "
            f"{statistics.median(run.request_ms['json']):8.2f} "
            f"{run.not_modified / run.requests:9.1%}"
        )
    best = runs[CONFIGS[-1][0]]
    compressed = runs[CONFIGS[1][0]]
    print()
    print(f"bytes: compression {baseline.wire_bytes / compressed.wire_bytes:.1f}x fewer; ", end="")
    print(f"with validators {baseline.wire_bytes / best.wire_bytes:.1f}x fewer than baseline")
    base_round = statistics.median(baseline.round_ms)
    print(
        f"round time: compression {base_round / statistics.median(compressed.round_ms):.2f}x, "
        f"with validators {base_round / statistics.median(best.round_ms):.2f}x faster"
    )


if __name__ == "__main__":
    main()

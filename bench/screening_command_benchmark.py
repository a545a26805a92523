"""Batch screening through the real command, end to end: `secretariat screen --batch` against a
register imported into the database, with its access log written row by row.

Run from the project's root, in the project's environment, on files written by the engine's
benchmark (which has the generator's transliteration library):

    PYTHONPATH=. /tmp/peers/bin/python bench/screening_benchmark.py --write-files /tmp/bench-files
    .venv/bin/python bench/screening_command_benchmark.py /tmp/bench-files [--workers 1 2]

It makes a fresh SQLite data directory (or uses `--data-dir`, kept between runs so the import is
paid once), loads the CSTO dataset and imports the register with `secretariat entrybans import`,
then times, for each worker count: the command screening one name (start-up, reading the
register, building the index) and the command screening every query. The difference is the
batch itself, reported as names per second next to the whole command's. Each is the median of
three runs. The outputs of every worker count are compared: they must be the same.
"""

from __future__ import annotations

import argparse
import hashlib
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
COMMAND = [sys.executable, "-m", "secretariat.cli"]


def run(args: list[str], env: dict[str, str], stdin: Path | None = None) -> tuple[float, bytes]:
    start = time.perf_counter()
    with open(stdin or os.devnull, "rb") as given:
        done = subprocess.run(
            [*COMMAND, *args], env=env, stdin=given, capture_output=True, check=True, cwd=ROOT
        )
    return time.perf_counter() - start, done.stdout


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("files", type=Path, help="the folder --write-files wrote")
    parser.add_argument("--data-dir", type=Path, help="keep the database here between runs")
    parser.add_argument("--workers", type=int, nargs="+", default=[1, 2])
    args = parser.parse_args()
    register, queries = args.files / "register.ftm.jsonl", args.files / "queries.jsonl"
    data = args.data_dir or Path(tempfile.mkdtemp(prefix="secretariat-bench-"))
    env = {**os.environ, "SECRETARIAT_DATA_DIR": str(data)}
    env.pop("DATABASE_URL", None)  # the embedded SQLite, in the data directory
    print(f"machine: {os.cpu_count()} CPUs; data directory {data}")
    if not (data / "imported").exists():
        run(["migrate", "-v0"], env)
        run(["load_dataset", "csto"], env)
        seconds, out = run(["entrybans", "import", str(register)], env)
        print(f"imported the register in {seconds:.0f} s: {out.decode().strip()}")
        (data / "imported").write_text("")
    names = sum(1 for line in queries.open(encoding="utf-8") if line.strip())
    one = args.files / "one.jsonl"
    one.write_text(queries.open(encoding="utf-8").readline(), encoding="utf-8")
    digests = set()
    for workers in args.workers:
        flags = ["screen", "--batch", "-", "--workers", str(workers)]
        starts = [run(flags, env, one)[0] for _ in range(3)]
        wholes = []
        for _ in range(3):
            seconds, out = run(flags, env, queries)
            wholes.append(seconds)
            digests.add(hashlib.sha256(out).hexdigest())
        start, whole = statistics.median(starts), statistics.median(wholes)
        print(
            f"workers {workers}: one name {start:.1f} s (start-up and index); {names} names "
            f"{whole:.1f} s, of which the batch {whole - start:.2f} s: "
            f"{names / (whole - start):,.0f} names/s in the batch, "
            f"{names / whole:,.0f} names/s for the whole command"
        )
    print(f"outputs identical across worker counts and runs: {len(digests) == 1}")


if __name__ == "__main__":
    main()

"""Crash drills on PostgreSQL: kill server workers and the database under write load, then check
that nothing acknowledged was lost and nothing was half applied.

    scripts/crash_drills.sh                  # both drills (stops PostgreSQL for a few seconds)
    scripts/crash_drills.sh --no-db-stop     # only the worker kills

What it does, against a database of its own (`drill_secretariat`, created and dropped here):

1. `secretariat serve` (gunicorn, 3 workers) on a free port, with the CSTO dataset loaded.
2. Writers (threads, each with its own keep-alive connection) POST chair terms as the secretariat
   through the API, each a one-day term on a day of its own (so every write creates one row and one
   journal entry), recording every acknowledged 201 with the id the server gave.
3. Drill A: `kill -9` a gunicorn worker, several times, while writes are in flight.
4. Drill B: stop PostgreSQL with `-m immediate` (no checkpoint, clients cut off), wait, start it
   again, and measure how long until writes succeed again.
5. Checks: every acknowledged write is in the database with the content sent; every drill row has
   exactly one journal entry and every drill journal entry its row (no half-applied operation,
   including the writes whose answer never came); `secretariat journal verify` passes.

PostgreSQL is always started again, whatever happens (also from the shell wrapper's trap).
Figures are printed at the end; exit status 1 when a check fails.
"""

from __future__ import annotations

import argparse
import datetime as dt
import http.client
import json
import os
import random
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import psycopg

DATABASE = "drill_secretariat"
SERVER = "postgres://postgres@127.0.0.1:5432"
ROOT = Path(__file__).resolve().parent.parent
SECRETARIAT = [sys.executable, "-m", "secretariat.cli"]
# Chair terms far before the organization, one day each, so the drill's rows never overlap the
# dataset's terms or each other and are easy to tell apart.
FIRST_DAY = dt.date(1200, 1, 1)


def pg_cluster(action: str, *extra: str) -> subprocess.CompletedProcess[str]:
    version = sorted(os.listdir("/etc/postgresql"))[-1]
    return subprocess.run(
        ["pg_ctlcluster", "--skip-systemctl-redirect", version, "main", action, *extra],
        capture_output=True,
        text=True,
        check=False,
    )


def ensure_postgres_running() -> None:
    if pg_cluster("status").returncode != 0:
        pg_cluster("start")


def admin(statement: str) -> None:
    with psycopg.connect(f"{SERVER}/postgres", autocommit=True) as connection:
        connection.execute(statement)


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def wait_for_postgres(timeout: float = 60) -> float:
    started = time.monotonic()
    while time.monotonic() - started < timeout:
        try:
            with psycopg.connect(f"{SERVER}/postgres", connect_timeout=2) as connection:
                connection.execute("SELECT 1")
            return time.monotonic() - started
        except psycopg.OperationalError:
            time.sleep(0.1)
    raise SystemExit("PostgreSQL did not come back within a minute")


@dataclass
class Tally:
    acknowledged: dict[int, dt.date] = field(default_factory=dict)  # row id -> day sent
    refused: list[dt.date] = field(default_factory=list)  # answered, not 201 (500: database down)
    unanswered: list[dt.date] = field(default_factory=list)  # connection lost: outcome unknown
    attempts: int = 0
    answers: list[tuple[float, int]] = field(default_factory=list)  # (time, status), 0 = no answer
    lock: threading.Lock = field(default_factory=threading.Lock)
    next_day: int = 0

    def take_day(self) -> dt.date:
        with self.lock:
            day = FIRST_DAY + dt.timedelta(days=self.next_day)
            self.next_day += 1
            self.attempts += 1
            return day


class Writer(threading.Thread):
    def __init__(self, port: int, token: str, tally: Tally, stop: threading.Event) -> None:
        super().__init__(daemon=True)
        self.port, self.token, self.tally, self.stop = port, token, tally, stop
        self.connection: http.client.HTTPConnection | None = None

    def run(self) -> None:
        while not self.stop.is_set():
            day = self.tally.take_day()
            body = json.dumps(
                {"state": "KZ", "holder_en": f"Drill {day}", "start": str(day), "end": str(day)}
            )
            try:
                if self.connection is None:
                    self.connection = http.client.HTTPConnection("127.0.0.1", self.port, timeout=30)
                self.connection.request(
                    "POST",
                    "/api/v1/chairs",
                    body=body,
                    headers={
                        "Authorization": f"Bearer {self.token}",
                        "Content-Type": "application/json",
                    },
                )
                response = self.connection.getresponse()
                payload = response.read()
                status = response.status
            except (OSError, http.client.HTTPException):
                if self.connection is not None:
                    self.connection.close()
                self.connection = None
                with self.tally.lock:
                    self.tally.unanswered.append(day)
                    self.tally.answers.append((time.monotonic(), 0))
                time.sleep(0.05)
                continue
            with self.tally.lock:
                self.tally.answers.append((time.monotonic(), status))
                if status == 201:
                    self.tally.acknowledged[int(json.loads(payload)["id"])] = day
                else:
                    self.tally.refused.append(day)
            if status >= 500:
                time.sleep(0.05)


def workers_of(master: int) -> list[int]:
    result = subprocess.run(["pgrep", "-P", str(master)], capture_output=True, text=True)
    return [int(pid) for pid in result.stdout.split()]


def first_success_after(tally: Tally, moment: float) -> float | None:
    with tally.lock:
        times = [t for t, status in tally.answers if t >= moment and status == 201]
    return min(times) - moment if times else None


def last_failure_after(tally: Tally, moment: float) -> float | None:
    with tally.lock:
        times = [t for t, status in tally.answers if t >= moment and status != 201]
    return max(times) - moment if times else None


def check(url: str, tally: Tally, data_dir: Path, env: dict[str, str]) -> dict[str, Any]:
    with psycopg.connect(url) as connection:
        rows: dict[int, dt.date] = dict(
            connection.execute(
                'SELECT id, start FROM members_chairterm WHERE start < %s AND start = "end"',
                (dt.date(1900, 1, 1),),
            ).fetchall()
        )
        entries: dict[int, int] = {}
        for subject, raw in connection.execute(
            "SELECT subject, entry_bytes FROM journal_journalentry"
            " WHERE action = 'chair_term.created' ORDER BY seq"
        ):
            data = json.loads(bytes(raw))["data"]
            if data["start"] < "1900":
                term = int(subject.split(":")[1])
                entries[term] = entries.get(term, 0) + 1
    lost = {i: d for i, d in tally.acknowledged.items() if rows.get(i) != d}
    rows_without_entry = sorted(set(rows) - set(entries))
    entries_without_row = sorted(set(entries) - set(rows))
    duplicated_entries = sorted(i for i, n in entries.items() if n > 1)
    unanswered_days, refused_days = set(tally.unanswered), set(tally.refused)
    applied_unanswered = len([d for d in rows.values() if d in unanswered_days])
    started = time.monotonic()
    verify = subprocess.run(
        [*SECRETARIAT, "journal", "verify"], env=env, capture_output=True, text=True, cwd=ROOT
    )
    return {
        "rows": len(rows),
        "journal_entries": sum(entries.values()),
        "acknowledged_missing": len(lost),
        "rows_without_journal_entry": len(rows_without_entry),
        "journal_entries_without_row": len(entries_without_row),
        "duplicated_journal_entries": len(duplicated_entries),
        "unanswered_then_applied": applied_unanswered,
        "unanswered_not_applied": len(unanswered_days) - applied_unanswered,
        "refused_then_applied": len([d for d in rows.values() if d in refused_days]),
        "journal_verify_exit": verify.returncode,
        "journal_verify_output": (verify.stdout + verify.stderr).strip(),
        "journal_verify_seconds": round(time.monotonic() - started, 2),
    }


def interrupt(signum: int, frame: Any) -> None:
    raise KeyboardInterrupt


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--writers", type=int, default=8)
    parser.add_argument("--baseline", type=float, default=3.0, help="seconds of writes before")
    parser.add_argument("--kills", type=int, default=5, help="workers killed in drill A")
    parser.add_argument("--kill-every", type=float, default=2.0, help="seconds between kills")
    parser.add_argument("--outage", type=float, default=3.0, help="seconds PostgreSQL stays down")
    parser.add_argument("--no-db-stop", action="store_true", help="skip drill B")
    parser.add_argument("--json", type=Path, help="also write the figures to this file")
    options = parser.parse_args()

    url = f"{SERVER}/{DATABASE}"
    data_dir = Path(tempfile.mkdtemp(prefix="crash-drills-"))
    env = {k: v for k, v in os.environ.items() if k not in ("SECRET_KEY", "DEBUG")}
    env.update(
        DATABASE_URL=url, SECRETARIAT_DATA_DIR=str(data_dir), SECRETARIAT_PASSWORD="drill " * 4
    )
    port = free_port()
    server: subprocess.Popen[bytes] | None = None
    figures: dict[str, Any] = {"writers": options.writers}
    tally, stop = Tally(), threading.Event()
    # SIGTERM (a CI timeout) must still reach the `finally` that restarts PostgreSQL.
    signal.signal(signal.SIGTERM, interrupt)
    ensure_postgres_running()
    admin(f"DROP DATABASE IF EXISTS {DATABASE} WITH (FORCE)")
    admin(f"CREATE DATABASE {DATABASE}")
    try:
        started = time.monotonic()
        subprocess.run([*SECRETARIAT, "migrate", "-v0"], env=env, check=True, cwd=ROOT)
        subprocess.run(
            [*SECRETARIAT, "load-dataset", "csto"],
            env=env,
            check=True,
            cwd=ROOT,
            capture_output=True,
        )
        created = subprocess.run(
            [*SECRETARIAT, "create-user", "drill", "--role", "secretariat", "--token"],
            env=env,
            check=True,
            cwd=ROOT,
            capture_output=True,
            text=True,
        )
        token = created.stdout.strip().rsplit(" ", 1)[-1]
        log = (data_dir / "serve.log").open("wb")
        server = subprocess.Popen(
            [*SECRETARIAT, "serve", "--bind", f"127.0.0.1:{port}", "--workers", "3"],
            env=env,
            cwd=ROOT,
            stdout=log,
            stderr=subprocess.STDOUT,
        )
        deadline = time.monotonic() + 120
        while True:
            try:
                with socket.create_connection(("127.0.0.1", port), timeout=1):
                    break
            except OSError:
                if server.poll() is not None or time.monotonic() > deadline:
                    raise SystemExit((data_dir / "serve.log").read_text()) from None
                time.sleep(0.2)
        figures["setup_seconds"] = round(time.monotonic() - started, 1)

        writers = [Writer(port, token, tally, stop) for _ in range(options.writers)]
        for writer in writers:
            writer.start()
        # Warm-up: until the workers have booted and writes go through, then a baseline.
        while not tally.acknowledged and time.monotonic() < deadline:
            time.sleep(0.1)
        baseline_start, baseline_count = time.monotonic(), len(tally.acknowledged)
        time.sleep(options.baseline)
        figures["baseline_writes_per_second"] = round(
            (len(tally.acknowledged) - baseline_count) / (time.monotonic() - baseline_start), 1
        )

        # Drill A: kill -9 a worker in the middle of writes, several times.
        kills = []
        for _ in range(options.kills):
            pids = workers_of(server.pid)
            if pids:
                victim = random.choice(pids)  # noqa: S311 - not cryptographic
                os.kill(victim, signal.SIGKILL)
                kills.append(victim)
            time.sleep(options.kill_every)
        figures["drill_a_workers_killed"] = len(kills)
        with tally.lock:
            figures["acknowledged_after_drill_a"] = len(tally.acknowledged)
            figures["unanswered_after_drill_a"] = len(tally.unanswered)

        # Drill B: stop PostgreSQL abruptly under load, then start it again.
        if not options.no_db_stop:
            try:
                stopped = pg_cluster("stop", "-m", "immediate")
                stopped_at = time.monotonic()
                if stopped.returncode != 0:
                    raise SystemExit(f"could not stop PostgreSQL: {stopped.stderr}")
                time.sleep(options.outage)
            finally:
                start_command = time.monotonic()
                restarted = pg_cluster("start")
            restarted_at = time.monotonic()
            figures["drill_b_start_command_seconds"] = round(restarted_at - start_command, 1)
            figures["drill_b_outage_seconds"] = round(restarted_at - stopped_at, 1)
            figures["drill_b_restart_ok"] = restarted.returncode == 0
            figures["drill_b_postgres_ready_seconds"] = round(wait_for_postgres(), 2)
            time.sleep(8)
            success = first_success_after(tally, restarted_at)
            figures["drill_b_first_write_after_restart_seconds"] = (
                round(success, 2) if success is not None else None
            )
            failure = last_failure_after(tally, restarted_at)
            figures["drill_b_last_failure_after_restart_seconds"] = (
                round(failure, 2) if failure is not None else 0
            )
        stop.set()
        for writer in writers:
            writer.join(timeout=40)
    except KeyboardInterrupt:
        figures["interrupted"] = True
    finally:
        stop.set()
        ensure_postgres_running()
        if server is not None:
            server.terminate()
            try:
                server.wait(timeout=20)
            except subprocess.TimeoutExpired:
                server.kill()

    try:
        wait_for_postgres()
        figures.update(
            attempts=tally.attempts,
            acknowledged=len(tally.acknowledged),
            refused=len(tally.refused),
            unanswered=len(tally.unanswered),
        )
        figures.update(check(url, tally, data_dir, env))
    finally:
        admin(f"DROP DATABASE IF EXISTS {DATABASE} WITH (FORCE)")
        shutil.rmtree(data_dir, ignore_errors=True)

    failed = [
        name
        for name in (
            "acknowledged_missing",
            "rows_without_journal_entry",
            "journal_entries_without_row",
            "duplicated_journal_entries",
            "journal_verify_exit",
        )
        if figures[name]
    ]
    if figures.get("interrupted") or (
        not options.no_db_stop and figures.get("drill_b_first_write_after_restart_seconds") is None
    ):
        failed.append("drills did not run to the end")
    for name, value in figures.items():
        print(f"{name:45} {value}")
    print("crash drills:", "FAILED " + ", ".join(failed) if failed else "passed")
    if options.json:
        options.json.write_text(json.dumps({**figures, "failed": failed}, indent=2) + "\n")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())

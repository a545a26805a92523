"""`secretariat backup FILE`: a consistent copy of the whole database, for `secretariat restore`.

- SQLite: the online backup API, a page-by-page copy of one consistent state of the file while the
  server goes on serving.
- PostgreSQL: `pg_dump` (custom format) inside a snapshot this command exports, so the journal head
  it prints is exactly the one in the dump; when `pg_dump` is not installed (or with
  `--format xml`), Django's `dumpdata` inside one REPEATABLE READ transaction. XML, because
  Django's JSON rounds times to the millisecond, and the journal hashes them to the microsecond.

It prints the journal size and head hash the backup holds: `secretariat restore` prints the same
two after verifying the restored chain, so the copy can be checked against the original (or
against a published checkpoint).
"""

from __future__ import annotations

import os
import shutil
import sqlite3
import subprocess
import time
from pathlib import Path
from typing import Any

from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.db import connection, transaction
from django.utils.translation import gettext as _

from secretariat.core.progress import Tracker, progress_for
from secretariat.journal.domain.chain import GENESIS_HASH
from secretariat.journal.selectors import JournalHead, journal_head

SQLITE_MAGIC = b"SQLite format 3\x00"
PG_DUMP_MAGIC = b"PGDMP"
# Rebuilt by `migrate` on an XML restore, or not worth keeping (sessions).
XML_EXCLUDE = ["contenttypes", "auth.permission", "sessions"]
# The journal's append-only triggers (secretariat/journal/guards.py), by database.
JOURNAL_TRIGGERS = {
    "postgresql": {"journal_no_update_delete", "journal_no_truncate"},
    "sqlite": {"journal_no_update", "journal_no_delete"},
}


def backup_format(path: Path) -> str:
    """What kind of backup a file holds: "sqlite", "pg_dump" or "xml"."""
    with path.open("rb") as file:
        start = file.read(64)
    if start.startswith(SQLITE_MAGIC):
        return "sqlite"
    if start.startswith(PG_DUMP_MAGIC):
        return "pg_dump"
    if start.lstrip().startswith(b"<?xml"):
        return "xml"
    raise CommandError(f"{path} is not a backup made by `secretariat backup`")


def postgres_arguments(settings_dict: dict[str, Any]) -> tuple[list[str], dict[str, str]]:
    """Connection arguments and environment for pg_dump / pg_restore, from Django's settings."""
    arguments = []
    if settings_dict.get("HOST"):
        arguments += ["--host", str(settings_dict["HOST"])]
    if settings_dict.get("PORT"):
        arguments += ["--port", str(settings_dict["PORT"])]
    if settings_dict.get("USER"):
        arguments += ["--username", str(settings_dict["USER"])]
    arguments += ["--dbname", str(settings_dict["NAME"])]
    environment = dict(os.environ)
    if settings_dict.get("PASSWORD"):
        environment["PGPASSWORD"] = str(settings_dict["PASSWORD"])
    return arguments, environment


def journal_triggers_present(db: Any = connection) -> set[str]:
    """The journal's append-only triggers that exist in the database."""
    with db.cursor() as cursor:
        if db.vendor == "postgresql":
            cursor.execute(
                "SELECT tgname FROM pg_trigger WHERE tgrelid = 'journal_journalentry'::regclass"
                " AND NOT tgisinternal AND tgenabled <> 'D'"
            )
        else:
            cursor.execute(
                "SELECT name FROM sqlite_master WHERE type = 'trigger'"
                " AND tbl_name = 'journal_journalentry'"
            )
        return {str(row[0]) for row in cursor.fetchall()}


def describe_head(head: JournalHead) -> str:
    return f"{head.size} journal entries, head {head.head_hash}"


class Command(BaseCommand):
    help = "Write a consistent backup of the database to FILE (restore it with `restore`)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("file", type=Path)
        parser.add_argument(
            "--format",
            choices=["auto", "xml"],
            default="auto",
            help="auto: SQLite copy or pg_dump; xml: Django's dumpdata (any database)",
        )
        parser.add_argument("--overwrite", action="store_true", help="replace an existing FILE")

    def handle(self, *args: Any, **options: Any) -> None:
        target: Path = options["file"]
        if target.exists() and not options["overwrite"]:
            raise CommandError(f"{target} exists; give --overwrite to replace it")
        target.parent.mkdir(parents=True, exist_ok=True)
        partial = target.with_name(target.name + ".partial")
        partial.unlink(missing_ok=True)
        started = time.monotonic()
        # The bar counts SQLite pages as they are copied; pg_dump and dumpdata report nothing
        # until done, so theirs shows the elapsed time only.
        with progress_for(_("backing up the database"), None) as bar:
            if options["format"] == "xml":
                kind, head = "xml", self.dump_xml(partial)
            elif connection.vendor == "sqlite":
                kind, head = "sqlite", self.copy_sqlite(partial, bar)
            elif connection.vendor == "postgresql" and shutil.which("pg_dump"):
                kind, head = "pg_dump", self.pg_dump(partial)
            else:
                kind, head = "xml", self.dump_xml(partial)
        os.replace(partial, target)
        seconds = time.monotonic() - started
        size = target.stat().st_size
        self.stdout.write(
            f"backup ({kind}) of {connection.vendor} database {connection.settings_dict['NAME']} "
            f"written to {target}: {size / 1e6:.1f} MB in {seconds:.2f} s; {describe_head(head)}"
        )

    def copy_sqlite(self, partial: Path, bar: Tracker) -> JournalHead:
        connection.ensure_connection()
        source = connection.connection
        copy = sqlite3.connect(partial)

        def copied(_status: int, remaining: int, total: int) -> None:
            bar.reached(total - remaining, total)

        try:
            # On a terminal, in steps of 4 MB so the bar moves (a write between steps restarts the
            # copy, so it is still one consistent state); else in one step, as before, which a
            # busy server's writes can never make start over.
            source.backup(copy, pages=1024 if bar.shown else -1, progress=copied)
            row = copy.execute(
                "SELECT seq, entry_hash FROM journal_journalentry ORDER BY seq DESC LIMIT 1"
            ).fetchone()
        finally:
            copy.close()
        if row is None:
            return JournalHead(0, GENESIS_HASH, None)
        return JournalHead(int(row[0]), str(row[1]), None)

    def pg_dump(self, partial: Path) -> JournalHead:
        arguments, environment = postgres_arguments(connection.settings_dict)
        with transaction.atomic():
            with connection.cursor() as cursor:
                cursor.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY")
                cursor.execute("SELECT pg_export_snapshot()")
                snapshot = cursor.fetchone()[0]
            head = journal_head()
            result = subprocess.run(
                [
                    "pg_dump",
                    "--format=custom",
                    "--no-owner",
                    "--no-privileges",
                    f"--snapshot={snapshot}",
                    "--file",
                    str(partial),
                    *arguments,
                ],
                env=environment,
                capture_output=True,
                text=True,
                check=False,
            )
        if result.returncode != 0:
            partial.unlink(missing_ok=True)
            raise CommandError(f"pg_dump failed (try --format xml): {result.stderr.strip()}")
        return head

    def dump_xml(self, partial: Path) -> JournalHead:
        with transaction.atomic():
            if connection.vendor == "postgresql":
                with connection.cursor() as cursor:
                    cursor.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY")
            head = journal_head()
            call_command(
                "dumpdata",
                format="xml",
                natural_foreign=True,
                natural_primary=True,
                exclude=XML_EXCLUDE,
                output=str(partial),
                verbosity=0,
            )
        return head

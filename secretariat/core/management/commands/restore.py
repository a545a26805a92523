"""`secretariat restore FILE`: a backup from `secretariat backup` into an EMPTY database, verified.

The target is the configured database (`DATABASE_URL`); a database with any table in it is refused,
so a restore never mixes two histories. A SQLite backup restores into SQLite (the online backup API
copies it page by page); a `pg_dump` archive into PostgreSQL with `pg_restore` in one transaction;
an XML backup (`backup --format xml`, from either database) into PostgreSQL, after `migrate`. Then it recomputes the journal's hash chain, checks the
append-only triggers are in place, and prints the journal size and head hash, to compare with what
`secretariat backup` printed. Exit status 1 when the chain does not verify or a trigger is missing.
"""

from __future__ import annotations

import shutil
import sqlite3
import subprocess
import time
from pathlib import Path
from typing import Any

from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.db import connection, transaction
from django.db.migrations.executor import MigrationExecutor
from django.utils.translation import gettext as _

from secretariat.core.management.commands.backup import (
    JOURNAL_TRIGGERS,
    backup_format,
    journal_triggers_present,
    postgres_arguments,
)
from secretariat.core.progress import progress_for
from secretariat.journal.selectors import journal_head, verify_journal


class Command(BaseCommand):
    help = "Restore a backup into an empty database, then verify the journal."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("file", type=Path)

    def handle(self, *args: Any, **options: Any) -> None:
        source: Path = options["file"]
        if not source.is_file():
            raise CommandError(f"no backup at {source}")
        kind = backup_format(source)
        vendor = connection.vendor
        name = connection.settings_dict["NAME"]
        tables = connection.introspection.table_names()
        if tables:
            raise CommandError(
                f"the {vendor} database {name} is not empty ({len(tables)} tables): restore only "
                "into an empty database"
            )
        if (kind, vendor) not in {
            ("sqlite", "sqlite"),
            ("pg_dump", "postgresql"),
            ("xml", "postgresql"),
        }:
            raise CommandError(f"a {kind} backup cannot be restored into {vendor}")
        with progress_for(_("restoring %(file)s") % {"file": source.name}, 2) as bar:
            bar.stage(_("restoring the backup"))
            started = time.monotonic()
            if kind == "sqlite":
                self.copy_sqlite(source, Path(name))
            elif kind == "pg_dump":
                self.pg_restore(source)
            else:
                self.load_xml(source)
            restored = time.monotonic() - started
            connection.close()
            bar.stage(_("verifying the journal"))
            self.report(source, kind, restored)

    def copy_sqlite(self, source: Path, target: Path) -> None:
        connection.close()
        backup = sqlite3.connect(f"file:{source}?mode=ro", uri=True)
        try:
            problem = backup.execute("PRAGMA quick_check").fetchone()[0]
            if problem != "ok":
                raise CommandError(f"{source} is damaged: {problem}")
            copy = sqlite3.connect(target)
            try:
                backup.backup(copy)
            finally:
                copy.close()
        finally:
            backup.close()

    def load_xml(self, source: Path) -> None:
        call_command("migrate", interactive=False, verbosity=0)
        with transaction.atomic():
            with connection.cursor() as cursor:
                # A copy, not a replay: rows arrive table by table, not in the order the rule
                # triggers expect, so they are off for this transaction, as pg_restore
                # --disable-triggers does (superuser only). The append-only triggers refuse
                # UPDATE and DELETE only, which a load into empty tables never does.
                cursor.execute("SET LOCAL session_replication_role = replica")
            call_command("loaddata", str(source), format="xml", verbosity=0)

    def pg_restore(self, source: Path) -> None:
        if not shutil.which("pg_restore"):
            raise CommandError(
                "pg_restore is not installed (Debian: apt-get install postgresql-client)"
            )
        connection.close()
        arguments, environment = postgres_arguments(connection.settings_dict)
        result = subprocess.run(
            [
                "pg_restore",
                "--no-owner",
                "--no-privileges",
                "--exit-on-error",
                "--single-transaction",
                *arguments,
                str(source),
            ],
            env=environment,
            capture_output=True,
            text=True,
            check=False,
        )
        if result.returncode != 0:
            raise CommandError(f"pg_restore failed, nothing restored: {result.stderr.strip()}")

    def report(self, source: Path, kind: str, restored: float) -> None:
        started = time.monotonic()
        result = verify_journal()
        verified = time.monotonic() - started
        head = journal_head()
        missing = JOURNAL_TRIGGERS[connection.vendor] - journal_triggers_present()
        executor = MigrationExecutor(connection)
        pending = executor.migration_plan(executor.loader.graph.leaf_nodes())
        self.stdout.write(
            f"restored {kind} backup {source} into {connection.vendor} database "
            f"{connection.settings_dict['NAME']} in {restored:.2f} s"
        )
        if pending:
            self.stdout.write(
                f"{len(pending)} migrations are newer than the backup: run `secretariat migrate`"
            )
        if missing:
            raise CommandError(
                f"journal append-only triggers missing: {', '.join(sorted(missing))}"
            )
        self.stdout.write("journal append-only triggers: present")
        if not result.ok:
            raise CommandError(
                f"journal verification FAILED at entry {result.first_bad_seq}: {result.problem}"
            )
        self.stdout.write(
            f"journal verified in {verified:.2f} s: {result.entries_checked} entries, "
            f"head {result.head_hash} (size {head.size})"
        )

"""`secretariat backup` and `secretariat restore`: a round trip of the CSTO database into an empty
one, on whichever database the suite runs (SQLite copy, or pg_dump / pg_restore on PostgreSQL).

The restore runs as the command line does, in a process of its own pointed at a new, empty
database; it must verify the journal, report the same head as the backup, and leave the journal's
append-only triggers in force.
"""

from __future__ import annotations

import os
import re
import sqlite3
import subprocess
import sys
from collections.abc import Iterator
from io import StringIO
from pathlib import Path
from typing import Any

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import connection

from secretariat.core.management.commands.backup import SQLITE_MAGIC
from secretariat.journal.models import JournalEntry
from secretariat.journal.selectors import journal_head

HEAD = re.compile(r"(\d+) journal entries, head ([0-9a-f]{64})")


def _postgres_url(name: str) -> str:
    settings = connection.settings_dict
    credentials = settings["USER"] or ""
    if settings["PASSWORD"]:
        credentials += f":{settings['PASSWORD']}"
    host = settings["HOST"] or "127.0.0.1"
    port = settings["PORT"] or "5432"
    return f"postgres://{credentials}@{host}:{port}/{name}"


def _admin(statement: str) -> None:
    import psycopg

    settings = connection.settings_dict
    with psycopg.connect(
        dbname="postgres",
        user=settings["USER"] or None,
        password=settings["PASSWORD"] or None,
        host=settings["HOST"] or None,
        port=settings["PORT"] or None,
        autocommit=True,
    ) as admin:
        admin.execute(statement)


@pytest.fixture
def empty_database(tmp_path: Path) -> Iterator[str]:
    """The URL of a new, empty database of the suite's kind."""
    if connection.vendor == "sqlite":
        yield f"sqlite:///{tmp_path / 'restored.sqlite3'}"
        return
    name = f"{connection.settings_dict['NAME']}_restore"[:63]
    _admin(f'DROP DATABASE IF EXISTS "{name}"')
    _admin(f'CREATE DATABASE "{name}"')
    yield _postgres_url(name)
    _admin(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def _restore(backup: Path, database_url: str, data_dir: Path) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k not in ("DATABASE_URL", "SECRET_KEY")}
    env.update(DATABASE_URL=database_url, SECRETARIAT_DATA_DIR=str(data_dir))
    return subprocess.run(
        [sys.executable, "-m", "secretariat.cli", "restore", str(backup)],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def _journal_update_refused(database_url: str) -> bool:
    statement = "UPDATE journal_journalentry SET action = 'rewritten' WHERE seq = 1"
    if database_url.startswith("sqlite"):
        restored = sqlite3.connect(database_url.removeprefix("sqlite:///"))
        try:
            restored.execute(statement)
        except sqlite3.DatabaseError as error:
            return "append-only" in str(error)
        finally:
            restored.close()
        return False
    import psycopg

    with psycopg.connect(database_url.replace("postgres://", "postgresql://")) as server:
        try:
            server.execute(statement)
        except psycopg.Error as error:
            return "append-only" in str(error)
    return False


def test_a_backup_restores_into_an_empty_database_with_its_journal_verified(
    csto_committed: Any, empty_database: str, tmp_path: Path
) -> None:
    backup = tmp_path / "secretariat.backup"
    out = StringIO()
    call_command("backup", str(backup), stdout=out)
    expected_kind = "sqlite" if connection.vendor == "sqlite" else "pg_dump"
    assert f"backup ({expected_kind})" in out.getvalue()
    dumped = HEAD.search(out.getvalue())
    assert dumped is not None, out.getvalue()
    head = journal_head()
    assert (int(dumped[1]), dumped[2]) == (head.size, head.head_hash)
    assert head.size == JournalEntry.objects.count() > 800

    restored = _restore(backup, empty_database, tmp_path)
    assert restored.returncode == 0, restored.stdout + restored.stderr
    assert "journal append-only triggers: present" in restored.stdout
    assert "journal verified in" in restored.stdout
    assert f"{head.size} entries, head {head.head_hash}" in restored.stdout
    assert _journal_update_refused(empty_database)

    again = _restore(backup, empty_database, tmp_path)
    assert again.returncode == 1
    assert "is not empty" in again.stderr


@pytest.mark.django_db
def test_restore_refuses_a_database_that_is_not_empty(tmp_path: Path) -> None:
    backup = tmp_path / "copy.sqlite3"
    backup.write_bytes(SQLITE_MAGIC + bytes(100))
    with pytest.raises(CommandError, match="is not empty"):
        call_command("restore", str(backup))
    assert JournalEntry.objects.exists()


def test_restore_refuses_a_file_that_is_not_a_backup(tmp_path: Path) -> None:
    bogus = tmp_path / "notes.txt"
    bogus.write_text("not a backup")
    with pytest.raises(CommandError, match="is not a backup"):
        call_command("restore", str(bogus))


def test_backup_does_not_overwrite_a_file_unless_told(tmp_path: Path) -> None:
    existing = tmp_path / "kept.backup"
    existing.write_text("keep me")
    with pytest.raises(CommandError, match="--overwrite"):
        call_command("backup", str(existing))
    assert existing.read_text() == "keep me"

"""Database triggers that make the journal table append-only, whatever code touches it.

Installed by a migration on PostgreSQL (UPDATE, DELETE and TRUNCATE refused) and SQLite (UPDATE
and DELETE refused; SQLite has no TRUNCATE). Only the test suite lifts them, to empty its database
between tests: on PostgreSQL that needs a superuser (session_replication_role), so an application
account cannot do it.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

TABLE = "journal_journalentry"

# The `remove(connection)` of other evidence tables' guards (the entry-ban access log's), which
# their apps register from AppConfig.ready(): the journal lifts them with its own for the test
# runner without importing the apps that keep those tables.
_OTHER_EVIDENCE_GUARDS: list[Callable[[Any], None]] = []


def register_evidence_guard(remove_guard: Callable[[Any], None]) -> None:
    """Have `lift_for_test_teardown` also call `remove_guard(connection)` on SQLite."""
    if remove_guard not in _OTHER_EVIDENCE_GUARDS:
        _OTHER_EVIDENCE_GUARDS.append(remove_guard)


_POSTGRES_INSTALL = [
    f"""
    CREATE OR REPLACE FUNCTION journal_refuse_change() RETURNS trigger AS $$
    BEGIN
        RAISE EXCEPTION 'the journal is append-only: % refused on {TABLE}', TG_OP
            USING ERRCODE = 'insufficient_privilege';
    END;
    $$ LANGUAGE plpgsql;
    """,
    f"DROP TRIGGER IF EXISTS journal_no_update_delete ON {TABLE}",
    f"""CREATE TRIGGER journal_no_update_delete BEFORE UPDATE OR DELETE ON {TABLE}
        FOR EACH ROW EXECUTE FUNCTION journal_refuse_change()""",
    f"DROP TRIGGER IF EXISTS journal_no_truncate ON {TABLE}",
    f"""CREATE TRIGGER journal_no_truncate BEFORE TRUNCATE ON {TABLE}
        FOR EACH STATEMENT EXECUTE FUNCTION journal_refuse_change()""",
]

_SQLITE_INSTALL = [
    f"""CREATE TRIGGER IF NOT EXISTS journal_no_update BEFORE UPDATE ON {TABLE}
        BEGIN SELECT RAISE(ABORT, 'the journal is append-only: UPDATE refused'); END""",
    f"""CREATE TRIGGER IF NOT EXISTS journal_no_delete BEFORE DELETE ON {TABLE}
        BEGIN SELECT RAISE(ABORT, 'the journal is append-only: DELETE refused'); END""",
]


def install(connection: Any) -> None:
    statements = _POSTGRES_INSTALL if connection.vendor == "postgresql" else _SQLITE_INSTALL
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute("SET session_replication_role = origin")
        for statement in statements:
            cursor.execute(statement)


def remove(connection: Any) -> None:
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute(f"DROP TRIGGER IF EXISTS journal_no_update_delete ON {TABLE}")
            cursor.execute(f"DROP TRIGGER IF EXISTS journal_no_truncate ON {TABLE}")
            cursor.execute("DROP FUNCTION IF EXISTS journal_refuse_change()")
        else:
            cursor.execute("DROP TRIGGER IF EXISTS journal_no_update")
            cursor.execute("DROP TRIGGER IF EXISTS journal_no_delete")


def lift_for_test_teardown(connection: Any) -> None:
    """Let the test runner empty the database. Tests only; needs a PostgreSQL superuser.

    On SQLite the evidence tables' triggers are dropped (the journal's and the entry-ban access
    log's); the next committed test installs them again."""
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("SET session_replication_role = replica")
    else:
        remove(connection)
        for remove_guard in _OTHER_EVIDENCE_GUARDS:
            remove_guard(connection)

"""Database triggers that keep the access log as evidence: no row is ever changed, and no row is
removed before its three years are up (the scheduled `entrybans expire` purges only older rows).

Installed by a migration on PostgreSQL and SQLite, like the journal's (secretariat/journal/
guards.py); only the test suite lifts them, to empty its database between committed tests.
"""

from __future__ import annotations

from typing import Any

TABLE = "entrybans_accesslog"

_POSTGRES_INSTALL = [
    f"""
    CREATE OR REPLACE FUNCTION access_log_guard() RETURNS trigger AS $$
    BEGIN
        IF TG_OP = 'UPDATE' THEN
            RAISE EXCEPTION 'the access log is append-only: UPDATE refused on {TABLE}'
                USING ERRCODE = 'insufficient_privilege';
        END IF;
        IF OLD.at >= now() - interval '3 years' THEN
            RAISE EXCEPTION 'access-log rows are kept three years: DELETE refused on {TABLE}'
                USING ERRCODE = 'insufficient_privilege';
        END IF;
        RETURN OLD;
    END;
    $$ LANGUAGE plpgsql;
    """,
    f"DROP TRIGGER IF EXISTS access_log_guard ON {TABLE}",
    f"""CREATE TRIGGER access_log_guard BEFORE UPDATE OR DELETE ON {TABLE}
        FOR EACH ROW EXECUTE FUNCTION access_log_guard()""",
    f"DROP TRIGGER IF EXISTS access_log_no_truncate ON {TABLE}",
    f"""CREATE TRIGGER access_log_no_truncate BEFORE TRUNCATE ON {TABLE}
        FOR EACH STATEMENT EXECUTE FUNCTION journal_refuse_change()""",
]

_SQLITE_INSTALL = [
    f"""CREATE TRIGGER IF NOT EXISTS access_log_no_update BEFORE UPDATE ON {TABLE}
        BEGIN SELECT RAISE(ABORT, 'the access log is append-only: UPDATE refused'); END""",
    # Django stores datetimes as 'YYYY-MM-DD HH:MM:SS[.ffffff]' text, which compares in order.
    f"""CREATE TRIGGER IF NOT EXISTS access_log_keep_three_years BEFORE DELETE ON {TABLE}
        WHEN OLD.at >= datetime('now', '-3 years')
        BEGIN SELECT RAISE(ABORT, 'access-log rows are kept three years: DELETE refused'); END""",
]


def install(connection: Any) -> None:
    statements = _POSTGRES_INSTALL if connection.vendor == "postgresql" else _SQLITE_INSTALL
    with connection.cursor() as cursor:
        for statement in statements:
            cursor.execute(statement)


def remove(connection: Any) -> None:
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute(f"DROP TRIGGER IF EXISTS access_log_guard ON {TABLE}")
            cursor.execute(f"DROP TRIGGER IF EXISTS access_log_no_truncate ON {TABLE}")
            cursor.execute("DROP FUNCTION IF EXISTS access_log_guard()")
        else:
            cursor.execute("DROP TRIGGER IF EXISTS access_log_no_update")
            cursor.execute("DROP TRIGGER IF EXISTS access_log_keep_three_years")

"""Database triggers that enforce the organization's rule whatever code writes the tables.

Installed by migration 0002 on PostgreSQL and SQLite alike:
- a mandate needs a request from the state whose territory it covers, not withdrawn or closed,
  dated no later than the mandate, and a council decision on that request that did not reject it;
- a deployment lies within its mandate's dates, in one of its mandate's areas, starts no earlier
  than the request, and stays within the pledged strength of its contingent;
- a pledged contingent's strength is not lowered below what it was deployed at.
The services check the same rule first, so a person sees a clear message; these are the backstop
(a violation raises IntegrityError).
"""

from __future__ import annotations

from typing import Any

REQUEST_OK = """
    SELECT 1 FROM assistance_assistancerequest r
    WHERE r.id = NEW.request_id AND r.state_id = NEW.territory_id
      AND r.requested_on <= NEW.start"""
REQUEST_OPEN = """
    SELECT 1 FROM assistance_assistancerequest r
    WHERE r.id = NEW.request_id AND r.status NOT IN ('withdrawn', 'closed')"""
DECISION_OK = """
    SELECT 1 FROM assistance_councildecision d
    WHERE d.id = NEW.decision_id AND d.request_id = NEW.request_id
      AND d.outcome <> 'rejected' AND d.date <= NEW.start"""
WITHIN_MANDATE = """
    SELECT 1 FROM assistance_mandate m
    JOIN assistance_mandatearea a ON a.mandate_id = m.id
    JOIN assistance_assistancerequest r ON r.id = m.request_id
    WHERE m.id = NEW.mandate_id AND a.id = NEW.area_id
      AND r.state_id = m.territory_id AND r.requested_on <= NEW.start
      AND NEW.start >= m.start AND COALESCE(NEW."end", NEW.start) <= m."end" """
DEPLOYED_REQUEST_OPEN = """
    SELECT 1 FROM assistance_mandate m
    JOIN assistance_assistancerequest r ON r.id = m.request_id
    WHERE m.id = NEW.mandate_id AND r.status NOT IN ('withdrawn', 'closed')"""
WITHIN_PLEDGE = """
    SELECT 1 FROM forces_contingent c
    WHERE c.id = NEW.contingent_id AND c.strength IS NOT NULL AND NEW.strength <= c.strength"""

MANDATE_MESSAGE = (
    "assistance rule: a mandate needs a valid request from the state on whose territory it "
    "happens and a council decision granting assistance, both dated no later than its start"
)
CLOSED_MESSAGE = "assistance rule: the request has been withdrawn or closed"
DEPLOYMENT_MESSAGE = (
    "assistance rule: a deployment must lie within its mandate's dates and area, "
    "after a valid request"
)
PLEDGE_MESSAGE = "assistance rule: a contingent cannot be deployed beyond its pledged strength"

PLEDGE_COVERS = """
    SELECT 1 FROM assistance_deployment d
    WHERE d.contingent_id = NEW.id AND (NEW.strength IS NULL OR d.strength > NEW.strength)"""
PLEDGE_COVERS_MESSAGE = (
    "assistance rule: a pledge cannot drop below the strength its contingent was deployed at"
)


def _sqlite(name: str, table: str, event: str, checks: list[tuple[str, str]]) -> str:
    body = "".join(
        f" SELECT RAISE(ABORT, '{message.replace(chr(39), chr(39) * 2)}') WHERE NOT EXISTS ({query});"
        for query, message in checks
    )
    return (
        f"CREATE TRIGGER IF NOT EXISTS {name} BEFORE {event} ON {table} FOR EACH ROW BEGIN"
        f"{body} END"
    )


def _postgres(
    name: str, table: str, insert_only: list[tuple[str, str]], always: list[tuple[str, str]]
) -> list[str]:
    def block(checks: list[tuple[str, str]]) -> str:
        return "".join(
            f" IF NOT EXISTS ({query}) THEN RAISE EXCEPTION '{message.replace(chr(39), chr(39) * 2)}'"
            " USING ERRCODE = 'check_violation'; END IF;"
            for query, message in checks
        )

    return [
        f"""CREATE OR REPLACE FUNCTION {name}() RETURNS trigger AS $$
        BEGIN{block(always)}
            IF TG_OP = 'INSERT' THEN{block(insert_only)} END IF;
            RETURN NEW;
        END; $$ LANGUAGE plpgsql""",
        f"DROP TRIGGER IF EXISTS {name} ON {table}",
        f"CREATE TRIGGER {name} BEFORE INSERT OR UPDATE ON {table} "
        f"FOR EACH ROW EXECUTE FUNCTION {name}()",
    ]


def _sqlite_refuse_if(name: str, table: str, event: str, query: str, message: str) -> str:
    escaped = message.replace(chr(39), chr(39) * 2)
    return (
        f"CREATE TRIGGER IF NOT EXISTS {name} BEFORE {event} ON {table} FOR EACH ROW BEGIN"
        f" SELECT RAISE(ABORT, '{escaped}') WHERE EXISTS ({query}); END"
    )


def _postgres_refuse_if(name: str, table: str, query: str, message: str) -> list[str]:
    escaped = message.replace(chr(39), chr(39) * 2)
    return [
        f"""CREATE OR REPLACE FUNCTION {name}() RETURNS trigger AS $$
        BEGIN
            IF EXISTS ({query}) THEN
                RAISE EXCEPTION '{escaped}' USING ERRCODE = 'check_violation';
            END IF;
            RETURN NEW;
        END; $$ LANGUAGE plpgsql""",
        f"DROP TRIGGER IF EXISTS {name} ON {table}",
        f"CREATE TRIGGER {name} BEFORE UPDATE ON {table} FOR EACH ROW EXECUTE FUNCTION {name}()",
    ]


MANDATE_ALWAYS = [(REQUEST_OK, MANDATE_MESSAGE), (DECISION_OK, MANDATE_MESSAGE)]
MANDATE_ON_INSERT = [(REQUEST_OPEN, CLOSED_MESSAGE)]
DEPLOYMENT_ALWAYS = [(WITHIN_MANDATE, DEPLOYMENT_MESSAGE), (WITHIN_PLEDGE, PLEDGE_MESSAGE)]
DEPLOYMENT_ON_INSERT = [(DEPLOYED_REQUEST_OPEN, CLOSED_MESSAGE)]


def statements(vendor: str) -> list[str]:
    if vendor == "postgresql":
        return [
            *_postgres(
                "assistance_mandate_rule", "assistance_mandate", MANDATE_ON_INSERT, MANDATE_ALWAYS
            ),
            *_postgres(
                "assistance_deployment_rule",
                "assistance_deployment",
                DEPLOYMENT_ON_INSERT,
                DEPLOYMENT_ALWAYS,
            ),
            *_postgres_refuse_if(
                "assistance_pledge_covers",
                "forces_contingent",
                PLEDGE_COVERS,
                PLEDGE_COVERS_MESSAGE,
            ),
        ]
    if vendor == "sqlite":
        return [
            _sqlite(
                "assistance_mandate_rule_insert",
                "assistance_mandate",
                "INSERT",
                MANDATE_ALWAYS + MANDATE_ON_INSERT,
            ),
            _sqlite(
                "assistance_mandate_rule_update", "assistance_mandate", "UPDATE", MANDATE_ALWAYS
            ),
            _sqlite(
                "assistance_deployment_rule_insert",
                "assistance_deployment",
                "INSERT",
                DEPLOYMENT_ALWAYS + DEPLOYMENT_ON_INSERT,
            ),
            _sqlite(
                "assistance_deployment_rule_update",
                "assistance_deployment",
                "UPDATE",
                DEPLOYMENT_ALWAYS,
            ),
            _sqlite_refuse_if(
                "assistance_pledge_covers",
                "forces_contingent",
                "UPDATE",
                PLEDGE_COVERS,
                PLEDGE_COVERS_MESSAGE,
            ),
        ]
    return []


def install(connection: Any) -> None:
    with connection.cursor() as cursor:
        for sql in statements(connection.vendor):
            cursor.execute(sql)


def remove(connection: Any) -> None:
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            for name, table in (
                ("assistance_mandate_rule", "assistance_mandate"),
                ("assistance_deployment_rule", "assistance_deployment"),
                ("assistance_pledge_covers", "forces_contingent"),
            ):
                cursor.execute(f"DROP TRIGGER IF EXISTS {name} ON {table}")
                cursor.execute(f"DROP FUNCTION IF EXISTS {name}()")
        elif connection.vendor == "sqlite":
            for name in (
                "assistance_mandate_rule_insert",
                "assistance_mandate_rule_update",
                "assistance_deployment_rule_insert",
                "assistance_deployment_rule_update",
                "assistance_pledge_covers",
            ):
                cursor.execute(f"DROP TRIGGER IF EXISTS {name}")

"""The access log: every search and access to the register, kept three years and read by auditors
only (not journaled: the journal would keep the names searched for ever).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any, cast

from django.db import connections, router
from django.db.models import Field
from django.utils import timezone

from secretariat.core.domain.actors import Actor, Role
from secretariat.entrybans.models import AccessLog


def log_access(
    actor: Actor, *, action: str, query: Mapping[str, Any], returned: list[Any]
) -> AccessLog:
    """One access-log row (its own table, not the journal: see the module docstring)."""
    row = access_row(actor, action=action, query=query, returned=returned)
    row.save()
    return row


def access_row(
    actor: Actor, *, action: str, query: Mapping[str, Any], returned: list[Any]
) -> AccessLog:
    return AccessLog(
        at=timezone.now(),
        username=actor.username or "",
        user_id=actor.user_id,
        role=actor.role.value,
        authority=actor.state or ("secretariat" if actor.role is Role.SECRETARIAT else ""),
        action=action,
        query=dict(query),
        returned=returned,
    )


# The access log's columns, in the order `log_accesses` writes them.
ACCESS_LOG_COLUMNS = (
    "at",
    "username",
    "user_id",
    "role",
    "authority",
    "action",
    "query",
    "returned",
)


def log_accesses(
    actor: Actor, *, action: str, rows: Sequence[tuple[Mapping[str, Any], list[Any]]]
) -> int:
    """Many access-log rows at once, all of one actor at one moment (a batch's searches): each
    row's query and what it returned. One prepared INSERT runs for every row, with each value
    adapted by its field as the ORM does; what the ORM would add per row (a model instance, an
    SQL string assembled for every hundred rows) cost more than the screening itself."""
    if not rows:
        return 0
    template = access_row(actor, action=action, query={}, returned=[])
    connection = connections[router.db_for_write(AccessLog)]
    fields = [cast("Field[Any, Any]", AccessLog._meta.get_field(n)) for n in ACCESS_LOG_COLUMNS]
    same = [
        field.get_db_prep_save(getattr(template, field.attname), connection)
        for field in fields[:-2]
    ]
    query_field, returned_field = fields[-2:]
    values = [
        (
            *same,
            query_field.get_db_prep_save(dict(query), connection),
            returned_field.get_db_prep_save(returned, connection),
        )
        for query, returned in rows
    ]
    quote = connection.ops.quote_name
    columns = ", ".join(quote(cast(str, field.column)) for field in fields)
    marks = ", ".join(["%s"] * len(fields))
    sql = f"INSERT INTO {quote(AccessLog._meta.db_table)} ({columns}) VALUES ({marks})"  # noqa: S608 - names from the model, values bound
    with connection.cursor() as cursor:
        if len(values) == 1:  # one search: a plain statement, not psycopg's pipeline of many
            cursor.execute(sql, values[0])
        else:
            cursor.executemany(sql, values)
    return len(values)

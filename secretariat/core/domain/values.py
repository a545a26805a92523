"""Parsing of plain values from outside (forms, JSON, files) with errors a person can act on."""

from __future__ import annotations

import datetime as dt

from secretariat.core.domain.errors import RuleViolation


def parse_date(value: object, field: str = "date") -> dt.date:
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str):
        try:
            return dt.date.fromisoformat(value.strip())
        except ValueError:
            pass
    raise RuleViolation(f"{field} must be a date written YYYY-MM-DD; got {value!r}", field=field)


def parse_optional_date(value: object, field: str) -> dt.date | None:
    if value is None or value == "":
        return None
    return parse_date(value, field)

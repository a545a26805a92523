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


PRECISIONS = ("day", "month", "year")


def check_precision(value: str, field: str) -> str:
    if value not in PRECISIONS:
        raise RuleViolation(f"{field} must be day, month or year; got {value!r}", field=field)
    return value


def check_code(code: str) -> str:
    """Codes are the records' stable names in URLs and other apps: lower-case, digits, dashes."""
    cleaned = code.strip()
    if (
        not cleaned
        or len(cleaned) > 60
        or not all(c.isdigit() or c == "-" or ("a" <= c <= "z") for c in cleaned)
    ):
        raise RuleViolation(
            f"a code is 1–60 lower-case letters, digits and dashes; got {code!r}", field="code"
        )
    return cleaned

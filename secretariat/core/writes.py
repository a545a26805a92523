"""Small helpers every app's services.py shares: idempotent saves by natural key, sources lists,
and journal data in plain JSON.

Use `save_by_key` in a creating service so that the same record again changes nothing (and the
service journals nothing), and different content for the same key is a correction it journals.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import Any, Literal, TypeVar

from django.db import models

from secretariat.core.domain.errors import RuleViolation

Outcome = Literal["created", "updated", "unchanged"]
M = TypeVar("M", bound=models.Model)


def save_by_key(
    model: type[M], key: dict[str, Any], fields: dict[str, Any]
) -> tuple[M, Outcome, dict[str, Any]]:
    """Create, correct or leave alone the row with this natural key; return what changed."""
    existing = model._default_manager.select_for_update().filter(**key).first()
    if existing is None:
        return model._default_manager.create(**key, **fields), "created", fields
    changed = {name: value for name, value in fields.items() if getattr(existing, name) != value}
    if not changed:
        return existing, "unchanged", {}
    for name, value in changed.items():
        setattr(existing, name, value)
    existing.save(update_fields=list(changed))
    return existing, "updated", changed


def clean_sources(value: Sequence[str] | None) -> list[str]:
    """A record's sources: a list of non-empty strings (a bare string is refused, not split)."""
    if value is None:
        return []
    if isinstance(value, str) or not all(isinstance(item, str) for item in value):
        raise RuleViolation("sources must be a list of strings", field="sources")
    return [item.strip() for item in value if item.strip()]


def jsonable(values: dict[str, Any]) -> dict[str, Any]:
    """Journal data in plain JSON: dates as ISO strings, related rows by their code (or key)."""
    out: dict[str, Any] = {}
    for name, value in values.items():
        if isinstance(value, dt.date):
            out[name] = value.isoformat()
        elif isinstance(value, models.Model):
            out[name] = getattr(value, "code", value.pk)
        else:
            out[name] = value
    return out

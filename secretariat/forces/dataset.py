"""Loads the forces part of an organization's dataset (called by secretariat.datasets.loader).

Reads `<dataset>/forces.json`: formations, then the contingents pledged to them, then exercises,
each written through forces.services, so the load is validated, journaled and idempotent.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from pathlib import Path
from typing import Any

from secretariat.core.dataset_parts import read_part, sourcing
from secretariat.core.domain.actors import Actor
from secretariat.core.domain.errors import DomainError, RuleViolation
from secretariat.core.domain.values import parse_date, parse_optional_date
from secretariat.forces import services


def apply(
    counts: Counter[str],
    section: str,
    records: list[Any],
    write: Callable[[dict[str, Any]], tuple[Any, str]],
) -> None:
    """Write each record; a refusal names the section, position and code of the bad record."""
    for position, record in enumerate(records):
        if not isinstance(record, dict):
            raise RuleViolation(f"{section}[{position}]: each record must be an object")
        try:
            _, outcome = write(record)
        except DomainError as exc:
            label = record.get("code") or record.get("contingent") or ""
            raise RuleViolation(f"{section}[{position}] ({label}): {exc.message}") from None
        counts[f"{section}.{outcome}"] += 1


def _optional_int(record: dict[str, Any], key: str) -> int | None:
    value = record.get(key)
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int):
        raise RuleViolation(f"{key!r} must be a whole number; got {value!r}", field=key)
    return value


def load(directory: Path, actor: Actor, counts: Counter[str]) -> None:
    document = read_part(directory, "forces.json")
    if document is None:
        return
    apply(
        counts,
        "formations",
        document.get("formations", []),
        lambda r: services.record_formation(
            actor,
            code=str(r.get("code", "")),
            kind=str(r.get("kind", "")),
            name_en=str(r.get("name_en", "")),
            name_ru=str(r.get("name_ru", "")),
            acronym_en=str(r.get("acronym_en", "")),
            acronym_ru=str(r.get("acronym_ru", "")),
            founding_instrument=str(r.get("founding_instrument", "")),
            founding_session=str(r.get("founding_session", "")),
            established=parse_optional_date(r.get("established"), "established"),
            purpose_en=str(r.get("purpose_en", "")),
            purpose_ru=str(r.get("purpose_ru", "")),
            reported_strength=_optional_int(r, "reported_strength"),
            reported_strength_note=str(r.get("reported_strength_note", "")),
            reported_strength_note_ru=str(r.get("reported_strength_note_ru", "")),
            **sourcing(r),
        ),
    )
    apply(
        counts,
        "contingents",
        document.get("contingents", []),
        lambda r: services.pledge_contingent(
            actor,
            code=str(r.get("code", "")),
            formation=str(r.get("formation", "")),
            state=str(r.get("state", "")),
            unit_en=str(r.get("unit_en", "")),
            unit_ru=str(r.get("unit_ru", "")),
            unit_type=str(r.get("unit_type", "")),
            strength=_optional_int(r, "strength"),
            strength_estimated=bool(r.get("strength_estimated", False)),
            readiness=str(r.get("readiness", "not_stated")),
            start=parse_date(r.get("start"), "start"),
            start_precision=str(r.get("start_precision", "day")),
            end=parse_optional_date(r.get("end"), "end"),
            **sourcing(r),
        ),
    )
    apply(
        counts,
        "exercises",
        document.get("exercises", []),
        lambda r: services.record_exercise(
            actor,
            code=str(r.get("code", "")),
            name_en=str(r.get("name_en", "")),
            name_ru=str(r.get("name_ru", "")),
            formation=r.get("formation"),
            start=parse_date(r.get("start"), "start"),
            start_precision=str(r.get("start_precision", "day")),
            end=parse_optional_date(r.get("end"), "end"),
            place_en=str(r.get("place_en", "")),
            place_ru=str(r.get("place_ru", "")),
            host=r.get("host"),
            participants=list(r.get("participants", [])),
            personnel=_optional_int(r, "personnel"),
            personnel_estimated=bool(r.get("personnel_estimated", False)),
            **sourcing(r),
        ),
    )

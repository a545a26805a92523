"""Country indicators by year. Freedom House: a status and two 1–7 ratings, a 0–100 score since 2013."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from secretariat.core.domain.errors import RuleViolation


class FreedomStatus(StrEnum):
    FREE = "F"
    PARTLY_FREE = "PF"
    NOT_FREE = "NF"


FREEDOM_LABELS = {
    FreedomStatus.FREE: "Free",
    FreedomStatus.PARTLY_FREE: "Partly Free",
    FreedomStatus.NOT_FREE: "Not Free",
}

FIRST_YEAR = 1972  # Freedom in the World's first edition covers 1972


@dataclass(frozen=True)
class FreedomHouseRecord:
    year: int  # the year under review
    status: FreedomStatus
    political_rights: int | None
    civil_liberties: int | None
    score: int | None


def check_freedom_house(
    *,
    year: int,
    status: str,
    political_rights: int | None,
    civil_liberties: int | None,
    score: int | None,
    current_year: int,
) -> FreedomHouseRecord:
    if not FIRST_YEAR <= year <= current_year:
        raise RuleViolation(
            f"year {year} is outside Freedom House's coverage ({FIRST_YEAR}–{current_year})",
            field="year",
        )
    try:
        parsed = FreedomStatus(status)
    except ValueError:
        raise RuleViolation(
            f"unknown Freedom House status {status!r}; use F, PF or NF", field="status"
        ) from None
    for name, rating in (
        ("political_rights", political_rights),
        ("civil_liberties", civil_liberties),
    ):
        if rating is not None and not 1 <= rating <= 7:
            raise RuleViolation(f"{name} must be between 1 and 7; got {rating}", field=name)
    if score is not None and not 0 <= score <= 100:
        raise RuleViolation(f"score must be between 0 and 100; got {score}", field="score")
    return FreedomHouseRecord(year, parsed, political_rights, civil_liberties, score)

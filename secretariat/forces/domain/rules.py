"""The rules of forces and pledges, in plain Python.

Use `check_period` before storing anything dated from/to, `check_pledge` before storing a pledged
contingent, and `totals_on` to answer "how strong was each formation, and each member's share of
it, on date D". A pledge counts on every day from its start to its end, both included.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from enum import StrEnum

from secretariat.core.domain.errors import RuleViolation
from secretariat.core.domain.values import check_code as check_code


class FormationKind(StrEnum):
    RAPID_REACTION = "rapid_reaction"  # Collective Rapid Reaction Forces and the like
    PEACEKEEPING = "peacekeeping"
    REGIONAL = "regional"  # regional groupings (e.g. Central Asian rapid deployment forces)
    OTHER = "other"


class UnitType(StrEnum):
    AIRBORNE = "airborne"
    AIR_ASSAULT = "air_assault"
    SPECIAL_FORCES = "special_forces"
    GROUND = "ground"
    NAVAL = "naval"
    AIR = "air"
    POLICE = "police"
    EMERGENCY = "emergency"
    MEDICAL = "medical"
    CIVILIAN = "civilian"
    MIXED = "mixed"


class Readiness(StrEnum):
    """How soon a pledged unit can be put at the organization's disposal."""

    STANDING = "standing"  # kept ready at all times on national territory
    ON_CALL = "on_call"  # designated, assembled when the Council decides
    RESERVE = "reserve"
    NOT_STATED = "not_stated"


def _choice(enum: type[StrEnum], value: str, field_name: str) -> str:
    try:
        return enum(value).value
    except ValueError:
        allowed = ", ".join(item.value for item in enum)
        raise RuleViolation(
            f"unknown {field_name} {value!r}; use one of {allowed}", field=field_name
        ) from None


def formation_kind(value: str) -> str:
    return _choice(FormationKind, value, "kind")


def unit_type(value: str) -> str:
    return _choice(UnitType, value, "unit_type")


def readiness(value: str) -> str:
    return _choice(Readiness, value, "readiness")


def check_period(
    start: dt.date, end: dt.date | None, what: str, *, start_field: str = "start"
) -> None:
    """A dated record cannot end before it starts."""
    if end is not None and end < start:
        raise RuleViolation(
            f"{what} cannot end ({end.isoformat()}) before it starts ({start.isoformat()})",
            field="end" if start_field == "start" else start_field,
        )


def check_pledge(
    *,
    strength: int | None,
    start: dt.date,
    end: dt.date | None,
    formation_established: dt.date | None,
) -> None:
    """A pledge has a positive strength (when published) and lies within the formation's life."""
    if strength is not None and strength <= 0:
        raise RuleViolation(
            f"a pledged strength is a positive number of personnel; got {strength}",
            field="strength",
        )
    check_period(start, end, "a pledge")
    if formation_established is not None and start < formation_established:
        raise RuleViolation(
            f"a pledge cannot start ({start.isoformat()}) before its formation was established "
            f"({formation_established.isoformat()})",
            field="start",
        )


@dataclass(frozen=True)
class Pledge:
    """What `totals_on` needs to know about one pledged contingent."""

    formation: str
    state: str
    strength: int | None
    start: dt.date
    end: dt.date | None
    estimated: bool = False

    def active_on(self, day: dt.date) -> bool:
        return self.start <= day and (self.end is None or day <= self.end)


@dataclass
class Total:
    """Pledged personnel of one formation (or one member within it) on a date."""

    strength: int = 0
    contingents: int = 0
    undisclosed: int = 0  # contingents whose strength is not published
    estimated: bool = False  # at least one figure in the sum is an estimate

    def add(self, pledge: Pledge) -> None:
        self.contingents += 1
        if pledge.strength is None:
            self.undisclosed += 1
        else:
            self.strength += pledge.strength
        self.estimated = self.estimated or pledge.estimated

    @property
    def published(self) -> int:
        """Contingents whose strength is published: `strength` is the sum over these alone."""
        return self.contingents - self.undisclosed


@dataclass
class FormationTotals:
    formation: str
    total: Total = field(default_factory=Total)
    by_state: dict[str, Total] = field(default_factory=dict)


def totals_on(pledges: Iterable[Pledge], day: dt.date) -> dict[str, FormationTotals]:
    """Pledged strength on `day`, by formation and, within each, by member state."""
    result: dict[str, FormationTotals] = {}
    by_state: dict[str, dict[str, Total]] = defaultdict(dict)
    for pledge in pledges:
        if not pledge.active_on(day):
            continue
        entry = result.setdefault(pledge.formation, FormationTotals(pledge.formation))
        entry.total.add(pledge)
        by_state[pledge.formation].setdefault(pledge.state, Total()).add(pledge)
    for code, entry in result.items():
        entry.by_state = dict(sorted(by_state[code].items()))
    return result


def totals_by_state(pledges: Iterable[Pledge], day: dt.date) -> dict[str, Total]:
    """Every formation together: what each member has pledged on `day`."""
    result: dict[str, Total] = {}
    for pledge in pledges:
        if pledge.active_on(day):
            result.setdefault(pledge.state, Total()).add(pledge)
    return dict(sorted(result.items()))

"""API shapes for forces. Input schemas forbid unknown fields."""

from __future__ import annotations

import datetime as dt
import re
from typing import Annotated, Any

from ninja import Schema
from pydantic import BeforeValidator, Field

from secretariat.core.api_types import OneOf, RecordCode, StateCode, StrictIn
from secretariat.forces.domain.rules import FormationKind, UnitType

_ISO_DAY = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def _iso_day_only(value: Any) -> Any:
    """Refuse what pydantic would otherwise read as a date (a number as a Unix time, a datetime)."""
    if isinstance(value, dt.date) or (isinstance(value, str) and _ISO_DAY.match(value)):
        return value
    raise ValueError("a date is written YYYY-MM-DD")


# A date in a query string: YYYY-MM-DD and nothing else.
IsoDate = Annotated[dt.date, BeforeValidator(_iso_day_only)]


class SourcedOut(Schema):
    sources: list[str]
    uncertain: bool
    note: str
    note_ru: str


class ForcesFormationOut(SourcedOut):
    code: str
    kind: str
    name_en: str
    name_ru: str
    acronym_en: str
    acronym_ru: str
    founding_instrument: str
    founding_session: str
    established: dt.date | None
    purpose_en: str
    purpose_ru: str
    reported_strength: int | None
    reported_strength_note: str
    reported_strength_note_ru: str


class ForcesFormationIn(StrictIn):
    code: RecordCode
    kind: Annotated[str, OneOf(tuple(FormationKind))]
    name_en: str
    name_ru: str = ""
    acronym_en: str = ""
    acronym_ru: str = ""
    founding_instrument: str = Field("", description="instrument code, e.g. crrf-agreement-2009")
    founding_session: str = Field("", description="session code, e.g. csc-2009-02-04")
    established: dt.date | None = None
    purpose_en: str = ""
    purpose_ru: str = ""
    reported_strength: int | None = None
    reported_strength_note: str = ""
    sources: list[str] = []
    uncertain: bool = False
    note: str = ""


class ForcesContingentOut(SourcedOut):
    code: str
    formation: str
    state: str
    unit_en: str
    unit_ru: str
    unit_type: str
    strength: int | None
    strength_estimated: bool
    readiness: str
    start: dt.date
    start_precision: str
    end: dt.date | None


class ForcesContingentIn(StrictIn):
    code: RecordCode
    formation: str
    state: StateCode
    unit_en: str
    unit_ru: str = ""
    unit_type: Annotated[str, OneOf(tuple(UnitType))]
    strength: int | None = None
    strength_estimated: bool = False
    readiness: str = "not_stated"
    start: dt.date
    start_precision: str = "day"
    end: dt.date | None = None
    sources: list[str] = []
    uncertain: bool = False
    note: str = ""


class ForcesExerciseOut(SourcedOut):
    code: str
    formation: str | None
    name_en: str
    name_ru: str
    start: dt.date
    start_precision: str
    end: dt.date | None
    place_en: str
    place_ru: str
    host: str | None
    participants: list[str]
    personnel: int | None
    personnel_estimated: bool


class ForcesExerciseIn(StrictIn):
    code: RecordCode
    name_en: str
    name_ru: str = ""
    formation: str | None = None
    start: dt.date
    start_precision: str = "day"
    end: dt.date | None = None
    place_en: str = ""
    place_ru: str = ""
    host: str | None = None
    participants: list[str] = []
    personnel: int | None = None
    personnel_estimated: bool = False
    sources: list[str] = []
    uncertain: bool = False
    note: str = ""


class ForcesTotalOut(Schema):
    strength: int = Field(description="sum of the published strengths")
    contingents: int
    undisclosed: int = Field(description="contingents whose strength is not published")
    estimated: bool = Field(description="the sum includes at least one estimate")


class ForcesStateTotalOut(ForcesTotalOut):
    state: str


class ForcesFormationTotalsOut(Schema):
    formation: str
    total: ForcesTotalOut
    by_state: list[ForcesStateTotalOut]


class ForcesTotalsOut(Schema):
    as_of: dt.date
    formations: list[ForcesFormationTotalsOut]
    by_state: list[ForcesStateTotalOut]

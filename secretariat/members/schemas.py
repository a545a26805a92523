"""API shapes for member records. Input schemas forbid unknown fields, so a body cannot smuggle in
a field (say, another state's code) that the operation does not take."""

from __future__ import annotations

import datetime as dt
from typing import Any

from ninja import Schema
from pydantic import Field

from secretariat.core.api_types import IsoDate, StateCode, StrictIn


class SourcedOut(Schema):
    sources: list[str]
    uncertain: bool
    note: str
    note_ru: str


class StateOut(SourcedOut):
    code: str
    iso3: str
    name_en: str
    name_ru: str


class StandingOut(Schema):
    code: str
    name_en: str
    name_ru: str
    status: str
    member: bool


class PeriodOut(Schema):
    status: str
    start: dt.date
    end: dt.date | None


class TimelineOut(Schema):
    code: str
    periods: list[PeriodOut]


class EventOut(SourcedOut):
    id: int
    state: str
    kind: str
    date: dt.date
    summary_en: str
    summary_ru: str
    status: str


class EventIn(StrictIn):
    kind: str = Field(
        description="treaty_signature, accession, withdrawal, frozen_participation, …"
    )
    date: IsoDate
    summary_en: str
    summary_ru: str = ""
    sources: list[str] = []
    uncertain: bool = False
    note: str = ""


class RejectIn(StrictIn):
    reason: str


class TermOut(SourcedOut):
    id: int
    state: str
    start: dt.date
    start_precision: str
    end: dt.date | None
    end_precision: str


class ChairOut(TermOut):
    holder_en: str
    holder_ru: str


class SecretaryGeneralOut(TermOut):
    person_en: str
    person_ru: str
    acting: bool


class TermIn(StrictIn):
    state: StateCode
    start: IsoDate
    end: IsoDate | None = None
    start_precision: str = "day"
    end_precision: str = "day"
    sources: list[str] = []
    uncertain: bool = False
    note: str = ""


class ChairIn(TermIn):
    holder_en: str
    holder_ru: str = ""


class SecretaryGeneralIn(TermIn):
    person_en: str
    person_ru: str = ""
    acting: bool = False


class IndicatorOut(SourcedOut):
    state: str
    kind: str
    edition: str
    year: int
    status: str
    political_rights: int | None
    civil_liberties: int | None
    score: int | None


class IndicatorIn(StrictIn):
    year: int
    status: str
    political_rights: int | None = None
    civil_liberties: int | None = None
    score: int | None = None
    edition: str = ""
    sources: list[str] = []
    uncertain: bool = False
    note: str = ""


class OrganizationOnDate(Schema):
    as_of: dt.date
    members: list[StandingOut]
    chair: ChairOut | None
    secretary_general: SecretaryGeneralOut | None


class BodyOut(Schema):
    code: str
    name_en: str
    name_ru: str
    members_en: str
    members_ru: str
    sources: list[str]


class ChairRuleOut(Schema):
    body: str
    title_en: str
    title_ru: str
    rule_en: str
    rule_ru: str
    term_en: str
    term_ru: str
    sources: list[str]


class ReadingOut(Schema):
    code: str
    title_en: str
    title_ru: str
    sources: list[str]
    uncertain: bool


class OrganizationProfileOut(Schema):
    dataset: str
    name_en: str
    name_ru: str
    acronym_en: str
    acronym_ru: str
    working_languages: list[str]
    bodies: list[BodyOut]
    principal_body: str
    chair: ChairRuleOut | None
    statuses: list[str]
    readings: list[ReadingOut]
    default_reading: str
    default_final_clauses: dict[str, Any]
    sources: list[str]

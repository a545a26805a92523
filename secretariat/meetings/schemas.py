"""API shapes for meeting records. Input schemas forbid unknown fields, so a body cannot smuggle in
a field (another state's code, an outcome) that the operation does not take."""

from __future__ import annotations

import datetime as dt
from typing import Annotated

from ninja import Schema
from pydantic import ConfigDict, Field

from secretariat.core.api_types import OneOf
from secretariat.meetings.domain.sessions import Kind


class MeetingsStrictIn(Schema):
    model_config = ConfigDict(extra="forbid")


class MeetingsSourcedOut(Schema):
    sources: list[str]
    uncertain: bool
    note: str
    note_ru: str


class MeetingsAttendanceOut(MeetingsSourcedOut):
    state: str
    presence: str
    person: str
    person_ru: str
    level: str
    by_video: bool
    reason: str
    reason_text: str
    reason_text_ru: str


class MeetingsAgendaItemOut(Schema):
    number: int
    title_en: str
    title_ru: str


class MeetingsSessionOut(MeetingsSourcedOut):
    code: str
    body: str
    kind: str
    by_video: bool
    label_en: str
    label_ru: str
    start: dt.date
    start_precision: str
    end: dt.date | None
    city_en: str
    city_ru: str
    host: str
    chaired_by: str
    chair_person: str
    chair_person_ru: str
    summary_en: str
    summary_ru: str
    ru_from_source: bool
    url: str


class MeetingsSessionDetailOut(MeetingsSessionOut):
    agenda: list[MeetingsAgendaItemOut]
    attendance: list[MeetingsAttendanceOut]
    decisions: list[str]


class MeetingsPositionOut(MeetingsSourcedOut):
    state: str
    position: str
    declared_on: dt.date | None
    statement_en: str
    statement_ru: str


class MeetingsClaimOut(MeetingsSourcedOut):
    state: str
    reading: str
    claim_en: str
    claim_ru: str
    claimed_on: dt.date | None


class MeetingsVerdictOut(Schema):
    reading: str
    title: str  # in the language asked for (?lang=, else Accept-Language)
    title_en: str
    title_ru: str
    applied: bool
    claimed_by: list[str]
    computed: bool = Field(description="false when the session's attendance is not recorded")
    adopted: bool | None
    binding_on: list[str]
    not_bound: dict[str, str]
    blocked_by: list[str]
    explanation: str  # in the language asked for
    explanation_en: str
    explanation_ru: str


class MeetingsDecisionOut(MeetingsSourcedOut):
    code: str
    session: str
    slug: str
    kind: str
    title_en: str
    title_ru: str
    text_en: str
    text_ru: str
    outcome: str
    decided_on: dt.date | None
    rules: str
    instruments: list[str]
    missions: list[str]
    url: str


class MeetingsDecisionDetailOut(MeetingsDecisionOut):
    positions: list[MeetingsPositionOut]
    claims: list[MeetingsClaimOut]
    readings: list[MeetingsVerdictOut]


class MeetingsSessionIn(MeetingsStrictIn):
    body: Annotated[
        str,
        Field(
            max_length=16,
            description="one of the organization's bodies: the codes of "
            "GET /api/v1/organization/profile",
        ),
    ]
    kind: Annotated[str, OneOf(tuple(Kind))]
    start: dt.date
    start_precision: str = "day"
    end: dt.date | None = None
    by_video: bool = False
    label_en: str = ""
    label_ru: str = ""
    city_en: str = ""
    city_ru: str = ""
    host: str = ""
    chaired_by: str = ""
    chair_person: str = ""
    summary_en: str = ""
    summary_ru: str = ""
    agenda: list[str] | None = None
    sources: list[str] = []
    uncertain: bool = False
    note: str = ""


class MeetingsAttendanceIn(MeetingsStrictIn):
    presence: str = Field(description="present, represented, absent or guest")
    person: str = ""
    level: str = ""
    by_video: bool = False
    reason: str = ""
    reason_text: str = ""
    sources: list[str] = []
    uncertain: bool = False
    note: str = ""


class MeetingsDecisionIn(MeetingsStrictIn):
    slug: str
    title_en: str
    title_ru: str = ""
    kind: str = "decision"
    text_en: str = ""
    text_ru: str = ""
    rules: str = Field(
        "",
        description="a reading of the rules (GET /api/v1/organization/profile); empty: the "
        "organization's default reading",
    )
    instruments: list[str] = []
    missions: list[str] = []
    sources: list[str] = []
    uncertain: bool = False
    note: str = ""


class MeetingsPositionIn(MeetingsStrictIn):
    position: str = Field(description="supports, objects, abstains or not_interested")
    declared_on: dt.date | None = None
    statement_en: str = ""
    statement_ru: str = ""
    sources: list[str] = []


class MeetingsClaimIn(MeetingsStrictIn):
    reading: str = Field(
        description="a reading of the rules: one of the codes of GET /api/v1/organization/profile"
    )
    claim_en: str
    claim_ru: str = ""
    claimed_on: dt.date | None = None
    sources: list[str] = []


class MeetingsOutcomeIn(MeetingsStrictIn):
    outcome: str = Field(description="draft, adopted, not_adopted or withdrawn")
    decided_on: dt.date | None = None


class MeetingsOnDateOut(Schema):
    on: dt.date
    sitting: bool
    days_away: int
    session: MeetingsSessionOut
    chair_state: str
    chair_person: str
    chair_person_ru: str
    members: list[str]
    present: list[str]
    absent: list[MeetingsAttendanceOut]
    guests: list[MeetingsAttendanceOut]


class MeetingsMatrixCellOut(Schema):
    state: str
    value: str


class MeetingsMatrixRowOut(Schema):
    session: str
    start: dt.date
    cells: list[MeetingsMatrixCellOut]

"""API shapes of the depositary. Input schemas forbid unknown fields, so a body cannot smuggle in a
field (another state's code, a status) that the operation does not take."""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Any

from ninja import Schema
from pydantic import Field

from secretariat.core.api_types import IsoDate, OneOf, RecordCode, SignedStatementIn
from secretariat.core.api_types import StrictIn as Strict
from secretariat.depositary.models import InstrumentKind


class InstrumentIn(Strict):
    code: RecordCode
    title_en: str
    title_ru: str = ""
    kind: Annotated[str, OneOf(tuple(InstrumentKind.values))]
    adopted_on: IsoDate | None = None
    place_en: str = ""
    place_ru: str = ""
    meeting: str = ""
    parent: str | None = None
    participation: str = "members"
    eligible_states: list[str] = Field(default_factory=list)
    final_clauses: dict[str, Any] = Field(default_factory=dict)
    depositary: str = ""
    registration: list[str] = Field(default_factory=list)
    text_url: str = ""
    sources: list[str] = Field(default_factory=list)
    uncertain: bool = False
    note: str = ""


class ActIn(Strict):
    state: str
    kind: str
    date: IsoDate
    date_precision: str = "day"
    deposited: bool = True
    named_date: IsoDate | None = None
    revokes: int | None = None
    domestic_act: str = ""
    domestic_date: IsoDate | None = None
    text: str = ""
    territory: str = ""
    document: str = ""
    sources: list[str] = Field(default_factory=list)
    uncertain: bool = False
    note: str = ""
    signed: SignedStatementIn | None = None


class ReturnIn(Strict):
    reason: str


class DeclareIn(Strict):
    date: IsoDate
    reason: str


class InstrumentSummary(Schema):
    code: str
    title_en: str
    title_ru: str
    kind: str
    adopted_on: dt.date | None
    place_en: str
    parent: str | None
    entry_into_force: dt.date | None
    in_force: bool
    signatories: int
    parties: int | None  # null: in force on a sourced date, the parties not recorded
    parties_recorded: bool
    parties_in_record: int
    parties_note: str
    parties_note_ru: str  # empty: none, or not written in Russian yet
    url: str


class ActOut(Schema):
    id: int
    effective_on: dt.date | None
    instrument: str
    state: str
    kind: str
    date: dt.date
    date_precision: str
    deposited: bool
    named_date: dt.date | None
    revokes: int | None
    revoked_by: list[int]
    domestic_act: str
    domestic_act_ru: str
    domestic_date: dt.date | None
    text: str
    territory: str
    document: str
    status: str
    decision_reason: str
    sources: list[str]
    uncertain: bool
    note: str
    note_ru: str


class StateStatusOut(Schema):
    state: str
    name_en: str
    standing: str
    signature: dt.date | None
    definitive_signature: bool
    consent: str | None
    consent_date: dt.date | None
    in_force_from: dt.date | None
    basis: str
    provisional_from: dt.date | None
    withdrawal_notice: dt.date | None
    withdrawal_effective: dt.date | None
    revoked: list[str]
    annotations: list[str]
    outstanding: bool


class InstrumentStatusOut(Schema):
    code: str
    title_en: str
    title_ru: str
    kind: str
    adopted_on: dt.date | None
    place_en: str
    parent: str | None
    amendments: list[str]
    participation: str
    depositary: str
    depositary_ru: str
    registration: list[str]
    registration_ru: list[str]
    text_url: str
    final_clauses: dict[str, Any]
    as_of: dt.date
    condition_met_on: dt.date | None
    entry_into_force: dt.date | None
    in_force: bool
    article: str
    basis: str  # in the language asked for; the English where its Russian is not written yet
    basis_en: str
    basis_ru: str  # empty: not written in Russian yet
    completed_by: str | None
    jointly: list[str]
    waiting_for: list[str]
    still_needed: list[str]
    effective_from: dt.date | None
    term_ends: dt.date | None
    signatories: int
    parties: int | None  # null: in force on a sourced date, the parties not recorded
    parties_recorded: bool
    parties_in_record: int
    parties_note: str
    parties_note_ru: str  # empty: none, or not written in Russian yet
    searched: list[str]
    states: list[StateStatusOut]
    flags: list[str]
    sources: list[str]
    uncertain: bool
    note: str
    note_ru: str


class NotificationOut(Schema):
    number: str | None  # null: reconstructed for a past event, its source gives no number
    reference: str
    reconstructed: bool
    sources: list[str]
    kind: str
    instrument: str
    state: str
    act: int | None
    issued_on: dt.date
    effective_on: dt.date | None
    subject_en: str
    body_en: str
    subject_ru: str  # empty: not written in Russian yet (a part of it has no Russian text)
    body_ru: str


class PositionOut(Schema):
    knowledge: str  # known, negative, no_record
    summary: str  # in the language asked for (?lang=, else Accept-Language)
    summary_en: str
    summary_ru: str
    sources: list[str]
    uncertain: bool


class StateInstrumentOut(Schema):
    instrument: str
    title_en: str
    instrument_in_force: bool
    entry_into_force: dt.date | None
    standing: str
    signature: dt.date | None
    consent: str | None
    consent_date: dt.date | None
    in_force_from: dt.date | None
    outstanding: bool
    position: PositionOut
    searched: list[str]
    parties: int | None
    parties_recorded: bool
    parties_in_record: int
    parties_note: str
    parties_note_ru: str  # empty: none, or not written in Russian yet


class OutstandingOut(Schema):
    by_knowledge: dict[str, list[str]]  # known, negative, no_record -> instrument codes
    counts: dict[str, int]


class StateOverviewOut(Schema):
    state: str
    name_en: str
    as_of: dt.date
    instruments: list[StateInstrumentOut]
    outstanding: list[str]
    outstanding_by_knowledge: OutstandingOut


class MatrixOut(Schema):
    as_of: dt.date
    states: list[str]
    instruments: list[str]
    cells: dict[str, dict[str, str]]
    positions: dict[str, dict[str, str]]  # instrument -> state -> known, negative, no_record
    counts: dict[str, dict[str, int]]  # instrument -> how many of each
    outstanding: dict[str, OutstandingOut]  # state -> its outstanding instruments by knowledge


class DocumentOut(Schema):
    id: int
    act: int
    filename: str
    content_type: str
    size: int
    sha256: str
    uploaded_by: str
    uploaded_at: dt.datetime
    url: str

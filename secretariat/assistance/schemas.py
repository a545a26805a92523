"""API shapes for collective assistance. Input schemas forbid unknown fields, so a body cannot
smuggle in a status, an id or another state's code that the operation does not take."""

from __future__ import annotations

import datetime as dt

from ninja import Schema
from pydantic import Field

from secretariat.core.api_types import StrictIn


class SourcedOut(Schema):
    sources: list[str]
    uncertain: bool
    note: str
    note_ru: str


class AssistanceConsultationOut(SourcedOut):
    date: dt.date
    precision: str
    held_by_en: str
    held_by_ru: str
    session: str
    summary_en: str
    summary_ru: str


class AssistanceDecisionOut(SourcedOut):
    date: dt.date
    precision: str
    session: str
    outcome: str
    response_en: str
    response_ru: str


class AssistanceRequestOut(SourcedOut):
    code: str
    state: str
    territory: str
    requested_on: dt.date
    on_behalf_of: str
    on_behalf_of_ru: str
    situation_en: str
    situation_ru: str
    asks_en: str
    asks_ru: str
    legal_basis: str
    legal_basis_ru: str
    status: str
    last_step_on: dt.date
    outcome_en: str
    outcome_ru: str
    withdrawn_on: dt.date | None
    withdrawn_precision: str
    withdrawal_reason: str
    withdrawal_reason_ru: str
    closed_on: dt.date | None
    mission: str | None
    consultations: list[AssistanceConsultationOut]
    decision: AssistanceDecisionOut | None


class AssistanceRequestIn(StrictIn):
    state: str = Field(min_length=2, max_length=2, description="your own state (delegation)")
    requested_on: dt.date
    on_behalf_of: str = Field(description="the head of state or government asking")
    situation_en: str
    asks_en: str
    code: str = ""
    situation_ru: str = ""
    asks_ru: str = ""
    legal_basis: str = ""
    sources: list[str] = []
    uncertain: bool = False
    note: str = ""


class AssistanceWithdrawRequestIn(StrictIn):
    withdrawn_on: dt.date
    reason: str = ""


class AssistanceConsultationIn(StrictIn):
    date: dt.date
    held_by_en: str
    summary_en: str
    precision: str = "day"
    held_by_ru: str = ""
    session: str = ""
    summary_ru: str = ""
    sources: list[str] = []
    uncertain: bool = False
    note: str = ""


class AssistanceDecisionIn(StrictIn):
    date: dt.date
    outcome: str = Field(description="adopted, alternative (e.g. a monitoring mission) or rejected")
    response_en: str
    precision: str = "day"
    session: str = ""
    response_ru: str = ""
    sources: list[str] = []
    uncertain: bool = False
    note: str = ""


class AssistanceAreaIn(StrictIn):
    code: str
    name_en: str
    name_ru: str = ""


class AssistanceAreaOut(Schema):
    code: str
    name_en: str
    name_ru: str


class AssistanceMandateIn(StrictIn):
    code: str
    name_en: str
    tasks_en: str
    start: dt.date
    end: dt.date
    areas: list[AssistanceAreaIn]
    territory: str | None = None
    formation: str | None = None
    commander: str = ""
    name_ru: str = ""
    tasks_ru: str = ""
    sources: list[str] = []
    uncertain: bool = False
    note: str = ""


class AssistanceCloseIn(StrictIn):
    closed_on: dt.date
    outcome_en: str
    outcome_ru: str = ""


class AssistanceDeploymentIn(StrictIn):
    contingent: str
    area: str
    strength: int
    start: dt.date
    end: dt.date | None = None
    strength_estimated: bool = False
    sources: list[str] = []
    uncertain: bool = False
    note: str = ""


class AssistanceDeploymentOut(SourcedOut):
    mission: str
    contingent: str
    state: str
    formation: str
    unit_en: str
    area: str
    strength: int
    strength_estimated: bool
    start: dt.date
    end: dt.date | None


class AssistanceWithdrawalIn(StrictIn):
    completed_on: dt.date
    began_on: dt.date | None = None


class AssistanceStepOut(Schema):
    date: dt.date
    kind: str
    text: str  # in the language asked for; the other language's text where it has none yet
    text_en: str
    text_ru: str
    precision: str
    uncertain: bool


class AssistanceStateStrengthOut(Schema):
    state: str
    strength: int


class AssistanceMissionOut(SourcedOut):
    code: str
    request: str
    territory: str
    formation: str | None
    name_en: str
    name_ru: str
    tasks_en: str
    tasks_ru: str
    commander: str
    commander_ru: str
    start: dt.date
    end: dt.date
    withdrawal_began: dt.date | None
    withdrawal_completed: dt.date | None
    decision: AssistanceDecisionOut
    areas: list[AssistanceAreaOut]
    deployments: list[AssistanceDeploymentOut]
    strength_by_state: list[AssistanceStateStrengthOut]
    timeline: list[AssistanceStepOut]

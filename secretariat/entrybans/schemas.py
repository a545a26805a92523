"""API shapes for the entry-ban register. Input schemas forbid unknown fields."""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Any, Literal

from ninja import Schema
from pydantic import ConfigDict, Field

from secretariat.core.api_types import IsoDate, OneOf, SignedStatementIn, StrictIn
from secretariat.entrybans.domain.rules import RequestKind
from secretariat.entrybans.registry import NAME_MAX_CHARS
from secretariat.entrybans.screening.score import USES


class AliasIn(StrictIn):
    name: str
    quality: str = Field("strong", description="strong, or weak (a weak alias never hits alone)")


class DocumentIn(StrictIn):
    number: str
    kind: str = "passport"
    issuing_country: str = ""


class ListingIn(StrictIn):
    reference: str = Field(description="the issuing state's reference for this listing")
    issuing_state: str = Field(min_length=2, max_length=2)
    issuing_authority: str
    contact: str = Field(description="the desk an officer calls on a hit")
    decision_reference: str
    decision_date: IsoDate
    decision_valid_until: IsoDate | None = None
    ground: str = Field(description="public_security, national_security, serious_crime, …")
    action_on_hit: str = Field(description="refuse_entry, refuse_entry_inform_issuing_state, …")
    surname: str
    given_names: str
    patronymic: str = ""
    surname_latin: str
    given_names_latin: str
    patronymic_latin: str = ""
    birth_date: str = Field(description="YYYY-MM-DD, YYYY-MM or YYYY")
    place_of_birth: str = ""
    nationalities: list[str] = []
    gender: str = ""
    aliases: list[AliasIn] = []
    documents: list[DocumentIn] = []
    assessment: str = Field(description="the recorded individual assessment")
    proportionality: str
    reasons_releasable: str = Field(description="may be released to the person (and publicly)")
    reasons_confidential: str = ""
    recognized_by: list[str] = []
    review_date: IsoDate | None = None
    signed: SignedStatementIn | None = Field(
        None,
        description="optional: the delegation's signature over a statement naming this listing "
        "(reference, action, content_sha256 of this body without `signed`); see docs/signing.md",
    )


class ListingOut(Schema):
    reference: str
    issuing_state: str
    issuing_authority: str
    contact: str
    decision_reference: str
    decision_date: dt.date
    decision_valid_until: dt.date | None
    ground: str
    action_on_hit: str
    status: str
    fictitious: bool
    recognized_by: list[str]
    surname: str
    given_names: str
    patronymic: str
    surname_latin: str
    given_names_latin: str
    patronymic_latin: str
    birth_date: str
    place_of_birth: str
    nationalities: list[str]
    aliases: list[dict[str, str]]
    documents: list[dict[str, str]]
    assessment: str
    proportionality: str
    reasons_releasable: str
    reasons_confidential: str
    entered_at: dt.datetime
    review_date: dt.date
    extensions: int
    quarantine_reason: str
    deleted_at: dt.datetime | None
    deletion_reason: str


class ListingSummaryOut(Schema):
    reference: str
    issuing_state: str
    status: str
    review_date: dt.date
    fictitious: bool


class ExtendIn(StrictIn):
    assessment: str
    review_date: IsoDate | None = None


class ReasonIn(StrictIn):
    reason: str


class MisuseIn(StrictIn):
    consent_reference: str
    birth_date: str = ""
    nationality: str = ""
    document_numbers: list[str] = []


class MisuseOut(Schema):
    id: int
    listing: str


# A name to screen as registry.check_name takes it: at most NAME_MAX_CHARS, no control characters
# (C0, C1, bidirectional overrides and isolates). The document states both; check_name enforces
# them, so the refusal names the limit or the character and its position (422 rule-violation).
# /match's free-form properties are not held to this shape (yente clients send what they have);
# only the name drawn from them is checked.
ScreenedName = Annotated[
    str,
    Field(
        description=f"at most {NAME_MAX_CHARS} characters, no control characters",
        json_schema_extra={
            "maxLength": NAME_MAX_CHARS,
            "pattern": "^[^\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]*$",
        },
    ),
]


class ScreenIn(StrictIn):
    name: ScreenedName
    birth_date: str | None = None
    nationality: str | None = None
    documents: list[str] = []
    use: Annotated[str, OneOf(tuple(USES))] = Field(
        "border", description="border or investigation: the thresholds to apply"
    )
    limit: int = Field(10, ge=1, le=50)


class BatchQueryIn(StrictIn):
    name: ScreenedName
    birth_date: str | None = None
    nationality: str | None = None
    documents: list[str] = []


class BatchIn(StrictIn):
    # at most 1,000 (api.BATCH_MAX_QUERIES), checked by the view so the refusal names the limit;
    # the document states it (maxItems) all the same.
    queries: list[BatchQueryIn] = Field(
        description="at most 1,000 queries", json_schema_extra={"maxItems": 1000}
    )
    use: Annotated[str, OneOf(tuple(USES))] = "border"
    limit: int = Field(5, ge=1, le=50)


class HitOut(Schema):
    reference: str
    score: float
    decision: str
    matched_name: str
    name: str
    name_original: str
    birth_date: str
    nationalities: list[str]
    issuing_state: str
    action_on_hit: str
    applies_in_your_state: bool = Field(description="your state recognizes this listing")
    contact: str
    quarantined: bool
    fictitious: bool
    weak_alias: bool
    features: dict[str, float]
    explanation: list[str]


class ScreenOut(Schema):
    query: str
    use: str
    hits: list[HitOut]


class RequestIn(StrictIn):
    reference: str
    kind: Annotated[str, OneOf(tuple(RequestKind))]
    requester_reference: str = ""


class AnswerIn(StrictIn):
    outcome: str = Field(description="granted, partly_granted or refused")
    reasons: str


class RequestOut(Schema):
    id: int
    listing: str
    issuing_state: str
    kind: str
    lodged_with: str
    lodged_on: dt.date
    route_by: dt.date
    answer_by: dt.date
    outcome: str
    answered_on: dt.date | None


class PurposeNoticeIn(StrictIn):
    reason: str = Field(description="why the listing has achieved its purpose (recorded)")


class PurposeAnswerIn(StrictIn):
    reply: Literal["delete", "keep"] = Field(
        description="delete: confirm deletion (the listing is deleted); keep: give reasons"
    )
    reasons: str = Field("", description="the reasons for keeping the listing (mandatory to keep)")


class PurposeNoticeOut(Schema):
    id: int
    listing: str
    issuing_state: str
    notified_by: str = Field(description="the notifying state's code, or 'secretariat'")
    notified_on: dt.date
    reason: str
    reply_by: dt.date = Field(description="15 calendar days after the notice")
    outcome: str = Field(
        description="pending, deletion_confirmed, retention_justified or listing_deleted"
    )
    answered_on: dt.date | None
    answer_reasons: str
    escalated_on: dt.date | None = Field(description="when the unanswered notice escalated")
    overdue: bool = Field(description="still unanswered after its reply date")


class ReferIn(StrictIn):
    new_material: str = Field(
        "", description="new material, which a repeat request on the same listing needs"
    )


class PreliminaryIn(StrictIn):
    accept: bool = Field(description="true: information gathering opens; false: rejected")
    reasons: str = Field(description="the reasons of the preliminary determination")
    new_material: str = Field("", description="new material received since the referral")


class PhaseExtensionIn(StrictIn):
    months: int = Field(ge=1, le=2, description="once per phase, by up to two months")


class ReportIn(StrictIn):
    report: str = Field(description="the comprehensive report")


class DecisionIn(StrictIn):
    outcome: Literal["granted", "refused"] = Field(
        description="granted: the listing is deleted; refused: it stays"
    )
    reasons: str


class ReviewOut(Schema):
    id: int
    request: int
    listing: str
    issuing_state: str
    phase: str = Field(
        description="preliminary, information_gathering, dialogue, report (awaiting the "
        "decision) or closed"
    )
    outcome: str = Field(description="pending, rejected, granted, refused or listing_deleted")
    repeat: bool = Field(description="an earlier delisting request on this listing failed")
    new_material: str
    referred_on: dt.date
    preliminary_on: dt.date | None
    preliminary_reasons: str
    gathering_started_on: dt.date | None
    gathering_due: dt.date | None
    gathering_extended: bool
    dialogue_started_on: dt.date | None
    dialogue_due: dt.date | None
    dialogue_extended: bool
    report_on: dt.date | None
    report: str
    decided_on: dt.date | None
    decision_reasons: str
    phase_due: dt.date | None = Field(description="the deadline of the current phase")
    overdue: bool = Field(description="the current phase has run past its deadline")


class HitReportIn(StrictIn):
    reference: str = Field(description="the listing screening returned to you (last 24 hours)")
    place: str = Field(description="border crossing point or consulate")
    action_taken: bool = Field(description="the action on a hit was taken")
    note: str = ""


class HitAnswerIn(StrictIn):
    answer: str


class HitReportOut(Schema):
    id: int
    listing: str
    issuing_state: str
    contact: str = Field(description="the issuing state's desk")
    reported_by_state: str
    reported_at: dt.datetime
    answer_due: dt.datetime = Field(description="12 hours after the report (UTC)")
    place: str
    action_taken: bool
    note: str
    answered_at: dt.datetime | None
    answer: str
    overdue: bool = Field(description="unanswered after its 12 hours")
    late: bool = Field(description="answered after its 12 hours")
    escalated_at: dt.datetime | None = Field(
        description="when the scheduled run escalated it, unanswered after its 12 hours"
    )


class AccessLogOut(Schema):
    at: dt.datetime
    username: str
    role: str
    authority: str
    action: str
    query: dict[str, Any]
    returned: list[Any]


class LegalBasisOut(Schema):
    code: str
    kind: str
    date: dt.date
    date_precision: str
    summary_en: str
    summary_ru: str
    outcome_en: str
    outcome_ru: str
    sources: list[str]
    uncertain: bool


# yente-compatible matching (OpenSanctions): the request and response shapes of POST /match.
class EntityExample(StrictIn):
    model_config = ConfigDict(extra="forbid", populate_by_name=True)

    id: str | None = None
    schema_: str = Field("Person", alias="schema")
    properties: dict[str, Any]


class EntityMatchQuery(StrictIn):
    weights: dict[str, float] = {}
    # at most 100 (api.MATCH_MAX_QUERIES, as yente has it), checked by the view
    queries: dict[str, EntityExample] = Field(json_schema_extra={"maxProperties": 100})


class TotalSpec(Schema):
    value: int
    relation: str = "eq"


class ScoredEntity(Schema):
    id: str
    caption: str
    schema_: str = Field("Person", alias="schema")
    properties: dict[str, list[str]]
    datasets: list[str]
    referents: list[str] = []
    target: bool = True
    first_seen: dt.datetime | None = None
    last_seen: dt.datetime | None = None
    last_change: dt.datetime | None = None
    score: float
    features: dict[str, float]
    match: bool
    explanations: dict[str, Any] = {}


class EntityMatches(Schema):
    status: int = 200
    results: list[ScoredEntity]
    total: TotalSpec
    query: dict[str, Any]


class EntityMatchResponse(Schema):
    responses: dict[str, EntityMatches]
    matcher: dict[str, Any]
    limit: int

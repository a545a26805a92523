"""The register's rules in pure Python: the closed data set, review dates, request deadlines, the
purpose-achieved loop, the phases of an independent delisting review, the response clock of a
reported hit, and the commitment that stands for personal data in the journal.

Anchors: SIS Regulation (EU) 2018/1861 (Art. 20-22 data, 21 proportionality, 24 conditions,
39 review and automatic deletion, 47 misused identity, 53-54 rights of the person), the SIRENE
Manual (an alert whose purpose is achieved: the issuing authority confirms deletion or gives
reasons within 15 calendar days; a bureau answers another's request within 12 hours), EES Regulation 2017/2226 Art. 52 (request deadlines), UN
Security Council res. 1822 (2008) (releasable narrative summary of reasons) and res. 2734 (2024)
Annex II (the Ombudsperson's delisting procedure).
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Mapping
from dataclasses import dataclass
from enum import StrEnum
from typing import Any

from secretariat.core.domain.errors import RuleViolation

REVIEW_YEARS = 3
LONG_REVIEW_YEARS = 5  # when the national decision runs longer than three years
WARNING_MONTHS = 4
ROUTING_DAYS = 7  # a request lodged elsewhere reaches the issuing state within a week
ANSWER_DAYS = 30  # the issuing state answers within 30 days of receiving it
MIN_STATEMENT_LENGTH = 40  # an assessment is a reasoned text, not a tick box
LOG_RETENTION_YEARS = 3
PURPOSE_REPLY_DAYS = 15  # SIRENE: confirm deletion or give reasons within 15 calendar days
GATHERING_MONTHS = 4  # res. 2734 (2024) Annex II: information gathering, about four months
DIALOGUE_MONTHS = 2  # ... then the dialogue, about two months
MAX_PHASE_EXTENSION_MONTHS = 2  # each of the two may be extended once, by up to two months
HIT_ANSWER_HOURS = 12  # SIRENE Manual: answer as soon as possible, in any event within 12 hours
HIT_REPORT_WINDOW_HOURS = 24  # an officer reports a hit screening gave them within the last day


class Ground(StrEnum):
    """The closed list of grounds (after SIS Art. 24(2) and the UN listing criteria)."""

    PUBLIC_SECURITY = "public_security"  # threat to public policy or public security
    NATIONAL_SECURITY = "national_security"
    SERIOUS_CRIME = "serious_crime"  # conviction for an offence of a year's imprisonment or more
    TERRORISM = "terrorism"
    RESTRICTIVE_MEASURE = "restrictive_measure"  # an international restrictive measure
    IMMIGRATION = "immigration"  # an entry ban under immigration law


class HitAction(StrEnum):
    """What the officer does on a hit."""

    REFUSE_ENTRY = "refuse_entry"
    REFUSE_AND_INFORM = "refuse_entry_inform_issuing_state"
    CONSULT_ISSUING_STATE = "consult_issuing_state"  # e.g. the person holds a residence permit


class RequestKind(StrEnum):
    ACCESS = "access"
    RECTIFICATION = "rectification"
    ERASURE = "erasure"
    DELISTING = "delisting"


class Outcome(StrEnum):
    PENDING = "pending"
    GRANTED = "granted"
    PARTLY_GRANTED = "partly_granted"
    REFUSED = "refused"


def add_years(day: dt.date, years: int) -> dt.date:
    try:
        return day.replace(year=day.year + years)
    except ValueError:  # 29 February
        return day.replace(year=day.year + years, day=28)


def add_months(day: dt.date, months: int) -> dt.date:
    month = day.month - 1 + months
    year, month = day.year + month // 12, month % 12 + 1
    for last in (31, 30, 29, 28):
        try:
            return dt.date(year, month, min(day.day, last))
        except ValueError:
            continue
    raise AssertionError("unreachable")


def latest_review_date(start: dt.date, decision_valid_until: dt.date | None) -> dt.date:
    """Three years from `start`, five when the national decision runs longer than three."""
    three = add_years(start, REVIEW_YEARS)
    if decision_valid_until and decision_valid_until > three:
        return add_years(start, LONG_REVIEW_YEARS)
    return three


def review_date(
    start: dt.date, decision_valid_until: dt.date | None, requested: dt.date | None = None
) -> dt.date:
    """The review date of a listing entered (or extended) on `start`: the latest allowed unless
    the issuing state asks for an earlier one, which it may."""
    latest = latest_review_date(start, decision_valid_until)
    if requested is None:
        return latest
    if requested <= start:
        raise RuleViolation("the review date must lie after today", field="review_date")
    if requested > latest:
        raise RuleViolation(
            f"the review date may be at most {latest.isoformat()} "
            f"({REVIEW_YEARS} years, {LONG_REVIEW_YEARS} where the national decision runs longer)",
            field="review_date",
        )
    return requested


def warning_date(review: dt.date) -> dt.date:
    """The issuing state is warned four months before the review date."""
    return add_months(review, -WARNING_MONTHS)


def check_statement(text: str, field: str, what: str) -> str:
    text = (text or "").strip()
    if len(text) < MIN_STATEMENT_LENGTH:
        raise RuleViolation(
            f"{what} is mandatory and must be a reasoned text "
            f"(at least {MIN_STATEMENT_LENGTH} characters)",
            field=field,
        )
    return text


def check_extension(today: dt.date, current_review: dt.date, assessment: str) -> None:
    """An extension needs a new recorded assessment and must come before the review date."""
    if today >= current_review:
        raise RuleViolation(
            f"the review date {current_review.isoformat()} has passed: the listing can no longer "
            "be extended, only entered anew",
            field="assessment",
        )
    check_statement(assessment, "assessment", "a new individual assessment")


@dataclass(frozen=True)
class Deadlines:
    route_by: dt.date
    answer_by: dt.date


def request_deadlines(lodged_on: dt.date, lodged_with_issuing_state: bool) -> Deadlines:
    """Lodged with the issuing state: answered within 30 days. Lodged with another state or the
    secretariat: routed within 7 days, and answered within 30 days of that."""
    if lodged_with_issuing_state:
        return Deadlines(lodged_on, lodged_on + dt.timedelta(days=ANSWER_DAYS))
    route_by = lodged_on + dt.timedelta(days=ROUTING_DAYS)
    return Deadlines(route_by, route_by + dt.timedelta(days=ANSWER_DAYS))


class NoticeOutcome(StrEnum):
    """Where a purpose-achieved notice stands."""

    PENDING = "pending"  # the issuing state has not replied
    DELETION_CONFIRMED = "deletion_confirmed"  # ... confirmed deletion: the listing is deleted
    RETENTION_JUSTIFIED = "retention_justified"  # ... gave recorded reasons for keeping it
    LISTING_DELETED = "listing_deleted"  # the listing went another way (expiry, deletion)


class NoticeReply(StrEnum):
    DELETE = "delete"
    KEEP = "keep"


def purpose_reply_by(notified_on: dt.date) -> dt.date:
    """The last day on which the issuing state replies to a purpose-achieved notice: 15 calendar
    days after the notice (SIRENE Manual)."""
    return notified_on + dt.timedelta(days=PURPOSE_REPLY_DAYS)


def purpose_notice_overdue(reply_by: dt.date, today: dt.date) -> bool:
    """A notice with no reply escalates on the day after its reply date."""
    return today > reply_by


class ReviewPhase(StrEnum):
    """The phases of an independent delisting review (res. 2734 (2024) Annex II), in order."""

    PRELIMINARY = (
        "preliminary"  # does the request address the criteria; a repeat brings new material
    )
    INFORMATION_GATHERING = "information_gathering"
    DIALOGUE = "dialogue"
    REPORT = "report"  # the comprehensive report is in; the decision comes next
    CLOSED = "closed"  # decided, rejected at the preliminary determination, or the listing went


class ReviewOutcome(StrEnum):
    PENDING = "pending"
    REJECTED = "rejected"  # at the preliminary determination
    GRANTED = "granted"  # delisting granted: the listing is deleted
    REFUSED = "refused"  # the listing stays
    LISTING_DELETED = "listing_deleted"  # the listing was deleted while the review ran


NEXT_PHASE = {
    ReviewPhase.PRELIMINARY: ReviewPhase.INFORMATION_GATHERING,
    ReviewPhase.INFORMATION_GATHERING: ReviewPhase.DIALOGUE,
    ReviewPhase.DIALOGUE: ReviewPhase.REPORT,
    ReviewPhase.REPORT: ReviewPhase.CLOSED,
}
PHASE_MONTHS = {
    ReviewPhase.INFORMATION_GATHERING: GATHERING_MONTHS,
    ReviewPhase.DIALOGUE: DIALOGUE_MONTHS,
}


STEP_NAMES = {
    ReviewPhase.INFORMATION_GATHERING: "the preliminary determination",
    ReviewPhase.DIALOGUE: "the dialogue",
    ReviewPhase.REPORT: "the comprehensive report",
    ReviewPhase.CLOSED: "the decision",
}


def check_review_step(current: str, target: ReviewPhase) -> None:
    """A review moves one phase at a time, in order (no phase is skipped or repeated); nothing
    happens after it is closed."""
    phase = ReviewPhase(current)
    if phase is ReviewPhase.CLOSED:
        raise RuleViolation("the review is closed: nothing more can be recorded on it")
    if NEXT_PHASE[phase] is not target:
        previous = next(p for p, n in NEXT_PHASE.items() if n is target)
        raise RuleViolation(
            f"{STEP_NAMES[target]} cannot be recorded now: the review is in the {phase.value} "
            f"phase, and {STEP_NAMES[target]} comes only at the end of the {previous.value} phase"
        )


def phase_due(started_on: dt.date, phase: ReviewPhase) -> dt.date:
    """The deadline of a timed phase: information gathering 4 months, dialogue 2 months."""
    if phase not in PHASE_MONTHS:
        raise RuleViolation(f"the {phase.value} phase has no deadline")
    return add_months(started_on, PHASE_MONTHS[phase])


def extended_phase_due(
    phase: str, due: dt.date, months: int, *, already_extended: bool, today: dt.date
) -> dt.date:
    """Information gathering and dialogue may each be extended once, by up to two months, before
    their deadline."""
    current = ReviewPhase(phase)
    if current is ReviewPhase.CLOSED:
        raise RuleViolation("the review is closed: nothing more can be recorded on it")
    if current not in PHASE_MONTHS:
        raise RuleViolation(
            f"only the information-gathering and dialogue phases can be extended; "
            f"the review is in the {current.value} phase"
        )
    if already_extended:
        raise RuleViolation(f"the {current.value} phase was already extended once", field="months")
    if not 1 <= months <= MAX_PHASE_EXTENSION_MONTHS:
        raise RuleViolation(
            f"an extension is of 1 to {MAX_PHASE_EXTENSION_MONTHS} months", field="months"
        )
    if today > due:
        raise RuleViolation(
            f"the {current.value} phase ended on {due.isoformat()}: it can only be extended "
            "before its deadline",
            field="months",
        )
    return add_months(due, months)


def check_preliminary_determination(accept: bool, *, repeat: bool, new_material: str) -> None:
    """A repeat request on the same listing is accepted only on new material, which is recorded;
    without it, it is rejected at the preliminary determination."""
    if accept and repeat and not (new_material or "").strip():
        raise RuleViolation(
            "this is a repeat request on the same listing: it can be accepted only on new "
            "material (record it), otherwise it is rejected",
            field="new_material",
        )


def phase_overdue(due: dt.date | None, today: dt.date) -> bool:
    return due is not None and today > due


def _utc(moment: dt.datetime) -> dt.datetime:
    if moment.tzinfo is None:
        raise ValueError("a moment of the hit follow-up carries its time zone")
    return moment.astimezone(dt.UTC)


def hit_answer_due(reported_at: dt.datetime) -> dt.datetime:
    """The issuing state's desk answers a reported hit within 12 hours (SIRENE), in UTC."""
    return _utc(reported_at) + dt.timedelta(hours=HIT_ANSWER_HOURS)


def hit_report_overdue(
    answer_due: dt.datetime, now: dt.datetime, answered_at: dt.datetime | None = None
) -> bool:
    """Unanswered after its 12 hours (an answer given late is late, not overdue)."""
    return answered_at is None and _utc(now) > _utc(answer_due)


def hit_answer_late(answer_due: dt.datetime, answered_at: dt.datetime) -> bool:
    return _utc(answered_at) > _utc(answer_due)


def hit_report_window_start(now: dt.datetime) -> dt.datetime:
    """The earliest screening whose hits an officer may still report."""
    return _utc(now) - dt.timedelta(hours=HIT_REPORT_WINDOW_HOURS)


def commitment(salt: str, personal: Mapping[str, Any]) -> str:
    """SHA-256 over the salt and the canonical JSON of the personal fields.

    The journal holds only this value: it proves later what was entered (anyone holding the
    data and the salt can recompute it), yet reveals nothing, and erasing the salt with the data
    leaves the journal's chain intact and the commitment meaningless."""
    from secretariat.journal.domain.chain import canonical_bytes

    return hashlib.sha256(bytes.fromhex(salt) + canonical_bytes(personal)).hexdigest()

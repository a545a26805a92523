"""The register's rules in pure Python: the closed data set, review dates, request deadlines and
the commitment that stands for personal data in the journal.

Anchors: SIS Regulation (EU) 2018/1861 (Art. 20-22 data, 21 proportionality, 24 conditions,
39 review and automatic deletion, 47 misused identity, 53-54 rights of the person), EES
Regulation 2017/2226 Art. 52 (request deadlines), UN Security Council res. 1822 (2008) (releasable
narrative summary of reasons).
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


def commitment(salt: str, personal: Mapping[str, Any]) -> str:
    """SHA-256 over the salt and the canonical JSON of the personal fields.

    The journal holds only this value: it proves later what was entered (anyone holding the
    data and the salt can recompute it), yet reveals nothing, and erasing the salt with the data
    leaves the journal's chain intact and the commitment meaningless."""
    from secretariat.journal.domain.chain import canonical_bytes

    return hashlib.sha256(bytes.fromhex(salt) + canonical_bytes(personal)).hexdigest()

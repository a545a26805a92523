"""Sessions of the organization's bodies, who attended them, and which session a date falls under.

Use `session_code` to name a session (`<body>-<first day>`, written only as far as the sources
know the date), `check_dates` and `check_attendance` before storing, and `latest_on` to answer
"what was the organization doing on this date?".
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from enum import StrEnum
from typing import Generic, TypeVar

from secretariat.core.domain import asof
from secretariat.core.domain.errors import RuleViolation


def check_body(code: str, known: Iterable[str]) -> str:
    """A session belongs to one of the organization's bodies (organization.json `bodies`)."""
    bodies = tuple(known)
    if code not in bodies:
        raise RuleViolation(
            f"{code!r} is not one of the organization's bodies; known: "
            f"{', '.join(bodies) or 'none (declare them in organization.json)'}",
            field="body",
        )
    return code


class Kind(StrEnum):
    REGULAR = "regular"
    INFORMAL = "informal"
    EXTRAORDINARY = "extraordinary"
    OTHER = "other"  # e.g. a signing held during another organization's summit


class Precision(StrEnum):
    """How much of the first day the sources give; the stored date is the best-known day."""

    DAY = "day"
    MONTH = "month"
    YEAR = "year"


class Presence(StrEnum):
    PRESENT = "present"  # the state's own representative at the expected level took part
    REPRESENTED = "represented"  # someone else stood in (name and level recorded)
    ABSENT = "absent"
    GUEST = "guest"  # an invited non-member (Uzbekistan's president in August 2021)


class AbsenceReason(StrEnum):
    BOYCOTT = "boycott"
    FROZEN_PARTICIPATION = "frozen_participation"
    DECLINED = "declined"
    NO_LEGITIMATE_AUTHORITY = "no_legitimate_authority"
    UNKNOWN = "unknown"
    OTHER = "other"


class Level(StrEnum):
    HEAD_OF_STATE = "head_of_state"
    HEAD_OF_GOVERNMENT = "head_of_government"
    MINISTER = "minister"
    AMBASSADOR = "ambassador"
    OTHER = "other"


def session_code(body: str, start: dt.date, precision: Precision | str) -> str:
    """`csc-2011-08-12`; `csc-2005-06` when only the month is known, `csc-2008` for the year."""
    precision = Precision(precision)
    if precision is Precision.YEAR:
        return f"{body}-{start:%Y}"
    if precision is Precision.MONTH:
        return f"{body}-{start:%Y-%m}"
    return f"{body}-{start.isoformat()}"


def describe_date(start: dt.date, precision: Precision | str) -> str:
    precision = Precision(precision)
    if precision is Precision.YEAR:
        return f"{start:%Y}"
    if precision is Precision.MONTH:
        return f"{start:%Y-%m}"
    return start.isoformat()


def check_dates(start: dt.date, end: dt.date | None, precision: Precision | str) -> None:
    if end is not None and end < start:
        raise RuleViolation(
            f"a session cannot end ({end.isoformat()}) before it starts ({start.isoformat()})",
            field="end",
        )
    if end is not None and Precision(precision) is not Precision.DAY:
        raise RuleViolation(
            "a session known only to the month or year cannot have an exact last day", field="end"
        )
    if end is not None and (end - start).days > 31:
        raise RuleViolation("a session lasting more than a month is not a session", field="end")


def check_attendance(
    state: str,
    presence: Presence,
    *,
    member: bool,
    on: dt.date,
    reason: AbsenceReason | None,
    person: str,
) -> None:
    """Members attend, are represented or are absent; a non-member can only be a guest."""
    if presence is Presence.GUEST:
        if member:
            raise RuleViolation(
                f"{state} was a member on {on.isoformat()}; a member attends, it is not a guest",
                field="presence",
            )
        return
    if not member:
        raise RuleViolation(
            f"{state} was not a member on {on.isoformat()}; record it as a guest if it was invited",
            field="state",
        )
    if presence is Presence.REPRESENTED and not person.strip():
        raise RuleViolation("say who represented the state", field="person")
    if presence is not Presence.ABSENT and reason is not None:
        raise RuleViolation(
            "a reason for absence is only given for an absent state", field="reason"
        )


K = TypeVar("K")


@dataclass(frozen=True)
class Dated(Generic[K]):
    key: K
    start: dt.date
    end: dt.date | None

    @property
    def last_day(self) -> dt.date:
        return self.end or self.start

    def distance(self, on: dt.date) -> int:
        """Days from `on` to the session; 0 while it is sitting."""
        if self.start <= on <= self.last_day:
            return 0
        return (self.start - on).days if on < self.start else (on - self.last_day).days


def latest_on(sessions: Iterable[Dated[K]], on: dt.date) -> Dated[K] | None:
    """The session sitting on `on`, else the last one held before it; None before the first.

    Never a later session: on `on` it had not been held, and the record as of a date shows
    nothing that came into being after it (issue 13). Of two sessions sitting that day, the one
    that opened last."""
    held = [s for s in sessions if asof.existed_on(s.start, on)]  # the rule of core/domain/asof.py
    if not held:
        return None
    sitting = [s for s in held if s.distance(on) == 0]
    return max(sitting or held, key=lambda s: s.start)


@dataclass(frozen=True)
class AttendanceCount:
    present: int
    expected: int

    @property
    def rate(self) -> float | None:
        return self.present / self.expected if self.expected else None


def attendance_rate(presences: Sequence[Presence]) -> AttendanceCount:
    """Share of a member's recorded sessions it attended (in person or represented)."""
    counted = [p for p in presences if p is not Presence.GUEST]
    present = sum(1 for p in counted if p in (Presence.PRESENT, Presence.REPRESENTED))
    return AttendanceCount(present, len(counted))

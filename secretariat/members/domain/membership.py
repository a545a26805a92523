"""A state's standing in the organization, computed from its dated membership events.

Use `status_on` to answer "what was X on date D", `periods` to draw a timeline, and
`check_sequence` before storing an event: the events of one state, in date order, must follow the
transitions below, or the history would say something impossible (withdrawing before joining).
The statuses are every one the rules know; an organization uses those its organization.json lists
(`statuses`), and `check_known_status` refuses an event leading to another.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from enum import StrEnum

from secretariat.core.domain import asof
from secretariat.core.domain.errors import RuleViolation


class EventKind(StrEnum):
    TREATY_SIGNATURE = "treaty_signature"  # an original signatory of the founding treaty
    TREATY_ACCESSION = "treaty_accession"  # joined the founding treaty later
    FOUNDING_MEMBERSHIP = "founding_membership"  # founded the organization (its charter)
    ACCESSION = "accession"  # joined the organization later
    ASSOCIATION = "association"  # became an associate member (a member may become one)
    WITHDRAWAL = "withdrawal"
    RESTORATION = "restoration"  # came back after withdrawing
    SUSPENSION = "suspension"  # the organization suspended the state
    FROZEN_PARTICIPATION = "frozen_participation"  # the state froze its own participation
    RESUMPTION = "resumption"  # participation resumed after a freeze or suspension
    STATEMENT = "statement"  # a dated fact with no effect on status


class Status(StrEnum):
    NONE = "none"  # never a party
    PARTY = "party"  # party to the founding treaty, before the organization existed
    MEMBER = "member"
    ASSOCIATE = "associate"  # takes part in some bodies only; not counted among the members
    FROZEN = "frozen"  # still a member, participation frozen by the state itself
    SUSPENDED = "suspended"
    WITHDRAWN = "withdrawn"

    @property
    def participates(self) -> bool:
        """Counted among the members on that date (a frozen member is still a member)."""
        return self in (Status.PARTY, Status.MEMBER, Status.FROZEN)

    @property
    def sits(self) -> bool:
        """Takes a seat at the sessions of the organization's bodies: the members, and an
        associate member in the bodies it takes part in (Turkmenistan in the CIS Council of Heads
        of State since 2005)."""
        return self.participates or self is Status.ASSOCIATE


# kind -> (statuses it may follow, status it leads to)
TRANSITIONS: dict[EventKind, tuple[frozenset[Status], Status]] = {
    EventKind.TREATY_SIGNATURE: (frozenset({Status.NONE}), Status.PARTY),
    EventKind.TREATY_ACCESSION: (frozenset({Status.NONE, Status.WITHDRAWN}), Status.PARTY),
    EventKind.FOUNDING_MEMBERSHIP: (frozenset({Status.NONE, Status.PARTY}), Status.MEMBER),
    EventKind.ACCESSION: (frozenset({Status.NONE, Status.PARTY, Status.ASSOCIATE}), Status.MEMBER),
    EventKind.ASSOCIATION: (
        frozenset({Status.NONE, Status.PARTY, Status.MEMBER, Status.WITHDRAWN}),
        Status.ASSOCIATE,
    ),
    EventKind.WITHDRAWAL: (
        frozenset({Status.PARTY, Status.MEMBER, Status.ASSOCIATE, Status.FROZEN, Status.SUSPENDED}),
        Status.WITHDRAWN,
    ),
    EventKind.RESTORATION: (frozenset({Status.WITHDRAWN}), Status.MEMBER),
    EventKind.SUSPENSION: (frozenset({Status.MEMBER, Status.FROZEN}), Status.SUSPENDED),
    EventKind.FROZEN_PARTICIPATION: (frozenset({Status.MEMBER}), Status.FROZEN),
    EventKind.RESUMPTION: (frozenset({Status.FROZEN, Status.SUSPENDED}), Status.MEMBER),
}


@dataclass(frozen=True)
class Event:
    kind: EventKind
    date: dt.date
    label: str = ""  # how to name the event in an error message


@dataclass(frozen=True)
class Period:
    status: Status
    start: dt.date
    end: dt.date | None  # exclusive; None while the status still holds


def ordered(events: Iterable[Event]) -> list[Event]:
    """Date order; events of the same date keep the order they were given in (stable sort)."""
    return sorted(events, key=lambda event: event.date)


def check_sequence(events: Iterable[Event]) -> Status:
    """Return the final status, or raise RuleViolation naming the first impossible event."""
    status = Status.NONE
    for event in ordered(events):
        status = _apply(status, event)
    return status


def _apply(status: Status, event: Event) -> Status:
    if event.kind is EventKind.STATEMENT:
        return status
    allowed_from, result = TRANSITIONS[event.kind]
    if status not in allowed_from:
        allowed = ", ".join(sorted(s.value for s in allowed_from))
        raise RuleViolation(
            f"{event.label or event.kind.value} on {event.date.isoformat()} is impossible: the "
            f"state's status on that date is '{status.value}', and a {event.kind.value} can only "
            f"follow {allowed}",
            field="kind",
        )
    return result


def check_known_status(kind: EventKind, known: Iterable[str]) -> None:
    """An event may lead only to a status the organization knows (organization.json `statuses`)."""
    if kind is EventKind.STATEMENT:
        return
    result = TRANSITIONS[kind][1]
    statuses = tuple(known)
    if result.value not in statuses:
        raise RuleViolation(
            f"a {kind.value} leads to the status '{result.value}', which this organization does "
            f"not have (its statuses: {', '.join(statuses)})",
            field="kind",
        )


def status_on(events: Iterable[Event], on: dt.date) -> Status:
    """The status on a date, from the events that existed on it (the as-of rule, core/domain/asof.py):
    an event comes into being and takes effect on its own date."""
    status = Status.NONE
    for event in ordered(events):
        if not asof.existed_on(event.date, on):
            break
        status = _apply(status, event)
    return status


def periods(events: Sequence[Event]) -> list[Period]:
    """Consecutive periods of one status, for timelines; the NONE period before the first is left out."""
    result: list[Period] = []
    status = Status.NONE
    for event in ordered(events):
        new_status = _apply(status, event)
        if new_status is status:
            continue
        if result:
            last = result[-1]
            result[-1] = Period(last.status, last.start, event.date)
        # Two status changes on one date: the first lasted no time, so it is replaced; and if
        # that brings back the status before it (a freeze lifted the same day), nothing broke.
        if result and result[-1].start == event.date:
            result.pop()
        if result and result[-1].status is new_status:
            result[-1] = Period(new_status, result[-1].start, None)
        else:
            result.append(Period(new_status, event.date, None))
        status = new_status
    return result

"""The organization's rule for sending forces, in plain Python.

No mandate and no deployment without a valid request from the state on whose territory it
happens, and no deployment outside the mandate's dates and area; a contingent is deployed up to
its pledged strength and only while its pledge runs. `check_mandate` and `check_deployment` state
the rule for the services; the database enforces the same rule with constraints and triggers
(see the assistance migrations), so no other writer can break it either.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass

from secretariat.core.domain.errors import RuleViolation


@dataclass(frozen=True)
class RequestFacts:
    state: str  # the requesting state, whose territory the assistance is for
    date: dt.date
    open: bool  # neither withdrawn nor closed
    requester_may_request: bool  # a member (not suspended, not outside) on the request's date


@dataclass(frozen=True)
class MandateFacts:
    territory: str
    start: dt.date
    end: dt.date
    areas: frozenset[str]
    decided_on: dt.date


@dataclass(frozen=True)
class PledgeFacts:
    code: str
    state: str
    strength: int | None
    start: dt.date
    end: dt.date | None


def check_request_is_valid(request: RequestFacts, territory: str) -> None:
    if request.state != territory:
        raise RuleViolation(
            f"assistance on {territory}'s territory needs a request from {territory}; "
            f"this request is {request.state}'s",
            field="territory",
        )
    if not request.requester_may_request:
        raise RuleViolation(
            f"{request.state} could not request assistance on {request.date.isoformat()}",
            field="request",
        )
    if not request.open:
        raise RuleViolation("the request has been withdrawn or closed", field="request")


def check_mandate(
    request: RequestFacts, *, territory: str, start: dt.date, end: dt.date, decided_on: dt.date
) -> None:
    check_request_is_valid(request, territory)
    if end < start:
        raise RuleViolation(
            f"a mission cannot end ({end.isoformat()}) before it starts ({start.isoformat()})",
            field="end",
        )
    if start < request.date:
        raise RuleViolation(
            f"a mandate cannot start ({start.isoformat()}) before the request "
            f"({request.date.isoformat()})",
            field="start",
        )
    if start < decided_on:
        raise RuleViolation(
            f"a mandate cannot start ({start.isoformat()}) before the council decision "
            f"({decided_on.isoformat()})",
            field="start",
        )


def check_deployment(
    request: RequestFacts,
    mandate: MandateFacts,
    pledge: PledgeFacts,
    *,
    area: str,
    strength: int,
    start: dt.date,
    end: dt.date | None,
    already_deployed: int = 0,
) -> None:
    """Refuse a deployment that breaks the rule; the message says which part and why.

    `already_deployed` is the strength of the same contingent in other deployments that overlap
    this one in time: together they may not exceed the pledge.
    """
    check_request_is_valid(request, mandate.territory)
    if strength <= 0:
        raise RuleViolation("a deployed strength is a positive number", field="strength")
    if end is not None and end < start:
        raise RuleViolation(
            f"a deployment cannot end ({end.isoformat()}) before it starts ({start.isoformat()})",
            field="end",
        )
    if start < request.date:
        raise RuleViolation(
            f"no deployment before the request: {start.isoformat()} is before "
            f"{request.date.isoformat()}",
            field="start",
        )
    if start < mandate.decided_on:
        raise RuleViolation(
            f"no deployment before the Council's decision: {start.isoformat()} is before "
            f"{mandate.decided_on.isoformat()}",
            field="start",
        )
    if start < mandate.start or (end or start) > mandate.end:
        raise RuleViolation(
            f"a deployment must lie within the mandate's dates ({mandate.start.isoformat()} to "
            f"{mandate.end.isoformat()})",
            field="start",
        )
    if area not in mandate.areas:
        allowed = ", ".join(sorted(mandate.areas)) or "none"
        raise RuleViolation(
            f"area {area!r} is outside the mandate; its areas are: {allowed}", field="area"
        )
    if pledge.start > start or (pledge.end is not None and pledge.end < (end or start)):
        raise RuleViolation(
            f"contingent {pledge.code} is not pledged for the whole deployment", field="contingent"
        )
    if pledge.strength is None:
        raise RuleViolation(
            f"contingent {pledge.code} has no pledged strength on record; record it before "
            "deploying the contingent",
            field="contingent",
        )
    if strength + already_deployed > pledge.strength:
        raise RuleViolation(
            f"contingent {pledge.code} is pledged at {pledge.strength}; deploying {strength}"
            + (f" beside {already_deployed} already deployed" if already_deployed else "")
            + " would exceed its pledge",
            field="strength",
        )


def overlaps(
    a_start: dt.date, a_end: dt.date | None, b_start: dt.date, b_end: dt.date | None
) -> bool:
    return (a_end is None or b_start <= a_end) and (b_end is None or a_start <= b_end)


@dataclass(frozen=True)
class DeployedUnit:
    state: str
    strength: int
    start: dt.date
    end: dt.date | None
    estimated: bool = False


def strength_by_state(units: Iterable[DeployedUnit], on: dt.date | None = None) -> dict[str, int]:
    """Deployed personnel per contributing state (on a date, or at any time of the mission)."""
    result: dict[str, int] = {}
    for unit in units:
        if on is not None and not (unit.start <= on and (unit.end is None or on <= unit.end)):
            continue
        result[unit.state] = result.get(unit.state, 0) + unit.strength
    return dict(sorted(result.items(), key=lambda item: (-item[1], item[0])))

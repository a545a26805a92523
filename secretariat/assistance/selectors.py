"""Reads of the collective-assistance record. Requests, decisions, missions and deployments are
public once recorded: the organization publishes what was asked and what was given.

Use `mission_timeline` for the dated steps of one request (request, consultations, decision,
mandate, deployments, withdrawal, closing) and `strength_by_state` for a mission's contingents.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.db.models import QuerySet

from secretariat.assistance.domain import deployment as rule
from secretariat.assistance.models import (
    AssistanceRequest,
    Consultation,
    CouncilDecision,
    Deployment,
    Mandate,
)
from secretariat.core.domain.errors import NotFound


def requests(*, state: str | None = None, status: str | None = None) -> QuerySet[AssistanceRequest]:
    rows = AssistanceRequest.objects.select_related("state")
    if state:
        rows = rows.filter(state__code=state.upper())
    if status:
        rows = rows.filter(status=status)
    return rows.order_by("-requested_on", "code")


def request(code: str) -> AssistanceRequest:
    found = AssistanceRequest.objects.select_related("state").filter(code=code).first()
    if found is None:
        raise NotFound(f"No assistance request {code!r}.")
    return found


def consultations(code: str) -> QuerySet[Consultation]:
    return Consultation.objects.filter(request=request(code)).order_by("date", "id")


def decision(code: str) -> CouncilDecision | None:
    return CouncilDecision.objects.filter(request=request(code)).first()


def missions() -> QuerySet[Mandate]:
    return Mandate.objects.select_related("request", "territory", "formation", "decision").order_by(
        "-start"
    )


def mission(code: str) -> Mandate:
    found = missions().filter(code=code).first()
    if found is None:
        raise NotFound(f"No mission {code!r}.")
    return found


def mission_of(request_code: str) -> Mandate | None:
    return missions().filter(request__code=request_code).first()


def deployments(mission_code: str | None = None) -> QuerySet[Deployment]:
    rows = Deployment.objects.select_related(
        "contingent", "contingent__state", "contingent__formation", "area", "mandate"
    )
    if mission_code:
        rows = rows.filter(mandate=mission(mission_code))
    return rows.order_by("mandate__start", "start", "contingent__state_id", "contingent__code")


def strength_by_state(mission_code: str, on: dt.date | None = None) -> dict[str, int]:
    units = [
        rule.DeployedUnit(d.contingent.state_id, d.strength, d.start, d.end, d.strength_estimated)
        for d in deployments(mission_code)
    ]
    return rule.strength_by_state(units, on)


@dataclass(frozen=True)
class TimelineStep:
    date: dt.date
    kind: str  # request, consultation, decision, mandate, deployment, withdrawal, closed, withdrawn
    text: str
    precision: str = "day"
    uncertain: bool = False
    strength: int | None = None  # a deployment's personnel, formatted by the page ("1 200")
    estimated: bool = False


def timeline(code: str) -> list[TimelineStep]:
    """The dated steps of one request, in order, in the record's own words (English)."""
    row = request(code)
    steps = [
        TimelineStep(row.requested_on, "request", row.asks_en, "day", row.uncertain),
    ]
    for c in consultations(code):
        steps.append(TimelineStep(c.date, "consultation", c.summary_en, c.precision, c.uncertain))
    found = decision(code)
    if found is not None:
        steps.append(
            TimelineStep(
                found.date, "decision", found.response_en, found.precision, found.uncertain
            )
        )
    mandate = mission_of(code)
    if mandate is not None:
        steps.append(TimelineStep(mandate.start, "mandate", mandate.tasks_en, "day"))
        starts: dict[dt.date, tuple[int, bool]] = {}
        for d in deployments(mandate.code):
            total, estimated = starts.get(d.start, (0, False))
            starts[d.start] = (total + d.strength, estimated or d.strength_estimated)
        for day, (total, estimated) in sorted(starts.items()):
            steps.append(TimelineStep(day, "deployment", "", strength=total, estimated=estimated))
        if mandate.withdrawal_began and mandate.withdrawal_began != mandate.withdrawal_completed:
            steps.append(TimelineStep(mandate.withdrawal_began, "withdrawal_began", ""))
        if mandate.withdrawal_completed:
            steps.append(TimelineStep(mandate.withdrawal_completed, "withdrawal", ""))
    if row.withdrawn_on:
        steps.append(
            TimelineStep(
                row.withdrawn_on, "withdrawn", row.withdrawal_reason, row.withdrawn_precision
            )
        )
    if row.closed_on:
        steps.append(TimelineStep(row.closed_on, "closed", row.outcome_en))
    order = {
        k: i
        for i, k in enumerate(
            [
                "request",
                "consultation",
                "decision",
                "mandate",
                "deployment",
                "withdrawal_began",
                "withdrawal",
                "withdrawn",
                "closed",
            ]
        )
    }
    return sorted(steps, key=lambda s: (s.date, order[s.kind]))

"""The only writers of the collective-assistance record.

The requesting state's delegation submits (and may withdraw) a request for its own territory;
the secretariat records what follows: consultations, the Council's decision, the mandate with its
areas, the deployments of pledged contingents, the withdrawal of the forces and the closing.
Each function checks permission, applies the procedure (domain/lifecycle.py) and the
organization's rule (domain/deployment.py), writes and journals in one transaction; on any error
nothing is written. Recording the same step again changes nothing and journals nothing, which
makes a second dataset load a no-op.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import Any

from django.db import transaction

from secretariat.assistance.domain import deployment as rule
from secretariat.assistance.domain.lifecycle import Outcome, Status, Step, advance
from secretariat.assistance.models import (
    AssistanceRequest,
    Consultation,
    CouncilDecision,
    Deployment,
    Mandate,
    MandateArea,
)
from secretariat.core.domain.actors import Actor, Role
from secretariat.core.domain.errors import NotFound, RuleViolation
from secretariat.core.domain.values import check_code, check_precision
from secretariat.core.permissions import require
from secretariat.core.writes import Outcome as Change
from secretariat.core.writes import clean_sources, jsonable, save_by_key
from secretariat.forces.models import Contingent, Formation
from secretariat.journal.services import record as journal
from secretariat.members.selectors import member_state, status_of


def _request_for_update(code: str) -> AssistanceRequest:
    found = AssistanceRequest.objects.select_for_update().filter(code=code).first()
    if found is None:
        raise NotFound(f"No assistance request {code!r}.")
    return found


def _may_request(state: str, on: dt.date) -> bool:
    """A member on that date may ask; a suspended, withdrawn or outside state may not."""
    return status_of(state, on).participates


def _facts(request: AssistanceRequest) -> rule.RequestFacts:
    return rule.RequestFacts(
        state=request.state_id,
        date=request.requested_on,
        open=Status(request.status).is_open,
        requester_may_request=_may_request(request.state_id, request.requested_on),
    )


def _move(request: AssistanceRequest, step: Step, on: dt.date, **kwargs: Any) -> None:
    """Advance the request's status (or refuse) and keep the date of its latest step."""
    last = kwargs.pop("last_step_on", request.last_step_on)
    request.status = advance(Status(request.status), step, on=on, last_step_on=last, **kwargs)
    request.last_step_on = max(request.last_step_on, on)


def _save_status(request: AssistanceRequest, *also: str) -> None:
    request.save(update_fields=["status", "last_step_on", *also])


def _text(value: str, field: str, what: str) -> str:
    if not value.strip():
        raise RuleViolation(what, field=field)
    return value.strip()


@transaction.atomic
def submit_request(
    actor: Actor,
    *,
    state: str,
    requested_on: dt.date,
    on_behalf_of: str,
    on_behalf_of_ru: str = "",
    situation_en: str,
    asks_en: str,
    code: str = "",
    situation_ru: str = "",
    asks_ru: str = "",
    legal_basis: str = "",
    legal_basis_ru: str = "",
    sources: Sequence[str] | None = None,
    uncertain: bool = False,
    note: str = "",
    note_ru: str = "",
) -> tuple[AssistanceRequest, Change]:
    """A member state asks for collective assistance on its own territory."""
    require(actor, "assistance.submit_request", state)
    code = check_code(code or f"{state.lower()}-{requested_on.isoformat()}")
    existing = AssistanceRequest.objects.select_for_update().filter(code=code).first()
    if existing is not None and existing.state_id != state:
        if actor.role is Role.DELEGATION:
            raise NotFound("No such record.")
        raise RuleViolation(f"request {code} is {existing.state_id}'s", field="code")
    requester = member_state(state)
    if requested_on > dt.date.today():
        raise RuleViolation("a request cannot be dated in the future", field="requested_on")
    standing = status_of(requester.code, requested_on)
    if not standing.participates:
        raise RuleViolation(
            f"{requester.code} is {standing.value} on {requested_on.isoformat()}; only a member "
            "state may request collective assistance",
            field="state",
        )
    fields = {
        "territory": requester,
        "on_behalf_of": _text(
            on_behalf_of, "on_behalf_of", "say on whose behalf the request is made"
        ),
        "situation_en": _text(situation_en, "situation_en", "describe the situation"),
        "situation_ru": situation_ru.strip(),
        "asks_en": _text(asks_en, "asks_en", "say what the state asks for"),
        "asks_ru": asks_ru.strip(),
        "legal_basis": legal_basis.strip(),
        "legal_basis_ru": legal_basis_ru.strip(),
        "on_behalf_of_ru": on_behalf_of_ru.strip(),
        "sources": clean_sources(sources),
        "uncertain": uncertain,
        "note": note,
        "note_ru": note_ru.strip(),
    }
    if existing is not None and existing.requested_on != requested_on:
        raise RuleViolation(
            f"request {code} is dated {existing.requested_on.isoformat()}; a request's date "
            "is not corrected (submit a new request)",
            field="requested_on",
        )
    key = {"code": code, "state": requester, "requested_on": requested_on}
    if existing is None:
        fields.update(last_step_on=requested_on, submitted_by=actor.username or "")
    request, outcome, changed = save_by_key(AssistanceRequest, key, fields)
    if outcome != "unchanged":
        journal(
            actor=actor,
            action="assistance_request.submitted"
            if outcome == "created"
            else "assistance_request.corrected",
            subject=f"assistance_request:{code}",
            data={"state": state, "requested_on": requested_on.isoformat(), **jsonable(changed)},
        )
    return request, outcome


@transaction.atomic
def record_consultation(
    actor: Actor,
    *,
    request: str,
    date: dt.date,
    held_by_en: str,
    summary_en: str,
    precision: str = "day",
    held_by_ru: str = "",
    session: str = "",
    summary_ru: str = "",
    sources: Sequence[str] | None = None,
    uncertain: bool = False,
    note: str = "",
    note_ru: str = "",
) -> tuple[Consultation, Change]:
    require(actor, "assistance.record_consultation")
    target = _request_for_update(request)
    held_by = _text(held_by_en, "held_by_en", "say who consulted, and in what format")
    fields = {
        "precision": check_precision(precision, "precision"),
        "held_by_ru": held_by_ru.strip(),
        "session": session.strip(),
        "summary_en": _text(summary_en, "summary_en", "summarize the consultations"),
        "summary_ru": summary_ru.strip(),
        "sources": clean_sources(sources),
        "uncertain": uncertain,
        "note": note,
        "note_ru": note_ru.strip(),
    }
    key = {"request": target, "date": date, "held_by_en": held_by}
    if not Consultation.objects.filter(**key).exists():
        _move(target, Step.CONSULT, date)
        _save_status(target)
    row, outcome, changed = save_by_key(Consultation, key, fields)
    if outcome != "unchanged":
        journal(
            actor=actor,
            action=f"consultation.{'recorded' if outcome == 'created' else 'corrected'}",
            subject=f"assistance_request:{request}",
            data={"date": date.isoformat(), "held_by": held_by, **jsonable(changed)},
        )
    return row, outcome


@transaction.atomic
def record_decision(
    actor: Actor,
    *,
    request: str,
    date: dt.date,
    outcome: str,
    response_en: str,
    precision: str = "day",
    session: str = "",
    response_ru: str = "",
    sources: Sequence[str] | None = None,
    uncertain: bool = False,
    note: str = "",
    note_ru: str = "",
) -> tuple[CouncilDecision, Change]:
    """The council's answer: adopted, a different response, or rejected."""
    require(actor, "assistance.record_decision")
    target = _request_for_update(request)
    try:
        decided = Outcome(outcome)
    except ValueError:
        allowed = ", ".join(o.value for o in Outcome)
        raise RuleViolation(
            f"unknown outcome {outcome!r}; use one of {allowed}", field="outcome"
        ) from None
    existing = CouncilDecision.objects.filter(request=target).first()
    if existing is None:
        _move(target, Step.DECIDE, date)
        _save_status(target)
    elif (existing.date != date or existing.outcome != decided.value) and hasattr(
        existing, "mandate"
    ):
        raise RuleViolation(
            "a mandate rests on this decision; its date and outcome can no longer change",
            field="outcome",
        )
    fields = {
        "date": date,
        "outcome": decided.value,
        "precision": check_precision(precision, "precision"),
        "session": session.strip(),
        "response_en": _text(response_en, "response_en", "say what the Council decided"),
        "response_ru": response_ru.strip(),
        "sources": clean_sources(sources),
        "uncertain": uncertain,
        "note": note,
        "note_ru": note_ru.strip(),
    }
    row, change, changed = save_by_key(CouncilDecision, {"request": target}, fields)
    if change != "unchanged":
        journal(
            actor=actor,
            action=f"council_decision.{'recorded' if change == 'created' else 'corrected'}",
            subject=f"assistance_request:{request}",
            data=jsonable(changed),
        )
    return row, change


def _clean_areas(areas: Sequence[dict[str, str]]) -> list[dict[str, str]]:
    cleaned: list[dict[str, str]] = []
    for area in areas:
        if not isinstance(area, dict):
            raise RuleViolation("each area is an object with code and name_en", field="areas")
        code = check_code(str(area.get("code", "")))
        name = str(area.get("name_en", "")).strip()
        if not name:
            raise RuleViolation(f"area {code} needs a name", field="areas")
        cleaned.append({"code": code, "name_en": name, "name_ru": str(area.get("name_ru", ""))})
    if not cleaned:
        raise RuleViolation("a mandate names at least one area", field="areas")
    if len({a["code"] for a in cleaned}) != len(cleaned):
        raise RuleViolation("an area is listed twice", field="areas")
    return cleaned


@transaction.atomic
def issue_mandate(
    actor: Actor,
    *,
    request: str,
    code: str,
    name_en: str,
    tasks_en: str,
    start: dt.date,
    end: dt.date,
    areas: Sequence[dict[str, str]],
    territory: str | None = None,
    formation: str | None = None,
    commander: str = "",
    commander_ru: str = "",
    name_ru: str = "",
    tasks_ru: str = "",
    sources: Sequence[str] | None = None,
    uncertain: bool = False,
    note: str = "",
    note_ru: str = "",
) -> tuple[Mandate, Change]:
    """The mission the Council authorized: tasks, area (named places) and duration."""
    require(actor, "assistance.issue_mandate")
    target = _request_for_update(request)
    code = check_code(code)
    place = member_state(territory or target.state_id, "territory")
    decision = CouncilDecision.objects.filter(request=target).first()
    existing = Mandate.objects.select_for_update().filter(code=code).first()
    if existing is not None and existing.request_id != target.pk:
        raise RuleViolation(f"mandate {code} belongs to another request", field="code")
    if end < start:
        raise RuleViolation(
            f"a mission cannot end ({end.isoformat()}) before it starts ({start.isoformat()})",
            field="end",
        )
    if decision is None:
        raise RuleViolation(
            "no mandate before the Council has decided on the request", field="decision"
        )
    facts = _facts(target)
    if existing is not None:
        # A correction: the request may have moved on (even closed), but the rule still holds.
        facts = rule.RequestFacts(facts.state, facts.date, True, facts.requester_may_request)
    rule.check_mandate(facts, territory=place.code, start=start, end=end, decided_on=decision.date)
    cleaned = _clean_areas(areas)
    if existing is None:
        _move(
            target,
            Step.MANDATE,
            start,
            outcome=Outcome(decision.outcome),
            last_step_on=decision.date,
        )
        _save_status(target)
    else:
        for deployed in existing.deployments.select_related("area"):
            if deployed.start < start or (deployed.end or deployed.start) > end:
                raise RuleViolation(
                    f"a deployment of {deployed.contingent_id} would fall outside those dates",
                    field="start",
                )
            if deployed.area.code not in {a["code"] for a in cleaned}:
                raise RuleViolation(
                    f"area {deployed.area.code} has deployments and cannot be dropped",
                    field="areas",
                )
    fields = {
        "request": target,
        "decision": decision,
        "territory": place,
        "formation": Formation.objects.filter(code=formation).first() if formation else None,
        "name_en": _text(name_en, "name_en", "name the mission"),
        "name_ru": name_ru.strip(),
        "tasks_en": _text(tasks_en, "tasks_en", "state the mission's tasks"),
        "tasks_ru": tasks_ru.strip(),
        "commander": commander.strip(),
        "commander_ru": commander_ru.strip(),
        "start": start,
        "end": end,
        "sources": clean_sources(sources),
        "uncertain": uncertain,
        "note": note,
        "note_ru": note_ru.strip(),
    }
    if formation and fields["formation"] is None:
        raise RuleViolation(f"unknown formation {formation!r}", field="formation")
    mandate, outcome, changed = save_by_key(Mandate, {"code": code}, fields)
    area_changes = []
    for area in cleaned:
        _, area_outcome, _ = save_by_key(
            MandateArea,
            {"mandate": mandate, "code": area["code"]},
            {"name_en": area["name_en"], "name_ru": area["name_ru"]},
        )
        if area_outcome != "unchanged":
            area_changes.append(area["code"])
    stale = mandate.areas.exclude(code__in=[a["code"] for a in cleaned])
    if stale.exists():
        area_changes.extend(stale.values_list("code", flat=True))
        stale.delete()
    if outcome == "unchanged" and area_changes:
        outcome = "updated"
    if outcome != "unchanged":
        journal(
            actor=actor,
            action=f"mandate.{'issued' if outcome == 'created' else 'corrected'}",
            subject=f"mandate:{code}",
            data={
                "request": request,
                **jsonable(changed),
                "areas": [a["code"] for a in cleaned],
            },
        )
    return mandate, outcome


def _pledge_facts(contingent: Contingent) -> rule.PledgeFacts:
    return rule.PledgeFacts(
        code=contingent.code,
        state=contingent.state_id,
        strength=contingent.strength,
        start=contingent.start,
        end=contingent.end,
    )


def _mandate_facts(mandate: Mandate) -> rule.MandateFacts:
    return rule.MandateFacts(
        territory=mandate.territory_id,
        start=mandate.start,
        end=mandate.end,
        areas=frozenset(mandate.areas.values_list("code", flat=True)),
        decided_on=mandate.decision.date,
    )


@transaction.atomic
def record_deployment(
    actor: Actor,
    *,
    mandate: str,
    contingent: str,
    area: str,
    strength: int,
    start: dt.date,
    end: dt.date | None = None,
    strength_estimated: bool = False,
    sources: Sequence[str] | None = None,
    uncertain: bool = False,
    note: str = "",
    note_ru: str = "",
) -> tuple[Deployment, Change]:
    """A named, pledged contingent sent on the mission, within its mandate and its pledge."""
    require(actor, "assistance.record_deployment")
    mission = Mandate.objects.select_related("request", "decision").filter(code=mandate).first()
    if mission is None:
        raise RuleViolation(f"unknown mandate {mandate!r}", field="mandate")
    target = _request_for_update(mission.request.code)
    unit = Contingent.objects.select_for_update().filter(code=contingent).first()
    if unit is None:
        raise RuleViolation(f"unknown contingent {contingent!r}", field="contingent")
    key = {"mandate": mission, "contingent": unit, "start": start}
    existing = Deployment.objects.filter(**key).first()
    facts = _facts(target)
    if existing is not None:
        facts = rule.RequestFacts(facts.state, facts.date, True, facts.requester_may_request)
        if end is None:
            end = existing.end  # no end given: keep the one the withdrawal of the forces set
    others = Deployment.objects.filter(contingent=unit)
    if existing is not None:
        others = others.exclude(pk=existing.pk)
    beside = sum(d.strength for d in others if rule.overlaps(d.start, d.end, start, end))
    rule.check_deployment(
        facts,
        _mandate_facts(mission),
        _pledge_facts(unit),
        area=area,
        strength=strength,
        start=start,
        end=end,
        already_deployed=beside,
    )
    if not status_of(unit.state_id, start).participates:
        raise RuleViolation(
            f"{unit.state_id} is not a member on {start.isoformat()}", field="contingent"
        )
    if existing is None:
        _move(target, Step.DEPLOY, start, last_step_on=mission.start)
        _save_status(target)
    fields = {
        "area": mission.areas.get(code=area),
        "strength": strength,
        "strength_estimated": strength_estimated,
        "end": end,
        "sources": clean_sources(sources),
        "uncertain": uncertain,
        "note": note,
        "note_ru": note_ru.strip(),
    }
    row, outcome, changed = save_by_key(Deployment, key, fields)
    if outcome != "unchanged":
        journal(
            actor=actor,
            action=f"deployment.{'recorded' if outcome == 'created' else 'corrected'}",
            subject=f"mandate:{mandate}",
            data={
                "contingent": contingent,
                "state": unit.state_id,
                "start": start.isoformat(),
                **jsonable(changed),
            },
        )
    return row, outcome


@transaction.atomic
def withdraw_forces(
    actor: Actor,
    *,
    mandate: str,
    completed_on: dt.date,
    began_on: dt.date | None = None,
) -> tuple[Mandate, Change]:
    """The forces leave: every deployment still running ends on `completed_on`."""
    require(actor, "assistance.withdraw_forces")
    mission = Mandate.objects.select_for_update().filter(code=mandate).first()
    if mission is None:
        raise RuleViolation(f"unknown mandate {mandate!r}", field="mandate")
    target = _request_for_update(mission.request.code)
    if (
        mission.withdrawal_completed == completed_on
        and mission.withdrawal_began == began_on
        and target.status in (Status.FORCES_WITHDRAWN, Status.CLOSED)
    ):
        return mission, "unchanged"
    began = began_on or completed_on
    if began > completed_on:
        raise RuleViolation("a withdrawal cannot begin after it is completed", field="began_on")
    if completed_on > mission.end:
        raise RuleViolation(
            f"the mandate ends on {mission.end.isoformat()}; forces cannot stay until "
            f"{completed_on.isoformat()} outside it (extend the mandate first)",
            field="completed_on",
        )
    deployments = list(mission.deployments.select_for_update())
    latest_start = max((d.start for d in deployments), default=mission.start)
    if began < latest_start:
        raise RuleViolation(
            f"a withdrawal cannot begin before the last deployment ({latest_start.isoformat()})",
            field="began_on",
        )
    _move(target, Step.WITHDRAW_FORCES, completed_on)
    _save_status(target)
    for deployed in deployments:
        if deployed.end is None or deployed.end > completed_on:
            deployed.end = completed_on
            deployed.save(update_fields=["end"])
    mission.withdrawal_began = began
    mission.withdrawal_completed = completed_on
    mission.save(update_fields=["withdrawal_began", "withdrawal_completed"])
    journal(
        actor=actor,
        action="forces.withdrawn",
        subject=f"mandate:{mandate}",
        data={"began_on": began.isoformat(), "completed_on": completed_on.isoformat()},
    )
    return mission, "updated"


@transaction.atomic
def close_request(
    actor: Actor, *, request: str, closed_on: dt.date, outcome_en: str, outcome_ru: str = ""
) -> tuple[AssistanceRequest, Change]:
    require(actor, "assistance.close_request")
    target = _request_for_update(request)
    summary = _text(outcome_en, "outcome_en", "say what was given, in short")
    if target.status == Status.CLOSED:
        if (target.closed_on, target.outcome_en, target.outcome_ru) == (
            closed_on,
            summary,
            outcome_ru.strip(),
        ):
            return target, "unchanged"
        raise RuleViolation("the request is already closed", field="status")
    _move(target, Step.CLOSE, closed_on)
    target.closed_on = closed_on
    target.outcome_en = summary
    target.outcome_ru = outcome_ru.strip()
    _save_status(target, "closed_on", "outcome_en", "outcome_ru")
    journal(
        actor=actor,
        action="assistance_request.closed",
        subject=f"assistance_request:{request}",
        data={"closed_on": closed_on.isoformat(), "outcome": summary},
    )
    return target, "updated"


@transaction.atomic
def withdraw_request(
    actor: Actor,
    *,
    request: str,
    withdrawn_on: dt.date,
    reason: str = "",
    reason_ru: str = "",
    precision: str = "day",
    outcome_en: str = "",
    outcome_ru: str = "",
) -> tuple[AssistanceRequest, Change]:
    """The state that asked takes its request back (before any forces are deployed)."""
    target = AssistanceRequest.objects.filter(code=request).first()
    if target is None:
        raise NotFound(f"No assistance request {request!r}.")
    require(actor, "assistance.withdraw_request", target.state_id)
    target = _request_for_update(request)
    if target.status == Status.WITHDRAWN:
        if target.withdrawn_on == withdrawn_on and target.withdrawal_reason == reason.strip():
            if target.withdrawal_reason_ru == reason_ru.strip():
                return target, "unchanged"
            # Only the Russian text of the reason is new: record it, the withdrawal stands.
            target.withdrawal_reason_ru = reason_ru.strip()
            target.save(update_fields=["withdrawal_reason_ru"])
            journal(
                actor=actor,
                action="assistance_request.updated",
                subject=f"assistance_request:{request}",
                data={"withdrawal_reason_ru": target.withdrawal_reason_ru},
            )
            return target, "updated"
        raise RuleViolation("the request is already withdrawn", field="status")
    if withdrawn_on > dt.date.today():
        raise RuleViolation("a withdrawal cannot be dated in the future", field="withdrawn_on")
    _move(target, Step.WITHDRAW_REQUEST, withdrawn_on)
    target.withdrawn_on = withdrawn_on
    target.withdrawn_precision = check_precision(precision, "precision")
    target.withdrawal_reason = reason.strip()
    target.withdrawal_reason_ru = reason_ru.strip()
    if outcome_en.strip():
        target.outcome_en = outcome_en.strip()
        target.outcome_ru = outcome_ru.strip()
    _save_status(
        target,
        "withdrawn_on",
        "withdrawn_precision",
        "withdrawal_reason",
        "withdrawal_reason_ru",
        "outcome_en",
        "outcome_ru",
    )
    journal(
        actor=actor,
        action="assistance_request.withdrawn",
        subject=f"assistance_request:{request}",
        data={"withdrawn_on": withdrawn_on.isoformat(), "reason": target.withdrawal_reason},
    )
    return target, "updated"

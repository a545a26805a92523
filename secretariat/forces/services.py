"""The only writers of forces records: formations, pledged contingents and exercises.

Each function checks permission, validates, writes and journals in one transaction; on any error
nothing is written. Every record has a `code` (its natural key): the same content again is
"unchanged" and journals nothing; different content is journaled as a correction.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from django.db import transaction

from secretariat.core.domain.actors import Actor, Role
from secretariat.core.domain.errors import NotFound, RuleViolation
from secretariat.core.domain.values import check_precision
from secretariat.core.permissions import require
from secretariat.core.writes import Outcome, clean_sources, jsonable, save_by_key
from secretariat.forces.domain import rules
from secretariat.forces.models import Contingent, Exercise, Formation
from secretariat.journal.services import record as journal
from secretariat.members.selectors import member_state, status_of


def _formation(code: str) -> Formation:
    found = Formation.objects.filter(code=code).first()
    if found is None:
        raise RuleViolation(f"unknown formation {code!r}", field="formation")
    return found


@transaction.atomic
def record_formation(
    actor: Actor,
    *,
    code: str,
    kind: str,
    name_en: str,
    name_ru: str = "",
    acronym_en: str = "",
    acronym_ru: str = "",
    founding_instrument: str = "",
    founding_session: str = "",
    established: dt.date | None = None,
    purpose_en: str = "",
    purpose_ru: str = "",
    reported_strength: int | None = None,
    reported_strength_note: str = "",
    reported_strength_note_ru: str = "",
    sources: Sequence[str] | None = None,
    uncertain: bool = False,
    note: str = "",
    note_ru: str = "",
) -> tuple[Formation, Outcome]:
    require(actor, "forces.record_formation")
    code = rules.check_code(code)
    if not name_en.strip():
        raise RuleViolation("a formation needs its name in English", field="name_en")
    if not founding_instrument.strip() and not founding_session.strip():
        raise RuleViolation(
            "name the founding instrument (e.g. crrf-agreement-2009) or the Council session "
            "whose decision founded the formation",
            field="founding_instrument",
        )
    if reported_strength is not None and reported_strength <= 0:
        raise RuleViolation("a reported strength is a positive number", field="reported_strength")
    fields = {
        "kind": rules.formation_kind(kind),
        "name_en": name_en.strip(),
        "name_ru": name_ru.strip(),
        "acronym_en": acronym_en.strip(),
        "acronym_ru": acronym_ru.strip(),
        "founding_instrument": founding_instrument.strip(),
        "founding_session": founding_session.strip(),
        "established": established,
        "purpose_en": purpose_en.strip(),
        "purpose_ru": purpose_ru.strip(),
        "reported_strength": reported_strength,
        "reported_strength_note": reported_strength_note.strip(),
        "reported_strength_note_ru": reported_strength_note_ru.strip(),
        "sources": clean_sources(sources),
        "uncertain": uncertain,
        "note": note,
        "note_ru": note_ru.strip(),
    }
    if established is not None:
        earliest = Contingent.objects.filter(formation__code=code).order_by("start").first()
        if earliest is not None and earliest.start < established:
            raise RuleViolation(
                f"contingent {earliest.code} is pledged from {earliest.start.isoformat()}, "
                "before that establishment date",
                field="established",
            )
    formation, outcome, changed = save_by_key(Formation, {"code": code}, fields)
    if outcome != "unchanged":
        journal(
            actor=actor,
            action=f"formation.{outcome}",
            subject=f"formation:{code}",
            data=jsonable(changed),
        )
    return formation, outcome


@transaction.atomic
def pledge_contingent(
    actor: Actor,
    *,
    code: str,
    formation: str,
    state: str,
    unit_en: str,
    unit_type: str,
    start: dt.date,
    unit_ru: str = "",
    strength: int | None = None,
    strength_estimated: bool = False,
    readiness: str = "not_stated",
    start_precision: str = "day",
    end: dt.date | None = None,
    sources: Sequence[str] | None = None,
    uncertain: bool = False,
    note: str = "",
    note_ru: str = "",
) -> tuple[Contingent, Outcome]:
    """A member pledges a contingent to a formation (or corrects or ends its pledge)."""
    require(actor, "forces.pledge_contingent", state)
    code = rules.check_code(code)
    existing = Contingent.objects.filter(code=code).first()
    if existing is not None and existing.state_id != state:
        if actor.role is Role.DELEGATION:
            raise NotFound("No such record.")
        raise RuleViolation(
            f"contingent {code} is {existing.state_id}'s; a pledge cannot change hands",
            field="state",
        )
    target = member_state(state)
    force = _formation(formation)
    if not unit_en.strip():
        raise RuleViolation("name the unit (in English)", field="unit_en")
    rules.check_pledge(
        strength=strength, start=start, end=end, formation_established=force.established
    )
    standing = status_of(target.code, start)
    if not standing.participates:
        raise RuleViolation(
            f"{target.code} is not a member on {start.isoformat()} "
            f"({standing.value}); it cannot pledge forces",
            field="state",
        )
    fields = {
        "formation": force,
        "state": target,
        "unit_en": unit_en.strip(),
        "unit_ru": unit_ru.strip(),
        "unit_type": rules.unit_type(unit_type),
        "strength": strength,
        "strength_estimated": strength_estimated,
        "readiness": rules.readiness(readiness),
        "start": start,
        "start_precision": check_precision(start_precision, "start_precision"),
        "end": end,
        "sources": clean_sources(sources),
        "uncertain": uncertain,
        "note": note,
        "note_ru": note_ru.strip(),
    }
    if existing is None:
        fields["pledged_by"] = actor.username or ""
    else:
        _check_still_covers_deployments(existing, strength, start, end)
    contingent, outcome, changed = save_by_key(Contingent, {"code": code}, fields)
    if outcome != "unchanged":
        journal(
            actor=actor,
            action="contingent.pledged" if outcome == "created" else "contingent.corrected",
            subject=f"contingent:{code}",
            data={"state": state, "formation": force.code, **jsonable(changed)},
        )
    return contingent, outcome


def _check_still_covers_deployments(
    contingent: Contingent, strength: int | None, start: dt.date, end: dt.date | None
) -> None:
    """A corrected pledge must still cover the missions the contingent was sent on.

    Deployments are the assistance app's; they are reached through the reverse relation so that
    forces does not import assistance (the database trigger on this table is the backstop).
    """
    deployments = getattr(contingent, "deployments", None)
    if deployments is None:
        return
    for deployed in deployments.all():
        if strength is None or deployed.strength > strength:
            raise RuleViolation(
                f"{deployed.strength} of this contingent were deployed from "
                f"{deployed.start.isoformat()}; the pledge cannot drop below that",
                field="strength",
            )
        if deployed.start < start or (end is not None and (deployed.end or end) > end):
            raise RuleViolation(
                f"the contingent was deployed from {deployed.start.isoformat()}; the pledge "
                "must still cover that deployment",
                field="start",
            )


@transaction.atomic
def record_exercise(
    actor: Actor,
    *,
    code: str,
    name_en: str,
    start: dt.date,
    name_ru: str = "",
    formation: str | None = None,
    start_precision: str = "day",
    end: dt.date | None = None,
    place_en: str = "",
    place_ru: str = "",
    host: str | None = None,
    participants: Sequence[str] | None = None,
    personnel: int | None = None,
    personnel_estimated: bool = False,
    sources: Sequence[str] | None = None,
    uncertain: bool = False,
    note: str = "",
    note_ru: str = "",
) -> tuple[Exercise, Outcome]:
    require(actor, "forces.record_exercise")
    code = rules.check_code(code)
    if not name_en.strip():
        raise RuleViolation("name the exercise (in English)", field="name_en")
    rules.check_period(start, end, "an exercise")
    if personnel is not None and personnel <= 0:
        raise RuleViolation("personnel is a positive number", field="personnel")
    codes = [str(c).strip().upper() for c in (participants or [])]
    for participant in codes:
        member_state(participant, "participants")
    if len(set(codes)) != len(codes):
        raise RuleViolation("a participant is listed twice", field="participants")
    fields = {
        "name_en": name_en.strip(),
        "name_ru": name_ru.strip(),
        "formation": _formation(formation) if formation else None,
        "start": start,
        "start_precision": check_precision(start_precision, "start_precision"),
        "end": end,
        "place_en": place_en.strip(),
        "place_ru": place_ru.strip(),
        "host": member_state(host, "host") if host else None,
        "participants": sorted(codes),
        "personnel": personnel,
        "personnel_estimated": personnel_estimated,
        "sources": clean_sources(sources),
        "uncertain": uncertain,
        "note": note,
        "note_ru": note_ru.strip(),
    }
    exercise, outcome, changed = save_by_key(Exercise, {"code": code}, fields)
    if outcome != "unchanged":
        journal(
            actor=actor,
            action=f"exercise.{outcome}",
            subject=f"exercise:{code}",
            data=jsonable(changed),
        )
    return exercise, outcome

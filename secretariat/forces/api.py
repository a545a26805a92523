"""Forces over HTTP: formations, pledged contingents, exercises, totals on a date, CSV export.
Mounted by secretariat.api.main under /api/v1/forces/."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.http import HttpRequest, HttpResponse
from ninja import Router, Status

from secretariat.core.api_auth import SIGNED_IN, actor_of
from secretariat.core.api_types import write_status
from secretariat.core.csv_export import csv_response
from secretariat.forces import selectors, services
from secretariat.forces.domain.rules import Total
from secretariat.forces.models import Contingent, Exercise, Formation
from secretariat.forces.schemas import (
    ForcesContingentIn,
    ForcesContingentOut,
    ForcesExerciseIn,
    ForcesExerciseOut,
    ForcesFormationIn,
    ForcesFormationOut,
    ForcesTotalsOut,
    IsoDate,
)

router = Router(tags=["forces"])


def formation_out(row: Formation) -> dict[str, Any]:
    return {
        "code": row.code,
        "kind": row.kind,
        "name_en": row.name_en,
        "name_ru": row.name_ru,
        "acronym_en": row.acronym_en,
        "acronym_ru": row.acronym_ru,
        "founding_instrument": row.founding_instrument,
        "founding_session": row.founding_session,
        "established": row.established,
        "purpose_en": row.purpose_en,
        "purpose_ru": row.purpose_ru,
        "reported_strength": row.reported_strength,
        "reported_strength_note": row.reported_strength_note,
        "reported_strength_note_ru": row.reported_strength_note_ru,
        "sources": row.sources,
        "uncertain": row.uncertain,
        "note": row.note,
        "note_ru": row.note_ru,
    }


def contingent_out(row: Contingent) -> dict[str, Any]:
    return {
        "code": row.code,
        "formation": row.formation.code,
        "state": row.state_id,
        "unit_en": row.unit_en,
        "unit_ru": row.unit_ru,
        "unit_type": row.unit_type,
        "strength": row.strength,
        "strength_estimated": row.strength_estimated,
        "readiness": row.readiness,
        "start": row.start,
        "start_precision": row.start_precision,
        "end": row.end,
        "sources": row.sources,
        "uncertain": row.uncertain,
        "note": row.note,
        "note_ru": row.note_ru,
    }


def exercise_out(row: Exercise) -> dict[str, Any]:
    return {
        "code": row.code,
        "formation": row.formation.code if row.formation else None,
        "name_en": row.name_en,
        "name_ru": row.name_ru,
        "start": row.start,
        "start_precision": row.start_precision,
        "end": row.end,
        "place_en": row.place_en,
        "place_ru": row.place_ru,
        "host": row.host_id,
        "participants": row.participants,
        "personnel": row.personnel,
        "personnel_estimated": row.personnel_estimated,
        "sources": row.sources,
        "uncertain": row.uncertain,
        "note": row.note,
        "note_ru": row.note_ru,
    }


def _total(total: Total) -> dict[str, Any]:
    return {
        "strength": total.strength,
        "contingents": total.contingents,
        "undisclosed": total.undisclosed,
        "estimated": total.estimated,
    }


@router.get("/formations", response=list[ForcesFormationOut], summary="Formations of forces")
def list_formations(request: HttpRequest) -> Any:
    """The formations of forces (rapid reaction, peacekeeping, regional) with their founding
    instrument. **Who:** anyone; no token needed. **Example:** `GET /api/v1/forces/formations`
    """
    return [formation_out(f) for f in selectors.formations()]


@router.get("/formations/{code}", response=ForcesFormationOut, summary="One formation")
def get_formation(request: HttpRequest, code: str) -> Any:
    """One formation with its contingents. **Who:** anyone; no token needed. **Errors:** 404 for an
    unknown code. **Example:** `GET /api/v1/forces/formations/crrf`
    """
    return formation_out(selectors.formation(code))


@router.post(
    "/formations",
    response={201: ForcesFormationOut, 200: ForcesFormationOut},
    summary="Record a formation (secretariat)",
    auth=SIGNED_IN,
)
def create_formation(request: HttpRequest, body: ForcesFormationIn) -> Any:
    """Record a formation, naming its founding instrument or Council session. **Who:** the
    secretariat. **Errors:** 401 without a token; 403 for other roles; 422 for an unknown
    founding instrument. **Example:** `POST /api/v1/forces/formations` with `{"code": "cpf",
    "kind": "peacekeeping", …}`
    """
    row, outcome = services.record_formation(actor_of(request), **body.dict())
    return Status(write_status(outcome), formation_out(row))


@router.get(
    "/contingents",
    response=list[ForcesContingentOut],
    summary="Pledged contingents, by formation, state and date",
)
def list_contingents(
    request: HttpRequest,
    formation: str | None = None,
    state: str | None = None,
    as_of: IsoDate | None = None,
) -> Any:
    """Pledged contingents, filtered by `formation`, `state` and the `as_of` date. **Who:** anyone;
    no token needed. **Example:** `GET /api/v1/forces/contingents?state=RU`
    """
    rows = selectors.contingents(formation=formation, state=state, on=as_of)
    return [contingent_out(c) for c in rows]


@router.get("/contingents/{code}", response=ForcesContingentOut, summary="One contingent")
def get_contingent(request: HttpRequest, code: str) -> Any:
    """One pledged contingent. **Who:** anyone; no token needed. **Errors:** 404 for an unknown
    code. **Example:** `GET /api/v1/forces/contingents/<code>`
    """
    return contingent_out(selectors.contingent(code))


@router.post(
    "/contingents",
    response={201: ForcesContingentOut, 200: ForcesContingentOut},
    summary="Pledge a contingent (your own state's, as a delegation) or correct a pledge",
    auth=SIGNED_IN,
)
def pledge(request: HttpRequest, body: ForcesContingentIn) -> Any:
    """Pledge a contingent of the delegation's own state to a formation, or correct a pledge (200
    when unchanged). **Who:** a delegation for its own state; the secretariat. **Errors:** 401
    without a token; 403 for other roles; 404 for another state's delegation; 422 for an unknown
    formation or state, or dates that contradict. **Example:** `POST /api/v1/forces/contingents`
    with `{"code": "ru-76", "formation": "crrf", "state": "RU", …}`
    """
    data = body.dict()
    data["state"] = data["state"].upper()
    row, outcome = services.pledge_contingent(actor_of(request), **data)
    return Status(write_status(outcome), contingent_out(row))


@router.get("/exercises", response=list[ForcesExerciseOut], summary="Exercises of the forces")
def list_exercises(
    request: HttpRequest, formation: str | None = None, state: str | None = None
) -> Any:
    """Exercises of the forces, filtered by `formation` and `year`. **Who:** anyone; no token
    needed. **Example:** `GET /api/v1/forces/exercises`
    """
    return [exercise_out(e) for e in selectors.exercises(formation=formation, state=state)]


@router.get("/exercises/{code}", response=ForcesExerciseOut, summary="One exercise")
def get_exercise(request: HttpRequest, code: str) -> Any:
    """One exercise. **Who:** anyone; no token needed. **Errors:** 404 for an unknown code.
    **Example:** `GET /api/v1/forces/exercises/<code>`
    """
    return exercise_out(selectors.exercise(code))


@router.post(
    "/exercises",
    response={201: ForcesExerciseOut, 200: ForcesExerciseOut},
    summary="Record an exercise (secretariat)",
    auth=SIGNED_IN,
)
def create_exercise(request: HttpRequest, body: ForcesExerciseIn) -> Any:
    """Record an exercise with its dates, place and participants. **Who:** the secretariat.
    **Errors:** 401 without a token; 403 for other roles; 422 for an unknown formation or state.
    **Example:** `POST /api/v1/forces/exercises`
    """
    row, outcome = services.record_exercise(actor_of(request), **body.dict())
    return Status(write_status(outcome), exercise_out(row))


@router.get(
    "/totals",
    response=ForcesTotalsOut,
    summary="Pledged strength by formation and member state on a date",
)
def totals(request: HttpRequest, as_of: IsoDate | None = None) -> Any:
    """Pledged strength by formation and member state on a date. **Who:** anyone; no token needed.
    **Example:** `GET /api/v1/forces/totals?as_of=2020-01-01`
    """
    day = as_of or dt.date.today()
    return {
        "as_of": day,
        "formations": [
            {
                "formation": code,
                "total": _total(entry.total),
                "by_state": [{"state": s, **_total(t)} for s, t in entry.by_state.items()],
            }
            for code, entry in selectors.totals_on(day).items()
        ],
        "by_state": [{"state": s, **_total(t)} for s, t in selectors.totals_by_state(day).items()],
    }


CONTINGENT_COLUMNS = [
    "code",
    "formation",
    "state",
    "unit_en",
    "unit_ru",
    "unit_type",
    "strength",
    "strength_estimated",
    "readiness",
    "start",
    "start_precision",
    "end",
    "uncertain",
    "note",
    "note_ru",
    "sources",
]
EXERCISE_COLUMNS = [
    "code",
    "formation",
    "name_en",
    "name_ru",
    "start",
    "start_precision",
    "end",
    "place_en",
    "place_ru",
    "host",
    "participants",
    "personnel",
    "personnel_estimated",
    "uncertain",
    "note",
    "note_ru",
    "sources",
]


@router.get("/export/contingents.csv", summary="Every pledged contingent as CSV")
def export_contingents(request: HttpRequest) -> HttpResponse:
    """Every pledged contingent as CSV (UTF-8, header row). **Who:** anyone; no token needed.
    **Example:** `GET /api/v1/forces/export/contingents.csv`
    """
    rows = [contingent_out(c) for c in selectors.contingents()]
    return csv_response("contingents.csv", CONTINGENT_COLUMNS, rows)


@router.get("/export/exercises.csv", summary="Every exercise as CSV")
def export_exercises(request: HttpRequest) -> HttpResponse:
    """Every exercise as CSV. **Who:** anyone; no token needed. **Example:** `GET
    /api/v1/forces/export/exercises.csv`
    """
    rows = [exercise_out(e) for e in selectors.exercises()]
    return csv_response("exercises.csv", EXERCISE_COLUMNS, rows)


@router.get("/export/forces.json", summary="Formations, contingents and exercises as JSON")
def export_json(request: HttpRequest) -> Any:
    """Formations, contingents and exercises in one JSON document. **Who:** anyone; no token
    needed. **Example:** `GET /api/v1/forces/export/forces.json`
    """
    return {
        "formations": [formation_out(f) for f in selectors.formations()],
        "contingents": [contingent_out(c) for c in selectors.contingents()],
        "exercises": [exercise_out(e) for e in selectors.exercises()],
    }

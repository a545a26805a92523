"""Meetings and decisions over HTTP; mounted by secretariat.api.main under /api/v1/meetings/.

Reads are public (except positions on an open draft, see selectors); the secretariat writes
sessions, attendance, drafts and outcomes; a delegation writes its own state's positions and claims.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Annotated, Any

from django.http import HttpRequest
from django.urls import reverse
from django.utils import translation
from django.utils.translation import get_language, gettext
from ninja import Query, Router, Status

from secretariat.core.api_auth import SIGNED_IN, actor_of
from secretariat.core.api_types import IsoDate, write_status
from secretariat.core.domain.actors import Actor
from secretariat.core.organization import organization
from secretariat.core.terms import term_label
from secretariat.meetings import selectors, services, wording
from secretariat.meetings.domain.sessions import check_body
from secretariat.meetings.models import Attendance, Claim, Decision, Session, StatePosition
from secretariat.meetings.schemas import (
    MeetingsAttendanceIn,
    MeetingsAttendanceOut,
    MeetingsClaimIn,
    MeetingsClaimOut,
    MeetingsDecisionDetailOut,
    MeetingsDecisionIn,
    MeetingsDecisionOut,
    MeetingsMatrixRowOut,
    MeetingsOnDateOut,
    MeetingsOutcomeIn,
    MeetingsPositionIn,
    MeetingsPositionOut,
    MeetingsSessionDetailOut,
    MeetingsSessionIn,
    MeetingsSessionOut,
)

router = Router(tags=["meetings"])


def _sourced(row: Any) -> dict[str, Any]:
    return {
        "sources": row.sources,
        "uncertain": row.uncertain,
        "note": row.note,
        "note_ru": row.note_ru,
    }


def session_out(row: Session) -> dict[str, Any]:
    return {
        **_sourced(row),
        **{
            name: getattr(row, name)
            for name in [
                "code",
                "body",
                "kind",
                "by_video",
                "label_en",
                "label_ru",
                "start",
                "start_precision",
                "end",
                "city_en",
                "city_ru",
                "host",
                "chaired_by",
                "chair_person",
                "chair_person_ru",
                "summary_en",
                "summary_ru",
                "ru_from_source",
            ]
        },
        "url": reverse("meetings:session", args=[row.code]),
    }


def attendance_out(row: Attendance) -> dict[str, Any]:
    return {
        **_sourced(row),
        **{
            name: getattr(row, name)
            for name in [
                "state",
                "presence",
                "person",
                "person_ru",
                "level",
                "by_video",
                "reason",
                "reason_text",
                "reason_text_ru",
            ]
        },
    }


def session_detail_out(row: Session) -> dict[str, Any]:
    return {
        **session_out(row),
        "agenda": [
            {"number": a.number, "title_en": a.title_en, "title_ru": a.title_ru}
            for a in row.agenda.order_by("number")
        ],
        "attendance": [attendance_out(a) for a in selectors.attendance_of(row)],
        "decisions": [d.code for d in selectors.decisions_of(row)],
    }


def decision_out(row: Decision) -> dict[str, Any]:
    return {
        **_sourced(row),
        "code": row.code,
        "session": row.session.code,
        **{
            name: getattr(row, name)
            for name in [
                "slug",
                "kind",
                "title_en",
                "title_ru",
                "text_en",
                "text_ru",
                "outcome",
                "decided_on",
                "rules",
                "instruments",
                "missions",
            ]
        },
        "url": reverse("meetings:decision", args=[row.session.code, row.slug]),
    }


def position_out(row: StatePosition) -> dict[str, Any]:
    return {
        **_sourced(row),
        **{
            name: getattr(row, name)
            for name in ["state", "position", "declared_on", "statement_en", "statement_ru"]
        },
    }


def claim_out(row: Claim) -> dict[str, Any]:
    return {
        **_sourced(row),
        **{
            name: getattr(row, name)
            for name in ["state", "reading", "claim_en", "claim_ru", "claimed_on"]
        },
    }


def _in_russian(label: Callable[[str], str], code: str) -> str:
    with translation.override("ru"):
        return label(code)


def reading_out(reading: selectors.Reading) -> dict[str, Any]:
    """`title` and `explanation` in the language asked for, and both beside them."""
    verdict = reading.verdict
    code = reading.rules.code

    def explained(lang: str) -> str:
        if verdict is not None:
            return wording.explain(verdict, lang)
        with translation.override(lang):
            return gettext(
                "Attendance at this session is not recorded; the outcome is the one the "
                "sources give."
            )

    return {
        "reading": code,
        "title": term_label(code),
        "title_en": reading.rules.title,
        "title_ru": _in_russian(term_label, code),
        "applied": reading.applied,
        "claimed_by": list(reading.claimed_by),
        "computed": verdict is not None,
        "adopted": verdict.adopted if verdict else None,
        "binding_on": list(verdict.binding_on) if verdict else [],
        "not_bound": dict(verdict.not_bound) if verdict else {},
        "blocked_by": list(verdict.blocked_by) if verdict else [],
        "explanation": explained(get_language() or "en"),
        "explanation_en": explained("en"),
        "explanation_ru": explained("ru"),
    }


def decision_detail_out(actor: Actor, row: Decision) -> dict[str, Any]:
    return {
        **decision_out(row),
        "positions": [position_out(p) for p in selectors.positions_for(actor, row)],
        "claims": [claim_out(c) for c in selectors.claims_of(row)],
        "readings": [reading_out(r) for r in selectors.readings_of(row)],
    }


@router.get("/sessions", response=list[MeetingsSessionOut], summary="Sessions, filtered")
def list_sessions(
    request: HttpRequest,
    body: str | None = None,
    kind: str | None = None,
    year: Annotated[int | None, Query(ge=1, le=9999)] = None,
    host: str | None = None,
) -> Any:
    """Sessions of the organization's bodies in date order, filtered by `body` (one of the codes
    of `GET /api/v1/organization`'s bodies, e.g. csc), `kind` (`video` for those held by video), `year` and `host` state. **Who:**
    anyone; no token needed. **Errors:** 422 for a year outside 1–9999. **Example:** `GET
    /api/v1/meetings/sessions?body=csc&year=2011`
    """
    rows = selectors.sessions_list(body=body, kind=kind, year=year, host=host)
    return [session_out(r) for r in rows]


@router.post(
    "/sessions",
    response={201: MeetingsSessionOut, 200: MeetingsSessionOut},
    summary="Record a session (secretariat)",
    auth=SIGNED_IN,
)
def create_session(request: HttpRequest, body: MeetingsSessionIn) -> Any:
    """Record a session of a body (or correct it; 200 when unchanged). **Who:** the secretariat.
    **Errors:** 401 without a token; 403 for other roles; 422 for an unknown host state or dates
    that contradict. **Example:** `POST /api/v1/meetings/sessions` with `{"body": "csc", "kind":
    "regular", "start": "2030-05-01", …}`
    """
    row, outcome = services.record_session(actor_of(request), **body.dict())
    return Status(write_status(outcome), session_out(row))


@router.get("/sessions/{code}", response=MeetingsSessionDetailOut, summary="One session in full")
def get_session(request: HttpRequest, code: str) -> Any:
    """One session in full: place, dates, chair, attendance and decisions. **Who:** anyone; no
    token needed. **Errors:** 404 for an unknown code. **Example:** `GET
    /api/v1/meetings/sessions/csc-2011-08-12`
    """
    return session_detail_out(selectors.session(code))


@router.put(
    "/sessions/{code}/attendance/{state}",
    response={201: MeetingsAttendanceOut, 200: MeetingsAttendanceOut},
    summary="Record one state's attendance (secretariat)",
    auth=SIGNED_IN,
)
def put_attendance(request: HttpRequest, code: str, state: str, body: MeetingsAttendanceIn) -> Any:
    """Record how one member state attended a session (level, person, absence). **Who:** the
    secretariat. **Errors:** 401 without a token; 403 for other roles; 404 for an unknown
    session; 422 for a state that was not a member then. **Example:** `PUT
    /api/v1/meetings/sessions/csc-2011-08-12/attendance/UZ`
    """
    row, outcome = services.record_attendance(
        actor_of(request), session=code, state=state.upper(), **body.dict()
    )
    return Status(write_status(outcome), attendance_out(row))


@router.get(
    "/sessions/{code}/decisions",
    response=list[MeetingsDecisionOut],
    summary="Decisions of one session",
)
def session_decisions(request: HttpRequest, code: str) -> Any:
    """The decisions and drafts put before one session. **Who:** anyone; no token needed.
    **Errors:** 404 for an unknown session. **Example:** `GET
    /api/v1/meetings/sessions/csc-2011-08-12/decisions`
    """
    return [decision_out(d) for d in selectors.decisions_of(selectors.session(code))]


@router.post(
    "/sessions/{code}/decisions",
    response={201: MeetingsDecisionOut, 200: MeetingsDecisionOut},
    summary="Put a draft before a session (secretariat)",
    auth=SIGNED_IN,
)
def create_decision(request: HttpRequest, code: str, body: MeetingsDecisionIn) -> Any:
    """Put a draft decision before a session. **Who:** the secretariat. **Errors:** 401 without a
    token; 403 for other roles; 404 for an unknown session; 422 for a slug already used.
    **Example:** `POST /api/v1/meetings/sessions/csc-2011-08-12/decisions`
    """
    row, outcome = services.record_decision(actor_of(request), session=code, **body.dict())
    return Status(write_status(outcome), decision_out(row))


@router.get(
    "/sessions/{code}/decisions/{slug}",
    response=MeetingsDecisionDetailOut,
    summary="A decision with positions, claims and the verdict under each reading",
)
def get_decision(request: HttpRequest, code: str, slug: str) -> Any:
    """A decision with every state's position and claims, and the verdict under each reading of the
    consensus rule. **Who:** anyone; no token needed. **Errors:** 404 for an unknown session or
    decision. **Example:** `GET
    /api/v1/meetings/sessions/csc-2006-06-23/decisions/central-asian-forces`
    """
    return decision_detail_out(actor_of(request), selectors.decision(code, slug))


@router.put(
    "/sessions/{code}/decisions/{slug}/positions/{state}",
    response={201: MeetingsPositionOut, 200: MeetingsPositionOut},
    summary="State a position on a draft (a delegation for its own state; the secretariat)",
    auth=SIGNED_IN,
)
def put_position(
    request: HttpRequest, code: str, slug: str, state: str, body: MeetingsPositionIn
) -> Any:
    """State a member's position on a draft (for, against, abstain, not taking part). **Who:** a
    delegation for its own state; the secretariat. **Errors:** 401 without a token; 403 for
    other roles; 404 for another state's delegation or unknown records; 422 once the outcome is
    recorded. **Example:** `PUT
    /api/v1/meetings/sessions/csc-2006-06-23/decisions/central-asian-forces/positions/BY`
    """
    row, outcome = services.record_position(
        actor_of(request), session=code, slug=slug, state=state.upper(), **body.dict()
    )
    return Status(write_status(outcome), position_out(row))


@router.put(
    "/sessions/{code}/decisions/{slug}/claims/{state}",
    response={201: MeetingsClaimOut, 200: MeetingsClaimOut},
    summary="Record a state's claim about a decision (its delegation; the secretariat)",
    auth=SIGNED_IN,
)
def put_claim(request: HttpRequest, code: str, slug: str, state: str, body: MeetingsClaimIn) -> Any:
    """Record what a state claims about a decision (e.g. that it did not join it). **Who:** the
    state's delegation; the secretariat. **Errors:** 401, 403, 404 as for positions; 422 for an
    unknown claim kind. **Example:** `PUT
    /api/v1/meetings/sessions/csc-2006-06-23/decisions/central-asian-forces/claims/BY`
    """
    row, outcome = services.record_claim(
        actor_of(request), session=code, slug=slug, state=state.upper(), **body.dict()
    )
    return Status(write_status(outcome), claim_out(row))


@router.post(
    "/sessions/{code}/decisions/{slug}/outcome",
    response=MeetingsDecisionOut,
    summary="Record the outcome of a draft (secretariat); refused if the positions contradict it",
    auth=SIGNED_IN,
)
def post_outcome(request: HttpRequest, code: str, slug: str, body: MeetingsOutcomeIn) -> Any:
    """Record the outcome of a draft (adopted, not adopted); refused when the recorded positions
    contradict it. **Who:** the secretariat. **Errors:** 401 without a token; 403 for other
    roles; 404 for unknown records; 422 when the positions contradict the outcome. **Example:**
    `POST /api/v1/meetings/sessions/csc-2006-06-23/decisions/central-asian-forces/outcome` with
    `{"outcome": "adopted"}`
    """
    row = services.record_outcome(actor_of(request), session=code, slug=slug, **body.dict())
    return decision_out(row)


@router.get(
    "/decisions", response=list[MeetingsDecisionOut], summary="Every decision in date order"
)
def list_decisions(request: HttpRequest, outcome: str | None = None) -> Any:
    """Every decision in date order, with its session and outcome. **Who:** anyone; no token
    needed. **Example:** `GET /api/v1/meetings/decisions`
    """
    rows = selectors.decisions_list()
    if outcome:
        rows = rows.filter(outcome=outcome)
    return [decision_out(d) for d in rows]


def _body(code: str) -> str:
    """A body named in a query, else the organization's principal body."""
    return check_body(code, organization().body_codes) if code else organization().main_body


@router.get(
    "/on",
    response=MeetingsOnDateOut | None,
    summary="The session sitting on a date, else the last one before it",
)
def on_date(request: HttpRequest, date: IsoDate | None = None, body: str = "") -> Any:
    """The session of a body (default the organization's principal body) nearest a date, with how
    far away it is and who chaired; null when there is none. **Who:** anyone; no token needed.
    **Errors:** 422 for a date not written YYYY-MM-DD or a body the organization does not have.
    **Example:** `GET
    /api/v1/meetings/on?date=2011-08-12&body=csc`
    """
    on = date or dt.date.today()
    found = selectors.nearest_session(on, _body(body))
    if found is None:
        return None
    return {
        "on": found.on,
        "sitting": found.sitting,
        "days_away": found.days_away,
        "session": session_out(found.session),
        "chair_state": found.chair_state,
        "chair_person": found.chair_person,
        "chair_person_ru": found.chair_person_ru,
        "members": found.members,
        "present": found.present,
        "absent": [attendance_out(a) for a in found.absent],
        "guests": [attendance_out(a) for a in found.guests],
    }


@router.get(
    "/attendance", response=list[MeetingsMatrixRowOut], summary="Sessions × members attendance"
)
def attendance_matrix(request: HttpRequest, body: str = "") -> Any:
    """Sessions × member states: how each state attended each session, as the attendance page's
    table. **Who:** anyone; no token needed. **Example:** `GET
    /api/v1/meetings/attendance?body=csc`
    """
    _, rows = selectors.attendance_matrix(_body(body))
    return [
        {
            "session": r.session.code,
            "start": r.session.start,
            "cells": [{"state": c.state, "value": c.value} for c in r.cells],
        }
        for r in rows
    ]

"""Member records over HTTP: states, membership as of a date, offices, indicators, notifications."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.http import HttpRequest
from ninja import Router, Status

from secretariat.core.api_auth import SIGNED_IN, actor_of
from secretariat.core.api_types import IsoDate, write_status
from secretariat.core.organization import organization
from secretariat.members import selectors, services
from secretariat.members.models import (
    ChairTerm,
    Indicator,
    MembershipEvent,
    MemberState,
    SecretaryGeneralTerm,
)
from secretariat.members.schemas import (
    ChairIn,
    ChairOut,
    EventIn,
    EventOut,
    IndicatorIn,
    IndicatorOut,
    OrganizationOnDate,
    OrganizationProfileOut,
    RejectIn,
    SecretaryGeneralIn,
    SecretaryGeneralOut,
    StandingOut,
    StateOut,
    TimelineOut,
)

router = Router(tags=["members"])


def _today() -> dt.date:
    return dt.date.today()


def state_out(row: MemberState) -> dict[str, Any]:
    return {
        "code": row.code,
        "iso3": row.iso3,
        "name_en": row.name_en,
        "name_ru": row.name_ru,
        "sources": row.sources,
        "uncertain": row.uncertain,
        "note": row.note,
        "note_ru": row.note_ru,
    }


def standing_out(row: selectors.StandingOnDate) -> dict[str, Any]:
    return {
        "code": row.state.code,
        "name_en": row.state.name_en,
        "name_ru": row.state.name_ru,
        "status": row.status.value,
        "member": row.status.participates,
    }


def event_out(row: MembershipEvent) -> dict[str, Any]:
    return {
        "id": row.pk,
        "state": row.state_id,
        "kind": row.kind,
        "date": row.date,
        "summary_en": row.summary_en,
        "summary_ru": row.summary_ru,
        "status": row.status,
        "sources": row.sources,
        "uncertain": row.uncertain,
        "note": row.note,
        "note_ru": row.note_ru,
    }


def _term_out(row: ChairTerm | SecretaryGeneralTerm) -> dict[str, Any]:
    return {
        "id": row.pk,
        "state": row.state_id,
        "start": row.start,
        "start_precision": row.start_precision,
        "end": row.end,
        "end_precision": row.end_precision,
        "sources": row.sources,
        "uncertain": row.uncertain,
        "note": row.note,
        "note_ru": row.note_ru,
    }


def chair_out(row: ChairTerm) -> dict[str, Any]:
    return {**_term_out(row), "holder_en": row.holder_en, "holder_ru": row.holder_ru}


def sg_out(row: SecretaryGeneralTerm) -> dict[str, Any]:
    return {
        **_term_out(row),
        "person_en": row.person_en,
        "person_ru": row.person_ru,
        "acting": row.acting,
    }


def indicator_out(row: Indicator) -> dict[str, Any]:
    return {
        "state": row.state_id,
        "kind": row.kind,
        "edition": row.edition,
        "year": row.year,
        "status": row.status,
        "political_rights": row.political_rights,
        "civil_liberties": row.civil_liberties,
        "score": row.score,
        "sources": row.sources,
        "uncertain": row.uncertain,
        "note": row.note,
        "note_ru": row.note_ru,
    }


@router.get(
    "/organization",
    response=OrganizationOnDate,
    summary="Members, chair and Secretary-General on a date",
)
def organization_on(request: HttpRequest, as_of: IsoDate | None = None) -> Any:
    """The organization on a date: the member states, the chair and the Secretary-General in
    office. `as_of` defaults to today. **Who:** anyone; no token needed. **Errors:** 422 when
    `as_of` is not a YYYY-MM-DD date. **Example:** `GET /api/v1/organization?as_of=2011-08-12`
    """
    on = as_of or _today()
    chair = selectors.chair_on(on)
    sg = selectors.secretary_general_on(on)
    return {
        "as_of": on,
        "members": [standing_out(r) for r in selectors.members_on(on)],
        "chair": chair_out(chair) if chair else None,
        "secretary_general": sg_out(sg) if sg else None,
    }


@router.get(
    "/organization/profile",
    response=OrganizationProfileOut,
    summary="The organization: names, languages, bodies, chair, statuses, rules of procedure",
)
def organization_profile(request: HttpRequest) -> Any:
    """What the dataset says the organization is (its organization.json, docs/datasets.md): its
    names, working languages, bodies, the rule of its rotating chair, the member statuses it
    knows, its readings of the rules of procedure and its default final clauses, each with
    sources. **Who:** anyone; no token needed. **Example:** `GET /api/v1/organization/profile`
    """
    org = organization()
    names = selectors.organization_profile()
    return {
        "dataset": org.dataset,
        "name_en": names.name_en,
        "name_ru": names.name_ru,
        "acronym_en": names.acronym_en,
        "acronym_ru": names.acronym_ru,
        "working_languages": list(org.working_languages),
        "bodies": [{**vars(b), "sources": list(b.sources)} for b in org.bodies],
        "principal_body": org.main_body,
        "chair": {**vars(org.chair), "sources": list(org.chair.sources)} if org.chair else None,
        "statuses": list(org.statuses),
        "readings": [
            {
                "code": r["code"],
                "title_en": r["title_en"],
                "title_ru": r.get("title_ru", ""),
                "sources": list(r.get("sources", [])),
                "uncertain": bool(r.get("uncertain", False)),
            }
            for r in org.readings
        ],
        "default_reading": org.default_reading,
        "default_final_clauses": org.default_final_clauses,
        "sources": list(org.sources),
    }


@router.get("/states", response=list[StateOut], summary="Every state the dataset knows")
def list_states(request: HttpRequest) -> Any:
    """Every state the dataset knows (members, former members, observers), with names in both
    languages and sources. **Who:** anyone; no token needed. **Example:** `GET /api/v1/states`
    """
    return [state_out(s) for s in selectors.states()]


@router.get("/states/{code}", response=StateOut, summary="One state")
def get_state(request: HttpRequest, code: str) -> Any:
    """One state by its ISO alpha-2 code: names, ISO alpha-3, sources. **Who:** anyone; no token
    needed. **Errors:** 404 for a code the dataset does not know. **Example:** `GET
    /api/v1/states/BY`
    """
    return state_out(selectors.state(code))


@router.get("/membership", response=list[StandingOut], summary="Every state's status on a date")
def membership_on(request: HttpRequest, as_of: IsoDate | None = None) -> Any:
    """Every state's membership status on a date (party, member, frozen, suspended, withdrawn) and
    whether it counts as a member. **Who:** anyone; no token needed. **Errors:** 422 for a date
    not written YYYY-MM-DD. **Example:** `GET /api/v1/membership?as_of=2013-01-01`
    """
    return [standing_out(r) for r in selectors.standings_on(as_of or _today())]


@router.get("/members", response=list[StandingOut], summary="The members on a date")
def members_on(request: HttpRequest, as_of: IsoDate | None = None) -> Any:
    """The member states on a date, in code order. **Who:** anyone; no token needed. **Errors:**
    422 for a malformed date. **Example:** `GET /api/v1/members?as_of=2011-08-12`
    """
    return [standing_out(r) for r in selectors.members_on(as_of or _today())]


@router.get("/states/{code}/timeline", response=TimelineOut, summary="Status periods of one state")
def state_timeline(request: HttpRequest, code: str) -> Any:
    """The successive status periods of one state, the open one last (end null). **Who:** anyone;
    no token needed. **Errors:** 404 for an unknown state. **Example:** `GET
    /api/v1/states/UZ/timeline`
    """
    timeline = selectors.timeline_of(code)
    return {
        "code": timeline.state.code,
        "periods": [
            {"status": p.status.value, "start": p.start, "end": p.end} for p in timeline.periods
        ],
    }


@router.get(
    "/states/{code}/events", response=list[EventOut], summary="Membership events you may see"
)
def state_events(request: HttpRequest, code: str) -> Any:
    """The membership events of a state: registered ones for everybody; its own pending
    notifications also for its delegation and the secretariat. **Who:** anyone; a token shows
    more. **Errors:** 404 for an unknown state. **Example:** `GET /api/v1/states/BY/events`
    """
    return [event_out(e) for e in selectors.events_for(actor_of(request), code)]


@router.post(
    "/states/{code}/events",
    response={201: EventOut, 200: EventOut},
    summary="Record an event (secretariat) or notify one for your own state (delegation)",
    auth=SIGNED_IN,
)
def submit_event(request: HttpRequest, code: str, body: EventIn) -> Any:
    """Record a membership event (the secretariat: registered at once) or notify one for the
    delegation's own state (pending until the secretariat registers it). **Who:** the
    secretariat; a delegation for its own state (another state's answers 404). **Errors:** 401
    without a token; 422 for an unknown kind or a date that breaks the state's timeline.
    **Example:** `POST /api/v1/states/BY/events` with `{"kind": "statement", "date":
    "2026-10-01", "summary_en": "A statement"}`
    """
    actor = actor_of(request)
    event, outcome = services.submit_membership_event(actor, state=code.upper(), **body.dict())
    return Status(write_status(outcome), event_out(event))


@router.get(
    "/membership-events/pending",
    response=list[EventOut],
    summary="Notifications awaiting registration",
)
def pending_events(request: HttpRequest) -> Any:
    """Notifications of membership events awaiting the secretariat's registration: all of them for
    the secretariat, a delegation's own, none for the public. **Who:** anyone (the list depends
    on the role). **Example:** `GET /api/v1/membership-events/pending`
    """
    return [event_out(e) for e in selectors.pending_events_for(actor_of(request))]


@router.get("/membership-events/{event_id}", response=EventOut, summary="One membership event")
def get_event(request: HttpRequest, event_id: int) -> Any:
    """One membership event by id: registered ones for anyone, a pending one for its state's
    delegation and the secretariat. **Who:** anyone; what is pending needs a token of those
    roles. **Errors:** 404 for an unknown id or one the caller may not see. **Example:** `GET
    /api/v1/membership-events/1`
    """
    return event_out(selectors.event_for(actor_of(request), event_id))


@router.post(
    "/membership-events/{event_id}/register",
    response=EventOut,
    summary="Register a notification (secretariat)",
    auth=SIGNED_IN,
)
def register_event(request: HttpRequest, event_id: int) -> Any:
    """Register a pending notification: it then counts in every as-of answer and is journaled.
    **Who:** the secretariat. **Errors:** 401 without a token; 403 for other roles; 404 for an
    unknown id; 422 when the event is not pending or breaks the timeline. **Example:** `POST
    /api/v1/membership-events/42/register`
    """
    actor = actor_of(request)
    selectors.event_for(actor, event_id)  # hidden events answer 404 before any permission talk
    return event_out(services.register_membership_event(actor, event_id=event_id))


@router.post(
    "/membership-events/{event_id}/reject",
    response=EventOut,
    summary="Reject a notification (secretariat)",
    auth=SIGNED_IN,
)
def reject_event(request: HttpRequest, event_id: int, body: RejectIn) -> Any:
    """Reject a pending notification with a reason given to the notifying delegation. **Who:** the
    secretariat. **Errors:** 401, 403, 404 as for registering; 422 when not pending or without a
    reason. **Example:** `POST /api/v1/membership-events/42/reject` with `{"reason": "no
    instrument deposited"}`
    """
    actor = actor_of(request)
    selectors.event_for(actor, event_id)
    return event_out(services.reject_membership_event(actor, event_id=event_id, reason=body.reason))


@router.get("/chairs", response=list[ChairOut], summary="Chair terms in order")
def list_chairs(request: HttpRequest) -> Any:
    """Every chairmanship term in date order, with the state and the head of state who held it.
    **Who:** anyone; no token needed. **Example:** `GET /api/v1/chairs`
    """
    return [chair_out(t) for t in selectors.chair_terms()]


@router.get("/chairs/on", response=ChairOut | None, summary="The chair on a date")
def chair_on(request: HttpRequest, date: IsoDate | None = None) -> Any:
    """The chairmanship term in force on a date, or null. **Who:** anyone; no token needed.
    **Errors:** 422 for a malformed date. **Example:** `GET /api/v1/chairs/on?date=2009-07-01`
    """
    term = selectors.chair_on(date or _today())
    return chair_out(term) if term else None


@router.post(
    "/chairs",
    response={201: ChairOut, 200: ChairOut},
    summary="Record a chair term (secretariat)",
    auth=SIGNED_IN,
)
def create_chair(request: HttpRequest, body: ChairIn) -> Any:
    """Record a chairmanship term; the same term again changes nothing (200), a new one is 201.
    **Who:** the secretariat. **Errors:** 401 without a token; 403 for other roles; 422 for an
    unknown state, an end before the start or a term overlapping another. **Example:** `POST
    /api/v1/chairs` with `{"state": "KZ", "holder_en": "…", "start": "2030-01-01"}`
    """
    term, outcome = services.record_chair_term(actor_of(request), **body.dict())
    return Status(write_status(outcome), chair_out(term))


@router.get(
    "/secretaries-general",
    response=list[SecretaryGeneralOut],
    summary="Secretaries-General in order",
)
def list_secretaries_general(request: HttpRequest) -> Any:
    """Every Secretary-General's term in date order. **Who:** anyone; no token needed. **Example:**
    `GET /api/v1/secretaries-general`
    """
    return [sg_out(t) for t in selectors.secretary_general_terms()]


@router.get(
    "/secretaries-general/on",
    response=SecretaryGeneralOut | None,
    summary="The Secretary-General on a date",
)
def secretary_general_on(request: HttpRequest, date: IsoDate | None = None) -> Any:
    """The Secretary-General in office on a date, or null. **Who:** anyone; no token needed.
    **Errors:** 422 for a malformed date. **Example:** `GET
    /api/v1/secretaries-general/on?date=2021-01-01`
    """
    term = selectors.secretary_general_on(date or _today())
    return sg_out(term) if term else None


@router.post(
    "/secretaries-general",
    response={201: SecretaryGeneralOut, 200: SecretaryGeneralOut},
    summary="Record a Secretary-General's term (secretariat)",
    auth=SIGNED_IN,
)
def create_secretary_general(request: HttpRequest, body: SecretaryGeneralIn) -> Any:
    """Record a Secretary-General's term (200 when already recorded, 201 when new). **Who:** the
    secretariat. **Errors:** 401 without a token; 403 for other roles; 422 for an unknown state
    or an overlapping term. **Example:** `POST /api/v1/secretaries-general` with `{"state":
    "BY", "person_en": "…", "start": "2030-01-01"}`
    """
    term, outcome = services.record_secretary_general(actor_of(request), **body.dict())
    return Status(write_status(outcome), sg_out(term))


@router.get(
    "/states/{code}/indicators",
    response=list[IndicatorOut],
    summary="Freedom House ratings by year",
)
def state_indicators(request: HttpRequest, code: str) -> Any:
    """A state's Freedom House ratings, one per year, with their source. **Who:** anyone; no token
    needed. **Errors:** 404 for an unknown state. **Example:** `GET
    /api/v1/states/RU/indicators`
    """
    return [indicator_out(i) for i in selectors.indicators_of(code)]


@router.post(
    "/states/{code}/indicators",
    response={201: IndicatorOut, 200: IndicatorOut},
    summary="Record a year's Freedom House rating (secretariat)",
    auth=SIGNED_IN,
)
def create_indicator(request: HttpRequest, code: str, body: IndicatorIn) -> Any:
    """Record or correct one year's Freedom House rating of a state. **Who:** the secretariat.
    **Errors:** 401 without a token; 403 for other roles; 422 for an unknown state or a rating
    out of range. **Example:** `POST /api/v1/states/RU/indicators`
    """
    row, outcome = services.record_indicator(actor_of(request), state=code.upper(), **body.dict())
    return Status(write_status(outcome), indicator_out(row))

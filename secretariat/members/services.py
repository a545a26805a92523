"""The only writers of member records. Each function checks permission, validates, writes and
journals in one transaction; on any error nothing is written.

Creating functions are idempotent on the record's natural key: the same record again changes
nothing and journals nothing; different content for the same key is journaled as a correction.
That is what makes a second dataset load a no-op.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from django.db import transaction

from secretariat.core.domain.actors import Actor, Role
from secretariat.core.domain.errors import NotFound, RuleViolation
from secretariat.core.organization import organization
from secretariat.core.permissions import require
from secretariat.core.writes import Outcome, clean_sources, jsonable, save_by_key
from secretariat.journal.services import record as journal
from secretariat.members.domain import membership, terms
from secretariat.members.domain.indicators import check_freedom_house
from secretariat.members.domain.policy import DELEGATION_EVENT_KINDS
from secretariat.members.models import (
    ChairTerm,
    EventStatus,
    Indicator,
    MembershipEvent,
    MemberState,
    OrganizationProfile,
    SecretaryGeneralTerm,
)


def _state(code: str) -> MemberState:
    try:
        return MemberState.objects.get(code=code)
    except MemberState.DoesNotExist:
        raise RuleViolation(f"unknown state code {code!r}", field="state") from None


@transaction.atomic
def record_organization_profile(
    actor: Actor, *, dataset: str, name_en: str, name_ru: str, acronym_en: str, acronym_ru: str
) -> tuple[OrganizationProfile, Outcome]:
    require(actor, "members.record_state")
    fields = {
        "name_en": name_en,
        "name_ru": name_ru,
        "acronym_en": acronym_en,
        "acronym_ru": acronym_ru,
    }
    profile, outcome, changed = save_by_key(OrganizationProfile, {"dataset": dataset}, fields)
    if outcome != "unchanged":
        journal(
            actor=actor,
            action=f"organization.{outcome}",
            subject=f"organization:{dataset}",
            data=jsonable(changed),
        )
    return profile, outcome


@transaction.atomic
def record_state(
    actor: Actor,
    *,
    code: str,
    iso3: str,
    name_en: str,
    name_ru: str,
    sources: Sequence[str] | None = None,
    uncertain: bool = False,
    note: str = "",
    note_ru: str = "",
) -> tuple[MemberState, Outcome]:
    require(actor, "members.record_state")
    if not (len(code) == 2 and code.isascii() and code.isalpha() and code.isupper()):
        raise RuleViolation(
            f"state code must be ISO 3166-1 alpha-2 (two capitals); got {code!r}", field="code"
        )
    if not (len(iso3) == 3 and iso3.isascii() and iso3.isalpha() and iso3.isupper()):
        raise RuleViolation(
            f"iso3 must be ISO 3166-1 alpha-3 (three capitals); got {iso3!r}", field="iso3"
        )
    if not name_en.strip() or not name_ru.strip():
        raise RuleViolation("a state needs its name in English and in Russian", field="name_en")
    fields = {
        "iso3": iso3,
        "name_en": name_en.strip(),
        "name_ru": name_ru.strip(),
        "sources": clean_sources(sources),
        "uncertain": uncertain,
        "note": note,
        "note_ru": note_ru.strip(),
    }
    if MemberState.objects.filter(iso3=iso3).exclude(code=code).exists():
        raise RuleViolation(f"iso3 {iso3} already belongs to another state", field="iso3")
    state, outcome, changed = save_by_key(MemberState, {"code": code}, fields)
    if outcome != "unchanged":
        journal(actor=actor, action=f"state.{outcome}", subject=f"state:{code}", data=changed)
    return state, outcome


def _events_of(state: MemberState, *, exclude_id: int | None = None) -> list[membership.Event]:
    rows = MembershipEvent.objects.filter(state=state, status=EventStatus.REGISTERED)
    if exclude_id is not None:
        rows = rows.exclude(pk=exclude_id)
    return [
        membership.Event(membership.EventKind(r.kind), r.date, f"{r.kind} of {state.code}")
        for r in rows.order_by("date", "id")
    ]


def _check_event_fits(
    state: MemberState, kind: membership.EventKind, date: dt.date, exclude_id: int | None = None
) -> None:
    events = [
        *_events_of(state, exclude_id=exclude_id),
        membership.Event(kind, date, f"{kind.value} of {state.code}"),
    ]
    membership.check_sequence(events)


@transaction.atomic
def submit_membership_event(
    actor: Actor,
    *,
    state: str,
    kind: str,
    date: dt.date,
    summary_en: str,
    summary_ru: str = "",
    sources: Sequence[str] | None = None,
    uncertain: bool = False,
    note: str = "",
    note_ru: str = "",
) -> tuple[MembershipEvent, Outcome]:
    """Record a membership event; a delegation's notification waits for the secretariat."""
    require(actor, "members.submit_event", state)
    target = _state(state)
    try:
        event_kind = membership.EventKind(kind)
    except ValueError:
        choices = ", ".join(k.value for k in membership.EventKind)
        raise RuleViolation(
            f"unknown event kind {kind!r}; use one of {choices}", field="kind"
        ) from None
    membership.check_known_status(event_kind, organization().statuses)
    if not summary_en.strip():
        raise RuleViolation("say what happened (summary in English)", field="summary_en")
    if date > dt.date.today() + dt.timedelta(days=366):
        raise RuleViolation("an event cannot be dated more than a year ahead", field="date")
    fields = {
        "summary_en": summary_en.strip(),
        "summary_ru": summary_ru.strip(),
        "sources": clean_sources(sources),
        "uncertain": uncertain,
        "note": note,
        "note_ru": note_ru.strip(),
    }
    if actor.role is Role.DELEGATION:
        if event_kind.value not in DELEGATION_EVENT_KINDS:
            raise RuleViolation(
                f"a delegation may notify only {', '.join(sorted(DELEGATION_EVENT_KINDS))}; "
                f"a {event_kind.value} is recorded by the secretariat",
                field="kind",
            )
        _check_event_fits(target, event_kind, date)
        event = MembershipEvent.objects.create(
            state=target,
            kind=event_kind.value,
            date=date,
            status=EventStatus.PENDING,
            submitted_by=actor.username or "",
            **fields,
        )
        journal(
            actor=actor,
            action="membership_event.submitted",
            subject=f"membership_event:{event.pk}",
            data={"state": state, "kind": kind, "date": date.isoformat()},
        )
        return event, "created"

    key = {
        "state": target,
        "kind": event_kind.value,
        "date": date,
        "status": EventStatus.REGISTERED,
    }
    if not MembershipEvent.objects.filter(**key).exists():
        _check_event_fits(target, event_kind, date)
    event, outcome, changed = save_by_key(MembershipEvent, key, fields)
    if outcome != "unchanged":
        journal(
            actor=actor,
            action=f"membership_event.{'registered' if outcome == 'created' else 'corrected'}",
            subject=f"membership_event:{event.pk}",
            data={"state": state, "kind": kind, "date": date.isoformat(), **jsonable(changed)},
        )
    return event, outcome


def _pending_event(actor: Actor, event_id: int, action: str) -> MembershipEvent:
    event = (
        MembershipEvent.objects.select_for_update()
        .filter(pk=event_id)
        .select_related("state")
        .first()
    )
    if event is None:
        raise NotFound("No such membership event.")
    require(actor, action, event.state_id)
    if event.status != EventStatus.PENDING:
        raise RuleViolation(f"this event is already {event.status}", field="status")
    return event


@transaction.atomic
def register_membership_event(actor: Actor, *, event_id: int) -> MembershipEvent:
    """The secretariat accepts a delegation's notification into the record."""
    event = _pending_event(actor, event_id, "members.register_event")
    kind = membership.EventKind(event.kind)
    if MembershipEvent.objects.filter(
        state=event.state, kind=event.kind, date=event.date, status=EventStatus.REGISTERED
    ).exists():
        raise RuleViolation("the same event is already registered", field="date")
    _check_event_fits(event.state, kind, event.date)
    event.status = EventStatus.REGISTERED
    event.decided_by = actor.username or ""
    event.save(update_fields=["status", "decided_by"])
    journal(
        actor=actor,
        action="membership_event.registered",
        subject=f"membership_event:{event.pk}",
        data={"state": event.state_id, "kind": event.kind, "date": event.date.isoformat()},
    )
    return event


@transaction.atomic
def reject_membership_event(actor: Actor, *, event_id: int, reason: str) -> MembershipEvent:
    event = _pending_event(actor, event_id, "members.reject_event")
    if not reason.strip():
        raise RuleViolation("give the reason for rejecting the notification", field="reason")
    event.status = EventStatus.REJECTED
    event.decided_by = actor.username or ""
    event.decision_reason = reason.strip()
    event.save(update_fields=["status", "decided_by", "decision_reason"])
    journal(
        actor=actor,
        action="membership_event.rejected",
        subject=f"membership_event:{event.pk}",
        data={"state": event.state_id, "reason": event.decision_reason},
    )
    return event


def _check_term(
    model: type[ChairTerm] | type[SecretaryGeneralTerm],
    office: str,
    start: dt.date,
    end: dt.date | None,
    precision: tuple[str, str],
) -> None:
    for value, field in ((precision[0], "start_precision"), (precision[1], "end_precision")):
        try:
            terms.Precision(value)
        except ValueError:
            raise RuleViolation(
                f"{field} must be day, month or year; got {value!r}", field=field
            ) from None
    others = model._default_manager.select_for_update().exclude(start=start)
    existing: list[terms.Term[int | None]] = [
        terms.Term(row.pk, row.start, row.end, str(row)) for row in others
    ]
    terms.check_no_overlap(existing, terms.Term[int | None](None, start, end), office)


@transaction.atomic
def record_chair_term(
    actor: Actor,
    *,
    state: str,
    holder_en: str,
    holder_ru: str = "",
    start: dt.date,
    end: dt.date | None,
    start_precision: str = "day",
    end_precision: str = "day",
    sources: Sequence[str] | None = None,
    uncertain: bool = False,
    note: str = "",
    note_ru: str = "",
) -> tuple[ChairTerm, Outcome]:
    require(actor, "members.record_chair_term")
    chair_state = _state(state)
    if not holder_en.strip():
        raise RuleViolation("name the head of state who chairs", field="holder_en")
    _check_term(ChairTerm, "chair", start, end, (start_precision, end_precision))
    fields = {
        "state": chair_state,
        "holder_en": holder_en.strip(),
        "holder_ru": holder_ru.strip(),
        "end": end,
        "start_precision": start_precision,
        "end_precision": end_precision,
        "sources": clean_sources(sources),
        "uncertain": uncertain,
        "note": note,
        "note_ru": note_ru.strip(),
    }
    term, outcome, changed = save_by_key(ChairTerm, {"start": start}, fields)
    if outcome != "unchanged":
        changed = {k: (v.code if isinstance(v, MemberState) else v) for k, v in changed.items()}
        journal(
            actor=actor,
            action=f"chair_term.{outcome}",
            subject=f"chair_term:{term.pk}",
            data={"start": start.isoformat(), **jsonable(changed)},
        )
    return term, outcome


@transaction.atomic
def record_secretary_general(
    actor: Actor,
    *,
    state: str,
    person_en: str,
    person_ru: str = "",
    acting: bool = False,
    start: dt.date,
    end: dt.date | None,
    start_precision: str = "day",
    end_precision: str = "day",
    sources: Sequence[str] | None = None,
    uncertain: bool = False,
    note: str = "",
    note_ru: str = "",
) -> tuple[SecretaryGeneralTerm, Outcome]:
    require(actor, "members.record_secretary_general")
    sg_state = _state(state)
    if not person_en.strip():
        raise RuleViolation("name the Secretary-General", field="person_en")
    _check_term(
        SecretaryGeneralTerm, "Secretary-General", start, end, (start_precision, end_precision)
    )
    fields = {
        "state": sg_state,
        "person_en": person_en.strip(),
        "person_ru": person_ru.strip(),
        "acting": acting,
        "end": end,
        "start_precision": start_precision,
        "end_precision": end_precision,
        "sources": clean_sources(sources),
        "uncertain": uncertain,
        "note": note,
        "note_ru": note_ru.strip(),
    }
    term, outcome, changed = save_by_key(SecretaryGeneralTerm, {"start": start}, fields)
    if outcome != "unchanged":
        changed = {k: (v.code if isinstance(v, MemberState) else v) for k, v in changed.items()}
        journal(
            actor=actor,
            action=f"secretary_general.{outcome}",
            subject=f"secretary_general:{term.pk}",
            data={"start": start.isoformat(), **jsonable(changed)},
        )
    return term, outcome


@transaction.atomic
def record_indicator(
    actor: Actor,
    *,
    state: str,
    year: int,
    status: str,
    political_rights: int | None = None,
    civil_liberties: int | None = None,
    score: int | None = None,
    edition: str = "",
    kind: str = "freedom_house",
    sources: Sequence[str] | None = None,
    uncertain: bool = False,
    note: str = "",
    note_ru: str = "",
) -> tuple[Indicator, Outcome]:
    require(actor, "members.record_indicator")
    if kind != "freedom_house":
        raise RuleViolation(f"unknown indicator {kind!r}; known: freedom_house", field="kind")
    target = _state(state)
    checked = check_freedom_house(
        year=year,
        status=status,
        political_rights=political_rights,
        civil_liberties=civil_liberties,
        score=score,
        current_year=dt.date.today().year,
    )
    fields = {
        "edition": edition,
        "status": checked.status.value,
        "political_rights": political_rights,
        "civil_liberties": civil_liberties,
        "score": score,
        "sources": clean_sources(sources),
        "uncertain": uncertain,
        "note": note,
        "note_ru": note_ru.strip(),
    }
    row, outcome, changed = save_by_key(
        Indicator, {"state": target, "kind": kind, "year": year}, fields
    )
    if outcome != "unchanged":
        journal(
            actor=actor,
            action=f"indicator.{outcome}",
            subject=f"indicator:{state}:{kind}:{year}",
            data=jsonable(changed),
        )
    return row, outcome

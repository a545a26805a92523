"""Reads of member records, as of any date, filtered by what the actor may see.

Every page, API operation and export reads through here. Pending notifications are visible only to
the notifying state's delegation and to the secretariat and auditors; to anyone else they do not
exist (404).
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass, field

from django.db.models import Q, QuerySet

from secretariat.core.domain.actors import Actor, Role
from secretariat.core.domain.errors import NotFound, RuleViolation
from secretariat.members.domain import membership, terms
from secretariat.members.models import (
    ChairTerm,
    EventStatus,
    Indicator,
    MembershipEvent,
    MemberState,
    OrganizationProfile,
    SecretaryGeneralTerm,
)


@dataclass(frozen=True)
class OrganizationNames:
    name_en: str = "Collective security organization"
    name_ru: str = "Организация коллективной безопасности"
    acronym_en: str = "Secretariat"
    acronym_ru: str = "Секретариат"

    def name(self, lang: str) -> str:
        return self.name_ru if lang.startswith("ru") else self.name_en

    def acronym(self, lang: str) -> str:
        return self.acronym_ru if lang.startswith("ru") else self.acronym_en


def organization_profile() -> OrganizationNames:
    row = OrganizationProfile.objects.first()
    if row is None:
        return OrganizationNames()
    return OrganizationNames(row.name_en, row.name_ru, row.acronym_en, row.acronym_ru)


def dataset_loaded() -> bool:
    """Has an organization's dataset been loaded (its profile is the first thing written)?"""
    return OrganizationProfile.objects.exists()


def state_exists(code: str) -> bool:
    """Is `code` (exactly as given) the code of a state in the register?"""
    return MemberState.objects.filter(code=code).exists()


def member_state(code: str, field: str = "state") -> MemberState:
    """The state a write names; an unknown code is a RuleViolation naming the field."""
    found = MemberState.objects.filter(code=code).first()
    if found is None:
        raise RuleViolation(f"unknown state code {code!r}", field=field)
    return found


def state_names(lang: str) -> dict[str, str]:
    """Every state's name in `lang`, by code."""
    return {s.code: s.name(lang) for s in states()}


def state_name(code: str, lang: str) -> str:
    """One state's name in `lang`; the code itself for a state the record does not keep."""
    found = MemberState.objects.filter(code=code.upper()).first()
    return found.name(lang) if found is not None else code


def states() -> QuerySet[MemberState]:
    return MemberState.objects.order_by("name_en")


def state(code: str) -> MemberState:
    found = MemberState.objects.filter(code=code.upper()).first()
    if found is None:
        raise NotFound(f"No state with code {code!r}.")
    return found


def _domain_events(rows: QuerySet[MembershipEvent]) -> dict[str, list[membership.Event]]:
    by_state: dict[str, list[membership.Event]] = defaultdict(list)
    for row in rows.order_by("date", "id"):
        by_state[row.state_id].append(membership.Event(membership.EventKind(row.kind), row.date))
    return by_state


def _registered() -> QuerySet[MembershipEvent]:
    return MembershipEvent.objects.filter(status=EventStatus.REGISTERED)


@dataclass(frozen=True)
class StandingOnDate:
    state: MemberState
    status: membership.Status


def standings_on(on: dt.date) -> list[StandingOnDate]:
    """Every known state's status on a date, members first, then by name."""
    events = _domain_events(_registered())
    rows = [StandingOnDate(s, membership.status_on(events.get(s.code, []), on)) for s in states()]
    return sorted(rows, key=lambda r: (not r.status.participates, r.state.name_en))


def members_on(on: dt.date) -> list[StandingOnDate]:
    return [row for row in standings_on(on) if row.status.participates]


def status_of(code: str, on: dt.date) -> membership.Status:
    target = state(code)
    events = _domain_events(_registered().filter(state=target))
    return membership.status_on(events.get(target.code, []), on)


@dataclass
class StateTimeline:
    state: MemberState
    periods: list[membership.Period] = field(default_factory=list)


def timelines() -> list[StateTimeline]:
    events = _domain_events(_registered())
    return [StateTimeline(s, membership.periods(events.get(s.code, []))) for s in states()]


def timeline_of(code: str) -> StateTimeline:
    target = state(code)
    events = _domain_events(_registered().filter(state=target))
    return StateTimeline(target, membership.periods(events.get(target.code, [])))


def visible_events_filter(actor: Actor) -> Q:
    if actor.role in (Role.SECRETARIAT, Role.AUDITOR, Role.SYSTEM):
        return Q()
    registered = Q(status=EventStatus.REGISTERED)
    if actor.role is Role.DELEGATION:
        return registered | Q(state_id=actor.state)
    return registered


def events_for(actor: Actor, code: str | None = None) -> QuerySet[MembershipEvent]:
    rows = MembershipEvent.objects.filter(visible_events_filter(actor)).select_related("state")
    if code is not None:
        rows = rows.filter(state=state(code))
    return rows.order_by("date", "id")


def event_for(actor: Actor, event_id: int) -> MembershipEvent:
    found = events_for(actor).filter(pk=event_id).first()
    if found is None:
        raise NotFound("No such membership event.")
    return found


def pending_events_for(actor: Actor) -> QuerySet[MembershipEvent]:
    return events_for(actor).filter(status=EventStatus.PENDING)


def chair_terms() -> QuerySet[ChairTerm]:
    return ChairTerm.objects.select_related("state").order_by("start")


def secretary_general_terms() -> QuerySet[SecretaryGeneralTerm]:
    return SecretaryGeneralTerm.objects.select_related("state").order_by("start")


def chair_on(on: dt.date) -> ChairTerm | None:
    rows = list(chair_terms())
    found = terms.holder_on([terms.Term(r, r.start, r.end) for r in rows], on)
    return found.key if found else None


def secretary_general_on(on: dt.date) -> SecretaryGeneralTerm | None:
    rows = list(secretary_general_terms())
    found = terms.holder_on([terms.Term(r, r.start, r.end) for r in rows], on)
    return found.key if found else None


def indicators_of(code: str, kind: str = "freedom_house") -> QuerySet[Indicator]:
    return Indicator.objects.filter(state=state(code), kind=kind).order_by("year")


def latest_indicator_on(code: str, on: dt.date) -> Indicator | None:
    """The latest rating published about a year before `on` (a year is rated after it ends)."""
    return indicators_of(code).filter(year__lt=on.year).order_by("-year").first()

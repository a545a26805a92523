"""Reads of depositary records, as of any date, filtered by what the actor may see.

Every page, API operation, feed and export reads through here. Acts submitted and not yet
registered (or returned) are visible only to the submitting state's delegation, the secretariat
and auditors; to anyone else they do not exist (404).

Every read that takes a date follows the one as-of rule (core/domain/asof.py): an instrument
exists from its adoption, an act from its date, a notification from its issue; on a date nothing
that came into being after it is shown, and statuses are recomputed from what existed then.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass, replace

from django.db import connection
from django.db.models import Q, QuerySet

from secretariat.core.asof_queries import existed_q
from secretariat.core.domain import asof
from secretariat.core.domain.actors import Actor, Role
from secretariat.core.domain.errors import NotFound
from secretariat.depositary.domain import countries
from secretariat.depositary.domain.acts import Act as DomainAct
from secretariat.depositary.domain.acts import ActKind
from secretariat.depositary.domain.engine import InstrumentStatus, StateStatus, evaluate
from secretariat.depositary.domain.positions import (
    Evidence,
    Position,
    Report,
    Reported,
    position_of,
)
from secretariat.depositary.models import (
    Act,
    ActDocument,
    ActStatus,
    Instrument,
    Notification,
    PositionReport,
)
from secretariat.depositary.services import clauses_of


def instruments(as_of: dt.date | None = None) -> QuerySet[Instrument]:
    """Every instrument, or those adopted on or before `as_of` (the as-of rule)."""
    rows = Instrument.objects.select_related("parent").order_by("adopted_on", "code")
    return rows if as_of is None else rows.filter(existed_q("adopted_on", as_of))


def instrument(code: str, as_of: dt.date | None = None) -> Instrument:
    """One instrument; asked about a date before its adoption, it does not exist yet (404)."""
    found = Instrument.objects.select_related("parent").filter(code=code).first()
    if found is None:
        raise NotFound(f"No instrument with code {code!r}.")
    if as_of is not None and not asof.existed_on(found.adopted_on, as_of):
        raise NotFound(
            f"The instrument {code!r} was adopted on {found.adopted_on}, after {as_of.isoformat()}."
        )
    return found


def amendments_of(row: Instrument, as_of: dt.date | None = None) -> QuerySet[Instrument]:
    rows = row.amendments.order_by("adopted_on", "code")
    return rows if as_of is None else rows.filter(existed_q("adopted_on", as_of))


def state_code(code: str) -> str:
    """A state's alpha-2 code from a URL; unknown codes are 404."""
    upper = code.upper()
    if not countries.is_code(upper):
        raise NotFound(f"No state with code {code!r}.")
    return upper


@dataclass(frozen=True)
class StateName:
    code: str
    name_en: str
    name_ru: str
    member: bool

    def name(self, lang: str) -> str:
        return self.name_ru if lang.startswith("ru") and self.name_ru else self.name_en


def state_names() -> dict[str, StateName]:
    """Names of the organization's states (members app) and of every other ISO state."""
    from secretariat.members.models import MemberState

    names = {
        code: StateName(code, name, "", False) for code, (_, name) in countries.COUNTRIES.items()
    }
    for code, name in countries.REGIONAL_ORGANIZATIONS.items():
        names[code] = StateName(code, name, "", False)
    for row in MemberState.objects.all():
        names[row.code] = StateName(row.code, row.name_en, row.name_ru, True)
    return names


def member_codes(as_of: dt.date | None = None) -> list[str]:
    """The organization's states by name; with `as_of`, those whose first membership event
    (signature of the founding treaty, accession…) is dated on or before it (the as-of rule)."""
    from secretariat.members.models import EventStatus, MembershipEvent, MemberState

    codes = list(MemberState.objects.order_by("name_en").values_list("code", flat=True))
    if as_of is None:
        return codes
    known = set(
        MembershipEvent.objects.filter(status=EventStatus.REGISTERED, date__lte=as_of).values_list(
            "state_id", flat=True
        )
    )
    return [code for code in codes if code in known]


# --- acts --------------------------------------------------------------------------------------


def visible_acts_filter(actor: Actor) -> Q:
    if actor.role in (Role.SECRETARIAT, Role.AUDITOR, Role.SYSTEM):
        return Q()
    registered = Q(status=ActStatus.REGISTERED)
    if actor.role is Role.DELEGATION:
        return registered | Q(state=actor.state)
    return registered


def acts_for(
    actor: Actor,
    instrument_code: str | None = None,
    state: str | None = None,
    as_of: dt.date | None = None,
) -> QuerySet[Act]:
    """The acts the actor may see; with `as_of`, only those dated on or before it."""
    rows = Act.objects.filter(visible_acts_filter(actor))
    if as_of is not None:
        rows = rows.filter(existed_q("date", as_of, nullable=False))
    if instrument_code is not None:
        rows = rows.filter(instrument=instrument(instrument_code))
    if state is not None:
        rows = rows.filter(state=state_code(state))
    return rows.select_related("revokes").order_by("date", "id")


def act_for(actor: Actor, act_id: int) -> Act:
    found = acts_for(actor).filter(pk=act_id).first()
    if found is None:
        raise NotFound("No such act.")
    return found


def documents_for(actor: Actor, act_id: int) -> QuerySet[ActDocument]:
    """The documents of an act, to whoever may see the act (a registered act's are public)."""
    return ActDocument.objects.filter(act=act_for(actor, act_id)).order_by("uploaded_at", "id")


def document_for(actor: Actor, act_id: int, document_id: int) -> ActDocument:
    found = documents_for(actor, act_id).filter(pk=document_id).first()
    if found is None:
        raise NotFound("No such document.")
    return found


def pending_acts_for(actor: Actor) -> QuerySet[Act]:
    return acts_for(actor).filter(status=ActStatus.PENDING).select_related("instrument")


def _registered_acts(code: str | None = None) -> dict[str, list[DomainAct]]:
    """Registered acts by instrument, read in one query without building model rows.

    The status matrix reads every act of every instrument; model instances and Django's per-value
    converters would cost more than computing all the statuses, so this reads plain rows.
    """
    # Dates read as text: SQLite's registered date converter is slower than fromisoformat.
    columns = (
        "SELECT id, instrument_id, state, kind, CAST(date AS TEXT), deposited, "
        "CAST(named_date AS TEXT), revokes_id, CAST(domestic_date AS TEXT) "
        "FROM depositary_act WHERE status = %s"
    )
    sql = columns if code is None else columns + " AND instrument_id = %s"
    params = [ActStatus.REGISTERED.value] if code is None else [ActStatus.REGISTERED.value, code]
    by_instrument: dict[str, list[DomainAct]] = defaultdict(list)
    kinds = _KINDS
    day = dt.date.fromisoformat  # every date column is read as text (see the query)
    new = tuple.__new__  # a named tuple built without its Python-level constructor
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        for pk, owner, state, kind, date, deposited, named, revokes, domestic in cursor.fetchall():
            by_instrument[owner].append(
                new(
                    DomainAct,
                    (
                        pk,
                        state,
                        kinds[kind],
                        day(date),
                        bool(deposited),
                        day(named) if named else None,
                        revokes,
                        day(domestic) if domestic else None,
                    ),
                )
            )
    return by_instrument


_KINDS = {kind.value: kind for kind in ActKind}


# --- statuses ----------------------------------------------------------------------------------


def status_of(row: Instrument, as_of: dt.date) -> InstrumentStatus:
    acts = _registered_acts(row.code).get(row.code, [])
    return evaluate(
        clauses_of(row),
        acts,
        as_of=as_of,
        adopted=row.adopted_on,
        members=frozenset(member_codes()),
    )


def all_statuses(as_of: dt.date) -> list[tuple[Instrument, InstrumentStatus]]:
    """Every instrument's status on a date, from one read of the acts.

    Remembered per process for the last few (date, journal head) pairs: every write appends to
    the journal in its own transaction, so the head's sequence number and hash change whenever
    anything a status depends on changes, and a remembered answer is never stale.
    """
    head = _journal_head()
    if head is not None:
        found = _STATUS_MEMO.get((as_of, head))
        if found is not None:
            return found
    acts = _registered_acts()
    members = frozenset(member_codes())
    result = [
        (
            row,
            evaluate(
                clauses_of(row),
                acts.get(row.code, []),
                as_of=as_of,
                adopted=row.adopted_on,
                members=members,
                check=False,
            ),
        )
        for row in instruments(as_of)
    ]
    if head is not None:
        while len(_STATUS_MEMO) >= _MEMO_SIZE:
            _STATUS_MEMO.pop(next(iter(_STATUS_MEMO)))
        _STATUS_MEMO[(as_of, head)] = result
    return result


_MEMO_SIZE = 4
_STATUS_MEMO: dict[tuple[dt.date, tuple[int, str]], list[tuple[Instrument, InstrumentStatus]]] = {}


def _journal_head() -> tuple[int, str] | None:
    from secretariat.journal.models import JournalEntry

    if connection.in_atomic_block:
        # Inside a transaction the head may be about to be rolled back: do not remember.
        return None
    last = JournalEntry.objects.order_by("-seq").values_list("seq", "entry_hash").first()
    return (0, "") if last is None else (last[0], str(last[1]))


# --- positions: known, negative, no record ------------------------------------------------------


def reports(code: str | None = None, as_of: dt.date | None = None) -> QuerySet[PositionReport]:
    """What sources report about states' consent; with `as_of`, only reports dated by then."""
    rows = PositionReport.objects.all()
    if code is not None:
        rows = rows.filter(instrument_id=code)
    if as_of is not None:
        rows = rows.filter(existed_q("date", as_of, nullable=False))
    return rows.order_by("instrument_id", "state", "date", "id")


def _domain_reports(code: str | None = None) -> dict[tuple[str, str], list[Report]]:
    found: dict[tuple[str, str], list[Report]] = defaultdict(list)
    for row in reports(code):
        found[(row.instrument_id, row.state)].append(
            Report(row.state, row.date, Reported(row.says), tuple(row.sources), row.text)
        )
    return found


def _evidence(code: str | None = None) -> dict[int, Evidence]:
    rows = Act.objects.filter(status=ActStatus.REGISTERED)
    if code is not None:
        rows = rows.filter(instrument_id=code)
    return {
        pk: Evidence(tuple(sources or ()), bool(uncertain))
        for pk, sources, uncertain in rows.values_list("id", "sources", "uncertain")
    }


def searched_for(row: Instrument) -> list[str]:
    """The sources searched for the states' acts: those used, then those that held nothing."""
    return [*row.sources, *(s for s in row.searched if s not in row.sources)]


def positions(
    statuses: list[tuple[Instrument, InstrumentStatus]], states: list[str], as_of: dt.date
) -> dict[tuple[str, str], Position]:
    """Each state's position on each instrument on a date (domain/positions.py)."""
    found = _domain_reports()
    evidence = _evidence()
    answer = {}
    for row, status in statuses:
        for state in states:
            position = position_of(
                status.states.get(state), found.get((row.code, state), ()), as_of, evidence
            )
            answer[(row.code, state)] = replace(position, state=state)
    return answer


def parties_note(row: Instrument, status: InstrumentStatus) -> str:
    """'in force since D per S; parties not recorded' for an instrument in force on a sourced
    date that the recorded acts do not reach; for a decision in effect on adoption, that it has
    no parties; empty otherwise."""
    if status.on_adoption and status.in_force and status.entry_into_force is not None:
        return f"in effect since its adoption on {status.entry_into_force.isoformat()}; no parties"
    if status.parties_recorded or not status.in_force or status.entry_into_force is None:
        return ""
    declared = clauses_of(row).entry_into_force.declared
    reason = declared.reason if declared else ", ".join(row.sources[:1])
    return (
        f"in force since {status.entry_into_force.isoformat()} per {reason}; parties not recorded"
    )


@dataclass(frozen=True)
class StateRow:
    instrument: Instrument
    status: InstrumentStatus
    state: StateStatus | None
    position: Position | None = None


def state_overview(code: str, as_of: dt.date) -> list[StateRow]:
    """Every instrument and this state's status and position in it on a date."""
    target = state_code(code)
    statuses = all_statuses(as_of)
    found = positions(statuses, [target], as_of)
    return [
        StateRow(row, status, status.states.get(target), found[(row.code, target)])
        for row, status in statuses
    ]


def outstanding(code: str, as_of: dt.date) -> list[StateRow]:
    """What the state signed and that was not (yet) in force for it on the date."""
    return [
        row
        for row in state_overview(code, as_of)
        if row.state is not None and row.state.outstanding
    ]


def notifications(
    instrument_code: str | None = None, state: str | None = None, as_of: dt.date | None = None
) -> QuerySet[Notification]:
    """Notifications, newest first; with `as_of`, only those issued on or before it."""
    rows = Notification.objects.select_related("instrument", "act")
    if as_of is not None:
        rows = rows.filter(existed_q("issued_on", as_of, nullable=False))
    if instrument_code is not None:
        rows = rows.filter(instrument=instrument(instrument_code))
    if state is not None:
        rows = rows.filter(state=state_code(state))
    return rows.order_by("-issued_on", "-year", "-seq")

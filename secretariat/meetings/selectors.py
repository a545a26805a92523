"""Reads of meeting records: sessions with filters, attendance, decisions and their verdicts,
the session a date falls under (sitting then, else the last one before it), the attendance
matrix and rates.

Everything here is public except the positions on a draft that is still open: those are seen by
the declaring state's delegation, the secretariat and auditors only.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass, field

from django.db.models import Prefetch, QuerySet

from secretariat.core.domain.actors import Actor
from secretariat.core.domain.errors import NotFound, RuleViolation
from secretariat.core.organization import organization
from secretariat.core.permissions import can
from secretariat.meetings import rules as organization_rules
from secretariat.meetings.domain import consensus, sessions
from secretariat.meetings.models import Attendance, Claim, Decision, Session, StatePosition
from secretariat.members import selectors as members
from secretariat.members.domain.membership import Status

PRESENT = {sessions.Presence.PRESENT.value, sessions.Presence.REPRESENTED.value}


def sessions_list(
    *,
    body: str | None = None,
    kind: str | None = None,
    year: int | None = None,
    host: str | None = None,
) -> QuerySet[Session]:
    """Sessions in date order; `kind="video"` selects the sessions held by video."""
    if year is not None and not 1 <= year <= 9999:
        raise RuleViolation(f"year must be between 1 and 9999; got {year}", field="year")
    rows = Session.objects.all()
    if body:
        rows = rows.filter(body=body)
    if kind == "video":
        rows = rows.filter(by_video=True)
    elif kind:
        rows = rows.filter(kind=kind)
    if year:
        rows = rows.filter(start__year=year)
    if host:
        rows = rows.filter(host=host.upper())
    return rows.order_by("start", "code")


def session(code: str) -> Session:
    found = Session.objects.filter(code=code).first()
    if found is None:
        raise NotFound(f"No session with code {code!r}.")
    return found


def years() -> list[int]:
    return sorted({d.year for d in Session.objects.values_list("start", flat=True)})


def hosts() -> list[str]:
    return sorted(set(Session.objects.exclude(host="").values_list("host", flat=True)))


def attendance_of(row: Session) -> list[Attendance]:
    return list(row.attendance.order_by("state"))


def decisions_of(row: Session) -> QuerySet[Decision]:
    return row.decisions.select_related("session").order_by("id")


def decision(session_code: str, slug: str) -> Decision:
    found = (
        Decision.objects.select_related("session")
        .filter(session__code=session_code, slug=slug)
        .first()
    )
    if found is None:
        raise NotFound(f"No decision {session_code}/{slug}.")
    return found


def decisions_list() -> QuerySet[Decision]:
    return Decision.objects.select_related("session").order_by("session__start", "id")


def positions_for(actor: Actor, row: Decision) -> list[StatePosition]:
    """Positions the actor may see: all of them once the outcome is recorded."""
    rows = list(row.positions.order_by("state"))
    if row.outcome != consensus.Outcome.DRAFT:
        return rows
    return [p for p in rows if can(actor, "meetings.view_draft_position", p.state)]


def claims_of(row: Decision) -> list[Claim]:
    return list(row.claims.order_by("state"))


# --- membership on a date, computed once for many dates ---------------------------------------


@dataclass
class Membership:
    """Every state's status periods, to ask "who was a member on D" many times for one query."""

    periods: dict[str, list[tuple[Status, dt.date, dt.date | None]]] = field(default_factory=dict)

    @classmethod
    def load(cls) -> Membership:
        return cls(
            {
                t.state.code: [(p.status, p.start, p.end) for p in t.periods]
                for t in members.timelines()
            }
        )

    def status(self, state: str, on: dt.date) -> Status:
        for status, start, end in self.periods.get(state, []):
            if start <= on and (end is None or on < end):
                return status
        return Status.NONE

    def members_on(self, on: dt.date) -> list[str]:
        return sorted(code for code in self.periods if self.status(code, on).participates)

    def ever_members(self, since: dt.date) -> list[str]:
        """States that were members at some point since `since`, in code order."""
        return sorted(
            code
            for code, periods in self.periods.items()
            if any(s.participates and (end is None or end > since) for s, _, end in periods)
        )


# --- verdicts -----------------------------------------------------------------------------------


def verdict_under(
    row: Decision, rules: consensus.Rules, membership: Membership | None = None
) -> consensus.Verdict | None:
    """The engine's verdict on the recorded facts; None when attendance is not recorded."""
    on = row.session.start
    attendance = list(Attendance.objects.filter(session_id=row.session_id))
    if not attendance:
        return None
    member_codes = (membership or Membership.load()).members_on(on)
    present = [a.state for a in attendance if a.presence in PRESENT]
    positions = {
        p.state: consensus.Position(p.position)
        for p in StatePosition.objects.filter(decision_id=row.pk)
    }
    return consensus.evaluate(rules, member_codes, present, positions)


@dataclass(frozen=True)
class Reading:
    rules: consensus.Rules
    verdict: consensus.Verdict | None
    applied: bool  # the reading under which the outcome was recorded
    claimed_by: tuple[str, ...]


def readings_of(row: Decision) -> list[Reading]:
    """The verdict under the decision's own reading and under every reading a state claims."""
    claims = claims_of(row)
    codes = [row.rules, *[c.reading for c in claims if c.reading != row.rules]]
    membership = Membership.load()
    result = []
    for code in dict.fromkeys(codes):
        rules = organization_rules.reading(code)
        result.append(
            Reading(
                rules,
                verdict_under(row, rules, membership),
                code == row.rules,
                tuple(c.state for c in claims if c.reading == code),
            )
        )
    return result


# --- the organization on a date -----------------------------------------------------------------


@dataclass(frozen=True)
class SessionOnDate:
    on: dt.date
    session: Session
    sitting: bool  # the session was sitting on that date
    days_away: int  # negative: before the date; positive: after
    chair_state: str
    chair_person: str
    chair_person_ru: str
    members: list[str]
    present: list[str]
    absent: list[Attendance]
    guests: list[Attendance]


def nearest_session(on: dt.date, body: str = "") -> SessionOnDate | None:
    """The session of `body` sitting on `on`, else the last one held before it, with who came and
    who chaired; None before the first. (The name is older than the rule: a later session, even
    a nearer one, had not been held on `on`.) `body` defaults to the organization's principal
    body (organization.json `principal_body`)."""
    body = body or organization().main_body
    rows = list(Session.objects.filter(body=body, start__lte=on))
    found = sessions.latest_on([sessions.Dated(r, r.start, r.end) for r in rows], on)
    if found is None:
        return None
    row = found.key
    chair_state, chair_person, chair_person_ru = (
        row.chaired_by,
        row.chair_person,
        row.chair_person_ru,
    )
    if not chair_state:
        term = members.chair_on(row.start)
        if term is not None:
            chair_state, chair_person, chair_person_ru = (
                term.state_id,
                term.holder_en,
                term.holder_ru,
            )
    attendance = attendance_of(row)
    distance = found.distance(on)
    return SessionOnDate(
        on=on,
        session=row,
        sitting=distance == 0,
        days_away=0 if distance == 0 else (distance if row.start > on else -distance),
        chair_state=chair_state,
        chair_person=chair_person,
        chair_person_ru=chair_person_ru,
        members=Membership.load().members_on(row.start),
        present=[a.state for a in attendance if a.presence in PRESENT],
        absent=[a for a in attendance if a.presence == sessions.Presence.ABSENT],
        guests=[a for a in attendance if a.presence == sessions.Presence.GUEST],
    )


# --- attendance matrix and rates ----------------------------------------------------------------


@dataclass(frozen=True)
class Cell:
    state: str
    value: str  # a Presence value, "unrecorded" for a member with no row, "none" for a non-member
    row: Attendance | None


@dataclass(frozen=True)
class MatrixRow:
    session: Session
    cells: list[Cell]


def attendance_matrix(body: str = "") -> tuple[list[str], list[MatrixRow]]:
    """Sessions × states that were members at some point in the period, every cell classified
    (of `body`, by default the organization's principal body)."""
    body = body or organization().main_body
    rows = list(
        Session.objects.filter(body=body)
        .order_by("start", "code")
        .prefetch_related(Prefetch("attendance", queryset=Attendance.objects.order_by("state")))
    )
    if not rows:
        return [], []
    membership = Membership.load()
    states = membership.ever_members(rows[0].start)
    matrix = []
    for row in rows:
        by_state = {a.state: a for a in row.attendance.all()}
        cells = []
        for state in states:
            found = by_state.get(state)
            if found is not None:
                cells.append(Cell(state, found.presence, found))
            elif membership.status(state, row.start).participates:
                cells.append(Cell(state, "unrecorded", None))
            else:
                cells.append(Cell(state, "none", None))
        matrix.append(MatrixRow(row, cells))
    return states, matrix


@dataclass(frozen=True)
class RatePoint:
    year: int
    present: int
    expected: int


def attendance_rates(body: str = "") -> dict[str, list[RatePoint]]:
    """Per state and year: sessions attended of the sessions whose attendance is recorded."""
    body = body or organization().main_body
    counts: dict[str, dict[int, list[sessions.Presence]]] = defaultdict(lambda: defaultdict(list))
    for a in Attendance.objects.filter(session__body=body).select_related("session"):
        counts[a.state][a.session.start.year].append(sessions.Presence(a.presence))
    result: dict[str, list[RatePoint]] = {}
    for state in sorted(counts):
        points = []
        for year in sorted(counts[state]):
            rate = sessions.attendance_rate(counts[state][year])
            if rate.expected:
                points.append(RatePoint(year, rate.present, rate.expected))
        result[state] = points
    return result

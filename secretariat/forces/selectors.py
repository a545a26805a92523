"""Reads of forces records, as of any date. Formations, pledges and exercises are public.

Use `totals_on(day)` for "what was pledged to each formation on D", `contingents(...)` for the
pledges themselves, filtered by formation, state and date.
"""

from __future__ import annotations

import datetime as dt

from django.db.models import Q, QuerySet

from secretariat.core.asof_queries import existed_q
from secretariat.core.domain.errors import NotFound
from secretariat.forces.domain import rules
from secretariat.forces.models import Contingent, Exercise, Formation


def formations(on: dt.date | None = None) -> QuerySet[Formation]:
    """Every formation; with `on`, those established by then (or whose start is not known)."""
    rows = Formation.objects.all()
    if on is not None:
        rows = rows.filter(existed_q("established", on))  # the as-of rule (core/domain/asof.py)
    return rows.order_by("established", "code")


def formation(code: str) -> Formation:
    found = Formation.objects.filter(code=code).first()
    if found is None:
        raise NotFound(f"No formation with code {code!r}.")
    return found


def active_on(day: dt.date) -> Q:
    return Q(start__lte=day) & (Q(end__isnull=True) | Q(end__gte=day))


def contingents(
    *, formation: str | None = None, state: str | None = None, on: dt.date | None = None
) -> QuerySet[Contingent]:
    rows = Contingent.objects.select_related("formation", "state")
    if formation:
        rows = rows.filter(formation__code=formation)
    if state:
        rows = rows.filter(state__code=state.upper())
    if on:
        rows = rows.filter(active_on(on))
    return rows.order_by("formation__code", "state_id", "start", "code")


def contingent(code: str) -> Contingent:
    found = Contingent.objects.select_related("formation", "state").filter(code=code).first()
    if found is None:
        raise NotFound(f"No contingent with code {code!r}.")
    return found


def exercises(
    *, formation: str | None = None, state: str | None = None, on: dt.date | None = None
) -> QuerySet[Exercise]:
    """Exercises, by formation or participating state; with `on`, those begun by then."""
    rows = Exercise.objects.select_related("formation", "host")
    if formation:
        rows = rows.filter(formation__code=formation)
    if on is not None:
        rows = rows.filter(existed_q("start", on, nullable=False))
    found = list(rows.order_by("start", "code"))
    if state:
        code = state.upper()
        keep = [e.pk for e in found if code in e.participants or e.host_id == code]
        return rows.filter(pk__in=keep).order_by("start", "code")
    return rows.order_by("start", "code")


def exercise(code: str) -> Exercise:
    found = Exercise.objects.select_related("formation", "host").filter(code=code).first()
    if found is None:
        raise NotFound(f"No exercise with code {code!r}.")
    return found


def _pledges() -> list[rules.Pledge]:
    return [
        rules.Pledge(
            formation=row.formation.code,
            state=row.state_id,
            strength=row.strength,
            start=row.start,
            end=row.end,
            estimated=row.strength_estimated,
        )
        for row in Contingent.objects.select_related("formation")
    ]


def totals_on(day: dt.date) -> dict[str, rules.FormationTotals]:
    """Pledged strength on `day` by formation and, within each, by member state."""
    return rules.totals_on(_pledges(), day)


def totals_by_state(day: dt.date) -> dict[str, rules.Total]:
    return rules.totals_by_state(_pledges(), day)

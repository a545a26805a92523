"""Terms of office (the chair, the Secretary-General): dated intervals that may touch, not overlap.

A term is the closed interval [start, end]; end None means still in office. On a hand-over day both
the outgoing and the incoming holder appear in the sources, so touching terms are allowed and the
incoming holder is the one "in office" that day.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from enum import StrEnum
from typing import Generic, TypeVar

from secretariat.core.domain import asof
from secretariat.core.domain.errors import RuleViolation


class Precision(StrEnum):
    """How much of a date the sources give; the stored date is the first day of what is known."""

    DAY = "day"
    MONTH = "month"
    YEAR = "year"


K = TypeVar("K")


@dataclass(frozen=True)
class Term(Generic[K]):
    key: K  # what the caller wants back (a row id, a name)
    start: dt.date
    end: dt.date | None
    label: str = ""

    def covers(self, on: dt.date) -> bool:
        """In office on `on` by the as-of rule: from its start, through its end day."""
        return self.lifespan.in_effect_on(on)

    @property
    def lifespan(self) -> asof.Lifespan:
        return asof.Lifespan(self.start, ends=self.end, end_inclusive=True)


def check_dates(start: dt.date, end: dt.date | None) -> None:
    if end is not None and end < start:
        raise RuleViolation(
            f"a term cannot end ({end.isoformat()}) before it starts ({start.isoformat()})",
            field="end",
        )


def find_overlap(existing: Iterable[Term[K]], new: Term[K]) -> Term[K] | None:
    """The first existing term that overlaps `new` by more than a hand-over day, if any."""
    for term in sorted(existing, key=lambda t: t.start):
        if _overlap(term, new):
            return term
    return None


def _overlap(a: Term[K], b: Term[K]) -> bool:
    first, second = (a, b) if a.start <= b.start else (b, a)
    if first.start == second.start:
        return True
    if first.end is None:
        return True
    # Touching (second starts the day the first ends) is a hand-over, not an overlap.
    return second.start < first.end


def check_no_overlap(existing: Iterable[Term[K]], new: Term[K], office: str) -> None:
    check_dates(new.start, new.end)
    clash = find_overlap(existing, new)
    if clash is not None:
        raise RuleViolation(
            f"this {office} term ({_span(new)}) overlaps the term of {clash.label or clash.key} "
            f"({_span(clash)}); end the earlier term first",
            field="start",
        )


def holder_on(terms: Sequence[Term[K]], on: dt.date) -> Term[K] | None:
    """The term in force on a date; on a hand-over day, the incoming one."""
    covering = [term for term in terms if term.covers(on)]
    if not covering:
        return None
    return max(covering, key=lambda term: term.start)


def _span(term: Term[K]) -> str:
    return f"{term.start.isoformat()} – {term.end.isoformat() if term.end else 'open'}"

"""The one rule for answering "as of date D", shared by every app.

Use it in every selector that takes a date: `existed_on` (or `as_of` over many records) decides
whether a record is shown on D, and `phase_on` tells a shown record's state on D. Statuses are then
recomputed from the records that existed on D only, never read from a stored "current" status.

The rule. Every record has the date it came into being: an instrument its adoption, an act its
deposit (or, for a withdrawal, its notice), a notification its issue, a meeting the day it was
held, a membership event its own date, a term of office its start. Some records also have the date
they took effect and the date they ended. On D:

- a record that came into being after D is not shown at all (it did not exist yet);
- a record that came into being on or before D is shown; it is *pending* until it takes effect,
  *in effect* from that date, and *ended* from its end date on;
- a record whose date of coming into being is not known is shown on every date: hiding it would
  assert that it did not exist, which the record cannot tell either. Such records are for the
  audit to flag, not for this rule to guess.

The end date is exclusive by default (a withdrawal effective on E: not a party on E). A record
whose end day still belongs to it (a term of office handed over on E) says so with
`end_inclusive=True`.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from enum import StrEnum
from typing import TypeVar

T = TypeVar("T")


class Phase(StrEnum):
    NOT_YET = "not_yet"  # came into being after the date: not shown
    PENDING = "pending"  # existed, not yet in effect
    IN_EFFECT = "in_effect"
    ENDED = "ended"


def existed_on(came_into_being: dt.date | None, on: dt.date) -> bool:
    """Whether a record that came into being on `came_into_being` is shown as of `on`."""
    return came_into_being is None or came_into_being <= on


@dataclass(frozen=True, slots=True)
class Lifespan:
    """The dates that place a record in time; only `came_into_being` is always meaningful."""

    came_into_being: dt.date | None
    takes_effect: dt.date | None = None  # None: in effect as soon as it exists
    ends: dt.date | None = None  # None: has not ended
    end_inclusive: bool = False

    def phase_on(self, on: dt.date) -> Phase:
        if not existed_on(self.came_into_being, on):
            return Phase.NOT_YET
        if self.ends is not None and (on > self.ends if self.end_inclusive else on >= self.ends):
            return Phase.ENDED
        if self.takes_effect is not None and on < self.takes_effect:
            return Phase.PENDING
        return Phase.IN_EFFECT

    def in_effect_on(self, on: dt.date) -> bool:
        return self.phase_on(on) is Phase.IN_EFFECT


def as_of(
    records: Iterable[T], on: dt.date, came_into_being: Callable[[T], dt.date | None]
) -> Iterator[T]:
    """The records that existed on `on`, in their given order."""
    return (record for record in records if existed_on(came_into_being(record), on))


def latest_on(
    records: Iterable[T], on: dt.date, came_into_being: Callable[[T], dt.date | None]
) -> T | None:
    """Of the records that existed on `on`, the one that came into being last (ties: the last
    given), e.g. the latest report about a state's position known on that date."""
    found: T | None = None
    found_day: dt.date | None = None
    for record in as_of(records, on, came_into_being):
        day = came_into_being(record)
        if found is None or (day is not None and (found_day is None or day >= found_day)):
            found, found_day = record, day
    return found

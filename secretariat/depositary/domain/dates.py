"""Calendar arithmetic used by final clauses, with every choice written down once.

Use these helpers, never `timedelta` tricks in callers, so that each reading of a clause ("90 days
after", "the first day of the month following the expiry of three months") is computed one way
everywhere and pinned by tests (docs/depositary.md lists the choices):

- "k days after D" is D + k calendar days (the Arms Trade Treaty's dates bear this out).
- "M months after D" is the same day of the month M months later; when that month is shorter, the
  last day of that month (31 August + 6 months = 28 or 29 February). No published date exercises
  this clamping; it is the reading that never jumps into the following month.
- "the first day of the month following X" is strictly after X: when X is itself the 1st, the
  answer is the 1st of the next month (Rome Statute, Albania: day 60 fell on 1 April 2003, the
  Statute entered into force for it on 1 May 2003).
"""

from __future__ import annotations

import calendar
import datetime as dt


def add_days(day: dt.date, days: int) -> dt.date:
    """`day` + `days`; past the calendar's end (year 9999) the answer stays at its last day."""
    try:
        return day + dt.timedelta(days=days)
    except OverflowError:
        return dt.date.max


def add_months(day: dt.date, months: int) -> dt.date:
    """Same day of the month `months` later, clamped to the month's last day."""
    index = day.year * 12 + (day.month - 1) + months
    year, month = divmod(index, 12)
    if year > dt.MAXYEAR:
        return dt.date.max
    last = calendar.monthrange(year, month + 1)[1]
    return dt.date(year, month + 1, min(day.day, last))


def first_of_following_month(day: dt.date) -> dt.date:
    """The first day of the month after `day`'s month (strictly after, even when `day` is a 1st)."""
    return add_months(day.replace(day=1), 1)


def first_of_month(day: dt.date) -> dt.date:
    return day.replace(day=1)

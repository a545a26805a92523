"""The checks of `secretariat audit`: each one a pure function from plain facts to violations.

Use these when a question is "does the record contradict itself?". A check takes the facts it
needs as small frozen dataclasses (read from the database by `secretariat.audit.record`, or built
by hand in a test) and returns every `Violation` it finds, in a stable order; an empty list means
the record passes it. No check reads the database or renders a page, so each is tested on facts
with a planted contradiction.

Everything a reader is shown is a `Label`: an English template with `%(name)s` placeholders,
marked for translation by the `gettext_noop` below (a marker that the message extractor recognizes
by name), and its values, which may be labels themselves. Whoever shows one renders it with the
translation function of the moment (`label.render(gettext)`); without one it reads in English.
"""

from __future__ import annotations

import datetime as dt
import itertools
from collections import defaultdict
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from enum import StrEnum


def gettext_noop(message: str) -> str:
    """Marks a message for translation without importing Django (the domain stays framework-free)."""
    return message


class Check(StrEnum):
    """The checks, in the order the audit runs and reports them."""

    IN_FORCE_GROUNDED = "in_force_grounded"
    STATE_ENTRY_AFTER_INSTRUMENT = "state_entry_after_instrument"
    NOTIFICATION_NUMBERS = "notification_numbers"
    NOTIFICATION_ACTS = "notification_acts"
    FIGURES_AGREE = "figures_agree"
    FACTS_SOURCED = "facts_sourced"
    LINKS_RESOLVE = "links_resolve"


CHECK_TITLES: dict[Check, str] = {
    Check.IN_FORCE_GROUNDED: gettext_noop(
        "An instrument in force has its condition met by recorded acts, or a sourced date and "
        "its parties marked as not recorded"
    ),
    Check.STATE_ENTRY_AFTER_INSTRUMENT: gettext_noop(
        "No state's entry into force comes before the instrument's"
    ),
    Check.NOTIFICATION_NUMBERS: gettext_noop(
        "Notification numbers follow their issue dates within a year"
    ),
    Check.NOTIFICATION_ACTS: gettext_noop(
        "Every notification refers to an act that exists and counts"
    ),
    Check.FIGURES_AGREE: gettext_noop("A figure shown in several places is the same everywhere"),
    Check.FACTS_SOURCED: gettext_noop("Every fact has a source or is flagged as unsourced"),
    Check.LINKS_RESOLVE: gettext_noop("Every internal link of every rendered page resolves"),
}


def _same(message: str) -> str:
    return message


@dataclass(frozen=True)
class Label:
    """A text to show: a template marked for translation and the values it is filled with."""

    template: str
    params: Mapping[str, str | Label] = field(default_factory=dict)

    def render(self, translate: Callable[[str], str] = _same) -> str:
        if not self.params:
            return translate(self.template)
        values = {
            key: value.render(translate) if isinstance(value, Label) else value
            for key, value in self.params.items()
        }
        return translate(self.template) % values


def label(template: str, **params: str | Label) -> Label:
    return Label(template, params)


@dataclass(frozen=True)
class Violation:
    check: Check
    subject: Label  # what the violation is about, as a reader would name it: "instrument cst-1992"
    what: str  # an English sentence with %(name)s placeholders (translated where shown)
    params: Mapping[str, str | Label] = field(default_factory=dict)
    link: str = ""  # the address of the record's page, when it has one

    @property
    def record(self) -> str:
        """The record's name in English."""
        return self.subject.render()

    def text(self, translate: Callable[[str], str] = _same) -> str:
        """The sentence, in English unless a translation function is given."""
        return Label(self.what, self.params).render(translate)


def _day(value: dt.date | None) -> str:
    return value.isoformat() if value is not None else "—"


# --- depositary: entry into force -----------------------------------------------------------


@dataclass(frozen=True)
class InstrumentInForce:
    """What the record says of one instrument's entry into force on the audit's date."""

    code: str
    in_force: bool
    entry_into_force: dt.date | None
    condition_met_by_acts: bool  # the final clauses' condition is met by the recorded acts
    declared_sourced: bool  # the date is declared with a source (not computed from acts)
    parties: int | None  # parties shown; None when the record marks them as not recorded
    link: str = ""


def in_force_is_grounded(instruments: Iterable[InstrumentInForce]) -> list[Violation]:
    """An instrument shown in force is so by its recorded acts, or by a date taken from a source
    while its parties are marked as not recorded. "In force with 0 parties" is the contradiction
    a reader finds (the CRRF agreement, the 2010 Charter amendments)."""
    found = []
    for row in instruments:
        if not row.in_force or row.condition_met_by_acts:
            continue
        if row.declared_sourced and row.parties is None:
            continue
        if not row.declared_sourced:
            what = gettext_noop(
                "in force since %(date)s, but its condition is not met by the recorded acts and "
                "no source gives the date"
            )
        else:
            what = gettext_noop(
                "in force since %(date)s per a source, but its condition is not met by the "
                "recorded acts and it shows %(parties)s parties instead of saying the parties "
                "are not recorded"
            )
        found.append(
            Violation(
                Check.IN_FORCE_GROUNDED,
                label(gettext_noop("instrument %(code)s"), code=row.code),
                what,
                {"date": _day(row.entry_into_force), "parties": str(row.parties)},
                row.link,
            )
        )
    return found


@dataclass(frozen=True)
class StateEntry:
    """A state's own date of entry into force of an instrument, beside the instrument's."""

    instrument: str
    state: str
    state_from: dt.date
    instrument_from: dt.date | None
    link: str = ""


def state_entry_not_before_instrument(entries: Iterable[StateEntry]) -> list[Violation]:
    """An instrument cannot be in force for a state before it is in force at all."""
    found = []
    for row in entries:
        if row.instrument_from is None:
            what = gettext_noop(
                "in force for %(state)s from %(state_from)s, but the instrument itself is not in "
                "force"
            )
        elif row.state_from < row.instrument_from:
            what = gettext_noop(
                "in force for %(state)s from %(state_from)s, before the instrument's own entry "
                "into force on %(instrument_from)s"
            )
        else:
            continue
        found.append(
            Violation(
                Check.STATE_ENTRY_AFTER_INSTRUMENT,
                label(
                    gettext_noop("instrument %(code)s / %(state)s"),
                    code=row.instrument,
                    state=row.state,
                ),
                what,
                {
                    "state": row.state,
                    "state_from": _day(row.state_from),
                    "instrument_from": _day(row.instrument_from),
                },
                row.link,
            )
        )
    return found


# --- depositary: notifications --------------------------------------------------------------


@dataclass(frozen=True)
class NotificationFacts:
    number: str  # DN.<seq>.<year>, or how an unnumbered one is named
    year: int | None  # None with `seq`: not numbered (reconstructed, its source gives no number)
    seq: int | None
    issued_on: dt.date
    refers_to_act: bool  # the notification is about one act (not the entry into force)
    act_exists: bool  # that act is in the record, registered
    act_counts: bool  # and has the effect the notification announces, by the record's own rule
    act: Label = Label("")  # the act as a reader would name it: "TJ, Ratification of 2012-11-14"
    link: str = ""
    reconstructed: bool = False  # written later for a past event, numbered only as a source gives

    @property
    def numbered(self) -> bool:
        return self.year is not None and self.seq is not None


def notification_numbers_follow_dates(notes: Iterable[NotificationFacts]) -> list[Violation]:
    """Within a year, a later number is never issued earlier: DN.2.2012 cannot predate DN.1.2012.

    The year in the number is the year of issue, and the numbers of a year the secretariat issued
    run 1, 2, 3… without gaps or repeats. A notification reconstructed for a past event keeps the
    number its source gives, if any: it is ordered with the others, but the record cannot hold
    every notification of that year, so its year is not asked to run without gaps.
    """
    found = []
    by_year: dict[int, list[NotificationFacts]] = defaultdict(list)
    for note in notes:
        if note.year is None or note.seq is None:
            continue
        by_year[note.year].append(note)
        if note.issued_on.year != note.year:
            found.append(
                Violation(
                    Check.NOTIFICATION_NUMBERS,
                    label(gettext_noop("notification %(number)s"), number=note.number),
                    gettext_noop("numbered in %(year)s but issued on %(issued)s"),
                    {"year": str(note.year), "issued": _day(note.issued_on)},
                    note.link,
                )
            )
    for year in sorted(by_year):
        ordered = sorted(by_year[year], key=lambda n: n.seq or 0)
        for earlier, later in itertools.pairwise(ordered):
            if later.issued_on < earlier.issued_on:
                found.append(
                    Violation(
                        Check.NOTIFICATION_NUMBERS,
                        label(gettext_noop("notification %(number)s"), number=later.number),
                        gettext_noop(
                            "issued on %(issued)s, before %(earlier)s, which has the lower "
                            "number but was issued on %(earlier_issued)s"
                        ),
                        {
                            "issued": _day(later.issued_on),
                            "earlier": earlier.number,
                            "earlier_issued": _day(earlier.issued_on),
                        },
                        later.link,
                    )
                )
        expected = list(range(1, len(ordered) + 1))
        if not any(n.reconstructed for n in ordered) and [n.seq for n in ordered] != expected:
            found.append(
                Violation(
                    Check.NOTIFICATION_NUMBERS,
                    label(gettext_noop("notifications of %(year)s"), year=str(year)),
                    gettext_noop("numbered %(numbers)s rather than 1 to %(count)s"),
                    {
                        "numbers": ", ".join(str(n.seq) for n in ordered),
                        "count": str(len(ordered)),
                    },
                )
            )
    return found


def notifications_refer_to_counting_acts(notes: Iterable[NotificationFacts]) -> list[Violation]:
    """A notification announces an act the record holds and that counts under its own rules."""
    found = []
    for note in notes:
        if not note.refers_to_act:
            continue
        if not note.act_exists:
            what = gettext_noop("refers to an act that is not in the record")
        elif not note.act_counts:
            what = gettext_noop(
                "announces the %(act)s, which by the record's own rule does not count (not "
                "deposited, or not a kind of act the instrument's condition counts)"
            )
        else:
            continue
        found.append(
            Violation(
                Check.NOTIFICATION_ACTS,
                label(gettext_noop("notification %(number)s"), number=note.number),
                what,
                {"act": note.act},
                note.link,
            )
        )
    return found


# --- figures shown in several places --------------------------------------------------------


@dataclass(frozen=True)
class Figure:
    """One figure as one place shows it: `name` says what is counted, `place` where it is shown."""

    name: Label  # "members on 2011-08-12"
    place: Label  # "home page /en/"
    value: str  # compared as text, so that "—" and "0" are different answers


def figures_agree(figures: Iterable[Figure]) -> list[Violation]:
    """Each figure gives one answer wherever it is shown (home page, lists, API, CSV, dump)."""
    by_name: dict[str, list[Figure]] = defaultdict(list)
    for figure in figures:
        by_name[figure.name.render()].append(figure)
    found = []
    for name in sorted(by_name):
        shown = by_name[name]
        if len({f.value for f in shown}) <= 1:
            continue
        # "place: value; place: value", each place translated where shown.
        answers = Label(
            "; ".join(f"%(place{i})s: %(value{i})s" for i in range(len(shown))),
            {
                **{f"place{i}": f.place for i, f in enumerate(shown)},
                # A place that gives no figure (the API's null, kept as "None" to compare) reads
                # as a dash, not as the English "None".
                **{f"value{i}": "—" if f.value == "None" else f.value for i, f in enumerate(shown)},
            },
        )
        found.append(
            Violation(
                Check.FIGURES_AGREE,
                shown[0].name,
                gettext_noop("shown differently: %(answers)s"),
                {"answers": answers},
            )
        )
    return found


# --- sources --------------------------------------------------------------------------------


@dataclass(frozen=True)
class Fact:
    """A recorded fact and what backs it."""

    record: Label  # "session csc-2011-08-12"
    sources: tuple[str, ...]
    flagged_unsourced: bool  # the record says itself that no source backs it
    link: str = ""


def facts_are_sourced(facts: Iterable[Fact]) -> list[Violation]:
    """A fact with no source must say so; a silent one reads as established."""
    return [
        Violation(
            Check.FACTS_SOURCED,
            fact.record,
            gettext_noop("has no source and is not flagged as unsourced"),
            {},
            fact.link,
        )
        for fact in facts
        if not any(s.strip() for s in fact.sources) and not fact.flagged_unsourced
    ]


# --- links ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class Link:
    """An internal link found on a rendered page, with the status its target answered."""

    page: str  # the page the link is on
    target: str  # where it points (path and query)
    status: int  # the final answer after redirects within the site


def links_resolve(links: Iterable[Link]) -> list[Violation]:
    """Every internal link leads to a page that answers: no 404, no server error.

    A refusal that asks for a login (a redirect to it) resolves; 4xx and 5xx do not.
    """
    found = []
    seen: set[tuple[str, str]] = set()
    for link in links:
        if link.status < 400 or (link.page, link.target) in seen:
            continue
        seen.add((link.page, link.target))
        found.append(
            Violation(
                Check.LINKS_RESOLVE,
                label(gettext_noop("page %(path)s"), path=link.page),
                gettext_noop("links to %(target)s, which answers %(status)s"),
                {"target": link.target, "status": str(link.status)},
                link.page,
            )
        )
    return found

"""A state's position on an instrument on a date: known, negative, or no record.

Use `position_of` wherever a page, the API or an export says whether a state is bound: it keeps
apart what the record *knows* (a recorded consent, or a source reporting the state bound), what it
knows *not* to be so (a source reporting the ratification still pending, a withdrawal), and what it
simply *holds no record of*. "Signed, no ratification recorded" is the third, never the second:
the record cannot tell a state that has not ratified from one whose ratification nobody recorded.

Every known or negative position names its source; a position of no record names the sources that
were searched. Reports are dated facts and follow the as-of rule (core/domain/asof.py): on D only
the reports made on or before D count, and the latest of them is the one that holds.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from enum import StrEnum

from secretariat.core.domain import asof
from secretariat.depositary.domain.acts import Act
from secretariat.depositary.domain.engine import Standing, StateStatus


class Knowledge(StrEnum):
    KNOWN = "known"  # a recorded consent, or a source reporting the state bound
    NEGATIVE = "negative"  # a source reporting it not bound (ratification pending), a withdrawal
    NO_RECORD = "no_record"  # nothing recorded either way


class Reported(StrEnum):
    """What a report found in a source says about the state's consent."""

    CONSENTED = "consented"  # e.g. "no document of the organization is left unratified by X"
    NOT_CONSENTED = "not_consented"  # e.g. "submitted to parliament for ratification"


@dataclass(frozen=True, slots=True)
class Report:
    state: str
    date: dt.date  # the date the source speaks of (or, failing that, its publication)
    says: Reported
    sources: tuple[str, ...]
    text: str = ""


@dataclass(frozen=True, slots=True)
class Evidence:
    """What the record says about an act: where it comes from and whether it is sure."""

    sources: tuple[str, ...] = ()
    uncertain: bool = False


class Phrase(StrEnum):
    """Which sentence a position's summary is: the same facts can be written in any language
    from the phrase and its `values` (depositary/wording.py writes the Russian)."""

    WITHDREW = "withdrew"  # notice, effective
    IN_FORCE = "in_force"  # kind, date, since
    NOT_YET_IN_FORCE = "not_yet_in_force"  # kind, date
    UNDEPOSITED = "undeposited"  # kind, date (of its own law)
    REPORTED_BOUND = "reported_bound"  # date
    SIGNED_RATIFICATION_PENDING = "signed_ratification_pending"  # signed, date
    REPORTED_NOT_BOUND = "reported_not_bound"  # date
    SIGNED_NO_RECORD = "signed_no_record"  # signed
    NO_RECORD = "no_record"


Value = str | dt.date | None


@dataclass(frozen=True, slots=True)
class Position:
    state: str
    knowledge: Knowledge
    summary: str  # one English sentence: "ratified on 2003-09-18 per …"
    sources: tuple[str, ...] = ()  # what the position rests on (empty for no record)
    uncertain: bool = False
    report: Report | None = None
    phrase: Phrase = Phrase.NO_RECORD
    values: tuple[tuple[str, Value], ...] = ()  # the facts the summary states, by name


def _per(sources: Sequence[str]) -> str:
    return f" per {sources[0]}" if sources else ""


def position_of(
    status: StateStatus | None,
    reports: Iterable[Report],
    on: dt.date,
    evidence: Mapping[int, Evidence] | None = None,
) -> Position:
    """The state's position on `on`: from its recorded acts first, then the latest report."""
    evidence = evidence or {}
    state = status.state if status is not None else ""
    latest = asof.latest_on(list(reports), on, lambda r: r.date)
    if status is not None:
        state = status.state
        if status.standing is Standing.WITHDRAWN and status.withdrawal is not None:
            return _from_act(
                status.withdrawal,
                Knowledge.NEGATIVE,
                f"withdrew (notice of {status.withdrawal.date.isoformat()}"
                f", effective {_iso(status.withdrawal_effective)})",
                evidence,
                Phrase.WITHDREW,
                (("notice", status.withdrawal.date), ("effective", status.withdrawal_effective)),
            )
        if status.consent is not None:
            consent = status.consent
            text = f"{consent.kind.value} on {consent.date.isoformat()}"
            values: tuple[tuple[str, Value], ...] = (
                ("kind", consent.kind.value),
                ("date", consent.date),
            )
            if status.in_force_from is not None and status.in_force_from <= on:
                text += f", in force for it since {status.in_force_from.isoformat()}"
                phrase = Phrase.IN_FORCE
                values += (("since", status.in_force_from),)
            else:
                text += ", not yet in force for it"
                phrase = Phrase.NOT_YET_IN_FORCE
            return _from_act(consent, Knowledge.KNOWN, text, evidence, phrase, values)
    undeposited = status.undeposited if status is not None else None
    if undeposited is not None and (
        latest is None or (undeposited.domestic_date or undeposited.date) > latest.date
    ):
        return _from_act(
            undeposited,
            Knowledge.KNOWN,
            f"{undeposited.kind.value} by its own law of "
            f"{_iso(undeposited.domestic_date or undeposited.date)}; no record of the deposit, "
            "so not counted",
            evidence,
            Phrase.UNDEPOSITED,
            (
                ("kind", undeposited.kind.value),
                ("date", undeposited.domestic_date or undeposited.date),
            ),
        )
    if latest is not None:
        signed = status.signature if status is not None else None
        reported: tuple[tuple[str, Value], ...] = (("date", latest.date),)
        if latest.says is Reported.CONSENTED:
            text = (
                f"reported bound on {latest.date.isoformat()}; the date of its act is not recorded"
            )
            knowledge, phrase = Knowledge.KNOWN, Phrase.REPORTED_BOUND
        elif signed is not None:
            text = (
                f"signed on {signed.date.isoformat()}; ratification pending on "
                f"{latest.date.isoformat()}"
            )
            knowledge, phrase = Knowledge.NEGATIVE, Phrase.SIGNED_RATIFICATION_PENDING
            reported += (("signed", signed.date),)
        else:
            text = f"not bound on {latest.date.isoformat()}"
            knowledge, phrase = Knowledge.NEGATIVE, Phrase.REPORTED_NOT_BOUND
        return Position(
            latest.state,
            knowledge,
            text + _per(latest.sources),
            latest.sources,
            report=latest,
            phrase=phrase,
            values=reported,
        )
    if status is not None and status.signature is not None:
        signed_act = status.signature
        found = evidence.get(signed_act.key, Evidence())
        return Position(
            state,
            Knowledge.NO_RECORD,
            f"signed on {signed_act.date.isoformat()}{_per(found.sources)}; "
            "no record of its ratification",
            found.sources,
            found.uncertain,
            phrase=Phrase.SIGNED_NO_RECORD,
            values=(("signed", signed_act.date),),
        )
    return Position(state, Knowledge.NO_RECORD, "no record")


def _from_act(
    act: Act,
    knowledge: Knowledge,
    text: str,
    evidence: Mapping[int, Evidence],
    phrase: Phrase,
    values: tuple[tuple[str, Value], ...],
) -> Position:
    found = evidence.get(act.key, Evidence())
    return Position(
        act.state,
        knowledge,
        text + _per(found.sources),
        found.sources,
        found.uncertain,
        phrase=phrase,
        values=values,
    )


def _iso(day: dt.date | None) -> str:
    return day.isoformat() if day else "not recorded"


def tally(positions: Iterable[Position]) -> dict[str, int]:
    """How many positions are known, negative and of no record (every key present)."""
    counts = {knowledge.value: 0 for knowledge in Knowledge}
    for position in positions:
        counts[position.knowledge.value] += 1
    return counts

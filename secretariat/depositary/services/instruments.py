"""Instruments: recorded with their final clauses, a condition declared fulfilled, a position report."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from typing import Any

from django.db import transaction

from secretariat.core.domain.actors import Actor
from secretariat.core.domain.errors import RuleViolation
from secretariat.core.permissions import require
from secretariat.core.writes import Outcome, clean_sources
from secretariat.depositary.domain import acts as domain_acts
from secretariat.depositary.domain.clauses import FinalClauses
from secretariat.depositary.models import (
    Act,
    ActStatus,
    Instrument,
    InstrumentKind,
    Participation,
    PositionReport,
    Reported,
)
from secretariat.depositary.services.common import (
    _fit,
    _iso,
    _locked_instrument,
    _state_code,
    domain_act,
)
from secretariat.depositary.services.notifications import _issue_entry_into_force_if_due
from secretariat.journal.services import record as journal


@transaction.atomic
def record_instrument(
    actor: Actor,
    *,
    code: str,
    title_en: str,
    title_ru: str = "",
    kind: str,
    adopted_on: dt.date | None = None,
    place_en: str = "",
    place_ru: str = "",
    meeting: str = "",
    parent: str | None = None,
    participation: str = "members",
    eligible_states: Sequence[str] | None = None,
    final_clauses: dict[str, Any] | None = None,
    depositary: str = "",
    depositary_ru: str = "",
    registration: Sequence[str] | None = None,
    registration_ru: Sequence[str] | None = None,
    text_url: str = "",
    sources: Sequence[str] | None = None,
    searched: Sequence[str] | None = None,
    uncertain: bool = False,
    note: str = "",
    note_ru: str = "",
) -> tuple[Instrument, Outcome]:
    """Create or correct an instrument; the same content again changes and journals nothing."""
    require(actor, "depositary.record_instrument")
    code = code.strip()
    if not code or len(code) > 60 or not re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", code):
        raise RuleViolation(
            f"an instrument code is lower-case words joined by hyphens; got {code!r}", field="code"
        )
    if not title_en.strip():
        raise RuleViolation("an instrument needs its title in English", field="title_en")
    if kind not in InstrumentKind.values:
        raise RuleViolation(
            f"unknown kind {kind!r}; use one of {', '.join(InstrumentKind.values)}", field="kind"
        )
    if participation not in Participation.values:
        raise RuleViolation(
            f"participation must be one of {', '.join(Participation.values)}", field="participation"
        )
    clauses = FinalClauses.from_dict(final_clauses or {})
    eligible = sorted({_state_code(s) for s in eligible_states or []})
    if participation == Participation.NAMED and not eligible:
        raise RuleViolation("name the states that may become party", field="eligible_states")
    parent_row = None
    if parent:
        if parent == code:
            raise RuleViolation("an instrument cannot amend itself", field="parent")
        parent_row = Instrument.objects.filter(code=parent).first()
        if parent_row is None:
            raise RuleViolation(f"unknown parent instrument {parent!r}", field="parent")
    for name, entries in (("registration", registration), ("registration_ru", registration_ru)):
        if entries is not None and (
            isinstance(entries, str) or not all(isinstance(r, str) for r in entries)
        ):
            raise RuleViolation(f"{name} must be a list of references", field=name)
    fields: dict[str, Any] = {
        "title_en": title_en.strip(),
        "title_ru": title_ru.strip(),
        "kind": kind,
        "adopted_on": adopted_on,
        "place_en": place_en.strip(),
        "place_ru": place_ru.strip(),
        "meeting": meeting.strip(),
        "parent": parent_row,
        "participation": participation,
        "eligible_states": eligible,
        "final_clauses": clauses.to_dict(),
        "depositary": depositary.strip(),
        "depositary_ru": depositary_ru.strip(),
        "registration": list(registration or []),
        "registration_ru": list(registration_ru or []),
        "text_url": text_url.strip(),
        "sources": clean_sources(sources),
        "searched": clean_sources(searched),
        "uncertain": uncertain,
        "note": note,
        "note_ru": note_ru,
    }
    _fit(Instrument, fields)
    existing = Instrument.objects.select_for_update().filter(code=code).first()
    if existing is None:
        instrument = Instrument.objects.create(code=code, **fields)
        changed = fields
        outcome: Outcome = "created"
    else:
        changed = {k: v for k, v in fields.items() if getattr(existing, k) != v}
        if not changed:
            return existing, "unchanged"
        if existing.adopted_on != adopted_on and adopted_on is not None:
            _check_all(existing, clauses, adopted_on)
        for name, value in changed.items():
            setattr(existing, name, value)
        existing.save(update_fields=list(changed))
        instrument = existing
        outcome = "updated"
    journal(
        actor=actor,
        action=f"instrument.{outcome}",
        subject=f"instrument:{code}",
        data={
            k: (v.code if isinstance(v, Instrument) else _iso(v))
            for k, v in changed.items()
            if k != "final_clauses"
        }
        | ({"final_clauses": clauses.to_dict()} if "final_clauses" in changed else {}),
    )
    if outcome == "updated":
        _issue_entry_into_force_if_due(actor, instrument, dt.date.today())
    return instrument, outcome


def _check_all(instrument: Instrument, clauses: FinalClauses, adopted: dt.date | None) -> None:
    rows = Act.objects.filter(instrument=instrument, status=ActStatus.REGISTERED)
    domain_acts.check_acts(
        [domain_act(row) for row in rows],
        adopted=adopted,
        withdrawal_allowed=clauses.withdrawal.allowed,
        withdrawal_effective=clauses.withdrawal.effective,
    )


@transaction.atomic
def declare_condition(actor: Actor, *, instrument: str, date: dt.date, reason: str) -> Instrument:
    """Record the depositary's finding that the condition was met (a weight it cannot compute)."""
    require(actor, "depositary.declare_condition")
    row = _locked_instrument(instrument)
    if not reason.strip():
        raise RuleViolation("give the reason for declaring the condition met", field="reason")
    clauses = row.final_clauses or {}
    eif = dict(clauses.get("entry_into_force") or {})
    eif["declared"] = {"date": date.isoformat(), "reason": reason.strip()}
    updated = FinalClauses.from_dict({**clauses, "entry_into_force": eif}).to_dict()
    row.final_clauses = updated
    row.save(update_fields=["final_clauses"])
    journal(
        actor=actor,
        action="instrument.condition_declared",
        subject=f"instrument:{row.code}",
        data={"date": date.isoformat(), "reason": reason.strip()},
    )
    _issue_entry_into_force_if_due(actor, row, date)
    return row


@transaction.atomic
def record_position_report(
    actor: Actor,
    *,
    instrument: str,
    state: str,
    date: dt.date,
    says: str,
    sources: Sequence[str],
    text: str = "",
    text_ru: str = "",
    uncertain: bool = False,
    note: str = "",
    note_ru: str = "",
) -> tuple[PositionReport, Outcome]:
    """Record what a source says about a state's consent on a date (no act of it is known).

    A report is a fact and needs its source; the same report again changes nothing.
    """
    require(actor, "depositary.record_instrument")
    row = _locked_instrument(instrument)
    code = _state_code(state)
    if says not in Reported.values:
        raise RuleViolation(f"says must be one of {', '.join(Reported.values)}", field="says")
    cleaned = clean_sources(sources)
    if not cleaned:
        raise RuleViolation("a report needs the source it comes from", field="sources")
    if row.adopted_on is not None and date < row.adopted_on:
        raise RuleViolation(
            f"a report of {date.isoformat()} predates the instrument's adoption "
            f"({row.adopted_on.isoformat()})",
            field="date",
        )
    fields = {
        "text": text.strip(),
        "text_ru": text_ru.strip(),
        "sources": cleaned,
        "uncertain": uncertain,
        "note": note,
        "note_ru": note_ru,
    }
    key = {"instrument": row, "state": code, "date": date, "says": says}
    existing = PositionReport.objects.select_for_update().filter(**key).first()
    outcome: Outcome
    if existing is not None:
        changed = {k: v for k, v in fields.items() if getattr(existing, k) != v}
        if not changed:
            return existing, "unchanged"
        for name, value in changed.items():
            setattr(existing, name, value)
        existing.save(update_fields=list(changed))
        report, outcome = existing, "updated"
    else:
        report = PositionReport.objects.create(**key, **fields)
        outcome = "created"
    journal(
        actor=actor,
        action=f"position_report.{outcome}",
        subject=f"instrument:{row.code}",
        data={"state": code, "date": date.isoformat(), "says": says, **fields},
    )
    return report, outcome

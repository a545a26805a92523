"""The depositary's JSON format (secretariat-depositary/1): read, check, store, compute, write.

Use `check(document)` to get every error of a file with its JSON path (nothing stops at the first
one), `parse` to turn a checked file into domain objects (so `status` can be computed without
storing anything), `store` to write it through the services in one transaction, and
`export_instrument` / `export_all` to write the same format back. `schema/instrument.schema.json`
is the published JSON Schema; docs/depositary.md describes each field.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

from django.db import transaction
from jsonschema import Draft202012Validator

from secretariat.core.domain.actors import Actor
from secretariat.core.domain.errors import DomainError, RuleViolation
from secretariat.core.organization import organization
from secretariat.core.terms import term_label
from secretariat.depositary import services
from secretariat.depositary.domain import countries
from secretariat.depositary.domain.acts import Act as DomainAct
from secretariat.depositary.domain.acts import ActKind, check_acts
from secretariat.depositary.domain.clauses import FinalClauses
from secretariat.depositary.domain.engine import InstrumentStatus, evaluate

FORMAT = "secretariat-depositary/1"
SCHEMA_PATH = Path(__file__).resolve().parent / "schema" / "instrument.schema.json"


class InvalidDocument(Exception):
    """The file does not follow the format; `errors` lists each problem with its JSON path."""

    def __init__(self, errors: list[str]) -> None:
        super().__init__("\n".join(errors))
        self.errors = errors


@cache
def schema() -> dict[str, Any]:
    loaded: dict[str, Any] = json.loads(SCHEMA_PATH.read_text(encoding="utf-8"))
    return loaded


def _path(parts: Iterable[Any]) -> str:
    text = "$"
    for part in parts:
        text += f"[{part}]" if isinstance(part, int) else f".{part}"
    return text


def instruments_of(document: Any) -> list[tuple[str, dict[str, Any]]]:
    """The instruments of a file with the JSON path of each."""
    if isinstance(document, dict) and "instruments" in document:
        return [(f"$.instruments[{i}]", row) for i, row in enumerate(document["instruments"])]
    return [("$", document)]


@dataclass
class ParsedInstrument:
    path: str
    fields: dict[str, Any]
    clauses: FinalClauses
    acts: list[DomainAct] = field(default_factory=list)
    act_fields: list[dict[str, Any]] = field(default_factory=list)
    reports: list[dict[str, Any]] = field(default_factory=list)


def _validator(document: Any) -> Draft202012Validator:
    """The schema's branch the document means: a list of instruments, or one instrument."""
    full = schema()
    if isinstance(document, dict) and "instruments" in document:
        branch = full["oneOf"][1]
    else:
        branch = full["oneOf"][0]
    return Draft202012Validator({**branch, "$defs": full["$defs"]})


def check(document: Any) -> list[ParsedInstrument]:
    """Every error of the document with its path (InvalidDocument), or the parsed instruments."""
    errors = [
        f"{_path(error.absolute_path)}: {error.message}"
        for error in sorted(
            _validator(document).iter_errors(document),
            key=lambda e: list(map(str, e.absolute_path)),
        )
    ]
    if errors:
        raise InvalidDocument(errors)
    parsed: list[ParsedInstrument] = []
    problems: list[str] = []
    for path, row in instruments_of(document):
        try:
            parsed.append(_parse(path, row))
        except _Problems as found:
            problems.extend(found.errors)
    if problems:
        raise InvalidDocument(problems)
    return parsed


class _Problems(Exception):
    def __init__(self, errors: list[str]) -> None:
        super().__init__("\n".join(errors))
        self.errors = errors


def _date(value: Any) -> dt.date | None:
    return dt.date.fromisoformat(value) if value else None


def _parse(path: str, row: dict[str, Any]) -> ParsedInstrument:
    errors: list[str] = []
    try:
        # A record without final clauses takes the organization's default form (organization.json
        # `default_final_clauses`); an empty object says "in force on adoption".
        given = row.get("final_clauses")
        clauses = FinalClauses.from_dict(
            given if given is not None else organization().default_final_clauses
        )
    except RuleViolation as exc:
        errors.append(f"{path}.{exc.message}")
        clauses = FinalClauses()
    eligible: list[str] = []
    for i, raw in enumerate(row.get("eligible_states") or []):
        try:
            eligible.append(countries.resolve(raw))
        except RuleViolation as exc:
            errors.append(f"{path}.eligible_states[{i}]: {exc.message}")
    fields = {
        key: row.get(key)
        for key in (
            "code",
            "title_en",
            "title_ru",
            "kind",
            "place_en",
            "place_ru",
            "meeting",
            "parent",
            "participation",
            "depositary",
            "depositary_ru",
            "registration",
            "registration_ru",
            "text_url",
            "sources",
            "searched",
            "uncertain",
            "note",
            "note_ru",
        )
        if row.get(key) is not None
    }
    fields["adopted_on"] = _date(row.get("adopted_on"))
    fields["eligible_states"] = eligible
    fields["final_clauses"] = clauses.to_dict()
    parsed = ParsedInstrument(path, fields, clauses)
    seen: dict[tuple[str, str, dt.date], int] = {}
    for i, act in enumerate(row.get("acts") or []):
        where = f"{path}.acts[{i}]"
        try:
            state = countries.resolve(act["state"])
        except RuleViolation as exc:
            errors.append(f"{where}.state: {exc.message}")
            continue
        kind = ActKind(act["kind"])
        date = dt.date.fromisoformat(act["date"])
        revokes = None
        target_ref = act.get("revokes")
        if target_ref is not None:
            revokes = seen.get(
                (state, target_ref["kind"], dt.date.fromisoformat(target_ref["date"]))
            )
            if revokes is None:
                errors.append(
                    f"{where}.revokes: no earlier {target_ref['kind']} of {state} dated "
                    f"{target_ref['date']} in this file"
                )
                continue
        key = i + 1
        seen[(state, kind.value, date)] = key
        parsed.acts.append(
            DomainAct(
                key=key,
                state=state,
                kind=kind,
                date=date,
                deposited=act.get("deposited", True),
                named_date=_date(act.get("named_date")),
                revokes=revokes,
                domestic_date=_date(act.get("domestic_date")),
            )
        )
        parsed.act_fields.append({**act, "state": state, "_where": where})
    for i, report in enumerate(row.get("reports") or []):
        try:
            state = countries.resolve(report["state"])
        except RuleViolation as exc:
            errors.append(f"{path}.reports[{i}].state: {exc.message}")
            continue
        parsed.reports.append(
            {**report, "state": state, "date": dt.date.fromisoformat(report["date"])}
        )
    if not errors:
        try:
            check_acts(
                parsed.acts,
                adopted=fields["adopted_on"],
                withdrawal_allowed=clauses.withdrawal.allowed,
                withdrawal_effective=clauses.withdrawal.effective,
            )
        except RuleViolation as exc:
            errors.append(f"{path}.acts: {exc.message}")
    if errors:
        raise _Problems(errors)
    return parsed


def load_file(path: Path) -> Any:
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError) as exc:
        raise InvalidDocument([f"cannot read {path}: {exc}"]) from None
    except json.JSONDecodeError as exc:
        raise InvalidDocument(
            [f"$: not JSON: line {exc.lineno} column {exc.colno}: {exc.msg}"]
        ) from None


# --- status without storing ----------------------------------------------------------------------


def status_of_parsed(
    parsed: ParsedInstrument, as_of: dt.date, members: frozenset[str] = frozenset()
) -> InstrumentStatus:
    """A file's status on a date; `members` are the organization's member states, for a clause
    that counts "q by member states" and names no reference group of its own."""
    return evaluate(
        parsed.clauses,
        parsed.acts,
        as_of=as_of,
        adopted=parsed.fields["adopted_on"],
        members=members,
    )


def status_document(code: str, status: InstrumentStatus) -> dict[str, Any]:
    """The `status --json` answer: the instrument's date and each state's standing and date."""
    return {
        "instrument": code,
        "as_of": status.as_of.isoformat(),
        "condition_met_on": _iso(status.condition_met_on),
        "entry_into_force": _iso(status.entry_into_force),
        "in_force": status.in_force,
        "basis": status.basis,
        "completed_by": (
            {
                "state": status.completed_by.state,
                "kind": status.completed_by.kind.value,
                "date": status.completed_by.date.isoformat(),
            }
            if status.completed_by
            else None
        ),
        "jointly": sorted({a.state for a in status.jointly}),
        "waiting_for": list(status.waiting_for),
        "still_needed": list(status.still_needed),
        "effective_from": _iso(status.effective_from),
        "term_ends": _iso(status.term_ends),
        "signatories": status.signatories,
        "parties": status.parties,
        "states": [
            {
                "state": s.state,
                "standing": s.standing.value,
                "signature": _iso(s.signature.date) if s.signature else None,
                "consent": s.consent.kind.value if s.consent else None,
                "consent_date": _iso(s.consent.date) if s.consent else None,
                "in_force_from": _iso(s.in_force_from),
                "withdrawal_effective": _iso(s.withdrawal_effective),
                "basis": s.basis,
            }
            for s in sorted(status.states.values(), key=lambda s: s.state)
        ],
        "flags": [f.message for f in status.flags],
    }


def _iso(day: dt.date | None) -> str | None:
    return day.isoformat() if day else None


# --- storing -------------------------------------------------------------------------------------


@transaction.atomic
def store(
    document: Any, actor: Actor, *, counts: Counter[str] | None = None, historical: bool = False
) -> Counter[str]:
    """Check the whole document, then write it through the services (all or nothing).

    `historical`: notifications are dated on the acts' own dates (a dataset of past events);
    otherwise they are dated today.
    """
    parsed = check(document)
    counts = counts if counts is not None else Counter()
    for item in parsed:
        try:
            _, outcome = services.record_instrument(actor, **item.fields)
        except DomainError as exc:
            raise InvalidDocument([f"{item.path}: {exc.message}"]) from None
        counts[f"instruments.{outcome}"] += 1
        stored: dict[int, int] = {}
        order = sorted(range(len(item.acts)), key=lambda i: (item.acts[i].date, i))
        for i in order:
            act = item.acts[i]
            extra = item.act_fields[i]
            try:
                row, outcome = services.submit_act(
                    actor,
                    instrument=item.fields["code"],
                    state=act.state,
                    kind=act.kind.value,
                    date=act.date,
                    date_precision=extra.get("date_precision", "day"),
                    deposited=act.deposited,
                    named_date=act.named_date,
                    revokes=stored[act.revokes] if act.revokes is not None else None,
                    domestic_act=extra.get("domestic_act", ""),
                    domestic_act_ru=extra.get("domestic_act_ru", ""),
                    domestic_date=act.domestic_date,
                    text=extra.get("text", ""),
                    territory=extra.get("territory", ""),
                    document=extra.get("document", ""),
                    sources=extra.get("sources", []),
                    uncertain=extra.get("uncertain", False),
                    note=extra.get("note", ""),
                    note_ru=extra.get("note_ru", ""),
                    issued_on=act.date if historical else None,
                    # A past event's notification keeps only the number its source gives.
                    notification_number=(extra.get("notification") or "") if historical else "",
                )
            except DomainError as exc:
                raise InvalidDocument([f"{extra['_where']}: {exc.message}"]) from None
            stored[act.key] = row.pk
            counts[f"acts.{outcome}"] += 1
        for report in item.reports:
            try:
                _, outcome = services.record_position_report(
                    actor,
                    instrument=item.fields["code"],
                    state=report["state"],
                    date=report["date"],
                    says=report["says"],
                    sources=report["sources"],
                    text=report.get("text", ""),
                    text_ru=report.get("text_ru", ""),
                    uncertain=report.get("uncertain", False),
                    note=report.get("note", ""),
                    note_ru=report.get("note_ru", ""),
                )
            except DomainError as exc:
                raise InvalidDocument([f"{item.path}.reports: {exc.message}"]) from None
            counts[f"reports.{outcome}"] += 1
    return counts


# --- writing -------------------------------------------------------------------------------------


def export_instrument(code: str, as_of: dt.date | None = None) -> dict[str, Any]:
    """One instrument in the import format, with its registered acts and the computed status."""
    from secretariat.depositary import selectors
    from secretariat.depositary.models import ActStatus

    row = selectors.instrument(code, as_of)
    on = as_of or dt.date.today()
    status = selectors.status_of(row, on)
    # Without a date: the whole record (acts may be dated ahead); with one, what existed then.
    acts = selectors.acts_for(Actor.system("export"), code, as_of=as_of).filter(
        status=ActStatus.REGISTERED
    )
    notices = selectors.notifications(instrument_code=code, as_of=as_of).filter(act__isnull=False)
    notified = dict(notices.values_list("act_id", "number"))
    document: dict[str, Any] = {
        "format": FORMAT,
        "code": row.code,
        "title_en": row.title_en,
        "title_ru": row.title_ru,
        "kind": row.kind,
        "adopted_on": _iso(row.adopted_on),
        "place_en": row.place_en,
        "place_ru": row.place_ru,
        "meeting": row.meeting,
        "parent": row.parent_id,
        "participation": row.participation,
        "eligible_states": row.eligible_states,
        "final_clauses": row.final_clauses,
        "depositary": row.depositary,
        "depositary_ru": row.depositary_ru,
        "registration": row.registration,
        "registration_ru": row.registration_ru,
        "text_url": row.text_url,
        "sources": row.sources,
        "searched": row.searched,
        "uncertain": row.uncertain,
        "note": row.note,
        "note_ru": row.note_ru,
        "status": status_document(row.code, status),
        "acts": [],
        "reports": [
            {
                "state": report.state,
                "date": report.date.isoformat(),
                "says": report.says,
                "text": report.text,
                "text_ru": report.text_ru,
                "sources": report.sources,
                "uncertain": report.uncertain,
                "note": report.note,
                "note_ru": report.note_ru,
            }
            for report in selectors.reports(code, as_of)
        ],
    }
    effective = status.effective_dates()
    for act in acts:
        entry: dict[str, Any] = {
            "state": act.state,
            "kind": act.kind,
            "date": act.date.isoformat(),
            "date_precision": act.date_precision,
            "deposited": act.deposited,
            "named_date": _iso(act.named_date),
            "domestic_act": act.domestic_act,
            "domestic_act_ru": act.domestic_act_ru,
            "domestic_date": _iso(act.domestic_date),
            "text": act.text,
            "territory": act.territory,
            "document": act.document,
            "effective_on": _iso(effective.get(act.pk)),
            "notification": notified.get(act.pk),
            "sources": act.sources,
            "uncertain": act.uncertain,
            "note": act.note,
            "note_ru": act.note_ru,
        }
        if act.revokes is not None:
            entry["revokes"] = {"kind": act.revokes.kind, "date": act.revokes.date.isoformat()}
        document["acts"].append(entry)
    return document


def export_all(as_of: dt.date | None = None) -> dict[str, Any]:
    from secretariat.depositary import selectors

    return {
        "format": FORMAT,
        "exported_at": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
        "instruments": [export_instrument(row.code, as_of) for row in selectors.instruments(as_of)],
    }


INSTRUMENT_CSV_COLUMNS = [
    "state",
    "state_name",
    "standing",
    "signature",
    "consent",
    "consent_date",
    "in_force_from",
    "withdrawal_notice",
    "withdrawal_effective",
    "reservations_and_declarations",
    # Both languages of every text, and the codes' labels in the language of the address
    # (/en/… or /ru/…): the columns above stay codes and ISO dates, for programs.
    "state_name_ru",
    "standing_label",
    "consent_label",
    # "no" when the standings below are not a count of parties: an instrument in force on a sourced
    # date whose parties are not recorded, or a Council decision in effect on adoption, which has
    # none (the API says null for both, never 0).
    "parties_recorded",
]


def instrument_csv(
    status: InstrumentStatus, names: dict[str, str], names_ru: dict[str, str] | None = None
) -> str:
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(INSTRUMENT_CSV_COLUMNS)
    for s in sorted(status.states.values(), key=lambda s: names.get(s.state, s.state)):
        writer.writerow(
            [
                s.state,
                names.get(s.state, s.state),
                s.standing.value,
                _iso(s.signature.date) if s.signature else "",
                s.consent.kind.value if s.consent else "",
                _iso(s.consent.date) if s.consent else "",
                _iso(s.in_force_from) or "",
                _iso(s.withdrawal.date) if s.withdrawal else "",
                _iso(s.withdrawal_effective) or "",
                len(s.annotations),
                (names_ru or {}).get(s.state, ""),
                term_label(s.standing),
                term_label(s.consent.kind) if s.consent else "",
                "yes" if status.parties_recorded and not status.on_adoption else "no",
            ]
        )
    return out.getvalue()


STATE_CSV_COLUMNS = [
    "instrument",
    "title",
    "instrument_in_force",
    "entry_into_force",
    "standing",
    "signature",
    "consent",
    "consent_date",
    "in_force_from",
    "outstanding",
    "position",
    "position_summary",
    "parties_recorded",
    "title_ru",
    "standing_label",
    "consent_label",
]


def state_csv(rows: Iterable[Any]) -> str:
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(STATE_CSV_COLUMNS)
    for row in rows:
        s = row.state
        writer.writerow(
            [
                row.instrument.code,
                row.instrument.title_en,
                "yes" if row.status.in_force else "no",
                _iso(row.status.entry_into_force) or "",
                s.standing.value if s else "none",
                _iso(s.signature.date) if s and s.signature else "",
                s.consent.kind.value if s and s.consent else "",
                _iso(s.consent.date) if s and s.consent else "",
                _iso(s.in_force_from) if s else "",
                "yes" if s and s.outstanding else "no",
                row.position.knowledge.value if row.position else "no_record",
                row.position.summary if row.position else "no record",
                "yes" if row.status.parties_recorded else "no",
                row.instrument.title_ru,
                term_label(s.standing if s else "none"),
                term_label(s.consent.kind) if s and s.consent else "",
            ]
        )
    return out.getvalue()

"""The only writers of depositary records. Each function checks permission, validates, writes and
journals in one transaction; on any error nothing is written.

The workflow: a delegation submits an act for its own state with the document (`submit_act`); the
depositary officer examines it and registers it (`register_act`) or returns it with reasons
(`return_act`). The secretariat may also record an act directly (it is registered at once), which
is how the dataset and imports arrive. Registration issues a numbered notification, recomputes
entry into force and, the first time the condition is met, issues the entry-into-force
notification: exactly once, because the instrument row is locked for the registration and a
unique constraint backs the lock.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
from collections.abc import Mapping, Sequence
from typing import IO, Any

from django.conf import settings
from django.core.files import File
from django.core.files.storage import default_storage
from django.db import IntegrityError, connection, transaction
from django.utils import timezone

from secretariat.core.domain.actors import Actor, Role
from secretariat.core.domain.errors import NotFound, RuleViolation
from secretariat.core.permissions import require
from secretariat.core.signing import VerifiedSubmission, verify_submission_statement
from secretariat.core.writes import Outcome, clean_sources
from secretariat.depositary import wording
from secretariat.depositary.domain import acts as domain_acts
from secretariat.depositary.domain import countries
from secretariat.depositary.domain import documents as domain_documents
from secretariat.depositary.domain.acts import CONSENT_KINDS, ActKind
from secretariat.depositary.domain.clauses import FinalClauses
from secretariat.depositary.domain.engine import evaluate
from secretariat.depositary.models import (
    Act,
    ActDocument,
    ActStatus,
    Instrument,
    InstrumentKind,
    Notification,
    NotificationKind,
    Participation,
    PositionReport,
    Precision,
    Reported,
)
from secretariat.journal.services import record as journal

# Any constant works; it only has to be the same for every process numbering notifications.
_NUMBERING_LOCK_KEY = 7_242_019_920_603


def _iso(value: Any) -> Any:
    return value.isoformat() if isinstance(value, dt.date) else value


def _fit(model: type[Any], values: dict[str, Any]) -> None:
    """Refuse text longer than its column (PostgreSQL would refuse it with a server error)."""
    for name, value in values.items():
        limit = getattr(model._meta.get_field(name), "max_length", None)
        if isinstance(value, str) and limit is not None and len(value) > limit:
            raise RuleViolation(f"{name} is longer than {limit} characters", field=name)


def _state_code(value: str) -> str:
    return countries.resolve(value)


def _locked_instrument(code: str) -> Instrument:
    found = Instrument.objects.select_for_update().filter(code=code).first()
    if found is None:
        raise RuleViolation(f"unknown instrument {code!r}", field="instrument")
    return found


# --- instruments ---------------------------------------------------------------------------------


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


def clauses_of(instrument: Instrument) -> FinalClauses:
    return FinalClauses.from_dict(instrument.final_clauses)


def domain_act(row: Act) -> domain_acts.Act:
    return domain_acts.Act(
        key=row.pk,
        state=row.state,
        kind=ActKind(row.kind),
        date=row.date,
        deposited=row.deposited,
        named_date=row.named_date,
        revokes=row.revokes_id,
        domestic_date=row.domestic_date,
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


# --- what sources report about a state's consent ------------------------------------------------


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


# --- acts ----------------------------------------------------------------------------------------


def _validated_fields(
    instrument: Instrument,
    *,
    state: str,
    kind: str,
    date: dt.date,
    date_precision: str,
    named_date: dt.date | None,
    revokes: int | None,
) -> tuple[str, ActKind, Act | None]:
    code = _state_code(state)
    try:
        act_kind = ActKind(kind)
    except ValueError:
        choices = ", ".join(k.value for k in ActKind)
        raise RuleViolation(f"unknown act {kind!r}; use one of {choices}", field="kind") from None
    if date_precision not in Precision.values:
        raise RuleViolation("date_precision must be day, month or year", field="date_precision")
    if date > dt.date.today() + dt.timedelta(days=366):
        raise RuleViolation("an act cannot be dated more than a year ahead", field="date")
    if named_date is not None and named_date < date:
        raise RuleViolation(
            "the date named for a withdrawal cannot come before its notice", field="named_date"
        )
    if (
        instrument.participation == Participation.NAMED
        and act_kind in (CONSENT_KINDS | {ActKind.SIGNATURE})
        and code not in instrument.eligible_states
    ):
        raise RuleViolation(
            f"{code} is not among the states that may become party to {instrument.code}",
            field="state",
        )
    if instrument.participation == Participation.MEMBERS and act_kind in (
        CONSENT_KINDS | {ActKind.SIGNATURE}
    ):
        from secretariat.members.models import MemberState

        if not MemberState.objects.filter(code=code).exists():
            raise RuleViolation(
                f"{instrument.code} is open to member states only; {code} is not one",
                field="state",
            )
    target = None
    if revokes is not None:
        target = Act.objects.filter(
            pk=revokes, instrument=instrument, status=ActStatus.REGISTERED
        ).first()
        if target is None:
            raise RuleViolation(
                "the act to revoke is not a registered act of this instrument", field="revokes"
            )
    return code, act_kind, target


def _check_fits(instrument: Instrument, candidate: domain_acts.Act) -> list[domain_acts.Flag]:
    clauses = clauses_of(instrument)
    rows = Act.objects.filter(instrument=instrument, status=ActStatus.REGISTERED)
    existing = [domain_act(row) for row in rows if row.pk != candidate.key]
    return domain_acts.check_acts(
        [*existing, candidate],
        adopted=instrument.adopted_on,
        withdrawal_allowed=clauses.withdrawal.allowed,
        withdrawal_effective=clauses.withdrawal.effective,
    )


@transaction.atomic
def submit_act(
    actor: Actor,
    *,
    instrument: str,
    state: str,
    kind: str,
    date: dt.date,
    date_precision: str = "day",
    deposited: bool = True,
    named_date: dt.date | None = None,
    revokes: int | None = None,
    domestic_act: str = "",
    domestic_act_ru: str = "",
    domestic_date: dt.date | None = None,
    text: str = "",
    territory: str = "",
    document: str = "",
    sources: Sequence[str] | None = None,
    uncertain: bool = False,
    note: str = "",
    note_ru: str = "",
    issued_on: dt.date | None = None,
    notification_number: str = "",
    signed: Mapping[str, Any] | None = None,
) -> tuple[Act, Outcome]:
    """A delegation submits its own state's act (pending); the secretariat records one directly.

    A delegation may sign the submission (`signed`: statement, signature, key_id): the signature
    is checked against its state's registered key, the statement must describe this very act, and
    a statement is accepted once (docs/signing.md).
    """
    code = _state_code(state)
    require(actor, "depositary.submit_act", code)
    row = _locked_instrument(instrument)
    code, act_kind, target = _validated_fields(
        row,
        state=code,
        kind=kind,
        date=date,
        date_precision=date_precision,
        named_date=named_date,
        revokes=revokes,
    )
    fields: dict[str, Any] = {
        "date_precision": date_precision,
        "deposited": deposited,
        "named_date": named_date,
        "revokes": target,
        "domestic_act": domestic_act.strip(),
        "domestic_act_ru": domestic_act_ru.strip(),
        "domestic_date": domestic_date,
        "text": text.strip(),
        "territory": territory.strip(),
        "document": document.strip(),
        "sources": clean_sources(sources),
        "uncertain": uncertain,
        "note": note,
        "note_ru": note_ru,
    }
    _fit(Act, fields)
    candidate = domain_acts.Act(
        key=0,
        state=code,
        kind=act_kind,
        date=date,
        deposited=deposited,
        named_date=named_date,
        revokes=target.pk if target else None,
        domestic_date=domestic_date,
    )
    if actor.role is Role.DELEGATION:
        if not document.strip():
            raise RuleViolation(
                "attach the instrument: give the document's reference", field="document"
            )
        _check_fits(row, candidate)
        evidence: dict[str, Any] = {}
        signature_fields: dict[str, Any] = {}
        if signed is not None:
            verified = _verified_signature(
                signed,
                instrument=row.code,
                state=code,
                kind=act_kind.value,
                date=date,
                document=document.strip(),
            )
            evidence = verified.journal_data()
            signature_fields = {
                "signed_statement": dict(signed["statement"]),
                "signature_key_id": verified.key_id,
                "signature": verified.signature,
            }
        act = Act.objects.create(
            instrument=row,
            state=code,
            kind=act_kind.value,
            date=date,
            status=ActStatus.PENDING,
            submitted_by=actor.username or "",
            **fields,
            **signature_fields,
        )
        journal(
            actor=actor,
            action="act.submitted",
            subject=f"act:{act.pk}",
            data={
                "instrument": row.code,
                "state": code,
                "kind": kind,
                "date": date.isoformat(),
                **evidence,
            },
        )
        return act, "created"
    if signed is not None:
        raise RuleViolation("only a delegation signs its own submissions", field="signed")

    key = {"instrument": row, "state": code, "kind": act_kind.value, "date": date}
    existing = Act.objects.select_for_update().filter(**key, status=ActStatus.REGISTERED).first()
    if existing is not None:
        changed = {k: v for k, v in fields.items() if getattr(existing, k) != v}
        if not changed:
            return existing, "unchanged"
        _check_fits(
            row,
            domain_acts.Act(
                key=existing.pk,
                state=code,
                kind=act_kind,
                date=date,
                deposited=deposited,
                named_date=named_date,
                revokes=target.pk if target else None,
                domestic_date=domestic_date,
            ),
        )
        for name, value in changed.items():
            setattr(existing, name, value)
        existing.save(update_fields=list(changed))
        journal(
            actor=actor,
            action="act.corrected",
            subject=f"act:{existing.pk}",
            data={
                "instrument": row.code,
                "state": code,
                "kind": kind,
                "date": date.isoformat(),
                **{k: (v.pk if isinstance(v, Act) else _iso(v)) for k, v in changed.items()},
            },
        )
        _issue_entry_into_force_if_due(actor, row, issued_on or dt.date.today())
        return existing, "updated"

    _check_fits(row, candidate)
    act = Act.objects.create(
        instrument=row,
        state=code,
        kind=act_kind.value,
        date=date,
        status=ActStatus.PENDING,
        submitted_by=actor.username or "",
        **fields,
    )
    _register(actor, row, act, issued_on or dt.date.today(), notification_number)
    return act, "created"


def _pending_act(actor: Actor, act_id: int, action: str) -> tuple[Instrument, Act]:
    found = Act.objects.filter(pk=act_id).only("instrument_id", "state").first()
    if found is None:
        raise NotFound("No such act.")
    require(actor, action, found.state)
    instrument = _locked_instrument(found.instrument_id)
    act = Act.objects.select_for_update().get(pk=act_id)
    if act.status != ActStatus.PENDING:
        raise RuleViolation(f"this act is already {act.status}", field="status")
    return instrument, act


@transaction.atomic
def register_act(actor: Actor, *, act_id: int, issued_on: dt.date | None = None) -> Act:
    """The depositary finds the instrument in due and proper form and registers it."""
    instrument, act = _pending_act(actor, act_id, "depositary.register_act")
    if Act.objects.filter(
        instrument=instrument,
        state=act.state,
        kind=act.kind,
        date=act.date,
        status=ActStatus.REGISTERED,
    ).exists():
        raise RuleViolation("the same act is already registered", field="date")
    if not act.documents.exists():
        # Only submitted acts wait here; an act the secretariat records directly (imports, the
        # dataset) is registered at once and needs no file.
        raise RuleViolation(
            "no document is attached to this submission: the instrument cannot be examined "
            "without it; wait for the delegation to attach it, or return the act",
            field="documents",
        )
    _check_fits(instrument, domain_act(act))
    _register(actor, instrument, act, issued_on or dt.date.today())
    return act


@transaction.atomic
def return_act(actor: Actor, *, act_id: int, reason: str) -> Act:
    """The depositary returns a submission that is not in due and proper form, with reasons."""
    _, act = _pending_act(actor, act_id, "depositary.return_act")
    if not reason.strip():
        raise RuleViolation("give the reasons for returning the instrument", field="reason")
    act.status = ActStatus.RETURNED
    act.decided_by = actor.username or ""
    act.decision_reason = reason.strip()
    act.save(update_fields=["status", "decided_by", "decision_reason"])
    journal(
        actor=actor,
        action="act.returned",
        subject=f"act:{act.pk}",
        data={"instrument": act.instrument_id, "state": act.state, "reason": act.decision_reason},
    )
    return act


def notified(act: Act) -> bool:
    """Whether the depositary notifies the act: not a consent it never received (a ratification
    known only from the state's own law does not count, so nothing is communicated about it)."""
    return not (ActKind(act.kind) in CONSENT_KINDS and not act.deposited)


def _register(
    actor: Actor, instrument: Instrument, act: Act, issued_on: dt.date, source_number: str = ""
) -> None:
    act.status = ActStatus.REGISTERED
    act.decided_by = actor.username or ""
    act.registered_at = timezone.now()
    act.save(update_fields=["status", "decided_by", "registered_at"])
    notification = None
    if notified(act):
        subject_ru, body_ru = wording.act_notice_ru(instrument, act)
        notification = _issue(
            kind=NotificationKind.ACT,
            instrument=instrument,
            act=act,
            state=act.state,
            issued_on=issued_on,
            effective_on=None,
            subject=f"{instrument.title_en}: {act.kind.replace('_', ' ')} by "
            f"{countries.name_of(act.state)}",
            body=_act_body(instrument, act),
            subject_ru=subject_ru,
            body_ru=body_ru,
            sources=act.sources,
            number=source_number,
        )
    journal(
        actor=actor,
        action="act.registered",
        subject=f"act:{act.pk}",
        data={
            "instrument": instrument.code,
            "state": act.state,
            "kind": act.kind,
            "date": act.date.isoformat(),
            "notification": notification.reference if notification else None,
        },
    )
    _issue_entry_into_force_if_due(actor, instrument, issued_on)


def _act_body(instrument: Instrument, act: Act) -> str:
    who = countries.name_of(act.state)
    text = (
        f"The depositary communicates that on {act.date.isoformat()} {who} "
        f"{'deposited' if act.deposited else 'reported'} an act of "
        f"{act.kind.replace('_', ' ')} concerning the {instrument.title_en}."
    )
    if act.domestic_act:
        text += f" Domestic act: {act.domestic_act}."
    if act.named_date:
        text += f" Date named by the state: {act.named_date.isoformat()}."
    if act.text:
        text += f" Text: {act.text}"
    return text


def _reconstructed(issued_on: dt.date) -> bool:
    """A notification dated before today is written now for a past event: a reconstruction."""
    return issued_on < dt.date.today()


def _reconstruction_name(
    kind: str, instrument: Instrument, act: Act | None, issued_on: dt.date
) -> str:
    """A name for an unnumbered notification, made only of what it notifies: a registered act is
    unique by instrument, state, kind and date, and an entry into force by its instrument."""
    if kind == NotificationKind.ENTRY_INTO_FORCE or act is None:
        return f"R.{instrument.code}.entry-into-force"
    return f"R.{instrument.code}.{act.state}.{act.kind}.{act.date.isoformat()}"


def _next_number(year: int) -> int:
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("SELECT pg_advisory_xact_lock(%s)", [_NUMBERING_LOCK_KEY])
    last = Notification.objects.filter(year=year).order_by("-seq").values_list("seq", flat=True)
    return (last.first() or 0) + 1


def _issue(
    *,
    kind: str,
    instrument: Instrument,
    act: Act | None,
    state: str,
    issued_on: dt.date,
    effective_on: dt.date | None,
    subject: str,
    body: str,
    subject_ru: str = "",
    body_ru: str = "",
    sources: Sequence[str] = (),
    number: str = "",
) -> Notification:
    """Issue a notification. Issued today, it takes the year's next number, so numbers follow the
    dates of issue; dated in the past, it is a reconstruction, numbered only with the number its
    source gives (`number`), never with one made up now."""
    year = issued_on.year
    seq: int | None = None
    reconstructed = _reconstructed(issued_on)
    if not reconstructed:
        seq = _next_number(year)
        number = f"DN.{seq}.{year}"
    elif number:
        number = number.strip()
        if Notification.objects.filter(number=number).exists():
            raise RuleViolation(
                f"notification number {number} is already recorded", field="notification"
            )
    reference = number or _reconstruction_name(kind, instrument, act, issued_on)
    return Notification.objects.create(
        number=number or None,
        reference=reference,
        year=year,
        seq=seq,
        reconstructed=reconstructed,
        sources=list(sources) if reconstructed else [],
        kind=kind,
        instrument=instrument,
        act=act,
        state=state,
        issued_on=issued_on,
        effective_on=effective_on,
        subject_en=subject[:400],
        body_en=body,
        subject_ru=subject_ru[:400],
        body_ru=body_ru,
    )


def _issue_entry_into_force_if_due(
    actor: Actor, instrument: Instrument, issued_on: dt.date
) -> Notification | None:
    """Issue the entry-into-force notification the first time the condition is met."""
    if Notification.objects.filter(
        instrument=instrument, kind=NotificationKind.ENTRY_INTO_FORCE
    ).exists():
        return None
    rows = Act.objects.filter(instrument=instrument, status=ActStatus.REGISTERED)
    acts = [domain_act(row) for row in rows]
    horizon = max([dt.date.today(), issued_on, *(a.date for a in acts)])
    status = evaluate(
        clauses_of(instrument),
        acts,
        as_of=horizon,
        adopted=instrument.adopted_on,
        members=_members(),
        check=False,
    )
    if status.entry_into_force is None or not acts:
        return None
    completing = status.completed_by
    # Notified when the condition is met, never before: a declared condition may postdate the act.
    if status.condition_met_on is not None and status.condition_met_on > issued_on:
        issued_on = status.condition_met_on
    notice_ru = wording.entry_into_force_notice_ru(instrument, status)
    try:
        with transaction.atomic():  # a savepoint: a concurrent issuer's row wins, ours rolls back
            notification = _issue(
                kind=NotificationKind.ENTRY_INTO_FORCE,
                instrument=instrument,
                act=Act.objects.filter(pk=completing.key).first() if completing else None,
                state="",
                issued_on=issued_on,
                effective_on=status.entry_into_force,
                sources=instrument.sources,
                subject=f"{instrument.title_en}: entry into force on "
                f"{status.entry_into_force.isoformat()}",
                subject_ru=notice_ru[0],
                body_ru=notice_ru[1],
                body=(
                    f"The depositary communicates that the {instrument.title_en} enters into "
                    f"force on {status.entry_into_force.isoformat()}"
                    + (
                        f", in accordance with {clauses_of(instrument).entry_into_force.article}"
                        if clauses_of(instrument).entry_into_force.article
                        else ""
                    )
                    + f". {status.basis[:1].upper()}{status.basis[1:]}."
                ),
            )
    except IntegrityError:
        return None
    journal(
        actor=actor,
        action="instrument.entry_into_force_notified",
        subject=f"instrument:{instrument.code}",
        data={
            "entry_into_force": status.entry_into_force.isoformat(),
            "condition_met_on": status.condition_met_on.isoformat()
            if status.condition_met_on
            else None,
            "notification": notification.reference,
        },
    )
    return notification


def _members() -> frozenset[str]:
    from secretariat.members.models import MemberState

    return frozenset(MemberState.objects.values_list("code", flat=True))


def _verified_signature(
    signed: Mapping[str, Any],
    *,
    instrument: str,
    state: str,
    kind: str,
    date: dt.date,
    document: str,
) -> VerifiedSubmission:
    """Check the signature, then that the signed statement describes this act and no other."""
    statement = signed.get("statement")
    digest = statement.get("doc_sha256") if isinstance(statement, Mapping) else None
    if digest is not None and not (
        isinstance(digest, str) and domain_documents.SHA256_HEX.match(digest.lower())
    ):
        raise RuleViolation(
            "doc_sha256 in the signed statement must be a SHA-256 in hex (64 digits)",
            field="signed",
        )
    describes = {
        "instrument": instrument,
        "state": state,
        "action": kind,
        "date": date.isoformat(),
        "document": document,
    }
    return verify_submission_statement(state, signed, describes)


# --- documents -----------------------------------------------------------------------------------


def attach_document(
    actor: Actor, *, act_id: int, upload: IO[bytes], filename: str
) -> tuple[ActDocument, Outcome]:
    """Attach a document (PDF or image) to a pending act: its own delegation or the secretariat.

    Nothing is replaced: a corrected document is a second attachment; the same bytes again are
    "unchanged". If the act was submitted with a signed statement naming `doc_sha256`, only that
    document is accepted.

    The file is written inside the transaction, before the row and the journal entry, and deleted
    again if anything fails up to and including the commit; so a refused or rolled-back attachment
    leaves no file. (Writing it only after the commit would instead risk a committed record whose
    file is missing, which for evidence is the worse failure.)
    """
    written: list[str] = []
    try:
        with transaction.atomic():
            return _attach(actor, act_id, upload, filename, written)
    except BaseException:
        for name in written:
            default_storage.delete(name)
        raise


def _read_upload(upload: IO[bytes]) -> tuple[domain_documents.DocumentType, str, int]:
    limit = int(settings.DOCUMENT_MAX_BYTES)
    declared = getattr(upload, "size", None)
    if isinstance(declared, int) and declared > limit:
        raise RuleViolation(f"the document is larger than {limit} bytes", field="file")
    upload.seek(0)
    digest = hashlib.sha256()
    size = 0
    head = b""
    while chunk := upload.read(64 * 1024):
        if len(head) < domain_documents.HEAD_BYTES:
            head += chunk[: domain_documents.HEAD_BYTES - len(head)]
        size += len(chunk)
        if size > limit:
            raise RuleViolation(f"the document is larger than {limit} bytes", field="file")
        digest.update(chunk)
    if size == 0:
        raise RuleViolation("the document is empty", field="file")
    kind = domain_documents.sniff(head)
    if kind is None:
        raise RuleViolation(
            f"the document must be a {domain_documents.ACCEPTED} file; "
            "its content is none of these",
            field="file",
        )
    upload.seek(0)
    return kind, digest.hexdigest(), size


def _attach(
    actor: Actor, act_id: int, upload: IO[bytes], filename: str, written: list[str]
) -> tuple[ActDocument, Outcome]:
    found = Act.objects.filter(pk=act_id).only("state").first()
    if found is None:
        raise NotFound("No such act.")
    require(actor, "depositary.submit_act", found.state)
    act = Act.objects.select_for_update().get(pk=act_id)
    if act.status != ActStatus.PENDING:
        raise RuleViolation(
            f"documents are attached while the act is being examined; this act is {act.status}",
            field="status",
        )
    kind, sha256, size = _read_upload(upload)
    signed_digest = (act.signed_statement or {}).get("doc_sha256")
    if isinstance(signed_digest, str) and signed_digest.lower() != sha256:
        raise RuleViolation("the signed statement describes another document", field="file")
    existing = ActDocument.objects.filter(act=act, sha256=sha256).first()
    if existing is not None:
        return existing, "unchanged"
    name = f"depositary/acts/{act.pk}/{sha256}.{kind.extension}"
    if default_storage.exists(name):
        # Left by a process that died before its commit: no row refers to it (checked above,
        # under the act's lock), and its name is its content's digest.
        default_storage.delete(name)
    stored = default_storage.save(name, File(upload, name=name))
    written.append(stored)
    document = ActDocument.objects.create(
        act=act,
        file=stored,
        filename=domain_documents.clean_filename(filename),
        content_type=kind.content_type,
        size=size,
        sha256=sha256,
        uploaded_by=actor.username or "",
        uploaded_at=timezone.now(),
    )
    journal(
        actor=actor,
        action="act.document_attached",
        subject=f"act:{act.pk}",
        data={
            "act": act.pk,
            "document": document.pk,
            "sha256": sha256,
            "size": size,
            "content_type": kind.content_type,
        },
    )
    return document, "created"

"""States' acts: submitted by a delegation (signed or not) or recorded by the secretariat, examined,
registered or returned with reasons.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from typing import Any

from django.db import transaction
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
from secretariat.depositary.models import (
    Act,
    ActStatus,
    Instrument,
    NotificationKind,
    Participation,
    Precision,
)
from secretariat.depositary.services.common import (
    _fit,
    _iso,
    _locked_instrument,
    _state_code,
    clauses_of,
    domain_act,
)
from secretariat.depositary.services.notifications import (
    _issue,
    _issue_entry_into_force_if_due,
    notified,
)
from secretariat.journal.services import record as journal


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

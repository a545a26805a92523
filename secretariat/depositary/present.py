"""Plain dictionaries of depositary records, shared by the API, the JSON downloads and the pages."""

from __future__ import annotations

from typing import Any

from django.urls import reverse

from secretariat.core.formatting import current_language
from secretariat.depositary import selectors, wording
from secretariat.depositary.domain.acts import ActKind
from secretariat.depositary.domain.engine import InstrumentStatus, StateStatus
from secretariat.depositary.domain.positions import Knowledge, Position
from secretariat.depositary.models import Act, ActDocument, Instrument, Notification
from secretariat.depositary.selectors import StateName, StateRow
from secretariat.depositary.services import clauses_of


def act_out(row: Act, effective: dict[int, Any] | None = None) -> dict[str, Any]:
    return {
        "effective_on": (effective or {}).get(row.pk),
        "id": row.pk,
        "instrument": row.instrument_id,
        "state": row.state,
        "kind": row.kind,
        "date": row.date,
        "date_precision": row.date_precision,
        "deposited": row.deposited,
        "named_date": row.named_date,
        "revokes": row.revokes_id,
        "revoked_by": [r.pk for r in row.revoked_by.all()],
        "domestic_act": row.domestic_act,
        "domestic_act_ru": row.domestic_act_ru,
        "domestic_date": row.domestic_date,
        "text": row.text,
        "territory": row.territory,
        "document": row.document,
        "status": row.status,
        "decision_reason": row.decision_reason,
        "sources": row.sources,
        "uncertain": row.uncertain,
        "note": row.note,
        "note_ru": row.note_ru,
    }


def document_out(row: ActDocument) -> dict[str, Any]:
    return {
        "id": row.pk,
        "act": row.act_id,
        "filename": row.filename,
        "content_type": row.content_type,
        "size": row.size,
        "sha256": row.sha256,
        "uploaded_by": row.uploaded_by,
        "uploaded_at": row.uploaded_at,
        "url": reverse("depositary:act_document", args=[row.act_id, row.pk]),
    }


def state_status_out(status: StateStatus, names: dict[str, StateName]) -> dict[str, Any]:
    name = names.get(status.state)
    return {
        "state": status.state,
        "name_en": name.name_en if name else status.state,
        "name_ru": name.name_ru if name else "",
        "standing": status.standing.value,
        "signature": status.signature.date if status.signature else None,
        "definitive_signature": bool(
            status.signature and status.signature.kind is ActKind.DEFINITIVE_SIGNATURE
        ),
        "consent": status.consent.kind.value if status.consent else None,
        "consent_date": status.consent.date if status.consent else None,
        "in_force_from": status.in_force_from,
        "basis": status.basis,
        "provisional_from": status.provisional_from,
        "withdrawal_notice": status.withdrawal.date if status.withdrawal else None,
        "withdrawal_effective": status.withdrawal_effective,
        "revoked": [
            f"{target.kind.value} of {target.date.isoformat()} revoked on {act.date.isoformat()}"
            for target, act in status.revoked
        ],
        "annotations": [f"{a.kind.value} of {a.date.isoformat()}" for a in status.annotations],
        "outstanding": status.outstanding,
    }


def position_out(position: Position | None) -> dict[str, Any]:
    """`summary` in the language asked for, and both beside it."""
    texts = {
        "summary": wording.position_summary(position),
        "summary_en": wording.position_summary(position, "en"),
        "summary_ru": wording.position_summary(position, "ru"),
    }
    if position is None:
        return {"knowledge": "no_record", **texts, "sources": [], "uncertain": False}
    return {
        "knowledge": position.knowledge.value,
        **texts,
        "sources": list(position.sources),
        "uncertain": position.uncertain,
    }


def parties_out(row: Instrument, status: InstrumentStatus) -> dict[str, Any]:
    """The parties' count, or null with the reason when the record does not hold them."""
    return {
        "parties": status.parties if status.parties_recorded and not status.on_adoption else None,
        "parties_recorded": status.parties_recorded,
        "parties_in_record": status.parties,
        "parties_note": selectors.parties_note(row, status),
        "parties_note_ru": wording.parties_note_ru(row, status),
    }


def outstanding_out(rows: list[StateRow]) -> dict[str, Any]:
    """A state's outstanding instruments kept apart by what the record knows, and counted."""
    groups: dict[str, list[str]] = {k.value: [] for k in Knowledge}
    for row in rows:
        if row.state is not None and row.state.outstanding and row.position is not None:
            groups[row.position.knowledge.value].append(row.instrument.code)
    return {"by_knowledge": groups, "counts": {k: len(v) for k, v in groups.items()}}


def summary_out(row: Instrument, status: InstrumentStatus) -> dict[str, Any]:
    return {
        "code": row.code,
        "title_en": row.title_en,
        "title_ru": row.title_ru,
        "kind": row.kind,
        "adopted_on": row.adopted_on,
        "place_en": row.place_en,
        "place_ru": row.place_ru,
        "parent": row.parent_id,
        "entry_into_force": status.entry_into_force,
        "in_force": status.in_force,
        "signatories": status.signatories,
        **parties_out(row, status),
        "url": reverse("depositary:instrument", args=[row.code]),
    }


def instrument_status_out(
    row: Instrument, status: InstrumentStatus, names: dict[str, StateName]
) -> dict[str, Any]:
    by = status.completed_by
    return {
        "code": row.code,
        "title_en": row.title_en,
        "title_ru": row.title_ru,
        "kind": row.kind,
        "adopted_on": row.adopted_on,
        "place_en": row.place_en,
        "place_ru": row.place_ru,
        "parent": row.parent_id,
        "amendments": [a.code for a in selectors.amendments_of(row, status.as_of)],
        "participation": row.participation,
        "depositary": row.depositary,
        "depositary_ru": row.depositary_ru,
        "registration": row.registration,
        "registration_ru": row.registration_ru,
        "text_url": row.text_url,
        "final_clauses": row.final_clauses,
        "as_of": status.as_of,
        "condition_met_on": status.condition_met_on,
        "entry_into_force": status.entry_into_force,
        "in_force": status.in_force,
        "article": clauses_of(row).entry_into_force.article,
        # `basis` in the language asked for (the English where its Russian is not written yet)
        "basis": (wording.basis_ru(row, status) if current_language() == "ru" else "")
        or status.basis,
        "basis_en": status.basis,
        "basis_ru": wording.basis_ru(row, status),
        "completed_by": by.state if by else None,
        "jointly": sorted({a.state for a in status.jointly}),
        "waiting_for": list(status.waiting_for),
        "still_needed": list(status.still_needed),
        "effective_from": status.effective_from,
        "term_ends": status.term_ends,
        "signatories": status.signatories,
        **parties_out(row, status),
        "searched": selectors.searched_for(row),
        "states": [
            state_status_out(s, names)
            for s in sorted(
                status.states.values(),
                key=lambda s: names[s.state].name_en if s.state in names else s.state,
            )
        ],
        "flags": [f.message for f in status.flags],
        "sources": row.sources,
        "uncertain": row.uncertain,
        "note": row.note,
        "note_ru": row.note_ru,
    }


def notification_out(row: Notification) -> dict[str, Any]:
    return {
        "number": row.number,
        "reference": row.reference,
        "reconstructed": row.reconstructed,
        "sources": row.sources,
        "kind": row.kind,
        "instrument": row.instrument_id,
        "state": row.state,
        "act": row.act_id,
        "issued_on": row.issued_on,
        "effective_on": row.effective_on,
        "subject_en": row.subject_en,
        "body_en": row.body_en,
        "subject_ru": row.subject_ru,
        "body_ru": row.body_ru,
    }


def state_row_out(row: StateRow) -> dict[str, Any]:
    s = row.state
    return {
        "instrument": row.instrument.code,
        "title_en": row.instrument.title_en,
        "title_ru": row.instrument.title_ru,
        "instrument_in_force": row.status.in_force,
        "entry_into_force": row.status.entry_into_force,
        "standing": s.standing.value if s else "none",
        "signature": s.signature.date if s and s.signature else None,
        "consent": s.consent.kind.value if s and s.consent else None,
        "consent_date": s.consent.date if s and s.consent else None,
        "in_force_from": s.in_force_from if s else None,
        "outstanding": bool(s and s.outstanding),
        "position": position_out(row.position),
        "searched": selectors.searched_for(row.instrument),
        **parties_out(row.instrument, row.status),
    }

"""The depositary over HTTP: instruments and their status as of any date, every state's acts, the
submit-and-register workflow, notifications, the status matrix, and the JSON exports."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.http import HttpRequest, HttpResponse
from ninja import File, Router, Status, UploadedFile

from secretariat.api.auth import SIGNED_IN, actor_of
from secretariat.api.types import IsoDate, write_status
from secretariat.core.domain.errors import RuleViolation
from secretariat.core.permissions import require
from secretariat.depositary import interchange, present, selectors, services
from secretariat.depositary.schemas import (
    ActIn,
    ActOut,
    DeclareIn,
    DocumentOut,
    InstrumentIn,
    InstrumentStatusOut,
    InstrumentSummary,
    MatrixOut,
    NotificationOut,
    ReturnIn,
    StateOverviewOut,
)

router = Router(tags=["depositary"])

# Optional at the schema level so that a hidden act answers 404 and a role that may not attach
# answers 403 before "no file" (422) is mentioned.
_OPTIONAL_FILE = File(None)


def _on(as_of: dt.date | None) -> dt.date:
    return as_of or dt.date.today()


@router.get(
    "/instruments",
    response=list[InstrumentSummary],
    summary="Every instrument with its entry into force and counts on a date",
)
def list_instruments(request: HttpRequest, as_of: IsoDate | None = None) -> Any:
    return [present.summary_out(row, status) for row, status in selectors.all_statuses(_on(as_of))]


@router.post(
    "/instruments",
    response={201: InstrumentStatusOut, 200: InstrumentStatusOut},
    summary="Record or correct an instrument and its final clauses (secretariat)",
    auth=SIGNED_IN,
)
def create_instrument(request: HttpRequest, body: InstrumentIn) -> Any:
    row, outcome = services.record_instrument(actor_of(request), **body.dict())
    status = selectors.status_of(row, dt.date.today())
    return Status(
        write_status(outcome),
        present.instrument_status_out(row, status, selectors.state_names()),
    )


@router.get(
    "/instruments/{code}",
    response=InstrumentStatusOut,
    summary="An instrument's status on a date: entry into force, why, and every participant",
)
def get_instrument(request: HttpRequest, code: str, as_of: IsoDate | None = None) -> Any:
    row = selectors.instrument(code, as_of)
    status = selectors.status_of(row, _on(as_of))
    return present.instrument_status_out(row, status, selectors.state_names())


@router.get(
    "/instruments/{code}/export",
    summary="The instrument in the import format (secretariat-depositary/1), with its status",
)
def export_instrument(request: HttpRequest, code: str, as_of: IsoDate | None = None) -> Any:
    selectors.instrument(code, as_of)  # not adopted yet on that date: 404
    return interchange.export_instrument(code, as_of)


@router.get(
    "/instruments/{code}/acts",
    response=list[ActOut],
    summary="The acts you may see, each with its date and its date of effect",
)
def instrument_acts(request: HttpRequest, code: str, as_of: IsoDate | None = None) -> Any:
    row = selectors.instrument(code, as_of)
    effective = selectors.status_of(row, _on(as_of)).effective_dates()
    acts = selectors.acts_for(actor_of(request), code, as_of=as_of)
    return [present.act_out(a, effective) for a in acts]


@router.post(
    "/instruments/{code}/acts",
    response={201: ActOut, 200: ActOut},
    summary="Submit your own state's act (delegation) or record one (secretariat)",
    auth=SIGNED_IN,
)
def submit_act(request: HttpRequest, code: str, body: ActIn) -> Any:
    actor = actor_of(request)
    selectors.instrument(code)
    fields = body.dict(exclude={"signed"})
    signed = body.signed.dict() if body.signed else None
    act, outcome = services.submit_act(actor, instrument=code, signed=signed, **fields)
    return Status(write_status(outcome), present.act_out(act))


@router.post(
    "/instruments/{code}/declare",
    response=InstrumentStatusOut,
    summary="Declare the entry-into-force condition met, with the reason (secretariat)",
    auth=SIGNED_IN,
)
def declare(request: HttpRequest, code: str, body: DeclareIn) -> Any:
    row = services.declare_condition(
        actor_of(request), instrument=code, date=body.date, reason=body.reason
    )
    status = selectors.status_of(row, dt.date.today())
    return present.instrument_status_out(row, status, selectors.state_names())


@router.get(
    "/instruments/{code}/notifications",
    response=list[NotificationOut],
    summary="Depositary notifications about one instrument",
)
def instrument_notifications(request: HttpRequest, code: str, as_of: IsoDate | None = None) -> Any:
    selectors.instrument(code, as_of)
    rows = selectors.notifications(instrument_code=code, as_of=as_of)
    return [present.notification_out(n) for n in rows]


@router.get("/acts/pending", response=list[ActOut], summary="Submissions awaiting examination")
def pending_acts(request: HttpRequest) -> Any:
    return [present.act_out(a) for a in selectors.pending_acts_for(actor_of(request))]


@router.get("/acts/{act_id}", response=ActOut)
def get_act(request: HttpRequest, act_id: int) -> Any:
    return present.act_out(selectors.act_for(actor_of(request), act_id))


@router.post(
    "/acts/{act_id}/register",
    response=ActOut,
    summary="Register a submitted act after examination (secretariat)",
    auth=SIGNED_IN,
)
def register_act(request: HttpRequest, act_id: int) -> Any:
    actor = actor_of(request)
    selectors.act_for(actor, act_id)  # hidden acts answer 404 before any permission talk
    return present.act_out(services.register_act(actor, act_id=act_id))


@router.post(
    "/acts/{act_id}/return",
    response=ActOut,
    summary="Return a submitted act with reasons (secretariat)",
    auth=SIGNED_IN,
)
def return_act(request: HttpRequest, act_id: int, body: ReturnIn) -> Any:
    actor = actor_of(request)
    selectors.act_for(actor, act_id)
    return present.act_out(services.return_act(actor, act_id=act_id, reason=body.reason))


@router.get(
    "/acts/{act_id}/documents",
    response=list[DocumentOut],
    summary="The documents deposited with an act, each with its SHA-256",
)
def act_documents(request: HttpRequest, act_id: int) -> Any:
    return [present.document_out(d) for d in selectors.documents_for(actor_of(request), act_id)]


@router.post(
    "/acts/{act_id}/documents",
    response={201: DocumentOut, 200: DocumentOut},
    summary="Attach a document (PDF or image, multipart field `file`) to a pending act "
    "(its own delegation, or the secretariat)",
    auth=SIGNED_IN,
)
def attach_document(
    request: HttpRequest, act_id: int, file: UploadedFile | None = _OPTIONAL_FILE
) -> Any:
    actor = actor_of(request)
    act = selectors.act_for(actor, act_id)  # hidden acts answer 404 before any other check
    if file is None:
        # Permission first, so a role that may not attach hears that rather than "no file".
        require(actor, "depositary.submit_act", act.state)
        raise RuleViolation("attach the document as the multipart field 'file'", field="file")
    row, outcome = services.attach_document(
        actor, act_id=act_id, upload=file, filename=file.name or ""
    )
    return Status(write_status(outcome), present.document_out(row))


@router.get(
    "/notifications",
    response=list[NotificationOut],
    summary="Depositary notifications, newest first; filter by instrument or state",
)
def list_notifications(
    request: HttpRequest,
    instrument: str | None = None,
    state: str | None = None,
    as_of: IsoDate | None = None,
) -> Any:
    rows = selectors.notifications(instrument_code=instrument, state=state, as_of=as_of)
    return [present.notification_out(n) for n in rows[:500]]


@router.get(
    "/states/{code}",
    response=StateOverviewOut,
    summary="One state's status in every instrument on a date, and what it has outstanding",
)
def state_overview(request: HttpRequest, code: str, as_of: IsoDate | None = None) -> Any:
    on = _on(as_of)
    rows = selectors.state_overview(code, on)
    target = selectors.state_code(code)
    names = selectors.state_names()
    return {
        "state": target,
        "name_en": names[target].name_en,
        "as_of": on,
        "instruments": [present.state_row_out(r) for r in rows],
        "outstanding": [r.instrument.code for r in rows if r.state and r.state.outstanding],
    }


@router.get(
    "/matrix",
    response=MatrixOut,
    summary="Every instrument × every member state: standing on a date",
)
def matrix(request: HttpRequest, as_of: IsoDate | None = None) -> Any:
    on = _on(as_of)
    statuses = selectors.all_statuses(on)
    members = selectors.member_codes(on)
    return {
        "as_of": on,
        "states": members,
        "instruments": [row.code for row, _ in statuses],
        "cells": {
            row.code: {
                code: (status.states[code].standing.value if code in status.states else "none")
                for code in members
            }
            for row, status in statuses
        },
    }


@router.get("/schema", summary="The JSON Schema of the import and export format")
def json_schema(request: HttpRequest) -> Any:
    return interchange.schema()


@router.get("/dump", summary="Everything: every instrument in the import format")
def dump(request: HttpRequest, as_of: IsoDate | None = None) -> HttpResponse:
    return HttpResponse(
        _json(interchange.export_all(as_of)),
        content_type="application/json",
        headers={"Content-Disposition": 'attachment; filename="depositary.json"'},
    )


def _json(document: Any) -> str:
    import json

    from django.core.serializers.json import DjangoJSONEncoder

    return json.dumps(document, ensure_ascii=False, indent=1, cls=DjangoJSONEncoder)

"""The depositary over HTTP: instruments and their status as of any date, every state's acts, the
submit-and-register workflow, notifications, the status matrix, and the JSON exports."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.http import HttpRequest, HttpResponse
from ninja import File, Router, Status, UploadedFile

from secretariat.core.api_auth import SIGNED_IN, actor_of
from secretariat.core.api_types import IsoDate, write_status
from secretariat.core.domain.errors import RuleViolation
from secretariat.core.permissions import require
from secretariat.depositary import interchange, present, selectors, services
from secretariat.depositary.domain.positions import tally
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
    """Every instrument in the depositary's keeping, with its entry into force and the count of
    parties and signatories on a date. **Who:** anyone; no token needed. **Errors:** 422 for a
    malformed date. **Example:** `GET /api/v1/depositary/instruments?as_of=2020-01-01`
    """
    return [present.summary_out(row, status) for row, status in selectors.all_statuses(_on(as_of))]


@router.post(
    "/instruments",
    response={201: InstrumentStatusOut, 200: InstrumentStatusOut},
    summary="Record or correct an instrument and its final clauses (secretariat)",
    auth=SIGNED_IN,
)
def create_instrument(request: HttpRequest, body: InstrumentIn) -> Any:
    """Record an instrument with its final clauses (entry-into-force rule, eligible states,
    reservations), or correct it; the same content again is 200 and journals nothing. **Who:**
    the secretariat. **Errors:** 401 without a token; 403 for other roles; 422 for a code that
    is not lower-case words joined by hyphens, an unknown kind, or clauses that contradict.
    **Example:** `POST /api/v1/depositary/instruments` with `{"code": "x-2013", "title_en": "X",
    "kind": "treaty"}`
    """
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
    """An instrument's status on a date: whether and since when it is in force, why (which rule was
    met), and every participant's standing. **Who:** anyone; no token needed. **Errors:** 404
    for an unknown code; 422 for a malformed date. **Example:** `GET
    /api/v1/depositary/instruments/charter-2002?as_of=2011-08-12`
    """
    row = selectors.instrument(code, as_of)
    status = selectors.status_of(row, _on(as_of))
    return present.instrument_status_out(row, status, selectors.state_names())


@router.get(
    "/instruments/{code}/export",
    summary="The instrument in the import format (secretariat-depositary/1), with its status",
)
def export_instrument(request: HttpRequest, code: str, as_of: IsoDate | None = None) -> Any:
    """One instrument in the import format (secretariat-depositary/1), with its computed status,
    ready to load elsewhere. **Who:** anyone; no token needed. **Errors:** 404 for an unknown
    code. **Example:** `GET /api/v1/depositary/instruments/charter-2002/export`
    """
    selectors.instrument(code, as_of)  # not adopted yet on that date: 404
    return interchange.export_instrument(code, as_of)


@router.get(
    "/instruments/{code}/acts",
    response=list[ActOut],
    summary="The acts you may see, each with its date and its date of effect",
)
def instrument_acts(request: HttpRequest, code: str, as_of: IsoDate | None = None) -> Any:
    """The acts (signatures, ratifications, accessions, withdrawals…) on one instrument: registered
    ones for anyone, pending ones also for the submitting delegation and the secretariat.
    **Who:** anyone; what is pending needs a token of those roles. **Errors:** 404 for an
    unknown instrument. **Example:** `GET /api/v1/depositary/instruments/charter-2002/acts`
    """
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
    """Submit the delegation's own state's act (pending until examined), optionally signed, or
    record one as the secretariat. **Who:** a delegation for its own state; the secretariat.
    **Errors:** 401 without a token; 403 for other roles; 404 for another state or an unknown
    instrument; 409 for a replayed signed statement; 422 for a state not eligible, an unknown
    kind, or a bad signature. **Example:** `POST
    /api/v1/depositary/instruments/charter-2002/acts`
    """
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
    """Declare that an instrument's entry-into-force condition is met on a date, with the reason
    (for rules the record cannot compute). **Who:** the secretariat. **Errors:** 401 without a
    token; 403 for other roles; 422 for an unknown instrument. **Example:** `POST
    /api/v1/depositary/instruments/cst-prolongation-1999/declare`
    """
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
    """The depositary notifications issued about one instrument, newest first. **Who:** anyone; no
    token needed. **Errors:** 404 for an unknown instrument. **Example:** `GET
    /api/v1/depositary/instruments/charter-2002/notifications`
    """
    selectors.instrument(code, as_of)
    rows = selectors.notifications(instrument_code=code, as_of=as_of)
    return [present.notification_out(n) for n in rows]


@router.get("/acts/pending", response=list[ActOut], summary="Submissions awaiting examination")
def pending_acts(request: HttpRequest) -> Any:
    """Submitted acts awaiting examination: all for the secretariat and auditors, a delegation's
    own, none for the public. **Who:** anyone (the list depends on the role). **Example:** `GET
    /api/v1/depositary/acts/pending`
    """
    return [present.act_out(a) for a in selectors.pending_acts_for(actor_of(request))]


@router.get("/acts/{act_id}", response=ActOut, summary="One act")
def get_act(request: HttpRequest, act_id: int) -> Any:
    """One act by id: a registered act for anyone, a pending one for its delegation, the
    secretariat and auditors. **Who:** anyone; what is pending needs a token of those roles.
    **Errors:** 404 for an unknown id or a pending act the caller may not see. **Example:** `GET
    /api/v1/depositary/acts/1`
    """
    return present.act_out(selectors.act_for(actor_of(request), act_id))


@router.post(
    "/acts/{act_id}/register",
    response=ActOut,
    summary="Register a submitted act after examination (secretariat)",
    auth=SIGNED_IN,
)
def register_act(request: HttpRequest, act_id: int) -> Any:
    """Register a submitted act after examination: it takes effect and a depositary notification is
    issued. **Who:** the secretariat. **Errors:** 401 without a token; 403 for other roles; 404
    for an unknown act; 422 for an act not pending. **Example:** `POST
    /api/v1/depositary/acts/7/register`
    """
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
    """Return a submitted act to its delegation with reasons; it does not take effect. **Who:** the
    secretariat. **Errors:** 401, 403, 404 as for registering; 422 without reasons or for an act
    not pending. **Example:** `POST /api/v1/depositary/acts/7/return`
    """
    actor = actor_of(request)
    selectors.act_for(actor, act_id)
    return present.act_out(services.return_act(actor, act_id=act_id, reason=body.reason))


@router.get(
    "/acts/{act_id}/documents",
    response=list[DocumentOut],
    summary="The documents deposited with an act, each with its SHA-256",
)
def act_documents(request: HttpRequest, act_id: int) -> Any:
    """The documents deposited with an act, each with its size, type and SHA-256: for anyone once
    the act is registered, for its delegation, the secretariat and auditors while pending.
    **Who:** anyone; what is pending needs a token of those roles. **Errors:** 404 for an
    unknown act or one the caller may not see. **Example:** `GET
    /api/v1/depositary/acts/1/documents`
    """
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
    """Attach a PDF or image (multipart field `file`, at most the configured size) to a pending
    act. **Who:** the act's own delegation or the secretariat. **Errors:** 401 without a token;
    403 for other roles; 404 for an unknown or hidden act; 422 for a content type that is none
    of those accepted, a file too large, or an act no longer pending. **Example:** `POST
    /api/v1/depositary/acts/7/documents` (multipart)
    """
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
    """Depositary notifications, newest first; filter by `instrument` or `state`. **Who:** anyone;
    no token needed. **Errors:** 404 for an unknown instrument filter. **Example:** `GET
    /api/v1/depositary/notifications?state=BY`
    """
    rows = selectors.notifications(instrument_code=instrument, state=state, as_of=as_of)
    return [present.notification_out(n) for n in rows[:500]]


@router.get(
    "/states/{code}",
    response=StateOverviewOut,
    summary="One state's status in every instrument on a date, and what it has outstanding",
)
def state_overview(request: HttpRequest, code: str, as_of: IsoDate | None = None) -> Any:
    """One state's standing in every instrument on a date, and what it has outstanding (signed, not
    ratified). **Who:** anyone; no token needed. **Errors:** 404 for an unknown state.
    **Example:** `GET /api/v1/depositary/states/AM`
    """
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
        "outstanding_by_knowledge": present.outstanding_out(rows),
    }


@router.get(
    "/matrix",
    response=MatrixOut,
    summary="Every instrument × every member state: standing on a date",
)
def matrix(request: HttpRequest, as_of: IsoDate | None = None) -> Any:
    """Every instrument × every member state: the standing on a date, as the depositary page's
    table. **Who:** anyone; no token needed. **Errors:** 422 for a malformed date. **Example:**
    `GET /api/v1/depositary/matrix?as_of=2015-01-01`
    """
    on = _on(as_of)
    statuses = selectors.all_statuses(on)
    members = selectors.member_codes(on)
    found = selectors.positions(statuses, members, on)
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
        "positions": {
            row.code: {code: found[(row.code, code)].knowledge.value for code in members}
            for row, _ in statuses
        },
        "counts": {
            row.code: tally(found[(row.code, code)] for code in members) for row, _ in statuses
        },
        "outstanding": {
            code: present.outstanding_out(
                [
                    selectors.StateRow(
                        row, status, status.states.get(code), found[(row.code, code)]
                    )
                    for row, status in statuses
                ]
            )
            for code in members
        },
    }


@router.get("/schema", summary="The JSON Schema of the import and export format")
def json_schema(request: HttpRequest) -> Any:
    """The JSON Schema (draft 2020-12) of the depositary's import and export format. **Who:**
    anyone; no token needed. **Example:** `GET /api/v1/depositary/schema`
    """
    return interchange.schema()


@router.get("/dump", summary="Everything: every instrument in the import format")
def dump(request: HttpRequest, as_of: IsoDate | None = None) -> HttpResponse:
    """Every instrument in the import format, in one document. **Who:** anyone; no token needed.
    **Example:** `GET /api/v1/depositary/dump`
    """
    return HttpResponse(
        _json(interchange.export_all(as_of)),
        content_type="application/json",
        headers={"Content-Disposition": 'attachment; filename="depositary.json"'},
    )


def _json(document: Any) -> str:
    import json

    from django.core.serializers.json import DjangoJSONEncoder

    return json.dumps(document, ensure_ascii=False, indent=1, cls=DjangoJSONEncoder)

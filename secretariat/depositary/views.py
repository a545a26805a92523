"""Depositary pages: instruments and their status on any date, states, the status matrix,
notifications, the submit-and-register workflow, and the CSV/JSON downloads.

Every page reads through selectors and every form posts to a service; a refusal is shown on the
form (or as a message), a record another state may not see is a 404.
"""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.files.storage import default_storage
from django.core.serializers.json import DjangoJSONEncoder
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _lazy
from django.views.decorators.http import require_POST

from secretariat.core.domain.actors import Role
from secretariat.core.domain.errors import DomainError, NotFound
from secretariat.core.permissions import can
from secretariat.core.web import add_domain_error, as_of_date, request_actor
from secretariat.depositary import interchange, present, selectors, services
from secretariat.depositary.domain import documents as domain_documents
from secretariat.depositary.domain.acts import CONSENT_MARKS, ActKind
from secretariat.depositary.domain.engine import Standing
from secretariat.depositary.domain.positions import Knowledge, tally
from secretariat.depositary.forms import STANDING_LABELS, ActForm, DocumentForm, ReturnForm
from secretariat.depositary.wording import position_summary

# Acts shown in an instrument's log before "show all": a UN-scale treaty has hundreds.
ACT_LOG_LIMIT = 40


def _lang() -> str:
    return get_language() or "en"


def _instrument_or_404(code: str, on: dt.date | None = None) -> Any:
    try:
        return selectors.instrument(code, on)
    except NotFound:
        raise Http404 from None


def _state_or_404(code: str) -> str:
    try:
        return selectors.state_code(code)
    except NotFound:
        raise Http404 from None


def _as_of(request: HttpRequest) -> tuple[dt.date, str | None, bool]:
    on, error = as_of_date(request)
    return on, error, on == dt.date.today()


def index(request: HttpRequest) -> HttpResponse:
    on, error, is_today = _as_of(request)
    rows = [
        (row, status, selectors.parties_note(row, status))
        for row, status in selectors.all_statuses(on)
    ]
    return render(
        request,
        "depositary/index.html",
        {
            "rows": rows,
            "on": on,
            "date_error": error,
            "is_today": is_today,
            "lang": _lang(),
            "pending_count": selectors.pending_acts_for(request_actor(request)).count()
            if request_actor(request).role is not Role.PUBLIC
            else 0,
        },
    )


def _participants(status: Any, names: dict[str, Any], lang: str) -> list[dict[str, Any]]:
    rows = []
    for s in status.states.values():
        name = names.get(s.state)
        rows.append(
            {
                "status": s,
                "code": s.state,
                "name": name.name(lang) if name else s.state,
                "mark": CONSENT_MARKS.get(s.consent.kind, "") if s.consent else "",
                "definitive": bool(
                    s.signature and s.signature.kind is ActKind.DEFINITIVE_SIGNATURE
                ),
                "label": STANDING_LABELS[s.standing],
            }
        )
    return sorted(rows, key=lambda r: r["name"])


def instrument_detail(request: HttpRequest, code: str) -> HttpResponse:
    actor = request_actor(request)
    on, error, is_today = _as_of(request)
    row = _instrument_or_404(code, on)
    status = selectors.status_of(row, on)
    lang = _lang()
    names = selectors.state_names()
    acts = list(
        selectors.acts_for(actor, row.code, as_of=on).prefetch_related("revoked_by", "documents")
    )
    acts_total = len(acts)
    if acts_total > ACT_LOG_LIMIT and request.GET.get("acts") != "all":
        acts = acts[-ACT_LOG_LIMIT:]  # the latest; ?acts=all shows every one
    form = None
    if actor.role is Role.SECRETARIAT or (
        actor.role is Role.DELEGATION and can(actor, "depositary.submit_act", actor.state)
    ):
        form = ActForm(delegation=actor.role is Role.DELEGATION, initial={"state": actor.state})
    context = _instrument_context(row, status, names, lang, acts, on, error, is_today, form)
    return render(request, "depositary/instrument.html", {**context, "acts_total": acts_total})


def _instrument_context(
    row: Any,
    status: Any,
    names: dict[str, Any],
    lang: str,
    acts: list[Any],
    on: dt.date,
    error: str | None,
    is_today: bool,
    form: Any,
) -> dict[str, Any]:
    clauses = services.clauses_of(row)
    effective = status.effective_dates()
    for act in acts:
        known = names.get(act.state)
        act.state_name = known.name(lang) if known else act.state
        act.effective_on = effective.get(act.pk)
    return {
        "instrument": row,
        "status": status,
        "clauses": clauses,
        "article": clauses.entry_into_force.article,
        "participants": _participants(status, names, lang),
        "acts": acts,
        "waiting_names": [
            names[code].name(lang) if code in names else code for code in status.waiting_for
        ],
        "notifications": selectors.notifications(instrument_code=row.code, as_of=on)[:20],
        "amendments": selectors.amendments_of(row, on),
        "on": on,
        "date_error": error,
        "is_today": is_today,
        "lang": lang,
        "form": form,
        "parties_note": selectors.parties_note(row, status),
        "searched": selectors.searched_for(row),
        "completed_by_name": names[status.completed_by.state].name(lang)
        if status.completed_by and status.completed_by.state in names
        else "",
    }


@login_required
@require_POST
def submit_act(request: HttpRequest, code: str) -> HttpResponse:
    actor = request_actor(request)
    row = _instrument_or_404(code)
    if actor.role not in (Role.SECRETARIAT, Role.DELEGATION):
        # Roles that never submit acts learn nothing: the same answer as for a missing page.
        raise Http404
    delegation = actor.role is Role.DELEGATION
    form = ActForm(request.POST, delegation=delegation)
    if form.is_valid():
        data = form.service_kwargs()
        if delegation:
            data["state"] = actor.state or ""
        try:
            services.submit_act(actor, instrument=row.code, **data)
        except DomainError as exc:
            add_domain_error(form, exc)
        else:
            if delegation:
                # Next the delegation attaches the document itself, on the submissions page.
                messages.success(
                    request,
                    _(
                        "The instrument was submitted to the depositary for examination. "
                        "Attach the document to it below."
                    ),
                )
                return redirect("depositary:pending")
            messages.success(request, _("The act was registered."))
            return redirect("depositary:instrument", code=row.code)
    on, error, is_today = _as_of(request)
    status = selectors.status_of(row, on)
    acts = list(selectors.acts_for(actor, row.code, as_of=on))
    context = _instrument_context(
        row, status, selectors.state_names(), _lang(), acts, on, error, is_today, form
    )
    return render(request, "depositary/instrument.html", {**context, "form_open": True}, status=422)


def state_detail(request: HttpRequest, code: str) -> HttpResponse:
    target = _state_or_404(code)
    on, error, is_today = _as_of(request)
    lang = _lang()
    names = selectors.state_names()
    rows = selectors.state_overview(target, on)
    outstanding = [r for r in rows if r.state is not None and r.state.outstanding]
    return render(
        request,
        "depositary/state.html",
        {
            "code": target,
            "name": names[target].name(lang),
            "rows": [
                {
                    "row": r,
                    "label": STANDING_LABELS[r.state.standing]
                    if r.state
                    else STANDING_LABELS[Standing.NONE],
                    "standing": r.state.standing.value if r.state else "none",
                }
                for r in rows
            ],
            "outstanding": outstanding,
            "outstanding_groups": _knowledge_groups(outstanding),
            "on": on,
            "date_error": error,
            "is_today": is_today,
            "lang": lang,
            "notifications": selectors.notifications(state=target, as_of=on)[:30],
        },
    )


KNOWLEDGE_LABELS = {
    Knowledge.KNOWN: _lazy("Consent recorded or reported, not yet in force for it"),
    Knowledge.NEGATIVE: _lazy("Ratification pending, per a source"),
    Knowledge.NO_RECORD: _lazy("No record of ratification"),
}
KNOWLEDGE_MARKS = {
    Knowledge.KNOWN: _lazy("known"),
    Knowledge.NEGATIVE: _lazy("negative"),
    Knowledge.NO_RECORD: _lazy("no record"),
}


def _knowledge_groups(rows: list[Any]) -> list[dict[str, Any]]:
    """Outstanding rows kept apart by what the record knows: known, negative, no record."""
    return [
        {
            "knowledge": knowledge.value,
            "label": KNOWLEDGE_LABELS[knowledge],
            "rows": [r for r in rows if r.position and r.position.knowledge is knowledge],
        }
        for knowledge in Knowledge
    ]


def matrix(request: HttpRequest) -> HttpResponse:
    on, error, is_today = _as_of(request)
    lang = _lang()
    names = selectors.state_names()
    members = selectors.member_codes(on)
    statuses = selectors.all_statuses(on)
    found = selectors.positions(statuses, members, on)
    table = []
    for row, status in statuses:
        cells = []
        for code in members:
            s = status.states.get(code)
            standing = s.standing if s else Standing.NONE
            position = found[(row.code, code)]
            cells.append(
                {
                    "code": code,
                    "standing": standing.value,
                    "label": STANDING_LABELS[standing],
                    "since": s.in_force_from if s and standing.bound else None,
                    "knowledge": position.knowledge.value,
                    "knowledge_label": KNOWLEDGE_MARKS[position.knowledge],
                    "summary": position_summary(position),
                }
            )
        table.append(
            {
                "instrument": row,
                "status": status,
                "cells": cells,
                "counts": tally(found[(row.code, code)] for code in members),
                "parties_note": selectors.parties_note(row, status),
            }
        )
    outstanding = []
    for code in members:
        items = [
            selectors.StateRow(row, status, status.states[code], found[(row.code, code)])
            for row, status in statuses
            if code in status.states and status.states[code].outstanding
        ]
        outstanding.append(
            {
                "code": code,
                "name": names[code].name(lang),
                "items": items,
                "groups": _knowledge_groups(items),
            }
        )
    return render(
        request,
        "depositary/matrix.html",
        {
            "members": [{"code": c, "name": names[c].name(lang)} for c in members],
            "table": table,
            "outstanding": outstanding,
            "legend": [
                (s.value, STANDING_LABELS[s])
                for s in (
                    Standing.PARTY,
                    Standing.CONSENTED,
                    Standing.PROVISIONAL,
                    Standing.SIGNATORY,
                    Standing.SUSPENDED,
                    Standing.WITHDRAWN,
                    Standing.NONE,
                )
            ],
            "on": on,
            "date_error": error,
            "is_today": is_today,
            "lang": lang,
        },
    )


def notifications(request: HttpRequest) -> HttpResponse:
    on, error, is_today = _as_of(request)
    return render(
        request,
        "depositary/notifications.html",
        {
            "notifications": selectors.notifications(as_of=on)[:200],
            "lang": _lang(),
            "on": on,
            "date_error": error,
            "is_today": is_today,
        },
    )


def pending(request: HttpRequest) -> HttpResponse:
    actor = request_actor(request)
    if actor.role not in (Role.SECRETARIAT, Role.DELEGATION, Role.AUDITOR):
        raise Http404
    acts: list[Any] = list(selectors.pending_acts_for(actor).prefetch_related("documents"))
    for act in acts:
        act.may_attach = can(actor, "depositary.submit_act", act.state)
    return render(
        request,
        "depositary/pending.html",
        {
            "acts": acts,
            "document_form": DocumentForm(),
            "returned": selectors.acts_for(actor).filter(status="returned")[:50],
            "can_decide": can(actor, "depositary.register_act"),
            "return_form": ReturnForm(),
        },
    )


@login_required
@require_POST
def decide(request: HttpRequest, act_id: int, decision: str) -> HttpResponse:
    actor = request_actor(request)
    try:
        selectors.act_for(actor, act_id)
        if decision == "register":
            services.register_act(actor, act_id=act_id)
            messages.success(request, _("The act was registered and notified."))
        elif decision == "return":
            form = ReturnForm(request.POST)
            if not form.is_valid():
                messages.error(request, _("Give the reasons for returning the instrument."))
                return redirect("depositary:pending")
            services.return_act(actor, act_id=act_id, reason=form.cleaned_data["reason"])
            messages.success(request, _("The instrument was returned to the state."))
        else:
            raise Http404
    except NotFound:
        raise Http404 from None
    except DomainError as error:
        messages.error(request, error.message)
    return redirect("depositary:pending")


@login_required
@require_POST
def attach_document(request: HttpRequest, act_id: int) -> HttpResponse:
    """The delegation (or the secretariat) attaches a document to a pending act."""
    actor = request_actor(request)
    if actor.role not in (Role.SECRETARIAT, Role.DELEGATION):
        raise Http404
    try:
        selectors.act_for(actor, act_id)
        form = DocumentForm(request.POST, request.FILES)
        if not form.is_valid():
            messages.error(request, _("Choose the document to attach (a PDF or an image)."))
            return redirect("depositary:pending")
        upload = form.cleaned_data["file"]
        _document, outcome = services.attach_document(
            actor, act_id=act_id, upload=upload, filename=upload.name or ""
        )
    except NotFound:
        raise Http404 from None
    except DomainError as error:
        messages.error(request, error.message)
    else:
        messages.success(
            request,
            _("The document was attached.")
            if outcome == "created"
            else _("This document was already attached."),
        )
    return redirect("depositary:pending")


def act_document(request: HttpRequest, act_id: int, document_id: int) -> FileResponse:
    """A deposited document, to whoever may see the act; always a download, never rendered."""
    try:
        document = selectors.document_for(request_actor(request), act_id, document_id)
    except NotFound:
        raise Http404 from None
    try:
        handle = default_storage.open(str(document.file.name), "rb")
    except FileNotFoundError:
        raise Http404 from None
    kind = domain_documents.by_content_type(document.content_type)
    response = FileResponse(
        handle,
        as_attachment=True,
        filename=domain_documents.download_name(document.filename, kind),
        content_type=document.content_type,
    )
    response["X-Content-Type-Options"] = "nosniff"
    return response


# --- downloads -----------------------------------------------------------------------------------


def _json_response(document: Any, filename: str) -> HttpResponse:
    return HttpResponse(
        json.dumps(document, ensure_ascii=False, indent=1, cls=DjangoJSONEncoder),
        content_type="application/json; charset=utf-8",
        headers={"Content-Disposition": f'attachment; filename="{filename}"'},
    )


def _csv_response(text: str, filename: str) -> HttpResponse:
    return HttpResponse(
        text,
        content_type="text/csv; charset=utf-8",
        headers={"Content-Disposition": f'attachment; filename="{filename}"'},
    )


def instrument_json(request: HttpRequest, code: str) -> HttpResponse:
    on, _error, _today = _as_of(request)
    row = _instrument_or_404(code, on)
    return _json_response(interchange.export_instrument(row.code, on), f"{row.code}.json")


def instrument_csv(request: HttpRequest, code: str) -> HttpResponse:
    on, _error, _today = _as_of(request)
    row = _instrument_or_404(code, on)
    status = selectors.status_of(row, on)
    state_names = selectors.state_names()
    names = {c: n.name_en for c, n in state_names.items()}
    names_ru = {c: n.name_ru for c, n in state_names.items()}
    return _csv_response(interchange.instrument_csv(status, names, names_ru), f"{row.code}.csv")


def state_json(request: HttpRequest, code: str) -> HttpResponse:
    target = _state_or_404(code)
    on, _error, _today = _as_of(request)
    rows = selectors.state_overview(target, on)
    return _json_response(
        {
            "state": target,
            "as_of": on,
            "instruments": [present.state_row_out(r) for r in rows],
            "outstanding": [r.instrument.code for r in rows if r.state and r.state.outstanding],
            "outstanding_by_knowledge": present.outstanding_out(rows),
        },
        f"depositary-{target}.json",
    )


def state_csv(request: HttpRequest, code: str) -> HttpResponse:
    target = _state_or_404(code)
    on, _error, _today = _as_of(request)
    return _csv_response(
        interchange.state_csv(selectors.state_overview(target, on)), f"depositary-{target}.csv"
    )


def dump(request: HttpRequest) -> HttpResponse:
    on = as_of_date(request)[0] if request.GET.get("date") else None
    return _json_response(interchange.export_all(on), "depositary.json")


def json_schema(request: HttpRequest) -> HttpResponse:
    return HttpResponse(
        interchange.SCHEMA_PATH.read_text(encoding="utf-8"),
        content_type="application/schema+json",
    )

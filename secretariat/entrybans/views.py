"""The register's pages: the public page (legal basis, counts), screening for officers, listings
for their issuing state and the secretariat, requests of listed persons, the access log."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from secretariat.core.domain.errors import DomainError, NotFound, NotPermitted
from secretariat.core.permissions import can
from secretariat.core.web import add_domain_error, request_actor
from secretariat.entrybans import registry, selectors, services
from secretariat.entrybans.forms import (
    AnswerForm,
    ExtendForm,
    ListingForm,
    ReasonForm,
    RequestForm,
    ScreenForm,
)


def index(request: HttpRequest) -> HttpResponse:
    actor = request_actor(request)
    return render(
        request,
        "entrybans/index.html",
        {
            "basis": selectors.legal_basis(),
            "counts": selectors.register_counts(),
            "may_screen": can(actor, "entrybans.screen"),
            "may_keep": can(actor, "entrybans.view_listing")
            or can(actor, "entrybans.view_listing", actor.state),
            "may_audit": can(actor, "entrybans.read_access_log"),
            "may_follow_requests": can(actor, "entrybans.view_requests")
            or can(actor, "entrybans.view_requests", actor.state),
        },
    )


@login_required
def screen(request: HttpRequest) -> HttpResponse:
    actor = request_actor(request)
    if not can(actor, "entrybans.screen"):
        raise PermissionDenied
    form = ScreenForm(request.POST or None)
    hits: list[dict[str, Any]] | None = None
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        query = registry.NameQuery(
            data["name"],
            data["birth_date"] or None,
            data["nationality"] or None,
            (data["document"],) if data["document"] else (),
        )
        try:
            hits = registry.screen_names(actor, [query], use=data["use"])[0]
        except DomainError as error:
            add_domain_error(form, error)
    return render(request, "entrybans/screen.html", {"form": form, "hits": hits})


def _listings_actor(request: HttpRequest) -> Any:
    actor = request_actor(request)
    try:
        selectors.listings_for(actor)
    except NotPermitted:
        raise PermissionDenied from None
    return actor


@login_required
def listings(request: HttpRequest) -> HttpResponse:
    actor = _listings_actor(request)
    return render(
        request,
        "entrybans/listings.html",
        {
            "listings": selectors.listings_for(actor),
            "may_enter": actor.state is not None
            and can(actor, "entrybans.enter_listing", actor.state),
            "due": selectors.due_for_review(actor),
        },
    )


@login_required
def listing(request: HttpRequest, reference: str) -> HttpResponse:
    actor = _listings_actor(request)
    try:
        row = selectors.listing_for(actor, reference)
    except NotFound:
        raise Http404 from None
    own = can(actor, "entrybans.change_listing", row.issuing_state)
    return render(
        request,
        "entrybans/listing.html",
        {
            "listing": row,
            "own": own and row.status != "deleted",
            "may_quarantine": can(actor, "entrybans.quarantine_listing")
            and row.status != "deleted",
            "extend_form": ExtendForm(),
            "reason_form": ReasonForm(),
        },
    )


@login_required
def new_listing(request: HttpRequest) -> HttpResponse:
    actor = request_actor(request)
    if not (actor.state and can(actor, "entrybans.enter_listing", actor.state)):
        raise PermissionDenied
    form = ListingForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            row, _outcome = services.enter_listing(
                actor, issuing_state=actor.state, **form.service_kwargs()
            )
        except DomainError as error:
            add_domain_error(form, error)
        else:
            messages.success(request, _("The listing was entered."))
            return redirect("entrybans:listing", reference=row.reference)
    status = 422 if request.method == "POST" else 200
    return render(
        request, "form.html", {"form": form, "title": _("Enter a listing")}, status=status
    )


@login_required
@require_POST
def listing_action(request: HttpRequest, reference: str, verb: str) -> HttpResponse:
    actor = request_actor(request)
    form: ExtendForm | ReasonForm = (
        ExtendForm(request.POST) if verb == "extend" else ReasonForm(request.POST)
    )
    if not form.is_valid():
        messages.error(request, _("Give the text the action needs."))
        return redirect("entrybans:listing", reference=reference)
    data = form.cleaned_data
    actions = {
        "extend": lambda: services.extend_listing(
            actor, reference=reference, assessment=data["assessment"]
        ),
        "delete": lambda: services.delete_listing(
            actor, reference=reference, reason=data["reason"]
        ),
        "quarantine": lambda: services.quarantine_listing(
            actor, reference=reference, reason=data["reason"]
        ),
        "release": lambda: services.release_listing(
            actor, reference=reference, reason=data["reason"]
        ),
    }
    if verb not in actions:
        raise Http404
    try:
        actions[verb]()
    except NotFound:
        raise Http404 from None
    except DomainError as error:
        messages.error(request, error.message)
    else:
        messages.success(request, _("Done."))
    return redirect("entrybans:listing", reference=reference)


@login_required
def requests_page(request: HttpRequest) -> HttpResponse:
    actor = request_actor(request)
    try:
        rows = selectors.requests_for(actor)
    except NotPermitted:
        raise PermissionDenied from None
    form = (
        RequestForm(request.POST or None)
        if can(actor, "entrybans.lodge_request", actor.state)
        else None
    )
    if request.method == "POST" and form is None:
        raise PermissionDenied
    if request.method == "POST" and form is not None and form.is_valid():
        try:
            services.lodge_request(actor, **form.cleaned_data)
        except DomainError as error:
            add_domain_error(form, error)
        else:
            messages.success(request, _("The request was lodged and routed to the issuing state."))
            return redirect("entrybans:requests")
    answerable = {
        r.pk
        for r in rows
        if r.outcome == "pending"
        and can(actor, "entrybans.answer_request", r.listing.issuing_state)
    }
    return render(
        request,
        "entrybans/requests.html",
        {
            "rows": rows,
            "form": form,
            "answerable": answerable,
            "answer_form": AnswerForm(),
            "stats": selectors.request_statistics(actor, dt.date.today().year),
            "today": dt.date.today(),
        },
    )


@login_required
@require_POST
def answer(request: HttpRequest, request_id: int) -> HttpResponse:
    actor = request_actor(request)
    form = AnswerForm(request.POST)
    if form.is_valid():
        try:
            services.answer_request(actor, request_id=request_id, **form.cleaned_data)
        except NotFound:
            raise Http404 from None
        except DomainError as error:
            messages.error(request, error.message)
        else:
            messages.success(request, _("The answer was recorded."))
    return redirect("entrybans:requests")


@login_required
def access_log(request: HttpRequest) -> HttpResponse:
    try:
        rows = selectors.access_log_for(request_actor(request))
    except NotPermitted:
        raise PermissionDenied from None
    return render(request, "entrybans/access_log.html", {"rows": rows[:500]})

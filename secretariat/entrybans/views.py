"""The register's pages: the public page (legal basis, counts), screening for officers, listings
for their issuing state and the secretariat, purpose-achieved notices, requests of listed persons,
independent reviews of delisting requests, hit follow-up, the access log."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from secretariat.core.domain.errors import DomainError, NotFound, NotPermitted
from secretariat.core.formatting import current_language, name_order
from secretariat.core.permissions import can
from secretariat.core.web import add_domain_error, report_write, request_actor
from secretariat.entrybans import registry, selectors, services
from secretariat.entrybans.domain import rules
from secretariat.entrybans.forms import (
    AnswerForm,
    DecisionForm,
    DialogueForm,
    ExtendForm,
    HitAnswerForm,
    HitReportForm,
    ListingForm,
    PhaseExtensionForm,
    PreliminaryForm,
    PurposeAnswerForm,
    PurposeNoticeForm,
    ReasonForm,
    ReferForm,
    ReportForm,
    RequestForm,
    ScreenForm,
)
from secretariat.entrybans.templatetags import state_names


def index(request: HttpRequest) -> HttpResponse:
    actor = request_actor(request)
    lang = current_language()
    counts = selectors.register_counts()
    # The issuing states by name in the page's language (the table shows names, not codes).
    order = sorted(counts, key=lambda code: name_order(state_names.name_of(code, lang), lang))
    return render(
        request,
        "entrybans/index.html",
        {
            "basis": selectors.legal_basis(),
            "counts": {code: counts[code] for code in order},
            "may_screen": can(actor, "entrybans.screen"),
            "may_keep": can(actor, "entrybans.view_listing")
            or can(actor, "entrybans.view_listing", actor.state),
            "may_audit": can(actor, "entrybans.read_access_log"),
            "may_follow_requests": can(actor, "entrybans.view_requests")
            or can(actor, "entrybans.view_requests", actor.state),
            "may_follow_notices": can(actor, "entrybans.view_purpose_notices")
            or can(actor, "entrybans.view_purpose_notices", actor.state),
            "may_follow_hits": can(actor, "entrybans.view_hit_reports")
            or can(actor, "entrybans.view_hit_reports", actor.state),
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


# Said on the login page to a visitor sent there from this page (core.auth_views.asked_for).
screen.login_purpose = {  # type: ignore[attr-defined]
    "title": gettext_lazy("screening against the common entry-ban register"),
    "what": gettext_lazy(
        "This page checks a traveller's name, in any script, spelling or word order, against the "
        "listings of the member states' common entry-ban register, and answers hit, review or "
        "verify identity. Every search is logged."
    ),
    "who": gettext_lazy(
        "Only border and consular officers of the member states may use it, with their officer "
        "account. Listings are not public: what the register publishes is on the entry-ban pages."
    ),
}


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
            "notices": row.purpose_notices.all(),
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
    report_write(request, actions[verb], _("Done."))
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
    referable = (
        {
            r.pk
            for r in rows.filter(kind="delisting", outcome__in=["pending", "refused"])
            if not hasattr(r, "review") and r.listing.status != "deleted"
        }
        if can(actor, "entrybans.review_delisting")
        else set()
    )
    return render(
        request,
        "entrybans/requests.html",
        {
            "rows": rows,
            "form": form,
            "answerable": answerable,
            "answer_form": AnswerForm(),
            "referable": referable,
            "refer_form": ReferForm(),
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
        report_write(
            request,
            lambda: services.answer_request(actor, request_id=request_id, **form.cleaned_data),
            _("The answer was recorded."),
        )
    return redirect("entrybans:requests")


@login_required
@require_POST
def refer_to_review(request: HttpRequest, request_id: int) -> HttpResponse:
    actor = request_actor(request)
    form = ReferForm(request.POST)
    if form.is_valid() and report_write(
        request,
        lambda: services.refer_to_review(actor, request_id=request_id, **form.cleaned_data),
        _("The request was referred to independent review."),
    ):
        return redirect("entrybans:reviews")
    return redirect("entrybans:requests")


REVIEW_FORMS: dict[str, type[forms.Form]] = {
    "preliminary": PreliminaryForm,
    "extend": PhaseExtensionForm,
    "dialogue": DialogueForm,
    "report": ReportForm,
    "decision": DecisionForm,
}


@login_required
def reviews(request: HttpRequest) -> HttpResponse:
    """Independent reviews of delisting requests: followed by whoever follows the request; each
    phase recorded here by the reviewer (the secretariat)."""
    actor = request_actor(request)
    try:
        rows = list(selectors.reviews_for(actor))
    except NotPermitted:
        raise PermissionDenied from None
    return render(
        request,
        "entrybans/reviews.html",
        {
            "rows": rows,
            "reviewer": can(actor, "entrybans.review_delisting"),
            "forms": {verb: form() for verb, form in REVIEW_FORMS.items()},
            "today": dt.date.today(),
        },
    )


@login_required
@require_POST
def review_action(request: HttpRequest, review_id: int, verb: str) -> HttpResponse:
    actor = request_actor(request)
    if verb not in REVIEW_FORMS:
        raise Http404
    form = REVIEW_FORMS[verb](request.POST)
    if not form.is_valid():
        messages.error(request, _("Give the text the action needs."))
        return redirect("entrybans:reviews")
    data = form.cleaned_data
    steps = {
        "preliminary": lambda: services.determine_review(
            actor,
            review_id=review_id,
            accept=data["decision"] == "accept",
            reasons=data["reasons"],
            new_material=data["new_material"],
        ),
        "extend": lambda: services.extend_review_phase(
            actor, review_id=review_id, months=data["months"]
        ),
        "dialogue": lambda: services.open_review_dialogue(actor, review_id=review_id),
        "report": lambda: services.submit_review_report(
            actor, review_id=review_id, report=data["report"]
        ),
        "decision": lambda: services.decide_review(
            actor, review_id=review_id, outcome=data["outcome"], reasons=data["reasons"]
        ),
    }
    report_write(request, steps[verb], _("Done."))
    return redirect("entrybans:reviews")


@login_required
def purpose_notices(request: HttpRequest) -> HttpResponse:
    """Notices that a listing has achieved its purpose: given here by a state applying it or the
    secretariat, answered here by the issuing state; escalated ones first."""
    actor = request_actor(request)
    try:
        rows = list(selectors.purpose_notices_for(actor))
    except NotPermitted:
        raise PermissionDenied from None
    form = (
        PurposeNoticeForm(request.POST or None)
        if can(actor, "entrybans.notify_purpose_achieved", actor.state)
        else None
    )
    if request.method == "POST" and form is None:
        raise PermissionDenied
    status = 200
    if request.method == "POST" and form is not None:
        if form.is_valid():
            try:
                services.notify_purpose_achieved(actor, **form.cleaned_data)
            except DomainError as error:
                add_domain_error(form, error)
            else:
                messages.success(request, _("The issuing state was notified."))
                return redirect("entrybans:purpose_notices")
        status = 422
    today = dt.date.today()
    return render(
        request,
        "entrybans/purpose_notices.html",
        {
            "rows": rows,
            "escalated": [r for r in rows if r.outcome == "pending" and r.escalated_on],
            "form": form,
            "answerable": {
                r.pk
                for r in rows
                if r.outcome == "pending"
                and can(actor, "entrybans.answer_purpose_notice", r.listing.issuing_state)
            },
            "answer_form": PurposeAnswerForm(),
            "today": today,
        },
        status=status,
    )


@login_required
@require_POST
def answer_purpose_notice(request: HttpRequest, notice_id: int) -> HttpResponse:
    actor = request_actor(request)
    form = PurposeAnswerForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Choose a reply."))
        return redirect("entrybans:purpose_notices")
    report_write(
        request,
        lambda: services.answer_purpose_notice(actor, notice_id=notice_id, **form.cleaned_data),
        _("The reply was recorded."),
    )
    return redirect("entrybans:purpose_notices")


@login_required
def hit_reports(request: HttpRequest) -> HttpResponse:
    """Hits reported by border officers to the issuing state's desk, answered within 12 hours;
    overdue ones first."""
    actor = request_actor(request)
    try:
        rows = list(selectors.hit_reports_for(actor))
    except NotPermitted:
        raise PermissionDenied from None
    may_report = can(actor, "entrybans.report_hit", actor.state)
    if request.method == "POST" and not may_report:
        raise PermissionDenied
    form = (
        HitReportForm(request.POST or None, initial={"reference": request.GET.get("reference", "")})
        if may_report
        else None
    )
    status = 200
    if request.method == "POST" and form is not None:
        if form.is_valid():
            try:
                services.report_hit(actor, **form.cleaned_data)
            except DomainError as error:
                add_domain_error(form, error)
            else:
                messages.success(request, _("The hit was reported to the issuing state."))
                return redirect("entrybans:hit_reports")
        status = 422
    now = timezone.now()
    return render(
        request,
        "entrybans/hit_reports.html",
        {
            "rows": rows,
            "overdue": [
                r for r in rows if rules.hit_report_overdue(r.answer_due, now, r.answered_at)
            ],
            "form": form,
            "answerable": {
                r.pk
                for r in rows
                if r.answered_at is None
                and can(actor, "entrybans.answer_hit_report", r.listing.issuing_state)
            },
            "answer_form": HitAnswerForm(),
            "now": now,
        },
        status=status,
    )


@login_required
@require_POST
def answer_hit_report(request: HttpRequest, report_id: int) -> HttpResponse:
    actor = request_actor(request)
    form = HitAnswerForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Give the text the action needs."))
        return redirect("entrybans:hit_reports")
    report_write(
        request,
        lambda: services.answer_hit_report(actor, report_id=report_id, **form.cleaned_data),
        _("The answer was recorded."),
    )
    return redirect("entrybans:hit_reports")


@login_required
def access_log(request: HttpRequest) -> HttpResponse:
    try:
        rows = selectors.access_log_for(request_actor(request))
    except NotPermitted:
        raise PermissionDenied from None
    return render(request, "entrybans/access_log.html", {"rows": rows[:500]})

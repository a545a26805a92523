"""Member pages: the list with the membership chart, one state's page, offices, and the forms
through which the secretariat and delegations write (each posting to a service)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import get_language, gettext_lazy
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from secretariat.charts.timelines import Bar, GanttRow, RatingPoint, freedom_chart, membership_gantt
from secretariat.core.domain.actors import Role
from secretariat.core.domain.errors import DomainError, NotFound
from secretariat.core.organization import organization
from secretariat.core.permissions import can
from secretariat.core.web import add_domain_error, request_actor
from secretariat.members import selectors, services
from secretariat.members.forms import (
    KIND_LABELS,
    ChairTermForm,
    IndicatorForm,
    MembershipEventForm,
    RejectForm,
    SecretaryGeneralForm,
)

STATUS_LABELS = {
    "none": gettext_lazy("not a party"),
    "party": gettext_lazy("party to the treaty"),
    "member": gettext_lazy("member"),
    "associate": gettext_lazy("associate member"),
    "frozen": gettext_lazy("member, participation frozen"),
    "suspended": gettext_lazy("suspended"),
    "withdrawn": gettext_lazy("withdrawn"),
}
FREEDOM_LABELS = {
    "F": gettext_lazy("Free"),
    "PF": gettext_lazy("Partly Free"),
    "NF": gettext_lazy("Not Free"),
}


def gantt_rows(timelines: Sequence[selectors.StateTimeline], lang: str) -> list[GanttRow]:
    return [
        GanttRow(
            label=t.state.name(lang),
            href=reverse("members:detail", args=[t.state.code]),
            bars=[
                Bar(p.status.value, str(STATUS_LABELS[p.status.value]), p.start, p.end)
                for p in t.periods
            ],
        )
        for t in timelines
        if t.periods
    ]


def member_list(request: HttpRequest) -> HttpResponse:
    lang = get_language() or "en"
    today = dt.date.today()
    timelines = selectors.timelines()
    first_year = min((p.start.year for t in timelines for p in t.periods), default=today.year)
    chart = membership_gantt(
        gantt_rows(timelines, lang),
        first_year=first_year,
        until=today,
        title=_("Membership over time"),
    )
    rows = [
        {"state": t.state, "periods": t.periods, "status": selectors.status_of(t.state.code, today)}
        for t in timelines
    ]
    return render(
        request,
        "members/list.html",
        {"chart": chart, "rows": rows, "status_labels": STATUS_LABELS, "lang": lang},
    )


def member_detail(request: HttpRequest, code: str) -> HttpResponse:
    actor = request_actor(request)
    lang = get_language() or "en"
    try:
        state = selectors.state(code)
    except NotFound:
        raise Http404 from None
    today = dt.date.today()
    indicators = list(selectors.indicators_of(state.code))
    chart = freedom_chart(
        [RatingPoint(i.year, i.status, i.political_rights, i.civil_liberties) for i in indicators],
        title=_("Freedom House ratings of %(state)s by year") % {"state": state.name(lang)},
        pr_label=_("Political rights"),
        cl_label=_("Civil liberties"),
    )
    form = None
    if can(actor, "members.submit_event", state.code):
        form = MembershipEventForm(delegation=actor.role is Role.DELEGATION)
    return render(
        request,
        "members/detail.html",
        {
            "state": state,
            "lang": lang,
            "status": selectors.status_of(state.code, today),
            "timeline": selectors.timeline_of(state.code),
            "events": selectors.events_for(actor, state.code),
            "indicators": indicators,
            "chart": chart,
            "event_form": form,
            "can_record_indicator": can(actor, "members.record_indicator"),
            "status_labels": STATUS_LABELS,
            "kind_labels": {k.value: v for k, v in KIND_LABELS.items()},
            "freedom_labels": FREEDOM_LABELS,
            "chair_terms": selectors.chair_terms().filter(state=state),
        },
    )


def _post_form(
    request: HttpRequest,
    form: Any,
    write: Callable[[dict[str, Any]], Any],
    success: str,
    template: str,
    context: dict[str, Any],
    redirect_to: str,
) -> HttpResponse:
    if form.is_valid():
        try:
            write(form.service_kwargs() if hasattr(form, "service_kwargs") else form.cleaned_data)
        except DomainError as error:
            add_domain_error(form, error)
        else:
            messages.success(request, success)
            return redirect(redirect_to)
    return render(request, template, {**context, "form": form}, status=422)


@login_required
@require_POST
def submit_event(request: HttpRequest, code: str) -> HttpResponse:
    actor = request_actor(request)
    try:
        state = selectors.state(code)
    except NotFound:
        raise Http404 from None
    if not can(actor, "members.submit_event", state.code):
        # Another state's delegation learns nothing: the same answer as for a missing state.
        raise Http404
    form = MembershipEventForm(request.POST, delegation=actor.role is Role.DELEGATION)
    return _post_form(
        request,
        form,
        lambda data: services.submit_membership_event(actor, state=state.code, **data),
        _("The event was recorded.")
        if actor.role is not Role.DELEGATION
        else _("The notification was submitted to the secretariat."),
        "form.html",
        {
            "title": _("Membership event for %(state)s")
            % {"state": state.name(get_language() or "en")}
        },
        reverse("members:detail", args=[state.code]),
    )


def pending_notifications(request: HttpRequest) -> HttpResponse:
    actor = request_actor(request)
    if actor.role not in (Role.SECRETARIAT, Role.DELEGATION, Role.AUDITOR):
        raise Http404
    return render(
        request,
        "members/pending.html",
        {
            "events": selectors.pending_events_for(actor),
            "can_decide": can(actor, "members.register_event"),
            "kind_labels": {k.value: v for k, v in KIND_LABELS.items()},
            "reject_form": RejectForm(),
        },
    )


@login_required
@require_POST
def decide_notification(request: HttpRequest, event_id: int, decision: str) -> HttpResponse:
    actor = request_actor(request)
    try:
        selectors.event_for(actor, event_id)
        if decision == "register":
            services.register_membership_event(actor, event_id=event_id)
            messages.success(request, _("The notification was registered."))
        else:
            form = RejectForm(request.POST)
            if not form.is_valid():
                messages.error(request, _("Give the reason for rejecting the notification."))
                return redirect("members:pending")
            services.reject_membership_event(
                actor, event_id=event_id, reason=form.cleaned_data["reason"]
            )
            messages.success(request, _("The notification was rejected."))
    except NotFound:
        raise Http404 from None
    except DomainError as error:
        messages.error(request, error.message)
    return redirect("members:pending")


def offices(request: HttpRequest) -> HttpResponse:
    actor = request_actor(request)
    return render(
        request,
        "members/offices.html",
        {
            "chairs": selectors.chair_terms(),
            "chair_rule": organization().chair,
            "secretaries_general": selectors.secretary_general_terms(),
            "lang": get_language() or "en",
            "can_record": can(actor, "members.record_chair_term"),
        },
    )


def _office_form(
    request: HttpRequest, form_class: Any, write: Callable[..., Any], title: str
) -> HttpResponse:
    actor = request_actor(request)
    if not can(actor, "members.record_chair_term"):
        raise Http404
    if request.method != "POST":
        return render(request, "form.html", {"form": form_class(), "title": title})
    return _post_form(
        request,
        form_class(request.POST),
        lambda data: write(actor, **data),
        _("The term was recorded."),
        "form.html",
        {"title": title},
        reverse("members:offices"),
    )


@login_required
def new_chair_term(request: HttpRequest) -> HttpResponse:
    return _office_form(request, ChairTermForm, services.record_chair_term, _("New chair term"))


@login_required
def new_secretary_general(request: HttpRequest) -> HttpResponse:
    return _office_form(
        request,
        SecretaryGeneralForm,
        services.record_secretary_general,
        _("New Secretary-General term"),
    )


@login_required
def new_indicator(request: HttpRequest, code: str) -> HttpResponse:
    actor = request_actor(request)
    if not can(actor, "members.record_indicator"):
        raise Http404
    try:
        state = selectors.state(code)
    except NotFound:
        raise Http404 from None
    title = _("Freedom House rating for %(state)s") % {"state": state.name(get_language() or "en")}
    if request.method != "POST":
        return render(request, "form.html", {"form": IndicatorForm(), "title": title})
    return _post_form(
        request,
        IndicatorForm(request.POST),
        lambda data: services.record_indicator(actor, state=state.code, **data),
        _("The rating was recorded."),
        "form.html",
        {"title": title},
        reverse("members:detail", args=[state.code]),
    )

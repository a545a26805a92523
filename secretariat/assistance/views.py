"""Assistance pages: requests and missions, one request's procedure, one mission with its
timeline and contingents by member, and the forms through which the requesting delegation and
the secretariat write (each posting to a service)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import get_language, gettext_lazy
from django.utils.translation import gettext as _

from secretariat.assistance import selectors, services
from secretariat.assistance.forms import (
    CloseForm,
    ConsultationForm,
    DecisionForm,
    DeploymentForm,
    MandateForm,
    RequestForm,
    WithdrawalForm,
    WithdrawRequestForm,
)
from secretariat.charts.strength import StrengthBar, strength_bars
from secretariat.core.domain.actors import Actor, Role
from secretariat.core.domain.errors import DomainError, NotFound
from secretariat.core.permissions import can
from secretariat.core.web import add_domain_error, request_actor
from secretariat.forces import selectors as forces
from secretariat.members.selectors import state_names

STATUS_LABELS = {
    "submitted": gettext_lazy("submitted"),
    "consultations": gettext_lazy("in consultations"),
    "decided": gettext_lazy("decided"),
    "mandated": gettext_lazy("mandate issued"),
    "deployed": gettext_lazy("forces deployed"),
    "forces_withdrawn": gettext_lazy("forces withdrawn"),
    "closed": gettext_lazy("closed"),
    "withdrawn": gettext_lazy("withdrawn by the requesting state"),
}
OUTCOME_LABELS = {
    "adopted": gettext_lazy("adopted"),
    "alternative": gettext_lazy("a different response"),
    "rejected": gettext_lazy("rejected"),
}
STEP_LABELS = {
    "request": gettext_lazy("Request"),
    "consultation": gettext_lazy("Consultations"),
    "decision": gettext_lazy("Council decision"),
    "mandate": gettext_lazy("Mandate: mission begins"),
    "deployment": gettext_lazy("Deployment"),
    "withdrawal_began": gettext_lazy("Withdrawal begins"),
    "withdrawal": gettext_lazy("Withdrawal completed"),
    "withdrawn": gettext_lazy("Request withdrawn"),
    "closed": gettext_lazy("Closed"),
}


def _labels() -> dict[str, Any]:
    return {
        "status_labels": STATUS_LABELS,
        "outcome_labels": OUTCOME_LABELS,
        "step_labels": STEP_LABELS,
    }


def index(request: HttpRequest) -> HttpResponse:
    actor = request_actor(request)
    rows = []
    for row in selectors.requests():
        rows.append(
            {
                "request": row,
                "decision": selectors.decision(row.code),
                "mission": selectors.mission_of(row.code),
            }
        )
    missions = [
        {"mission": m, "strength": sum(selectors.strength_by_state(m.code).values())}
        for m in selectors.missions()
    ]
    return render(
        request,
        "assistance/index.html",
        {
            "rows": rows,
            "missions": missions,
            "lang": get_language() or "en",
            "can_request": actor.role is Role.DELEGATION
            and can(actor, "assistance.submit_request", actor.state),
            **_labels(),
        },
    )


def _request_or_404(code: str) -> Any:
    try:
        return selectors.request(code)
    except NotFound:
        raise Http404 from None


def request_detail(request: HttpRequest, code: str) -> HttpResponse:
    actor = request_actor(request)
    row = _request_or_404(code)
    return render(
        request,
        "assistance/request.html",
        {
            "row": row,
            "lang": get_language() or "en",
            "timeline": selectors.timeline(code),
            "consultations": selectors.consultations(code),
            "decision": selectors.decision(code),
            "mission": selectors.mission_of(code),
            "can_withdraw": can(actor, "assistance.withdraw_request", row.state_id)
            and actor.role is Role.DELEGATION,
            "can_record": can(actor, "assistance.record_decision"),
            **_labels(),
        },
    )


def mission_detail(request: HttpRequest, code: str) -> HttpResponse:
    actor = request_actor(request)
    try:
        mission = selectors.mission(code)
    except NotFound:
        raise Http404 from None
    lang = get_language() or "en"
    names = state_names(lang)
    deployments = list(selectors.deployments(code))
    estimated = {d.contingent.state_id for d in deployments if d.strength_estimated}
    by_state = selectors.strength_by_state(code)
    chart = strength_bars(
        [StrengthBar(names.get(s, s), n, s in estimated) for s, n in by_state.items()],
        title=_("%(mission)s: personnel by contributing state") % {"mission": mission.name(lang)},
        estimate_label=_("estimate"),
    )
    return render(
        request,
        "assistance/mission.html",
        {
            "mission": mission,
            "lang": lang,
            "timeline": selectors.timeline(mission.request.code),
            "deployments": deployments,
            "by_state": [
                {"code": s, "name": names.get(s, s), "strength": n, "estimated": s in estimated}
                for s, n in by_state.items()
            ],
            "total": sum(by_state.values()),
            "any_estimate": bool(estimated),
            "chart": chart,
            "can_record": can(actor, "assistance.record_deployment"),
            **_labels(),
        },
    )


def _form_page(
    request: HttpRequest,
    *,
    form_class: Callable[..., forms.Form],
    write: Callable[[dict[str, Any]], Any],
    title: str,
    success: str,
    redirect_to: str,
    form_kwargs: dict[str, Any] | None = None,
) -> HttpResponse:
    """GET shows the form; POST hands it to the service and shows its refusal on the form."""
    kwargs = form_kwargs or {}
    if request.method != "POST":
        return render(request, "form.html", {"form": form_class(**kwargs), "title": title})
    form = form_class(request.POST, **kwargs)
    if form.is_valid():
        try:
            write(form.service_kwargs())  # type: ignore[attr-defined]
        except DomainError as error:
            add_domain_error(form, error)
        else:
            messages.success(request, success)
            return redirect(redirect_to)
    return render(request, "form.html", {"form": form, "title": title}, status=422)


def _secretariat(actor: Actor, action: str) -> None:
    if not can(actor, action):
        raise Http404


@login_required
def new_request(request: HttpRequest) -> HttpResponse:
    actor = request_actor(request)
    if actor.role is not Role.DELEGATION or not can(
        actor, "assistance.submit_request", actor.state
    ):
        raise Http404
    state = actor.state or ""

    def write(data: dict[str, Any]) -> Any:
        row, _outcome = services.submit_request(actor, state=state, **data)
        return row

    return _form_page(
        request,
        form_class=RequestForm,
        write=write,
        title=_("Request collective assistance for %(state)s") % {"state": state},
        success=_("The request was submitted."),
        redirect_to="assistance:index",
    )


@login_required
def withdraw_request(request: HttpRequest, code: str) -> HttpResponse:
    actor = request_actor(request)
    row = _request_or_404(code)
    if not can(actor, "assistance.withdraw_request", row.state_id):
        raise Http404  # another state's request: nothing to learn here
    return _form_page(
        request,
        form_class=WithdrawRequestForm,
        write=lambda data: services.withdraw_request(actor, request=code, **data),
        title=_("Withdraw request %(code)s") % {"code": code},
        success=_("The request was withdrawn."),
        redirect_to=reverse("assistance:request", args=[code]),
    )


STEP_FORMS: dict[str, tuple[str, type[forms.Form], Callable[..., Any], Any]] = {
    "consultation": (
        "assistance.record_consultation",
        ConsultationForm,
        services.record_consultation,
        gettext_lazy("Record consultations"),
    ),
    "decision": (
        "assistance.record_decision",
        DecisionForm,
        services.record_decision,
        gettext_lazy("Record the Council's decision"),
    ),
    "mandate": (
        "assistance.issue_mandate",
        MandateForm,
        services.issue_mandate,
        gettext_lazy("Issue the mandate"),
    ),
    "close": (
        "assistance.close_request",
        CloseForm,
        services.close_request,
        gettext_lazy("Close the request"),
    ),
}


@login_required
def request_step(request: HttpRequest, code: str, step: str) -> HttpResponse:
    actor = request_actor(request)
    if step not in STEP_FORMS:
        raise Http404
    action, form_class, service, title = STEP_FORMS[step]
    _secretariat(actor, action)
    row = _request_or_404(code)
    return _form_page(
        request,
        form_class=form_class,
        write=lambda data: service(actor, request=code, **data),
        title=f"{title}: {row.code}",
        success=_("Recorded."),
        redirect_to=reverse("assistance:request", args=[code]),
    )


@login_required
def deploy(request: HttpRequest, code: str) -> HttpResponse:
    actor = request_actor(request)
    _secretariat(actor, "assistance.record_deployment")
    try:
        mission = selectors.mission(code)
    except NotFound:
        raise Http404 from None
    lang = get_language() or "en"
    contingents = [
        (c.code, f"{c.state_id} — {c.unit(lang)} ({c.strength or '?'})")
        for c in forces.contingents(formation=mission.formation.code if mission.formation else None)
    ]
    areas = [(a.code, a.name(lang)) for a in mission.areas.all()]
    return _form_page(
        request,
        form_class=DeploymentForm,
        form_kwargs={"contingents": contingents, "areas": areas},
        write=lambda data: services.record_deployment(actor, mandate=code, **data),
        title=_("Deploy a contingent: %(mission)s") % {"mission": mission.name(lang)},
        success=_("The deployment was recorded."),
        redirect_to=reverse("assistance:mission", args=[code]),
    )


@login_required
def withdraw_forces(request: HttpRequest, code: str) -> HttpResponse:
    actor = request_actor(request)
    _secretariat(actor, "assistance.withdraw_forces")
    try:
        mission = selectors.mission(code)
    except NotFound:
        raise Http404 from None
    return _form_page(
        request,
        form_class=WithdrawalForm,
        write=lambda data: services.withdraw_forces(actor, mandate=code, **data),
        title=_("Withdrawal of the forces: %(mission)s")
        % {"mission": mission.name(get_language() or "en")},
        success=_("The withdrawal was recorded."),
        redirect_to=reverse("assistance:mission", args=[code]),
    )

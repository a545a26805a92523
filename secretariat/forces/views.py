"""Forces pages: formations with pledged strength by member on any date, contingents,
exercises, and the form through which a delegation pledges its own state's contingents."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import get_language, gettext_lazy, ngettext
from django.utils.translation import gettext as _

from secretariat.charts.strength import StrengthBar, strength_bars
from secretariat.core.domain.actors import Role
from secretariat.core.domain.errors import DomainError
from secretariat.core.formatting import format_date
from secretariat.core.permissions import can
from secretariat.core.web import add_domain_error, as_of_date, request_actor
from secretariat.forces import selectors, services
from secretariat.forces.domain.rules import Total
from secretariat.forces.forms import READINESS_LABELS, UNIT_TYPE_LABELS, PledgeForm
from secretariat.members import selectors as members

KIND_LABELS = {
    "rapid_reaction": gettext_lazy("rapid reaction forces"),
    "peacekeeping": gettext_lazy("peacekeeping forces"),
    "regional": gettext_lazy("regional forces"),
    "other": gettext_lazy("other forces"),
}


def bars(totals: dict[str, Total], names: dict[str, str]) -> list[StrengthBar]:
    """One bar per state with a pledged contingent, largest first.

    A state whose contingents' strength is unpublished keeps its row, with no length and a note
    saying so: leaving it out would read as "pledged nothing" (Kazakhstan's CRRF units)."""
    rows = []
    for code, total in sorted(totals.items(), key=lambda item: (-item[1].strength, item[0])):
        if total.contingents == 0:
            continue
        if total.published == 0:
            note = ngettext(
                "strength of %(n)s contingent not published",
                "strength of %(n)s contingents not published",
                total.undisclosed,
            ) % {"n": total.undisclosed}
            rows.append(StrengthBar(names.get(code, code), 0, False, "", note, unknown=True))
            continue
        note = _("+%(n)s not published") % {"n": total.undisclosed} if total.undisclosed else ""
        rows.append(StrengthBar(names.get(code, code), total.strength, total.estimated, "", note))
    return rows


def index(request: HttpRequest) -> HttpResponse:
    actor = request_actor(request)
    lang = get_language() or "en"
    day, date_error = as_of_date(request)
    names = members.state_names(lang)
    totals = selectors.totals_on(day)
    everything = selectors.totals_by_state(day)
    estimate = _("estimate")
    overall_chart = strength_bars(
        bars(everything, names),
        title=_("Pledged strength by member state on %(date)s") % {"date": format_date(day)},
        estimate_label=estimate,
    )
    formations = []
    # As of the date: formations established by then and exercises begun by then, nothing later.
    for formation in selectors.formations(on=day):
        entry = totals.get(formation.code)
        formations.append(
            {
                "formation": formation,
                "name": formation.name(lang),
                "total": entry.total if entry else Total(),
                "by_state": [
                    {"code": code, "name": names.get(code, code), "total": total}
                    for code, total in (entry.by_state.items() if entry else [])
                ],
                "chart": strength_bars(
                    bars(entry.by_state, names) if entry else [],
                    title=_("%(formation)s: pledged strength by member")
                    % {"formation": formation.name(lang)},
                    estimate_label=estimate,
                ),
                "contingents": selectors.contingents(formation=formation.code, on=day),
                "exercises": selectors.exercises(formation=formation.code, on=day),
            }
        )
    pledge_state = actor.state if actor.role is Role.DELEGATION else None
    return render(
        request,
        "forces/index.html",
        {
            "day": day,
            "date_error": date_error,
            "lang": lang,
            "names": names,
            "overall_chart": overall_chart,
            "everything": [
                {"code": c, "name": names.get(c, c), "total": t} for c, t in everything.items()
            ],
            "formations": formations,
            "kind_labels": KIND_LABELS,
            "unit_type_labels": {k.value: v for k, v in UNIT_TYPE_LABELS.items()},
            "readiness_labels": {k.value: v for k, v in READINESS_LABELS.items()},
            "can_pledge": can(actor, "forces.pledge_contingent", pledge_state),
        },
    )


def _pledge_form(data: Any, own_state: str | None, lang: str) -> PledgeForm:
    choices = [(f.code, f.name(lang)) for f in selectors.formations()]
    return PledgeForm(data, formations=choices, own_state=own_state)


@login_required
def pledge(request: HttpRequest) -> HttpResponse:
    actor = request_actor(request)
    own = actor.state if actor.role is Role.DELEGATION else None
    if not can(actor, "forces.pledge_contingent", own):
        raise Http404
    lang = get_language() or "en"
    title = _("Pledge a contingent")
    if request.method != "POST":
        form = _pledge_form(None, own, lang)
        return render(request, "form.html", {"form": form, "title": title})
    form = _pledge_form(request.POST, own, lang)
    if form.is_valid():
        data = form.service_kwargs()
        if own and data["state"] != own:
            raise Http404  # another state's pledge: the same answer as a missing page
        try:
            services.pledge_contingent(actor, **data)
        except DomainError as error:
            add_domain_error(form, error)
        else:
            messages.success(request, _("The contingent was pledged."))
            return redirect("forces:index")
    return render(request, "form.html", {"form": form, "title": title}, status=422)

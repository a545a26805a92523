"""Portal forms for collective assistance. They only shape input; the services decide."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from secretariat.core.forms import DATE_INPUT, sources_list

TEXT = forms.Textarea(attrs={"rows": 3})
SHORT = forms.Textarea(attrs={"rows": 2})
PRECISION_CHOICES = [("day", _("day")), ("month", _("month")), ("year", _("year"))]
OUTCOME_CHOICES = [
    ("adopted", _("adopted: assistance as asked")),
    ("alternative", _("a different response (e.g. a monitoring mission)")),
    ("rejected", _("rejected")),
]


class WithSources(forms.Form):
    sources = forms.CharField(label=_("Sources, one per line"), required=False, widget=SHORT)

    def service_kwargs(self) -> dict[str, Any]:
        data = dict(self.cleaned_data)
        if "sources" in data:
            data["sources"] = sources_list(data["sources"])
        return data


class RequestForm(WithSources):
    requested_on = forms.DateField(label=_("Date of the request"), widget=DATE_INPUT)
    on_behalf_of = forms.CharField(
        label=_("On behalf of (head of state or government)"), max_length=300
    )
    situation_en = forms.CharField(label=_("The situation (English)"), widget=TEXT)
    situation_ru = forms.CharField(label=_("The situation (Russian)"), widget=TEXT, required=False)
    asks_en = forms.CharField(label=_("What the state asks for (English)"), widget=TEXT)
    asks_ru = forms.CharField(
        label=_("What the state asks for (Russian)"), widget=TEXT, required=False
    )
    legal_basis = forms.CharField(label=_("Legal basis"), max_length=300, required=False)


class WithdrawRequestForm(forms.Form):
    withdrawn_on = forms.DateField(label=_("Date of withdrawal"), widget=DATE_INPUT)
    reason = forms.CharField(label=_("Reason"), widget=SHORT, required=False)

    def service_kwargs(self) -> dict[str, Any]:
        return dict(self.cleaned_data)


class ConsultationForm(WithSources):
    date = forms.DateField(label=_("Date"), widget=DATE_INPUT)
    precision = forms.ChoiceField(label=_("Date known to the"), choices=PRECISION_CHOICES)
    held_by_en = forms.CharField(label=_("Who consulted, in what format (English)"), max_length=300)
    held_by_ru = forms.CharField(
        label=_("Who consulted, in what format (Russian)"), max_length=300, required=False
    )
    session = forms.CharField(label=_("Session code"), max_length=60, required=False)
    summary_en = forms.CharField(label=_("Summary (English)"), widget=TEXT)
    summary_ru = forms.CharField(label=_("Summary (Russian)"), widget=TEXT, required=False)


class DecisionForm(WithSources):
    date = forms.DateField(label=_("Date"), widget=DATE_INPUT)
    session = forms.CharField(label=_("Session code"), max_length=60, required=False)
    outcome = forms.ChoiceField(label=_("Outcome"), choices=OUTCOME_CHOICES)
    response_en = forms.CharField(label=_("What the Council decided (English)"), widget=TEXT)
    response_ru = forms.CharField(
        label=_("What the Council decided (Russian)"), widget=TEXT, required=False
    )


class MandateForm(WithSources):
    code = forms.SlugField(label=_("Code of the mission"), max_length=60)
    name_en = forms.CharField(label=_("Name of the mission (English)"), max_length=300)
    name_ru = forms.CharField(
        label=_("Name of the mission (Russian)"), max_length=300, required=False
    )
    territory = forms.CharField(label=_("Territory (state code)"), max_length=2)
    formation = forms.CharField(label=_("Formation code"), max_length=60, required=False)
    commander = forms.CharField(label=_("Commander"), max_length=300, required=False)
    tasks_en = forms.CharField(label=_("Tasks (English)"), widget=TEXT)
    tasks_ru = forms.CharField(label=_("Tasks (Russian)"), widget=TEXT, required=False)
    start = forms.DateField(label=_("From"), widget=DATE_INPUT)
    end = forms.DateField(label=_("To"), widget=DATE_INPUT)
    areas = forms.CharField(
        label=_("Areas, one per line: code: name"),
        widget=SHORT,
        help_text=_("for example “almaty: Almaty”"),
    )

    def service_kwargs(self) -> dict[str, Any]:
        data = super().service_kwargs()
        data["territory"] = data["territory"].upper()
        data["formation"] = data["formation"] or None
        areas = []
        for line in data["areas"].splitlines():
            if not line.strip():
                continue
            code, _sep, name = line.partition(":")
            areas.append({"code": code.strip(), "name_en": name.strip() or code.strip()})
        data["areas"] = areas
        return data


class CloseForm(forms.Form):
    closed_on = forms.DateField(label=_("Closed on"), widget=DATE_INPUT)
    outcome_en = forms.CharField(label=_("What was given (English)"), widget=TEXT)
    outcome_ru = forms.CharField(label=_("What was given (Russian)"), widget=TEXT, required=False)

    def service_kwargs(self) -> dict[str, Any]:
        return dict(self.cleaned_data)


class DeploymentForm(WithSources):
    contingent = forms.ChoiceField(label=_("Contingent"))
    area = forms.ChoiceField(label=_("Area"))
    strength = forms.IntegerField(label=_("Strength (personnel)"), min_value=1)
    strength_estimated = forms.BooleanField(label=_("The strength is an estimate"), required=False)
    start = forms.DateField(label=_("From"), widget=DATE_INPUT)
    end = forms.DateField(label=_("To"), widget=DATE_INPUT, required=False)

    def __init__(
        self,
        *args: Any,
        contingents: list[tuple[str, str]],
        areas: list[tuple[str, str]],
        **kwargs: Any,
    ) -> None:
        super().__init__(*args, **kwargs)
        self.fields["contingent"].choices = contingents  # type: ignore[attr-defined]
        self.fields["area"].choices = areas  # type: ignore[attr-defined]


class WithdrawalForm(forms.Form):
    began_on = forms.DateField(label=_("Withdrawal began"), widget=DATE_INPUT, required=False)
    completed_on = forms.DateField(label=_("Withdrawal completed"), widget=DATE_INPUT)

    def service_kwargs(self) -> dict[str, Any]:
        return dict(self.cleaned_data)

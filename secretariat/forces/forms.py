"""Portal forms for forces. They only shape input; the services decide what is valid."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from secretariat.core.forms import DATE_INPUT, sources_list
from secretariat.forces.domain.rules import Readiness, UnitType

UNIT_TYPE_LABELS = {
    UnitType.AIRBORNE: _("airborne"),
    UnitType.AIR_ASSAULT: _("air assault"),
    UnitType.SPECIAL_FORCES: _("special forces"),
    UnitType.GROUND: _("ground forces"),
    UnitType.NAVAL: _("naval"),
    UnitType.AIR: _("air force"),
    UnitType.POLICE: _("police"),
    UnitType.EMERGENCY: _("emergency response"),
    UnitType.MEDICAL: _("medical"),
    UnitType.CIVILIAN: _("civilian"),
    UnitType.MIXED: _("mixed"),
}
READINESS_LABELS = {
    Readiness.STANDING: _("standing readiness"),
    Readiness.ON_CALL: _("assembled when called"),
    Readiness.RESERVE: _("reserve"),
    Readiness.NOT_STATED: _("not stated"),
}


class PledgeForm(forms.Form):
    formation = forms.ChoiceField(label=_("Formation"))
    state = forms.CharField(label=_("State code"), max_length=2)
    code = forms.SlugField(label=_("Code of the contingent"), max_length=60)
    unit_en = forms.CharField(label=_("Unit (English)"), max_length=300)
    unit_ru = forms.CharField(label=_("Unit (Russian)"), max_length=300, required=False)
    unit_type = forms.ChoiceField(
        label=_("Type"), choices=[(k.value, v) for k, v in UNIT_TYPE_LABELS.items()]
    )
    strength = forms.IntegerField(label=_("Strength (personnel)"), required=False, min_value=1)
    strength_estimated = forms.BooleanField(label=_("The strength is an estimate"), required=False)
    readiness = forms.ChoiceField(
        label=_("Readiness"), choices=[(k.value, v) for k, v in READINESS_LABELS.items()]
    )
    start = forms.DateField(label=_("Pledged from"), widget=DATE_INPUT)
    end = forms.DateField(label=_("Pledged until"), widget=DATE_INPUT, required=False)
    sources = forms.CharField(
        label=_("Sources, one per line"), required=False, widget=forms.Textarea(attrs={"rows": 2})
    )

    def __init__(
        self, *args: Any, formations: list[tuple[str, str]], own_state: str | None, **kwargs: Any
    ) -> None:
        super().__init__(*args, **kwargs)
        self.fields["formation"].choices = formations  # type: ignore[attr-defined]
        if own_state:
            self.fields["state"].initial = own_state
            self.fields["state"].widget = forms.HiddenInput()

    def service_kwargs(self) -> dict[str, Any]:
        data = dict(self.cleaned_data)
        data["state"] = data["state"].upper()
        data["sources"] = sources_list(data["sources"])
        return data

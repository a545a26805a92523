"""Portal forms for meeting records. They only shape input; the services decide what is valid."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from secretariat.meetings.domain.consensus import Outcome, Position

POSITION_LABELS = {
    Position.SUPPORTS: _("supports"),
    Position.OBJECTS: _("objects"),
    Position.ABSTAINS: _("abstains"),
    Position.NOT_INTERESTED: _("not interested (stays out, not bound)"),
}
OUTCOME_LABELS = {
    Outcome.DRAFT: _("draft"),
    Outcome.ADOPTED: _("adopted"),
    Outcome.NOT_ADOPTED: _("not adopted"),
    Outcome.WITHDRAWN: _("withdrawn"),
}


class PositionForm(forms.Form):
    position = forms.ChoiceField(
        label=_("Position"), choices=[(k.value, v) for k, v in POSITION_LABELS.items()]
    )
    statement_en = forms.CharField(
        label=_("Statement (English)"), required=False, widget=forms.Textarea(attrs={"rows": 2})
    )
    statement_ru = forms.CharField(
        label=_("Statement (Russian)"), required=False, widget=forms.Textarea(attrs={"rows": 2})
    )


class OutcomeForm(forms.Form):
    outcome = forms.ChoiceField(
        label=_("Outcome"), choices=[(k.value, v) for k, v in OUTCOME_LABELS.items()]
    )


class AttendanceForm(forms.Form):
    state = forms.CharField(label=_("State code"), max_length=2)
    presence = forms.ChoiceField(
        label=_("Attendance"),
        choices=[
            ("present", _("present")),
            ("represented", _("represented")),
            ("absent", _("absent")),
            ("guest", _("guest")),
        ],
    )
    person = forms.CharField(label=_("Who attended"), required=False)
    reason = forms.ChoiceField(
        label=_("Reason for absence"),
        required=False,
        choices=[
            ("", "—"),
            ("boycott", _("boycott")),
            ("frozen_participation", _("participation frozen")),
            ("declined", _("declined to attend")),
            ("no_legitimate_authority", _("no constitutional authorities")),
            ("unknown", _("reason not known")),
            ("other", _("other reason")),
        ],
    )
    reason_text = forms.CharField(label=_("Reason, in words"), required=False)

    def service_kwargs(self) -> dict[str, object]:
        data = dict(self.cleaned_data)
        data["state"] = str(data["state"]).upper()
        return data

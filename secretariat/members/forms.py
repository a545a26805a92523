"""Portal forms for member records. They only shape input; the services decide what is valid."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from secretariat.members.domain.indicators import FreedomStatus
from secretariat.members.domain.membership import EventKind
from secretariat.members.domain.policy import DELEGATION_EVENT_KINDS
from secretariat.members.domain.terms import Precision

KIND_LABELS = {
    EventKind.TREATY_SIGNATURE: _("Signature of the founding treaty"),
    EventKind.TREATY_ACCESSION: _("Accession to the founding treaty"),
    EventKind.FOUNDING_MEMBERSHIP: _("Founding membership"),
    EventKind.ACCESSION: _("Accession"),
    EventKind.ASSOCIATION: _("Associate membership"),
    EventKind.WITHDRAWAL: _("Withdrawal"),
    EventKind.RESTORATION: _("Restoration of membership"),
    EventKind.SUSPENSION: _("Suspension"),
    EventKind.FROZEN_PARTICIPATION: _("Participation frozen"),
    EventKind.RESUMPTION: _("Participation resumed"),
    EventKind.STATEMENT: _("Statement (no change of status)"),
}

DATE_INPUT = forms.DateInput(attrs={"type": "date"})


def _sources(text: str) -> list[str]:
    return [line.strip() for line in text.splitlines() if line.strip()]


class MembershipEventForm(forms.Form):
    kind = forms.ChoiceField(label=_("Event"))
    date = forms.DateField(label=_("Date"), widget=DATE_INPUT)
    summary_en = forms.CharField(
        label=_("What happened (English)"), widget=forms.Textarea(attrs={"rows": 2})
    )
    summary_ru = forms.CharField(
        label=_("What happened (Russian)"), required=False, widget=forms.Textarea(attrs={"rows": 2})
    )
    sources = forms.CharField(
        label=_("Sources, one per line"), required=False, widget=forms.Textarea(attrs={"rows": 2})
    )

    def __init__(self, *args: object, delegation: bool = False, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        kinds = [k for k in EventKind if not delegation or k.value in DELEGATION_EVENT_KINDS]
        self.fields["kind"].choices = [(k.value, KIND_LABELS[k]) for k in kinds]  # type: ignore[attr-defined]

    def service_kwargs(self) -> dict[str, object]:
        data = dict(self.cleaned_data)
        data["sources"] = _sources(data["sources"])
        return data


class RejectForm(forms.Form):
    reason = forms.CharField(label=_("Reason"), widget=forms.Textarea(attrs={"rows": 2}))


PRECISION_CHOICES = [(p.value, p.value) for p in Precision]


class TermForm(forms.Form):
    state = forms.CharField(label=_("State code"), max_length=2)
    start = forms.DateField(label=_("From"), widget=DATE_INPUT)
    end = forms.DateField(label=_("To"), required=False, widget=DATE_INPUT)
    sources = forms.CharField(
        label=_("Sources, one per line"), required=False, widget=forms.Textarea(attrs={"rows": 2})
    )

    def service_kwargs(self) -> dict[str, object]:
        data = dict(self.cleaned_data)
        data["state"] = data["state"].upper()
        data["sources"] = _sources(data["sources"])
        return data


class ChairTermForm(TermForm):
    holder_en = forms.CharField(label=_("Chair (English)"))
    holder_ru = forms.CharField(label=_("Chair (Russian)"), required=False)


class SecretaryGeneralForm(TermForm):
    person_en = forms.CharField(label=_("Name (English)"))
    person_ru = forms.CharField(label=_("Name (Russian)"), required=False)
    acting = forms.BooleanField(label=_("Acting"), required=False)


class IndicatorForm(forms.Form):
    year = forms.IntegerField(label=_("Year under review"))
    status = forms.ChoiceField(
        label=_("Status"), choices=[(s.value, s.value) for s in FreedomStatus]
    )
    political_rights = forms.IntegerField(label=_("Political rights (1–7)"), required=False)
    civil_liberties = forms.IntegerField(label=_("Civil liberties (1–7)"), required=False)
    score = forms.IntegerField(label=_("Score (0–100)"), required=False)
    sources = forms.CharField(
        label=_("Sources, one per line"), required=False, widget=forms.Textarea(attrs={"rows": 2})
    )

    def service_kwargs(self) -> dict[str, object]:
        data = dict(self.cleaned_data)
        data["sources"] = _sources(data["sources"])
        return data

"""Portal forms of the depositary. They only shape input; the services decide what is valid."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from secretariat.depositary.domain.acts import ActKind
from secretariat.depositary.domain.engine import Standing

KIND_LABELS = {
    ActKind.SIGNATURE: _("Signature (subject to ratification)"),
    ActKind.DEFINITIVE_SIGNATURE: _("Definitive signature"),
    ActKind.RATIFICATION: _("Ratification"),
    ActKind.ACCEPTANCE: _("Acceptance"),
    ActKind.APPROVAL: _("Approval"),
    ActKind.ACCESSION: _("Accession"),
    ActKind.SUCCESSION: _("Succession"),
    ActKind.NOTIFICATION: _("Notification of completion of internal procedures"),
    ActKind.PROVISIONAL_APPLICATION: _("Provisional application"),
    ActKind.RESERVATION: _("Reservation"),
    ActKind.DECLARATION: _("Declaration"),
    ActKind.OBJECTION: _("Objection"),
    ActKind.TERRITORIAL_APPLICATION: _("Territorial application"),
    ActKind.WITHDRAWAL: _("Withdrawal or denunciation"),
    ActKind.REVOCATION: _("Revocation of an earlier act"),
    ActKind.SUSPENSION: _("Suspension"),
    ActKind.COMMUNICATION: _("Communication"),
}

STANDING_LABELS = {
    Standing.NONE: _("No action"),
    Standing.SIGNATORY: _("Signed"),
    Standing.CONSENTED: _("Consent given, not yet in force"),
    Standing.PROVISIONAL: _("Applied provisionally"),
    Standing.PARTY: _("In force"),
    Standing.SUSPENDED: _("Suspended"),
    Standing.WITHDRAWN: _("Withdrawn"),
}

DATE_INPUT = forms.DateInput(attrs={"type": "date"})


class ActForm(forms.Form):
    state = forms.CharField(
        label=_("State (ISO code or English name)"), max_length=100, required=False
    )
    kind = forms.ChoiceField(label=_("Act"), choices=[(k.value, v) for k, v in KIND_LABELS.items()])
    date = forms.DateField(label=_("Date of deposit or receipt"), widget=DATE_INPUT)
    named_date = forms.DateField(
        label=_("Date named by the state (withdrawal)"), required=False, widget=DATE_INPUT
    )
    domestic_act = forms.CharField(label=_("Domestic act (law number)"), required=False)
    domestic_date = forms.DateField(
        label=_("Date of the domestic act"), required=False, widget=DATE_INPUT
    )
    text = forms.CharField(
        label=_("Text (reservation, declaration, communication)"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
    )
    document = forms.CharField(label=_("The instrument deposited (reference)"), required=False)
    sources = forms.CharField(
        label=_("Sources, one per line"), required=False, widget=forms.Textarea(attrs={"rows": 2})
    )

    def __init__(self, *args: object, delegation: bool = False, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        if delegation:
            # A delegation acts for its own state; the state is not its to choose.
            del self.fields["state"]
            self.fields["document"].required = True

    def service_kwargs(self) -> dict[str, Any]:
        data: dict[str, Any] = dict(self.cleaned_data)
        data["sources"] = [s.strip() for s in data["sources"].splitlines() if s.strip()]
        for key in ("domestic_act", "text", "document"):
            data[key] = data.get(key) or ""
        return data


class ReturnForm(forms.Form):
    reason = forms.CharField(
        label=_("Reasons for returning"), widget=forms.Textarea(attrs={"rows": 2})
    )


class DocumentForm(forms.Form):
    file = forms.FileField(label=_("Document (PDF or image)"))

"""Forms of the register's pages; each posts to a service, which has the last word."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from secretariat.core.terms import TERMS
from secretariat.entrybans.domain.rules import Ground, HitAction, RequestKind
from secretariat.entrybans.screening.score import USES


class ScreenForm(forms.Form):
    name = forms.CharField(label=_("Name"), max_length=300)
    birth_date = forms.CharField(
        label=_("Date of birth"), required=False, help_text="YYYY-MM-DD, YYYY-MM, YYYY"
    )
    nationality = forms.CharField(label=_("Nationality"), required=False, max_length=2)
    document = forms.CharField(label=_("Document number"), required=False, max_length=50)
    use = forms.ChoiceField(label=_("Use"), choices=[(u, u) for u in USES], initial="border")


def _choices(enum: Any) -> list[tuple[str, str]]:
    # The labels of the codes in the reader's language (core/terms.py).
    return [(m.value, TERMS.get(m.value, m.value.replace("_", " "))) for m in enum]


class ListingForm(forms.Form):
    reference = forms.CharField(label=_("Reference"), max_length=40)
    issuing_authority = forms.CharField(label=_("Issuing authority"), max_length=200)
    contact = forms.CharField(label=_("Contact for hits"), max_length=200)
    decision_reference = forms.CharField(label=_("National decision"), max_length=100)
    decision_date = forms.DateField(label=_("Decision date"))
    decision_valid_until = forms.DateField(label=_("Decision valid until"), required=False)
    ground = forms.ChoiceField(label=_("Ground"), choices=_choices(Ground))
    action_on_hit = forms.ChoiceField(label=_("Action on a hit"), choices=_choices(HitAction))
    surname = forms.CharField(label=_("Surname (original script)"))
    given_names = forms.CharField(label=_("Given names (original script)"))
    patronymic = forms.CharField(label=_("Patronymic (original script)"), required=False)
    surname_latin = forms.CharField(label=_("Surname (Latin)"))
    given_names_latin = forms.CharField(label=_("Given names (Latin)"))
    patronymic_latin = forms.CharField(label=_("Patronymic (Latin)"), required=False)
    birth_date = forms.CharField(label=_("Date of birth"), help_text="YYYY-MM-DD, YYYY")
    place_of_birth = forms.CharField(label=_("Place of birth"), required=False)
    nationalities = forms.CharField(label=_("Nationalities"), required=False, help_text="BY, RU")
    aliases = forms.CharField(
        label=_("Aliases"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("One a line; end a weak alias with “| weak”."),
    )
    documents = forms.CharField(
        label=_("Identity documents"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_("One number a line."),
    )
    assessment = forms.CharField(
        label=_("Individual assessment"), widget=forms.Textarea(attrs={"rows": 3})
    )
    proportionality = forms.CharField(
        label=_("Proportionality statement"), widget=forms.Textarea(attrs={"rows": 3})
    )
    reasons_releasable = forms.CharField(
        label=_("Reasons that may be released"), widget=forms.Textarea(attrs={"rows": 3})
    )
    reasons_confidential = forms.CharField(
        label=_("Reasons that may not be released"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    recognized_by = forms.CharField(label=_("Recognized by"), required=False, help_text="RU, KZ")

    def service_kwargs(self) -> dict[str, Any]:
        data = dict(self.cleaned_data)
        data["nationalities"] = _codes(data["nationalities"])
        data["recognized_by"] = _codes(data["recognized_by"])
        aliases = []
        for line in data["aliases"].splitlines():
            name, _bar, quality = line.partition("|")
            if name.strip():
                aliases.append({"name": name.strip(), "quality": quality.strip() or "strong"})
        data["aliases"] = aliases
        data["documents"] = [
            {"number": n.strip()} for n in data["documents"].splitlines() if n.strip()
        ]
        return data


def _codes(text: str) -> list[str]:
    return [c.strip().upper() for c in text.replace(";", ",").split(",") if c.strip()]


class ExtendForm(forms.Form):
    assessment = forms.CharField(
        label=_("New individual assessment"), widget=forms.Textarea(attrs={"rows": 3})
    )


class ReasonForm(forms.Form):
    reason = forms.CharField(label=_("Reason"), max_length=500)


class RequestForm(forms.Form):
    reference = forms.CharField(label=_("Listing reference"), max_length=40)
    kind = forms.ChoiceField(label=_("Kind"), choices=_choices(RequestKind))
    requester_reference = forms.CharField(label=_("Requester's file reference"), required=False)


class AnswerForm(forms.Form):
    outcome = forms.ChoiceField(
        label=_("Outcome"),
        choices=[
            ("granted", TERMS["granted"]),
            ("partly_granted", TERMS["partly_granted"]),
            ("refused", TERMS["refused"]),
        ],
    )
    reasons = forms.CharField(label=_("Reasons"), widget=forms.Textarea(attrs={"rows": 2}))


class PurposeNoticeForm(forms.Form):
    reference = forms.CharField(label=_("Listing reference"), max_length=40)
    reason = forms.CharField(
        label=_("Why the purpose is achieved"), widget=forms.Textarea(attrs={"rows": 2})
    )


class PurposeAnswerForm(forms.Form):
    reply = forms.ChoiceField(
        label=_("Reply"),
        choices=[("delete", _("confirm deletion")), ("keep", _("keep the listing"))],
    )
    reasons = forms.CharField(
        label=_("Reasons for keeping it"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
    )


class ReferForm(forms.Form):
    new_material = forms.CharField(
        label=_("New material (a repeat request needs it)"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
    )


class PreliminaryForm(forms.Form):
    decision = forms.ChoiceField(
        label=_("Preliminary determination"),
        choices=[("accept", _("accept: open information gathering")), ("reject", _("reject"))],
    )
    reasons = forms.CharField(label=_("Reasons"), widget=forms.Textarea(attrs={"rows": 2}))
    new_material = forms.CharField(
        label=_("New material (a repeat request needs it)"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
    )


class PhaseExtensionForm(forms.Form):
    months = forms.TypedChoiceField(
        label=_("Extend by (months)"), choices=[(1, "1"), (2, "2")], coerce=int
    )


class DialogueForm(forms.Form):
    """Opening the dialogue takes no input."""


class ReportForm(forms.Form):
    report = forms.CharField(
        label=_("Comprehensive report"), widget=forms.Textarea(attrs={"rows": 4})
    )


class DecisionForm(forms.Form):
    outcome = forms.ChoiceField(
        label=_("Decision"),
        choices=[("granted", _("delisting granted")), ("refused", _("delisting refused"))],
    )
    reasons = forms.CharField(label=_("Reasons"), widget=forms.Textarea(attrs={"rows": 3}))


class HitReportForm(forms.Form):
    reference = forms.CharField(label=_("Listing reference"), max_length=40)
    place = forms.CharField(label=_("Border crossing point or consulate"), max_length=200)
    action_taken = forms.BooleanField(label=_("The action on the hit was taken"), required=False)
    note = forms.CharField(
        label=_("Note for the issuing state"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
    )


class HitAnswerForm(forms.Form):
    answer = forms.CharField(label=_("Answer"), widget=forms.Textarea(attrs={"rows": 2}))

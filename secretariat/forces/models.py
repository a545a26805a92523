"""Forces: formations, the contingents members pledge to them, and exercises.

Written only by services.py. Other apps refer to a formation or contingent by its `code`.
"""

from __future__ import annotations

from django.db import models
from django.db.models import F, Q

from secretariat.forces.domain.rules import FormationKind, Readiness, UnitType
from secretariat.members.models import MemberState, Sourced

PRECISIONS = [("day", "day"), ("month", "month"), ("year", "year")]


class Formation(Sourced):
    """A standing force of the organization, made of national contingents."""

    code = models.SlugField(max_length=60, unique=True)
    kind = models.CharField(max_length=20, choices=[(k.value, k.value) for k in FormationKind])
    name_en = models.CharField(max_length=200)
    name_ru = models.CharField(max_length=200, blank=True, default="")
    acronym_en = models.CharField(max_length=20, blank=True, default="")
    acronym_ru = models.CharField(max_length=20, blank=True, default="")
    # What founded it: an instrument of the depositary and/or a Council session, by code.
    founding_instrument = models.CharField(max_length=60, blank=True, default="")
    founding_session = models.CharField(max_length=60, blank=True, default="")
    established = models.DateField(null=True, blank=True)
    purpose_en = models.TextField(blank=True, default="")
    purpose_ru = models.TextField(blank=True, default="")
    reported_strength = models.PositiveIntegerField(null=True, blank=True)
    reported_strength_note = models.TextField(blank=True, default="")
    reported_strength_note_ru = models.TextField(blank=True, default="")

    class Meta:
        ordering = ["established", "code"]
        constraints = [
            models.CheckConstraint(
                condition=~Q(founding_instrument="") | ~Q(founding_session=""),
                name="formation_has_founding_act",
            ),
            models.CheckConstraint(
                condition=Q(code__regex=r"^[a-z0-9-]+$"), name="formation_code_shape"
            ),
        ]

    def __str__(self) -> str:
        return self.code

    def name(self, lang: str) -> str:
        return self.name_ru if lang.startswith("ru") and self.name_ru else self.name_en

    def acronym(self, lang: str) -> str:
        return self.acronym_ru if lang.startswith("ru") and self.acronym_ru else self.acronym_en


class Contingent(Sourced):
    """A unit a member state pledges to a formation, for a period, with its strength."""

    code = models.SlugField(max_length=60, unique=True)
    formation = models.ForeignKey(Formation, on_delete=models.PROTECT, related_name="contingents")
    state = models.ForeignKey(
        MemberState, to_field="code", on_delete=models.PROTECT, related_name="contingents"
    )
    unit_en = models.CharField(max_length=300)
    unit_ru = models.CharField(max_length=300, blank=True, default="")
    unit_type = models.CharField(max_length=20, choices=[(t.value, t.value) for t in UnitType])
    strength = models.PositiveIntegerField(null=True, blank=True, help_text="empty: not published")
    strength_estimated = models.BooleanField(default=False)
    readiness = models.CharField(
        max_length=12,
        choices=[(r.value, r.value) for r in Readiness],
        default=Readiness.NOT_STATED.value,
    )
    start = models.DateField()
    start_precision = models.CharField(max_length=5, choices=PRECISIONS, default="day")
    end = models.DateField(null=True, blank=True)
    pledged_by = models.CharField(max_length=150, blank=True, default="")

    class Meta:
        ordering = ["formation", "state", "start", "code"]
        constraints = [
            models.CheckConstraint(
                condition=Q(end__isnull=True) | Q(end__gte=F("start")), name="contingent_dates"
            ),
            models.CheckConstraint(
                condition=Q(strength__isnull=True) | Q(strength__gt=0),
                name="contingent_strength_positive",
            ),
            models.CheckConstraint(
                condition=Q(code__regex=r"^[a-z0-9-]+$"), name="contingent_code_shape"
            ),
        ]

    def __str__(self) -> str:
        return self.code

    def unit(self, lang: str) -> str:
        return self.unit_ru if lang.startswith("ru") and self.unit_ru else self.unit_en


class Exercise(Sourced):
    code = models.SlugField(max_length=60, unique=True)
    formation = models.ForeignKey(
        Formation, on_delete=models.PROTECT, related_name="exercises", null=True, blank=True
    )
    name_en = models.CharField(max_length=200)
    name_ru = models.CharField(max_length=200, blank=True, default="")
    start = models.DateField()
    start_precision = models.CharField(max_length=5, choices=PRECISIONS, default="day")
    end = models.DateField(null=True, blank=True)
    place_en = models.CharField(max_length=300, blank=True, default="")
    place_ru = models.CharField(max_length=300, blank=True, default="")
    host = models.ForeignKey(
        MemberState,
        to_field="code",
        on_delete=models.PROTECT,
        related_name="exercises_hosted",
        null=True,
        blank=True,
    )
    participants = models.JSONField(default=list, blank=True, help_text="state codes")
    personnel = models.PositiveIntegerField(null=True, blank=True)
    personnel_estimated = models.BooleanField(default=False)

    class Meta:
        ordering = ["start", "code"]
        constraints = [
            models.CheckConstraint(
                condition=Q(end__isnull=True) | Q(end__gte=F("start")), name="exercise_dates"
            ),
            models.CheckConstraint(
                condition=Q(code__regex=r"^[a-z0-9-]+$"), name="exercise_code_shape"
            ),
        ]

    def __str__(self) -> str:
        return self.code

    def name(self, lang: str) -> str:
        return self.name_ru if lang.startswith("ru") and self.name_ru else self.name_en

    def place(self, lang: str) -> str:
        return self.place_ru if lang.startswith("ru") and self.place_ru else self.place_en

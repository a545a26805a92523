"""Member states, their membership events, offices and indicators. Written only by services.py."""

from __future__ import annotations

from django.db import models
from django.db.models import F, Q

from secretariat.members.domain.indicators import FreedomStatus
from secretariat.members.domain.membership import EventKind
from secretariat.members.domain.terms import Precision


class Sourced(models.Model):
    """Every fact keeps where it comes from and whether the sources leave it uncertain."""

    sources = models.JSONField(default=list, blank=True)
    uncertain = models.BooleanField(default=False)
    note = models.TextField(blank=True, default="")
    note_ru = models.TextField(blank=True, default="")

    class Meta:
        abstract = True

    def note_in(self, lang: str) -> str:
        return self.note_ru if lang.startswith("ru") and self.note_ru else self.note


class OrganizationProfile(models.Model):
    """The organization this installation serves: one row, written by the dataset loader."""

    dataset = models.CharField(max_length=40, unique=True)
    name_en = models.CharField(max_length=200)
    name_ru = models.CharField(max_length=200)
    acronym_en = models.CharField(max_length=20)
    acronym_ru = models.CharField(max_length=20)

    def __str__(self) -> str:
        return self.acronym_en


class MemberState(Sourced):
    code = models.CharField(max_length=2, unique=True, help_text="ISO 3166-1 alpha-2")
    iso3 = models.CharField(max_length=3, unique=True, help_text="ISO 3166-1 alpha-3")
    name_en = models.CharField(max_length=100)
    name_ru = models.CharField(max_length=100)

    class Meta:
        ordering = ["name_en"]
        constraints = [
            models.CheckConstraint(
                condition=Q(code__regex=r"^[A-Z]{2}$"), name="state_code_alpha2"
            ),
            models.CheckConstraint(
                condition=Q(iso3__regex=r"^[A-Z]{3}$"), name="state_iso3_alpha3"
            ),
        ]

    def __str__(self) -> str:
        return self.code

    def name(self, lang: str) -> str:
        return self.name_ru if lang.startswith("ru") else self.name_en


class EventStatus(models.TextChoices):
    PENDING = "pending", "Submitted, awaiting registration"
    REGISTERED = "registered", "Registered"
    REJECTED = "rejected", "Rejected"


class MembershipEvent(Sourced):
    state = models.ForeignKey(
        MemberState, to_field="code", on_delete=models.PROTECT, related_name="events"
    )
    kind = models.CharField(max_length=30, choices=[(k.value, k.value) for k in EventKind])
    date = models.DateField()
    summary_en = models.TextField()
    summary_ru = models.TextField(blank=True, default="")
    status = models.CharField(
        max_length=12, choices=EventStatus.choices, default=EventStatus.REGISTERED
    )
    submitted_by = models.CharField(max_length=150, blank=True, default="")
    decided_by = models.CharField(max_length=150, blank=True, default="")
    decision_reason = models.TextField(blank=True, default="")

    class Meta:
        ordering = ["state", "date", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["state", "kind", "date"],
                condition=Q(status="registered"),
                name="event_unique_registered",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.state_id} {self.kind} {self.date}"

    def summary(self, lang: str) -> str:
        return self.summary_ru if lang.startswith("ru") and self.summary_ru else self.summary_en


PRECISIONS = [(p.value, p.value) for p in Precision]


class OfficeTerm(Sourced):
    start = models.DateField()
    start_precision = models.CharField(max_length=5, choices=PRECISIONS, default="day")
    end = models.DateField(null=True, blank=True)
    end_precision = models.CharField(max_length=5, choices=PRECISIONS, default="day")

    class Meta:
        abstract = True


class ChairTerm(OfficeTerm):
    state = models.ForeignKey(
        MemberState, to_field="code", on_delete=models.PROTECT, related_name="chair_terms"
    )
    holder_en = models.CharField(max_length=150)
    holder_ru = models.CharField(max_length=150, blank=True, default="")

    class Meta:
        ordering = ["start"]
        constraints = [
            models.UniqueConstraint(fields=["start"], name="chair_term_unique_start"),
            models.CheckConstraint(
                condition=Q(end__isnull=True) | Q(end__gte=F("start")), name="chair_term_dates"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.state_id} chair from {self.start}"

    def holder(self, lang: str) -> str:
        return self.holder_ru if lang.startswith("ru") and self.holder_ru else self.holder_en


class SecretaryGeneralTerm(OfficeTerm):
    state = models.ForeignKey(
        MemberState, to_field="code", on_delete=models.PROTECT, related_name="secretaries_general"
    )
    person_en = models.CharField(max_length=150)
    person_ru = models.CharField(max_length=150, blank=True, default="")
    acting = models.BooleanField(default=False)

    class Meta:
        ordering = ["start"]
        constraints = [
            models.UniqueConstraint(fields=["start"], name="sg_term_unique_start"),
            models.CheckConstraint(
                condition=Q(end__isnull=True) | Q(end__gte=F("start")), name="sg_term_dates"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.person_en} from {self.start}"

    def person(self, lang: str) -> str:
        return self.person_ru if lang.startswith("ru") and self.person_ru else self.person_en


class Indicator(Sourced):
    state = models.ForeignKey(
        MemberState, to_field="code", on_delete=models.PROTECT, related_name="indicators"
    )
    kind = models.CharField(max_length=30, default="freedom_house")
    edition = models.CharField(max_length=20, blank=True, default="")
    year = models.PositiveSmallIntegerField(help_text="the year under review")
    status = models.CharField(max_length=2, choices=[(s.value, s.value) for s in FreedomStatus])
    political_rights = models.PositiveSmallIntegerField(null=True, blank=True)
    civil_liberties = models.PositiveSmallIntegerField(null=True, blank=True)
    score = models.PositiveSmallIntegerField(null=True, blank=True)

    class Meta:
        ordering = ["state", "year"]
        constraints = [
            models.UniqueConstraint(fields=["state", "kind", "year"], name="indicator_unique_year"),
            models.CheckConstraint(
                condition=Q(political_rights__isnull=True)
                | Q(political_rights__gte=1, political_rights__lte=7),
                name="indicator_pr_range",
            ),
            models.CheckConstraint(
                condition=Q(civil_liberties__isnull=True)
                | Q(civil_liberties__gte=1, civil_liberties__lte=7),
                name="indicator_cl_range",
            ),
            models.CheckConstraint(
                condition=Q(score__isnull=True) | Q(score__lte=100), name="indicator_score_range"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.state_id} {self.kind} {self.year}"

"""Collective assistance: requests, consultations, council decisions, mandates (missions), their
areas and the deployments of pledged contingents. Written only by services.py.

The organization's rule lives here too, not only in the services: a request is for the
requesting state's own territory (a check constraint), and triggers installed by migration 0003
refuse a mandate without a valid request from the territory's state and a deployment outside its
mandate's dates and area or beyond its contingent's pledge (see guards.py).
"""

from __future__ import annotations

from django.db import models
from django.db.models import F, Q

from secretariat.assistance.domain.lifecycle import Outcome, Status
from secretariat.forces.models import Contingent, Formation
from secretariat.members.models import MemberState, Sourced

PRECISIONS = [("day", "day"), ("month", "month"), ("year", "year")]


class AssistanceRequest(Sourced):
    code = models.SlugField(max_length=60, unique=True)
    state = models.ForeignKey(
        MemberState, to_field="code", on_delete=models.PROTECT, related_name="assistance_requests"
    )
    # The territory the assistance is for; the constraint below keeps it the requester's own.
    territory = models.ForeignKey(
        MemberState, to_field="code", on_delete=models.PROTECT, related_name="+"
    )
    requested_on = models.DateField()
    on_behalf_of = models.CharField(max_length=300, help_text="head of state or government")
    on_behalf_of_ru = models.CharField(max_length=300, blank=True, default="")
    situation_en = models.TextField()
    situation_ru = models.TextField(blank=True, default="")
    asks_en = models.TextField(help_text="what the state asks for")
    asks_ru = models.TextField(blank=True, default="")
    legal_basis = models.CharField(max_length=300, blank=True, default="")
    legal_basis_ru = models.CharField(max_length=300, blank=True, default="")
    status = models.CharField(
        max_length=20,
        choices=[(s.value, s.value) for s in Status],
        default=Status.SUBMITTED.value,
    )
    last_step_on = models.DateField(help_text="date of the latest step of the procedure")
    outcome_en = models.TextField(blank=True, default="", help_text="what was given, in short")
    outcome_ru = models.TextField(blank=True, default="")
    submitted_by = models.CharField(max_length=150, blank=True, default="")
    withdrawn_on = models.DateField(null=True, blank=True)
    withdrawn_precision = models.CharField(max_length=5, choices=PRECISIONS, default="day")
    withdrawal_reason = models.TextField(blank=True, default="")
    withdrawal_reason_ru = models.TextField(blank=True, default="")
    closed_on = models.DateField(null=True, blank=True)

    class Meta:
        ordering = ["-requested_on", "code"]
        constraints = [
            models.CheckConstraint(
                condition=Q(territory=F("state")), name="request_for_own_territory"
            ),
            models.CheckConstraint(
                condition=Q(last_step_on__gte=F("requested_on")), name="request_steps_after_it"
            ),
            models.CheckConstraint(
                condition=Q(withdrawn_on__isnull=True) | Q(withdrawn_on__gte=F("requested_on")),
                name="request_withdrawn_after_it",
            ),
            models.CheckConstraint(
                condition=Q(closed_on__isnull=True) | Q(closed_on__gte=F("requested_on")),
                name="request_closed_after_it",
            ),
            models.CheckConstraint(
                condition=~Q(status="withdrawn") | Q(withdrawn_on__isnull=False),
                name="request_withdrawn_has_date",
            ),
        ]

    def __str__(self) -> str:
        return self.code

    def situation(self, lang: str) -> str:
        return (
            self.situation_ru if lang.startswith("ru") and self.situation_ru else self.situation_en
        )

    def asks(self, lang: str) -> str:
        return self.asks_ru if lang.startswith("ru") and self.asks_ru else self.asks_en

    def outcome(self, lang: str) -> str:
        return self.outcome_ru if lang.startswith("ru") and self.outcome_ru else self.outcome_en


class Consultation(Sourced):
    request = models.ForeignKey(
        AssistanceRequest, on_delete=models.PROTECT, related_name="consultations"
    )
    date = models.DateField()
    precision = models.CharField(max_length=5, choices=PRECISIONS, default="day")
    held_by_en = models.CharField(max_length=300, help_text="who consulted, in what format")
    held_by_ru = models.CharField(max_length=300, blank=True, default="")
    session = models.CharField(max_length=60, blank=True, default="", help_text="session code")
    summary_en = models.TextField()
    summary_ru = models.TextField(blank=True, default="")

    class Meta:
        ordering = ["request", "date", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["request", "date", "held_by_en"], name="consultation_unique"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.request_id} consultation {self.date}"


class CouncilDecision(Sourced):
    request = models.OneToOneField(
        AssistanceRequest, on_delete=models.PROTECT, related_name="decision"
    )
    date = models.DateField()
    precision = models.CharField(max_length=5, choices=PRECISIONS, default="day")
    session = models.CharField(max_length=60, blank=True, default="", help_text="session code")
    outcome = models.CharField(max_length=12, choices=[(o.value, o.value) for o in Outcome])
    response_en = models.TextField(help_text="what the Council decided")
    response_ru = models.TextField(blank=True, default="")

    class Meta:
        ordering = ["date"]

    def __str__(self) -> str:
        return f"{self.request_id} decision {self.date}"

    def response(self, lang: str) -> str:
        return self.response_ru if lang.startswith("ru") and self.response_ru else self.response_en


class Mandate(Sourced):
    """The mission the Council authorized: its tasks, area and duration."""

    code = models.SlugField(max_length=60, unique=True)
    request = models.OneToOneField(
        AssistanceRequest, on_delete=models.PROTECT, related_name="mandate"
    )
    decision = models.OneToOneField(
        CouncilDecision, on_delete=models.PROTECT, related_name="mandate"
    )
    territory = models.ForeignKey(
        MemberState, to_field="code", on_delete=models.PROTECT, related_name="+"
    )
    formation = models.ForeignKey(
        Formation, on_delete=models.PROTECT, related_name="mandates", null=True, blank=True
    )
    name_en = models.CharField(max_length=300)
    name_ru = models.CharField(max_length=300, blank=True, default="")
    tasks_en = models.TextField()
    tasks_ru = models.TextField(blank=True, default="")
    commander = models.CharField(max_length=300, blank=True, default="")
    commander_ru = models.CharField(max_length=300, blank=True, default="")
    start = models.DateField()
    end = models.DateField()
    withdrawal_began = models.DateField(null=True, blank=True)
    withdrawal_completed = models.DateField(null=True, blank=True)

    class Meta:
        ordering = ["-start"]
        constraints = [
            models.CheckConstraint(condition=Q(end__gte=F("start")), name="mandate_dates"),
            models.CheckConstraint(
                condition=Q(withdrawal_began__isnull=True) | Q(withdrawal_began__gte=F("start")),
                name="mandate_withdrawal_after_start",
            ),
            models.CheckConstraint(
                condition=Q(withdrawal_completed__isnull=True)
                | Q(withdrawal_completed__gte=F("start")),
                name="mandate_withdrawn_after_start",
            ),
        ]

    def __str__(self) -> str:
        return self.code

    def name(self, lang: str) -> str:
        return self.name_ru if lang.startswith("ru") and self.name_ru else self.name_en

    def tasks(self, lang: str) -> str:
        return self.tasks_ru if lang.startswith("ru") and self.tasks_ru else self.tasks_en


class MandateArea(models.Model):
    """A place the mandate covers; a deployment names one, so it cannot be anywhere else."""

    mandate = models.ForeignKey(Mandate, on_delete=models.PROTECT, related_name="areas")
    code = models.SlugField(max_length=60)
    name_en = models.CharField(max_length=300)
    name_ru = models.CharField(max_length=300, blank=True, default="")

    class Meta:
        ordering = ["mandate", "code"]
        constraints = [
            models.UniqueConstraint(fields=["mandate", "code"], name="mandate_area_unique"),
        ]

    def __str__(self) -> str:
        return f"{self.mandate_id}:{self.code}"

    def name(self, lang: str) -> str:
        return self.name_ru if lang.startswith("ru") and self.name_ru else self.name_en


class Deployment(Sourced):
    """A named contingent sent on a mission: who, how many, where, from when to when."""

    mandate = models.ForeignKey(Mandate, on_delete=models.PROTECT, related_name="deployments")
    area = models.ForeignKey(MandateArea, on_delete=models.PROTECT, related_name="deployments")
    contingent = models.ForeignKey(Contingent, on_delete=models.PROTECT, related_name="deployments")
    strength = models.PositiveIntegerField()
    strength_estimated = models.BooleanField(default=False)
    start = models.DateField()
    end = models.DateField(null=True, blank=True)

    class Meta:
        ordering = ["mandate", "start", "contingent"]
        constraints = [
            models.UniqueConstraint(
                fields=["mandate", "contingent", "start"], name="deployment_unique"
            ),
            models.CheckConstraint(condition=Q(strength__gt=0), name="deployment_strength"),
            models.CheckConstraint(
                condition=Q(end__isnull=True) | Q(end__gte=F("start")), name="deployment_dates"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.mandate_id}:{self.contingent_id}:{self.start}"

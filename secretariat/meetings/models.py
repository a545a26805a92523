"""Meetings and decisions: the tables. Written only by services.py.

States are referred to by their ISO code (the members app keeps the states); instruments by the
depositary's code. Neither is a foreign key, so this app can be loaded and tested on its own.
"""

from __future__ import annotations

import datetime as dt

from django.db import models
from django.db.models import F, Q

from secretariat.meetings.domain.consensus import Outcome, Position
from secretariat.meetings.domain.sessions import (
    AbsenceReason,
    Kind,
    Level,
    Precision,
    Presence,
    describe_date,
)


def _choices(enum: type) -> list[tuple[str, str]]:
    return [(item.value, item.value) for item in enum]  # type: ignore[attr-defined]


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


class Session(Sourced):
    code = models.CharField(max_length=40, unique=True)
    body = models.CharField(max_length=16)  # one of organization.json's bodies
    kind = models.CharField(max_length=15, choices=_choices(Kind))
    by_video = models.BooleanField(default=False)
    label_en = models.CharField(max_length=200, blank=True, default="")
    label_ru = models.CharField(max_length=200, blank=True, default="")
    start = models.DateField()
    start_precision = models.CharField(max_length=5, choices=_choices(Precision), default="day")
    end = models.DateField(null=True, blank=True)
    city_en = models.CharField(max_length=100, blank=True, default="")
    city_ru = models.CharField(max_length=100, blank=True, default="")
    host = models.CharField(max_length=2, blank=True, default="", help_text="ISO 3166-1 alpha-2")
    chaired_by = models.CharField(max_length=2, blank=True, default="")
    chair_person = models.CharField(max_length=150, blank=True, default="")
    chair_person_ru = models.CharField(max_length=150, blank=True, default="")
    summary_en = models.TextField(blank=True, default="")
    summary_ru = models.TextField(blank=True, default="")
    # True when the Russian label and summary rest on Russian-language sources (among `sources`);
    # False when they are the secretariat's own translation of the English.
    ru_from_source = models.BooleanField(default=False)

    class Meta:
        ordering = ["start", "code"]
        constraints = [
            models.CheckConstraint(
                condition=Q(end__isnull=True) | Q(end__gte=F("start")), name="session_dates"
            ),
        ]

    def __str__(self) -> str:
        return self.code

    @property
    def last_day(self) -> dt.date:
        return self.end or self.start

    @property
    def date_text(self) -> str:
        text = describe_date(self.start, self.start_precision)
        return f"{text} – {self.end.isoformat()}" if self.end and self.end != self.start else text

    def city(self, lang: str) -> str:
        return self.city_ru if lang.startswith("ru") and self.city_ru else self.city_en

    def summary(self, lang: str) -> str:
        return self.summary_ru if lang.startswith("ru") and self.summary_ru else self.summary_en

    def chair_name(self, lang: str) -> str:
        ru = lang.startswith("ru") and self.chair_person_ru
        return self.chair_person_ru if ru else self.chair_person


class AgendaItem(models.Model):
    session = models.ForeignKey(Session, on_delete=models.PROTECT, related_name="agenda")
    number = models.PositiveSmallIntegerField()
    title_en = models.TextField()
    title_ru = models.TextField(blank=True, default="")

    class Meta:
        ordering = ["session", "number"]
        constraints = [
            models.UniqueConstraint(fields=["session", "number"], name="agenda_unique_number")
        ]

    def __str__(self) -> str:
        return f"{self.session_id} #{self.number}"


class Attendance(Sourced):
    session = models.ForeignKey(Session, on_delete=models.PROTECT, related_name="attendance")
    state = models.CharField(max_length=2)
    presence = models.CharField(max_length=12, choices=_choices(Presence))
    person = models.CharField(max_length=150, blank=True, default="")
    person_ru = models.CharField(max_length=150, blank=True, default="")
    level = models.CharField(max_length=20, choices=_choices(Level), blank=True, default="")
    by_video = models.BooleanField(default=False)
    reason = models.CharField(
        max_length=25, choices=_choices(AbsenceReason), blank=True, default=""
    )
    reason_text = models.TextField(blank=True, default="")
    reason_text_ru = models.TextField(blank=True, default="")

    class Meta:
        ordering = ["session", "state"]
        constraints = [
            models.UniqueConstraint(fields=["session", "state"], name="attendance_unique_state"),
            models.CheckConstraint(
                condition=Q(reason="") | Q(presence="absent"), name="attendance_reason_if_absent"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.session_id} {self.state} {self.presence}"

    def person_name(self, lang: str) -> str:
        return self.person_ru if lang.startswith("ru") and self.person_ru else self.person

    def reason_in(self, lang: str) -> str:
        ru = lang.startswith("ru") and self.reason_text_ru
        return self.reason_text_ru if ru else self.reason_text


class Decision(Sourced):
    session = models.ForeignKey(Session, on_delete=models.PROTECT, related_name="decisions")
    slug = models.SlugField(max_length=60)
    kind = models.CharField(max_length=40, default="decision")
    title_en = models.TextField()
    title_ru = models.TextField(blank=True, default="")
    text_en = models.TextField(blank=True, default="")
    text_ru = models.TextField(blank=True, default="")
    outcome = models.CharField(max_length=12, choices=_choices(Outcome), default="draft")
    decided_on = models.DateField(null=True, blank=True)
    rules = models.CharField(max_length=30)  # a reading of organization.json
    instruments = models.JSONField(default=list, blank=True)
    missions = models.JSONField(default=list, blank=True)

    class Meta:
        ordering = ["session__start", "id"]
        constraints = [
            models.UniqueConstraint(fields=["session", "slug"], name="decision_unique_slug"),
            models.CheckConstraint(
                condition=Q(outcome__in=[o.value for o in Outcome]), name="decision_outcome_known"
            ),
        ]

    def __str__(self) -> str:
        return self.code

    @property
    def code(self) -> str:
        return f"{self.session.code}/{self.slug}"

    def title(self, lang: str) -> str:
        return self.title_ru if lang.startswith("ru") and self.title_ru else self.title_en

    def text(self, lang: str) -> str:
        return self.text_ru if lang.startswith("ru") and self.text_ru else self.text_en


class StatePosition(Sourced):
    decision = models.ForeignKey(Decision, on_delete=models.PROTECT, related_name="positions")
    state = models.CharField(max_length=2)
    position = models.CharField(max_length=15, choices=_choices(Position))
    declared_on = models.DateField(null=True, blank=True)
    statement_en = models.TextField(blank=True, default="")
    statement_ru = models.TextField(blank=True, default="")
    recorded_by = models.CharField(max_length=150, blank=True, default="")

    class Meta:
        ordering = ["decision", "state"]
        constraints = [
            models.UniqueConstraint(fields=["decision", "state"], name="position_unique_state"),
            models.CheckConstraint(
                condition=Q(position__in=[p.value for p in Position]), name="position_known"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.decision_id} {self.state} {self.position}"

    def statement(self, lang: str) -> str:
        ru = lang.startswith("ru") and self.statement_ru
        return self.statement_ru if ru else self.statement_en


class Claim(Sourced):
    """What a state said about a decision's validity, and the reading of the rules it invokes."""

    decision = models.ForeignKey(Decision, on_delete=models.PROTECT, related_name="claims")
    state = models.CharField(max_length=2)
    reading = models.CharField(max_length=30)  # a reading of organization.json
    claim_en = models.TextField()
    claim_ru = models.TextField(blank=True, default="")
    claimed_on = models.DateField(null=True, blank=True)

    class Meta:
        ordering = ["decision", "state"]
        constraints = [
            models.UniqueConstraint(fields=["decision", "state"], name="claim_unique_state")
        ]

    def __str__(self) -> str:
        return f"{self.decision_id} {self.state} claims {self.reading}"

    def claim(self, lang: str) -> str:
        return self.claim_ru if lang.startswith("ru") and self.claim_ru else self.claim_en

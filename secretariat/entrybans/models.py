"""Common entry-ban register: the tables. Written only by services/.

Personal data live in `Listing` (and its names, documents and misused-identity records) and are
erased, not kept, when a listing is deleted: the row stays as a tombstone with its reference,
issuing state and dates, so requests and statistics still refer to it. The journal holds only a
salted commitment to the personal fields; the salt is erased with them.
"""

from __future__ import annotations

import datetime as dt
from enum import StrEnum

from django.db import models
from django.db.models import Q

from secretariat.entrybans.domain.rules import (
    Ground,
    HitAction,
    NoticeOutcome,
    Outcome,
    RequestKind,
    ReviewOutcome,
    ReviewPhase,
)


def _choices(enum: type[StrEnum]) -> list[tuple[str, str]]:
    return [(m.value, m.value.replace("_", " ")) for m in enum]


class ListingStatus(models.TextChoices):
    ACTIVE = "active", "active"
    QUARANTINED = "quarantined", "quarantined for data quality"
    DELETED = "deleted", "deleted"


class Listing(models.Model):
    reference = models.CharField(max_length=40, unique=True)
    issuing_state = models.CharField(max_length=2, db_index=True)
    issuing_authority = models.CharField(max_length=200)
    contact = models.CharField(max_length=200, help_text="the issuing state's desk for hits")
    decision_reference = models.CharField(max_length=100)
    decision_date = models.DateField()
    decision_valid_until = models.DateField(null=True, blank=True)
    ground = models.CharField(max_length=30, choices=_choices(Ground))
    action_on_hit = models.CharField(max_length=40, choices=_choices(HitAction))
    status = models.CharField(
        max_length=12, choices=ListingStatus.choices, default=ListingStatus.ACTIVE
    )
    fictitious = models.BooleanField(default=False, help_text="demonstration data, no real person")
    # The register version of this listing's last change (services.bump_register_version): a
    # serving process brings its screening index up to date from the listings above its own.
    register_version = models.PositiveBigIntegerField(default=0, db_index=True)
    recognized_by = models.JSONField(default=list, help_text="states applying this listing")
    # Personal data: erased on deletion.
    surname = models.CharField(max_length=200, blank=True)
    given_names = models.CharField(max_length=200, blank=True)
    patronymic = models.CharField(max_length=200, blank=True)
    surname_latin = models.CharField(max_length=200, blank=True)
    given_names_latin = models.CharField(max_length=200, blank=True)
    patronymic_latin = models.CharField(max_length=200, blank=True)
    birth_date = models.CharField(
        max_length=10, blank=True, help_text="YYYY, YYYY-MM or YYYY-MM-DD"
    )
    place_of_birth = models.CharField(max_length=200, blank=True)
    nationalities = models.JSONField(default=list)
    gender = models.CharField(max_length=10, blank=True)
    assessment = models.TextField(blank=True)
    proportionality = models.TextField(blank=True)
    reasons_releasable = models.TextField(blank=True)
    reasons_confidential = models.TextField(blank=True)
    salt = models.CharField(max_length=32, blank=True)
    commitment = models.CharField(max_length=64, blank=True)
    # When the delegation signed the submission (docs/signing.md): the statement it signed (which
    # holds a hash of the listing's content, never the content), the key and the signature.
    signed_statement = models.JSONField(null=True, blank=True)
    signature_key_id = models.CharField(max_length=32, blank=True, default="")
    signature = models.CharField(max_length=200, blank=True, default="")
    # Life cycle.
    entered_at = models.DateTimeField()
    updated_at = models.DateTimeField()
    review_date = models.DateField()
    warned_at = models.DateTimeField(null=True, blank=True)
    extensions = models.PositiveIntegerField(default=0)
    quarantine_reason = models.TextField(blank=True)
    quarantined_at = models.DateTimeField(null=True, blank=True)
    deleted_at = models.DateTimeField(null=True, blank=True)
    deletion_reason = models.CharField(max_length=200, blank=True)

    class Meta:
        ordering = ["reference"]
        constraints = [
            models.CheckConstraint(
                condition=~Q(status="deleted") | (Q(surname="") & Q(salt="")),
                name="entrybans_deleted_listing_holds_no_personal_data",
            ),
            models.CheckConstraint(
                condition=Q(status="deleted") | ~Q(assessment=""),
                name="entrybans_listing_has_assessment",
            ),
        ]

    def __str__(self) -> str:
        return self.reference


class ListingName(models.Model):
    """Aliases and other spellings; the main name is on the listing itself."""

    listing = models.ForeignKey(Listing, on_delete=models.CASCADE, related_name="names")
    name = models.CharField(max_length=300)
    quality = models.CharField(
        max_length=6, choices=[("strong", "strong"), ("weak", "weak")], default="strong"
    )

    class Meta:
        ordering = ["id"]

    def __str__(self) -> str:
        return f"{self.name} ({self.quality})"


class IdentityDocument(models.Model):
    listing = models.ForeignKey(Listing, on_delete=models.CASCADE, related_name="documents")
    kind = models.CharField(max_length=30, default="passport")
    number = models.CharField(max_length=50)
    issuing_country = models.CharField(max_length=2, blank=True)

    class Meta:
        ordering = ["id"]

    def __str__(self) -> str:
        return f"{self.kind} {self.number}"


class Extension(models.Model):
    listing = models.ForeignKey(Listing, on_delete=models.CASCADE, related_name="extension_rows")
    assessment = models.TextField()
    previous_review_date = models.DateField()
    new_review_date = models.DateField()
    recorded_at = models.DateTimeField()
    recorded_by = models.CharField(max_length=150, blank=True)

    def __str__(self) -> str:
        return f"extension to {self.new_review_date}"


class MisusedIdentity(models.Model):
    """A victim of identity misuse, recorded with consent to tell them apart at screening."""

    listing = models.ForeignKey(Listing, on_delete=models.CASCADE, related_name="misuse_records")
    birth_date = models.CharField(max_length=10, blank=True)
    nationality = models.CharField(max_length=2, blank=True)
    document_numbers = models.JSONField(default=list)
    consent_reference = models.CharField(max_length=100)
    consent_recorded_at = models.DateTimeField()
    withdrawn_at = models.DateTimeField(null=True, blank=True)

    def __str__(self) -> str:
        return f"misused identity {self.pk}"


class SubjectRequest(models.Model):
    """A request from a listed person: access, rectification, erasure or delisting."""

    listing = models.ForeignKey(Listing, on_delete=models.PROTECT, related_name="requests")
    kind = models.CharField(max_length=15, choices=_choices(RequestKind))
    lodged_with = models.CharField(max_length=11, help_text="a state code or 'secretariat'")
    lodged_on = models.DateField()
    route_by = models.DateField()
    answer_by = models.DateField()
    requester_reference = models.CharField(max_length=100, blank=True)
    outcome = models.CharField(max_length=15, choices=_choices(Outcome), default="pending")
    answered_on = models.DateField(null=True, blank=True)
    answer_reasons = models.TextField(blank=True)

    class Meta:
        ordering = ["-lodged_on", "-id"]

    def __str__(self) -> str:
        return f"{self.kind} request {self.pk}"


class DelistingReview(models.Model):
    """The independent review of a delisting request (after the UN Ombudsperson's procedure,
    res. 2734 (2024) Annex II): preliminary determination, information gathering, dialogue,
    comprehensive report, decision. The reviewer is the secretariat; each step is a service."""

    request = models.OneToOneField(SubjectRequest, on_delete=models.PROTECT, related_name="review")
    listing = models.ForeignKey(Listing, on_delete=models.PROTECT, related_name="delisting_reviews")
    repeat = models.BooleanField(
        default=False, help_text="an earlier delisting request on this listing failed"
    )
    new_material = models.TextField(blank=True)
    phase = models.CharField(max_length=25, choices=_choices(ReviewPhase), default="preliminary")
    outcome = models.CharField(max_length=20, choices=_choices(ReviewOutcome), default="pending")
    referred_on = models.DateField()
    preliminary_on = models.DateField(null=True, blank=True)
    preliminary_reasons = models.TextField(blank=True)
    gathering_started_on = models.DateField(null=True, blank=True)
    gathering_due = models.DateField(null=True, blank=True)
    gathering_extended = models.BooleanField(default=False)
    dialogue_started_on = models.DateField(null=True, blank=True)
    dialogue_due = models.DateField(null=True, blank=True)
    dialogue_extended = models.BooleanField(default=False)
    report_on = models.DateField(null=True, blank=True)
    report = models.TextField(blank=True)
    decided_on = models.DateField(null=True, blank=True)
    decision_reasons = models.TextField(blank=True)

    class Meta:
        ordering = ["-referred_on", "-id"]
        constraints = [
            models.UniqueConstraint(
                fields=["listing"],
                condition=Q(outcome="pending"),
                name="entrybans_one_open_review_per_listing",
            ),
            models.CheckConstraint(
                condition=Q(phase="closed") | Q(outcome="pending"),
                name="entrybans_review_outcome_only_when_closed",
            ),
        ]

    def __str__(self) -> str:
        return f"delisting review {self.pk}"

    @property
    def phase_due(self) -> dt.date | None:
        """The deadline of the current phase, when it has one."""
        if self.phase == ReviewPhase.INFORMATION_GATHERING:
            return self.gathering_due
        if self.phase == ReviewPhase.DIALOGUE:
            return self.dialogue_due
        return None


class PurposeNotice(models.Model):
    """A notice that a listing has achieved its purpose (SIRENE): given by a state applying the
    listing or by the secretariat; the issuing state confirms deletion or gives reasons for
    keeping it within 15 calendar days, or the notice escalates."""

    listing = models.ForeignKey(Listing, on_delete=models.PROTECT, related_name="purpose_notices")
    notified_by = models.CharField(max_length=11, help_text="a state code or 'secretariat'")
    notified_on = models.DateField()
    reason = models.TextField()
    reply_by = models.DateField()
    outcome = models.CharField(max_length=20, choices=_choices(NoticeOutcome), default="pending")
    answered_on = models.DateField(null=True, blank=True)
    answer_reasons = models.TextField(blank=True)
    escalated_on = models.DateField(null=True, blank=True)

    class Meta:
        ordering = ["-notified_on", "-id"]
        constraints = [
            models.UniqueConstraint(
                fields=["listing"],
                condition=Q(outcome="pending"),
                name="entrybans_one_open_purpose_notice_per_listing",
            ),
        ]

    def __str__(self) -> str:
        return f"purpose-achieved notice {self.pk}"


class HitReport(models.Model):
    """A hit reported by a border officer to the issuing state's desk, which answers within 12
    hours (SIRENE). Times are UTC."""

    listing = models.ForeignKey(Listing, on_delete=models.PROTECT, related_name="hit_reports")
    reported_by_state = models.CharField(max_length=2)
    reported_by = models.CharField(max_length=150, blank=True)
    reported_at = models.DateTimeField(db_index=True)
    answer_due = models.DateTimeField()
    place = models.CharField(max_length=200, help_text="border crossing point or consulate")
    action_taken = models.BooleanField(help_text="the action on a hit was taken")
    note = models.TextField(blank=True)
    answered_at = models.DateTimeField(null=True, blank=True)
    answered_by = models.CharField(max_length=150, blank=True)
    answer = models.TextField(blank=True)
    # Set once by the `expire` run when the 12 hours passed without an answer (journaled).
    escalated_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-reported_at", "-id"]
        constraints = [
            models.CheckConstraint(
                condition=Q(answered_at__isnull=True) | ~Q(answer=""),
                name="entrybans_answered_hit_report_has_answer",
            ),
        ]

    def __str__(self) -> str:
        return f"hit report {self.pk}"


class AccessLog(models.Model):
    """Every search and every access to a listing (SIS Art. 12): who, which authority, when,
    what was searched and what came back. Kept three years; read by auditors only."""

    at = models.DateTimeField(db_index=True)
    username = models.CharField(max_length=150, blank=True)
    user_id = models.BigIntegerField(null=True, blank=True)
    role = models.CharField(max_length=20)
    authority = models.CharField(max_length=11, blank=True)
    action = models.CharField(max_length=30)
    query = models.JSONField(default=dict)
    returned = models.JSONField(default=list)

    class Meta:
        ordering = ["-at", "-id"]

    def __str__(self) -> str:
        return f"{self.action} by {self.username} at {self.at}"


class RegisterVersion(models.Model):
    """One row whose number goes up with every change that screening sees; every process compares
    it with the version of its in-memory index before screening."""

    number = models.BigIntegerField(default=0)

    def __str__(self) -> str:
        return f"register version {self.number}"


class LegalBasis(models.Model):
    """The legal framework the register stands on: proposals and adoptions, each with sources."""

    code = models.CharField(max_length=60, unique=True)
    kind = models.CharField(
        max_length=10, choices=[("proposal", "proposal"), ("adoption", "adoption")]
    )
    date = models.DateField()
    date_precision = models.CharField(max_length=5, default="day")
    summary_en = models.TextField()
    summary_ru = models.TextField(blank=True)
    outcome_en = models.TextField(blank=True)
    outcome_ru = models.TextField(blank=True)
    sources = models.JSONField(default=list)
    uncertain = models.BooleanField(default=False)

    class Meta:
        ordering = ["date"]

    def __str__(self) -> str:
        return self.code

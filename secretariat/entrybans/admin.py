"""Admin: the secretariat may look at the register's metadata, never edit it (the issuing state
does, through the services). Personal fields and the free text written about a person or an
encounter (reasons, notes, answers, reports) are not shown here at all: the register's pages show
them to whom the selectors allow, and log the access."""

from __future__ import annotations

from django.contrib import admin

from secretariat.core.admin_base import ReadOnlyAdmin
from secretariat.entrybans.models import (
    DelistingReview,
    HitReport,
    LegalBasis,
    Listing,
    PurposeNotice,
)


@admin.register(Listing)
class ListingAdmin(ReadOnlyAdmin):
    list_display = ("reference", "issuing_state", "status", "review_date", "fictitious")
    list_filter = ("issuing_state", "status", "fictitious")
    fields = (
        "reference",
        "issuing_state",
        "status",
        "ground",
        "review_date",
        "fictitious",
        "quarantine_reason",
    )


@admin.register(LegalBasis)
class LegalBasisAdmin(ReadOnlyAdmin):
    list_display = ("code", "kind", "date", "uncertain")


@admin.register(PurposeNotice)
class PurposeNoticeAdmin(ReadOnlyAdmin):
    """The 15-day loop: who gave the notice, by when the issuing state answers, escalation."""

    list_display = (
        "id",
        "listing",
        "notified_by",
        "notified_on",
        "reply_by",
        "outcome",
        "answered_on",
        "escalated_on",
    )
    list_filter = ("outcome", "notified_by")
    fields = list_display
    list_select_related = ("listing",)


@admin.register(DelistingReview)
class DelistingReviewAdmin(ReadOnlyAdmin):
    """Each independent review's phase, deadlines and extensions, and its outcome."""

    list_display = (
        "id",
        "listing",
        "phase",
        "outcome",
        "referred_on",
        "gathering_due",
        "dialogue_due",
    )
    list_filter = ("phase", "outcome", "repeat")
    fields = (
        "id",
        "listing",
        "repeat",
        "phase",
        "outcome",
        "referred_on",
        "preliminary_on",
        "gathering_started_on",
        "gathering_due",
        "gathering_extended",
        "dialogue_started_on",
        "dialogue_due",
        "dialogue_extended",
        "report_on",
        "decided_on",
    )
    list_select_related = ("listing",)


@admin.register(HitReport)
class HitReportAdmin(ReadOnlyAdmin):
    """The 12-hour clock of each reported hit: states, times, escalation; not the encounter."""

    list_display = (
        "id",
        "listing",
        "reported_by_state",
        "reported_at",
        "answer_due",
        "answered_at",
        "escalated_at",
    )
    list_filter = ("reported_by_state",)
    fields = (*list_display, "action_taken")
    list_select_related = ("listing",)

"""Admin: the secretariat may look at listings' metadata, never edit them (the issuing state does,
through the services); personal fields are not shown here at all."""

from __future__ import annotations

from django.contrib import admin

from secretariat.core.admin_base import ReadOnlyAdmin
from secretariat.entrybans.models import LegalBasis, Listing


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

"""Admin for the depositary: reading for secretariat staff; acts are added through the service.

Instruments carry their final clauses as structured JSON, which the portal's forms and the import
command write with validation; the admin shows them read-only.
"""

from typing import Any

from django.contrib import admin

from secretariat.core.admin_base import ReadOnlyAdmin, ServiceAdmin
from secretariat.core.domain.actors import Actor
from secretariat.depositary import services
from secretariat.depositary.models import Act, ActDocument, Instrument, Notification


def _submit_from_admin(actor: Actor, **data: Any) -> tuple[Act, str]:
    """The admin's form gives the instrument as a row; the service takes its code."""
    instrument = data.pop("instrument")
    code = instrument.code if isinstance(instrument, Instrument) else str(instrument)
    return services.submit_act(actor, instrument=code, **data)


@admin.register(Instrument)
class InstrumentAdmin(ReadOnlyAdmin):
    list_display = ["code", "title_en", "kind", "adopted_on", "participation", "uncertain"]
    list_filter = ["kind", "participation"]
    search_fields = ["code", "title_en", "title_ru"]


@admin.register(Act)
class ActAdmin(ServiceAdmin):
    write = _submit_from_admin
    list_display = ["instrument", "state", "kind", "date", "status", "deposited", "uncertain"]
    list_filter = ["kind", "status", "instrument"]
    search_fields = ["state", "domestic_act", "document"]
    fields = [
        "instrument",
        "state",
        "kind",
        "date",
        "date_precision",
        "deposited",
        "named_date",
        "domestic_act",
        "domestic_date",
        "text",
        "territory",
        "document",
        "sources",
        "uncertain",
        "note",
    ]


@admin.register(Notification)
class NotificationAdmin(ReadOnlyAdmin):
    list_display = ["number", "kind", "instrument", "state", "issued_on", "effective_on"]
    list_filter = ["kind", "instrument"]


@admin.register(ActDocument)
class ActDocumentAdmin(ReadOnlyAdmin):
    """Documents are attached through the service (portal or API) and downloaded through the
    portal's checked view; the admin lists them, without a link to the stored file."""

    list_display = ["act", "filename", "content_type", "size", "sha256", "uploaded_by"]
    search_fields = ["sha256", "filename"]
    fields = ["act", "filename", "content_type", "size", "sha256", "uploaded_by", "uploaded_at"]

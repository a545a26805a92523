from django.contrib import admin

from secretariat.core.admin_base import ReadOnlyAdmin, ServiceAdmin
from secretariat.members import services
from secretariat.members.models import (
    ChairTerm,
    Indicator,
    MembershipEvent,
    MemberState,
    SecretaryGeneralTerm,
)


@admin.register(MemberState)
class MemberStateAdmin(ReadOnlyAdmin):
    list_display = ["code", "iso3", "name_en", "name_ru"]


@admin.register(MembershipEvent)
class MembershipEventAdmin(ServiceAdmin):
    write = services.submit_membership_event
    list_display = ["state", "date", "kind", "status", "uncertain"]
    list_filter = ["kind", "status", "state"]
    fields = ["state", "kind", "date", "summary_en", "summary_ru", "sources", "uncertain", "note"]


@admin.register(ChairTerm)
class ChairTermAdmin(ServiceAdmin):
    write = services.record_chair_term
    list_display = ["state", "holder_en", "start", "end", "uncertain"]
    fields = [
        "state",
        "holder_en",
        "holder_ru",
        "start",
        "start_precision",
        "end",
        "end_precision",
        "sources",
        "uncertain",
        "note",
    ]


@admin.register(SecretaryGeneralTerm)
class SecretaryGeneralAdmin(ServiceAdmin):
    write = services.record_secretary_general
    list_display = ["person_en", "state", "acting", "start", "end"]
    fields = [
        "state",
        "person_en",
        "person_ru",
        "acting",
        "start",
        "start_precision",
        "end",
        "end_precision",
        "sources",
        "uncertain",
        "note",
    ]


@admin.register(Indicator)
class IndicatorAdmin(ServiceAdmin):
    write = services.record_indicator
    list_display = ["state", "year", "status", "political_rights", "civil_liberties", "score"]
    list_filter = ["state", "status"]
    fields = [
        "state",
        "kind",
        "year",
        "edition",
        "status",
        "political_rights",
        "civil_liberties",
        "score",
        "sources",
        "uncertain",
        "note",
    ]

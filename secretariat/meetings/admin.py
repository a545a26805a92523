from django.contrib import admin

from secretariat.core.admin_base import ReadOnlyAdmin, ServiceAdmin
from secretariat.meetings import services
from secretariat.meetings.models import Attendance, Claim, Decision, Session, StatePosition


@admin.register(Session)
class SessionAdmin(ServiceAdmin):
    write = services.record_session
    list_display = ["code", "body", "kind", "start", "end", "city_en", "host", "uncertain"]
    list_filter = ["body", "kind", "by_video", "host"]
    fields = [
        "body",
        "kind",
        "start",
        "start_precision",
        "end",
        "by_video",
        "label_en",
        "city_en",
        "host",
        "chaired_by",
        "chair_person",
        "summary_en",
        "sources",
        "uncertain",
        "note",
    ]


@admin.register(Attendance)
class AttendanceAdmin(ReadOnlyAdmin):
    list_display = ["session", "state", "presence", "person", "reason", "uncertain"]
    list_filter = ["presence", "reason", "state"]


@admin.register(Decision)
class DecisionAdmin(ReadOnlyAdmin):
    list_display = ["__str__", "kind", "outcome", "rules", "uncertain"]
    list_filter = ["outcome", "kind", "rules"]


@admin.register(StatePosition)
class PositionAdmin(ReadOnlyAdmin):
    list_display = ["decision", "state", "position", "recorded_by"]


@admin.register(Claim)
class ClaimAdmin(ReadOnlyAdmin):
    list_display = ["decision", "state", "reading"]

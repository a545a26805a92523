from django.contrib import admin

from secretariat.core.admin_base import ReadOnlyAdmin
from secretariat.journal.models import JournalEntry


@admin.register(JournalEntry)
class JournalEntryAdmin(ReadOnlyAdmin):
    list_display = [
        "seq",
        "recorded_at",
        "actor_role",
        "actor_state",
        "actor_user",
        "action",
        "subject",
    ]
    list_filter = ["action", "actor_role"]
    exclude = ["entry_bytes"]

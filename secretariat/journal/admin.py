from django.contrib import admin

from secretariat.core.admin_base import ReadOnlyAdmin
from secretariat.journal.models import JournalEntry, SigningKey, SubmissionNonce


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


@admin.register(SigningKey)
class SigningKeyAdmin(ReadOnlyAdmin):
    """Keys are registered, rotated and revoked by delegations through the API (see signing.md)."""

    list_display = ["key_id", "state", "label", "valid_from", "valid_until", "revoked_at"]
    list_filter = ["state"]


@admin.register(SubmissionNonce)
class SubmissionNonceAdmin(ReadOnlyAdmin):
    list_display = ["nonce", "state", "key_id", "created_at", "accepted_at"]
    list_filter = ["state"]

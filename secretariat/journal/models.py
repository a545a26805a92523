"""The journal table. Rows are only ever appended, through `secretariat.journal.services.record`."""

from __future__ import annotations

from django.db import models


class JournalEntry(models.Model):
    # The sequence number is the primary key: two writers can never both take the same number,
    # and it is assigned under a lock from the last entry, so a rolled-back write leaves no gap.
    seq = models.BigIntegerField(primary_key=True)
    recorded_at = models.DateTimeField()
    actor_role = models.CharField(max_length=20)
    actor_state = models.CharField(max_length=2, blank=True, default="")
    actor_user = models.CharField(max_length=150, blank=True, default="")
    action = models.CharField(max_length=100, db_index=True)
    subject = models.CharField(max_length=200, db_index=True)
    entry_bytes = models.BinaryField()
    prev_hash = models.CharField(max_length=64)
    entry_hash = models.CharField(max_length=64, unique=True)

    class Meta:
        ordering = ["seq"]
        verbose_name_plural = "journal entries"
        constraints = [
            models.CheckConstraint(condition=models.Q(seq__gte=1), name="journal_seq_positive"),
        ]

    def __str__(self) -> str:
        return f"#{self.seq} {self.action} {self.subject}"


class SigningKey(models.Model):
    """A delegation's Ed25519 public key, with which it signs its submissions.

    Written only by `secretariat.core.signing` (register, rotate, revoke), each change journaled.
    Rows are never deleted: a rotated or revoked key stays, so statements signed while it was valid
    can still be checked.
    """

    key_id = models.CharField(max_length=32, unique=True)
    state = models.CharField(max_length=2, db_index=True)  # member state code, as elsewhere
    public_key = models.CharField(max_length=44, unique=True)  # base64 of the 32 raw bytes
    label = models.CharField(max_length=200)
    valid_from = models.DateTimeField()
    valid_until = models.DateTimeField(null=True, blank=True)  # set when rotated away
    replaces = models.CharField(max_length=32, blank=True, default="")
    replaced_by = models.CharField(max_length=32, blank=True, default="")
    revoked_at = models.DateTimeField(null=True, blank=True)
    revocation_reason = models.CharField(max_length=500, blank=True, default="")
    registered_by = models.CharField(max_length=150, blank=True, default="")

    class Meta:
        ordering = ["state", "valid_from", "key_id"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(valid_until__isnull=True)
                | models.Q(valid_until__gte=models.F("valid_from")),
                name="signing_key_period_in_order",
            ),
            models.CheckConstraint(
                condition=models.Q(revoked_at__isnull=True) | ~models.Q(revocation_reason=""),
                name="signing_key_revocation_has_reason",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.state} key {self.key_id}"

    @property
    def status(self) -> str:
        if self.revoked_at is not None:
            return "revoked"
        if self.valid_until is not None:
            return "rotated"
        return "active"


class SubmissionNonce(models.Model):
    """Every nonce of an accepted signed statement: the unique constraint refuses a replay, even
    from two requests at the same moment."""

    nonce = models.CharField(max_length=128, unique=True)
    state = models.CharField(max_length=2)
    key_id = models.CharField(max_length=32)
    statement_sha256 = models.CharField(max_length=64)
    created_at = models.DateTimeField()
    accepted_at = models.DateTimeField()

    class Meta:
        ordering = ["accepted_at"]

    def __str__(self) -> str:
        return f"nonce {self.nonce} ({self.state})"

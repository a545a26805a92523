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

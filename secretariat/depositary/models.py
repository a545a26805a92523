"""Depositary: instruments, every state's acts, numbered notifications. Written only by services/.

Nothing is overwritten: an act that was revoked or withdrawn stays, with the act that superseded it
pointing at it, and statuses on any date are computed from the acts (domain/engine.py).
"""

from __future__ import annotations

from django.db import models
from django.db.models import Q

from secretariat.depositary.domain.acts import ActKind


class InstrumentKind(models.TextChoices):
    TREATY = "treaty", "Treaty"
    CHARTER = "charter", "Charter"
    CONVENTION = "convention", "Convention"
    AGREEMENT = "agreement", "Agreement"
    PROTOCOL = "protocol", "Protocol"
    DECISION = "decision", "Decision"
    ARRANGEMENT = "arrangement", "Arrangement"
    OTHER = "other", "Other"


class Participation(models.TextChoices):
    MEMBERS = "members", "Member states only"
    OPEN = "open", "Member states and others"
    NAMED = "named", "The states named"


class Precision(models.TextChoices):
    DAY = "day", "day"
    MONTH = "month", "month"
    YEAR = "year", "year"


class Sourced(models.Model):
    sources = models.JSONField(default=list, blank=True)
    uncertain = models.BooleanField(default=False)
    note = models.TextField(blank=True, default="")
    note_ru = models.TextField(blank=True, default="")

    class Meta:
        abstract = True


class Instrument(Sourced):
    code = models.SlugField(max_length=60, unique=True)
    title_en = models.CharField(max_length=300)
    title_ru = models.CharField(max_length=300, blank=True, default="")
    kind = models.CharField(max_length=20, choices=InstrumentKind.choices)
    adopted_on = models.DateField(null=True, blank=True)
    place_en = models.CharField(max_length=100, blank=True, default="")
    place_ru = models.CharField(max_length=100, blank=True, default="")
    meeting = models.CharField(
        max_length=60, blank=True, default="", help_text="session code, e.g. csc-2011-08-12"
    )
    parent = models.ForeignKey(
        "self",
        to_field="code",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="amendments",
        help_text="the instrument this one amends or extends",
    )
    participation = models.CharField(
        max_length=10, choices=Participation.choices, default=Participation.MEMBERS
    )
    eligible_states = models.JSONField(default=list, blank=True)
    final_clauses = models.JSONField(default=dict, blank=True)
    depositary = models.CharField(max_length=200, blank=True, default="")
    depositary_ru = models.CharField(max_length=200, blank=True, default="")
    registration = models.JSONField(default=list, blank=True)
    registration_ru = models.JSONField(default=list, blank=True)  # the same entries in Russian
    text_url = models.URLField(max_length=500, blank=True, default="")
    # Where the states' acts were looked for, beyond `sources` (which were read and used): a
    # position of "no record" says these were searched and held nothing.
    searched = models.JSONField(default=list, blank=True)

    class Meta:
        ordering = ["adopted_on", "code"]
        constraints = [
            models.CheckConstraint(
                condition=Q(code__regex=r"^[a-z0-9]+(-[a-z0-9]+)*$"), name="instrument_code_slug"
            ),
        ]

    def __str__(self) -> str:
        return self.code

    def title(self, lang: str) -> str:
        return self.title_ru if lang.startswith("ru") and self.title_ru else self.title_en

    def place(self, lang: str) -> str:
        return self.place_ru if lang.startswith("ru") and self.place_ru else self.place_en


class ActStatus(models.TextChoices):
    PENDING = "pending", "Submitted, being examined"
    REGISTERED = "registered", "Registered"
    RETURNED = "returned", "Returned to the state"


class Act(Sourced):
    instrument = models.ForeignKey(
        Instrument, to_field="code", on_delete=models.PROTECT, related_name="acts"
    )
    state = models.CharField(max_length=2, help_text="ISO 3166-1 alpha-2")
    kind = models.CharField(max_length=30, choices=[(k.value, k.value) for k in ActKind])
    date = models.DateField(help_text="date of deposit or receipt; for a withdrawal, the notice")
    date_precision = models.CharField(max_length=5, choices=Precision.choices, default="day")
    deposited = models.BooleanField(default=True)
    named_date = models.DateField(
        null=True, blank=True, help_text="withdrawal: the date the state names; suspension: end"
    )
    revokes = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.PROTECT, related_name="revoked_by"
    )
    domestic_act = models.CharField(max_length=200, blank=True, default="")
    domestic_act_ru = models.CharField(max_length=200, blank=True, default="")
    domestic_date = models.DateField(null=True, blank=True)
    text = models.TextField(blank=True, default="", help_text="text of a reservation, etc.")
    territory = models.CharField(max_length=200, blank=True, default="")
    document = models.CharField(
        max_length=500, blank=True, default="", help_text="the instrument deposited: reference"
    )
    status = models.CharField(max_length=12, choices=ActStatus.choices, default="registered")
    submitted_by = models.CharField(max_length=150, blank=True, default="")
    decided_by = models.CharField(max_length=150, blank=True, default="")
    decision_reason = models.TextField(blank=True, default="")
    registered_at = models.DateTimeField(null=True, blank=True)
    # A delegation may sign what it submits (docs/signing.md): the statement it signed, the key,
    # and the signature, kept so anyone can check later that the state submitted exactly this.
    signed_statement = models.JSONField(null=True, blank=True)
    signature_key_id = models.CharField(max_length=32, blank=True, default="")
    signature = models.CharField(max_length=200, blank=True, default="")

    class Meta:
        ordering = ["instrument", "date", "id"]
        indexes = [
            models.Index(fields=["instrument", "status"], name="act_instrument_status"),
            models.Index(fields=["state", "status"], name="act_state_status"),
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(state__regex=r"^[A-Z]{2}$"), name="act_state_alpha2"
            ),
            models.UniqueConstraint(
                fields=["instrument", "state", "kind", "date"],
                condition=Q(status="registered"),
                name="act_unique_registered",
            ),
            models.CheckConstraint(
                condition=Q(named_date__isnull=True) | Q(named_date__gte=models.F("date")),
                name="act_named_date_not_before_date",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.instrument_id} {self.state} {self.kind} {self.date}"


class ActDocument(models.Model):
    """A document deposited with an act (the instrument itself, a scan of it, a note verbale).

    Never replaced or deleted: a corrected document is a second attachment. The file is kept in the
    default storage (under MEDIA_ROOT) and served only through a view that checks who may see the
    act; its SHA-256 is in the journal entry that recorded it.
    """

    act = models.ForeignKey(Act, on_delete=models.PROTECT, related_name="documents")
    file = models.FileField(max_length=200)
    filename = models.CharField(max_length=200, help_text="the name the file was uploaded under")
    content_type = models.CharField(max_length=50, help_text="told by the content, not the name")
    size = models.PositiveBigIntegerField()
    sha256 = models.CharField(max_length=64)
    uploaded_by = models.CharField(max_length=150, blank=True, default="")
    uploaded_at = models.DateTimeField()

    class Meta:
        ordering = ["act", "uploaded_at", "id"]
        constraints = [
            models.UniqueConstraint(fields=["act", "sha256"], name="actdocument_unique_per_act"),
            models.CheckConstraint(
                condition=Q(sha256__regex=r"^[0-9a-f]{64}$"), name="actdocument_sha256_hex"
            ),
            models.CheckConstraint(condition=Q(size__gt=0), name="actdocument_not_empty"),
        ]

    def __str__(self) -> str:
        return f"{self.act_id}: {self.filename} ({self.sha256[:12]})"


class Reported(models.TextChoices):
    CONSENTED = "consented", "Reported bound (ratified, notified)"
    NOT_CONSENTED = "not_consented", "Reported not bound (ratification pending)"


class PositionReport(Sourced):
    """What a source says about a state's consent on a date, when no act of it is recorded:
    "submitted to parliament for ratification" (not consented), "has ratified every document"
    (consented). Never an act: it does not count towards entry into force; it turns a position of
    "no record" into a known or negative one (domain/positions.py). Needs a source."""

    instrument = models.ForeignKey(
        Instrument, to_field="code", on_delete=models.PROTECT, related_name="reports"
    )
    state = models.CharField(max_length=2, help_text="ISO 3166-1 alpha-2")
    date = models.DateField(help_text="the date the source speaks of")
    says = models.CharField(max_length=20, choices=Reported.choices)
    text = models.TextField(blank=True, default="", help_text="what the source says")
    text_ru = models.TextField(blank=True, default="")

    class Meta:
        ordering = ["instrument", "state", "date", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["instrument", "state", "date", "says"], name="positionreport_unique"
            ),
            models.CheckConstraint(
                condition=Q(state__regex=r"^[A-Z]{2}$"), name="positionreport_state_alpha2"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.instrument_id} {self.state} {self.says} {self.date}"


class NotificationKind(models.TextChoices):
    ACT = "act", "Act registered"
    ENTRY_INTO_FORCE = "entry_into_force", "Entry into force"


class Notification(models.Model):
    """A depositary notification, numbered like the UN's C.N. numbers: DN.<seq>.<year>, in the
    order of issue within the year.

    A notification *reconstructed* for a past event (the dataset, an import of history) is marked
    so and carries a number only when its source gives one: the depositary's numbers are never
    invented after the fact. `reference` names every notification, numbered or not, and stays
    the same when the dataset is loaded again.
    """

    number = models.CharField(max_length=30, unique=True, null=True, blank=True)
    year = models.PositiveSmallIntegerField()
    seq = models.PositiveIntegerField(null=True, blank=True)
    # The number, or for an unnumbered reconstruction a name made from what it notifies (the
    # instrument, the state, the act and its date), so it is the same after every reload.
    reference = models.CharField(max_length=200, unique=True)
    reconstructed = models.BooleanField(default=False)
    sources = models.JSONField(default=list, blank=True, help_text="what a reconstruction rests on")
    kind = models.CharField(max_length=20, choices=NotificationKind.choices)
    instrument = models.ForeignKey(
        Instrument, to_field="code", on_delete=models.PROTECT, related_name="notifications"
    )
    act = models.ForeignKey(
        Act, null=True, blank=True, on_delete=models.PROTECT, related_name="notifications"
    )
    state = models.CharField(max_length=2, blank=True, default="")
    issued_on = models.DateField()
    effective_on = models.DateField(null=True, blank=True)
    subject_en = models.CharField(max_length=400)
    body_en = models.TextField()
    # The same notification in Russian, written by the service from the record's Russian texts;
    # empty where a part of it (a domestic act, the basis of entry into force) has no Russian yet.
    subject_ru = models.CharField(max_length=400, blank=True, default="")
    body_ru = models.TextField(blank=True, default="")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-issued_on", "-year", "-seq"]
        constraints = [
            models.UniqueConstraint(fields=["year", "seq"], name="notification_unique_seq"),
            # The entry-into-force notification is issued exactly once per instrument, even when
            # the last deposits are registered at the same moment by two officers.
            models.UniqueConstraint(
                fields=["instrument"],
                condition=Q(kind="entry_into_force"),
                name="notification_one_entry_into_force",
            ),
        ]

    def __str__(self) -> str:
        return self.reference

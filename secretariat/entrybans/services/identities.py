"""Misused identities: the record that a real person's identity was misused by a listed one."""

from __future__ import annotations

from collections.abc import Sequence

from django.db import transaction
from django.utils import timezone

from secretariat.core.domain.actors import Actor
from secretariat.core.domain.errors import NotFound, RuleViolation
from secretariat.core.permissions import require
from secretariat.entrybans.models import MisusedIdentity
from secretariat.entrybans.screening.records import PartialDate
from secretariat.entrybans.services.common import (
    _listing_for_write,
    _nationality,
    _refuse_unless_may_at_all,
    _text,
    bump_register_version,
)
from secretariat.journal.services import record as journal


@transaction.atomic
def record_misused_identity(
    actor: Actor,
    *,
    reference: str,
    consent_reference: str,
    birth_date: str = "",
    nationality: str = "",
    document_numbers: Sequence[str] = (),
) -> MisusedIdentity:
    """Add a victim of identity misuse, with their recorded consent (SIS Art. 47)."""
    listing = _listing_for_write(actor, reference, "entrybans.record_misused_identity")
    consent = _text(consent_reference, "consent_reference", "the reference of the recorded consent")
    try:
        parsed = PartialDate.parse(birth_date) if birth_date else None
    except ValueError as exc:
        raise RuleViolation(str(exc), field="birth_date") from None
    numbers = [n.strip() for n in document_numbers if n.strip()]
    if not parsed and not numbers:
        raise RuleViolation(
            "give the victim's date of birth or a document number", field="birth_date"
        )
    row = MisusedIdentity.objects.create(
        listing=listing,
        birth_date=str(parsed) if parsed else "",
        nationality=_nationality(nationality) if nationality else "",
        document_numbers=numbers,
        consent_reference=consent,
        consent_recorded_at=timezone.now(),
    )
    journal(
        actor=actor,
        action="misused_identity.recorded",
        subject=f"listing:{reference}",
        data={"issuing_state": listing.issuing_state, "record": row.pk, "consent": True},
    )
    bump_register_version(listing)
    return row


@transaction.atomic
def withdraw_misused_identity(actor: Actor, *, record_id: int) -> None:
    """Consent withdrawn: the victim's data are removed."""
    row = MisusedIdentity.objects.select_related("listing").filter(pk=record_id).first()
    if row is None:
        _refuse_unless_may_at_all(actor, "entrybans.record_misused_identity")
        raise NotFound("No such record.")
    require(actor, "entrybans.record_misused_identity", row.listing.issuing_state)
    reference = row.listing.reference
    row.delete()
    journal(
        actor=actor,
        action="misused_identity.withdrawn",
        subject=f"listing:{reference}",
        data={"record": record_id, "data_removed": True},
    )
    bump_register_version(row.listing)

"""A listing's life: entered (signed or not), extended, deleted, quarantined and released, imported."""

from __future__ import annotations

import datetime as dt
import secrets
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from django.db import transaction
from django.utils import timezone

from secretariat.core.domain.actors import Actor
from secretariat.core.domain.errors import RuleViolation
from secretariat.core.permissions import require
from secretariat.core.signing import verify_submission_statement
from secretariat.entrybans.domain import rules
from secretariat.entrybans.domain.rules import Ground, HitAction
from secretariat.entrybans.models import (
    Extension,
    IdentityDocument,
    Listing,
    ListingName,
    ListingStatus,
)
from secretariat.entrybans.services.common import (
    Result,
    _aliases,
    _birth_date,
    _content,
    _delete,
    _documents,
    _enum,
    _jsonable,
    _latin,
    _listing_for_write,
    _nationality,
    _personal,
    _state_code,
    _text,
    _today,
    bump_register_version,
)
from secretariat.journal.services import record as journal


@transaction.atomic
def enter_listing(
    actor: Actor,
    *,
    reference: str,
    issuing_state: str,
    issuing_authority: str,
    contact: str,
    decision_reference: str,
    decision_date: dt.date,
    ground: str,
    action_on_hit: str,
    surname: str,
    given_names: str,
    surname_latin: str,
    given_names_latin: str,
    birth_date: str,
    assessment: str,
    proportionality: str,
    reasons_releasable: str,
    patronymic: str = "",
    patronymic_latin: str = "",
    decision_valid_until: dt.date | None = None,
    place_of_birth: str = "",
    nationalities: Sequence[str] = (),
    gender: str = "",
    aliases: Iterable[Mapping[str, Any]] | None = None,
    documents: Iterable[Mapping[str, Any]] | None = None,
    reasons_confidential: str = "",
    recognized_by: Sequence[str] = (),
    review_date: dt.date | None = None,
    fictitious: bool = False,
    today: dt.date | None = None,
    signed: Mapping[str, Any] | None = None,
) -> tuple[Listing, Result]:
    """Enter a listing, or change it when the reference exists (the issuing state only).

    `signed` (statement, signature, key_id, content_sha256): the delegation's signature over a
    statement naming this listing; checked against its state's registered keys, accepted once.
    """
    reference = _text(reference, "reference", "the listing reference")
    state = (issuing_state or "").strip().upper()
    existing = Listing.objects.select_for_update().filter(reference=reference).first()
    if existing is not None:
        require(actor, "entrybans.change_listing", existing.issuing_state)
        if existing.issuing_state != state:
            raise RuleViolation(
                "the issuing state of a listing cannot change", field="issuing_state"
            )
        if existing.status == ListingStatus.DELETED:
            raise RuleViolation(f"listing {reference} was deleted; enter a new listing instead")
    else:
        require(actor, "entrybans.enter_listing", state)
    state = _state_code(state, "issuing_state")
    day = _today(today)
    if decision_date > day:
        raise RuleViolation(
            "the national decision cannot be dated in the future", field="decision_date"
        )
    if decision_valid_until and decision_valid_until <= decision_date:
        raise RuleViolation("the decision must run past its own date", field="decision_valid_until")
    content: dict[str, Any] = {
        "issuing_authority": _text(issuing_authority, "issuing_authority", "the issuing authority"),
        "contact": _text(contact, "contact", "the issuing state's contact for hits"),
        "decision_reference": _text(decision_reference, "decision_reference", "the reference of the national decision"),
        "decision_date": decision_date,
        "decision_valid_until": decision_valid_until,
        "ground": _enum(Ground, ground, "ground"),
        "action_on_hit": _enum(HitAction, action_on_hit, "action_on_hit"),
        "recognized_by": sorted({state, *(_state_code(c, "recognized_by") for c in recognized_by)}),
        "fictitious": bool(fictitious),
        "surname": _text(surname, "surname", "the surname in the original script"),
        "given_names": _text(given_names, "given_names", "the given names in the original script"),
        "patronymic": (patronymic or "").strip(),
        "surname_latin": _latin(surname_latin, "surname_latin", "the surname in Latin"),
        "given_names_latin": _latin(given_names_latin, "given_names_latin", "the given names in Latin"),
        "patronymic_latin": (patronymic_latin or "").strip(),
        "birth_date": _birth_date(birth_date),
        "place_of_birth": (place_of_birth or "").strip(),
        "nationalities": sorted({_nationality(c) for c in nationalities}),
        "gender": (gender or "").strip(),
        "assessment": rules.check_statement(assessment, "assessment", "the individual assessment"),
        "proportionality": rules.check_statement(
            proportionality, "proportionality", "the proportionality statement"
        ),
        "reasons_releasable": _text(reasons_releasable, "reasons_releasable", "the releasable statement of reasons"),
        "reasons_confidential": (reasons_confidential or "").strip(),
        "aliases": _aliases(aliases),
        "documents": _documents(documents),
    }  # fmt: skip
    evidence: dict[str, Any] = {}
    if signed is not None:
        evidence = _verified_signature(
            signed, state=state, reference=reference, action="change" if existing else "enter"
        )
    now = timezone.now()
    if existing is None:
        salt = secrets.token_hex(16)
        review = rules.review_date(day, decision_valid_until, review_date)
        listing = Listing.objects.create(
            reference=reference,
            issuing_state=state,
            salt=salt,
            commitment=rules.commitment(salt, _jsonable(_personal(content))),
            entered_at=now,
            updated_at=now,
            review_date=review,
            **{k: v for k, v in content.items() if k not in ("aliases", "documents")},
            **evidence.get("fields", {}),
        )
        _write_children(listing, content)
        journal(
            actor=actor,
            action="listing.entered",
            subject=f"listing:{reference}",
            data={
                "issuing_state": state,
                "ground": content["ground"],
                "action_on_hit": content["action_on_hit"],
                "decision_date": decision_date.isoformat(),
                "review_date": review.isoformat(),
                "recognized_by": content["recognized_by"],
                "fictitious": content["fictitious"],
                "commitment": listing.commitment,
                **evidence.get("journal", {}),
            },
        )
        bump_register_version(listing)
        return listing, "created"
    before = _content(existing)
    changed = sorted(k for k, v in content.items() if before.get(k) != v)
    new_review = existing.review_date
    if review_date is not None and review_date != existing.review_date:
        new_review = rules.review_date(
            existing.entered_at.date(), decision_valid_until, review_date
        )
        changed.append("review_date")
    if not changed:
        return existing, "unchanged"
    for key, value in content.items():
        if key not in ("aliases", "documents"):
            setattr(existing, key, value)
    for key, value in evidence.get("fields", {}).items():
        setattr(existing, key, value)
    existing.review_date = new_review
    existing.salt = secrets.token_hex(16)
    existing.commitment = rules.commitment(existing.salt, _jsonable(_personal(content)))
    existing.updated_at = now
    existing.save()
    existing.names.all().delete()
    existing.documents.all().delete()
    _write_children(existing, content)
    journal(
        actor=actor,
        action="listing.changed",
        subject=f"listing:{reference}",
        data={
            "issuing_state": state,
            "fields": changed,
            "review_date": new_review.isoformat(),
            "commitment": existing.commitment,
        },
    )
    bump_register_version(existing)
    return existing, "updated"


def _write_children(listing: Listing, content: Mapping[str, Any]) -> None:
    ListingName.objects.bulk_create(
        ListingName(listing=listing, name=a["name"], quality=a["quality"])
        for a in content["aliases"]
    )
    IdentityDocument.objects.bulk_create(
        IdentityDocument(listing=listing, **d) for d in content["documents"]
    )


@transaction.atomic
def extend_listing(
    actor: Actor,
    *,
    reference: str,
    assessment: str,
    review_date: dt.date | None = None,
    today: dt.date | None = None,
) -> Listing:
    """Keep a listing past its review date, on a new recorded individual assessment."""
    listing = _listing_for_write(actor, reference, "entrybans.extend_listing")
    day = _today(today)
    rules.check_extension(day, listing.review_date, assessment)
    previous = listing.review_date
    new_review = rules.review_date(previous, listing.decision_valid_until, review_date)
    Extension.objects.create(
        listing=listing,
        assessment=assessment.strip(),
        previous_review_date=previous,
        new_review_date=new_review,
        recorded_at=timezone.now(),
        recorded_by=actor.username or "",
    )
    listing.review_date = new_review
    listing.extensions += 1
    listing.warned_at = None
    listing.updated_at = timezone.now()
    listing.save(update_fields=["review_date", "extensions", "warned_at", "updated_at"])
    journal(
        actor=actor,
        action="listing.extended",
        subject=f"listing:{reference}",
        data={
            "issuing_state": listing.issuing_state,
            "previous_review_date": previous.isoformat(),
            "review_date": new_review.isoformat(),
            "assessment_recorded": True,
        },
    )
    return listing


@transaction.atomic
def delete_listing(actor: Actor, *, reference: str, reason: str) -> Listing:
    """Delete a listing (the issuing state): its personal data are erased, a tombstone stays."""
    listing = _listing_for_write(actor, reference, "entrybans.delete_listing")
    _delete(actor, listing, _text(reason, "reason", "the reason for deletion"))
    return listing


@transaction.atomic
def quarantine_listing(actor: Actor, *, reference: str, reason: str) -> Listing:
    """The secretariat flags a listing for data quality; the content is not touched. While in
    quarantine a listing still screens, but a hit on it is reported for review only."""
    listing = _listing_for_write(actor, reference, "entrybans.quarantine_listing")
    reason = _text(reason, "reason", "the reason for quarantine")
    if listing.status == ListingStatus.QUARANTINED:
        raise RuleViolation(f"listing {reference} is already in quarantine")
    listing.status = ListingStatus.QUARANTINED
    listing.quarantine_reason = reason
    listing.quarantined_at = timezone.now()
    listing.save(update_fields=["status", "quarantine_reason", "quarantined_at"])
    journal(
        actor=actor,
        action="listing.quarantined",
        subject=f"listing:{reference}",
        data={"issuing_state": listing.issuing_state, "reason": reason},
    )
    bump_register_version(listing)
    return listing


@transaction.atomic
def release_listing(actor: Actor, *, reference: str, reason: str) -> Listing:
    listing = _listing_for_write(actor, reference, "entrybans.quarantine_listing")
    reason = _text(reason, "reason", "the reason for release")
    if listing.status != ListingStatus.QUARANTINED:
        raise RuleViolation(f"listing {reference} is not in quarantine")
    listing.status = ListingStatus.ACTIVE
    listing.quarantine_reason = ""
    listing.quarantined_at = None
    listing.save(update_fields=["status", "quarantine_reason", "quarantined_at"])
    journal(
        actor=actor,
        action="listing.released",
        subject=f"listing:{reference}",
        data={"issuing_state": listing.issuing_state, "reason": reason},
    )
    bump_register_version(listing)
    return listing


@transaction.atomic
def import_listings(actor: Actor, records: Iterable[Mapping[str, Any]]) -> dict[str, int]:
    """Enter or change many listings in one transaction: all of them, or (on an error that
    names the listing) none."""
    counts = {"created": 0, "updated": 0, "unchanged": 0}
    for record in records:
        existing = Listing.objects.filter(reference=record.get("reference")).first()
        if existing is not None:
            # What FollowTheMoney does not carry stays as it is (never exported: the
            # non-releasable reasons; not in the model: recognition and the demonstration flag).
            record = {
                "reasons_confidential": existing.reasons_confidential,
                "recognized_by": existing.recognized_by,
                "fictitious": existing.fictitious,
                **record,
            }
        try:
            _, outcome = enter_listing(actor, **record)
        except RuleViolation as exc:
            raise RuleViolation(
                f"{record.get('reference')}: {exc.message}", field=exc.field
            ) from None
        counts[outcome] += 1
    return counts


def _verified_signature(
    signed: Mapping[str, Any], *, state: str, reference: str, action: str
) -> dict[str, Any]:
    """Check the delegation's signature and that its statement names this very submission."""
    describes = {
        "reference": reference,
        "action": action,
        "content_sha256": signed.get("content_sha256"),
    }
    verified = verify_submission_statement(state, signed, describes)
    statement = signed["statement"]
    return {
        "journal": verified.journal_data(),
        "fields": {
            "signed_statement": dict(statement),
            "signature_key_id": verified.key_id,
            "signature": verified.signature,
        },
    }

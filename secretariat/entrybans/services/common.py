"""What the register's procedures share: the checks of a listing's fields, finding the listing or
record a write is about, erasing a listing's personal data, and bumping the register version.

Private to `secretariat.entrybans.services`: import the procedures from the package.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from typing import Any, Literal, TypeVar

from django.db.models import F, Manager
from django.utils import timezone

from secretariat.core.domain.actors import Actor
from secretariat.core.domain.errors import NotFound, NotPermitted, RuleViolation
from secretariat.core.permissions import can, require
from secretariat.entrybans.domain.rules import (
    Ground,
    HitAction,
    NoticeOutcome,
    ReviewOutcome,
    ReviewPhase,
)
from secretariat.entrybans.models import (
    Extension,
    HitReport,
    Listing,
    ListingStatus,
    PurposeNotice,
    RegisterVersion,
    SubjectRequest,
)
from secretariat.entrybans.screening.records import PartialDate
from secretariat.journal.services import record as journal

Result = Literal["created", "updated", "unchanged"]


PERSONAL_FIELDS = (
    "surname",
    "given_names",
    "patronymic",
    "surname_latin",
    "given_names_latin",
    "patronymic_latin",
    "birth_date",
    "place_of_birth",
    "nationalities",
    "gender",
    "assessment",
    "proportionality",
    "reasons_releasable",
    "reasons_confidential",
)


CONTENT_FIELDS = (
    "issuing_authority",
    "contact",
    "decision_reference",
    "decision_date",
    "decision_valid_until",
    "ground",
    "action_on_hit",
    "recognized_by",
    "fictitious",
    *PERSONAL_FIELDS,
)


def bump_register_version(*listings: Listing) -> None:
    """Tell every process that its screening index is stale (in the writer's transaction), and
    mark the listings this change touched with the new version, so that a process brings its
    index up to date from those listings alone (`registry.refresh`). The version row's update
    lock orders writers, so versions follow the order of commits."""
    updated = RegisterVersion.objects.filter(pk=1).update(number=F("number") + 1)
    if not updated:
        RegisterVersion.objects.create(pk=1, number=1)
    number = RegisterVersion.objects.values_list("number", flat=True).get(pk=1)
    Listing.objects.filter(pk__in=[listing.pk for listing in listings]).update(
        register_version=number
    )


def _today(today: dt.date | None) -> dt.date:
    return today or timezone.now().date()


def _state_code(code: str, field: str) -> str:
    from secretariat.members.models import MemberState

    code = (code or "").strip().upper()
    if not MemberState.objects.filter(code=code).exists():
        raise RuleViolation(f"unknown state code {code!r}", field=field)
    return code


def _text(value: str, field: str, what: str) -> str:
    value = (value or "").strip()
    if not value:
        raise RuleViolation(f"{what} is mandatory", field=field)
    return value


def _latin(value: str, field: str, what: str) -> str:
    value = _text(value, field, what)
    if any(0x0400 <= ord(c) <= 0x058F for c in value):
        raise RuleViolation(f"{what} must be written in Latin letters", field=field)
    return value


def _birth_date(value: str) -> str:
    try:
        parsed = PartialDate.parse(value)
    except ValueError as exc:
        raise RuleViolation(str(exc), field="birth_date") from None
    if parsed is None:
        raise RuleViolation(
            "the date of birth is mandatory (the full date, or the year)", field="birth_date"
        )
    return str(parsed)


def _enum(enum: type[Ground] | type[HitAction], value: str, field: str) -> str:
    allowed = [m.value for m in enum]
    if value not in allowed:
        raise RuleViolation(
            f"{field} must be one of {', '.join(allowed)}; got {value!r}", field=field
        )
    return value


def _aliases(aliases: Iterable[Mapping[str, Any]] | None) -> list[dict[str, str]]:
    found = []
    for alias in aliases or []:
        name = str(alias.get("name", "")).strip()
        quality = str(alias.get("quality", "strong"))
        if not name:
            raise RuleViolation("an alias needs a name", field="aliases")
        if quality not in ("strong", "weak"):
            raise RuleViolation("alias quality is strong or weak", field="aliases")
        found.append({"name": name, "quality": quality})
    return found


def _documents(documents: Iterable[Mapping[str, Any]] | None) -> list[dict[str, str]]:
    found = []
    for document in documents or []:
        number = str(document.get("number", "")).strip()
        if not number:
            raise RuleViolation("an identity document needs its number", field="documents")
        found.append(
            {
                "kind": str(document.get("kind") or "passport"),
                "number": number,
                "issuing_country": str(document.get("issuing_country") or "").upper(),
            }
        )
    return found


def _content(listing: Listing) -> dict[str, Any]:
    content = {name: getattr(listing, name) for name in CONTENT_FIELDS}
    content["aliases"] = [
        {"name": n.name, "quality": n.quality} for n in listing.names.order_by("id")
    ]
    content["documents"] = [
        {"kind": d.kind, "number": d.number, "issuing_country": d.issuing_country}
        for d in listing.documents.order_by("id")
    ]
    return content


def _personal(content: Mapping[str, Any]) -> dict[str, Any]:
    personal = {name: content[name] for name in PERSONAL_FIELDS}
    personal["aliases"] = content["aliases"]
    personal["documents"] = content["documents"]
    return personal


# A record about a listing that its issuing state answers.
AboutListing = TypeVar("AboutListing", PurposeNotice, HitReport, SubjectRequest)


def _for_issuing_state(
    actor: Actor, rows: Manager[AboutListing], pk: int, action: str, what: str
) -> AboutListing:
    """The record, locked for the issuing state's answer. Whoever may not answer for any state
    is refused before learning whether it exists; a missing one is a 404."""
    row = rows.select_for_update().select_related("listing").filter(pk=pk).first()
    if row is None:
        _refuse_unless_may_at_all(actor, action)
        raise NotFound(f"No such {what}.")
    require(actor, action, row.listing.issuing_state)
    return row


def _listing_for_write(actor: Actor, reference: str, action: str) -> Listing:
    listing = Listing.objects.select_for_update().filter(reference=reference).first()
    if listing is None:
        _refuse_unless_may_at_all(actor, action)
        raise NotFound("No such listing.")
    require(actor, action, listing.issuing_state)
    if listing.status == ListingStatus.DELETED:
        raise RuleViolation(f"listing {reference} was deleted; enter a new listing instead")
    return listing


def _nationality(code: str) -> str:
    code = (code or "").strip().upper()
    if len(code) != 2 or not code.isalpha():
        raise RuleViolation(
            f"nationality must be an ISO 3166 code; got {code!r}", field="nationalities"
        )
    return code


def _jsonable(values: Mapping[str, Any]) -> dict[str, Any]:
    return {k: (v.isoformat() if isinstance(v, dt.date) else v) for k, v in values.items()}


def _erase(listing: Listing, reason: str) -> None:
    for name in PERSONAL_FIELDS:
        setattr(listing, name, [] if name == "nationalities" else "")
    listing.salt = ""
    # The signed statement names the content only by its hash; it goes with the content all the same.
    listing.signed_statement = None
    listing.signature = ""
    listing.status = ListingStatus.DELETED
    listing.deleted_at = timezone.now()
    listing.updated_at = listing.deleted_at
    listing.deletion_reason = reason[:200]
    listing.save()
    listing.names.all().delete()
    listing.documents.all().delete()
    listing.misuse_records.all().delete()
    Extension.objects.filter(listing=listing).update(assessment="(erased with the listing)")
    # A notice or a review still open about a listing that is gone has nothing left to ask.
    today = timezone.now().date()
    listing.purpose_notices.filter(outcome=NoticeOutcome.PENDING).update(
        outcome=NoticeOutcome.LISTING_DELETED, answered_on=today
    )
    listing.delisting_reviews.filter(outcome=ReviewOutcome.PENDING).update(
        phase=ReviewPhase.CLOSED, outcome=ReviewOutcome.LISTING_DELETED, decided_on=today
    )
    # What an officer and the desk wrote about an encounter with the person goes with the data.
    listing.hit_reports.exclude(note="").update(note="(erased with the listing)")
    listing.hit_reports.exclude(answer="").update(answer="(erased with the listing)")


def _delete(actor: Actor, listing: Listing, reason: str) -> None:
    """The one deletion path (by the issuing state, on a purpose-achieved notice, on a granted
    request or review): erase, journal `listing.deleted`, tell screening. The caller checked
    who may delete and holds the listing's row lock."""
    _erase(listing, reason)
    journal(
        actor=actor,
        action="listing.deleted",
        subject=f"listing:{listing.reference}",
        data={
            "issuing_state": listing.issuing_state,
            "reason": reason,
            "personal_data_erased": True,
        },
    )
    bump_register_version(listing)


def _refuse_unless_may_at_all(actor: Actor, action: str) -> None:
    """Those who may not act on any listing are refused before learning whether one exists."""
    if not (can(actor, action, actor.state) or can(actor, action)):
        raise NotPermitted(f"{actor.role.value} may not perform {action}.")

"""The only writers of the entry-ban register. Each function checks permission, validates, writes
and journals in one transaction; on any error nothing is written.

Personal data never enter the journal: entries carry the listing's reference, issuing state,
ground, dates and a salted commitment to the personal fields (`domain.rules.commitment`). Every
change that screening sees bumps the register version, so every process serving screening
rebuilds its index before its next query (see `registry.current_index`).

Searches and accesses are not journaled (the journal is append-only and would have to keep the
names searched for ever); they go to the access log, which is kept three years and read by
auditors only (SIS Regulation 2018/1861, Art. 12).
"""

from __future__ import annotations

import datetime as dt
import secrets
from collections.abc import Iterable, Mapping, Sequence
from typing import Any, Literal, TypeVar, cast

from django.db import connections, router, transaction
from django.db.models import F, Field, Manager, Q
from django.utils import timezone

from secretariat.core.domain.actors import Actor, Role
from secretariat.core.domain.errors import NotFound, NotPermitted, RuleViolation
from secretariat.core.permissions import can, require
from secretariat.core.signing import verify_submission_statement
from secretariat.entrybans.domain import rules
from secretariat.entrybans.domain.rules import (
    Ground,
    HitAction,
    NoticeOutcome,
    NoticeReply,
    Outcome,
    RequestKind,
    ReviewOutcome,
    ReviewPhase,
)
from secretariat.entrybans.models import (
    AccessLog,
    DelistingReview,
    Extension,
    HitReport,
    IdentityDocument,
    LegalBasis,
    Listing,
    ListingName,
    ListingStatus,
    MisusedIdentity,
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


def _nationality(code: str) -> str:
    code = (code or "").strip().upper()
    if len(code) != 2 or not code.isalpha():
        raise RuleViolation(
            f"nationality must be an ISO 3166 code; got {code!r}", field="nationalities"
        )
    return code


def _jsonable(values: Mapping[str, Any]) -> dict[str, Any]:
    return {k: (v.isoformat() if isinstance(v, dt.date) else v) for k, v in values.items()}


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


@transaction.atomic
def delete_listing(actor: Actor, *, reference: str, reason: str) -> Listing:
    """Delete a listing (the issuing state): its personal data are erased, a tombstone stays."""
    listing = _listing_for_write(actor, reference, "entrybans.delete_listing")
    _delete(actor, listing, _text(reason, "reason", "the reason for deletion"))
    return listing


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
def expire_listings(
    actor: Actor, *, today: dt.date | None = None, now: dt.datetime | None = None
) -> dict[str, int]:
    """The scheduled run: warn issuing states four months ahead, delete listings whose review
    date has come without an extension, escalate purpose-achieved notices left unanswered past
    their 15 days and hit reports left unanswered past their 12 hours, and purge access-log rows
    older than three years. Each step acts once, so the run may be repeated (hourly, for the hit
    reports). `today` alone runs as of that day's start (UTC); `now` sets the moment."""
    require(actor, "entrybans.expire")
    if now is None:
        now = dt.datetime.combine(today, dt.time(), tzinfo=dt.UTC) if today else timezone.now()
    day = today or now.astimezone(dt.UTC).date()
    counts = {
        "warned": 0,
        "deleted": 0,
        "notices_escalated": 0,
        "hit_reports_escalated": 0,
        "log_rows_purged": 0,
    }
    live = Listing.objects.select_for_update().exclude(status=ListingStatus.DELETED)
    expired: list[Listing] = []
    for listing in live.filter(review_date__lte=day):
        expired.append(listing)
        _erase(listing, "review date passed without extension")
        journal(
            actor=actor,
            action="listing.expired",
            subject=f"listing:{listing.reference}",
            data={
                "issuing_state": listing.issuing_state,
                "review_date": listing.review_date.isoformat(),
                "personal_data_erased": True,
            },
        )
        counts["deleted"] += 1
    for listing in live.filter(review_date__gt=day, warned_at__isnull=True):
        if rules.warning_date(listing.review_date) <= day:
            listing.warned_at = timezone.now()
            listing.save(update_fields=["warned_at"])
            journal(
                actor=actor,
                action="listing.review_warning",
                subject=f"listing:{listing.reference}",
                data={
                    "issuing_state": listing.issuing_state,
                    "review_date": listing.review_date.isoformat(),
                },
            )
            counts["warned"] += 1
    counts["notices_escalated"] = _escalate_purpose_notices(actor, day)
    counts["hit_reports_escalated"] = _escalate_hit_reports(actor, now)
    cutoff = dt.datetime.combine(
        rules.add_years(day, -rules.LOG_RETENTION_YEARS), dt.time(), tzinfo=dt.UTC
    )
    counts["log_rows_purged"], _ = AccessLog.objects.filter(at__lt=cutoff).delete()
    if counts["log_rows_purged"]:
        journal(
            actor=actor,
            action="access_log.purged",
            subject="entrybans:access_log",
            data={"older_than": cutoff.date().isoformat(), "rows": counts["log_rows_purged"]},
        )
    if expired:
        bump_register_version(*expired)
    return counts


def _escalate_purpose_notices(actor: Actor, day: dt.date) -> int:
    """Mark every open notice whose reply date has passed as escalated, once, journaled."""
    overdue = (
        PurposeNotice.objects.select_for_update()
        .select_related("listing")
        .filter(outcome=NoticeOutcome.PENDING, escalated_on__isnull=True)
        .order_by("id")
    )
    escalated = 0
    for notice in overdue:
        if not rules.purpose_notice_overdue(notice.reply_by, day):
            continue
        notice.escalated_on = day
        notice.save(update_fields=["escalated_on"])
        journal(
            actor=actor,
            action="purpose_notice.escalated",
            subject=f"purpose_notice:{notice.pk}",
            data={
                "listing": notice.listing.reference,
                "issuing_state": notice.listing.issuing_state,
                "notified_by": notice.notified_by,
                "reply_by": notice.reply_by.isoformat(),
            },
        )
        escalated += 1
    return escalated


def _escalate_hit_reports(actor: Actor, now: dt.datetime) -> int:
    """Mark every hit report still unanswered after its 12 hours as escalated, once, journaled:
    the secretariat's list of overdue reports then has a dated, verifiable record behind it."""
    overdue = (
        HitReport.objects.select_for_update()
        .select_related("listing")
        .filter(answered_at__isnull=True, escalated_at__isnull=True)
        .order_by("id")
    )
    escalated = 0
    for row in overdue:
        if not rules.hit_report_overdue(row.answer_due, now, row.answered_at):
            continue
        row.escalated_at = now.astimezone(dt.UTC)
        row.save(update_fields=["escalated_at"])
        journal(
            actor=actor,
            action="hit_report.escalated",
            subject=f"hit_report:{row.pk}",
            data={
                "listing": row.listing.reference,
                "issuing_state": row.listing.issuing_state,
                "reported_by_state": row.reported_by_state,
                "answer_due": row.answer_due.astimezone(dt.UTC).isoformat(),
                "escalated_at": row.escalated_at.isoformat(),
            },
        )
        escalated += 1
    return escalated


@transaction.atomic
def notify_purpose_achieved(
    actor: Actor, *, reference: str, reason: str, today: dt.date | None = None
) -> PurposeNotice:
    """A state applying a listing (its delegation) or the secretariat notifies the issuing state
    that the listing has achieved its purpose; the issuing state has 15 calendar days to confirm
    deletion or give reasons for keeping it (SIRENE). One open notice per listing at a time."""
    require(actor, "entrybans.notify_purpose_achieved", actor.state)
    delegation = actor.role is Role.DELEGATION
    listing = Listing.objects.select_for_update().filter(reference=reference).first()
    # A delegation knows of the listings its state applies, and of no other.
    if listing is None or (delegation and actor.state not in listing.recognized_by):
        raise NotFound("No such listing.")
    if delegation and actor.state == listing.issuing_state:
        raise RuleViolation(
            "the issuing state does not notify itself: it deletes its own listing when the "
            "purpose is achieved"
        )
    if listing.status == ListingStatus.DELETED:
        raise RuleViolation(f"listing {reference} was deleted already")
    reason = _text(reason, "reason", "the reason why the purpose is achieved")
    open_notice = listing.purpose_notices.filter(outcome=NoticeOutcome.PENDING).first()
    if open_notice is not None:
        raise RuleViolation(
            f"listing {reference} already has an open purpose-achieved notice "
            f"(notice {open_notice.pk}, reply due {open_notice.reply_by.isoformat()}): "
            "wait for the issuing state's reply"
        )
    day = _today(today)
    notice = PurposeNotice.objects.create(
        listing=listing,
        notified_by=actor.state if delegation and actor.state else "secretariat",
        notified_on=day,
        reason=reason,
        reply_by=rules.purpose_reply_by(day),
    )
    journal(
        actor=actor,
        action="purpose_notice.notified",
        subject=f"purpose_notice:{notice.pk}",
        data={
            "listing": reference,
            "issuing_state": listing.issuing_state,
            "notified_by": notice.notified_by,
            "notified_on": day.isoformat(),
            "reply_by": notice.reply_by.isoformat(),
        },
    )
    return notice


@transaction.atomic
def answer_purpose_notice(
    actor: Actor,
    *,
    notice_id: int,
    reply: str,
    reasons: str = "",
    today: dt.date | None = None,
) -> PurposeNotice:
    """The issuing state replies to a purpose-achieved notice: `delete` confirms deletion (the
    listing is deleted as by `delete_listing`), `keep` records its reasons for keeping it. A
    reply after the 15 days (escalated or not) is still taken, and journaled as late."""
    notice = _for_issuing_state(
        actor, PurposeNotice.objects, notice_id, "entrybans.answer_purpose_notice", "notice"
    )
    if notice.outcome != NoticeOutcome.PENDING:
        raise RuleViolation(f"notice {notice.pk} is closed already ({notice.outcome})")
    if reply not in [r.value for r in NoticeReply]:
        raise RuleViolation("reply is delete or keep", field="reply")
    day = _today(today)
    if reply == NoticeReply.KEEP:
        notice.answer_reasons = rules.check_statement(
            reasons, "reasons", "the reasons for keeping the listing"
        )
        notice.outcome = NoticeOutcome.RETENTION_JUSTIFIED
    else:
        notice.answer_reasons = (reasons or "").strip()
        notice.outcome = NoticeOutcome.DELETION_CONFIRMED
    notice.answered_on = day
    notice.save(update_fields=["outcome", "answered_on", "answer_reasons"])
    journal(
        actor=actor,
        action="purpose_notice.answered",
        subject=f"purpose_notice:{notice.pk}",
        data={
            "listing": notice.listing.reference,
            "issuing_state": notice.listing.issuing_state,
            "reply": reply,
            "late": rules.purpose_notice_overdue(notice.reply_by, day),
            "escalated": notice.escalated_on is not None,
        },
    )
    if reply == NoticeReply.DELETE:
        delete_listing(
            actor,
            reference=notice.listing.reference,
            reason=f"purpose achieved (notice {notice.pk})",
        )
    return notice


def _hit_returned_to(actor: Actor, reference: str, since: dt.datetime) -> bool:
    """Did screening return this listing to this officer since `since`? (The access log says.)"""
    rows = AccessLog.objects.filter(
        action="screen",
        role=actor.role.value,
        username=actor.username or "",
        user_id=actor.user_id,
        authority=actor.state or "",
        at__gte=since,
    ).only("returned")
    return any(
        isinstance(item, dict) and item.get("reference") == reference
        for row in rows
        for item in row.returned
    )


@transaction.atomic
def report_hit(
    actor: Actor,
    *,
    reference: str,
    place: str,
    action_taken: bool,
    note: str = "",
    now: dt.datetime | None = None,
) -> HitReport:
    """A border officer reports a hit to the issuing state's desk; the answer is due 12 hours
    later (UTC). An officer reports only a listing that screening returned to them within the
    last 24 hours, so a report never tells them more than the hit did."""
    require(actor, "entrybans.report_hit", actor.state)
    at = (now or timezone.now()).astimezone(dt.UTC)
    listing = (
        Listing.objects.exclude(status=ListingStatus.DELETED).filter(reference=reference).first()
    )
    officer = actor.role is Role.BORDER_OFFICER
    if listing is None or (
        officer and not _hit_returned_to(actor, reference, rules.hit_report_window_start(at))
    ):
        raise NotFound(
            f"No hit on {reference!r} was returned to you in the last "
            f"{rules.HIT_REPORT_WINDOW_HOURS} hours."
        )
    row = HitReport.objects.create(
        listing=listing,
        reported_by_state=actor.state or "",
        reported_by=actor.username or "",
        reported_at=at,
        answer_due=rules.hit_answer_due(at),
        place=_text(place, "place", "the place of the hit (border crossing point or consulate)"),
        action_taken=bool(action_taken),
        note=(note or "").strip(),
    )
    journal(
        actor=actor,
        action="hit_report.reported",
        subject=f"hit_report:{row.pk}",
        data={
            "listing": reference,
            "issuing_state": listing.issuing_state,
            "reported_by_state": row.reported_by_state,
            "reported_at": at.isoformat(),
            "answer_due": row.answer_due.isoformat(),
            "action_taken": row.action_taken,
        },
    )
    return row


@transaction.atomic
def answer_hit_report(
    actor: Actor, *, report_id: int, answer: str, now: dt.datetime | None = None
) -> HitReport:
    """The issuing state's desk answers a reported hit (journaled late after 12 hours)."""
    row = _for_issuing_state(
        actor, HitReport.objects, report_id, "entrybans.answer_hit_report", "hit report"
    )
    if row.answered_at is not None:
        raise RuleViolation(f"hit report {row.pk} was answered already")
    row.answer = _text(answer, "answer", "the answer")
    row.answered_at = (now or timezone.now()).astimezone(dt.UTC)
    row.answered_by = actor.username or ""
    row.save(update_fields=["answer", "answered_at", "answered_by"])
    journal(
        actor=actor,
        action="hit_report.answered",
        subject=f"hit_report:{row.pk}",
        data={
            "listing": row.listing.reference,
            "issuing_state": row.listing.issuing_state,
            "reported_by_state": row.reported_by_state,
            "answered_at": row.answered_at.isoformat(),
            "late": rules.hit_answer_late(row.answer_due, row.answered_at),
        },
    )
    return row


@transaction.atomic
def lodge_request(
    actor: Actor,
    *,
    reference: str,
    kind: str,
    requester_reference: str = "",
    lodged_on: dt.date | None = None,
) -> SubjectRequest:
    """Record a request from a listed person, lodged with the actor's state (a delegation) or
    with the secretariat, and route it to the issuing state with its deadlines."""
    lodged_with = actor.state if actor.role is Role.DELEGATION else "secretariat"
    require(actor, "entrybans.lodge_request", actor.state)
    if kind not in [k.value for k in RequestKind]:
        raise RuleViolation(
            f"kind must be one of {', '.join(k.value for k in RequestKind)}", field="kind"
        )
    listing = Listing.objects.filter(reference=reference).first()
    if listing is None:
        raise NotFound("No such listing.")
    day = _today(lodged_on)
    deadlines = rules.request_deadlines(day, lodged_with == listing.issuing_state)
    row = SubjectRequest.objects.create(
        listing=listing,
        kind=kind,
        lodged_with=lodged_with or "secretariat",
        lodged_on=day,
        route_by=deadlines.route_by,
        answer_by=deadlines.answer_by,
        requester_reference=requester_reference.strip(),
    )
    journal(
        actor=actor,
        action="subject_request.lodged",
        subject=f"subject_request:{row.pk}",
        data={
            "listing": reference,
            "issuing_state": listing.issuing_state,
            "kind": kind,
            "lodged_with": row.lodged_with,
            "answer_by": row.answer_by.isoformat(),
        },
    )
    return row


@transaction.atomic
def answer_request(
    actor: Actor,
    *,
    request_id: int,
    outcome: str,
    reasons: str,
    answered_on: dt.date | None = None,
) -> SubjectRequest:
    """The issuing state answers; a granted erasure or delisting deletes the listing."""
    row = _for_issuing_state(
        actor, SubjectRequest.objects, request_id, "entrybans.answer_request", "request"
    )
    if row.outcome != Outcome.PENDING:
        raise RuleViolation("this request has already been answered")
    if outcome not in (Outcome.GRANTED, Outcome.PARTLY_GRANTED, Outcome.REFUSED):
        raise RuleViolation("outcome is granted, partly_granted or refused", field="outcome")
    row.outcome = outcome
    row.answer_reasons = _text(reasons, "reasons", "the reasons for the answer")
    row.answered_on = _today(answered_on)
    row.save()
    journal(
        actor=actor,
        action="subject_request.answered",
        subject=f"subject_request:{row.pk}",
        data={
            "listing": row.listing.reference,
            "kind": row.kind,
            "outcome": outcome,
            "late": row.answered_on > row.answer_by,
        },
    )
    removes = row.kind in (RequestKind.ERASURE, RequestKind.DELISTING)
    if outcome == Outcome.GRANTED and removes and row.listing.status != ListingStatus.DELETED:
        delete_listing(actor, reference=row.listing.reference, reason=f"{row.kind} granted")
    return row


def _review_for_write(actor: Actor, review_id: int) -> DelistingReview:
    require(actor, "entrybans.review_delisting")
    review = (
        DelistingReview.objects.select_for_update()
        .select_related("listing", "request")
        .filter(pk=review_id)
        .first()
    )
    if review is None:
        raise NotFound("No such review.")
    return review


def _journal_review(actor: Actor, review: DelistingReview, event: str, **data: Any) -> None:
    """One entry per step: references, phase, dates and outcomes; never the texts (reasons,
    material, report), which may speak of the person."""
    journal(
        actor=actor,
        action=f"delisting_review.{event}",
        subject=f"delisting_review:{review.pk}",
        data={
            "listing": review.listing.reference,
            "issuing_state": review.listing.issuing_state,
            "request": review.request_id,
            "phase": review.phase,
            **data,
        },
    )


@transaction.atomic
def refer_to_review(
    actor: Actor, *, request_id: int, new_material: str = "", today: dt.date | None = None
) -> DelistingReview:
    """Refer a delisting request to the independent reviewer, instead of or after a refusal by
    the issuing state. A request is a repeat when an earlier delisting request on the same listing
    was refused or reviewed; a repeat goes forward only on new material (recorded here or at the
    preliminary determination)."""
    require(actor, "entrybans.review_delisting")
    row = (
        SubjectRequest.objects.select_for_update()
        .select_related("listing")
        .filter(pk=request_id)
        .first()
    )
    if row is None:
        raise NotFound("No such request.")
    if row.kind != RequestKind.DELISTING:
        raise RuleViolation(
            f"request {row.pk} is a {row.kind} request: only a delisting request can be referred "
            "to independent review"
        )
    if row.outcome not in (Outcome.PENDING, Outcome.REFUSED):
        raise RuleViolation(
            f"request {row.pk} was {row.outcome.replace('_', ' ')} by the issuing state: "
            "there is nothing to review"
        )
    earlier = DelistingReview.objects.filter(request=row).first()
    if earlier is not None:
        raise RuleViolation(f"request {row.pk} was referred already (review {earlier.pk})")
    listing = Listing.objects.select_for_update().get(pk=row.listing_id)
    if listing.status == ListingStatus.DELETED:
        raise RuleViolation(f"listing {listing.reference} was deleted: there is nothing to review")
    running = listing.delisting_reviews.filter(outcome=ReviewOutcome.PENDING).first()
    if running is not None:
        raise RuleViolation(
            f"listing {listing.reference} is under independent review already (review {running.pk})"
        )
    repeat = (
        SubjectRequest.objects.filter(listing=listing, kind=RequestKind.DELISTING, pk__lt=row.pk)
        .filter(Q(outcome=Outcome.REFUSED) | Q(review__isnull=False))
        .exists()
    )
    day = _today(today)
    review = DelistingReview.objects.create(
        request=row,
        listing=listing,
        repeat=repeat,
        new_material=(new_material or "").strip(),
        referred_on=day,
    )
    _journal_review(
        actor,
        review,
        "referred",
        referred_on=day.isoformat(),
        request_outcome=row.outcome,
        repeat=repeat,
        new_material_recorded=bool(review.new_material),
    )
    return review


@transaction.atomic
def determine_review(
    actor: Actor,
    *,
    review_id: int,
    accept: bool,
    reasons: str,
    new_material: str = "",
    today: dt.date | None = None,
) -> DelistingReview:
    """The preliminary determination: does the request address the listing's criteria, and does
    a repeat request bring new material? Accepted, information gathering opens for four months;
    rejected, the review is closed and the listing stays."""
    review = _review_for_write(actor, review_id)
    rules.check_review_step(review.phase, ReviewPhase.INFORMATION_GATHERING)
    material = (new_material or "").strip() or review.new_material
    rules.check_preliminary_determination(accept, repeat=review.repeat, new_material=material)
    day = _today(today)
    review.preliminary_reasons = rules.check_statement(
        reasons, "reasons", "the reasons of the preliminary determination"
    )
    review.new_material = material
    review.preliminary_on = day
    if accept:
        review.phase = ReviewPhase.INFORMATION_GATHERING
        review.gathering_started_on = day
        review.gathering_due = rules.phase_due(day, ReviewPhase.INFORMATION_GATHERING)
    else:
        review.phase = ReviewPhase.CLOSED
        review.outcome = ReviewOutcome.REJECTED
        review.decided_on = day
    review.save()
    if accept:
        _journal_review(
            actor,
            review,
            "accepted",
            repeat=review.repeat,
            new_material_recorded=bool(material),
            gathering_due=_iso(review.gathering_due),
        )
    else:
        _journal_review(actor, review, "rejected", repeat=review.repeat, outcome=review.outcome)
    return review


def _iso(day: dt.date | None) -> str | None:
    return day.isoformat() if day else None


@transaction.atomic
def extend_review_phase(
    actor: Actor, *, review_id: int, months: int, today: dt.date | None = None
) -> DelistingReview:
    """Extend information gathering or the dialogue, once each, by up to two months, before its
    deadline."""
    review = _review_for_write(actor, review_id)
    day = _today(today)
    gathering = review.phase == ReviewPhase.INFORMATION_GATHERING
    previous = review.phase_due
    due = rules.extended_phase_due(
        review.phase,
        previous or day,
        months,
        already_extended=review.gathering_extended if gathering else review.dialogue_extended,
        today=day,
    )
    if gathering:
        review.gathering_due, review.gathering_extended = due, True
    else:
        review.dialogue_due, review.dialogue_extended = due, True
    review.save()
    _journal_review(
        actor, review, "phase_extended", months=months, previous_due=_iso(previous), due=_iso(due)
    )
    return review


@transaction.atomic
def open_review_dialogue(
    actor: Actor, *, review_id: int, today: dt.date | None = None
) -> DelistingReview:
    """Information gathering ends; the dialogue with the petitioner opens for two months."""
    review = _review_for_write(actor, review_id)
    rules.check_review_step(review.phase, ReviewPhase.DIALOGUE)
    day = _today(today)
    review.phase = ReviewPhase.DIALOGUE
    review.dialogue_started_on = day
    review.dialogue_due = rules.phase_due(day, ReviewPhase.DIALOGUE)
    review.save()
    _journal_review(
        actor,
        review,
        "dialogue_opened",
        gathering_late=rules.phase_overdue(review.gathering_due, day),
        dialogue_due=_iso(review.dialogue_due),
    )
    return review


@transaction.atomic
def submit_review_report(
    actor: Actor, *, review_id: int, report: str, today: dt.date | None = None
) -> DelistingReview:
    """The dialogue ends with the reviewer's comprehensive report; the decision comes next."""
    review = _review_for_write(actor, review_id)
    rules.check_review_step(review.phase, ReviewPhase.REPORT)
    review.report = rules.check_statement(report, "report", "the comprehensive report")
    day = _today(today)
    review.phase = ReviewPhase.REPORT
    review.report_on = day
    review.save()
    _journal_review(
        actor,
        review,
        "report_submitted",
        report_on=day.isoformat(),
        dialogue_late=rules.phase_overdue(review.dialogue_due, day),
    )
    return review


@transaction.atomic
def decide_review(
    actor: Actor,
    *,
    review_id: int,
    outcome: str,
    reasons: str,
    today: dt.date | None = None,
) -> DelistingReview:
    """The decision on the comprehensive report, with reasons: delisting granted deletes the
    listing (as `delete_listing` does); refused keeps it. A request still pending is closed with
    the same outcome."""
    review = _review_for_write(actor, review_id)
    rules.check_review_step(review.phase, ReviewPhase.CLOSED)
    if outcome not in (ReviewOutcome.GRANTED, ReviewOutcome.REFUSED):
        raise RuleViolation("outcome is granted or refused", field="outcome")
    review.decision_reasons = rules.check_statement(
        reasons, "reasons", "the reasons for the decision"
    )
    day = _today(today)
    review.phase = ReviewPhase.CLOSED
    review.outcome = outcome
    review.decided_on = day
    review.save()
    request = review.request
    request_closed = request.outcome == Outcome.PENDING
    if request_closed:
        request.outcome = outcome
        request.answered_on = day
        request.answer_reasons = f"decided on independent review (review {review.pk})"
        request.save(update_fields=["outcome", "answered_on", "answer_reasons"])
    _journal_review(actor, review, "decided", outcome=outcome, request_closed=request_closed)
    if outcome == ReviewOutcome.GRANTED:
        listing = Listing.objects.select_for_update().get(pk=review.listing_id)
        if listing.status != ListingStatus.DELETED:
            _delete(actor, listing, f"delisting granted on independent review (review {review.pk})")
    return review


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


@transaction.atomic
def record_legal_basis(
    actor: Actor,
    *,
    code: str,
    kind: str,
    date: dt.date,
    summary_en: str,
    summary_ru: str = "",
    outcome_en: str = "",
    outcome_ru: str = "",
    date_precision: str = "day",
    sources: Sequence[str] = (),
    uncertain: bool = False,
) -> tuple[LegalBasis, Result]:
    require(actor, "entrybans.record_legal_basis")
    if kind not in ("proposal", "adoption"):
        raise RuleViolation("kind is proposal or adoption", field="kind")
    fields = {
        "kind": kind,
        "date": date,
        "date_precision": date_precision,
        "summary_en": _text(summary_en, "summary_en", "the summary"),
        "summary_ru": summary_ru,
        "outcome_en": outcome_en,
        "outcome_ru": outcome_ru,
        "sources": list(sources),
        "uncertain": uncertain,
    }
    row = LegalBasis.objects.select_for_update().filter(code=code).first()
    if row is None:
        row = LegalBasis.objects.create(code=code, **fields)
        outcome: Result = "created"
    else:
        changed = {k: v for k, v in fields.items() if getattr(row, k) != v}
        if not changed:
            return row, "unchanged"
        for key, value in changed.items():
            setattr(row, key, value)
        row.save()
        outcome = "updated"
    journal(
        actor=actor,
        action=f"legal_basis.{outcome}",
        subject=f"legal_basis:{code}",
        data=_jsonable({"kind": kind, "date": date, "uncertain": uncertain}),
    )
    return row, outcome


def log_access(
    actor: Actor, *, action: str, query: Mapping[str, Any], returned: list[Any]
) -> AccessLog:
    """One access-log row (its own table, not the journal: see the module docstring)."""
    row = access_row(actor, action=action, query=query, returned=returned)
    row.save()
    return row


def access_row(
    actor: Actor, *, action: str, query: Mapping[str, Any], returned: list[Any]
) -> AccessLog:
    return AccessLog(
        at=timezone.now(),
        username=actor.username or "",
        user_id=actor.user_id,
        role=actor.role.value,
        authority=actor.state or ("secretariat" if actor.role is Role.SECRETARIAT else ""),
        action=action,
        query=dict(query),
        returned=returned,
    )


# The access log's columns, in the order `log_accesses` writes them.
ACCESS_LOG_COLUMNS = (
    "at",
    "username",
    "user_id",
    "role",
    "authority",
    "action",
    "query",
    "returned",
)


def log_accesses(
    actor: Actor, *, action: str, rows: Sequence[tuple[Mapping[str, Any], list[Any]]]
) -> int:
    """Many access-log rows at once, all of one actor at one moment (a batch's searches): each
    row's query and what it returned. One prepared INSERT runs for every row, with each value
    adapted by its field as the ORM does; what the ORM would add per row (a model instance, an
    SQL string assembled for every hundred rows) cost more than the screening itself."""
    if not rows:
        return 0
    template = access_row(actor, action=action, query={}, returned=[])
    connection = connections[router.db_for_write(AccessLog)]
    fields = [cast("Field[Any, Any]", AccessLog._meta.get_field(n)) for n in ACCESS_LOG_COLUMNS]
    same = [
        field.get_db_prep_save(getattr(template, field.attname), connection)
        for field in fields[:-2]
    ]
    query_field, returned_field = fields[-2:]
    values = [
        (
            *same,
            query_field.get_db_prep_save(dict(query), connection),
            returned_field.get_db_prep_save(returned, connection),
        )
        for query, returned in rows
    ]
    quote = connection.ops.quote_name
    columns = ", ".join(quote(cast(str, field.column)) for field in fields)
    marks = ", ".join(["%s"] * len(fields))
    sql = f"INSERT INTO {quote(AccessLog._meta.db_table)} ({columns}) VALUES ({marks})"  # noqa: S608 - names from the model, values bound
    with connection.cursor() as cursor:
        if len(values) == 1:  # one search: a plain statement, not psycopg's pipeline of many
            cursor.execute(sql, values[0])
        else:
            cursor.executemany(sql, values)
    return len(values)


def _refuse_unless_may_at_all(actor: Actor, action: str) -> None:
    """Those who may not act on any listing are refused before learning whether one exists."""
    if not (can(actor, action, actor.state) or can(actor, action)):
        raise NotPermitted(f"{actor.role.value} may not perform {action}.")


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

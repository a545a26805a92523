"""Delisting reviews: referred, determined, their phases extended, the dialogue opened, the report
submitted and the decision taken.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.db import transaction
from django.db.models import Q

from secretariat.core.domain.actors import Actor
from secretariat.core.domain.errors import NotFound, RuleViolation
from secretariat.core.permissions import require
from secretariat.entrybans.domain import rules
from secretariat.entrybans.domain.rules import Outcome, RequestKind, ReviewOutcome, ReviewPhase
from secretariat.entrybans.models import DelistingReview, Listing, ListingStatus, SubjectRequest
from secretariat.entrybans.services.common import _delete, _today
from secretariat.journal.services import record as journal


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

"""Reads of the entry-ban register, filtered by who asks.

A delegation sees its own state's listings; the secretariat sees every listing (to keep data
quality); nobody else reads listings, and another state's listing answers 404. Every access to a
listing is written to the access log. The access log itself is read by auditors only.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from typing import Any

from django.db.models import Q, QuerySet
from django.utils import timezone

from secretariat.core.domain.actors import Actor, Role
from secretariat.core.domain.errors import NotFound
from secretariat.core.permissions import can, require
from secretariat.entrybans.models import (
    AccessLog,
    DelistingReview,
    HitReport,
    LegalBasis,
    Listing,
    ListingStatus,
    PurposeNotice,
    SubjectRequest,
)
from secretariat.entrybans.services import log_access


def legal_basis() -> QuerySet[LegalBasis]:
    """Public: what the register stands on (today, a 2011 proposal)."""
    return LegalBasis.objects.all()


def register_counts() -> dict[str, int]:
    """Public figures: live listings per issuing state (no personal data)."""
    rows = Listing.objects.exclude(status=ListingStatus.DELETED).values_list(
        "issuing_state", flat=True
    )
    return dict(sorted(Counter(rows).items()))


def listings_for(actor: Actor, *, include_deleted: bool = False) -> QuerySet[Listing]:
    if can(actor, "entrybans.view_listing"):
        rows = Listing.objects.all()
    elif actor.state and can(actor, "entrybans.view_listing", actor.state):
        rows = Listing.objects.filter(issuing_state=actor.state)
    else:
        require(actor, "entrybans.view_listing")
        rows = Listing.objects.none()
    if not include_deleted:
        rows = rows.exclude(status=ListingStatus.DELETED)
    return rows


def listing_for(actor: Actor, reference: str, *, log: bool = True) -> Listing:
    """One listing, logged as an access; another state's answers NotFound."""
    listing = listings_for(actor, include_deleted=True).filter(reference=reference).first()
    if listing is None:
        raise NotFound("No such listing.")
    if log:
        log_access(
            actor,
            action="view_listing",
            query={"reference": reference},
            returned=[{"reference": reference, "status": listing.status}],
        )
    return listing


def access_log_for(actor: Actor, *, since: dt.datetime | None = None) -> QuerySet[AccessLog]:
    require(actor, "entrybans.read_access_log")
    rows = AccessLog.objects.all()
    return rows.filter(at__gte=since) if since else rows


def requests_for(actor: Actor) -> QuerySet[SubjectRequest]:
    """Requests the actor may follow: a delegation those about its listings or lodged with it."""
    rows = SubjectRequest.objects.select_related("listing")
    if can(actor, "entrybans.view_requests"):
        return rows
    if actor.state and can(actor, "entrybans.view_requests", actor.state):
        return rows.filter(Q(listing__issuing_state=actor.state) | Q(lodged_with=actor.state))
    require(actor, "entrybans.view_requests")
    return rows.none()


def reviews_for(actor: Actor) -> QuerySet[DelistingReview]:
    """Independent reviews of delisting requests, read by whoever may read the request."""
    return DelistingReview.objects.select_related("listing", "request").filter(
        request__in=requests_for(actor)
    )


def hit_reports_for(
    actor: Actor, *, overdue: bool | None = None, now: dt.datetime | None = None
) -> QuerySet[HitReport]:
    """Reported hits: the secretariat every one; a delegation those about its state's listings
    (its desk answers them); a border officer those its state's officers reported. `overdue`:
    only those still unanswered after their 12 hours (True), or the others (False)."""
    rows = HitReport.objects.select_related("listing")
    if can(actor, "entrybans.view_hit_reports"):
        pass
    elif actor.state and can(actor, "entrybans.view_hit_reports", actor.state):
        if actor.role is Role.BORDER_OFFICER:
            rows = rows.filter(reported_by_state=actor.state)
        else:
            rows = rows.filter(listing__issuing_state=actor.state)
    else:
        require(actor, "entrybans.view_hit_reports")
        rows = rows.none()
    if overdue is not None:
        late = Q(answered_at__isnull=True, answer_due__lt=now or timezone.now())
        rows = rows.filter(late) if overdue else rows.exclude(late)
    return rows


def purpose_notices_for(actor: Actor, *, escalated: bool | None = None) -> QuerySet[PurposeNotice]:
    """Purpose-achieved notices the actor may follow: the secretariat every one; a delegation
    those about its state's listings and those its state gave. `escalated`: only those that
    escalated (True) or never did (False)."""
    rows = PurposeNotice.objects.select_related("listing")
    if can(actor, "entrybans.view_purpose_notices"):
        pass
    elif actor.state and can(actor, "entrybans.view_purpose_notices", actor.state):
        rows = rows.filter(Q(listing__issuing_state=actor.state) | Q(notified_by=actor.state))
    else:
        require(actor, "entrybans.view_purpose_notices")
        rows = rows.none()
    if escalated is not None:
        rows = rows.filter(escalated_on__isnull=not escalated)
    return rows


def request_statistics(actor: Actor, year: int) -> dict[str, Any]:
    """Annual figures in the form of SIS Art. 54(3): requests by kind and outcome, late answers."""
    rows = requests_for(actor).filter(lodged_on__year=year)
    today = dt.date.today()
    by_kind: dict[str, Counter[str]] = {}
    late = overdue = 0
    for row in rows:
        by_kind.setdefault(row.kind, Counter())[row.outcome] += 1
        if row.answered_on and row.answered_on > row.answer_by:
            late += 1
        if not row.answered_on and today > row.answer_by:
            overdue += 1
    return {
        "year": year,
        "requests": rows.count(),
        "by_kind": {k: dict(v) for k, v in sorted(by_kind.items())},
        "answered_late": late,
        "overdue": overdue,
    }


def due_for_review(actor: Actor, *, today: dt.date | None = None) -> QuerySet[Listing]:
    """Listings whose four-month warning has started, soonest first."""
    from secretariat.entrybans.domain.rules import add_months

    day = today or dt.date.today()
    return listings_for(actor).filter(review_date__lte=add_months(day, 4)).order_by("review_date")


def is_auditor(actor: Actor) -> bool:
    return actor.role in (Role.AUDITOR, Role.SYSTEM)

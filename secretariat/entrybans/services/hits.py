"""Hit reports: a border officer reports a hit on a listing, and the issuing state answers it."""

from __future__ import annotations

import datetime as dt

from django.db import transaction
from django.utils import timezone

from secretariat.core.domain.actors import Actor, Role
from secretariat.core.domain.errors import NotFound, RuleViolation
from secretariat.core.permissions import require
from secretariat.entrybans.domain import rules
from secretariat.entrybans.models import AccessLog, HitReport, Listing, ListingStatus
from secretariat.entrybans.services.common import _for_issuing_state, _text
from secretariat.journal.services import record as journal


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

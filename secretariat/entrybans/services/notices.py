"""Purpose notices: another state tells the issuing state that a listing's purpose is achieved, and
the issuing state answers (keeps the listing or deletes it).
"""

from __future__ import annotations

import datetime as dt

from django.db import transaction

from secretariat.core.domain.actors import Actor, Role
from secretariat.core.domain.errors import NotFound, RuleViolation
from secretariat.core.permissions import require
from secretariat.entrybans.domain import rules
from secretariat.entrybans.domain.rules import NoticeOutcome, NoticeReply
from secretariat.entrybans.models import Listing, ListingStatus, PurposeNotice
from secretariat.entrybans.services.common import _for_issuing_state, _text, _today
from secretariat.entrybans.services.listings import delete_listing
from secretariat.journal.services import record as journal


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

"""The daily sweep: listings past their end expire and are erased; overdue purpose notices and hit
reports are escalated.
"""

from __future__ import annotations

import datetime as dt

from django.db import transaction
from django.utils import timezone

from secretariat.core.domain.actors import Actor
from secretariat.core.permissions import require
from secretariat.entrybans.domain import rules
from secretariat.entrybans.models import AccessLog, Listing, ListingStatus
from secretariat.entrybans.services.common import _erase, bump_register_version
from secretariat.entrybans.services.hits import _escalate_hit_reports
from secretariat.entrybans.services.notices import _escalate_purpose_notices
from secretariat.journal.services import record as journal


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

"""The access log is evidence: never changed, never removed before three years, purged after."""

from __future__ import annotations

import datetime as dt

import pytest
from django.db import DatabaseError, transaction
from django.utils import timezone

from secretariat.core.domain.actors import Actor
from secretariat.entrybans import services
from secretariat.entrybans.models import AccessLog

pytestmark = pytest.mark.django_db


def log_row(at: dt.datetime) -> AccessLog:
    return AccessLog.objects.create(
        at=at, username="kair", role="border_officer", authority="KZ", action="screen",
        query={"name": "(test)"}, returned=[],
    )  # fmt: skip


def test_a_log_row_cannot_be_changed():
    row = log_row(timezone.now())
    with pytest.raises(DatabaseError), transaction.atomic():
        AccessLog.objects.filter(pk=row.pk).update(username="someone else")
    row.refresh_from_db()
    assert row.username == "kair"


def test_a_log_row_younger_than_three_years_cannot_be_removed():
    row = log_row(timezone.now() - dt.timedelta(days=365 * 3 - 2))
    with pytest.raises(DatabaseError), transaction.atomic():
        AccessLog.objects.filter(pk=row.pk).delete()
    assert AccessLog.objects.filter(pk=row.pk).exists()


def test_the_daily_run_purges_rows_older_than_three_years_and_keeps_the_rest():
    old = log_row(timezone.now() - dt.timedelta(days=365 * 3 + 5))
    recent = log_row(timezone.now() - dt.timedelta(days=30))
    counts = services.expire_listings(Actor.system("cron"))
    assert counts["log_rows_purged"] >= 1
    assert not AccessLog.objects.filter(pk=old.pk).exists()
    assert AccessLog.objects.filter(pk=recent.pk).exists()

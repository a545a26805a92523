"""The purpose-achieved loop (SIRENE): a state applying a listing, or the secretariat, notifies;
the issuing state confirms deletion or gives reasons within 15 calendar days; an unanswered notice
escalates in the daily run. One open notice per listing; refusals write nothing."""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

import pytest
from django.db import IntegrityError, transaction

from secretariat.core.domain.actors import Actor, Role
from secretariat.core.domain.errors import NotFound, NotPermitted, RuleViolation
from secretariat.core.testing import journal_size
from secretariat.entrybans import selectors, services
from secretariat.entrybans.models import Listing, PurposeNotice
from secretariat.entrybans.tests.conftest import (
    ANNA,
    AUD,
    BORIS,
    KAIR,
    SOFIA,
    STATEMENT,
    SYSTEM,
    client_for,
    entries,
    listing_record,
)
from secretariat.journal.models import JournalEntry

pytestmark = pytest.mark.django_db
D = dt.date
REASON = "The national decision was annulled by a court (fictitious)."
KZ_DELEGATION = Actor(Role.DELEGATION, state="KZ", username="kz-delegate")


def last_seq() -> int:
    last = JournalEntry.objects.order_by("-seq").first()
    return last.seq if last else 0


@pytest.fixture
def applied(db: Any) -> Listing:
    """A BY listing that Armenia applies (Kazakhstan does not)."""
    row, _ = services.enter_listing(BORIS, **listing_record(recognized_by=["AM"]))
    return row


NOTIFIED_ON = D(2026, 7, 1)


def notify(
    actor: Any = ANNA, day: dt.date = NOTIFIED_ON, reference: str = "TEST-BY-0001"
) -> PurposeNotice:
    return services.notify_purpose_achieved(actor, reference=reference, reason=REASON, today=day)


def test_a_state_applying_a_listing_notifies_and_the_reply_is_due_in_fifteen_days(applied):
    seq = last_seq()
    notice = notify()
    assert (notice.notified_by, notice.notified_on, notice.reply_by) == (
        "AM",
        D(2026, 7, 1),
        D(2026, 7, 16),
    )
    assert notice.outcome == "pending" and notice.escalated_on is None
    [entry] = entries(seq)
    assert entry["action"] == "purpose_notice.notified"
    assert entry["data"] == {
        "listing": "TEST-BY-0001",
        "issuing_state": "BY",
        "notified_by": "AM",
        "notified_on": "2026-07-01",
        "reply_by": "2026-07-16",
    }
    assert "annulled" not in json.dumps(entry)  # the recorded reason stays out of the journal


def test_the_secretariat_may_notify_too(applied):
    assert notify(SOFIA).notified_by == "secretariat"


def test_a_second_notice_while_one_is_open_is_refused_and_writes_nothing(applied):
    first = notify()
    before = (journal_size(), PurposeNotice.objects.count())
    for actor in (ANNA, SOFIA):
        with pytest.raises(RuleViolation, match=rf"already has an open .*notice {first.pk}"):
            notify(actor, day=D(2026, 7, 2))
    assert (journal_size(), PurposeNotice.objects.count()) == before


def test_the_database_holds_one_open_notice_per_listing_too(applied):
    notify()
    with pytest.raises(IntegrityError), transaction.atomic():
        PurposeNotice.objects.create(
            listing=applied,
            notified_by="secretariat",
            notified_on=D(2026, 7, 2),
            reason="x",
            reply_by=D(2026, 7, 17),
        )


def test_a_state_that_does_not_apply_the_listing_learns_nothing_and_others_are_refused(applied):
    before = (journal_size(), PurposeNotice.objects.count())
    with pytest.raises(NotFound):
        notify(KZ_DELEGATION)
    with pytest.raises(NotFound):
        notify(reference="NO-SUCH-LISTING")
    for actor in (KAIR, AUD):
        with pytest.raises(NotPermitted):
            notify(actor)
    with pytest.raises(RuleViolation, match="deletes its own listing"):
        notify(BORIS)
    with pytest.raises(RuleViolation, match="the reason"):
        services.notify_purpose_achieved(ANNA, reference="TEST-BY-0001", reason="  ")
    assert (journal_size(), PurposeNotice.objects.count()) == before


def test_confirming_deletion_deletes_the_listing_through_the_delete_path(applied):
    notice = notify()
    seq = last_seq()
    services.answer_purpose_notice(BORIS, notice_id=notice.pk, reply="delete", today=D(2026, 7, 10))
    notice.refresh_from_db()
    assert (notice.outcome, notice.answered_on) == ("deletion_confirmed", D(2026, 7, 10))
    listing = Listing.objects.get(pk=applied.pk)
    assert listing.status == "deleted" and listing.surname == "" and listing.salt == ""
    answered, deleted = entries(seq)
    assert answered["action"] == "purpose_notice.answered"
    assert answered["data"]["reply"] == "delete" and answered["data"]["late"] is False
    assert deleted["action"] == "listing.deleted"
    assert deleted["data"]["reason"] == f"purpose achieved (notice {notice.pk})"
    assert deleted["data"]["personal_data_erased"] is True


def test_keeping_the_listing_needs_recorded_reasons_and_then_a_new_notice_may_follow(applied):
    notice = notify()
    before = journal_size()
    with pytest.raises(RuleViolation, match="reasons for keeping"):
        services.answer_purpose_notice(BORIS, notice_id=notice.pk, reply="keep", reasons="no")
    with pytest.raises(RuleViolation, match="delete or keep"):
        services.answer_purpose_notice(BORIS, notice_id=notice.pk, reply="maybe", reasons=STATEMENT)
    assert journal_size() == before
    assert PurposeNotice.objects.get(pk=notice.pk).outcome == "pending"
    services.answer_purpose_notice(
        BORIS, notice_id=notice.pk, reply="keep", reasons=STATEMENT, today=D(2026, 7, 3)
    )
    notice.refresh_from_db()
    assert (notice.outcome, notice.answer_reasons) == ("retention_justified", STATEMENT)
    assert Listing.objects.get(pk=applied.pk).status == "active"
    with pytest.raises(RuleViolation, match="closed already"):
        services.answer_purpose_notice(BORIS, notice_id=notice.pk, reply="delete")
    assert notify(SOFIA, day=D(2026, 9, 1)).pk != notice.pk


def test_only_the_issuing_state_replies_and_a_refusal_writes_nothing(applied):
    notice = notify()
    before = journal_size()
    for actor in (ANNA, KAIR):
        with pytest.raises(NotFound):
            services.answer_purpose_notice(actor, notice_id=notice.pk, reply="delete")
    for actor in (SOFIA, AUD):
        with pytest.raises(NotPermitted):
            services.answer_purpose_notice(actor, notice_id=notice.pk, reply="delete")
    with pytest.raises(NotFound):
        services.answer_purpose_notice(BORIS, notice_id=999_999, reply="delete")
    assert journal_size() == before
    assert Listing.objects.get(pk=applied.pk).status == "active"
    assert PurposeNotice.objects.get(pk=notice.pk).outcome == "pending"


def test_an_unanswered_notice_escalates_once_the_day_after_fifteen_days(applied):
    notice = notify(day=D(2026, 7, 1))
    assert services.expire_listings(SYSTEM, today=D(2026, 7, 16))["notices_escalated"] == 0
    seq = last_seq()
    assert services.expire_listings(SYSTEM, today=D(2026, 7, 17))["notices_escalated"] == 1
    [entry] = entries(seq)
    assert entry["action"] == "purpose_notice.escalated"
    assert entry["subject"] == f"purpose_notice:{notice.pk}"
    assert entry["data"] == {
        "listing": "TEST-BY-0001",
        "issuing_state": "BY",
        "notified_by": "AM",
        "reply_by": "2026-07-16",
    }
    assert PurposeNotice.objects.get(pk=notice.pk).escalated_on == D(2026, 7, 17)
    assert services.expire_listings(SYSTEM, today=D(2026, 7, 18))["notices_escalated"] == 0


def test_an_answered_notice_never_escalates(applied):
    notice = notify(day=D(2026, 7, 1))
    services.answer_purpose_notice(
        BORIS, notice_id=notice.pk, reply="keep", reasons=STATEMENT, today=D(2026, 7, 16)
    )
    assert services.expire_listings(SYSTEM, today=D(2026, 8, 1))["notices_escalated"] == 0


def test_escalated_notices_are_listed_for_the_secretariat_and_the_issuing_state(applied):
    notice = notify(day=D(2026, 7, 1))
    services.expire_listings(SYSTEM, today=D(2026, 7, 17))
    for actor in (SOFIA, BORIS, ANNA):
        assert notice in selectors.purpose_notices_for(actor, escalated=True)
        assert notice not in selectors.purpose_notices_for(actor, escalated=False)
    assert notice not in selectors.purpose_notices_for(KZ_DELEGATION)
    for actor in (KAIR, AUD):
        with pytest.raises(NotPermitted):
            selectors.purpose_notices_for(actor)


def test_a_late_reply_is_still_taken_and_journaled_as_late(applied):
    notice = notify(day=D(2026, 7, 1))
    services.expire_listings(SYSTEM, today=D(2026, 7, 20))
    seq = last_seq()
    services.answer_purpose_notice(
        BORIS, notice_id=notice.pk, reply="keep", reasons=STATEMENT, today=D(2026, 7, 21)
    )
    [entry] = entries(seq)
    assert entry["data"]["late"] is True and entry["data"]["escalated"] is True


def test_deleting_the_listing_another_way_closes_its_open_notice(applied):
    notice = notify()
    services.delete_listing(BORIS, reference="TEST-BY-0001", reason="decision annulled")
    assert PurposeNotice.objects.get(pk=notice.pk).outcome == "listing_deleted"
    with pytest.raises(RuleViolation, match="deleted already"):
        notify(SOFIA, day=D(2026, 7, 2))
    assert services.expire_listings(SYSTEM, today=D(2026, 8, 1))["notices_escalated"] == 0


# Through the API and the pages.
BASE = "/api/v1/entry-bans"


def test_the_api_notifies_refuses_a_second_notice_lists_and_answers(personas):
    anna = client_for(personas, "anna")
    path = f"{BASE}/listings/DEMO-BY-0001/purpose-achieved"
    response = anna.post(path, {"reason": REASON}, content_type="application/json")
    assert response.status_code == 201, response.content
    body = response.json()
    today = dt.date.today()
    assert body["reply_by"] == (today + dt.timedelta(days=15)).isoformat()
    assert (body["notified_by"], body["outcome"], body["overdue"]) == ("AM", "pending", False)
    again = client_for(personas, "sofia").post(
        path, {"reason": REASON}, content_type="application/json"
    )
    assert again.status_code == 422 and "already has an open" in again.json()["detail"]
    boris = client_for(personas, "boris")
    listed = boris.get(f"{BASE}/purpose-notices").json()
    assert [n["id"] for n in listed if n["listing"] == "DEMO-BY-0001"] == [body["id"]]
    assert boris.get(f"{BASE}/purpose-notices?escalated=true").json() == []
    answer = {"reply": "keep", "reasons": STATEMENT}
    refused = anna.post(
        f"{BASE}/purpose-notices/{body['id']}/answer", answer, content_type="application/json"
    )
    assert refused.status_code == 404
    response = boris.post(
        f"{BASE}/purpose-notices/{body['id']}/answer", answer, content_type="application/json"
    )
    assert response.status_code == 200
    assert response.json()["outcome"] == "retention_justified"


def test_the_page_notifies_shows_escalations_and_takes_the_reply(personas):
    anna = client_for(personas, "anna")
    response = anna.post(
        "/en/entry-bans/purpose-notices/", {"reference": "DEMO-BY-0001", "reason": REASON}
    )
    assert response.status_code == 302
    notice = PurposeNotice.objects.get(listing__reference="DEMO-BY-0001")
    services.expire_listings(SYSTEM, today=notice.reply_by + dt.timedelta(days=1))
    text = client_for(personas, "sofia").get("/en/entry-bans/purpose-notices/").content.decode()
    assert "Escalated: no reply within 15 days" in text and "DEMO-BY-0001" in text
    boris = client_for(personas, "boris")
    page = boris.get("/en/entry-bans/purpose-notices/").content.decode()
    assert "Escalated" in page and f"/purpose-notices/{notice.pk}/answer/" in page
    response = boris.post(
        f"/en/entry-bans/purpose-notices/{notice.pk}/answer/", {"reply": "delete"}
    )
    assert response.status_code == 302
    assert Listing.objects.get(reference="DEMO-BY-0001").status == "deleted"


def test_a_second_notice_on_the_page_is_refused_with_the_reason(personas):
    anna = client_for(personas, "anna")
    data = {"reference": "DEMO-BY-0001", "reason": REASON}
    assert anna.post("/en/entry-bans/purpose-notices/", data).status_code == 302
    before = journal_size()
    response = client_for(personas, "sofia").post("/en/entry-bans/purpose-notices/", data)
    assert response.status_code == 422
    assert "already has an open" in response.content.decode()
    assert journal_size() == before

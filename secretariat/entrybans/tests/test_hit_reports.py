"""Hit follow-up with a response clock (SIRENE, 12 hours): a border officer reports a hit that
screening gave them to the issuing state's desk, which answers; unanswered reports are overdue
after 12 hours (UTC). Refusals write nothing; the journal holds no free text."""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

import pytest
from django.utils import timezone

from secretariat.core.domain.actors import Actor
from secretariat.core.domain.errors import NotFound, NotPermitted, RuleViolation
from secretariat.core.testing import journal_size
from secretariat.entrybans import registry, selectors, services
from secretariat.entrybans.models import HitReport, Listing
from secretariat.entrybans.tests.conftest import (
    ANNA,
    AUD,
    BORIS,
    KAIR,
    SOFIA,
    client_for,
    entries,
    last_entry,
    listing_record,
)

pytestmark = pytest.mark.django_db
HOUR = dt.timedelta(hours=1)
NOTE = "Traveller held at the counter, papers checked (fictitious)."


@pytest.fixture
def hit(db: Any) -> str:
    """A BY listing that Kazakhstan's officer has just screened and got as a hit."""
    services.enter_listing(BORIS, **listing_record())
    hits = registry.screen_names(KAIR, [registry.NameQuery("Siarhei Testavy", "1970-05-06")])[0]
    assert [h["reference"] for h in hits] == ["TEST-BY-0001"]
    return "TEST-BY-0001"


def report(actor: Any = KAIR, reference: str = "TEST-BY-0001", **kw: Any) -> HitReport:
    return services.report_hit(
        actor, reference=reference, place="Khorgos crossing", action_taken=True, note=NOTE, **kw
    )


def test_an_officer_reports_a_hit_and_the_answer_is_due_twelve_hours_later(hit):
    now = timezone.now()
    row = report(now=now)
    assert row.reported_at == now and row.reported_by_state == "KZ"
    assert row.answer_due == now + 12 * HOUR
    entry = last_entry()
    assert entry["action"] == "hit_report.reported"
    assert entry["data"]["answer_due"] == (now + 12 * HOUR).astimezone(dt.UTC).isoformat()
    assert entry["data"]["issuing_state"] == "BY" and entry["data"]["action_taken"] is True
    text = json.dumps(entry)
    assert "Khorgos" not in text and "Traveller" not in text


def test_an_officer_reports_only_what_screening_gave_them_lately(hit):
    services.enter_listing(BORIS, **listing_record(reference="TEST-BY-0002", surname_latin="OTHER"))
    before = (journal_size(), HitReport.objects.count())
    with pytest.raises(NotFound, match="No hit on 'TEST-BY-0002'"):
        report(reference="TEST-BY-0002")  # exists, but screening never returned it to kair
    with pytest.raises(NotFound):
        report(reference="NO-SUCH-LISTING")
    with pytest.raises(NotFound, match="last 24 hours"):
        report(now=timezone.now() + 25 * HOUR)
    with pytest.raises(RuleViolation, match="place"):
        services.report_hit(KAIR, reference=hit, place=" ", action_taken=False)
    for actor in (BORIS, ANNA, SOFIA, AUD):
        with pytest.raises(NotPermitted):
            report(actor)
    assert (journal_size(), HitReport.objects.count()) == before


def test_the_issuing_states_desk_answers_in_time(hit):
    row = report()
    services.answer_hit_report(
        BORIS, report_id=row.pk, answer="Refuse entry.", now=row.reported_at + 11 * HOUR
    )
    row.refresh_from_db()
    assert (row.answer, row.answered_by) == ("Refuse entry.", "boris")
    entry = last_entry()
    assert entry["action"] == "hit_report.answered" and entry["data"]["late"] is False
    assert "Refuse" not in json.dumps(entry)


def test_only_the_issuing_state_answers_once_and_a_refusal_writes_nothing(hit):
    row = report()
    before = journal_size()
    for actor in (ANNA, KAIR):
        with pytest.raises(NotFound):
            services.answer_hit_report(actor, report_id=row.pk, answer="x")
    for actor in (SOFIA, AUD):
        with pytest.raises(NotPermitted):
            services.answer_hit_report(actor, report_id=row.pk, answer="x")
    with pytest.raises(RuleViolation, match="answer is mandatory"):
        services.answer_hit_report(BORIS, report_id=row.pk, answer=" ")
    with pytest.raises(NotFound):
        services.answer_hit_report(BORIS, report_id=999_999, answer="x")
    assert journal_size() == before
    assert HitReport.objects.get(pk=row.pk).answered_at is None
    services.answer_hit_report(BORIS, report_id=row.pk, answer="Refuse entry.")
    with pytest.raises(RuleViolation, match="answered already"):
        services.answer_hit_report(BORIS, report_id=row.pk, answer="Again.")


def test_a_report_unanswered_after_twelve_hours_is_listed_overdue(hit):
    row = report()
    due = row.answer_due
    for actor in (SOFIA, BORIS, KAIR):
        assert row not in selectors.hit_reports_for(actor, overdue=True, now=due)
        assert row in selectors.hit_reports_for(actor, overdue=False, now=due)
        assert row in selectors.hit_reports_for(
            actor, overdue=True, now=due + dt.timedelta(seconds=1)
        )
    assert row not in selectors.hit_reports_for(ANNA)  # neither the issuing nor the reporting state
    with pytest.raises(NotPermitted):
        selectors.hit_reports_for(AUD)
    services.answer_hit_report(BORIS, report_id=row.pk, answer="Refuse entry.", now=due + HOUR)
    assert last_entry()["data"]["late"] is True
    assert row not in selectors.hit_reports_for(SOFIA, overdue=True, now=due + 2 * HOUR)


def test_the_scheduled_run_escalates_an_unanswered_report_once_after_its_twelve_hours(hit):
    system = Actor.system("entrybans-expire")
    row = report()
    due = row.answer_due
    assert services.expire_listings(system, now=due)["hit_reports_escalated"] == 0
    before = journal_size()
    later = due + dt.timedelta(minutes=5)
    assert services.expire_listings(system, now=later)["hit_reports_escalated"] == 1
    row.refresh_from_db()
    assert row.escalated_at == later
    (escalation,) = [e for e in entries(before) if e["action"] == "hit_report.escalated"]
    assert escalation["subject"] == f"hit_report:{row.pk}"
    assert escalation["data"]["answer_due"] == due.astimezone(dt.UTC).isoformat()
    assert escalation["data"]["reported_by_state"] == "KZ"
    assert "Khorgos" not in json.dumps(escalation) and "Traveller" not in json.dumps(escalation)
    # Once only: the next hourly run leaves it, and a late answer is still taken.
    assert services.expire_listings(system, now=later + HOUR)["hit_reports_escalated"] == 0
    services.answer_hit_report(BORIS, report_id=row.pk, answer="Refuse entry.", now=later + HOUR)
    row.refresh_from_db()
    assert row.escalated_at == later and row.answered_at == later + HOUR


def test_an_answered_report_never_escalates(hit):
    system = Actor.system("entrybans-expire")
    row = report()
    services.answer_hit_report(BORIS, report_id=row.pk, answer="Refuse entry.")
    assert services.expire_listings(system, now=row.answer_due + HOUR)["hit_reports_escalated"] == 0
    row.refresh_from_db()
    assert row.escalated_at is None


def test_deleting_the_listing_erases_what_was_written_about_the_encounter(hit):
    row = report()
    services.answer_hit_report(BORIS, report_id=row.pk, answer="The person was refused.")
    services.delete_listing(BORIS, reference=hit, reason="decision annulled")
    row.refresh_from_db()
    assert row.note == row.answer == "(erased with the listing)"
    assert Listing.objects.get(reference=hit).status == "deleted"


# Through the API and the pages.
BASE = "/api/v1/entry-bans"


def test_the_api_reports_lists_and_answers(personas):
    kair = client_for(personas, "kair")
    screened = kair.post(
        f"{BASE}/screen", {"name": "Hayk Orinakyan"}, content_type="application/json"
    )
    assert screened.json()["hits"][0]["reference"] == "DEMO-AM-0001"
    body = {"reference": "DEMO-AM-0001", "place": "Zvartnots airport", "action_taken": True}
    response = kair.post(f"{BASE}/hit-reports", body, content_type="application/json")
    assert response.status_code == 201, response.content
    created = response.json()
    reported = dt.datetime.fromisoformat(created["reported_at"])
    assert dt.datetime.fromisoformat(created["answer_due"]) - reported == 12 * HOUR
    assert (created["issuing_state"], created["overdue"], created["late"]) == ("AM", False, False)
    assert created["escalated_at"] is None
    assert kair.get(f"{BASE}/hit-reports?overdue=true").json() == []
    anna = client_for(personas, "anna")
    assert [r["id"] for r in anna.get(f"{BASE}/hit-reports").json()] == [created["id"]]
    path = f"{BASE}/hit-reports/{created['id']}/answer"
    boris = client_for(personas, "boris")
    assert boris.post(path, {"answer": "x"}, content_type="application/json").status_code == 404
    answered = anna.post(path, {"answer": "Refuse entry."}, content_type="application/json")
    assert answered.status_code == 200 and answered.json()["answer"] == "Refuse entry."


def test_the_pages_report_a_hit_and_take_the_answer(personas):
    kair = client_for(personas, "kair")
    page = kair.post("/en/entry-bans/screen/", {"name": "Hayk Orinakyan", "use": "border"})
    assert "/en/entry-bans/hit-reports/?reference=DEMO-AM-0001" in page.content.decode()
    form = kair.get("/en/entry-bans/hit-reports/?reference=DEMO-AM-0001").content.decode()
    assert 'value="DEMO-AM-0001"' in form
    response = kair.post(
        "/en/entry-bans/hit-reports/",
        {"reference": "DEMO-AM-0001", "place": "Zvartnots airport", "action_taken": "on"},
    )
    assert response.status_code == 302
    row = HitReport.objects.get(listing__reference="DEMO-AM-0001")
    anna = client_for(personas, "anna")
    assert (
        f"/hit-reports/{row.pk}/answer/" in anna.get("/en/entry-bans/hit-reports/").content.decode()
    )
    response = anna.post(
        f"/en/entry-bans/hit-reports/{row.pk}/answer/", {"answer": "Refuse entry."}
    )
    assert response.status_code == 302
    assert HitReport.objects.get(pk=row.pk).answer == "Refuse entry."


def test_the_page_refuses_a_report_of_a_listing_never_returned(personas):
    before = journal_size()
    response = client_for(personas, "kair").post(
        "/en/entry-bans/hit-reports/", {"reference": "DEMO-BY-0001", "place": "Khorgos"}
    )
    assert response.status_code == 404
    assert journal_size() == before

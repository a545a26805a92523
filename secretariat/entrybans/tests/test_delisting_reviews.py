"""Independent review of delisting requests (after the UN Ombudsperson, res. 2734 (2024)
Annex II): phases in order with their deadlines, one extension per timed phase, repeat requests
only on new material, a reasoned decision; the reviewer is the secretariat. Every step is
journaled without its texts; a refused step writes nothing."""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

import pytest
from django.db import IntegrityError, transaction
from django.test import Client

from secretariat.core.domain.actors import Actor, Role
from secretariat.core.domain.errors import NotFound, NotPermitted, RuleViolation
from secretariat.core.testing import journal_size
from secretariat.entrybans import selectors, services
from secretariat.entrybans.models import DelistingReview, Listing, SubjectRequest
from secretariat.entrybans.tests.conftest import (
    ANNA,
    AUD,
    BORIS,
    KAIR,
    SOFIA,
    STATEMENT,
    client_for,
    entries,
    listing_record,
)
from secretariat.journal.models import JournalEntry

pytestmark = pytest.mark.django_db
D = dt.date
REASONS = "The reviewer weighed the material gathered and the dialogue (fictitious case)."
REPORT = "Comprehensive report: the criteria of the listing are no longer met (fictitious)."
ACCEPTED_ON = D(2026, 7, 15)
REPEAT_LODGED_ON = D(2027, 1, 5)
MATERIAL = "A judgment of 2026-05-04 quashing the national decision (fictitious)."


def last_seq() -> int:
    last = JournalEntry.objects.order_by("-seq").first()
    return last.seq if last else 0


def state_of(review: DelistingReview) -> tuple[Any, ...]:
    """Everything a refused step must leave as it was."""
    row = DelistingReview.objects.get(pk=review.pk)
    return (
        row.phase,
        row.outcome,
        row.gathering_due,
        row.gathering_extended,
        row.dialogue_due,
        row.dialogue_extended,
        row.report,
        row.decided_on,
        journal_size(),
    )


@pytest.fixture
def delisting(db: Any) -> SubjectRequest:
    """A delisting request about a BY listing, lodged with Armenia."""
    services.enter_listing(BORIS, **listing_record())
    return services.lodge_request(
        ANNA, reference="TEST-BY-0001", kind="delisting", lodged_on=D(2026, 7, 1)
    )


@pytest.fixture
def review(delisting: SubjectRequest) -> DelistingReview:
    return services.refer_to_review(SOFIA, request_id=delisting.pk, today=D(2026, 7, 10))


def accepted(review: DelistingReview, day: dt.date = ACCEPTED_ON) -> DelistingReview:
    return services.determine_review(
        SOFIA, review_id=review.pk, accept=True, reasons=REASONS, today=day
    )


def at_report(review: DelistingReview) -> DelistingReview:
    accepted(review)
    services.open_review_dialogue(SOFIA, review_id=review.pk, today=D(2026, 11, 1))
    return services.submit_review_report(
        SOFIA, review_id=review.pk, report=REPORT, today=D(2026, 12, 20)
    )


def test_a_review_runs_its_phases_with_deadlines_and_a_grant_deletes_the_listing(delisting):
    seq = last_seq()
    review = services.refer_to_review(SOFIA, request_id=delisting.pk, today=D(2026, 7, 10))
    assert (review.phase, review.outcome, review.repeat) == ("preliminary", "pending", False)
    review = accepted(review, D(2026, 7, 15))
    assert (review.phase, review.gathering_due) == ("information_gathering", D(2026, 11, 15))
    review = services.extend_review_phase(
        SOFIA, review_id=review.pk, months=2, today=D(2026, 11, 1)
    )
    assert (review.gathering_due, review.gathering_extended) == (D(2027, 1, 15), True)
    review = services.open_review_dialogue(SOFIA, review_id=review.pk, today=D(2027, 1, 10))
    assert (review.phase, review.dialogue_due) == ("dialogue", D(2027, 3, 10))
    review = services.extend_review_phase(
        SOFIA, review_id=review.pk, months=1, today=D(2027, 3, 10)
    )
    assert review.dialogue_due == D(2027, 4, 10)
    review = services.submit_review_report(
        SOFIA, review_id=review.pk, report=REPORT, today=D(2027, 4, 1)
    )
    assert (review.phase, review.report_on) == ("report", D(2027, 4, 1))
    review = services.decide_review(
        SOFIA, review_id=review.pk, outcome="granted", reasons=REASONS, today=D(2027, 4, 20)
    )
    assert (review.phase, review.outcome, review.decided_on) == (
        "closed",
        "granted",
        D(2027, 4, 20),
    )
    listing = Listing.objects.get(reference="TEST-BY-0001")
    assert listing.status == "deleted" and listing.surname == "" and listing.salt == ""
    request = SubjectRequest.objects.get(pk=delisting.pk)
    assert (request.outcome, request.answered_on) == ("granted", D(2027, 4, 20))

    journaled = entries(seq)
    assert [e["action"] for e in journaled] == [
        "delisting_review.referred",
        "delisting_review.accepted",
        "delisting_review.phase_extended",
        "delisting_review.dialogue_opened",
        "delisting_review.phase_extended",
        "delisting_review.report_submitted",
        "delisting_review.decided",
        "listing.deleted",
    ]
    assert journaled[1]["data"]["gathering_due"] == "2026-11-15"
    assert journaled[2]["data"] == {
        "listing": "TEST-BY-0001",
        "issuing_state": "BY",
        "request": delisting.pk,
        "phase": "information_gathering",
        "months": 2,
        "previous_due": "2026-11-15",
        "due": "2027-01-15",
    }
    assert journaled[6]["data"]["outcome"] == "granted"
    assert journaled[6]["data"]["request_closed"] is True
    assert (
        journaled[7]["data"]["reason"]
        == f"delisting granted on independent review (review {review.pk})"
    )
    text = json.dumps(journaled, ensure_ascii=False)
    for secret in (REASONS, REPORT, "Тэставы", "TESTAVY"):
        assert secret not in text


def test_a_refusal_keeps_the_listing_and_a_refused_request_stays_refused(delisting):
    services.answer_request(BORIS, request_id=delisting.pk, outcome="refused", reasons="No.")
    review = services.refer_to_review(SOFIA, request_id=delisting.pk, today=D(2026, 7, 10))
    assert review.repeat is False  # a review after the state's own refusal is no repeat
    at_report(review)
    seq = last_seq()
    services.decide_review(SOFIA, review_id=review.pk, outcome="refused", reasons=REASONS)
    assert Listing.objects.get(reference="TEST-BY-0001").status == "active"
    assert SubjectRequest.objects.get(pk=delisting.pk).answer_reasons == "No."
    [entry] = entries(seq)
    assert entry["data"]["outcome"] == "refused" and entry["data"]["request_closed"] is False


@pytest.mark.parametrize(
    ("step", "message"),
    [
        (lambda r: services.open_review_dialogue(SOFIA, review_id=r.pk), "dialogue cannot"),
        (
            lambda r: services.submit_review_report(SOFIA, review_id=r.pk, report=REPORT),
            "report cannot",
        ),
        (
            lambda r: services.decide_review(
                SOFIA, review_id=r.pk, outcome="granted", reasons=REASONS
            ),
            "decision cannot",
        ),
        (
            lambda r: services.extend_review_phase(SOFIA, review_id=r.pk, months=1),
            "only the information-gathering and dialogue",
        ),
    ],
)
def test_no_phase_is_skipped_and_a_refused_step_writes_nothing(review, step, message):
    before = state_of(review)
    with pytest.raises(RuleViolation, match=message):
        step(review)
    assert state_of(review) == before
    assert Listing.objects.get(reference="TEST-BY-0001").status == "active"


def test_a_decision_cannot_come_before_the_report(review):
    accepted(review)
    services.open_review_dialogue(SOFIA, review_id=review.pk, today=D(2026, 9, 1))
    before = state_of(review)
    with pytest.raises(RuleViolation, match=r"decision cannot be recorded now.*dialogue"):
        services.decide_review(SOFIA, review_id=review.pk, outcome="granted", reasons=REASONS)
    assert state_of(review) == before


def test_each_timed_phase_is_extended_once_and_only_before_its_deadline(review):
    accepted(review, D(2026, 7, 15))
    services.extend_review_phase(SOFIA, review_id=review.pk, months=1, today=D(2026, 8, 1))
    before = state_of(review)
    with pytest.raises(RuleViolation, match="already extended once"):
        services.extend_review_phase(SOFIA, review_id=review.pk, months=1, today=D(2026, 8, 2))
    assert state_of(review) == before
    services.open_review_dialogue(SOFIA, review_id=review.pk, today=D(2026, 12, 1))
    before = state_of(review)
    with pytest.raises(RuleViolation, match="ended on 2027-02-01"):
        services.extend_review_phase(SOFIA, review_id=review.pk, months=2, today=D(2027, 2, 2))
    with pytest.raises(RuleViolation, match="1 to 2 months"):
        services.extend_review_phase(SOFIA, review_id=review.pk, months=3, today=D(2027, 1, 2))
    assert state_of(review) == before


def test_nothing_is_recorded_after_the_decision(review):
    at_report(review)
    services.decide_review(SOFIA, review_id=review.pk, outcome="refused", reasons=REASONS)
    before = state_of(review)
    steps = [
        lambda: services.determine_review(SOFIA, review_id=review.pk, accept=True, reasons=REASONS),
        lambda: services.extend_review_phase(SOFIA, review_id=review.pk, months=1),
        lambda: services.open_review_dialogue(SOFIA, review_id=review.pk),
        lambda: services.submit_review_report(SOFIA, review_id=review.pk, report=REPORT),
        lambda: services.decide_review(
            SOFIA, review_id=review.pk, outcome="granted", reasons=REASONS
        ),
    ]
    for step in steps:
        with pytest.raises(RuleViolation, match="closed"):
            step()
    assert state_of(review) == before
    assert Listing.objects.get(reference="TEST-BY-0001").status == "active"


def test_the_decision_and_the_determination_need_reasons(review):
    before = state_of(review)
    with pytest.raises(RuleViolation, match="reasons of the preliminary determination"):
        services.determine_review(SOFIA, review_id=review.pk, accept=True, reasons="ok")
    assert state_of(review) == before
    at_report(review)
    before = state_of(review)
    with pytest.raises(RuleViolation, match="reasons for the decision"):
        services.decide_review(SOFIA, review_id=review.pk, outcome="granted", reasons="yes")
    with pytest.raises(RuleViolation, match="granted or refused"):
        services.decide_review(SOFIA, review_id=review.pk, outcome="maybe", reasons=REASONS)
    assert state_of(review) == before


def repeat_request(day: dt.date = REPEAT_LODGED_ON) -> SubjectRequest:
    return services.lodge_request(ANNA, reference="TEST-BY-0001", kind="delisting", lodged_on=day)


def test_a_repeat_request_without_new_material_is_rejected_at_the_preliminary_determination(
    delisting,
):
    services.answer_request(BORIS, request_id=delisting.pk, outcome="refused", reasons="No.")
    second = repeat_request()
    review = services.refer_to_review(SOFIA, request_id=second.pk, today=D(2027, 1, 6))
    assert review.repeat is True
    before = state_of(review)
    with pytest.raises(RuleViolation, match=r"repeat request.*new material"):
        accepted(review)
    assert state_of(review) == before
    seq = last_seq()
    services.determine_review(
        SOFIA, review_id=review.pk, accept=False, reasons=REASONS, today=D(2027, 1, 8)
    )
    review.refresh_from_db()
    assert (review.phase, review.outcome, review.decided_on) == (
        "closed",
        "rejected",
        D(2027, 1, 8),
    )
    [entry] = entries(seq)
    assert entry["action"] == "delisting_review.rejected" and entry["data"]["repeat"] is True
    assert Listing.objects.get(reference="TEST-BY-0001").status == "active"


def test_a_repeat_request_with_new_material_goes_forward_and_the_material_is_recorded(review):
    at_report(review)
    services.decide_review(SOFIA, review_id=review.pk, outcome="refused", reasons=REASONS)
    second = repeat_request()
    again = services.refer_to_review(SOFIA, request_id=second.pk, today=D(2027, 1, 6))
    assert again.repeat is True
    seq = last_seq()
    services.determine_review(
        SOFIA, review_id=again.pk, accept=True, reasons=REASONS, new_material=MATERIAL
    )
    again.refresh_from_db()
    assert (again.phase, again.new_material) == ("information_gathering", MATERIAL)
    [entry] = entries(seq)
    assert entry["data"]["new_material_recorded"] is True
    assert MATERIAL not in json.dumps(entry)


@pytest.mark.parametrize("actor", [BORIS, ANNA, KAIR, AUD])
def test_only_the_secretariat_reviews_and_a_refusal_writes_nothing(delisting, actor):
    before_referral = (journal_size(), DelistingReview.objects.count())
    with pytest.raises(NotPermitted):
        services.refer_to_review(actor, request_id=delisting.pk)
    with pytest.raises(NotPermitted):
        services.refer_to_review(actor, request_id=999_999)  # refused before it is looked up
    assert (journal_size(), DelistingReview.objects.count()) == before_referral
    review = services.refer_to_review(SOFIA, request_id=delisting.pk)
    before = state_of(review)
    with pytest.raises(NotPermitted):
        services.determine_review(actor, review_id=review.pk, accept=True, reasons=REASONS)
    with pytest.raises(NotPermitted):
        services.decide_review(actor, review_id=review.pk, outcome="granted", reasons=REASONS)
    assert state_of(review) == before


def test_what_cannot_be_referred_is_refused_and_writes_nothing(delisting):
    access = services.lodge_request(ANNA, reference="TEST-BY-0001", kind="access")
    before = (journal_size(), DelistingReview.objects.count())
    with pytest.raises(RuleViolation, match="only a delisting request"):
        services.refer_to_review(SOFIA, request_id=access.pk)
    with pytest.raises(NotFound):
        services.refer_to_review(SOFIA, request_id=999_999)
    assert (journal_size(), DelistingReview.objects.count()) == before
    first = services.refer_to_review(SOFIA, request_id=delisting.pk)
    before = (journal_size(), DelistingReview.objects.count())
    with pytest.raises(RuleViolation, match=f"referred already \\(review {first.pk}\\)"):
        services.refer_to_review(SOFIA, request_id=delisting.pk)
    with pytest.raises(RuleViolation, match="under independent review already"):
        services.refer_to_review(SOFIA, request_id=repeat_request().pk)
    assert DelistingReview.objects.count() == before[1]


def test_a_granted_request_cannot_be_referred(delisting):
    services.answer_request(BORIS, request_id=delisting.pk, outcome="granted", reasons="Yes.")
    with pytest.raises(RuleViolation, match="granted by the issuing state"):
        services.refer_to_review(SOFIA, request_id=delisting.pk)


def test_the_database_holds_one_open_review_per_listing(review):
    second = repeat_request()
    with pytest.raises(IntegrityError), transaction.atomic():
        DelistingReview.objects.create(
            request=second, listing=review.listing, referred_on=D(2027, 1, 6)
        )


def test_deleting_the_listing_closes_a_running_review(review):
    accepted(review)
    services.delete_listing(BORIS, reference="TEST-BY-0001", reason="decision annulled")
    review.refresh_from_db()
    assert (review.phase, review.outcome) == ("closed", "listing_deleted")
    with pytest.raises(RuleViolation, match="closed"):
        services.open_review_dialogue(SOFIA, review_id=review.pk)


def test_reviews_are_read_by_whoever_may_read_the_request(review):
    for actor in (SOFIA, BORIS, ANNA, AUD):
        assert review in selectors.reviews_for(actor)
    kazakh_delegation = Actor(Role.DELEGATION, state="KZ", username="kz-delegate")
    assert review not in selectors.reviews_for(kazakh_delegation)
    with pytest.raises(NotPermitted):
        selectors.reviews_for(KAIR)


# Through the API and the pages.
BASE = "/api/v1/entry-bans"


def post(client: Client, path: str, body: Any = None) -> Any:
    return client.post(f"{BASE}{path}", body or {}, content_type="application/json")


def test_the_api_refers_determines_and_refuses_a_skipped_phase(personas):
    request = services.lodge_request(ANNA, reference="DEMO-BY-0001", kind="delisting")
    sofia, boris = client_for(personas, "sofia"), client_for(personas, "boris")
    assert post(boris, f"/requests/{request.pk}/review").status_code == 403
    response = post(sofia, f"/requests/{request.pk}/review", {"new_material": ""})
    assert response.status_code == 201, response.content
    review = response.json()
    assert (review["phase"], review["repeat"], review["phase_due"]) == ("preliminary", False, None)
    before = journal_size()
    skipped = post(
        sofia, f"/reviews/{review['id']}/decision", {"outcome": "granted", "reasons": REASONS}
    )
    assert skipped.status_code == 422
    assert "decision cannot be recorded now" in skipped.json()["detail"]
    assert journal_size() == before
    response = post(
        sofia, f"/reviews/{review['id']}/preliminary", {"accept": True, "reasons": REASONS}
    )
    assert response.status_code == 200
    body = response.json()
    today = dt.date.today()
    from secretariat.entrybans.domain.rules import add_months

    assert body["phase"] == "information_gathering"
    assert body["phase_due"] == body["gathering_due"] == add_months(today, 4).isoformat()
    assert post(sofia, f"/reviews/{review['id']}/extend", {"months": 3}).status_code == 422
    assert post(sofia, f"/reviews/{review['id']}/dialogue").json()["phase"] == "dialogue"
    listed = client_for(personas, "anna").get(f"{BASE}/reviews").json()
    assert [r["id"] for r in listed] == [review["id"]]
    assert client_for(personas, "kair").get(f"{BASE}/reviews").status_code == 403


def test_the_pages_refer_and_record_each_phase(personas):
    request = services.lodge_request(ANNA, reference="DEMO-BY-0001", kind="delisting")
    sofia = client_for(personas, "sofia")
    page = sofia.get("/en/entry-bans/requests/").content.decode()
    assert f"/requests/{request.pk}/review/" in page
    response = sofia.post(f"/en/entry-bans/requests/{request.pk}/review/", {"new_material": ""})
    assert response.status_code == 302 and response["Location"].endswith("/en/entry-bans/reviews/")
    review = DelistingReview.objects.get(request=request)
    response = sofia.post(
        f"/en/entry-bans/reviews/{review.pk}/preliminary/",
        {"decision": "accept", "reasons": REASONS, "new_material": ""},
    )
    assert response.status_code == 302
    assert DelistingReview.objects.get(pk=review.pk).phase == "information_gathering"
    text = sofia.get("/en/entry-bans/reviews/").content.decode()
    assert "Close information gathering and open the dialogue" in text
    boris_page = client_for(personas, "boris").get("/en/entry-bans/reviews/").content.decode()
    assert "DEMO-BY-0001" in boris_page and "Close information gathering" not in boris_page
    before = journal_size()
    response = client_for(personas, "boris").post(
        f"/en/entry-bans/reviews/{review.pk}/dialogue/", {}
    )
    assert response.status_code == 302
    assert journal_size() == before
    assert DelistingReview.objects.get(pk=review.pk).phase == "information_gathering"


def test_a_review_step_on_a_page_names_the_rule_it_breaks(personas):
    request = services.lodge_request(ANNA, reference="DEMO-BY-0001", kind="delisting")
    review = services.refer_to_review(SOFIA, request_id=request.pk)
    response = client_for(personas, "sofia").post(
        f"/en/entry-bans/reviews/{review.pk}/report/", {"report": STATEMENT}, follow=True
    )
    assert "comprehensive report cannot be recorded now" in response.content.decode()

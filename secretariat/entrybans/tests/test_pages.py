"""The register's pages for each persona: public page, screening, listings, requests, log."""

from __future__ import annotations

import pytest
from django.test import Client

from secretariat.core.testing import journal_size
from secretariat.entrybans.models import AccessLog, Listing
from secretariat.entrybans.tests.conftest import client_for

pytestmark = pytest.mark.django_db


def test_the_public_page_shows_the_2011_proposal_as_a_proposal_and_the_demo_warning():
    response = Client().get("/en/entry-bans/")
    assert response.status_code == 200
    text = response.content.decode()
    assert "proposal, not adopted" in text
    assert "fictitious" in text


def test_the_public_page_speaks_russian():
    text = Client().get("/ru/entry-bans/").content.decode()
    assert "Единый реестр" in text


def test_an_officer_screens_on_the_page_and_the_search_is_logged(personas):
    client = client_for(personas, "kair")
    before = AccessLog.objects.count()
    response = client.post("/en/entry-bans/screen/", {"name": "Арман Улгибаев", "use": "border"})
    assert response.status_code == 200
    text = response.content.decode()
    assert "DEMO-KZ-0001" in text and "HIT" in text
    assert "Fictitious: repeated" not in text  # no reasons on a hit
    assert AccessLog.objects.count() == before + 1


@pytest.mark.parametrize("persona", ["boris", "sofia", "aud"])
def test_only_officers_reach_the_screening_page(personas, persona):
    assert client_for(personas, persona).get("/en/entry-bans/screen/").status_code == 403


def test_the_public_is_sent_to_log_in():
    response = Client().get("/en/entry-bans/screen/")
    assert response.status_code == 302 and "/en/login" in response["Location"]


def test_a_delegation_sees_its_listings_and_not_another_states(personas):
    client = client_for(personas, "boris")
    text = client.get("/en/entry-bans/listings/").content.decode()
    assert "DEMO-BY-0001" in text and "DEMO-AM-0001" not in text
    assert client.get("/en/entry-bans/listings/DEMO-BY-0001/").status_code == 200
    assert client.get("/en/entry-bans/listings/DEMO-AM-0001/").status_code == 404


def test_a_delegation_cannot_delete_another_states_listing_through_the_page(personas):
    before = journal_size()
    response = client_for(personas, "anna").post(
        "/en/entry-bans/listings/DEMO-BY-0001/delete/", {"reason": "x"}
    )
    assert response.status_code == 404
    assert journal_size() == before
    assert Listing.objects.get(reference="DEMO-BY-0001").status == "active"


def test_the_secretariat_quarantines_through_the_page(personas):
    response = client_for(personas, "sofia").post(
        "/en/entry-bans/listings/DEMO-BY-0001/quarantine/", {"reason": "Place of birth unclear"}
    )
    assert response.status_code == 302
    assert Listing.objects.get(reference="DEMO-BY-0001").status == "quarantined"


def test_a_delegation_enters_a_listing_through_the_form(personas):
    statement = "Recorded after weighing the (fictitious) person's situation and consequences."
    response = client_for(personas, "anna").post(
        "/en/entry-bans/listings/new/",
        {
            "reference": "PAGE-AM-1",
            "issuing_authority": "Test",
            "contact": "desk@example.org",
            "decision_reference": "D-1",
            "decision_date": "2026-01-01",
            "ground": "public_security",
            "action_on_hit": "refuse_entry",
            "surname": "Փորձարկյան",
            "given_names": "Արամ",
            "surname_latin": "PORDZARKYAN",
            "given_names_latin": "ARAM",
            "birth_date": "1975",
            "aliases": "Aram P | weak",
            "assessment": statement,
            "proportionality": statement,
            "reasons_releasable": "Fictitious.",
        },
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    row = Listing.objects.get(reference="PAGE-AM-1")
    assert row.issuing_state == "AM"
    assert row.names.get().quality == "weak"


def test_the_access_log_page_shows_searches_and_reads_side_by_side(personas):
    # A screening row names a name, a read names a reference: the page shows both.
    kair = client_for(personas, "kair")
    kair.post("/en/entry-bans/screen/", {"name": "Hayk Orinakyan", "use": "border"})
    client_for(personas, "boris").get("/en/entry-bans/listings/DEMO-BY-0001/")
    response = client_for(personas, "aud").get("/en/entry-bans/access-log/")
    assert response.status_code == 200
    text = response.content.decode()
    assert "Hayk Orinakyan" in text and "DEMO-BY-0001" in text


def test_the_access_log_page_is_for_auditors(personas):
    assert client_for(personas, "aud").get("/en/entry-bans/access-log/").status_code == 200
    for persona in ("boris", "sofia", "kair"):
        assert client_for(personas, persona).get("/en/entry-bans/access-log/").status_code == 403


def test_requests_page_lodges_and_answers(personas):
    anna = client_for(personas, "anna")
    response = anna.post(
        "/en/entry-bans/requests/", {"reference": "DEMO-BY-0001", "kind": "access"}
    )
    assert response.status_code == 302
    boris = client_for(personas, "boris")
    text = boris.get("/en/entry-bans/requests/").content.decode()
    assert "DEMO-BY-0001" in text and "Answer" in text


def test_the_admin_shows_the_safeguards_metadata_without_the_free_text(personas):
    import datetime as dt

    from secretariat.core.domain.actors import Actor
    from secretariat.entrybans import registry, services
    from secretariat.entrybans.tests.conftest import ANNA, KAIR

    services.notify_purpose_achieved(
        ANNA, reference="DEMO-BY-0001", reason="Decision annulled in Minsk", today=dt.date.today()
    )
    hits = registry.screen_names(KAIR, [registry.NameQuery("Hayk Orinakyan")])[0]
    assert hits[0]["reference"] == "DEMO-AM-0001"
    report = services.report_hit(
        KAIR, reference="DEMO-AM-0001", place="Zvartnots", action_taken=True, note="Held at gate 4"
    )
    services.expire_listings(
        Actor.system("entrybans-expire"), now=report.answer_due + dt.timedelta(hours=1)
    )
    staff = client_for(personas, "sofia")
    for model in ("purposenotice", "delistingreview", "hitreport"):
        listing = staff.get(f"/admin/entrybans/{model}/")
        assert listing.status_code == 200, model
        assert staff.get(f"/admin/entrybans/{model}/add/").status_code == 403, model
        assert client_for(personas, "boris").get(f"/admin/entrybans/{model}/").status_code == 302
    notices = staff.get("/admin/entrybans/purposenotice/").content.decode()
    assert "DEMO-BY-0001" in notices and "Minsk" not in notices
    page = staff.get(f"/admin/entrybans/hitreport/{report.pk}/change/").content.decode()
    assert "DEMO-AM-0001" in page and "Zvartnots" not in page and "gate 4" not in page
    assert "Escalated at" in page

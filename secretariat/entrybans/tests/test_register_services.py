"""The register's services: only the issuing state writes, every write is journaled without
personal data, deletions erase, expiry runs, requests carry deadlines, misuse is told apart."""

from __future__ import annotations

import datetime as dt
import json

import pytest
from django.utils import timezone

from secretariat.core.domain.errors import NotFound, NotPermitted, RuleViolation
from secretariat.core.testing import journal_size
from secretariat.entrybans import registry, selectors, services
from secretariat.entrybans.models import AccessLog, Listing, MisusedIdentity, RegisterVersion
from secretariat.entrybans.tests.conftest import (
    ANNA,
    AUD,
    BORIS,
    KAIR,
    SOFIA,
    STATEMENT,
    SYSTEM,
    last_entry,
    listing_record,
)

pytestmark = pytest.mark.django_db
D = dt.date


def test_the_issuing_state_enters_a_listing_journaled_as_a_commitment_only(listing):
    document = last_entry()
    assert document["action"] == "listing.entered"
    assert document["data"]["commitment"] == listing.commitment
    text = json.dumps(document, ensure_ascii=False)
    for personal in ("Тэставы", "TESTAVY", "1970-05-06", "AB1234567", "SECRET", "Weakname"):
        assert personal not in text
    assert listing.review_date == D(2029, 6, 1)
    assert listing.recognized_by == ["BY"]


def test_entering_the_same_listing_again_changes_nothing(listing):
    before = journal_size()
    _, outcome = services.enter_listing(BORIS, **listing_record())
    assert outcome == "unchanged"
    assert journal_size() == before


def test_a_change_by_the_issuing_state_is_journaled_with_field_names_only(listing):
    _, outcome = services.enter_listing(BORIS, **listing_record(place_of_birth="Fictiville"))
    assert outcome == "updated"
    data = last_entry()["data"]
    assert data["fields"] == ["place_of_birth"]
    assert "Fictiville" not in json.dumps(data)


@pytest.mark.parametrize("actor", [ANNA, KAIR])
def test_another_states_official_cannot_touch_a_listing_and_learns_nothing(listing, actor):
    before = journal_size()
    with pytest.raises(NotFound):
        services.enter_listing(actor, **listing_record(place_of_birth="X"))
    with pytest.raises(NotFound):
        services.delete_listing(actor, reference=listing.reference, reason="x")
    with pytest.raises(NotFound):
        services.extend_listing(actor, reference=listing.reference, assessment=STATEMENT)
    assert journal_size() == before


def test_nobody_enters_a_listing_for_another_state():
    with pytest.raises(NotFound):
        services.enter_listing(ANNA, **listing_record())
    with pytest.raises(NotPermitted):
        services.enter_listing(SOFIA, **listing_record())
    assert not Listing.objects.filter(reference="TEST-BY-0001").exists()


def test_the_secretariat_quarantines_with_a_reason_but_never_edits(listing):
    with pytest.raises(NotPermitted):
        services.enter_listing(SOFIA, **listing_record(place_of_birth="X"))
    with pytest.raises(NotPermitted):
        services.delete_listing(SOFIA, reference=listing.reference, reason="x")
    with pytest.raises(RuleViolation, match="reason"):
        services.quarantine_listing(SOFIA, reference=listing.reference, reason=" ")
    row = services.quarantine_listing(SOFIA, reference=listing.reference, reason="DOB looks wrong")
    assert row.status == "quarantined"
    assert last_entry()["data"]["reason"] == "DOB looks wrong"
    with pytest.raises(NotPermitted):
        services.quarantine_listing(BORIS, reference=listing.reference, reason="x")


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("surname", "", "surname"),
        ("surname_latin", "Тэставы", "Latin"),
        ("birth_date", "", "date of birth is mandatory"),
        ("birth_date", "06.05.1970", "YYYY"),
        ("decision_reference", "", "national decision"),
        ("ground", "dislike", "ground must be one of"),
        ("action_on_hit", "shoot", "action_on_hit must be one of"),
        ("assessment", "ok", "individual assessment"),
        ("proportionality", "", "proportionality"),
        ("reasons_releasable", "", "releasable"),
        ("issuing_authority", "", "issuing authority"),
        ("recognized_by", ["ZZ"], "unknown state code"),
    ],
)
def test_the_minimum_data_set_is_enforced_and_nothing_is_written(field, value, message):
    before = journal_size()
    with pytest.raises(RuleViolation, match=message):
        services.enter_listing(BORIS, **listing_record(**{field: value}))
    assert journal_size() == before
    assert not Listing.objects.filter(reference="TEST-BY-0001").exists()


def test_extension_needs_a_new_assessment_and_moves_the_review_date(listing):
    with pytest.raises(RuleViolation, match="assessment"):
        services.extend_listing(
            BORIS, reference=listing.reference, assessment="keep", today=D(2029, 1, 1)
        )
    row = services.extend_listing(
        BORIS, reference=listing.reference, assessment=STATEMENT, today=D(2029, 1, 1)
    )
    assert row.review_date == D(2032, 6, 1)
    assert row.extension_rows.count() == 1
    assert last_entry()["action"] == "listing.extended"


def test_expiry_warns_four_months_ahead_then_deletes_and_erases(listing):
    assert services.expire_listings(SYSTEM, today=D(2029, 1, 31))["warned"] == 0
    assert services.expire_listings(SYSTEM, today=D(2029, 2, 1))["warned"] == 1
    assert last_entry()["action"] == "listing.review_warning"
    assert services.expire_listings(SYSTEM, today=D(2029, 2, 2))["warned"] == 0
    counts = services.expire_listings(SYSTEM, today=D(2029, 6, 1))
    assert counts["deleted"] == 1
    row = Listing.objects.get(pk=listing.pk)
    assert row.status == "deleted"
    assert (row.surname, row.birth_date, row.salt, row.reasons_confidential) == ("", "", "", "")
    assert not row.names.exists() and not row.documents.exists()
    assert last_entry()["action"] == "listing.expired"
    with pytest.raises(NotPermitted):
        services.expire_listings(BORIS)


def test_an_extended_listing_survives_its_old_review_date(listing):
    services.extend_listing(
        BORIS, reference=listing.reference, assessment=STATEMENT, today=D(2029, 3, 1)
    )
    assert services.expire_listings(SYSTEM, today=D(2029, 6, 1))["deleted"] == 0


def test_deletion_keeps_the_journal_chain_verifiable(listing):
    from secretariat.journal.selectors import verify_journal

    services.delete_listing(BORIS, reference=listing.reference, reason="decision annulled")
    assert verify_journal().ok


def test_a_request_lodged_elsewhere_is_routed_with_deadlines_and_a_granted_delisting_deletes(
    listing,
):
    row = services.lodge_request(
        ANNA, reference=listing.reference, kind="delisting", lodged_on=D(2026, 7, 1)
    )
    assert (row.lodged_with, row.route_by, row.answer_by) == ("AM", D(2026, 7, 8), D(2026, 8, 7))
    assert row in selectors.requests_for(BORIS)
    with pytest.raises(NotFound):
        services.answer_request(ANNA, request_id=row.pk, outcome="granted", reasons="no")
    services.answer_request(
        BORIS, request_id=row.pk, outcome="granted", reasons="Purpose achieved."
    )
    assert Listing.objects.get(pk=listing.pk).status == "deleted"
    stats = selectors.request_statistics(SOFIA, 2026)
    assert stats["by_kind"] == {"delisting": {"granted": 1}}


def test_screening_sees_every_change_at_once(listing):
    version = RegisterVersion.objects.get(pk=1).number
    hits = registry.screen_names(KAIR, [registry.NameQuery("Siarhei Testavy", "1970-05-06")])[0]
    assert [h["reference"] for h in hits] == ["TEST-BY-0001"]
    services.delete_listing(BORIS, reference=listing.reference, reason="annulled")
    assert RegisterVersion.objects.get(pk=1).number == version + 1
    assert (
        registry.screen_names(KAIR, [registry.NameQuery("Siarhei Testavy", "1970-05-06")])[0] == []
    )


def test_a_hit_shows_what_the_officer_needs_and_never_the_reasons(listing):
    hit = registry.screen_names(KAIR, [registry.NameQuery("Сергей Тестовый Петрович")])[0]
    hits = registry.screen_names(KAIR, [registry.NameQuery("TESTAVY SIARHEI")])[0]
    assert hits and hits[0]["decision"] == "hit"
    text = json.dumps(hit + hits, ensure_ascii=False)
    for secret in ("SECRET-REASONS", "releasable", STATEMENT, "AB1234567"):
        assert secret not in text
    assert hits[0]["action_on_hit"] == "refuse_entry"
    assert hits[0]["contact"] == "desk@example.org"
    assert hits[0]["applies_in_your_state"] is False  # recognized by BY only; kair is KZ


def test_a_hit_says_whether_the_officers_state_recognizes_the_listing():
    hits = registry.screen_names(KAIR, [registry.NameQuery("Aliaksei Prykladau")])[0]
    assert hits[0]["reference"] == "DEMO-BY-0001"
    assert hits[0]["applies_in_your_state"] is True


def test_every_search_is_logged_with_who_authority_what_and_what_returned(listing):
    before = AccessLog.objects.count()
    registry.screen_names(
        KAIR, [registry.NameQuery("Siarhei Testavy"), registry.NameQuery("Nobody Atall")]
    )
    rows = list(AccessLog.objects.order_by("-id")[:2])
    assert AccessLog.objects.count() == before + 2
    assert {r.authority for r in rows} == {"KZ"}
    assert {r.username for r in rows} == {"kair"}
    assert {r.query["name"] for r in rows} == {"Siarhei Testavy", "Nobody Atall"}
    assert sorted(len(r.returned) for r in rows) == [0, 1]
    # Written as one batch, each value as the ORM would store it (read back through the ORM).
    assert {(r.role, r.action, r.user_id) for r in rows} == {
        (KAIR.role.value, "screen", KAIR.user_id)
    }
    (found,) = [r for r in rows if r.returned]
    assert found.query["name"] == "Siarhei Testavy"
    assert found.returned[0]["reference"] == listing.reference
    assert {(r.query["use"], r.query["channel"]) for r in rows} == {("border", "screen")}
    assert all(abs(timezone.now() - r.at).total_seconds() < 60 for r in rows)


def test_only_auditors_read_the_access_log(listing):
    selectors.listing_for(BORIS, listing.reference)
    assert selectors.access_log_for(AUD).filter(action="view_listing").exists()
    for actor in (BORIS, SOFIA, KAIR):
        with pytest.raises((NotPermitted, NotFound)):
            selectors.access_log_for(actor)


def test_only_border_officers_screen(listing):
    for actor in (BORIS, SOFIA, AUD):
        with pytest.raises(NotPermitted):
            registry.screen_names(actor, [registry.NameQuery("Siarhei Testavy")])


def test_a_misused_identity_is_told_apart_and_removed_when_consent_is_withdrawn(listing):
    record = services.record_misused_identity(
        BORIS,
        reference=listing.reference,
        consent_reference="CONSENT-42",
        birth_date="1980-01-02",
        document_numbers=["XY7654321"],
    )
    victim = registry.NameQuery("Siarhei Testavy", "1980-01-02", documents=("XY7654321",))
    hits = registry.screen_names(KAIR, [victim], use="investigation")[0]
    assert hits[0]["decision"] == "verify_identity"
    with pytest.raises(NotFound):
        services.withdraw_misused_identity(ANNA, record_id=record.pk)
    services.withdraw_misused_identity(BORIS, record_id=record.pk)
    assert not MisusedIdentity.objects.filter(pk=record.pk).exists()
    hits = registry.screen_names(KAIR, [victim], use="investigation")[0]
    assert all(h["decision"] != "verify_identity" for h in hits)


def test_another_states_delegation_cannot_read_a_listing(listing):
    with pytest.raises(NotFound):
        selectors.listing_for(ANNA, listing.reference)
    assert listing not in selectors.listings_for(ANNA)
    assert selectors.listing_for(SOFIA, listing.reference) == listing


def test_the_demonstration_register_is_fictitious_and_the_2011_proposal_is_a_proposal():
    basis = selectors.legal_basis().get(code="by-proposal-2011")
    assert basis.kind == "proposal" and basis.uncertain
    demo = Listing.objects.filter(reference__startswith="DEMO-")
    assert demo.count() >= 6
    assert all(row.fictitious for row in demo)

"""Documents deposited with an act: attached by the submitting delegation (or the secretariat),
typed by their content, never replaced, journaled with their SHA-256, and visible exactly as the
act is. A refused attachment leaves no row, no file and no journal entry."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from pathlib import Path
from typing import Any

import pytest
from django.conf import settings
from django.test import Client

from secretariat.core.domain.actors import Actor
from secretariat.core.domain.errors import NotFound, NotPermitted, RuleViolation
from secretariat.core.testing import actor, journal_size
from secretariat.depositary import services
from secretariat.depositary.models import ActDocument
from secretariat.depositary.tests.conftest import CODE, PDF, PNG, attach, upload
from secretariat.depositary.tests.test_signed_submissions import body, new_key, statement
from secretariat.journal.models import JournalEntry

pytestmark = pytest.mark.django_db

API = "/api/v1/depositary"
D = dt.date
JPEG = b"\xff\xd8\xff\xe0\x00\x10JFIF\x00" + b"\x00" * 16
TIFF = b"II*\x00\x08\x00\x00\x00" + b"\x00" * 16
GIF = b"GIF89a" + b"\x00" * 16
WEBP = b"RIFF\x10\x00\x00\x00WEBPVP8 " + b"\x00" * 16
HTML = b"<!doctype html><script>alert(1)</script>"
ZIP = b"PK\x03\x04" + b"\x00" * 32


def files() -> list[Path]:
    root = Path(settings.MEDIA_ROOT)
    return sorted(p for p in root.rglob("*") if p.is_file()) if root.exists() else []


def everything() -> tuple[int, int, list[Path]]:
    return journal_size(), ActDocument.objects.count(), files()


def submitted(personas: Any, state: str = "BY") -> Any:
    who = personas.boris if state == "BY" else personas.anna
    act, _ = services.submit_act(
        actor(who),
        instrument=CODE,
        state=state,
        kind="notification",
        date=D(2020, 3, 1),
        document="Note verbale 12/2020",
    )
    return act


def client(personas: Any, persona: str) -> Client:
    c = Client()
    if persona != "public":
        c.force_login(getattr(personas, persona))
    return c


# --- services ------------------------------------------------------------------------------------


def test_the_delegation_attaches_a_document_which_is_stored_and_journaled(personas, instrument):
    act = submitted(personas)
    before = journal_size()

    document = attach(actor(personas.boris), act, PDF, "ratification.pdf")

    assert document.sha256 == hashlib.sha256(PDF).hexdigest()
    assert (document.size, document.content_type) == (len(PDF), "application/pdf")
    assert document.filename == "ratification.pdf"
    assert document.uploaded_by == "boris"
    with document.file.open("rb") as handle:
        assert handle.read() == PDF
    assert [p.name for p in files()] == [f"{document.sha256}.pdf"]
    assert journal_size() == before + 1
    entry = JournalEntry.objects.order_by("-seq").first()
    assert entry is not None and entry.action == "act.document_attached"
    data = json.loads(bytes(entry.entry_bytes))["data"]
    assert data["act"] == act.pk
    assert data["sha256"] == document.sha256
    assert (data["size"], data["content_type"]) == (len(PDF), "application/pdf")
    assert b"%PDF" not in bytes(entry.entry_bytes)


def test_a_corrected_document_is_a_second_attachment_and_the_same_one_changes_nothing(
    personas, instrument
):
    act = submitted(personas)
    first = attach(actor(personas.boris), act, PDF)
    second = attach(actor(personas.sofia), act, PDF + b"% corrected\n", "corrected.pdf")
    before = everything()

    again, outcome = services.attach_document(
        actor(personas.boris), act_id=act.pk, upload=upload(PDF), filename="instrument.pdf"
    )

    assert outcome == "unchanged" and again == first
    assert everything() == before
    assert list(act.documents.order_by("id")) == [first, second]
    assert len(files()) == 2


@pytest.mark.parametrize(
    ("content", "name", "content_type"),
    [
        (PNG, "scan.pdf", "image/png"),
        (JPEG, "scan.jpeg", "image/jpeg"),
        (TIFF, "scan", "image/tiff"),
        (GIF, "scan.gif", "image/gif"),
        (WEBP, "scan.webp", "image/webp"),
        (PDF, "instrument.exe", "application/pdf"),
    ],
)
def test_the_type_is_told_by_the_content_not_the_name(
    personas, instrument, content, name, content_type
):
    act = submitted(personas)
    assert attach(actor(personas.boris), act, content, name).content_type == content_type


def refusals(personas: Any) -> list[tuple[Actor, bytes, type[Exception], str]]:
    return [
        (actor(personas.anna), PDF, NotFound, "No such record"),
        (actor(personas.kair), PDF, NotFound, "No such record"),
        (actor(personas.aud), PDF, NotPermitted, "may not perform"),
        (Actor.public(), PDF, NotPermitted, "may not perform"),
        (actor(personas.boris), HTML, RuleViolation, "PDF, PNG, JPEG"),
        (actor(personas.boris), ZIP, RuleViolation, "PDF, PNG, JPEG"),
        (actor(personas.boris), b"", RuleViolation, "empty"),
    ]


def test_refusals_leave_no_row_no_file_and_no_journal_entry(personas, instrument):
    act = submitted(personas)
    before = everything()
    for who, content, error, message in refusals(personas):
        with pytest.raises(error, match=message):
            attach(who, act, content, "instrument.pdf")
        assert everything() == before


def test_the_size_limit(personas, instrument, settings):
    act = submitted(personas)
    settings.DOCUMENT_MAX_BYTES = len(PDF)
    attach(actor(personas.boris), act, PDF)
    before = everything()

    with pytest.raises(RuleViolation, match=f"larger than {len(PDF)} bytes"):
        attach(actor(personas.boris), act, PDF + b"x")

    assert everything() == before


def test_a_failure_after_the_file_is_written_removes_it(personas, instrument, monkeypatch):
    act = submitted(personas)
    before = everything()

    def broken(**kwargs: Any) -> None:
        raise RuntimeError("journal unavailable")

    # The journal as the document procedure calls it (secretariat/depositary/services/documents.py).
    monkeypatch.setattr(services.documents, "journal", broken)
    with pytest.raises(RuntimeError):
        attach(actor(personas.boris), act)

    assert everything() == before


def test_documents_are_attached_only_while_the_act_is_examined(personas, instrument):
    returned = submitted(personas)
    services.return_act(actor(personas.sofia), act_id=returned.pk, reason="Not signed")
    recorded, _ = services.submit_act(
        actor(personas.sofia), instrument=CODE, state="KZ", kind="notification", date=D(2020, 3, 1)
    )
    before = everything()
    for act in (returned, recorded):
        with pytest.raises(RuleViolation, match="while the act is being examined"):
            attach(actor(personas.sofia), act)
    assert everything() == before


def test_registration_needs_a_document_but_recording_directly_does_not(personas, instrument):
    act = submitted(personas)
    with pytest.raises(RuleViolation, match="no document is attached"):
        services.register_act(actor(personas.sofia), act_id=act.pk)
    attach(actor(personas.boris), act)

    assert services.register_act(actor(personas.sofia), act_id=act.pk).status == "registered"
    recorded, _ = services.submit_act(
        actor(personas.sofia), instrument=CODE, state="KZ", kind="notification", date=D(2020, 3, 1)
    )
    assert recorded.status == "registered"


# --- signed submissions --------------------------------------------------------------------------


def signed_act(personas: Any, **overrides: Any) -> tuple[Client, Any]:
    boris = client(personas, "boris")
    private, key_id = new_key(personas.boris, "BY")
    response = boris.post(
        f"{API}/instruments/charter-2002/acts",
        body(private, key_id, statement(key_id, **overrides)),
        "application/json",
    )
    return boris, response


def test_a_signed_statement_binds_the_document_it_names(personas):
    boris, response = signed_act(personas, doc_sha256=hashlib.sha256(PDF).hexdigest().upper())
    assert response.status_code == 201, response.content
    act_id = response.json()["id"]
    before = everything()

    other = boris.post(f"{API}/acts/{act_id}/documents", {"file": upload(PNG, "scan.png")})

    assert other.status_code == 422
    assert other.json()["detail"] == "the signed statement describes another document"
    assert everything() == before
    named = boris.post(f"{API}/acts/{act_id}/documents", {"file": upload(PDF)})
    assert named.status_code == 201, named.content


def test_a_statement_without_doc_sha256_accepts_any_document(personas):
    boris, response = signed_act(personas)
    act_id = response.json()["id"]
    assert boris.post(f"{API}/acts/{act_id}/documents", {"file": upload(PNG)}).status_code == 201


def test_a_malformed_doc_sha256_is_refused_at_submission(personas):
    _, response = signed_act(personas, doc_sha256="not-a-digest")
    assert response.status_code == 422
    assert "doc_sha256" in response.json()["detail"]


# --- API and downloads, persona by persona ------------------------------------------------------

PENDING_READ = {"public": 404, "sofia": 200, "boris": 200, "anna": 404, "kair": 404, "aud": 200}
PENDING_POST = {"public": 401, "sofia": 201, "boris": 201, "anna": 404, "kair": 404, "aud": 403}
# A registered act is public, so the refusal is a plain one; its own delegation and the
# secretariat are told the act is no longer being examined.
REGISTERED_POST = {"public": 401, "sofia": 422, "boris": 422, "anna": 404, "kair": 404, "aud": 403}


@pytest.mark.parametrize("persona", list(PENDING_READ))
def test_each_persona_on_a_pending_acts_documents(personas, instrument, persona):
    act = submitted(personas)
    document = attach(actor(personas.boris), act)
    c = client(personas, persona)
    before = everything()

    listed = c.get(f"{API}/acts/{act.pk}/documents")
    downloaded = c.get(f"/en/depositary/acts/{act.pk}/documents/{document.pk}/")
    posted = c.post(f"{API}/acts/{act.pk}/documents", {"file": upload(PNG, "scan.png")})

    assert listed.status_code == PENDING_READ[persona]
    assert downloaded.status_code == PENDING_READ[persona]
    assert posted.status_code == PENDING_POST[persona], posted.content
    if PENDING_READ[persona] == 200:
        assert [d["sha256"] for d in listed.json()] == [document.sha256]
        assert listed.json()[0]["url"] == f"/en/depositary/acts/{act.pk}/documents/{document.pk}/"
    if PENDING_POST[persona] == 201:
        assert posted.json()["content_type"] == "image/png"
    else:
        assert everything() == before


@pytest.mark.parametrize("persona", list(PENDING_READ))
def test_a_registered_acts_documents_are_public(personas, instrument, persona):
    act = submitted(personas)
    document = attach(actor(personas.boris), act, PDF, "note.html")
    services.register_act(actor(personas.sofia), act_id=act.pk)
    c = client(personas, persona)

    listed = c.get(f"{API}/acts/{act.pk}/documents")
    downloaded = c.get(f"/en/depositary/acts/{act.pk}/documents/{document.pk}/")

    assert listed.status_code == 200
    assert downloaded.status_code == 200
    assert downloaded["Content-Type"] == "application/pdf"
    assert downloaded["X-Content-Type-Options"] == "nosniff"
    assert downloaded["Content-Disposition"] == 'attachment; filename="note.html.pdf"'
    assert b"".join(downloaded.streaming_content) == PDF  # type: ignore[attr-defined]
    before = everything()
    posted = c.post(f"{API}/acts/{act.pk}/documents", {"file": upload(PNG)})
    assert posted.status_code == REGISTERED_POST[persona]
    assert everything() == before


@pytest.mark.parametrize("persona", ["public", "sofia", "boris", "anna", "kair", "aud"])
def test_a_returned_acts_documents_stay_with_the_state_and_the_depositary(
    personas, instrument, persona
):
    act = submitted(personas)
    document = attach(actor(personas.boris), act)
    services.return_act(actor(personas.sofia), act_id=act.pk, reason="Not signed")

    response = client(personas, persona).get(
        f"/en/depositary/acts/{act.pk}/documents/{document.pk}/"
    )

    assert response.status_code == PENDING_READ[persona]


def test_a_document_is_reached_only_through_its_own_act(personas, instrument):
    act = submitted(personas)
    other = submitted(personas, "AM")
    document = attach(actor(personas.boris), act)
    sofia = client(personas, "sofia")

    assert sofia.get(f"/en/depositary/acts/{other.pk}/documents/{document.pk}/").status_code == 404
    assert sofia.get(f"/en/depositary/acts/{act.pk}/documents/999999/").status_code == 404
    assert sofia.get(f"{API}/acts/999999/documents").status_code == 404


def test_the_api_refuses_a_missing_file_a_wrong_type_and_an_oversized_one(
    personas, instrument, settings
):
    act = submitted(personas)
    boris = client(personas, "boris")
    settings.DOCUMENT_MAX_BYTES = 64
    before = everything()

    missing = boris.post(f"{API}/acts/{act.pk}/documents", {})
    html = boris.post(f"{API}/acts/{act.pk}/documents", {"file": upload(HTML, "x.pdf")})
    large = boris.post(f"{API}/acts/{act.pk}/documents", {"file": upload(PDF + b"x" * 64)})

    assert [r.status_code for r in (missing, html, large)] == [422, 422, 422]
    assert missing.json()["field"] == "file"
    assert "content is none of these" in html.json()["detail"]
    assert "larger than 64 bytes" in large.json()["detail"]
    assert client(personas, "aud").post(f"{API}/acts/{act.pk}/documents", {}).status_code == 403
    assert everything() == before


# --- pages ---------------------------------------------------------------------------------------


def test_the_pending_page_lists_documents_and_offers_the_upload_form(personas, instrument):
    act = submitted(personas)
    document = attach(actor(personas.boris), act)

    officer = client(personas, "sofia").get("/en/depositary/pending/").content.decode()
    delegation = client(personas, "boris").get("/en/depositary/pending/").content.decode()
    auditor = client(personas, "aud").get("/en/depositary/pending/").content.decode()
    other = client(personas, "anna").get("/en/depositary/pending/").content.decode()

    link = f"/en/depositary/acts/{act.pk}/documents/{document.pk}/"
    assert document.sha256 in officer and link in officer
    assert 'enctype="multipart/form-data"' in delegation
    assert f"/en/depositary/acts/{act.pk}/documents/" in delegation
    assert "csrfmiddlewaretoken" in delegation
    assert document.sha256 in auditor and 'enctype="multipart/form-data"' not in auditor
    assert document.sha256 not in other


def test_the_instrument_page_links_a_registered_acts_documents(personas, instrument):
    act = submitted(personas)
    document = attach(actor(personas.boris), act)
    services.register_act(actor(personas.sofia), act_id=act.pk)

    page = Client().get(f"/en/depositary/instruments/{CODE}/").content.decode()

    assert f"/en/depositary/acts/{act.pk}/documents/{document.pk}/" in page
    assert document.sha256 in page


@pytest.mark.parametrize(
    ("persona", "status"),
    [("boris", 302), ("sofia", 302), ("anna", 404), ("kair", 404), ("aud", 404)],
)
def test_uploading_on_the_page(personas, instrument, persona, status):
    act = submitted(personas)
    before = everything()

    response = client(personas, persona).post(
        f"/en/depositary/acts/{act.pk}/documents/", {"file": upload(PDF, "nv.pdf")}
    )

    assert response.status_code == status
    if status == 302:
        assert act.documents.get().filename == "nv.pdf"
    else:
        assert everything() == before


def test_a_refused_upload_on_the_page_is_a_message_and_writes_nothing(personas, instrument):
    act = submitted(personas)
    before = everything()

    response = client(personas, "boris").post(
        f"/en/depositary/acts/{act.pk}/documents/", {"file": upload(HTML, "x.pdf")}, follow=True
    )

    assert "content is none of these" in response.content.decode()
    assert everything() == before
    assert Client().post(f"/en/depositary/acts/{act.pk}/documents/", {}).status_code == 302


def test_after_submitting_on_the_page_the_delegation_is_sent_to_attach_the_document(
    personas, instrument
):
    response = client(personas, "boris").post(
        f"/en/depositary/instruments/{CODE}/acts/",
        {"kind": "notification", "date": "2020-03-01", "document": "NV 9"},
    )

    assert response.status_code == 302
    assert response["Location"] == "/en/depositary/pending/"

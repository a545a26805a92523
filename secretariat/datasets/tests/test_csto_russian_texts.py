"""The CSTO dataset's Russian side: every published text of the sessions has its Russian text, names
come in Cyrillic on Russian pages, and the links the dataset makes between its files resolve."""

from __future__ import annotations

import json
import re
from typing import Any

import pytest
from django.test import Client

from secretariat.datasets.loader import DATASETS_DIR
from secretariat.meetings.models import Attendance, Decision, Session

pytestmark = pytest.mark.django_db

CYRILLIC = set("абвгдеёжзийклмнопрстуфхцчшщъыьэюяАБВГДЕЁЖЗИЙКЛМНОПРСТУФХЦЧШЩЪЫЬЭЮЯ")


def _document(name: str) -> dict[str, Any]:
    return json.loads((DATASETS_DIR / "csto" / name).read_text(encoding="utf-8"))


def _is_russian(text: str) -> bool:
    letters = [c for c in text if c.isalpha()]
    return bool(letters) and sum(c in CYRILLIC for c in letters) / len(letters) > 0.8


def test_every_english_text_of_a_session_has_its_russian_text():
    pairs = 0
    for session in _document("meetings.json")["sessions"]:
        records = [session, *session.get("attendance", [])]
        for decision in session.get("decisions", []):
            records += [decision, *decision.get("positions", []), *decision.get("claims", [])]
        records += [a for a in session.get("agenda", []) if isinstance(a, dict)]
        for record in records:
            for key, english in record.items():
                if key.endswith("_en") and english:
                    russian = record.get(key[:-3] + "_ru", "")
                    assert _is_russian(russian), (session["start"], key, russian)
                    pairs += 1
            for key in ("person", "chair_person", "reason_text", "note"):
                if record.get(key):
                    assert _is_russian(record.get(key + "_ru", "")), (session["start"], key)
                    pairs += 1
        assert all(isinstance(a, dict) for a in session.get("agenda", [])), session["start"]
    assert pairs > 250  # the sweep did reach the texts


def test_the_stored_sessions_carry_the_russian_texts():
    assert not Session.objects.filter(summary_ru="").exclude(summary_en="").exists()
    assert not Decision.objects.filter(title_ru="").exists()
    assert not Attendance.objects.filter(person_ru="").exclude(person="").exists()


def test_a_russian_session_page_names_people_in_cyrillic(client: Client):
    page = client.get("/ru/meetings/sessions/csc-2011-08-12/").content.decode()
    assert "Роза Отунбаева" in page and "Roza Otunbayeva" not in page
    assert "Александр Лукашенко" in page
    assert "Каримов не приехал" in page
    english = client.get("/en/meetings/sessions/csc-2011-08-12/").content.decode()
    assert "Roza Otunbayeva" in english and "Роза Отунбаева" not in english


def test_the_kyrgyz_consultations_of_14_june_2010_have_their_session_page(client: Client):
    # Issue 13: the Kyrgyzstan 2010 request linked to a session the dataset did not hold (404).
    linked = {
        c["session"]
        for request in _document("assistance.json")["requests"]
        for c in request.get("consultations", [])
        if c.get("session")
    }
    assert "cssc-2010-06-14" in linked
    for code in linked:
        assert client.get(f"/en/meetings/sessions/{code}/").status_code == 200, code
    session = Session.objects.get(code="cssc-2010-06-14")
    assert session.ru_from_source
    assert "Патрушев" in session.summary_ru
    assert not Session.objects.exclude(code="cssc-2010-06-14").filter(ru_from_source=True).exists()


ENGLISH_ONLY_BEFORE = ("note", "reported_strength_note", "on_behalf_of", "legal_basis", "reason")


def _records(node: Any) -> list[dict[str, Any]]:
    if isinstance(node, dict):
        return [node, *(r for value in node.values() for r in _records(value))]
    if isinstance(node, list):
        return [r for item in node for r in _records(item)]
    return []


@pytest.mark.parametrize("name", ["members.json", "forces.json", "assistance.json"])
def test_every_text_of_the_other_parts_has_its_russian_text(name: str):
    checked = 0
    for record in _records(_document(name)):
        for key, english in record.items():
            if not isinstance(english, str) or not english.strip():
                continue
            if key.endswith("_en") or key in ENGLISH_ONLY_BEFORE or key == "commander":
                russian_key = key[:-3] + "_ru" if key.endswith("_en") else key + "_ru"
                assert _is_russian(record.get(russian_key, "")), (name, key, english)
                checked += 1
    assert checked > 20  # the sweep did reach the texts


def test_russian_pages_show_the_russian_notes(client: Client):
    offices = client.get("/ru/offices/").content.decode()
    assert "Кочарян передал председательство" in offices
    assert "Kocharyan handed the chair" not in offices
    request = client.get("/ru/assistance/requests/kg-2010/").content.decode()
    assert "Временное правительство во главе с Розой Отунбаевой" in request
    assert "Interim government led by" not in request
    forces = client.get("/ru/forces/").content.decode()
    assert "Численность не публиковалась" in forces and "Strength not published" not in forces


def test_a_russian_decision_page_names_the_forces_it_creates_in_russian(client: Client):
    path = "meetings/sessions/csc-2009-02-04/decisions/crrf/"
    assert (
        "Коллективные силы оперативного реагирования" in client.get(f"/ru/{path}").content.decode()
    )
    assert "Collective Rapid Reaction Forces" in client.get(f"/en/{path}").content.decode()


def test_each_person_is_written_in_cyrillic_the_same_way_everywhere():
    document = _document("meetings.json")
    spelled = {n["name_en"]: n["name_ru"] for n in document["names_ru"]["names"]}
    for session in document["sessions"]:
        rows = [(session.get("chair_person"), session.get("chair_person_ru"))]
        rows += [(a.get("person"), a.get("person_ru")) for a in session.get("attendance", [])]
        for latin, cyrillic in rows:
            if latin:
                assert spelled[latin] == cyrillic, (session["start"], latin)
    chairs = _document("members.json")["chair_terms"]
    for term in chairs:
        if term["holder_en"] in spelled:
            assert spelled[term["holder_en"]] == term["holder_ru"], term["start"]


# Texts of the depositary's records that were English only until they had a `<field>_ru` beside
# them (notes, domestic acts, the depositary, a report's text, a declared reason, an article).
DEPOSITARY_TEXTS = ("note", "domestic_act", "depositary", "text", "reason", "article")
ADDRESS = re.compile(r"https?://\S+|\b[\w-]+(?:\.[\w-]+)+\b")  # cited addresses are not text


@pytest.mark.parametrize(
    "name", ["members.json", "meetings.json", "forces.json", "assistance.json", "depositary.json"]
)
def test_no_text_of_the_dataset_is_pending_its_russian(name: str):
    """Every English text has its Russian: `x_en` beside `x_ru`, and a text kept under a plain
    name (`note`) beside its `note_ru`. The entry-ban file's demonstration listings are the one
    part without (see test_language_crawl: the only pages still marked «перевод готовится»)."""
    pending, checked = [], 0
    for record in _records(_document(name)):
        for key, english in record.items():
            if not isinstance(english, str) or not english.strip() or key.endswith("_ru"):
                continue
            base = key[:-3] if key.endswith("_en") else key
            known = name == "depositary.json" and key in DEPOSITARY_TEXTS
            if key == "article" and "condition" not in record:
                known = False  # the article of a term or a withdrawal clause is not published
            if key.endswith("_en") or f"{base}_ru" in record or known:
                checked += 1
                russian = ADDRESS.sub(" ", str(record.get(f"{base}_ru", "")))
                if not _is_russian(russian):
                    pending.append((key, english[:60]))
        lists = [k for k, v in record.items() if isinstance(v, list) and k == "registration"]
        for key in lists:
            assert all(map(_is_russian, record.get(f"{key}_ru", []))), (name, key)
    assert not pending, pending
    assert checked > 20  # the sweep did reach the texts


def test_the_russian_depositary_pages_read_in_russian(client: Client):
    notices = client.get("/ru/depositary/notifications/").content.decode()
    assert "Депозитарий сообщает: Устав Организации Договора о коллективной безопасности" in notices
    assert "Депозитарий сообщает о вступлении в силу документа" in notices
    assert "The depositary communicates" not in notices
    charter = client.get("/ru/depositary/instruments/charter-2002/").content.decode()
    assert "Федеральный закон № 56-ФЗ" in charter
    assert "все шесть подписавших государств ратифицировали Устав" in charter
    assert "согласие каждого подписавшего государства — условие выполнено 18\xa0сентября 2003" in (
        charter
    )
    kazakhstan = client.get("/ru/depositary/states/KZ/").content.decode()
    assert "закон государства от" in kazakhstan and "by its own law" not in kazakhstan
    english = client.get("/en/depositary/notifications/").content.decode()
    assert "The depositary communicates that on 2002-10-07 Armenia" in english
    assert "Депозитарий сообщает" not in english

"""Downloads per language: a CSV or JSON under /ru/ labels its codes in Russian, under /en/ in
English; both carry each text field in both languages, and their codes and ISO dates are the
same whatever the address (programs read those)."""

from __future__ import annotations

import csv
import io
import json

import pytest
from django.test import Client

from secretariat.core.languages import page_url

pytestmark = pytest.mark.django_db


def _csv(path: str) -> list[dict[str, str]]:
    response = Client().get(path)
    assert response.status_code == 200 and response["Content-Type"].startswith("text/csv")
    return list(csv.DictReader(io.StringIO(response.content.decode())))


def _by(rows: list[dict[str, str]], key: str, value: str) -> dict[str, str]:
    return next(row for row in rows if row[key] == value)


def test_an_instrument_csv_labels_in_the_language_of_its_address_and_names_in_both() -> None:
    query = {"date": "2011-08-12"}
    russian = _by(
        _csv(page_url("depositary:instrument_csv", "charter-2002", lang="ru", query=query)),
        "state",
        "BY",
    )
    english = _by(
        _csv(page_url("depositary:instrument_csv", "charter-2002", query=query)), "state", "BY"
    )
    assert russian["standing"] == english["standing"] == "party"
    assert (russian["standing_label"], english["standing_label"]) == ("участник", "party")
    assert russian["state_name"] == english["state_name"] == "Belarus"
    assert russian["state_name_ru"] == english["state_name_ru"] == "Беларусь"
    assert russian["consent_date"] == english["consent_date"]  # ISO, for programs
    assert russian["consent_label"] == "ратификация"


def test_a_state_csv_carries_each_title_in_both_languages() -> None:
    rows = _csv(page_url("depositary:state_csv", "BY", lang="ru"))
    charter = _by(rows, "instrument", "charter-2002")
    assert charter["title"].startswith("Charter") and charter["title_ru"].startswith("Устав")
    assert charter["standing_label"] == "участник"


def test_json_downloads_carry_both_languages() -> None:
    document = json.loads(Client().get(page_url("depositary:state_json", "BY", lang="ru")).content)
    charter = next(r for r in document["instruments"] if r["instrument"] == "charter-2002")
    assert charter["title_en"].startswith("Charter") and charter["title_ru"].startswith("Устав")
    sessions = json.loads(
        Client().get(page_url("meetings:export", "sessions", "json", lang="ru")).content
    )
    assert sessions and {"city_en", "city_ru", "summary_en", "summary_ru"} <= set(sessions[0])


def test_a_meetings_csv_has_both_languages_of_each_text() -> None:
    rows = _csv(page_url("meetings:export", "sessions", "csv", lang="ru"))
    assert {"city_en", "city_ru"} <= set(rows[0])
    assert any(row["city_ru"] == "Минск" for row in rows)

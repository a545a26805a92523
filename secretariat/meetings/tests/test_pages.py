"""Meeting pages, feeds and exports, as a browser or a calendar client sees them."""

from __future__ import annotations

import csv
import io
import json

import pytest
from django.test import Client
from icalendar import Calendar

from secretariat.core.testing import journal_size
from secretariat.meetings.models import StatePosition
from secretariat.meetings.tests.conftest import SESSION

pytestmark = pytest.mark.django_db


def test_the_sessions_list_filters_by_body_kind_year_and_host(client: Client):
    page = client.get("/en/meetings/", {"kind": "informal", "host": "KZ"}).content.decode()
    assert 'data-code="csc-2011-08-12"' in page
    assert 'data-code="csc-2008"' in page
    assert 'data-code="csc-2010-12-10"' not in page
    page = client.get("/en/meetings/", {"year": "2021", "kind": "video"}).content.decode()
    assert 'data-code="csc-2021-08-23"' in page and 'data-code="csc-2021-09-16"' not in page
    assert client.get("/en/meetings/", {"body": "cmd"}).status_code == 200


def test_the_session_page_shows_attendance_agenda_and_decisions(client: Client):
    page = client.get("/en/meetings/sessions/csc-2009-06-14/").content.decode()
    assert 'data-state="BY"' in page and "boycott" in page
    assert "/en/depositary/instruments/crrf-agreement-2009/" in page
    assert client.get("/en/meetings/sessions/csc-1900-01-01/").status_code == 404


def test_the_decision_page_shows_each_reading_and_its_explanation(client: Client):
    page = client.get(
        "/en/meetings/sessions/csc-2009-06-14/decisions/crrf-agreement/"
    ).content.decode()
    assert 'data-reading="consensus-present"' in page
    assert 'data-reading="consensus-all"' in page
    assert "silence is not consent" in page
    assert "Belarus told the Secretariat" in page


def test_the_organization_on_12_august_2011(client: Client):
    page = client.get("/en/meetings/on/", {"date": "2011-08-12", "partial": "1"}).content.decode()
    assert "csc-2011-08-12" in page
    assert "Astana / Borovoye" in page
    assert 'data-testid="session-chair">Belarus<' in page
    assert "6 of 7 members present" in page
    assert "Uzbekistan" in page.split('data-testid="session-absent"')[1]
    assert client.get("/en/meetings/on/", {"date": "not-a-date"}).status_code == 200


def test_the_attendance_matrix_and_rate_chart_are_server_rendered(client: Client):
    page = client.get("/en/meetings/attendance/").content.decode()
    assert '<svg class="chart rates"' in page
    assert 'data-state="BY" data-value="absent"' in page
    # No script draws anything: the one script on every page only folds the menu on a phone.
    assert page.count("<script") == 1 and 'src="/static/secretariat/site.js"' in page


def test_the_calendar_feed_parses_and_has_every_session(client: Client):
    response = client.get("/en/meetings/calendar.ics")
    assert response["Content-Type"].startswith("text/calendar")
    calendar = Calendar.from_ical(response.content)
    events = calendar.walk("VEVENT")
    assert len(events) >= 40
    astana = next(e for e in events if str(e["uid"]).startswith("csc-2011-08-12@"))
    assert astana.decoded("dtstart").isoformat() == "2011-08-12"
    assert astana.decoded("dtend").isoformat() == "2011-08-14"  # exclusive, all-day
    assert "Astana" in str(astana["location"])


def test_the_atom_feed_lists_decisions(client: Client):
    response = client.get("/en/meetings/decisions/feed/")
    assert response["Content-Type"].startswith("application/atom+xml")
    body = response.content.decode()
    assert "<feed" in body and "Masadykov" in body


def test_exports_in_csv_and_json(client: Client):
    rows = list(
        csv.DictReader(io.StringIO(client.get("/en/meetings/export/sessions.csv").content.decode()))
    )
    assert len(rows) >= 40 and rows[0]["code"] == "csc-2002-05-14"
    data = json.loads(client.get("/en/meetings/export/decisions.json").content)
    assert any(d["code"] == "csc-2022-11-23/yerevan-declaration" for d in data)
    assert client.get("/en/meetings/export/people.csv").status_code == 404


def test_a_delegation_states_its_position_through_the_portal(client: Client, personas, draft):
    client.force_login(personas.anna)
    url = f"/en/meetings/sessions/{SESSION}/decisions/{draft.slug}/"
    assert "Position of Armenia" in client.get(url).content.decode()
    response = client.post(url + "position/", {"position": "objects", "statement_en": "No."})
    assert response.status_code == 302
    assert StatePosition.objects.get(decision=draft, state="AM").position == "objects"


def test_the_secretariat_cannot_record_an_outcome_the_positions_contradict(
    client: Client, personas, draft
):
    client.force_login(personas.anna)
    client.post(
        f"/en/meetings/sessions/{SESSION}/decisions/{draft.slug}/position/", {"position": "objects"}
    )
    client.force_login(personas.sofia)
    before = journal_size()
    response = client.post(
        f"/en/meetings/sessions/{SESSION}/decisions/{draft.slug}/outcome/", {"outcome": "adopted"}
    )
    assert response.status_code == 422
    assert "do not allow adoption" in response.content.decode()
    assert journal_size() == before


def test_the_public_and_other_roles_cannot_post(client: Client, personas, draft):
    url = f"/en/meetings/sessions/{SESSION}/decisions/{draft.slug}/"
    assert client.post(url + "position/", {"position": "objects"}).status_code == 302  # login
    client.force_login(personas.aud)
    assert client.post(url + "position/", {"position": "objects"}).status_code == 404
    assert client.post(url + "outcome/", {"outcome": "adopted"}).status_code == 404
    client.force_login(personas.boris)
    assert client.post(url + "outcome/", {"outcome": "adopted"}).status_code == 404
    assert not StatePosition.objects.filter(decision=draft).exists()


def test_the_pages_speak_russian():
    client = Client()
    page = client.get("/ru/meetings/sessions/csc-2009-06-14/").content.decode()
    assert "Участие" in page and "бойкот" in page and "Беларусь" in page
    card = client.get("/ru/meetings/on/", {"date": "2011-08-12", "partial": "1"}).content.decode()
    assert "присутствовали 6 из 7 членов" in card


def test_the_admin_adds_a_session_through_the_service(client: Client, personas):
    client.force_login(personas.sofia)
    personas.sofia.is_staff = True
    personas.sofia.save()
    form = {
        "body": "cmd",
        "kind": "regular",
        "start": "2026-05-20",
        "start_precision": "day",
        "end": "2026-05-19",
        "sources": "[]",
        "note": "",
    }
    before = journal_size()
    refused = client.post("/admin/meetings/session/add/", form)
    assert refused.status_code == 200 and "cannot end" in refused.content.decode()
    assert journal_size() == before
    form["end"] = "2026-05-21"
    assert client.post("/admin/meetings/session/add/", form).status_code == 302
    assert journal_size() == before + 1


def test_the_secretariat_records_attendance_and_a_non_member_is_refused(client: Client, personas):
    client.force_login(personas.sofia)
    url = "/en/meetings/sessions/csc-2022-05-16/attendance/"
    before = journal_size()
    refused = client.post(url, {"state": "uz", "presence": "present"})
    assert refused.status_code == 422
    assert "UZ was not a member on 2022-05-16" in refused.content.decode()
    assert journal_size() == before
    assert client.post(url, {"state": "uz", "presence": "guest"}).status_code == 302
    assert journal_size() == before + 1

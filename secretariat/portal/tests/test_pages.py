"""Portal pages render for everyone, in English and Russian, as of any date."""

from __future__ import annotations

import re
from pathlib import Path

import polib
import pytest
from django.conf import settings
from django.test import Client

from secretariat.core.languages import path_in
from secretariat.core.management.commands.compile_catalogs import catalog_files

pytestmark = pytest.mark.django_db

PAGES = [
    "/en/",
    "/en/?date=2011-08-12",
    "/en/members/",
    "/en/members/UZ/",
    "/en/offices/",
    "/en/journal/",
    "/en/login/",
]


@pytest.mark.parametrize("path", PAGES)
def test_every_public_page_renders_with_a_language_switch(path):
    response = Client().get(path)
    assert response.status_code == 200
    html = response.content.decode()
    assert f'href="{path_in(path, "ru")}" hreflang="ru"' in html
    # Nothing is fetched from another host: every script, style and image is our own (the
    # hreflang alternates are absolute by rule, and name pages, which a browser does not fetch).
    fetched = re.sub(r'<link rel="alternate"[^>]*>', "", html)
    assert not re.search(r"""<(script|link|img)[^>]+(src|href)=["'](https?:)?//""", fetched)


@pytest.mark.parametrize("path", PAGES)
def test_every_public_page_renders_in_russian(path):
    html = Client().get(path_in(path, "ru")).content.decode()
    assert '<html lang="ru">' in html
    assert "Участники" in html or "Войти" in html


def test_the_home_page_on_12_august_2011_shows_seven_members_and_belarus_in_the_chair():
    html = Client().get("/en/?date=2011-08-12").content.decode()
    assert re.search(r'data-testid="member-count">7<', html)
    chair = html.split('data-testid="chair"')[1].split("</p>")[0]
    assert "Belarus" in chair
    assert "Lukashenko" in chair


def test_an_unreadable_date_is_explained_not_an_error():
    html = Client().get("/en/?date=12/08/2011").content.decode()
    assert "is not a date" in html


def test_the_member_page_charts_freedom_house_ratings_and_the_timeline():
    html = Client().get("/en/members/UZ/").content.decode()
    assert 'class="chart freedom"' in html
    assert "polyline" in html
    assert "2012-12-19" in html  # the suspension in the timeline


def test_the_membership_chart_shows_uzbekistans_exit_return_and_suspension():
    html = Client().get("/en/members/").content.decode()
    uz_row = html.split(">Uzbekistan</text></a>")[1].split("</a>")[0]
    for status in ("party", "withdrawn", "member", "frozen", "suspended"):
        assert f"status-{status}" in uz_row


def test_a_pending_notification_is_hidden_from_another_state_on_the_portal(personas):
    import datetime as dt

    from secretariat.core.testing import actor
    from secretariat.members import services

    services.submit_membership_event(
        actor(personas.boris),
        state="BY",
        kind="withdrawal",
        date=dt.date(2026, 10, 1),
        summary_en="Secret notice of withdrawal",
    )
    own, other, public = Client(), Client(), Client()
    own.force_login(personas.boris)
    other.force_login(personas.anna)
    assert "Secret notice" in own.get("/en/members/BY/").content.decode()
    assert "Secret notice" not in other.get("/en/members/BY/").content.decode()
    assert "Secret notice" not in public.get("/en/members/BY/").content.decode()
    assert public.get("/en/members/notifications/").status_code == 404


def test_a_bad_form_shows_the_services_error_and_writes_nothing(personas):
    from secretariat.core.testing import journal_size

    client = Client()
    client.force_login(personas.sofia)
    before = journal_size()
    response = client.post(
        "/en/offices/chairs/new/",
        {"state": "KZ", "holder_en": "X", "start": "2011-01-01", "end": "2011-02-01"},
    )
    assert response.status_code == 422
    assert "overlaps" in response.content.decode()
    assert journal_size() == before


def test_the_admin_shows_the_services_error_and_writes_nothing(personas):
    from secretariat.core.testing import journal_size

    client = Client()
    client.force_login(personas.sofia)
    before = journal_size()
    response = client.post(
        "/admin/members/chairterm/add/",
        {
            "state": "KZ",
            "holder_en": "X",
            "start": "2011-01-01",
            "end": "2011-02-01",
            "start_precision": "day",
            "end_precision": "day",
            "sources": "[]",
            "note": "",
        },
    )
    assert response.status_code == 200
    assert "overlaps" in response.content.decode()
    assert journal_size() == before


def test_every_interface_string_has_a_russian_translation():
    translated: set[str] = set()
    for po_path in catalog_files():
        if "/ru/" not in str(po_path):
            continue
        catalog = polib.pofile(str(po_path))
        assert catalog.percent_translated() == 100, po_path
        translated |= {entry.msgid for entry in catalog}
    package = Path(settings.PACKAGE_DIR)
    pattern = re.compile(r"""{% (?:translate|trans) ["']([^"']+)["']""")
    used = {
        m
        for path in package.rglob("templates/**/*.html")
        for m in pattern.findall(path.read_text())
    }
    missing = used - translated
    assert not missing, f"run makemessages and translate: {sorted(missing)}"

"""The record as of any date, swept: members, offices, meetings and forces, API and pages.

For any date from 1990 to today, every endpoint and page of these apps that takes a date returns
nothing that came into being after it, and its answer equals a plain recomputation from the
recorded events up to that date. The recomputations below are deliberately naive (a loop over
the rows, no shared code with the selectors), so that the two can only agree by both being right.

Dates come from hypothesis, and also every date on which something happens in the dataset, with
the day before (`boundary_dates`): an off-by-one at an edge is where such rules break.

Collective assistance has no endpoint or page that takes a date (its requests and missions are
listed whole, each with its own dates), so there is nothing of it to sweep.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

import pytest
from django.test import Client
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from secretariat.audit.crawl import plain_static_names
from secretariat.core.organization import organization
from secretariat.forces.models import Contingent, Exercise, Formation
from secretariat.meetings.models import Session
from secretariat.members.models import ChairTerm, MembershipEvent, SecretaryGeneralTerm

pytestmark = [pytest.mark.django_db, pytest.mark.any_dataset]

FIRST = dt.date(1990, 1, 1)
TODAY = dt.date.today()
any_date = st.dates(min_value=FIRST, max_value=TODAY)
sweep = settings(
    max_examples=25,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)

# What each membership event leaves the state as; a statement changes nothing.
PLAIN_STATUS = {
    "treaty_signature": "party",
    "treaty_accession": "party",
    "founding_membership": "member",
    "accession": "member",
    "association": "associate",
    "withdrawal": "withdrawn",
    "restoration": "member",
    "suspension": "suspended",
    "frozen_participation": "frozen",
    "resumption": "member",
}
COUNTED_AS_MEMBER = {"party", "member", "frozen"}


@pytest.fixture
def client() -> Any:
    with plain_static_names():
        yield Client()


def boundary_dates() -> list[dt.date]:
    """Every day on which the members' or the meetings' record changes, and the day before."""
    days: set[dt.date] = set()
    for row in MembershipEvent.objects.filter(status="registered"):
        days.add(row.date)
    for term in [*ChairTerm.objects.all(), *SecretaryGeneralTerm.objects.all()]:
        days.update(d for d in (term.start, term.end) if d)
    for session in Session.objects.filter(body=organization().main_body):
        days.update(d for d in (session.start, session.end) if d)
    return sorted({d + dt.timedelta(days=k) for d in days for k in (-1, 0) if FIRST <= d <= TODAY})


# --- plain recomputations ----------------------------------------------------------------------


def plain_statuses(on: dt.date) -> dict[str, str]:
    statuses: dict[str, str] = {}
    rows = MembershipEvent.objects.filter(status="registered", date__lte=on).order_by("date", "id")
    for row in rows:
        statuses[row.state_id] = PLAIN_STATUS.get(row.kind, statuses.get(row.state_id, "none"))
    return statuses


def plain_members(on: dt.date) -> set[str]:
    return {code for code, status in plain_statuses(on).items() if status in COUNTED_AS_MEMBER}


def plain_holder(terms: list[Any], on: dt.date) -> Any:
    """The term covering the date; on a hand-over day, the incoming one."""
    best = None
    for term in terms:
        covers = term.start <= on and (term.end is None or on <= term.end)
        if covers and (best is None or term.start > best.start):
            best = term
    return best


def plain_session(on: dt.date) -> Session | None:
    """The principal body's session sitting on the date, else the last one held before it."""
    best = None
    for session in Session.objects.filter(body=organization().main_body):
        if session.start > on:
            continue
        sitting = session.start <= on <= (session.end or session.start)
        key = (sitting, session.start)
        if best is None or key > best[0]:
            best = (key, session)
    return best[1] if best else None


def plain_contingents(on: dt.date) -> set[str]:
    return {
        c.code for c in Contingent.objects.all() if c.start <= on and (c.end is None or on <= c.end)
    }


# --- members and offices -----------------------------------------------------------------------


def check_members_on(client: Client, on: dt.date) -> None:
    day = on.isoformat()
    expected = plain_members(on)
    members = client.get(f"/api/v1/members?as_of={day}").json()
    assert {m["code"] for m in members} == expected, day
    organization = client.get(f"/api/v1/organization?as_of={day}").json()
    assert {m["code"] for m in organization["members"]} == expected, day
    statuses = {
        r["code"]: r["status"] for r in client.get(f"/api/v1/membership?as_of={day}").json()
    }
    plain = plain_statuses(on)
    assert {c: s for c, s in statuses.items() if s != "none"} == plain, day

    chair = plain_holder(list(ChairTerm.objects.all()), on)
    answer = organization["chair"]
    assert (answer and answer["start"]) == (chair and chair.start.isoformat()), day
    assert answer is None or answer["start"] <= day
    secretary = plain_holder(list(SecretaryGeneralTerm.objects.all()), on)
    answer = organization["secretary_general"]
    assert (answer and answer["start"]) == (secretary and secretary.start.isoformat()), day
    assert answer is None or answer["start"] <= day
    # The offices' own dated endpoints give the same holders.
    for address, term in (("chairs/on", chair), ("secretaries-general/on", secretary)):
        answer = client.get(f"/api/v1/{address}?date={day}").json()
        assert (answer and answer["start"]) == (term and term.start.isoformat()), (address, day)


def check_home_page_on(client: Client, on: dt.date) -> None:
    day = on.isoformat()
    html = client.get(f"/en/?date={day}").content.decode()
    members_list = (
        html.split('data-testid="members"', 1)[1].split("</ul>", 1)[0]
        if 'data-testid="members"' in html
        else ""
    )
    assert set(re.findall(r'data-code="([A-Z]{2})"', members_list)) == plain_members(on), day
    session = plain_session(on)
    card = html.split('data-testid="session-on-date"', 1)[1].split("</section>", 1)[0]
    linked = re.findall(r"/en/meetings/sessions/([a-z0-9-]+)/", card)
    assert linked == ([session.code] if session else []), day
    # The membership chart ends on the date asked about: no year after it is drawn.
    years = {int(y) for y in re.findall(r'class="tick"[^>]*>(\d{4})<', html)}
    assert years or on.year < 1992, day  # the chart's first event is the Treaty of 1992
    assert all(year <= on.year for year in years), day


@sweep
@given(on=any_date)
def test_members_and_offices_as_of_any_date_follow_from_the_events_up_to_it(client, on):
    check_members_on(client, on)


def test_members_and_offices_on_every_day_the_record_changes_and_the_day_before(client):
    for on in boundary_dates():
        check_members_on(client, on)


@sweep
@given(on=any_date)
def test_the_home_page_as_of_any_date_shows_only_what_existed_then(client, on):
    check_home_page_on(client, on)


# --- meetings ------------------------------------------------------------------------------------


def check_session_on(client: Client, on: dt.date) -> None:
    day = on.isoformat()
    answer = client.get(f"/api/v1/meetings/on?date={day}").json()
    session = plain_session(on)
    assert (answer and answer["session"]["code"]) == (session and session.code), day
    if answer:
        assert answer["session"]["start"] <= day
        assert answer["days_away"] <= 0
        assert set(answer["members"]) == plain_members(session.start if session else on)
    page = client.get(f"/ru/meetings/on/?date={day}&partial=1").content.decode()
    assert re.findall(r"/ru/meetings/sessions/([a-z0-9-]+)/", page) == (
        [session.code] if session else []
    ), day


@sweep
@given(on=any_date)
def test_the_session_on_any_date_was_held_by_then(client, on):
    check_session_on(client, on)


def test_the_session_on_every_day_the_record_changes_and_the_day_before(client):
    for on in boundary_dates():
        check_session_on(client, on)


# --- forces --------------------------------------------------------------------------------------


def check_forces_on(client: Client, on: dt.date) -> None:
    day = on.isoformat()
    active = [
        c
        for c in Contingent.objects.select_related("formation")
        if c.start <= on and (c.end is None or on <= c.end)
    ]
    listed = client.get(f"/api/v1/forces/contingents?as_of={day}").json()
    assert {c["code"] for c in listed} == {c.code for c in active}, day
    assert all(c["start"] <= day for c in listed)
    totals = client.get(f"/api/v1/forces/totals?as_of={day}").json()
    by_formation = {f["formation"]: f["total"] for f in totals["formations"]}
    assert set(by_formation) == {c.formation.code for c in active}, day
    for code, total in by_formation.items():
        rows = [c for c in active if c.formation.code == code]
        assert total["contingents"] == len(rows), day
        assert total["strength"] == sum(c.strength or 0 for c in rows), day

    html = client.get(f"/en/forces/?date={day}").content.decode()
    existing = {
        f.code for f in Formation.objects.all() if f.established is None or f.established <= on
    }
    assert set(re.findall(r'<section id="([a-z0-9-]+)">', html)) == existing, day
    held = {
        e.code
        for e in Exercise.objects.select_related("formation")
        if e.start <= on and e.formation is not None and e.formation.code in existing
    }
    pledged = {c.code for c in active if c.formation.code in existing}
    assert set(re.findall(r'<tr id="([a-z0-9-]+)">', html)) == pledged | held, day


@sweep
@given(on=any_date)
def test_forces_as_of_any_date_show_only_what_was_pledged_established_or_held_by_then(client, on):
    check_forces_on(client, on)


def test_forces_on_every_day_a_pledge_or_an_exercise_begins_or_ends(client):
    days: set[dt.date] = set()
    for c in Contingent.objects.all():
        days.update(d for d in (c.start, c.end) if d)
    for e in Exercise.objects.all():
        days.add(e.start)
    for f in Formation.objects.all():
        if f.established:
            days.add(f.established)
    for on in sorted({d + dt.timedelta(days=k) for d in days for k in (-1, 0)}):
        if FIRST <= on <= TODAY:
            check_forces_on(client, on)

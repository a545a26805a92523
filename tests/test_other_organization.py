"""Another organization is another dataset: a made-up one, served with no change to the code.

`tests/datasets/lakes/` is a small fictitious organization with other bodies (an assembly of heads
of government, a council of ministers, a committee), other member statuses (associate members, no
frozen participation), other readings of its rules (a two-thirds quorum, unanimity with abstention
blocking), other working languages and a default final clause of its own. The test empties the
database, loads it as the installation's dataset, renders every page reachable from `/en/` and
`/ru/` and asks every public GET endpoint of the API: each answers 200, and nothing the CSTO's
dataset or code would have put there (its name, acronym, bodies, news sites) appears.
"""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path
from typing import Any

import pytest
from django.core.management import call_command
from django.db import connection
from django.test import Client
from django.urls import resolve
from django.utils import translation

from secretariat.api.main import api
from secretariat.audit.crawl import client_for_site, crawl
from secretariat.datasets.loader import DatasetError, load_dataset

LAKES = Path(__file__).resolve().parent / "datasets" / "lakes"
# What would betray the CSTO: its names and acronyms in both languages, its bodies, its site.
CSTO_TEXT = re.compile(
    r"CSTO|ОДКБ|Collective Security|коллективной безопасности|odkb|"
    r"Foreign Ministers|Defence Ministers|Secretaries of Security Councils|Tashkent|Ташкент",
    re.IGNORECASE,
)
# Path parameters of the API, filled from the made-up dataset (or its database, for ids).
PARAMETERS = {
    "/api/v1/states/{code}": "FI",
    "/api/v1/depositary/states/{code}": "FI",
    "/api/v1/depositary/instruments/{code}": "water-2002",
    "/api/v1/meetings/sessions/{code}": "assembly-2002-06-01",
    "/api/v1/forces/formations/{code}": "rescue",
    "/api/v1/forces/contingents/{code}": "rescue-ee-boats",
    "/api/v1/forces/exercises/{code}": "ice-2011",
    "/api/v1/assistance/requests/{code}": "fi-2010",
    "/api/v1/assistance/missions/{code}": "fi-2010-jru",
}
QUERIES = {
    "/api/v1/journal/proof/inclusion": "?seq=1",
    "/api/v1/journal/proof/consistency": "?first=1",
}
# A public endpoint that needs a record the made-up organization has none of: no delegation has
# registered a signing key in it.
NO_RECORD_TO_ASK_FOR = {"/api/v1/journal/keys/{key_id}"}
# Page types the crawl must reach in each language (URL names), so a broken link cannot hide one.
PAGE_TYPES = {
    "portal:home",
    "members:list",
    "members:detail",
    "members:offices",
    "depositary:index",
    "depositary:instrument",
    "meetings:index",
    "meetings:session",
    "meetings:decision",
    "meetings:attendance",
    "forces:index",
    "assistance:index",
    "assistance:request",
}


class RecordingClient(Client):
    """The crawl's client, keeping what each answer said."""

    def __init__(self, **defaults: Any) -> None:
        super().__init__(**defaults)
        self.answers: dict[str, tuple[int, str]] = {}

    def get(self, path: str, *args: Any, **kwargs: Any) -> Any:  # type: ignore[override]
        response = super().get(path, *args, **kwargs)
        if getattr(response, "streaming", False):
            body = b"".join(getattr(response, "streaming_content"))  # noqa: B009 (typed as absent)
        else:
            body = response.content
        self.answers[path] = (response.status_code, body.decode("utf-8", errors="replace"))
        return response


def _empty_database() -> None:
    """Take away the session's CSTO load (the journal's guards lifted for the flush only)."""
    from secretariat.entrybans import guards as access_log_guards
    from secretariat.journal import guards

    guards.lift_for_test_teardown(connection)
    call_command("flush", interactive=False, verbosity=0)
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("SET session_replication_role = DEFAULT")
    guards.install(connection)
    access_log_guards.install(connection)


@pytest.fixture
def lakes(transactional_db: Any, settings: Any, tmp_path: Any) -> None:
    settings.SECRETARIAT_DATASET = "lakes"
    settings.SECRETARIAT_DATASET_DIR = str(LAKES)
    # A journal signing key made by an earlier test keeps the name it was made with (the CSTO's);
    # this installation makes its own.
    settings.JOURNAL_SIGNING_KEY_FILE = str(tmp_path / "journal-signing.key")
    _empty_database()
    load_dataset("lakes", LAKES / "members.json")


def _public_get_endpoints() -> list[str]:
    document = api.get_openapi_schema()
    found = []
    for path, operations in document["paths"].items():
        get = operations.get("get")
        if get is None or {} not in get.get("security", [{}]):
            continue  # not open to the public
        found.append(path)
    return found


def _address(path: str) -> str:
    from secretariat.depositary.models import Act
    from secretariat.members.models import MembershipEvent

    address = path
    for template, value in PARAMETERS.items():
        if path.startswith(template):
            address = address.replace(template, template.replace("{code}", value))
    address = address.replace("{slug}", "water-treaty")
    if "{event_id}" in address:
        address = address.replace("{event_id}", str(MembershipEvent.objects.first().pk))  # type: ignore[union-attr]
    if "{act_id}" in address:
        address = address.replace("{act_id}", str(Act.objects.first().pk))  # type: ignore[union-attr]
    return address + QUERIES.get(path, "")


def test_a_made_up_organization_serves_every_page_and_endpoint_with_no_trace_of_the_csto(
    lakes: None,
) -> None:
    client = RecordingClient(**client_for_site().defaults)
    client.raise_request_exception = False
    result = crawl(client)
    assert not result.truncated
    broken = [(link.page, link.target, link.status) for link in result.links if link.status >= 400]
    assert broken == []

    pages_by_language: dict[str, set[str]] = {"en": set(), "ru": set()}
    for page in result.pages:
        lang = page.split("/")[1]
        with translation.override(lang):
            match = resolve(page.split("?")[0])
        pages_by_language[lang].add(f"{match.namespace}:{match.url_name}")
    for lang, seen in pages_by_language.items():
        assert seen >= PAGE_TYPES, (lang, PAGE_TYPES - seen)

    endpoints = [p for p in _public_get_endpoints() if p not in NO_RECORD_TO_ASK_FOR]
    for path in endpoints:
        address = _address(path)
        assert "{" not in address, f"no value for the parameters of {path}"
        response = client.get(address)
        assert response.status_code == 200, (address, response.status_code)

    traces = {
        address: CSTO_TEXT.findall(body)
        for address, (status, body) in client.answers.items()
        if status == 200 and CSTO_TEXT.search(body)
    }
    assert traces == {}
    # What the dataset says is what the pages say, in each language.
    assert "Presidency of the Assembly" in client.answers["/en/offices/"][1]
    assert "Председательство в Ассамблее" in client.answers["/ru/offices/"][1]
    assert "Assembly of Heads of Government" in client.answers["/en/meetings/"][1]
    assert "Совет министров по водным ресурсам" in client.answers["/ru/meetings/"][1]
    print(
        f"\nlakes: {len(result.pages)} pages rendered ({len(pages_by_language['en'])} page types "
        f"in English, {len(pages_by_language['ru'])} in Russian), {result.fetched} addresses "
        f"fetched by the crawl, {len(endpoints)} public API GET endpoints answered 200"
    )


def test_the_made_up_organization_s_own_rules_are_the_ones_applied(lakes: None) -> None:
    from secretariat.depositary.models import Instrument
    from secretariat.meetings import selectors as meetings
    from secretariat.members import selectors as members

    decision = meetings.decision("assembly-2002-06-01", "water-treaty")
    readings = {r.rules.code: r for r in meetings.readings_of(decision)}
    # Two of the three members came (Latvia declined): two thirds present, no objection.
    assert readings["two-thirds"].verdict.adopted  # type: ignore[union-attr]
    # Latvia's claim: under unanimity its absence means no consent.
    assert not readings["unanimity"].verdict.adopted  # type: ignore[union-attr]
    on = members.standings_on(dt.date(2010, 1, 1))
    assert {s.state.code: s.status for s in on}["IS"] == "associate"
    # The treaty gives no final clauses: the organization's default (3 consents, 30 days) applies.
    water = Instrument.objects.get(code="water-2002")
    assert water.final_clauses["entry_into_force"]["condition"]["consents"] == 3


def test_a_dataset_that_is_not_the_one_served_is_refused(lakes: None) -> None:
    with pytest.raises(DatasetError, match="another organization than the one this installation"):
        load_dataset("csto")

"""The CSTO dataset as loaded into the database answers the questions the organization is asked."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from secretariat.core.testing import journal_size
from secretariat.datasets.loader import dataset_file, load_dataset
from secretariat.members import selectors
from secretariat.members.models import ChairTerm, Indicator, MembershipEvent, MemberState

pytestmark = pytest.mark.django_db


def test_the_members_on_12_august_2011_are_the_seven():
    codes = {row.state.code for row in selectors.members_on(dt.date(2011, 8, 12))}
    assert codes == {"AM", "BY", "KZ", "KG", "RU", "TJ", "UZ"}


def test_uzbekistan_is_suspended_on_new_year_2013():
    assert selectors.status_of("UZ", dt.date(2013, 1, 1)).value == "suspended"


def test_azerbaijan_and_georgia_left_the_treaty_in_1999():
    for code in ("AZ", "GE"):
        assert selectors.status_of(code, dt.date(1998, 12, 31)).value == "party"
        assert selectors.status_of(code, dt.date(1999, 12, 31)).value == "withdrawn"


def test_armenia_is_a_member_with_frozen_participation_in_2025():
    standing = selectors.status_of("AM", dt.date(2025, 6, 1))
    assert standing.value == "frozen"
    assert "AM" in {row.state.code for row in selectors.members_on(dt.date(2025, 6, 1))}


def test_belarus_chairs_and_bordyuzha_is_secretary_general_on_12_august_2011():
    chair = selectors.chair_on(dt.date(2011, 8, 12))
    assert chair is not None
    assert chair.state_id == "BY"
    assert chair.holder_en == "Alexander Lukashenko"
    sg = selectors.secretary_general_on(dt.date(2011, 8, 12))
    assert sg is not None
    assert sg.person_en == "Nikolai Bordyuzha"


def test_chairs_before_september_2008_come_from_sources_and_gaps_stay_empty():
    # Issue 13 ("no chair before Sep 2008"): Putin from the Moscow session of 14 May 2002,
    # Nazarbayev from Astana 2004, Putin from June 2005, Lukashenko from June 2006, Bakiyev in
    # 2007; from the Dushanbe session of April 2003 to Astana 2004 no source names the chair.
    first = selectors.chair_on(dt.date(2002, 6, 1))
    assert first is not None
    assert (first.state_id, first.holder_ru) == ("RU", "Владимир Путин")
    assert selectors.chair_on(dt.date(2003, 12, 1)) is None
    kazakhstan = selectors.chair_on(dt.date(2004, 12, 1))
    assert kazakhstan is not None
    assert kazakhstan.state_id == "KZ"
    belarus = selectors.chair_on(dt.date(2006, 12, 1))
    assert belarus is not None
    assert belarus.state_id == "BY"
    kyrgyzstan = selectors.chair_on(dt.date(2007, 10, 6))
    assert kyrgyzstan is not None
    assert (kyrgyzstan.state_id, kyrgyzstan.holder_ru) == ("KG", "Курманбек Бакиев")
    assert all(t.uncertain for t in ChairTerm.objects.filter(start__lt=dt.date(2008, 9, 5)))


def test_every_record_keeps_a_source():
    for model in (MemberState, MembershipEvent, ChairTerm, Indicator):
        assert not model.objects.filter(sources=[]).exists(), model.__name__


def test_uncertain_facts_stay_marked_uncertain():
    file_terms = json.loads(dataset_file("csto").read_text())["chair_terms"]
    uncertain_starts = {t["start"] for t in file_terms if t.get("uncertain")}
    stored = {t.start.isoformat() for t in ChairTerm.objects.filter(uncertain=True)}
    assert uncertain_starts
    assert stored == uncertain_starts


def test_freedom_house_2011_edition_matches_the_published_statuses():
    # The 2011 edition (covering 2010): Armenia and Kyrgyzstan Partly Free, the rest Not Free.
    statuses = {i.state_id: i.status for i in Indicator.objects.filter(year=2010)}
    assert statuses["AM"] == "PF"
    assert statuses["KG"] == "PF"
    assert all(statuses[code] == "NF" for code in ("BY", "KZ", "RU", "TJ", "UZ"))


def test_a_second_load_changes_nothing_and_journals_nothing():
    before = journal_size()
    counts = load_dataset("csto")
    assert all(key.endswith(".unchanged") for key in counts), counts
    assert journal_size() == before


def test_the_loader_is_journaled_through_the_services():
    from secretariat.journal.models import JournalEntry

    actions = set(JournalEntry.objects.values_list("action", flat=True))
    assert {"state.created", "membership_event.registered", "chair_term.created"} <= actions
    assert JournalEntry.objects.filter(actor_user="dataset:csto").count() >= 300


def _broken_copy(tmp_path: Path, mutate) -> Path:
    document = json.loads(dataset_file("csto").read_text())
    mutate(document)
    path = tmp_path / "members.json"
    path.write_text(json.dumps(document))
    return path


def test_a_bad_record_stops_the_load_naming_it_and_nothing_is_written(tmp_path):
    def overlap(document):
        document["chair_terms"].append(
            {
                "state": "KZ",
                "holder_en": "Somebody",
                "start": "2011-01-01",
                "end": "2011-06-01",
                "source": ["x"],
            }
        )
        document["indicators"].append(
            {"state": "BY", "kind": "freedom_house", "year": 2099, "status": "NF", "source": ["x"]}
        )

    path = _broken_copy(tmp_path, overlap)
    position = len(json.loads(dataset_file("csto").read_text())["chair_terms"])
    before = journal_size()
    with pytest.raises(CommandError, match=rf"chair_terms\[{position}\].*overlaps"):
        call_command("load_dataset", "csto", file=path)
    assert journal_size() == before
    assert not ChairTerm.objects.filter(holder_en="Somebody").exists()


@pytest.mark.parametrize(
    ("mutate", "message"),
    [
        (
            lambda d: d["membership_events"].append(
                {"state": "XX", "kind": "accession", "date": "2001-01-01", "summary_en": "x"}
            ),
            "unknown state code 'XX'",
        ),
        (
            lambda d: d["membership_events"].append(
                {"state": "GE", "kind": "suspension", "date": "2001-01-01", "summary_en": "x"}
            ),
            "impossible",
        ),
        (
            lambda d: d["secretaries_general"].append(
                {"state": "RU", "person_en": "X", "start": "2030-05-01", "end": "2030-01-01"}
            ),
            "cannot end",
        ),
        (
            lambda d: d["chair_terms"].append(
                {"state": "RU", "holder_en": "X", "start": "not a date"}
            ),
            "YYYY-MM-DD",
        ),
        (
            lambda d: d["indicators"].append({"state": "RU", "year": 2000, "status": "XF"}),
            "unknown Freedom House status",
        ),
    ],
)
def test_bad_input_gets_a_clear_error_from_the_command_line(tmp_path, mutate, message):
    path = _broken_copy(tmp_path, mutate)
    before = journal_size()
    with pytest.raises(CommandError, match=message):
        call_command("load_dataset", "csto", file=path)
    assert journal_size() == before


def test_an_unreadable_file_is_refused(tmp_path):
    path = tmp_path / "members.json"
    path.write_text("{not json")
    with pytest.raises(CommandError, match="not valid JSON"):
        call_command("load_dataset", "csto", file=path)


def test_an_unknown_dataset_name_is_refused():
    with pytest.raises(CommandError, match="unknown dataset 'nato'"):
        call_command("load_dataset", "nato")

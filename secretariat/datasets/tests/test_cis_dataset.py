"""The CIS dataset, loaded into a database of its own, says what its sources say.

The suite's database holds the CSTO dataset (conftest.py), and the two organizations share state
codes with different histories, so the CIS is loaded the way `secretariat load-dataset cis` loads
it: in processes of their own, into a new, empty SQLite database. The facts checked are the
sources' own (the Executive Committee's per-state dates of entry into force, Georgia's
withdrawal, Ukraine's recall of its representatives); the dates of entry into force are computed
by the depositary's engine from the recorded deposits and the final clauses, not stored.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from secretariat.datasets.loader import DATASETS_DIR

CIS = DATASETS_DIR / "cis"
ISO_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")

# Run inside the loaded database; prints one JSON object with what the assertions need.
QUERY = """
import datetime as dt, json
from secretariat.depositary import interchange
from secretariat.members import selectors
from secretariat.members.models import OrganizationProfile

def status(code, day):
    return selectors.status_of(code, dt.date.fromisoformat(day)).value

def members(day):
    return sorted(r.state.code for r in selectors.members_on(dt.date.fromisoformat(day)))

def chair(day):
    term = selectors.chair_on(dt.date.fromisoformat(day))
    return None if term is None else [term.state_id, term.holder_ru]

def instrument(code):
    found = interchange.export_instrument(code)["status"]
    return {
        "entry_into_force": found["entry_into_force"],
        "states": {row["state"]: row["in_force_from"] for row in found["states"]},
    }

profile = OrganizationProfile.objects.get()
print(json.dumps({
    "acronym": [profile.acronym_en, profile.acronym_ru],
    "members_2008": members("2008-01-01"),
    "members_2010": members("2010-01-01"),
    "georgia": [status("GE", "1993-11-30"), status("GE", "2009-08-17"), status("GE", "2009-08-18")],
    "ukraine": [status("UA", "2018-05-18"), status("UA", "2018-05-19")],
    "chair_2016": chair("2016-06-01"),
    "chair_2026": chair("2026-06-01"),
    "chair_2003": chair("2003-06-01"),
    "chair_2008": chair("2008-06-01"),
    "secretary_2010": selectors.secretary_general_on(dt.date(2010, 1, 1)).person_ru,
    "payment_union": instrument("payment-union-1994"),
    "industrial_accidents": instrument("industrial-accidents-1994"),
    "charter": instrument("charter-1993"),
    "copyright": instrument("copyright-1993"),
}))
"""


def _run(database: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k not in ("DATABASE_URL", "SECRET_KEY")}
    env.update(
        DATABASE_URL=f"sqlite:///{database}",
        SECRETARIAT_DATA_DIR=str(database.parent),
        SECRETARIAT_DATASET="cis",
    )
    result = subprocess.run(
        [sys.executable, "-m", "secretariat.cli", *args],
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert result.returncode == 0, result.stderr[-2000:]
    return result


@pytest.fixture(scope="module")
def loaded(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    database = tmp_path_factory.mktemp("cis") / "cis.sqlite3"
    _run(database, "migrate", "--noinput", "-v0")
    first = _run(database, "load-dataset", "cis")
    again = _run(database, "load-dataset", "cis")
    answer = _run(database, "shell", "-c", QUERY)
    facts: dict[str, Any] = json.loads(answer.stdout.strip().splitlines()[-1])
    facts["first_load"] = first.stdout
    facts["second_load"] = again.stdout
    return facts


def test_the_dataset_loads_and_a_second_load_changes_nothing(loaded: dict[str, Any]) -> None:
    assert "records created or corrected" in loaded["first_load"]
    assert "already up to date, nothing changed" in loaded["second_load"]
    assert loaded["acronym"] == ["CIS", "СНГ"]


def test_georgia_joins_in_december_1993_and_leaves_twelve_months_after_its_note(
    loaded: dict[str, Any],
) -> None:
    # Note received by the Executive Committee on 18 August 2008; out on 18 August 2009.
    assert loaded["georgia"] == ["none", "member", "withdrawn"]
    assert "GE" in loaded["members_2008"]
    assert "GE" not in loaded["members_2010"]
    # Ten members: Turkmenistan has been an associate member since 26 August 2005.
    assert len(loaded["members_2010"]) == 10
    assert "TM" not in loaded["members_2010"]


def test_ukraine_recalled_its_representatives_without_leaving(loaded: dict[str, Any]) -> None:
    # Decree No. 139 of 19 May 2018: a freeze by the state itself, still counted as a member.
    assert loaded["ukraine"] == ["member", "frozen"]


def test_chairs_follow_the_sources_and_unknown_years_stay_empty(loaded: dict[str, Any]) -> None:
    assert loaded["chair_2016"] == ["KG", "Алмазбек Атамбаев"]
    assert loaded["chair_2026"] == ["TM", "Сердар Бердымухамедов"]
    assert loaded["chair_2003"] == ["UA", "Леонид Кучма"]  # the Kyiv decision of 29 January 2003
    assert loaded["chair_2008"] is None  # no source names the chair between Kazan 2005 and 2012
    assert loaded["secretary_2010"] == "Сергей Лебедев"


def test_payment_union_enters_into_force_for_each_state_on_the_executive_committees_dates(
    loaded: dict[str, Any],
) -> None:
    # zaki.ru/pagesnew.php?id=57943 (status as of 10 January 2011), "Вступило в силу для государств".
    union = loaded["payment_union"]
    assert union["entry_into_force"] == "1995-09-25"
    assert union["states"] == {
        "BY": "1995-09-25",
        "UZ": "1995-09-25",
        "MD": "1995-09-25",
        "KZ": "1995-10-30",
        "KG": "1995-12-28",
        "AM": "1996-02-12",
        "RU": "1997-01-23",
        "TJ": "2001-10-23",
        "AZ": None,
        "GE": None,
        "TM": None,
        "UA": None,
    }


def test_industrial_accidents_agreement_per_state_dates(loaded: dict[str, Any]) -> None:
    # zaki.ru/pagesnew.php?id=57929: in force 10 March 1995, Moldova 12 December 1997.
    accidents = loaded["industrial_accidents"]
    assert accidents["entry_into_force"] == "1995-03-10"
    assert accidents["states"]["AM"] == "1995-03-10"
    assert accidents["states"]["KZ"] == "1996-11-12"
    assert accidents["states"]["MD"] == "1997-12-12"
    assert accidents["states"]["TJ"] == "2001-07-11"


def test_copyright_agreement_matches_wipo_lex_state_by_state(loaded: dict[str, Any]) -> None:
    # WIPO Lex, treaty 377: each state's date in force; Georgia acceded before 6 May 1995.
    copyright_ = loaded["copyright"]
    assert copyright_["entry_into_force"] == "1995-05-06"
    assert copyright_["states"] == {
        "KZ": "1995-05-06",
        "RU": "1995-05-06",
        "GE": "1995-05-06",
        "UZ": "1995-05-06",
        "UA": "1995-06-27",
        "KG": "1995-12-28",
        "AM": "1996-02-12",
        "AZ": "1996-04-05",
        "TJ": "1997-05-07",
        "BY": "1997-12-04",
        "MD": "1999-05-09",
        "TM": None,
    }


def test_charter_in_force_a_year_after_adoption_and_for_moldova_from_june_1994(
    loaded: dict[str, Any],
) -> None:
    charter = loaded["charter"]
    assert charter["entry_into_force"] == "1994-01-22"
    assert charter["states"]["MD"] == "1994-06-27"
    assert charter["states"]["RU"] is None  # ratified in April 1993; its deposit is no record


def test_every_record_of_every_file_names_its_sources() -> None:
    def walk(node: Any, where: str) -> list[str]:
        missing = []
        if isinstance(node, dict):
            facts = [
                key
                for key in ("date", "start", "requested_on", "adopted_on")
                if ISO_DAY.fullmatch(str(node.get(key)))
            ]
            # A declared date of entry into force carries its source inside its reason.
            declared = where.endswith(".declared") and "http" in str(node.get("reason"))
            if facts and not declared and not (node.get("source") or node.get("sources")):
                missing.append(where)
            for key, value in node.items():
                missing += walk(value, f"{where}.{key}")
        elif isinstance(node, list):
            for position, value in enumerate(node):
                missing += walk(value, f"{where}[{position}]")
        return missing

    unsourced = []
    for path in sorted(CIS.glob("*.json")):
        unsourced += walk(json.loads(path.read_text(encoding="utf-8")), path.name)
    # Acts inherit nothing: each act, report, event, term and session carries its own sources.
    assert unsourced == []


def test_every_english_text_has_its_russian_beside_it() -> None:
    # The depositary's import format keeps notes in English only, as the CSTO's does.
    def walk(node: Any, where: str, notes: bool) -> list[str]:
        missing = []
        if isinstance(node, dict):
            for key, value in node.items():
                if not isinstance(value, str) or not value.strip():
                    continue
                if key.endswith("_en"):
                    partner = key[: -len("_en")] + "_ru"
                elif key in ("note", "person", "on_behalf_of", "legal_basis") and notes:
                    partner = f"{key}_ru"
                else:
                    continue
                if not str(node.get(partner) or "").strip():
                    missing.append(f"{where}.{partner}")
            for key, value in node.items():
                missing += walk(value, f"{where}.{key}", notes)
        elif isinstance(node, list):
            for position, value in enumerate(node):
                missing += walk(value, f"{where}[{position}]", notes)
        return missing

    missing = []
    for path in sorted(CIS.glob("*.json")):
        document = json.loads(path.read_text(encoding="utf-8"))
        missing += walk(document, path.name, notes=path.name != "depositary.json")
    assert missing == []

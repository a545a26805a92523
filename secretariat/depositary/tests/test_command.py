"""`secretariat depositary import|status|export`: the command line and the JSON format."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from secretariat.core.testing import journal_size
from secretariat.depositary.models import Act, Instrument

FILES = Path(__file__).resolve().parent / "files"


def run(*args: str) -> tuple[str, str]:
    out, err = io.StringIO(), io.StringIO()
    call_command("depositary", *args, stdout=out, stderr=err)
    return out.getvalue(), err.getvalue()


def test_status_of_a_file_without_importing_it(db):
    out, _ = run("status", str(FILES / "att.json"), "--as-of", "2015-01-01", "--json")
    body = json.loads(out)

    states = {s["state"]: s for s in body["states"]}
    assert body["entry_into_force"] == "2013-11-10"
    assert body["completed_by"]["state"] == "AG"
    assert states["AR"]["in_force_from"] == "2013-11-10"  # deposited before entry into force
    assert states["BS"]["in_force_from"] == "2014-12-24"  # own deposit + 90 days
    assert states["US"]["standing"] == "signatory"
    assert not Instrument.objects.filter(code="att-sample").exists()


def test_status_as_text_and_of_a_stored_instrument(db):
    out, _ = run("status", "cst-1992", "--as-of", "2011-08-12")

    assert out.startswith("cst-1992 as of 2011-08-12: in force since 1994-04-20")
    assert "AZ  withdrawn" in out


def test_every_error_of_a_file_is_reported_with_its_json_path_and_nothing_is_written(db):
    before = (journal_size(), Act.objects.count())
    err = io.StringIO()
    with pytest.raises(CommandError, match="nothing was written"):
        call_command("depositary", "import", str(FILES / "broken.json"), stderr=err)
    text = err.getvalue()
    for path in (
        "$.code",
        "$.title_en",
        "$.final_clauses.entry_into_force.timing.days",
        "$.acts[1].kind",
        "$.acts[2].date",
    ):
        assert path in text, text
    assert (journal_size(), Act.objects.count()) == before


def test_unknown_states_and_impossible_acts_are_reported_with_their_path(db, tmp_path):
    document = json.loads((FILES / "att.json").read_text())
    document["acts"][0]["state"] = "Atlantis"
    document["acts"].append(
        {
            "state": "IS",
            "kind": "revocation",
            "date": "2020-01-01",
            "revokes": {"kind": "accession", "date": "2013-07-02"},
        }
    )
    path = tmp_path / "bad.json"
    path.write_text(json.dumps(document))
    err = io.StringIO()

    with pytest.raises(CommandError):
        call_command("depositary", "import", str(path), stderr=err)

    assert "$.acts[0].state: unknown state 'Atlantis'" in err.getvalue()
    assert "$.acts[8].revokes: no earlier accession of IS dated 2013-07-02" in err.getvalue()


def test_import_stores_through_the_services_and_a_second_import_changes_nothing(db):
    out, _ = run("import", str(FILES / "att.json"))
    assert "instruments.created 1" in out
    assert Act.objects.filter(instrument_id="att-sample").count() == 8
    before = journal_size()

    out, _ = run("import", str(FILES / "att.json"))

    assert "acts.unchanged 8" in out
    assert journal_size() == before


def test_export_writes_what_import_reads(db, tmp_path):
    out, _ = run("export", "charter-2002")
    exported = tmp_path / "charter.json"
    exported.write_text(out)

    status, _ = run("status", str(exported), "--as-of", "2011-08-12", "--json")

    assert json.loads(status)["entry_into_force"] == "2003-09-18"


def test_the_schema_is_printed(db):
    out, _ = run("schema")
    assert json.loads(out)["$schema"].startswith("https://json-schema.org/")

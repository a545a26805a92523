"""The commands: screen (one name, JSON, batch), entrybans import/export/expire; and the
in-memory index refreshing across processes when the register changes."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from secretariat.entrybans import registry, services
from secretariat.entrybans.models import AccessLog, Listing, RegisterVersion
from secretariat.entrybans.screening.records import make_query
from secretariat.entrybans.tests.conftest import BORIS, listing_record


def run(*args: str, stdin: str | None = None) -> str:
    out = io.StringIO()
    if stdin is not None:
        import sys

        old = sys.stdin
        sys.stdin = io.StringIO(stdin)
        try:
            call_command(*args, stdout=out)
        finally:
            sys.stdin = old
    else:
        call_command(*args, stdout=out)
    return out.getvalue()


@pytest.mark.django_db
def test_screen_prints_json_with_the_hit_and_logs_it():
    before = AccessLog.objects.count()
    out = json.loads(run("screen", "Hayk Orinakyan", "--birth-date", "1979-07-30", "--json"))
    assert out["hits"][0]["reference"] == "DEMO-AM-0001"
    assert out["hits"][0]["decision"] == "hit"
    assert AccessLog.objects.count() == before + 1


@pytest.mark.django_db
@pytest.mark.parametrize("workers", ["1", "2", "3"])
def test_screen_batch_reads_and_writes_json_lines(workers):
    lines = '{"name": "Azamat Namunaev", "birth_date": "1982-02-14"}\n{"name": "Nobody Known"}\n'
    before = AccessLog.objects.count()
    text = run("screen", "--batch", "-", "--workers", workers, stdin=lines)
    out = [json.loads(line) for line in text.splitlines()]
    assert [len(o["hits"]) for o in out] == [1, 0]
    assert out[0]["hits"][0]["reference"] == "DEMO-TJ-0001"
    assert AccessLog.objects.count() == before + 2  # one row per query, whoever screened it


@pytest.mark.django_db
def test_a_batch_shared_among_processes_answers_as_one_process_in_the_order_read():
    names = ["Hayk Orinakyan", "Nobody Known", "Azamat Namunaev", "Orinakyan Hayk", "Ivan Ivanov"]
    lines = "".join(json.dumps({"name": n}) + "\n" for n in names * 7)
    one = run("screen", "--batch", "-", "--workers", "1", stdin=lines)
    two = run("screen", "--batch", "-", "--workers", "2", stdin=lines)
    assert one == two
    assert [json.loads(line)["query"] for line in two.splitlines()] == names * 7


def run_until_refused(*args: str, stdin: str) -> tuple[list[dict], str]:
    """Run a command that stops with an error: what it wrote before, and the error."""
    import sys

    out, old = io.StringIO(), sys.stdin
    sys.stdin = io.StringIO(stdin)
    try:
        with pytest.raises(CommandError) as refused:
            call_command(*args, stdout=out)
    finally:
        sys.stdin = old
    return [json.loads(line) for line in out.getvalue().splitlines()], str(refused.value)


NAMES = ["Hayk Orinakyan", "Ivan Ivanov", "Azamat Namunaev", "Nobody Known", "Orinakyan Hayk"]


@pytest.mark.django_db
@pytest.mark.parametrize("workers", ["1", "2"])
def test_a_bad_line_stops_the_batch_after_every_chunk_before_it_is_answered_and_logged(
    monkeypatch, workers
):
    from secretariat.entrybans.management.commands import screen

    monkeypatch.setattr(screen, "CHUNK", 2)
    before = AccessLog.objects.count()
    lines = "".join(json.dumps({"name": n}) + "\n" for n in NAMES) + "not json\n"
    written, error = run_until_refused("screen", "--batch", "-", "--workers", workers, stdin=lines)
    assert error == "line 6: not a JSON object"
    # Chunks of two: lines 1-4 were answered; line 5 waited for its chunk to fill.
    assert [w["query"] for w in written] == NAMES[:4]
    assert written[0]["hits"][0]["reference"] == "DEMO-AM-0001"
    assert AccessLog.objects.count() == before + 4


@pytest.mark.django_db
@pytest.mark.parametrize("workers", ["1", "2"])
def test_a_refused_chunk_writes_and_logs_nothing_of_its_own(monkeypatch, workers):
    from secretariat.entrybans.management.commands import screen

    monkeypatch.setattr(screen, "CHUNK", 2)
    before = AccessLog.objects.count()
    names = [*NAMES[:3], "", *NAMES[3:]]  # the fourth has no name: its chunk is refused
    lines = "".join(json.dumps({"name": n}) + "\n" for n in names)
    written, error = run_until_refused("screen", "--batch", "-", "--workers", workers, stdin=lines)
    assert error == "give a name to screen"
    assert [w["query"] for w in written] == NAMES[:2]
    assert AccessLog.objects.count() == before + 2


@pytest.mark.django_db
def test_a_batch_screened_but_never_read_is_logged_all_the_same():
    from secretariat.entrybans.tests.conftest import KAIR

    query = registry.NameQuery
    batches = [[query("Hayk Orinakyan")], [query("Ivan Ivanov"), query("Nobody Known")]]
    before = AccessLog.objects.count()
    with registry.BatchWorkers(2) as workers:
        stream = registry.screen_batches(KAIR, batches, workers=workers)
        batch, answers = next(stream)  # the second batch is being screened meanwhile
        assert batch == batches[0] and answers[0][0]["reference"] == "DEMO-AM-0001"
        stream.close()  # the reader stops here
    assert AccessLog.objects.count() == before + 3


@pytest.mark.django_db
def test_a_batch_needs_at_least_one_worker():
    with pytest.raises(CommandError, match="--workers"):
        run("screen", "--batch", "-", "--workers", "0", stdin="")


@pytest.mark.django_db
def test_screen_refuses_a_bad_birth_date():
    with pytest.raises(CommandError, match="YYYY"):
        run("screen", "Hayk Orinakyan", "--birth-date", "30.07.1979")


@pytest.mark.django_db
def test_import_of_followthemoney_lines_enters_listings_and_a_bad_file_writes_nothing(
    tmp_path: Path,
):
    export = run("entrybans", "export", "--state", "RU")
    assert '"schema": "Person"' in export
    changed = export.replace("DEMO-RU-0001", "FTM-RU-0001")
    path = tmp_path / "ru.jsonl"
    path.write_text(changed, encoding="utf-8")
    assert "created 1" in run("entrybans", "import", str(path))
    assert Listing.objects.get(reference="FTM-RU-0001").surname == "Вымыслов"
    assert "unchanged 1" in run("entrybans", "import", str(path))
    broken = tmp_path / "broken.jsonl"
    broken.write_text(
        changed.replace("FTM-RU-0001", "FTM-RU-0002").replace(
            '"program": ["serious_crime"]', '"program": ["whim"]'
        ),
        encoding="utf-8",
    )
    with pytest.raises(CommandError, match="ground must be one of"):
        run("entrybans", "import", str(broken))
    assert not Listing.objects.filter(reference="FTM-RU-0002").exists()


@pytest.mark.django_db
def test_expire_runs_as_of_a_date():
    out = run("entrybans", "expire", "--today", "2040-01-01")
    assert "deleted" in out
    assert not Listing.objects.filter(reference__startswith="DEMO-", status="active").exists()


@pytest.mark.django_db
def test_expire_escalates_a_purpose_notice_left_unanswered():
    import datetime as dt

    from secretariat.entrybans.tests.conftest import ANNA

    notice = services.notify_purpose_achieved(
        ANNA, reference="DEMO-BY-0001", reason="Decision annulled", today=dt.date(2026, 7, 1)
    )
    assert "notices escalated 0" in run("entrybans", "expire", "--today", "2026-07-16")
    out = run("entrybans", "expire", "--today", "2026-07-17")
    assert "notices escalated 1" in out and "hit reports escalated 0" in out
    notice.refresh_from_db()
    assert notice.escalated_on == dt.date(2026, 7, 17)


def _screened(name: str) -> list[str]:
    return [r.entry_id for r in registry.current_index().screen(make_query(name), "border")]


def test_every_process_sees_a_change_before_its_next_screening(csto_committed, monkeypatch):
    # The demonstration register is small: let replaced entries pile up without a rebuild.
    monkeypatch.setattr(registry, "REBUILD_DEAD_SHARE", 1.0)
    first = registry.current_index()
    assert registry.current_index() is first  # unchanged register: the index is reused
    record = listing_record(reference="PROC-BY-1")
    services.enter_listing(BORIS, **record)
    # Another process bumped the version: this process's next call brings its index up to date
    # in place, from the changed listing alone.
    second = registry.current_index()
    assert second is first
    assert second.version == RegisterVersion.objects.get(pk=1).number
    assert Listing.objects.get(reference="PROC-BY-1").register_version == second.version
    latin = f"{record['given_names_latin']} {record['surname_latin']}"
    assert "PROC-BY-1" in _screened(latin)
    # A change of name replaces the entry: the old name no longer finds it, the new one does.
    services.enter_listing(BORIS, **{**record, "surname": "Зайцев", "surname_latin": "Zaitsau"})
    assert "PROC-BY-1" not in _screened(latin)
    assert "PROC-BY-1" in _screened(f"{record['given_names_latin']} Zaitsev")
    services.delete_listing(BORIS, reference="PROC-BY-1", reason="Decision annulled")
    assert "PROC-BY-1" not in _screened(f"{record['given_names_latin']} Zaitsev")
    assert registry.current_index() is first
    assert len(first) == Listing.objects.exclude(status="deleted").count()


def test_a_register_reset_below_the_index_version_rebuilds_it(csto_committed):
    first = registry.current_index()
    RegisterVersion.objects.filter(pk=1).update(number=0)  # a restore of an older backup
    rebuilt = registry.current_index()
    assert rebuilt is not first and rebuilt.version == 0


def test_an_index_full_of_replaced_entries_is_rebuilt(csto_committed):
    first = registry.current_index()
    live = len(first)
    for n in range(3):
        services.enter_listing(BORIS, **listing_record(reference=f"PROC-BY-{n}"))
    # Three changed listings of a register of a few: more than a fifth, so a rebuild.
    assert registry.REBUILD_DEAD_SHARE * live < 3
    rebuilt = registry.current_index()
    assert rebuilt is not first
    assert rebuilt.dead_share == 0 and len(rebuilt) == live + 3

"""The compiled screening kernel (kernel.py): records that cross to batch workers pickle in either
build, and a kernel built from older sources never runs. No database."""

from __future__ import annotations

import pickle
import shutil
import subprocess
import sys
from pathlib import Path

from secretariat.entrybans.screening import kernel
from secretariat.entrybans.screening.index import ScreeningIndex
from secretariat.entrybans.screening.records import (
    MisuseRecord,
    PartialDate,
    make_entry,
    make_name,
    make_query,
)

SCREENING = Path(kernel.__file__).resolve().parent


def _round_trip(record: object) -> object:
    # Our own bytes, as the batch workers' pool sends them: never data from outside.
    return pickle.loads(pickle.dumps(record))  # noqa: S301


def test_queries_entries_and_results_survive_a_trip_to_a_worker_and_back():
    query = make_query(
        "Ivanov Ivan Petrovich", birth_date="1970-03", nationality="ru", documents=["AB 12"]
    )
    misuse = MisuseRecord(PartialDate(1971, 2, 3), "BY", frozenset({"X1"}))
    entry = make_entry(
        "E1",
        [make_name(surname="Иванов", given="Иван", patronymic="Петрович")],
        birth_dates=["1970-03-14"],
        misuse=[misuse],
        payload={"action": "refuse entry"},
    )
    (result,) = ScreeningIndex([entry]).screen(query, "border")
    for record in (query, entry, result, misuse):
        copy = _round_trip(record)
        assert copy == record
        assert type(copy) is type(record)
    assert _round_trip(result).tokens == result.tokens  # type: ignore[attr-defined]
    assert _round_trip(entry).payload == {"action": "refuse entry"}  # type: ignore[attr-defined]


def test_the_digest_covers_every_kernel_source(tmp_path):
    for module in kernel.KERNEL_MODULES:
        shutil.copy(SCREENING / f"{module}.py", tmp_path / f"{module}.py")
    original = kernel.source_digest(tmp_path)
    assert original == kernel.source_digest(SCREENING)
    for module in kernel.KERNEL_MODULES:
        source = tmp_path / f"{module}.py"
        text = source.read_text()
        source.write_text(text + "\n# edited\n")
        assert kernel.source_digest(tmp_path) != original, module
        source.write_text(text)


def _load_in_a_copy(
    tmp_path: Path, edit: str | None, switch: bool = False
) -> subprocess.CompletedProcess[str]:
    """Copy the package's screening folder (compiled files too, when the install built them)
    into a fresh tree, optionally edit one source, and ask a new interpreter what runs."""
    package = tmp_path / "secretariat" / "entrybans" / "screening"
    shutil.copytree(SCREENING, package, ignore=shutil.ignore_patterns("__pycache__"))
    for folder in (package.parent.parent, package.parent):
        (folder / "__init__.py").write_text("")
    if edit is not None:
        source = package / f"{edit}.py"
        source.write_text(source.read_text() + "\n# edited after the build\n")
    probe = (
        "from secretariat.entrybans.screening import kernel, index, records, score\n"
        "print(kernel.running(), index.__file__.endswith('.py'), records.__file__.endswith('.py'))"
    )
    env = {"PYTHONPATH": str(tmp_path), "PATH": "/usr/bin:/bin"}
    if switch:
        env[kernel.SOURCES_SWITCH] = "1"
    return subprocess.run(
        [sys.executable, "-c", probe],
        cwd=tmp_path,
        env=env,
        capture_output=True,
        text=True,
        check=True,
    )


def test_a_current_kernel_runs_as_built(tmp_path):
    built = kernel.is_current(SCREENING)
    stale = bool(kernel.compiled_files(SCREENING)) and not built  # sources edited since
    done = _load_in_a_copy(tmp_path, edit=None)
    expected = "compiled False False" if built else "source True True"
    assert done.stdout.split("\n")[0] == expected
    assert ("not built from the current sources" in done.stderr) == stale
    # This process runs what the install built: compiled exactly when the kernel is current.
    assert kernel.running() == ("compiled" if built else "source")


def test_an_edited_source_makes_every_kernel_module_run_from_source(tmp_path):
    compiled_present = bool(kernel.compiled_files(SCREENING))
    done = _load_in_a_copy(tmp_path, edit="names")
    assert done.stdout.split("\n")[0] == "source True True"
    # The warning says why, when there was a compiled kernel to set aside.
    assert ("not built from the current sources" in done.stderr) == compiled_present


def test_a_missing_digest_sets_a_compiled_kernel_aside(tmp_path):
    done = _load_in_a_copy(tmp_path, edit=None)
    package = tmp_path / "secretariat" / "entrybans" / "screening"
    (package / kernel.DIGEST_FILE).unlink(missing_ok=True)
    again = subprocess.run(
        [
            sys.executable,
            "-c",
            "from secretariat.entrybans.screening import kernel; print(kernel.running())",
        ],
        cwd=tmp_path,
        env={"PYTHONPATH": str(tmp_path), "PATH": "/usr/bin:/bin"},
        capture_output=True,
        text=True,
        check=True,
    )
    assert done.returncode == 0
    assert again.stdout.strip() == "source"


def test_the_switch_runs_the_sources_without_a_warning(tmp_path):
    done = _load_in_a_copy(tmp_path, edit=None, switch=True)
    assert done.stdout.split("\n")[0] == "source True True"
    assert "not built from the current sources" not in done.stderr

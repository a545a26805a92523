"""Long commands in a pipe print only their machine-readable lines; on a terminal they show a
progress bar and a summary table. Run as real processes: a pipe, then a pseudo-terminal."""

from __future__ import annotations

import json
import os
import pty
import re
import subprocess
import sys
from pathlib import Path

import pytest

ESCAPE = "\x1b"
BAR_OR_BOX = re.compile("[━─│┃╭╮╰╯┏┓┗┛]")


@pytest.fixture(scope="module")
def data_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    directory = tmp_path_factory.mktemp("progress")
    run(directory, "migrate", "--verbosity", "0")
    return directory


def environment(directory: Path) -> dict[str, str]:
    unwanted = ("DATABASE_URL", "SECRET_KEY", "DEBUG", "FORCE_COLOR", "FORCE_TERMINAL")
    env = {k: v for k, v in os.environ.items() if k not in unwanted}
    env["SECRETARIAT_DATA_DIR"] = str(directory)
    env["TERM"] = "xterm-256color"
    return env


def run(directory: Path, *args: str, stdin: str = "") -> subprocess.CompletedProcess[str]:
    result = subprocess.run(
        [sys.executable, "-m", "secretariat.cli", *args],
        env=environment(directory),
        input=stdin,
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    return result


def run_on_a_terminal(directory: Path, *args: str) -> str:
    """What a person sees: stdout and stderr on one pseudo-terminal."""
    primary, secondary = pty.openpty()
    process = subprocess.Popen(
        [sys.executable, "-m", "secretariat.cli", *args],
        env={**environment(directory), "COLUMNS": "100"},
        stdin=secondary,
        stdout=secondary,
        stderr=secondary,
    )
    os.close(secondary)
    seen = b""
    while True:
        try:
            chunk = os.read(primary, 65536)
        except OSError:  # the terminal is gone: the process has exited
            break
        if not chunk:
            break
        seen += chunk
    os.close(primary)
    assert process.wait(timeout=600) == 0, seen.decode(errors="replace")
    return seen.decode(errors="replace")


def test_load_dataset_in_a_pipe_prints_only_its_counts(data_dir: Path) -> None:
    result = run(data_dir, "load-dataset", "csto")
    assert result.stderr == ""
    assert ESCAPE not in result.stdout and not BAR_OR_BOX.search(result.stdout)
    *counts, verdict = result.stdout.splitlines()
    assert counts and all(re.fullmatch(r"  [\w.]+: \d+", line) for line in counts), counts
    assert re.fullmatch(r"dataset csto: \d+ records created or corrected", verdict)


def test_load_dataset_on_a_terminal_shows_a_bar_and_a_table(data_dir: Path) -> None:
    seen = run_on_a_terminal(data_dir, "load-dataset", "csto")
    assert "loading" in seen and ESCAPE in seen  # the bar, drawn and redrawn
    assert BAR_OR_BOX.search(seen)
    assert "already up to date" in seen and "states.unchanged" in seen


def test_backup_in_a_pipe_is_one_line(data_dir: Path, tmp_path: Path) -> None:
    result = run(data_dir, "backup", str(tmp_path / "copy.sqlite3"))
    assert result.stderr == "" and ESCAPE not in result.stdout
    assert re.fullmatch(r"backup \(sqlite\) of sqlite database .+ head \w+.*\n", result.stdout)


def test_batch_screening_in_a_pipe_is_json_lines_only(data_dir: Path) -> None:
    queries = "".join(json.dumps({"name": name}) + "\n" for name in ["Ivan Petrov", "Anna Ivanova"])
    result = run(data_dir, "screen", "--batch", "-", "--workers", "1", stdin=queries)
    assert result.stderr == ""
    lines = [json.loads(line) for line in result.stdout.splitlines()]
    assert [line["query"] for line in lines] == ["Ivan Petrov", "Anna Ivanova"]

"""The `secretariat` console command itself (no database): how it ends when its reader goes."""

from __future__ import annotations

import subprocess
import sys

# The command's stdout is a pipe whose reader has already gone (`secretariat … | head` once head
# has read what it wanted).
CLOSED_READER = """
import os
read_end, write_end = os.pipe()
os.close(read_end)
os.dup2(write_end, 1)
from secretariat.cli import main
main(["secretariat", "help"])
"""


def test_a_reader_that_goes_away_ends_the_command_quietly():
    done = subprocess.run(
        [sys.executable, "-c", CLOSED_READER], capture_output=True, text=True, timeout=60
    )
    assert done.returncode == 1
    assert "Traceback" not in done.stderr
    assert "Exception ignored" not in done.stderr


def test_the_command_lists_its_subcommands():
    done = subprocess.run(
        [sys.executable, "-c", "from secretariat.cli import main; main(['secretariat', 'help'])"],
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
    )
    assert "screen" in done.stdout and "load_dataset" in done.stdout

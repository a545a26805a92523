"""Progress and final summaries of long commands: bars on a terminal, plain lines in a pipe.

Use `progress_for(command)` around the work of a management command (import, batch screening,
dataset load, backup, restore) and `summary(command, title, rows)` for its result:

- on a terminal, a progress bar (on stderr) shows each stage as it runs, and the summary is a table;
- in a pipe or a file, no bar, no colour, no escape code: stdout holds exactly the `key: value`
  lines (or the JSON) a script reads, as before, and stderr stays empty unless something fails.

Built on rich, which decides what a terminal is (isatty, TERM=dumb, NO_COLOR, FORCE_COLOR) as other
command-line tools do.
"""

from __future__ import annotations

import sys
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any, TextIO

from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table


def is_terminal(stream: Any) -> bool:
    return Console(file=stream).is_terminal


class Tracker:
    """How far a command is: one bar, its description naming the current stage."""

    def __init__(self, bar: Progress | None, task: Any = None) -> None:
        self._bar = bar
        self._task = task
        self._in_stage = False

    @property
    def shown(self) -> bool:
        return self._bar is not None

    def stage(self, description: str) -> None:
        """A new stage begins: the one before it counts as done."""
        if self._bar is None:
            return
        self._bar.update(self._task, description=description, advance=1 if self._in_stage else 0)
        self._in_stage = True

    def reached(self, done: int, total: int) -> None:
        """`done` of `total` (a copy that reports pages left)."""
        if self._bar is not None:
            self._bar.update(self._task, total=total, completed=done)

    def advance(self, amount: int = 1, total: int | None = None) -> None:
        if self._bar is not None:
            self._bar.update(self._task, total=total, advance=amount)


@contextmanager
def progress_for(
    description: str, total: int | None, stderr: TextIO | None = None
) -> Iterator[Tracker]:
    """A bar on `stderr` (the process's by default) when it is a terminal; else nothing."""
    stream = stderr if stderr is not None else sys.stderr
    console = Console(file=stream)
    if not console.is_terminal:
        yield Tracker(None)
        return
    bar = Progress(
        TextColumn("{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
        console=console,
    )
    with bar:
        task = bar.add_task(description, total=total)
        yield Tracker(bar, task)
        bar.update(task, completed=bar.tasks[0].total or bar.tasks[0].completed)


def summary(stdout: Any, title: str, rows: list[tuple[str, Any]], plain: list[str]) -> None:
    """The result: a table on a terminal; in a pipe, the `plain` lines, exactly as given."""
    if not stdout.isatty():
        for line in plain:
            stdout.write(line)
        return
    table = Table(title=title, show_header=False, title_justify="left")
    table.add_column(style="bold")
    table.add_column(justify="right")
    for key, value in rows:
        table.add_row(str(key), str(value))
    console = Console(file=getattr(stdout, "_out", stdout))
    console.print(table)


def summary_on_terminal(title: str, rows: list[tuple[str, Any]], stderr: Any = None) -> None:
    """A closing table on stderr when it is a terminal, for commands whose stdout is their data
    (JSON lines): in a pipe nothing is added anywhere."""
    console = Console(file=stderr if stderr is not None else sys.stderr)
    if not console.is_terminal:
        return
    table = Table(title=title, show_header=False, title_justify="left")
    table.add_column(style="bold")
    table.add_column(justify="right")
    for key, value in rows:
        table.add_row(str(key), str(value))
    console.print(table)

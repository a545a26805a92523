"""`secretariat load-dataset csto [--file PATH]`: load (or re-load, idempotently) a dataset."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.utils.translation import gettext as _

from secretariat.core.progress import progress_for, summary
from secretariat.datasets.loader import STAGES, DatasetError, load_dataset


class Command(BaseCommand):
    help = "Load an organization's dataset through the journaled services (idempotent)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("name", help="dataset name, e.g. csto")
        parser.add_argument(
            "--file", type=Path, help="load this JSON file instead of the packaged one"
        )

    def handle(self, *args: Any, **options: Any) -> None:
        try:
            with progress_for(_("loading the dataset"), len(STAGES)) as bar:

                def began(stage: str) -> None:
                    bar.stage(_("loading: %(part)s") % {"part": stage.replace("_", " ")})

                counts = load_dataset(options["name"], options["file"], on_stage=began)
        except DatasetError as exc:
            raise CommandError(f"dataset not loaded, nothing written: {exc}") from None
        changed = sum(n for key, n in counts.items() if not key.endswith(".unchanged"))
        verdict = (
            f"dataset {options['name']}: {changed} records created or corrected"
            if changed
            else f"dataset {options['name']}: already up to date, nothing changed"
        )
        summary(
            self.stdout,
            verdict,
            [(key, counts[key]) for key in sorted(counts)],
            [*(f"  {key}: {counts[key]}" for key in sorted(counts)), verdict],
        )

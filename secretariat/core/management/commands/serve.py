"""`secretariat serve`: prepare everything, then run the portal under gunicorn.

On every start it compiles the catalogs, migrates, collects static files and, when the database has
no organization yet, loads the configured dataset. Later starts find all of it done and only serve.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import Any

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandParser

from secretariat.core import registry
from secretariat.core.management.commands.compile_catalogs import compile_catalogs


class Command(BaseCommand):
    help = "Migrate, load the dataset on first start, and serve with gunicorn."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--bind", default=os.environ.get("BIND", "127.0.0.1:8000"))
        parser.add_argument(
            "--workers", type=int, default=int(os.environ.get("WEB_CONCURRENCY", "3"))
        )
        parser.add_argument(
            "--no-prepare", action="store_true", help="skip migrate/collectstatic/load"
        )

    def handle(self, *args: Any, **options: Any) -> None:
        if not options["no_prepare"]:
            self.prepare()
        self.stdout.write(f"serving on http://{options['bind']}/ (DEBUG={settings.DEBUG})")
        self.stdout.flush()
        argv = [
            sys.executable,
            "-m",
            "gunicorn",
            "secretariat.config.wsgi:application",
            "--bind",
            options["bind"],
            "--workers",
            str(options["workers"]),
            "--access-logfile",
            "-",
            "--forwarded-allow-ips",
            os.environ.get("FORWARDED_ALLOW_IPS", "127.0.0.1"),
            # The application, and the screening index with it, is loaded once in the parent
            # process and shared by the workers (config/wsgi.py, registry.warm).
            "--preload",
        ]
        os.environ["SECRETARIAT_PRELOAD_SCREENING"] = "1"
        os.execv(sys.executable, argv)  # noqa: S606 - replace this process with the server

    def prepare(self) -> None:
        compile_catalogs()
        call_command("migrate", interactive=False, verbosity=0)
        call_command("collectstatic", interactive=False, verbosity=0)
        if not registry.dataset_loaded():
            self.stdout.write(f"first start: loading the {settings.SECRETARIAT_DATASET} dataset")
            directory = getattr(settings, "SECRETARIAT_DATASET_DIR", "")
            where = {"file": Path(directory) / "members.json"} if directory else {}
            call_command("load_dataset", settings.SECRETARIAT_DATASET, **where)

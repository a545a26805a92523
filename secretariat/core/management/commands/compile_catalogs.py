"""`secretariat compile-catalogs`: build the .mo files from the .po catalogs, in pure Python.

Django's own compilemessages needs GNU gettext's msgfmt; polib does the same job, so a fresh
machine with only Python can build the Russian interface.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import polib
from django.conf import settings
from django.core.management.base import BaseCommand


def catalog_files() -> list[Path]:
    """The project-wide catalogs (LOCALE_PATHS) and each app's own (<app>/locale)."""
    found: list[Path] = []
    for directory in settings.LOCALE_PATHS:
        found.extend(Path(directory).glob("*/LC_MESSAGES/*.po"))
    found.extend(Path(settings.PACKAGE_DIR).glob("*/locale/*/LC_MESSAGES/*.po"))
    return sorted(set(found))


def compile_catalogs() -> list[Path]:
    built = []
    for po_path in catalog_files():
        mo_path = po_path.with_suffix(".mo")
        if mo_path.exists() and mo_path.stat().st_mtime >= po_path.stat().st_mtime:
            continue
        polib.pofile(str(po_path)).save_as_mofile(str(mo_path))
        built.append(mo_path)
    return built


class Command(BaseCommand):
    help = "Compile the translation catalogs (.po to .mo) without GNU gettext."

    def handle(self, *args: Any, **options: Any) -> None:
        built = compile_catalogs()
        self.stdout.write(f"compiled {len(built)} catalog(s)" if built else "catalogs up to date")

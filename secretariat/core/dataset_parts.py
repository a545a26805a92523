"""Reading an app's part of a dataset (`<dataset>/<app>.json`), for the apps' `dataset` modules.

Here rather than in `secretariat.datasets`, which stands above the apps and calls them.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from secretariat.core.domain.errors import RuleViolation


def read_part(directory: Path, name: str) -> dict[str, Any] | None:
    path = directory / name
    if not path.is_file():
        return None
    document = json.loads(path.read_text(encoding="utf-8"))
    if not isinstance(document, dict):
        raise RuleViolation(f"{name}: the top level must be an object")
    return document


def sourcing(record: dict[str, Any]) -> dict[str, Any]:
    sources = record.get("source", record.get("sources", []))
    return {
        "sources": [sources] if isinstance(sources, str) else list(sources),
        "uncertain": bool(record.get("uncertain", False)),
        "note": str(record.get("note") or ""),
        "note_ru": str(record.get("note_ru") or ""),
    }

"""Loads this app's part of an organization's dataset (called by secretariat.datasets.loader).

`datasets/<name>/depositary.json` is in the depositary's own import format
(secretariat-depositary/1), so the dataset goes through the same checks and services as any
imported file; its notifications are dated on the acts' own dates.
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path

from secretariat.core.domain.actors import Actor
from secretariat.core.domain.errors import RuleViolation
from secretariat.depositary import interchange


def load(directory: Path, actor: Actor, counts: Counter[str]) -> None:
    path = directory / "depositary.json"
    if not path.is_file():
        return
    try:
        document = interchange.load_file(path)
        interchange.store(document, actor, counts=counts, historical=True)
    except interchange.InvalidDocument as exc:
        raise RuleViolation(f"{path.name}: " + "; ".join(exc.errors[:5])) from None

"""Loads this app's part of an organization's dataset (called by secretariat.datasets.loader)."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

from secretariat.core.domain.actors import Actor


def load(directory: Path, actor: Actor, counts: Counter[str]) -> None:
    """Nothing of this app is in a dataset yet."""
    return None

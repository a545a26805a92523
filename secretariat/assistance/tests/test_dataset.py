"""The forces and assistance parts of the CSTO dataset load through the services, idempotently."""

from __future__ import annotations

from collections import Counter

import pytest

from secretariat.assistance import dataset as assistance_dataset
from secretariat.core.domain.actors import Actor
from secretariat.core.testing import journal_size
from secretariat.datasets.loader import DATASETS_DIR
from secretariat.forces import dataset as forces_dataset

pytestmark = pytest.mark.django_db


def test_loading_the_forces_and_assistance_parts_again_changes_nothing():
    counts: Counter[str] = Counter()
    before = journal_size()
    actor = Actor.system("dataset:csto")
    forces_dataset.load(DATASETS_DIR / "csto", actor, counts)
    assistance_dataset.load(DATASETS_DIR / "csto", actor, counts)
    assert journal_size() == before
    assert counts["formations.unchanged"] == 2
    assert counts["contingents.unchanged"] == 12
    assert counts["assistance_requests.unchanged"] == 4
    assert counts["deployments.unchanged"] == 5
    assert not [key for key in counts if not key.endswith(".unchanged")]


def test_a_directory_without_these_parts_loads_nothing(tmp_path):
    counts: Counter[str] = Counter()
    forces_dataset.load(tmp_path, Actor.system("t"), counts)
    assistance_dataset.load(tmp_path, Actor.system("t"), counts)
    assert counts == Counter()

"""Fixtures of the meetings tests: a fresh draft at a session whose attendance is recorded."""

from __future__ import annotations

from typing import Any

import pytest

from secretariat.core.domain.actors import Actor
from secretariat.meetings import services

SESSION = "csc-2022-05-16"  # Moscow jubilee summit: all six members present


@pytest.fixture
def draft(db: Any) -> Any:
    decision, _ = services.record_decision(
        Actor.system("tests"),
        session=SESSION,
        slug="test-draft",
        title_en="A draft statement for the tests",
    )
    return decision

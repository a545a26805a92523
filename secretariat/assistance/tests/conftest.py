"""Assistance fixtures: a Kazakh delegation beside the shared personas, and a request walked
through the procedure step by step."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from secretariat.core.testing import make_user

D = dt.date


@pytest.fixture
def dana(personas: Any) -> Any:
    """Delegation of Kazakhstan (the shared personas have none)."""
    return make_user("dana", "delegation", "KZ")


REQUEST: dict[str, Any] = {
    "code": "kz-2026-test",
    "state": "KZ",
    "requested_on": D(2026, 3, 1),
    "on_behalf_of": "The President of Kazakhstan",
    "situation_en": "Floods along the Ural river overwhelm the national services.",
    "asks_en": "Rescue units and engineers.",
}
MANDATE: dict[str, Any] = {
    "code": "kz-2026-relief",
    "name_en": "Relief mission",
    "tasks_en": "Rescue and clearing",
    "start": D(2026, 3, 4),
    "end": D(2026, 4, 4),
    "areas": [{"code": "atyrau", "name_en": "Atyrau region"}],
    "formation": "cpf",
}

"""Fixtures of the depositary tests: a fresh instrument in the CSTO form, open to every state."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from secretariat.core.domain.actors import Actor
from secretariat.depositary import services

CODE = "test-agreement-2020"

CSTO_FORM = {
    "entry_into_force": {
        "article": "article 12",
        "condition": {"consents": 3, "counted": ["notification"]},
        "later": {"start": "condition", "article": "article 12"},
    },
    "withdrawal": {"months": 6, "article": "article 14"},
}


def make_instrument(code: str = CODE, participation: str = "members", **extra: Any) -> Any:
    instrument, _ = services.record_instrument(
        Actor.system("tests"),
        code=code,
        title_en="Agreement for the tests",
        title_ru="Соглашение для тестов",
        kind="agreement",
        adopted_on=dt.date(2020, 1, 15),
        place_en="Moscow",
        participation=participation,
        final_clauses=extra.pop("final_clauses", CSTO_FORM),
        **extra,
    )
    return instrument


@pytest.fixture
def instrument(db: Any) -> Any:
    return make_instrument()

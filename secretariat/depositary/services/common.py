"""What the depositary's procedures share: the instrument row locked for a write, the final clauses
and acts as the entry-into-force engine reads them, and the checks of codes and dates.

Private to `secretariat.depositary.services`: import the procedures from the package.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from secretariat.core.domain.errors import RuleViolation
from secretariat.depositary.domain import acts as domain_acts
from secretariat.depositary.domain import countries
from secretariat.depositary.domain.acts import ActKind
from secretariat.depositary.domain.clauses import FinalClauses
from secretariat.depositary.models import Act, Instrument


def _iso(value: Any) -> Any:
    return value.isoformat() if isinstance(value, dt.date) else value


def _fit(model: type[Any], values: dict[str, Any]) -> None:
    """Refuse text longer than its column (PostgreSQL would refuse it with a server error)."""
    for name, value in values.items():
        limit = getattr(model._meta.get_field(name), "max_length", None)
        if isinstance(value, str) and limit is not None and len(value) > limit:
            raise RuleViolation(f"{name} is longer than {limit} characters", field=name)


def _state_code(value: str) -> str:
    return countries.resolve(value)


def _locked_instrument(code: str) -> Instrument:
    found = Instrument.objects.select_for_update().filter(code=code).first()
    if found is None:
        raise RuleViolation(f"unknown instrument {code!r}", field="instrument")
    return found


def clauses_of(instrument: Instrument) -> FinalClauses:
    return FinalClauses.from_dict(instrument.final_clauses)


def domain_act(row: Act) -> domain_acts.Act:
    return domain_acts.Act(
        key=row.pk,
        state=row.state,
        kind=ActKind(row.kind),
        date=row.date,
        deposited=row.deposited,
        named_date=row.named_date,
        revokes=row.revokes_id,
        domestic_date=row.domestic_date,
    )

"""The organization's readings of its rules of procedure, as the consensus engine takes them.

Use `readings()` for every reading the organization's dataset gives (organization.json
`readings`, each with its sources), `reading(code)` for one (refused when unknown) and
`default_reading()` for the one a decision is recorded under when none is named.
"""

from __future__ import annotations

from secretariat.core.organization import organization
from secretariat.meetings.domain import consensus


def readings() -> dict[str, consensus.Rules]:
    return {row["code"]: consensus.rules_from_dict(row) for row in organization().readings}


def reading(code: str) -> consensus.Rules:
    return consensus.reading(code, readings())


def default_reading() -> str:
    return organization().default_reading

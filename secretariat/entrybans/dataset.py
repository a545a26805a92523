"""Loads this app's part of an organization's dataset (called by secretariat.datasets.loader).

`datasets/<name>/entrybans.json` holds the register's legal basis (for the CSTO: the 2011
proposal, recorded as a proposal) and a small, clearly fictitious demonstration register. Real
listings come in as FollowTheMoney files (`secretariat entrybans import FILE`), never with a dataset.
"""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path
from typing import Any

from secretariat.core.domain.actors import Actor
from secretariat.core.domain.errors import RuleViolation
from secretariat.core.domain.values import parse_date, parse_optional_date
from secretariat.entrybans import services


def load(directory: Path, actor: Actor, counts: Counter[str]) -> None:
    path = directory / "entrybans.json"
    if not path.is_file():
        return
    document = json.loads(path.read_text(encoding="utf-8"))
    for row in document.get("legal_basis", []):
        _, outcome = services.record_legal_basis(
            actor,
            code=row["code"],
            kind=row["kind"],
            date=parse_date(row["date"]),
            date_precision=row.get("date_precision", "day"),
            summary_en=row["summary_en"],
            summary_ru=row.get("summary_ru", ""),
            outcome_en=row.get("outcome_en", ""),
            outcome_ru=row.get("outcome_ru", ""),
            sources=row.get("source", []),
            uncertain=bool(row.get("uncertain", False)),
        )
        counts[f"entrybans.legal_basis.{outcome}"] += 1
    for position, row in enumerate(document.get("listings", [])):
        if not row.get("fictitious"):
            raise RuleViolation(
                f"listings[{position}]: a dataset may carry only fictitious listings; "
                "import real ones from a FollowTheMoney file"
            )
        _, outcome = services.enter_listing(actor, **listing_arguments(row))
        counts[f"entrybans.listings.{outcome}"] += 1


def listing_arguments(row: dict[str, Any]) -> dict[str, Any]:
    """A listing record (dataset or API body) as keyword arguments of `enter_listing`."""
    values = dict(row)
    values["decision_date"] = parse_date(values.get("decision_date"), "decision_date")
    values["decision_valid_until"] = parse_optional_date(
        values.get("decision_valid_until"), "decision_valid_until"
    )
    if "review_date" in values:
        values["review_date"] = parse_optional_date(values.get("review_date"), "review_date")
    return values

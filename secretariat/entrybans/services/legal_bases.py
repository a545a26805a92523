"""The legal bases the register's listings may rest on."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from django.db import transaction

from secretariat.core.domain.actors import Actor
from secretariat.core.domain.errors import RuleViolation
from secretariat.core.permissions import require
from secretariat.entrybans.models import LegalBasis
from secretariat.entrybans.services.common import Result, _jsonable, _text
from secretariat.journal.services import record as journal


@transaction.atomic
def record_legal_basis(
    actor: Actor,
    *,
    code: str,
    kind: str,
    date: dt.date,
    summary_en: str,
    summary_ru: str = "",
    outcome_en: str = "",
    outcome_ru: str = "",
    date_precision: str = "day",
    sources: Sequence[str] = (),
    uncertain: bool = False,
) -> tuple[LegalBasis, Result]:
    require(actor, "entrybans.record_legal_basis")
    if kind not in ("proposal", "adoption"):
        raise RuleViolation("kind is proposal or adoption", field="kind")
    fields = {
        "kind": kind,
        "date": date,
        "date_precision": date_precision,
        "summary_en": _text(summary_en, "summary_en", "the summary"),
        "summary_ru": summary_ru,
        "outcome_en": outcome_en,
        "outcome_ru": outcome_ru,
        "sources": list(sources),
        "uncertain": uncertain,
    }
    row = LegalBasis.objects.select_for_update().filter(code=code).first()
    if row is None:
        row = LegalBasis.objects.create(code=code, **fields)
        outcome: Result = "created"
    else:
        changed = {k: v for k, v in fields.items() if getattr(row, k) != v}
        if not changed:
            return row, "unchanged"
        for key, value in changed.items():
            setattr(row, key, value)
        row.save()
        outcome = "updated"
    journal(
        actor=actor,
        action=f"legal_basis.{outcome}",
        subject=f"legal_basis:{code}",
        data=_jsonable({"kind": kind, "date": date, "uncertain": uncertain}),
    )
    return row, outcome

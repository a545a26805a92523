"""Loads the collective-assistance part of an organization's dataset (called by
secretariat.datasets.loader after forces, whose contingents the deployments name).

Reads `<dataset>/assistance.json`: each request with the steps that followed it, replayed in the
order of the procedure through assistance.services, so every step is checked against the
organization's rule and journaled, and a second load changes nothing.
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path
from typing import Any

from secretariat.assistance import services
from secretariat.core.dataset_parts import read_part, sourcing
from secretariat.core.domain.actors import Actor
from secretariat.core.domain.errors import DomainError, RuleViolation
from secretariat.core.domain.values import parse_date, parse_optional_date


def _count(counts: Counter[str], section: str, outcome: str) -> None:
    counts[f"{section}.{outcome}"] += 1


def _load_request(actor: Actor, r: dict[str, Any], counts: Counter[str]) -> None:
    code = str(r.get("code", ""))
    _, outcome = services.submit_request(
        actor,
        code=code,
        state=str(r.get("state", "")),
        requested_on=parse_date(r.get("requested_on"), "requested_on"),
        on_behalf_of=str(r.get("on_behalf_of", "")),
        on_behalf_of_ru=str(r.get("on_behalf_of_ru", "")),
        situation_en=str(r.get("situation_en", "")),
        situation_ru=str(r.get("situation_ru", "")),
        asks_en=str(r.get("asks_en", "")),
        asks_ru=str(r.get("asks_ru", "")),
        legal_basis=str(r.get("legal_basis", "")),
        legal_basis_ru=str(r.get("legal_basis_ru", "")),
        **sourcing(r),
    )
    _count(counts, "assistance_requests", outcome)
    for c in r.get("consultations", []):
        _, outcome = services.record_consultation(
            actor,
            request=code,
            date=parse_date(c.get("date")),
            precision=str(c.get("precision", "day")),
            held_by_en=str(c.get("held_by_en", "")),
            held_by_ru=str(c.get("held_by_ru", "")),
            session=str(c.get("session", "")),
            summary_en=str(c.get("summary_en", "")),
            summary_ru=str(c.get("summary_ru", "")),
            **sourcing(c),
        )
        _count(counts, "consultations", outcome)
    decision = r.get("decision")
    if decision:
        _, outcome = services.record_decision(
            actor,
            request=code,
            date=parse_date(decision.get("date")),
            precision=str(decision.get("precision", "day")),
            session=str(decision.get("session", "")),
            outcome=str(decision.get("outcome", "")),
            response_en=str(decision.get("response_en", "")),
            response_ru=str(decision.get("response_ru", "")),
            **sourcing(decision),
        )
        _count(counts, "council_decisions", outcome)
    mandate = r.get("mandate")
    if mandate:
        mandate_code = str(mandate.get("code", ""))
        _, outcome = services.issue_mandate(
            actor,
            request=code,
            code=mandate_code,
            name_en=str(mandate.get("name_en", "")),
            name_ru=str(mandate.get("name_ru", "")),
            tasks_en=str(mandate.get("tasks_en", "")),
            tasks_ru=str(mandate.get("tasks_ru", "")),
            start=parse_date(mandate.get("start"), "start"),
            end=parse_date(mandate.get("end"), "end"),
            areas=list(mandate.get("areas", [])),
            territory=mandate.get("territory"),
            formation=mandate.get("formation"),
            commander=str(mandate.get("commander", "")),
            commander_ru=str(mandate.get("commander_ru", "")),
            **sourcing(mandate),
        )
        _count(counts, "mandates", outcome)
        for d in mandate.get("deployments", []):
            _, outcome = services.record_deployment(
                actor,
                mandate=mandate_code,
                contingent=str(d.get("contingent", "")),
                area=str(d.get("area", "")),
                strength=int(d.get("strength", 0)),
                strength_estimated=bool(d.get("strength_estimated", False)),
                start=parse_date(d.get("start"), "start"),
                end=parse_optional_date(d.get("end"), "end"),
                **sourcing(d),
            )
            _count(counts, "deployments", outcome)
        withdrawal = mandate.get("withdrawal")
        if withdrawal:
            _, outcome = services.withdraw_forces(
                actor,
                mandate=mandate_code,
                completed_on=parse_date(withdrawal.get("completed_on"), "completed_on"),
                began_on=parse_optional_date(withdrawal.get("began_on"), "began_on"),
            )
            _count(counts, "forces_withdrawals", outcome)
    withdrawn = r.get("withdrawn")
    if withdrawn:
        _, outcome = services.withdraw_request(
            actor,
            request=code,
            withdrawn_on=parse_date(withdrawn.get("date")),
            precision=str(withdrawn.get("precision", "day")),
            reason=str(withdrawn.get("reason", "")),
            reason_ru=str(withdrawn.get("reason_ru", "")),
            outcome_en=str(withdrawn.get("outcome_en", "")),
            outcome_ru=str(withdrawn.get("outcome_ru", "")),
        )
        _count(counts, "request_withdrawals", outcome)
    closed = r.get("closed")
    if closed:
        _, outcome = services.close_request(
            actor,
            request=code,
            closed_on=parse_date(closed.get("date")),
            outcome_en=str(closed.get("outcome_en", "")),
            outcome_ru=str(closed.get("outcome_ru", "")),
        )
        _count(counts, "closings", outcome)


def load(directory: Path, actor: Actor, counts: Counter[str]) -> None:
    document = read_part(directory, "assistance.json")
    if document is None:
        return
    for position, record in enumerate(document.get("requests", [])):
        if not isinstance(record, dict):
            raise RuleViolation(f"requests[{position}]: each record must be an object")
        try:
            _load_request(actor, record, counts)
        except DomainError as exc:
            raise RuleViolation(
                f"requests[{position}] ({record.get('code', '')}): {exc.message}"
            ) from None

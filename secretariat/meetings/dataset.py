"""Loads this app's part of an organization's dataset (called by secretariat.datasets.loader).

`<dataset>/meetings.json` holds the sessions, each with its agenda, attendance and decisions, and
each decision with the states' positions and claims. Everything is written through the services,
so it is validated and journaled like any other write, and a second load changes nothing.
"""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path
from typing import Any

from secretariat.core.domain.actors import Actor
from secretariat.core.domain.errors import DomainError, RuleViolation
from secretariat.core.domain.values import parse_date, parse_optional_date
from secretariat.core.organization import organization
from secretariat.meetings import services
from secretariat.meetings.domain.consensus import Outcome
from secretariat.meetings.domain.sessions import session_code


def _sourcing(record: dict[str, Any]) -> dict[str, Any]:
    sources = record.get("source", record.get("sources", []))
    if isinstance(sources, str):
        sources = [sources]
    return {
        "sources": sources,
        "uncertain": bool(record.get("uncertain", False)),
        "note": str(record.get("note") or ""),
        "note_ru": str(record.get("note_ru") or ""),
    }


def _text(record: dict[str, Any], key: str, default: str = "") -> str:
    value = record.get(key, default)
    if not isinstance(value, str):
        raise RuleViolation(f"{key!r} must be text", field=key)
    return value


def load(directory: Path, actor: Actor, counts: Counter[str]) -> None:
    path = directory / "meetings.json"
    if not path.is_file():
        return
    document = json.loads(path.read_text(encoding="utf-8"))
    for position, record in enumerate(document.get("sessions", [])):
        where = f"sessions[{position}] ({record.get('start', '?')})"
        try:
            _load_session(record, actor, counts)
        except DomainError as exc:
            raise type(exc)(f"{where}: {exc.message}", field=exc.field) from None


def _load_session(record: dict[str, Any], actor: Actor, counts: Counter[str]) -> None:
    start = parse_date(record.get("start"), "start")
    precision = _text(record, "start_precision", "day")
    body = _text(record, "body", organization().main_body)
    session, outcome = services.record_session(
        actor,
        body=body,
        kind=_text(record, "kind"),
        start=start,
        start_precision=precision,
        end=parse_optional_date(record.get("end"), "end"),
        by_video=bool(record.get("by_video", False)),
        label_en=_text(record, "label_en"),
        label_ru=_text(record, "label_ru"),
        city_en=_text(record, "city_en"),
        city_ru=_text(record, "city_ru"),
        host=_text(record, "host"),
        chaired_by=_text(record, "chaired_by"),
        chair_person=_text(record, "chair_person"),
        chair_person_ru=_text(record, "chair_person_ru"),
        summary_en=_text(record, "summary_en"),
        summary_ru=_text(record, "summary_ru"),
        ru_from_source=bool(record.get("ru_from_source", False)),
        agenda=record.get("agenda", []),
        **_sourcing(record),
    )
    counts[f"sessions.{outcome}"] += 1
    code = session_code(body, start, precision)
    assert session.code == code
    for row in record.get("attendance", []):
        _, outcome = services.record_attendance(
            actor,
            session=code,
            state=_text(row, "state"),
            presence=_text(row, "presence"),
            person=_text(row, "person"),
            person_ru=_text(row, "person_ru"),
            level=_text(row, "level"),
            by_video=bool(row.get("by_video", False)),
            reason=_text(row, "reason"),
            reason_text=_text(row, "reason_text"),
            reason_text_ru=_text(row, "reason_text_ru"),
            **_sourcing(row),
        )
        counts[f"attendance.{outcome}"] += 1
    for row in record.get("decisions", []):
        _load_decision(code, row, actor, counts)


def _load_decision(code: str, row: dict[str, Any], actor: Actor, counts: Counter[str]) -> None:
    slug = _text(row, "slug")
    sourcing = _sourcing(row)  # a decision without its own sources rests on its session's
    _, outcome = services.record_decision(
        actor,
        session=code,
        slug=slug,
        kind=_text(row, "kind", "decision"),
        title_en=_text(row, "title_en"),
        title_ru=_text(row, "title_ru"),
        text_en=_text(row, "text_en"),
        text_ru=_text(row, "text_ru"),
        rules=_text(row, "rules"),  # empty: the organization's default reading
        instruments=row.get("instruments", []),
        missions=row.get("missions", []),
        **sourcing,
    )
    counts[f"decisions.{outcome}"] += 1
    for position in row.get("positions", []):
        _, outcome = services.record_position(
            actor,
            session=code,
            slug=slug,
            state=_text(position, "state"),
            position=_text(position, "position"),
            declared_on=parse_optional_date(position.get("declared_on"), "declared_on"),
            statement_en=_text(position, "statement_en"),
            statement_ru=_text(position, "statement_ru"),
            **_sourcing(position),
        )
        counts[f"positions.{outcome}"] += 1
    for claim in row.get("claims", []):
        _, outcome = services.record_claim(
            actor,
            session=code,
            slug=slug,
            state=_text(claim, "state"),
            reading=_text(claim, "reading"),
            claim_en=_text(claim, "claim_en"),
            claim_ru=_text(claim, "claim_ru"),
            claimed_on=parse_optional_date(claim.get("claimed_on"), "claimed_on"),
            **_sourcing(claim),
        )
        counts[f"claims.{outcome}"] += 1
    wanted = Outcome(_text(row, "outcome", "adopted"))
    services.record_outcome(actor, session=code, slug=slug, outcome=wanted.value)

"""The only writers of meeting records. Each function checks permission, validates, writes and
journals in one transaction; on any error nothing is written.

Creating functions are idempotent on the record's natural key (a session's code; a session and a
state for attendance; a session and a slug for a decision; a decision and a state for a position
or a claim): the same content again changes nothing and journals nothing.

The secretariat records sessions, attendance, drafts and outcomes. A delegation records only its
own state's position on a draft that is still open, and its own state's claim in a dispute.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from typing import Any

from django.db import transaction

from secretariat.core.domain.actors import Actor, Role
from secretariat.core.domain.errors import NotFound, RuleViolation
from secretariat.core.organization import organization
from secretariat.core.permissions import require
from secretariat.core.writes import Outcome, clean_sources, jsonable, save_by_key
from secretariat.journal.services import record as journal
from secretariat.meetings import rules as organization_rules
from secretariat.meetings.domain import consensus, sessions
from secretariat.meetings.models import (
    AgendaItem,
    Attendance,
    Claim,
    Decision,
    Session,
    StatePosition,
)
from secretariat.members import selectors as members

CODE_PATTERN = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")


def _enum(enum: type[Any], value: str, field: str) -> Any:
    try:
        return enum(value)
    except ValueError:
        choices = ", ".join(item.value for item in enum)
        raise RuleViolation(
            f"{field} must be one of {choices}; got {value!r}", field=field
        ) from None


def _country_code(code: str, field: str) -> str:
    if code and not (len(code) == 2 and code.isascii() and code.isalpha() and code.isupper()):
        raise RuleViolation(
            f"{field} must be an ISO 3166-1 alpha-2 code (two capitals); got {code!r}", field=field
        )
    return code


def _is_member(state: str, on: dt.date) -> bool:
    """Whether `state` was a member (or a party before the organization) on `on`."""
    _country_code(state, "state")
    try:
        return members.status_of(state, on).participates
    except NotFound:
        raise RuleViolation(f"unknown state code {state!r}", field="state") from None


def _sits(state: str, on: dt.date) -> bool:
    """Whether `state` sat in the organization's bodies on `on`: a member, or an associate
    member (it attends; it takes no position in the consensus, which counts members)."""
    _country_code(state, "state")
    try:
        return members.status_of(state, on).sits
    except NotFound:
        raise RuleViolation(f"unknown state code {state!r}", field="state") from None


def _session(code: str) -> Session:
    found = Session.objects.select_for_update().filter(code=code).first()
    if found is None:
        raise NotFound(f"No session with code {code!r}.")
    return found


def _decision(session_code: str, slug: str) -> Decision:
    found = (
        Decision.objects.select_for_update()
        .select_related("session")
        .filter(session__code=session_code, slug=slug)
        .first()
    )
    if found is None:
        raise NotFound(f"No decision {session_code}/{slug}.")
    return found


def _agenda_titles(agenda: Sequence[Any] | None) -> list[tuple[str, str]]:
    titles: list[tuple[str, str]] = []
    for item in agenda or []:
        if isinstance(item, str):
            en, ru = item, ""
        elif isinstance(item, dict):
            en, ru = str(item.get("title_en", "")), str(item.get("title_ru", ""))
        else:
            raise RuleViolation(
                "each agenda item is a text or {title_en, title_ru}", field="agenda"
            )
        if not en.strip():
            raise RuleViolation("an agenda item needs a title in English", field="agenda")
        titles.append((en.strip(), ru.strip()))
    return titles


@transaction.atomic
def record_session(
    actor: Actor,
    *,
    body: str,
    kind: str,
    start: dt.date,
    start_precision: str = "day",
    end: dt.date | None = None,
    by_video: bool = False,
    label_en: str = "",
    label_ru: str = "",
    city_en: str = "",
    city_ru: str = "",
    host: str = "",
    chaired_by: str = "",
    chair_person: str = "",
    chair_person_ru: str = "",
    summary_en: str = "",
    summary_ru: str = "",
    ru_from_source: bool = False,
    agenda: Sequence[Any] | None = None,
    sources: Sequence[str] | None = None,
    uncertain: bool = False,
    note: str = "",
    note_ru: str = "",
) -> tuple[Session, Outcome]:
    """Record a session of one of the bodies (the secretariat); its code follows from the date."""
    require(actor, "meetings.record_session")
    body_value = sessions.check_body(body, organization().body_codes)
    kind_value = _enum(sessions.Kind, kind, "kind")
    precision = _enum(sessions.Precision, start_precision, "start_precision")
    sessions.check_dates(start, end, precision)
    if start > dt.date.today() + dt.timedelta(days=3 * 366):
        raise RuleViolation(
            "a session cannot be planned more than three years ahead", field="start"
        )
    _country_code(host, "host")
    if chaired_by and not _is_member(chaired_by, start):
        raise RuleViolation(
            f"{chaired_by} was not a member on {start.isoformat()} and cannot chair a session",
            field="chaired_by",
        )
    code = sessions.session_code(body_value, start, precision)
    fields = {
        "body": body_value,
        "kind": kind_value.value,
        "by_video": by_video,
        "label_en": label_en.strip(),
        "label_ru": label_ru.strip(),
        "start": start,
        "start_precision": precision.value,
        "end": end,
        "city_en": city_en.strip(),
        "city_ru": city_ru.strip(),
        "host": host,
        "chaired_by": chaired_by,
        "chair_person": chair_person.strip(),
        "chair_person_ru": chair_person_ru.strip(),
        "summary_en": summary_en.strip(),
        "summary_ru": summary_ru.strip(),
        "ru_from_source": ru_from_source,
        "sources": clean_sources(sources),
        "uncertain": uncertain,
        "note": note,
        "note_ru": note_ru.strip(),
    }
    session, outcome, changed = save_by_key(Session, {"code": code}, fields)
    titles = _agenda_titles(agenda)
    if agenda is not None:
        current = [(a.title_en, a.title_ru) for a in session.agenda.order_by("number")]
        if current != titles:
            session.agenda.all().delete()
            AgendaItem.objects.bulk_create(
                AgendaItem(session=session, number=n, title_en=en, title_ru=ru)
                for n, (en, ru) in enumerate(titles, start=1)
            )
            changed["agenda"] = [en for en, _ in titles]
            outcome = "updated" if outcome == "unchanged" else outcome
    if outcome != "unchanged":
        journal(
            actor=actor,
            action=f"session.{outcome}",
            subject=f"session:{code}",
            data=jsonable(changed),
        )
    return session, outcome


@transaction.atomic
def record_attendance(
    actor: Actor,
    *,
    session: str,
    state: str,
    presence: str,
    person: str = "",
    person_ru: str = "",
    level: str = "",
    by_video: bool = False,
    reason: str = "",
    reason_text: str = "",
    reason_text_ru: str = "",
    sources: Sequence[str] | None = None,
    uncertain: bool = False,
    note: str = "",
    note_ru: str = "",
) -> tuple[Attendance, Outcome]:
    """Record how a state attended a session; only members attend, a non-member is a guest."""
    require(actor, "meetings.record_attendance")
    row = _session(session)
    presence_value = _enum(sessions.Presence, presence, "presence")
    reason_value = _enum(sessions.AbsenceReason, reason, "reason") if reason else None
    if level:
        _enum(sessions.Level, level, "level")
    if (reason_text.strip() or reason_text_ru.strip()) and (
        presence_value is not sessions.Presence.ABSENT
    ):
        raise RuleViolation(
            "a reason for absence is only given for an absent state", field="reason"
        )
    sessions.check_attendance(
        state,
        presence_value,
        member=_sits(state, row.start),
        on=row.start,
        reason=reason_value,
        person=person,
    )
    fields = {
        "presence": presence_value.value,
        "person": person.strip(),
        "person_ru": person_ru.strip(),
        "level": level,
        "by_video": by_video,
        "reason": reason_value.value if reason_value else "",
        "reason_text": reason_text.strip(),
        "reason_text_ru": reason_text_ru.strip(),
        "sources": clean_sources(sources),
        "uncertain": uncertain,
        "note": note,
        "note_ru": note_ru.strip(),
    }
    attendance, outcome, changed = save_by_key(Attendance, {"session": row, "state": state}, fields)
    if outcome != "unchanged":
        _recheck_outcomes(row)
        journal(
            actor=actor,
            action=f"attendance.{outcome}",
            subject=f"session:{row.code}:attendance:{state}",
            data=jsonable(changed),
        )
    return attendance, outcome


def _codes(values: Sequence[str] | None, field: str) -> list[str]:
    result = []
    for value in values or []:
        if not isinstance(value, str) or not CODE_PATTERN.match(value):
            raise RuleViolation(
                f"{field} are codes of lowercase letters, digits and hyphens; got {value!r}",
                field=field,
            )
        result.append(value)
    return result


@transaction.atomic
def record_decision(
    actor: Actor,
    *,
    session: str,
    slug: str,
    title_en: str,
    title_ru: str = "",
    kind: str = "decision",
    text_en: str = "",
    text_ru: str = "",
    rules: str = "",
    instruments: Sequence[str] | None = None,
    missions: Sequence[str] | None = None,
    sources: Sequence[str] | None = None,
    uncertain: bool = False,
    note: str = "",
    note_ru: str = "",
) -> tuple[Decision, Outcome]:
    """Put a draft before a session, or correct its text (the secretariat)."""
    require(actor, "meetings.record_decision")
    row = _session(session)
    if not CODE_PATTERN.match(slug) or len(slug) > 60:
        raise RuleViolation(
            "a decision's slug is lowercase letters, digits and hyphens (at most 60)", field="slug"
        )
    if not title_en.strip():
        raise RuleViolation("a decision needs a title in English", field="title_en")
    rules = rules or organization_rules.default_reading()
    organization_rules.reading(rules)
    if not CODE_PATTERN.match(kind) or len(kind) > 40:
        raise RuleViolation("kind is a short lowercase word (at most 40 letters)", field="kind")
    fields = {
        "kind": kind,
        "title_en": title_en.strip(),
        "title_ru": title_ru.strip(),
        "text_en": text_en.strip(),
        "text_ru": text_ru.strip(),
        "rules": rules,
        "instruments": _codes(instruments, "instruments"),
        "missions": [str(m).strip() for m in missions or [] if str(m).strip()],
        "sources": clean_sources(sources),
        "uncertain": uncertain,
        "note": note,
        "note_ru": note_ru.strip(),
    }
    decision, outcome, changed = save_by_key(Decision, {"session": row, "slug": slug}, fields)
    if outcome != "unchanged":
        if "rules" in changed and decision.outcome != consensus.Outcome.DRAFT:
            _check_decision(decision)
        journal(
            actor=actor,
            action=f"decision.{outcome}",
            subject=f"decision:{row.code}/{slug}",
            data=jsonable(changed),
        )
    return decision, outcome


@transaction.atomic
def record_position(
    actor: Actor,
    *,
    session: str,
    slug: str,
    state: str,
    position: str,
    declared_on: dt.date | None = None,
    statement_en: str = "",
    statement_ru: str = "",
    sources: Sequence[str] | None = None,
    uncertain: bool = False,
    note: str = "",
    note_ru: str = "",
) -> tuple[StatePosition, Outcome]:
    """A state's position on a draft: a delegation for its own state while the draft is open."""
    require(actor, "meetings.record_position", state)
    decision = _decision(session, slug)
    position_value = _enum(consensus.Position, position, "position")
    on = decision.session.start
    if not _is_member(state, on):
        raise RuleViolation(
            f"{state} was not a member on {on.isoformat()} and cannot take a position on "
            f"{decision.code}",
            field="state",
        )
    if actor.role is Role.DELEGATION and decision.outcome != consensus.Outcome.DRAFT:
        raise RuleViolation(
            f"the outcome of {decision.code} is recorded ({decision.outcome}); positions are closed",
            field="position",
        )
    fields = {
        "position": position_value.value,
        "declared_on": declared_on,
        "statement_en": statement_en.strip(),
        "statement_ru": statement_ru.strip(),
        "sources": clean_sources(sources),
        "uncertain": uncertain,
        "note": note,
        "note_ru": note_ru.strip(),
        "recorded_by": actor.username or actor.role.value,
    }
    row, outcome, changed = save_by_key(
        StatePosition, {"decision": decision, "state": state}, fields
    )
    if outcome == "updated" and set(changed) == {"recorded_by"}:
        row.recorded_by = changed["recorded_by"]
        return row, "unchanged"
    if outcome != "unchanged":
        _check_decision(decision)
        journal(
            actor=actor,
            action=f"position.{'recorded' if outcome == 'created' else 'changed'}",
            subject=f"decision:{decision.code}:position:{state}",
            data=jsonable({k: v for k, v in changed.items() if k != "recorded_by"}),
        )
    return row, outcome


@transaction.atomic
def record_claim(
    actor: Actor,
    *,
    session: str,
    slug: str,
    state: str,
    reading: str,
    claim_en: str,
    claim_ru: str = "",
    claimed_on: dt.date | None = None,
    sources: Sequence[str] | None = None,
    uncertain: bool = False,
    note: str = "",
    note_ru: str = "",
) -> tuple[Claim, Outcome]:
    """What a state says about a decision's validity and under which reading of the rules."""
    require(actor, "meetings.record_claim", state)
    decision = _decision(session, slug)
    organization_rules.reading(reading)
    _is_member(state, decision.session.start)  # the state must exist
    if not claim_en.strip():
        raise RuleViolation("say what the state claims (in English)", field="claim_en")
    fields = {
        "reading": reading,
        "claim_en": claim_en.strip(),
        "claim_ru": claim_ru.strip(),
        "claimed_on": claimed_on,
        "sources": clean_sources(sources),
        "uncertain": uncertain,
        "note": note,
        "note_ru": note_ru.strip(),
    }
    row, outcome, changed = save_by_key(Claim, {"decision": decision, "state": state}, fields)
    if outcome != "unchanged":
        journal(
            actor=actor,
            action=f"claim.{outcome}",
            subject=f"decision:{decision.code}:claim:{state}",
            data=jsonable(changed),
        )
    return row, outcome


@transaction.atomic
def record_outcome(
    actor: Actor,
    *,
    session: str,
    slug: str,
    outcome: str,
    decided_on: dt.date | None = None,
) -> Decision:
    """Record what became of a draft; refused when the recorded positions say otherwise."""
    require(actor, "meetings.record_outcome")
    decision = _decision(session, slug)
    value = _enum(consensus.Outcome, outcome, "outcome")
    if decided_on is not None and decided_on < decision.session.start:
        raise RuleViolation(
            "a decision cannot be taken before its session starts", field="decided_on"
        )
    if decision.outcome == value.value and decision.decided_on == decided_on:
        return decision
    decision.outcome = value.value
    decision.decided_on = decided_on
    _check_decision(decision)
    decision.save(update_fields=["outcome", "decided_on"])
    journal(
        actor=actor,
        action="decision.outcome_recorded",
        subject=f"decision:{decision.code}",
        data={"outcome": value.value, "decided_on": decided_on.isoformat() if decided_on else None},
    )
    return decision


def _check_decision(decision: Decision) -> None:
    """The recorded outcome must be what the positions give under the decision's own reading."""
    from secretariat.meetings.selectors import verdict_under

    verdict = verdict_under(decision, organization_rules.reading(decision.rules))
    consensus.check_outcome(consensus.Outcome(decision.outcome), verdict)


def _recheck_outcomes(session: Session) -> None:
    for decision in session.decisions.exclude(outcome=consensus.Outcome.DRAFT):
        _check_decision(decision)

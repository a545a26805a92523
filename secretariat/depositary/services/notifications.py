"""Numbered depositary notifications: issued for each registered act and, exactly once, when the
instrument enters into force (the instrument row is locked and a unique constraint backs it).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from django.db import IntegrityError, connection, transaction

from secretariat.core.domain.actors import Actor
from secretariat.core.domain.errors import RuleViolation
from secretariat.depositary import wording
from secretariat.depositary.domain.acts import CONSENT_KINDS, ActKind
from secretariat.depositary.domain.engine import evaluate
from secretariat.depositary.models import Act, ActStatus, Instrument, Notification, NotificationKind
from secretariat.depositary.services.common import clauses_of, domain_act
from secretariat.journal.services import record as journal

# Any constant works; it only has to be the same for every process numbering notifications.
_NUMBERING_LOCK_KEY = 7_242_019_920_603


def notified(act: Act) -> bool:
    """Whether the depositary notifies the act: not a consent it never received (a ratification
    known only from the state's own law does not count, so nothing is communicated about it)."""
    return not (ActKind(act.kind) in CONSENT_KINDS and not act.deposited)


def _reconstructed(issued_on: dt.date) -> bool:
    """A notification dated before today is written now for a past event: a reconstruction."""
    return issued_on < dt.date.today()


def _reconstruction_name(
    kind: str, instrument: Instrument, act: Act | None, issued_on: dt.date
) -> str:
    """A name for an unnumbered notification, made only of what it notifies: a registered act is
    unique by instrument, state, kind and date, and an entry into force by its instrument."""
    if kind == NotificationKind.ENTRY_INTO_FORCE or act is None:
        return f"R.{instrument.code}.entry-into-force"
    return f"R.{instrument.code}.{act.state}.{act.kind}.{act.date.isoformat()}"


def _next_number(year: int) -> int:
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("SELECT pg_advisory_xact_lock(%s)", [_NUMBERING_LOCK_KEY])
    last = Notification.objects.filter(year=year).order_by("-seq").values_list("seq", flat=True)
    return (last.first() or 0) + 1


def _issue(
    *,
    kind: str,
    instrument: Instrument,
    act: Act | None,
    state: str,
    issued_on: dt.date,
    effective_on: dt.date | None,
    subject: str,
    body: str,
    subject_ru: str = "",
    body_ru: str = "",
    sources: Sequence[str] = (),
    number: str = "",
) -> Notification:
    """Issue a notification. Issued today, it takes the year's next number, so numbers follow the
    dates of issue; dated in the past, it is a reconstruction, numbered only with the number its
    source gives (`number`), never with one made up now."""
    year = issued_on.year
    seq: int | None = None
    reconstructed = _reconstructed(issued_on)
    if not reconstructed:
        seq = _next_number(year)
        number = f"DN.{seq}.{year}"
    elif number:
        number = number.strip()
        if Notification.objects.filter(number=number).exists():
            raise RuleViolation(
                f"notification number {number} is already recorded", field="notification"
            )
    reference = number or _reconstruction_name(kind, instrument, act, issued_on)
    return Notification.objects.create(
        number=number or None,
        reference=reference,
        year=year,
        seq=seq,
        reconstructed=reconstructed,
        sources=list(sources) if reconstructed else [],
        kind=kind,
        instrument=instrument,
        act=act,
        state=state,
        issued_on=issued_on,
        effective_on=effective_on,
        subject_en=subject[:400],
        body_en=body,
        subject_ru=subject_ru[:400],
        body_ru=body_ru,
    )


def _issue_entry_into_force_if_due(
    actor: Actor, instrument: Instrument, issued_on: dt.date
) -> Notification | None:
    """Issue the entry-into-force notification the first time the condition is met."""
    if Notification.objects.filter(
        instrument=instrument, kind=NotificationKind.ENTRY_INTO_FORCE
    ).exists():
        return None
    rows = Act.objects.filter(instrument=instrument, status=ActStatus.REGISTERED)
    acts = [domain_act(row) for row in rows]
    horizon = max([dt.date.today(), issued_on, *(a.date for a in acts)])
    status = evaluate(
        clauses_of(instrument),
        acts,
        as_of=horizon,
        adopted=instrument.adopted_on,
        members=_members(),
        check=False,
    )
    if status.entry_into_force is None or not acts:
        return None
    completing = status.completed_by
    # Notified when the condition is met, never before: a declared condition may postdate the act.
    if status.condition_met_on is not None and status.condition_met_on > issued_on:
        issued_on = status.condition_met_on
    notice_ru = wording.entry_into_force_notice_ru(instrument, status)
    try:
        with transaction.atomic():  # a savepoint: a concurrent issuer's row wins, ours rolls back
            notification = _issue(
                kind=NotificationKind.ENTRY_INTO_FORCE,
                instrument=instrument,
                act=Act.objects.filter(pk=completing.key).first() if completing else None,
                state="",
                issued_on=issued_on,
                effective_on=status.entry_into_force,
                sources=instrument.sources,
                subject=f"{instrument.title_en}: entry into force on "
                f"{status.entry_into_force.isoformat()}",
                subject_ru=notice_ru[0],
                body_ru=notice_ru[1],
                body=(
                    f"The depositary communicates that the {instrument.title_en} enters into "
                    f"force on {status.entry_into_force.isoformat()}"
                    + (
                        f", in accordance with {clauses_of(instrument).entry_into_force.article}"
                        if clauses_of(instrument).entry_into_force.article
                        else ""
                    )
                    + f". {status.basis[:1].upper()}{status.basis[1:]}."
                ),
            )
    except IntegrityError:
        return None
    journal(
        actor=actor,
        action="instrument.entry_into_force_notified",
        subject=f"instrument:{instrument.code}",
        data={
            "entry_into_force": status.entry_into_force.isoformat(),
            "condition_met_on": status.condition_met_on.isoformat()
            if status.condition_met_on
            else None,
            "notification": notification.reference,
        },
    )
    return notification


def _members() -> frozenset[str]:
    from secretariat.members.models import MemberState

    return frozenset(MemberState.objects.values_list("code", flat=True))

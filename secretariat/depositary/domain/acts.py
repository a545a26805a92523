"""What a state does with an instrument: one dated act per row, never overwritten.

Use `Act` to hand registered acts to the engine and `check_acts` before storing one: impossible
data (a revocation of an act that does not exist, a withdrawal taking effect before its notice) is
refused with a RuleViolation naming the act; odd but possible data (a ratification dated before the
signature, a ratification never deposited) is returned as flags to show, not refused.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from enum import StrEnum
from typing import NamedTuple

from secretariat.core.domain.errors import RuleViolation


class ActKind(StrEnum):
    SIGNATURE = "signature"  # subject to ratification, acceptance or approval
    DEFINITIVE_SIGNATURE = "definitive_signature"  # signature that binds without ratification
    RATIFICATION = "ratification"
    ACCEPTANCE = "acceptance"
    APPROVAL = "approval"
    ACCESSION = "accession"
    SUCCESSION = "succession"
    NOTIFICATION = "notification"  # of completion of internal procedures
    PROVISIONAL_APPLICATION = "provisional_application"
    RESERVATION = "reservation"
    DECLARATION = "declaration"
    OBJECTION = "objection"
    TERRITORIAL_APPLICATION = "territorial_application"
    WITHDRAWAL = "withdrawal"  # withdrawal or denunciation: the date is the notice's
    REVOCATION = "revocation"  # of an earlier act of the same state (a de-ratification)
    SUSPENSION = "suspension"
    COMMUNICATION = "communication"


CONSENT_KINDS = frozenset(
    {
        ActKind.DEFINITIVE_SIGNATURE,
        ActKind.RATIFICATION,
        ActKind.ACCEPTANCE,
        ActKind.APPROVAL,
        ActKind.ACCESSION,
        ActKind.SUCCESSION,
        ActKind.NOTIFICATION,
    }
)
SIGNATURE_KINDS = frozenset({ActKind.SIGNATURE, ActKind.DEFINITIVE_SIGNATURE})
# Acts that say something about a state's participation without changing its status.
ANNOTATION_KINDS = frozenset(
    {
        ActKind.RESERVATION,
        ActKind.DECLARATION,
        ActKind.OBJECTION,
        ActKind.TERRITORIAL_APPLICATION,
        ActKind.COMMUNICATION,
    }
)
# The one-letter marks the UN and the Council of Europe print beside a consent date.
CONSENT_MARKS = {
    ActKind.ACCEPTANCE: "A",
    ActKind.APPROVAL: "AA",
    ActKind.ACCESSION: "a",
    ActKind.SUCCESSION: "d",
    ActKind.DEFINITIVE_SIGNATURE: "s",
    ActKind.NOTIFICATION: "n",
}


class Act(NamedTuple):
    """One registered act. `key` orders acts of the same day (the order of receipt).

    A named tuple rather than a dataclass: the UN-scale status matrix builds 100,000 of them per
    request, and a tuple is built several times faster than a frozen dataclass.
    """

    key: int
    state: str
    kind: ActKind
    date: dt.date  # deposit or receipt by the depositary; for a withdrawal, the notice
    deposited: bool = True  # False: known only from the state's own law, never deposited
    named_date: dt.date | None = None  # a withdrawal's date named by the state; end of suspension
    revokes: int | None = None  # key of the act a revocation undoes
    domestic_date: dt.date | None = None  # date of the state's own law or decree


@dataclass(frozen=True, slots=True)
class Flag:
    """Something odd but possible in the record, shown beside the act it concerns."""

    act: int
    state: str
    code: str
    message: str


def ordered(acts: Iterable[Act]) -> list[Act]:
    return sorted(acts, key=lambda act: (act.date, act.key))


def _named_or_notice(notice: dt.date, named: dt.date | None) -> dt.date:
    return named if named is not None and named > notice else notice


def check_acts(
    acts: Sequence[Act],
    *,
    adopted: dt.date | None = None,
    withdrawal_allowed: bool = True,
    withdrawal_effective: Callable[[dt.date, dt.date | None], dt.date] = _named_or_notice,
) -> list[Flag]:
    """Refuse impossible records (RuleViolation); return flags for odd ones.

    `withdrawal_effective` gives the day a withdrawal takes effect from its notice and the date
    the state named (the final clauses' `Withdrawal.effective`): a consent after that day is a new
    participation (ratification, withdrawal, later accession), not a repeated consent; so is a
    consent after the state revoked its earlier one.
    """
    by_key = {act.key: act for act in acts}
    flags: list[Flag] = []
    first_signature: dict[str, dt.date] = {}
    consented: dict[str, Act] = {}
    left_on: dict[str, dt.date] = {}  # the day the state's withdrawal took effect
    for act in ordered(acts):
        label = f"{act.kind.value} of {act.state} on {act.date.isoformat()}"
        if adopted is not None and act.date < adopted:
            raise RuleViolation(
                f"{label} is impossible: the instrument was adopted on {adopted.isoformat()}",
                field="date",
            )
        if act.domestic_date is not None and act.domestic_date > act.date and act.deposited:
            flags.append(
                Flag(
                    act.key,
                    act.state,
                    "deposit_before_domestic_act",
                    f"{label}: deposited before the state's own act of "
                    f"{act.domestic_date.isoformat()}",
                )
            )
        if act.kind is ActKind.REVOCATION:
            target = by_key.get(act.revokes) if act.revokes is not None else None
            if target is None:
                raise RuleViolation(f"{label}: name the act it revokes", field="revokes")
            if target.state != act.state:
                raise RuleViolation(
                    f"{label}: a state can revoke only its own acts", field="revokes"
                )
            if target.date > act.date:
                raise RuleViolation(
                    f"{label}: it cannot revoke an act of a later date ({target.date.isoformat()})",
                    field="revokes",
                )
        elif act.revokes is not None:
            raise RuleViolation(f"{label}: only a revocation revokes an act", field="revokes")
        if act.kind is ActKind.WITHDRAWAL:
            if not withdrawal_allowed:
                raise RuleViolation(
                    f"{label}: the instrument's final clauses allow no withdrawal", field="kind"
                )
            if act.named_date is not None and act.named_date < act.date:
                raise RuleViolation(
                    f"{label}: the withdrawal cannot take effect before its notice",
                    field="named_date",
                )
            if act.state not in consented and act.state not in first_signature:
                flags.append(
                    Flag(
                        act.key,
                        act.state,
                        "withdrawal_without_participation",
                        f"{label}: no signature or consent of this state is recorded",
                    )
                )
            left_on[act.state] = withdrawal_effective(act.date, act.named_date)
        if act.kind is ActKind.REVOCATION and act.revokes is not None:
            revoked = by_key.get(act.revokes)
            if revoked is not None and consented.get(act.state) == revoked:
                del consented[act.state]  # a de-ratification: a later consent is not a repeat
            if (
                revoked is not None
                and revoked.kind is ActKind.WITHDRAWAL
                and act.date < left_on.get(act.state, dt.date.min)
            ):
                del left_on[act.state]  # the notice was taken back before it took effect
        if act.kind is ActKind.SUSPENSION and act.named_date and act.named_date < act.date:
            raise RuleViolation(f"{label}: a suspension cannot end before it starts", field="date")
        if act.kind in SIGNATURE_KINDS:
            first_signature.setdefault(act.state, act.date)
        if act.kind in CONSENT_KINDS:
            if not act.deposited:
                flags.append(
                    Flag(
                        act.key,
                        act.state,
                        "not_deposited",
                        f"{label}: ratified at home but no deposit is recorded; it does not count",
                    )
                )
            left = left_on.get(act.state)
            if act.state in consented and left is not None and left <= act.date:
                del consented[act.state]  # it left before this consent: it joins again
            if act.state in consented and act.kind is not ActKind.DEFINITIVE_SIGNATURE:
                flags.append(
                    Flag(
                        act.key,
                        act.state,
                        "repeated_consent",
                        f"{label}: the state had already consented on "
                        f"{consented[act.state].date.isoformat()}",
                    )
                )
            consented.setdefault(act.state, act)
    # A ratification dated before the signature it ratifies: the sources disagree or one is wrong.
    for act in acts:
        signed = first_signature.get(act.state)
        if (
            act.kind
            in (ActKind.RATIFICATION, ActKind.ACCEPTANCE, ActKind.APPROVAL, ActKind.NOTIFICATION)
            and signed is not None
            and (act.domestic_date or act.date) < signed
        ):
            flags.append(
                Flag(
                    act.key,
                    act.state,
                    "consent_before_signature",
                    f"{act.kind.value} of {act.state} on {act.date.isoformat()} is dated before "
                    f"its signature of {signed.isoformat()}",
                )
            )
    return flags

"""Entry into force: when an instrument enters into force, for each state, and why.

Use `evaluate(clauses, acts, as_of=...)`. It looks only at acts dated on or before `as_of`, so any
past date can be asked about, and returns the instrument's status with one `StateStatus` per state
that has done anything. Pure and fast: one pass over the acts in date order, counting as it goes
(the UN-scale benchmark in bench/ keeps it honest).

Rules the engine follows (docs/depositary.md explains each):
- The condition is checked at the end of each day: several deposits on the day the threshold is
  reached complete it together; the act named as completing it is the first of that day in order
  of receipt (`Act.key`), and all of that day's consents are listed as completing it jointly.
- A consent stops counting from the day it is revoked or a withdrawal of it takes effect.
- Once entered into force, an instrument stays in force: later withdrawals change the parties,
  not the date.
- A state's own date: consents made on or before the deciding event get the instrument's date;
  later ones get `later.timing` from their own deposit, not before the instrument's date when the
  clause says so.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from enum import StrEnum

from secretariat.depositary.domain.acts import (
    ANNOTATION_KINDS,
    CONSENT_KINDS,
    SIGNATURE_KINDS,
    Act,
    ActKind,
    Flag,
    check_acts,
    ordered,
)
from secretariat.depositary.domain.clauses import (
    Condition,
    FinalClauses,
    LaterStart,
    ProvisionalMode,
)


class Standing(StrEnum):
    NONE = "none"
    SIGNATORY = "signatory"
    CONSENTED = "consented"  # bound once in force for it; not yet
    PROVISIONAL = "provisional"  # applies the instrument provisionally
    PARTY = "party"  # in force for the state
    SUSPENDED = "suspended"
    WITHDRAWN = "withdrawn"

    @property
    def bound(self) -> bool:
        return self in (Standing.PARTY, Standing.SUSPENDED)


@dataclass(slots=True)
class StateStatus:
    state: str
    standing: Standing = Standing.NONE
    signature: Act | None = None
    consent: Act | None = None
    in_force_from: dt.date | None = None  # the instrument's entry into force for this state
    basis: str = ""  # why that date
    provisional_from: dt.date | None = None
    withdrawal: Act | None = None
    withdrawal_effective: dt.date | None = None
    suspended_from: dt.date | None = None
    revoked: list[tuple[Act, Act]] = field(default_factory=list)  # (revoked act, revocation)
    annotations: list[Act] = field(default_factory=list)
    undeposited: Act | None = None  # a consent known only from the state's own law

    @property
    def outstanding(self) -> bool:
        """Signed, not (yet) in force for it, not withdrawn: what a delegation still owes."""
        return self.signature is not None and self.standing in (
            Standing.SIGNATORY,
            Standing.CONSENTED,
            Standing.PROVISIONAL,
        )


@dataclass(slots=True)
class InstrumentStatus:
    as_of: dt.date
    condition_met_on: dt.date | None = None
    entry_into_force: dt.date | None = None
    completed_by: Act | None = None
    jointly: tuple[Act, ...] = ()  # every consent of the deciding day
    basis: str = ""
    waiting_for: tuple[str, ...] = ()  # states of a named list (or signatories) still missing
    still_needed: tuple[str, ...] = ()  # each part of the condition not yet met, in words
    # False when the instrument is in force on a date the depositary declared (from a source) and
    # the recorded acts do not meet the condition: the parties are then not (all) recorded, and
    # their count must not be shown as the number of parties.
    parties_recorded: bool = True
    # A decision that takes effect on adoption binds by its adoption: it has no parties to count.
    on_adoption: bool = False
    effective_from: dt.date | None = None  # retroactive effect, when the clauses give one
    term_ends: dt.date | None = None
    states: dict[str, StateStatus] = field(default_factory=dict)
    flags: list[Flag] = field(default_factory=list)

    @property
    def in_force(self) -> bool:
        return self.entry_into_force is not None and self.entry_into_force <= self.as_of

    @property
    def signatories(self) -> int:
        return sum(1 for s in self.states.values() if s.signature is not None)

    @property
    def parties(self) -> int:
        return sum(1 for s in self.states.values() if s.standing.bound)

    @property
    def consents(self) -> int:
        return sum(
            1
            for s in self.states.values()
            if s.consent is not None and s.standing is not Standing.WITHDRAWN
        )

    def effective_dates(self) -> dict[int, dt.date]:
        """Each act's date of effect, as UN registration records print it beside the deposit:
        a consent takes effect when the instrument enters into force for the state, a withdrawal
        when its notice period ends, provisional application from its start. Acts missing from
        the answer have no effect yet (a consent before entry into force)."""
        dates: dict[int, dt.date] = {}
        for s in self.states.values():
            if s.signature is not None:
                dates[s.signature.key] = s.signature.date
            if s.consent is not None and s.in_force_from is not None:
                dates[s.consent.key] = s.in_force_from
            if s.withdrawal is not None and s.withdrawal_effective is not None:
                dates[s.withdrawal.key] = s.withdrawal_effective
            for act in s.annotations:
                dates[act.key] = act.date
            for _target, revocation in s.revoked:
                dates[revocation.key] = revocation.date
        return dates


def _ends(acts: Sequence[Act], clauses: FinalClauses) -> dict[int, dt.date]:
    """For each consent or signature: the day it stops counting (revoked, or withdrawal effective)."""
    end: dict[int, dt.date] = {}
    latest: dict[str, list[Act]] = {}
    # A withdrawal revoked before it took effect never ends anything (the Gambia, Rome Statute).
    revoked_on = {a.revokes: a.date for a in acts if a.kind is ActKind.REVOCATION}
    for act in acts:
        if act.kind is ActKind.REVOCATION and act.revokes is not None:
            end[act.revokes] = min(end.get(act.revokes, act.date), act.date)
        elif act.kind is ActKind.WITHDRAWAL:
            effective = clauses.withdrawal.effective(act.date, act.named_date)
            cancelled = revoked_on.get(act.key)
            if cancelled is not None and cancelled < effective:
                continue
            for earlier in latest.get(act.state, []):
                end.setdefault(earlier.key, effective)
            latest[act.state] = []
            continue
        if act.kind in clauses.entry_into_force.condition.counted or act.kind in SIGNATURE_KINDS:
            latest.setdefault(act.state, []).append(act)
    return end


def evaluate(
    clauses: FinalClauses,
    acts: Iterable[Act],
    *,
    as_of: dt.date,
    adopted: dt.date | None = None,
    members: frozenset[str] = frozenset(),
    check: bool = True,
) -> InstrumentStatus:
    """The instrument's status on `as_of`, from the acts registered so far.

    `members` are the organization's member states, counted by 'at least q by member states'
    when the condition names no reference group of its own; `check=False` skips `check_acts` for
    callers that validated when storing.
    """
    known = ordered(a for a in acts if a.date <= as_of)
    result = InstrumentStatus(as_of=as_of)
    if check:
        result.flags = check_acts(
            known, adopted=adopted, withdrawal_effective=clauses.withdrawal.effective
        )
    eif = clauses.entry_into_force
    cond = eif.condition
    ends = _ends(known, clauses)

    counted = cond.counted
    group = cond.group.states if cond.group is not None else members
    # Signatures matter to the condition only when every signatory must consent.
    track_signers = cond.all_signatories

    def counts(act: Act) -> bool:
        return act.deposited and act.kind in counted

    # --- when was the condition met? one pass, by day ----------------------------------------
    active: dict[str, int] = {}  # state -> number of its counting consents in effect
    signers: dict[str, int] = {}
    weight = 0.0
    members_count = 0
    unsatisfied_named = set(cond.all_of)
    unconsented_signers: set[str] = set()
    # Each act starts counting on its date and stops on its end date: a timeline of changes.
    changes: dict[dt.date, list[tuple[int, Act]]] = {}
    for act in known:
        if (act.deposited and act.kind in counted) or (
            track_signers and act.kind in SIGNATURE_KINDS
        ):
            changes.setdefault(act.date, []).append((+1, act))
            stop = ends.get(act.key)
            if stop is not None and stop <= as_of:
                changes.setdefault(stop, []).append((-1, act))

    def add(act: Act, step: int) -> None:
        nonlocal weight, members_count
        state = act.state
        if track_signers and act.kind in SIGNATURE_KINDS:
            signers[state] = signers.get(state, 0) + step
            if signers[state] <= 0:
                signers.pop(state)
                unconsented_signers.discard(state)
            elif state not in active:
                unconsented_signers.add(state)
        if act.deposited and act.kind in counted:
            before = active.get(state, 0)
            active[state] = before + step
            if active[state] <= 0:
                active.pop(state)
            now = active.get(state, 0)
            if before == 0 and now > 0:
                weight += cond.weights.get(state, 0.0)
                members_count += state in group
                unsatisfied_named.discard(state)
                unconsented_signers.discard(state)
            elif before > 0 and now == 0:
                weight -= cond.weights.get(state, 0.0)
                members_count -= state in group
                if state in cond.all_of:
                    unsatisfied_named.add(state)
                if state in signers:
                    unconsented_signers.add(state)

    def met() -> bool:
        return (
            len(active) >= cond.consents
            and members_count >= cond.of_members
            and weight + 1e-9 >= cond.min_weight
            and not unsatisfied_named
            and not (cond.all_signatories and (unconsented_signers or not signers))
        )

    condition_day: dt.date | None = None
    if eif.declared is not None and eif.declared.date <= as_of:
        condition_day = eif.declared.date
        result.basis = f"condition declared met by the depositary: {eif.declared.reason}"
    elif cond.trivial and adopted is not None and adopted <= as_of:
        condition_day = adopted
        result.basis = "in effect on adoption"
        result.on_adoption = True
    else:
        for day in sorted(changes):
            day_changes = changes[day]
            for step, act in day_changes:
                if step < 0:
                    add(act, step)
            for step, act in day_changes:
                if step > 0:
                    add(act, step)
            if met():
                condition_day = day
                joint = tuple(a for s, a in day_changes if s > 0 and counts(a))
                result.jointly = joint
                # The deciding act: take the day's consents back, last received first, until
                # the condition fails; the one whose removal broke it completed the condition.
                removed = []
                for act in reversed(joint):
                    add(act, -1)
                    removed.append(act)
                    if not met():
                        result.completed_by = act
                        break
                for act in reversed(removed):
                    add(act, +1)
                break
        if condition_day is None:
            missing = set(unsatisfied_named)
            if cond.all_signatories:
                missing |= unconsented_signers
            result.waiting_for = tuple(sorted(missing))
            result.still_needed = _still_needed(
                cond,
                len(active),
                members_count,
                weight,
                bool(group),
                unsatisfied_named,
                bool(signers),
                unconsented_signers,
            )

    # --- the instrument's date ---------------------------------------------------------------
    instrument_date: dt.date | None = None
    if condition_day is not None:
        result.condition_met_on = condition_day
        if eif.fixed_date is not None:
            if condition_day < eif.fixed_date:
                instrument_date = eif.fixed_date
            else:
                result.flags.append(
                    Flag(
                        0,
                        "",
                        "condition_after_fixed_date",
                        f"the condition was met on {condition_day.isoformat()}, not before the "
                        f"fixed date {eif.fixed_date.isoformat()}",
                    )
                )
        else:
            instrument_date = eif.timing.apply(condition_day)
            if eif.floor is not None and instrument_date < eif.floor:
                instrument_date = eif.floor
        if instrument_date is not None and not result.basis:
            by = result.completed_by
            who = f" ({by.kind.value} of {by.state}, {by.date.isoformat()})" if by else ""
            result.basis = (
                f"{cond.describe()} reached on {condition_day.isoformat()}{who}; "
                f"{eif.timing.describe()} that date"
            )
    result.entry_into_force = instrument_date
    if eif.declared is not None and condition_day == eif.declared.date:
        from_acts = evaluate(
            replace(clauses, entry_into_force=replace(eif, declared=None)),
            known,
            as_of=as_of,
            adopted=adopted,
            members=members,
            check=False,
        )
        result.parties_recorded = from_acts.condition_met_on is not None
    if instrument_date is not None:
        result.effective_from = eif.retroactive_from
        result.term_ends = clauses.term.current_end(instrument_date, as_of)

    # --- each state ----------------------------------------------------------------------------
    states = result.states
    by_key = {act.key: act for act in known}

    ended = {key for key, stop in ends.items() if stop <= as_of}

    def live(act: Act) -> bool:
        return act.key not in ended

    for act in known:
        status = states.get(act.state)
        if status is None:
            status = states[act.state] = StateStatus(act.state)
        kind = act.kind
        if kind in SIGNATURE_KINDS and status.signature is None:
            status.signature = act  # kept after a withdrawal: it is history; a revocation clears it
        if kind is ActKind.REVOCATION and act.revokes is not None:
            target = by_key.get(act.revokes)
            if target is not None:
                status.revoked.append((target, act))
                if status.signature is target:
                    status.signature = None
                if status.consent is target:
                    status.consent = None
                if status.withdrawal is target and (
                    status.withdrawal_effective is None or act.date < status.withdrawal_effective
                ):
                    status.withdrawal = None  # the notice was taken back in time
                    status.withdrawal_effective = None
        elif kind in ANNOTATION_KINDS:
            status.annotations.append(act)
        elif kind is ActKind.PROVISIONAL_APPLICATION:
            status.provisional_from = status.provisional_from or act.date
        elif kind is ActKind.SUSPENSION:
            lifted = act.named_date is not None and act.named_date <= as_of
            status.suspended_from = None if lifted else act.date
        elif kind is ActKind.WITHDRAWAL:
            status.withdrawal = act
            status.withdrawal_effective = clauses.withdrawal.effective(act.date, act.named_date)
        if act.deposited and act.kind in counted:
            current = status.consent
            if current is None or (not live(current) and live(act)):
                status.consent = act
                if status.withdrawal is not None and status.withdrawal.date < act.date:
                    status.withdrawal = None  # a new consent after leaving: a party again
                    status.withdrawal_effective = None
        elif kind in CONSENT_KINDS and not act.deposited and status.undeposited is None:
            status.undeposited = act
    for status in states.values():
        _settle(status, clauses, result, condition_day, instrument_date, as_of)
    return result


def _consents(n: int) -> str:
    return f"{n} more consent{'s' if n != 1 else ''}"


def _still_needed(
    cond: Condition,
    consents: int,
    in_group: int,
    weight: float,
    group_known: bool,
    unsatisfied_named: set[str],
    has_signers: bool,
    unconsented_signers: set[str],
) -> tuple[str, ...]:
    """What the condition still waits for, part by part, as the status answer says it."""
    needed = []
    if consents < cond.consents:
        needed.append(f"{_consents(cond.consents - consents)} ({consents} of {cond.consents})")
    if in_group < cond.of_members:
        text = (
            f"{_consents(cond.of_members - in_group)} by {cond.group_name} "
            f"({in_group} of {cond.of_members})"
        )
        if not group_known:
            text += "; the states of that group are not known to this record"
        needed.append(text)
    if weight + 1e-9 < cond.min_weight:
        needed.append(
            f"consenting states holding {cond.min_weight - weight:g} more "
            f"({weight:g} of {cond.min_weight:g})"
        )
    if unsatisfied_named:
        needed.append(f"consent of {', '.join(sorted(unsatisfied_named))}")
    if cond.all_signatories:
        if not has_signers:
            needed.append("signatures, then the consent of every signatory")
        elif unconsented_signers:
            needed.append(f"consent of the signatories {', '.join(sorted(unconsented_signers))}")
    return tuple(needed)


def _settle(
    status: StateStatus,
    clauses: FinalClauses,
    result: InstrumentStatus,
    condition_day: dt.date | None,
    instrument_date: dt.date | None,
    as_of: dt.date,
) -> None:
    eif = clauses.entry_into_force
    consent = status.consent
    if consent is not None and instrument_date is not None and condition_day is not None:
        own = consent.date
        later = eif.later
        if eif.fixed_date is not None:
            is_later = own >= eif.fixed_date
        elif later.start is LaterStart.CONDITION:
            is_later = own > condition_day
        else:
            is_later = own >= instrument_date
        if not is_later:
            status.in_force_from = instrument_date
            status.basis = eif.article
        else:
            date = later.timing.apply(own)
            if later.not_before_entry_into_force and date < instrument_date:
                date = instrument_date
            status.in_force_from = date
            status.basis = later.article or eif.article
    if clauses.provisional.mode is ProvisionalMode.NONE:
        status.provisional_from = None
    elif clauses.provisional.mode is ProvisionalMode.FROM_SIGNATURE and status.signature:
        status.provisional_from = status.provisional_from or status.signature.date
    if status.withdrawal_effective is not None and status.withdrawal_effective <= as_of:
        status.standing = Standing.WITHDRAWN
    elif status.in_force_from is not None and status.in_force_from <= as_of:
        status.standing = Standing.SUSPENDED if status.suspended_from else Standing.PARTY
    elif status.provisional_from is not None and status.provisional_from <= as_of:
        status.standing = Standing.PROVISIONAL
    elif consent is not None:
        status.standing = Standing.CONSENTED
    elif status.signature is not None:
        status.standing = Standing.SIGNATORY
    else:
        status.standing = Standing.NONE

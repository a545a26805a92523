"""An instrument's final clauses as data: when it enters into force, for whom, how one leaves it.

Use `FinalClauses.from_dict` to read the clauses of the import format (and of the database's JSON
column) and `to_dict` to write them back; `engine.evaluate` applies them to the acts. Every pattern
the issue lists is a combination of the pieces below, e.g.

- Arms Trade Treaty art. 22: `Condition(consents=50)`, `Timing(days=90)`, later states
  `Later(start=ENTRY_INTO_FORCE, timing=Timing(days=90))`;
- Council of Europe standard clause: `Condition(consents=5, of_members=3, group=ReferenceGroup(
  "member States of the Council of Europe", {...}))`, `Timing(months=3,
  align=FIRST_OF_FOLLOWING_MONTH)`;
- in force on receipt of the N-th notification of completion of internal procedures (the form
  of many agreements of the post-Soviet organizations): `Condition(consents=N,
  counted={notification})`, `Timing()` (no delay). An organization names its usual form in its
  dataset (organization.json `default_final_clauses`), given to a record that has none.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any

from secretariat.core.domain.errors import RuleViolation
from secretariat.depositary.domain.acts import CONSENT_KINDS, ActKind
from secretariat.depositary.domain.dates import (
    add_days,
    add_months,
    first_of_following_month,
    first_of_month,
)


class Align(StrEnum):
    EXACT = "exact"  # D + months + days
    FIRST_OF_FOLLOWING_MONTH = "first_of_following_month"  # then the 1st of the next month
    FIRST_OF_MONTH = "first_of_month"  # the 1st of D's month, + months (+ days)


class LaterStart(StrEnum):
    """What a later state's own deposit is compared with to decide it is 'later'."""

    ENTRY_INTO_FORCE = "entry_into_force"  # ATT art. 22(2): deposits after the treaty's EIF
    CONDITION = "condition"  # TPNW art. 15(2): deposits after the N-th deposit


class ProvisionalMode(StrEnum):
    NONE = "none"
    FROM_SIGNATURE = "from_signature"
    ON_DECLARATION = "on_declaration"


@dataclass(frozen=True, slots=True)
class Timing:
    """How a date follows the event that triggers it."""

    days: int = 0
    months: int = 0
    align: Align = Align.EXACT

    def __post_init__(self) -> None:
        if self.align is Align.FIRST_OF_MONTH and self.months < 1:
            # "The first day of the 0th month after the month of D" would fall before D.
            raise RuleViolation(
                "timing: first_of_month needs months of 1 or more", field="timing.months"
            )

    def apply(self, day: dt.date) -> dt.date:
        if self.align is Align.FIRST_OF_MONTH:
            return add_days(add_months(first_of_month(day), self.months), self.days)
        moved = add_days(add_months(day, self.months), self.days)
        if self.align is Align.FIRST_OF_FOLLOWING_MONTH:
            return first_of_following_month(moved)
        return moved

    def describe(self) -> str:
        parts = []
        if self.months:
            parts.append(f"{self.months} month{'s' if self.months != 1 else ''}")
        if self.days:
            parts.append(f"{self.days} day{'s' if self.days != 1 else ''}")
        span = " and ".join(parts)
        if self.align is Align.FIRST_OF_MONTH:
            return f"the first day of the {self.months}th month after the month of"
        if self.align is Align.FIRST_OF_FOLLOWING_MONTH:
            return (
                f"the first day of the month following {span} after"
                if span
                else "the first day of the month following"
            )
        return f"{span} after" if span else "in force on"


@dataclass(frozen=True, slots=True)
class ReferenceGroup:
    """The states a clause's "including q by …" counts: data of the instrument, because it is
    often another organization's membership ("three member States of the Council of Europe") or
    a list annexed to the instrument, not the members of the organization keeping the record."""

    name: str
    states: frozenset[str]


@dataclass(frozen=True, slots=True)
class Condition:
    """What must have happened for the instrument to enter into force; all parts must hold."""

    consents: int = 0  # at least N consents
    of_members: int = 0  # of which at least q by states of `group`
    # None: the organization's own member states (passed to the engine as `members`).
    group: ReferenceGroup | None = None
    all_signatories: bool = False  # every state that signed has consented
    all_of: frozenset[str] = frozenset()  # every state of a named list has consented
    weights: Mapping[str, float] = field(default_factory=dict)  # share held by each state
    min_weight: float = 0.0  # total share the consenting states must hold
    counted: frozenset[ActKind] = CONSENT_KINDS  # which acts count as consent

    @property
    def group_name(self) -> str:
        return self.group.name if self.group else "member states"

    @property
    def trivial(self) -> bool:
        """Nothing to wait for: the instrument takes effect on adoption (a decision)."""
        return not (self.consents or self.all_signatories or self.all_of or self.min_weight)

    def describe(self) -> str:
        parts = []
        if self.consents:
            text = f"{self.consents} consents to be bound"
            if ActKind.NOTIFICATION in self.counted and len(self.counted) == 1:
                text = f"receipt of the {self.consents}th notification of completion of internal procedures"
            if self.of_members:
                text += f", including at least {self.of_members} by {self.group_name}"
            parts.append(text)
        if self.min_weight:
            parts.append(f"consenting states holding at least {self.min_weight:g}% of the total")
        if self.all_signatories:
            parts.append("consent of every signatory")
        if self.all_of:
            parts.append(f"consent of each of the {len(self.all_of)} listed states")
        return "; ".join(parts) or "adoption"


@dataclass(frozen=True, slots=True)
class Later:
    """Entry into force for a state whose consent comes after the condition was met."""

    timing: Timing = Timing()
    start: LaterStart = LaterStart.ENTRY_INTO_FORCE
    not_before_entry_into_force: bool = True
    article: str = ""


@dataclass(frozen=True, slots=True)
class Declared:
    """The depositary's own finding that the condition was met, e.g. a weight it cannot compute."""

    date: dt.date
    reason: str
    reason_ru: str = ""  # the same reason in Russian, where the record has it


@dataclass(frozen=True, slots=True)
class EntryIntoForce:
    condition: Condition = Condition()
    timing: Timing = Timing()
    floor: dt.date | None = None  # not before this date (CWC art. XXI, CTBT art. XIV)
    fixed_date: dt.date | None = None  # on this date, provided the condition was met before it
    later: Later = Later()
    retroactive_from: dt.date | None = None  # the instrument takes effect from an earlier date
    declared: Declared | None = None
    article: str = ""
    article_ru: str = ""


@dataclass(frozen=True, slots=True)
class Withdrawal:
    allowed: bool = True
    days: int = 0
    months: int = 0
    state_may_name_later_date: bool = True
    article: str = ""

    def effective(self, notice: dt.date, named: dt.date | None) -> dt.date:
        """Effective after the notice period, or on the later date the state named."""
        earliest = add_days(add_months(notice, self.months), self.days)
        if named is not None and self.state_may_name_later_date and named > earliest:
            return named
        return earliest


@dataclass(frozen=True, slots=True)
class Term:
    years: int = 0  # 0: no fixed term
    renewal_years: int = 0  # 0: not renewed automatically
    article: str = ""

    def current_end(self, start: dt.date, on: dt.date) -> dt.date | None:
        """The end of the term running on `on` (None: no term, or expired without renewal)."""
        if not self.years:
            return None
        end = add_months(start, 12 * self.years)
        while end <= on and end != dt.date.max:
            if not self.renewal_years:
                return None
            end = add_months(end, 12 * self.renewal_years)
        return end


@dataclass(frozen=True, slots=True)
class Provisional:
    mode: ProvisionalMode = ProvisionalMode.NONE
    article: str = ""


@dataclass(frozen=True, slots=True)
class FinalClauses:
    entry_into_force: EntryIntoForce = EntryIntoForce()
    withdrawal: Withdrawal = Withdrawal()
    term: Term = Term()
    provisional: Provisional = Provisional()

    @classmethod
    def from_dict(cls, data: Mapping[str, Any] | None, path: str = "final_clauses") -> FinalClauses:
        return _parse_clauses(data or {}, path)

    def to_dict(self) -> dict[str, Any]:
        eif = self.entry_into_force
        cond = eif.condition
        return {
            "entry_into_force": {
                "article": eif.article,
                "article_ru": eif.article_ru,
                "condition": {
                    "consents": cond.consents,
                    "of_members": cond.of_members,
                    "members_of": (
                        {"name": cond.group.name, "states": sorted(cond.group.states)}
                        if cond.group
                        else None
                    ),
                    "all_signatories": cond.all_signatories,
                    "all_of": sorted(cond.all_of),
                    "weights": dict(sorted(cond.weights.items())),
                    "min_weight": cond.min_weight,
                    "counted": sorted(k.value for k in cond.counted),
                },
                "timing": _timing_dict(eif.timing),
                "floor": _iso(eif.floor),
                "fixed_date": _iso(eif.fixed_date),
                "later": {
                    "article": eif.later.article,
                    "start": eif.later.start.value,
                    "timing": _timing_dict(eif.later.timing),
                    "not_before_entry_into_force": eif.later.not_before_entry_into_force,
                },
                "retroactive_from": _iso(eif.retroactive_from),
                "declared": (
                    {
                        "date": eif.declared.date.isoformat(),
                        "reason": eif.declared.reason,
                        "reason_ru": eif.declared.reason_ru,
                    }
                    if eif.declared
                    else None
                ),
            },
            "withdrawal": {
                "article": self.withdrawal.article,
                "allowed": self.withdrawal.allowed,
                "days": self.withdrawal.days,
                "months": self.withdrawal.months,
                "state_may_name_later_date": self.withdrawal.state_may_name_later_date,
            },
            "term": {
                "article": self.term.article,
                "years": self.term.years,
                "renewal_years": self.term.renewal_years,
            },
            "provisional_application": {
                "article": self.provisional.article,
                "mode": self.provisional.mode.value,
            },
        }


def _iso(day: dt.date | None) -> str | None:
    return day.isoformat() if day else None


def _timing_dict(timing: Timing) -> dict[str, Any]:
    return {"days": timing.days, "months": timing.months, "align": timing.align.value}


# --- parsing, with the path of every error ------------------------------------------------------


def _object(value: Any, path: str) -> Mapping[str, Any]:
    if value is None:
        return {}
    if not isinstance(value, Mapping):
        raise RuleViolation(f"{path}: must be an object", field=path)
    return value


def _count(data: Mapping[str, Any], key: str, path: str, limit: int = 100_000) -> int:
    value = data.get(key, 0)
    if value is None:
        return 0
    if isinstance(value, bool) or not isinstance(value, int) or not 0 <= value <= limit:
        raise RuleViolation(
            f"{path}.{key}: must be a whole number from 0 to {limit}; got {value!r}",
            field=f"{path}.{key}",
        )
    return value


def _flag(data: Mapping[str, Any], key: str, path: str, default: bool) -> bool:
    value = data.get(key, default)
    if not isinstance(value, bool):
        raise RuleViolation(f"{path}.{key}: must be true or false", field=f"{path}.{key}")
    return value


def _text(data: Mapping[str, Any], key: str, path: str) -> str:
    value = data.get(key) or ""
    if not isinstance(value, str):
        raise RuleViolation(f"{path}.{key}: must be text", field=f"{path}.{key}")
    return value.strip()


def _date(data: Mapping[str, Any], key: str, path: str) -> dt.date | None:
    value = data.get(key)
    if value is None or value == "":
        return None
    if isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(str(value))
    except ValueError:
        raise RuleViolation(
            f"{path}.{key}: must be a date written YYYY-MM-DD; got {value!r}", field=f"{path}.{key}"
        ) from None


def _enum(enum: type[Any], data: Mapping[str, Any], key: str, path: str, default: Any) -> Any:
    value = data.get(key) or default.value
    try:
        return enum(value)
    except ValueError:
        choices = ", ".join(item.value for item in enum)
        raise RuleViolation(
            f"{path}.{key}: must be one of {choices}; got {value!r}", field=f"{path}.{key}"
        ) from None


def _timing(value: Any, path: str) -> Timing:
    data = _object(value, path)
    try:
        return Timing(
            days=_count(data, "days", path),
            months=_count(data, "months", path, limit=1200),
            align=_enum(Align, data, "align", path, Align.EXACT),
        )
    except RuleViolation as exc:
        if exc.field == "timing.months":
            raise RuleViolation(
                f"{path}.months: first_of_month needs months of 1 or more", field=f"{path}.months"
            ) from None
        raise


def _states(value: Any, path: str) -> frozenset[str]:
    if value is None:
        return frozenset()
    if not isinstance(value, list | tuple | set | frozenset) or not all(
        isinstance(v, str) for v in value
    ):
        raise RuleViolation(f"{path}: must be a list of state codes", field=path)
    return frozenset(v.strip().upper() for v in value)


def _condition(value: Any, path: str) -> Condition:
    data = _object(value, path)
    weights_raw = _object(data.get("weights"), f"{path}.weights")
    weights: dict[str, float] = {}
    for state, share in weights_raw.items():
        if isinstance(share, bool) or not isinstance(share, int | float) or share < 0:
            raise RuleViolation(
                f"{path}.weights.{state}: must be a non-negative number", field=f"{path}.weights"
            )
        weights[str(state).upper()] = float(share)
    min_weight = data.get("min_weight", 0) or 0
    if isinstance(min_weight, bool) or not isinstance(min_weight, int | float) or min_weight < 0:
        raise RuleViolation(f"{path}.min_weight: must be a non-negative number", field=path)
    counted_raw = data.get("counted")
    counted = CONSENT_KINDS
    if counted_raw is not None:
        if not isinstance(counted_raw, list) or not counted_raw:
            raise RuleViolation(
                f"{path}.counted: must be a non-empty list of act kinds", field=path
            )
        kinds = []
        for position, raw in enumerate(counted_raw):
            try:
                kind = ActKind(raw)
            except ValueError:
                kind = None
            if kind not in CONSENT_KINDS:
                choices = ", ".join(sorted(k.value for k in CONSENT_KINDS))
                raise RuleViolation(
                    f"{path}.counted[{position}]: {raw!r} is not a consent; use {choices}",
                    field=f"{path}.counted",
                )
            kinds.append(kind)
        counted = frozenset(k for k in kinds if k is not None)
    group = None
    group_raw = data.get("members_of")
    if group_raw is not None:
        group_path = f"{path}.members_of"
        group_data = _object(group_raw, group_path)
        group_name = _text(group_data, "name", group_path)
        group_states = _states(group_data.get("states"), f"{group_path}.states")
        if not group_name or not group_states:
            raise RuleViolation(
                f"{group_path}: a reference group needs its name and its states", field=group_path
            )
        group = ReferenceGroup(group_name, group_states)
    condition = Condition(
        consents=_count(data, "consents", path),
        of_members=_count(data, "of_members", path),
        group=group,
        all_signatories=_flag(data, "all_signatories", path, False),
        all_of=_states(data.get("all_of"), f"{path}.all_of"),
        weights=weights,
        min_weight=float(min_weight),
        counted=counted,
    )
    if condition.of_members > condition.consents:
        raise RuleViolation(
            f"{path}: of_members ({condition.of_members}) cannot exceed consents "
            f"({condition.consents})",
            field=f"{path}.of_members",
        )
    if condition.min_weight and not condition.weights:
        raise RuleViolation(
            f"{path}: a min_weight needs the weights of the states", field=f"{path}.weights"
        )
    return condition


def _parse_clauses(data: Mapping[str, Any], path: str) -> FinalClauses:
    data = _object(data, path)
    eif_path = f"{path}.entry_into_force"
    eif = _object(data.get("entry_into_force"), eif_path)
    later_path = f"{eif_path}.later"
    later = _object(eif.get("later"), later_path)
    declared_path = f"{eif_path}.declared"
    declared_raw = eif.get("declared")
    declared = None
    if declared_raw is not None:
        declared_data = _object(declared_raw, declared_path)
        declared_date = _date(declared_data, "date", declared_path)
        reason = _text(declared_data, "reason", declared_path)
        if declared_date is None or not reason:
            raise RuleViolation(
                f"{declared_path}: a declared fulfilment needs a date and the reason for it",
                field=declared_path,
            )
        declared = Declared(declared_date, reason, _text(declared_data, "reason_ru", declared_path))
    wd_path = f"{path}.withdrawal"
    withdrawal = _object(data.get("withdrawal"), wd_path)
    term_path = f"{path}.term"
    term = _object(data.get("term"), term_path)
    prov_path = f"{path}.provisional_application"
    provisional = _object(data.get("provisional_application"), prov_path)
    return FinalClauses(
        entry_into_force=EntryIntoForce(
            condition=_condition(eif.get("condition"), f"{eif_path}.condition"),
            timing=_timing(eif.get("timing"), f"{eif_path}.timing"),
            floor=_date(eif, "floor", eif_path),
            fixed_date=_date(eif, "fixed_date", eif_path),
            later=Later(
                timing=_timing(later.get("timing"), f"{later_path}.timing"),
                start=_enum(LaterStart, later, "start", later_path, LaterStart.ENTRY_INTO_FORCE),
                not_before_entry_into_force=_flag(
                    later, "not_before_entry_into_force", later_path, True
                ),
                article=_text(later, "article", later_path),
            ),
            retroactive_from=_date(eif, "retroactive_from", eif_path),
            declared=declared,
            article=_text(eif, "article", eif_path),
            article_ru=_text(eif, "article_ru", eif_path),
        ),
        withdrawal=Withdrawal(
            allowed=_flag(withdrawal, "allowed", wd_path, True),
            days=_count(withdrawal, "days", wd_path),
            months=_count(withdrawal, "months", wd_path, limit=1200),
            state_may_name_later_date=_flag(withdrawal, "state_may_name_later_date", wd_path, True),
            article=_text(withdrawal, "article", wd_path),
        ),
        term=Term(
            years=_count(term, "years", term_path, limit=1000),
            renewal_years=_count(term, "renewal_years", term_path, limit=1000),
            article=_text(term, "article", term_path),
        ),
        provisional=Provisional(
            mode=_enum(ProvisionalMode, provisional, "mode", prov_path, ProvisionalMode.NONE),
            article=_text(provisional, "article", prov_path),
        ),
    )

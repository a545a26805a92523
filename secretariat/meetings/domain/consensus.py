"""The consensus engine: is a draft adopted, and for whom is it binding? It always says why.

Use `evaluate(rules, members, present, positions)` with the rules of procedure as data (a
`Rules` value, read from the organization's dataset by `rules_from_dict`) and the facts of one session: who was a member that day, who took
part, and what each state declared. The engine picks no side in a dispute: run it once per reading
that someone claims, and show each verdict next to the claim.

A position is what a state declared about a draft; a member that took part and declared nothing
raised no objection, which is what consensus asks for. An absent member's silence is consent only
under readings that count the members present.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from enum import StrEnum
from fractions import Fraction

from secretariat.core.domain.errors import RuleViolation


class Position(StrEnum):
    SUPPORTS = "supports"
    OBJECTS = "objects"
    ABSTAINS = "abstains"
    NOT_INTERESTED = "not_interested"  # stays out: the decision does not bind it


class Base(StrEnum):
    """Whose consent makes consensus."""

    ALL_MEMBERS = "all_members"  # every member on the day, whether it came or not
    PRESENT = "present"  # the members that took part in the session


class Outcome(StrEnum):
    DRAFT = "draft"  # not yet decided
    ADOPTED = "adopted"
    NOT_ADOPTED = "not_adopted"
    WITHDRAWN = "withdrawn"  # taken off the agenda; says nothing about positions


@dataclass(frozen=True)
class Rules:
    """One reading of the rules of procedure. Data, not code: a new reading is a new value."""

    code: str
    title: str
    base: Base
    title_ru: str = ""
    blocking: frozenset[Position] = frozenset({Position.OBJECTS})
    # May a member declare it is not interested, so that it neither blocks nor is bound?
    non_interest_allowed: bool = True
    # Share of the members that must take part for the session to decide at all (None: no rule).
    quorum: Fraction | None = None
    # Is an absent member bound by what the others adopted? (Under ALL_MEMBERS nothing is adopted
    # without it, so this only matters for PRESENT readings.)
    absent_bound: bool = False
    sources: tuple[str, ...] = ()
    uncertain: bool = False
    note: str = ""
    note_ru: str = ""


@dataclass(frozen=True)
class Verdict:
    rules: Rules
    adopted: bool
    binding_on: tuple[str, ...]
    not_bound: Mapping[str, str]  # state -> why the decision does not bind it
    blocked_by: tuple[str, ...]
    reasons: tuple[str, ...] = field(default=())
    # The same sentences as facts: (step, values), one per reason, so that a page can write each
    # in its own language (meetings/wording.py); values are state codes, counts and the reading.
    steps: tuple[Step, ...] = field(default=())

    def explain(self) -> str:
        return " ".join(self.reasons)


Step = tuple[str, tuple[tuple[str, object], ...]]


def _names(codes: Iterable[str]) -> str:
    items = sorted(codes)
    return ", ".join(items) if items else "none"


def check_positions(members: Iterable[str], positions: Mapping[str, Position]) -> None:
    """A position can only come from a state that was a member on the day."""
    member_set = set(members)
    strangers = sorted(set(positions) - member_set)
    if strangers:
        raise RuleViolation(
            f"{', '.join(strangers)} {'was' if len(strangers) == 1 else 'were'} not a member on "
            "the day of the decision and cannot take a position on it",
            field="state",
        )


def evaluate(
    rules: Rules,
    members: Iterable[str],
    present: Iterable[str],
    positions: Mapping[str, Position],
) -> Verdict:
    """Decide a draft under `rules` and explain the result sentence by sentence."""
    member_set = set(members)
    present_set = set(present)
    check_positions(member_set, positions)
    not_members_present = present_set - member_set
    if not_members_present:
        raise RuleViolation(
            f"{_names(not_members_present)} took part but {'was' if len(not_members_present) == 1 else 'were'} "
            "not a member; guests do not count towards consensus",
            field="state",
        )
    reasons: list[str] = []
    steps: list[Step] = []

    def say(step: str, sentence: str, **values: object) -> None:
        reasons.append(sentence)
        steps.append((step, tuple(values.items())))

    def verdict(
        adopted: bool,
        binding_on: tuple[str, ...],
        not_bound: Mapping[str, str],
        blocked_by: tuple[str, ...],
    ) -> Verdict:
        return Verdict(
            rules, adopted, binding_on, not_bound, blocked_by, tuple(reasons), tuple(steps)
        )

    say("reading", f"Reading applied: {rules.title}.", reading=rules.code)
    if not member_set:
        say("no_members", "There were no members on the day.")
        return verdict(False, (), {}, ())

    if rules.quorum is not None:
        share = Fraction(len(present_set), len(member_set))
        if share < rules.quorum:
            say(
                "no_quorum",
                f"No quorum: {len(present_set)} of {len(member_set)} members took part, and the "
                f"rules ask for at least {rules.quorum} of them.",
                present=len(present_set),
                members=len(member_set),
                quorum=str(rules.quorum),
            )
            return verdict(False, (), {}, ())
        say(
            "quorum_met",
            f"Quorum met: {len(present_set)} of {len(member_set)} members took part.",
            present=len(present_set),
            members=len(member_set),
        )

    counted = member_set if rules.base is Base.ALL_MEMBERS else present_set | set(positions)
    blockers: set[str] = set()
    staying_out: set[str] = set()
    silent_absent: set[str] = set()
    for state in sorted(counted):
        position = positions.get(state)
        if position is None:
            if state not in present_set:
                silent_absent.add(state)
            continue
        if position is Position.NOT_INTERESTED and not rules.non_interest_allowed:
            say(
                "no_non_interest",
                f"{state} declared it is not interested, but this reading has no such option: "
                "staying out counts as withholding consent.",
                states=state,
            )
            blockers.add(state)
        elif position is Position.NOT_INTERESTED:
            staying_out.add(state)
        elif position in rules.blocking:
            blockers.add(state)

    if rules.base is Base.ALL_MEMBERS and silent_absent:
        say(
            "absent_blocks",
            f"{_names(silent_absent)} took no part and declared nothing; under this reading "
            "consensus needs every member, and an absent member's silence is not consent.",
            states=_names(silent_absent),
        )
        blockers |= silent_absent
    elif silent_absent:
        say(
            "absent",
            f"{_names(silent_absent)} took no part and declared nothing.",
            states=_names(silent_absent),
        )

    objecting = {s for s in blockers if positions.get(s) in rules.blocking}
    if objecting:
        kinds = sorted({positions[s].value for s in objecting})
        say(
            "blocked",
            f"{_names(objecting)} declared {' / '.join(kinds)}, which blocks consensus.",
            states=_names(objecting),
            positions=" / ".join(kinds),
        )
    if staying_out:
        say(
            "not_interested",
            f"{_names(staying_out)} declared {'it is' if len(staying_out) == 1 else 'they are'} "
            "not interested: no block, and not bound.",
            states=_names(staying_out),
        )

    consenting = {
        s
        for s in counted - blockers - staying_out - silent_absent
        if s in present_set or s in positions
    }
    if blockers:
        say("not_reached", "Not adopted: consensus was not reached.")
        return verdict(False, (), {}, tuple(sorted(blockers)))
    if not consenting:
        say("nobody_joined", "Not adopted: no member joined the decision.")
        return verdict(False, (), {}, ())

    not_bound: dict[str, str] = dict.fromkeys(staying_out, "declared it is not interested")
    binding = set(consenting)
    for state in member_set - counted | silent_absent:
        if rules.absent_bound:
            binding.add(state)
        else:
            not_bound[state] = "took no part and has not joined the decision"
    abstaining = {s for s in consenting if positions.get(s) is Position.ABSTAINS}
    if abstaining:
        say(
            "abstained",
            f"{_names(abstaining)} abstained, which does not block and still binds.",
            states=_names(abstaining),
        )
    say(
        "adopted",
        f"Adopted by consensus of {_names(consenting)}.",
        states=_names(consenting),
    )
    if rules.absent_bound and member_set - counted:
        say(
            "binds_absent",
            f"Under this reading it also binds the absent {_names(member_set - counted)}.",
            states=_names(member_set - counted),
        )
    return verdict(True, tuple(sorted(binding)), dict(sorted(not_bound.items())), ())


def check_outcome(outcome: Outcome, verdict: Verdict | None) -> None:
    """Refuse an outcome the recorded positions cannot produce under the decision's reading."""
    if verdict is None or outcome in (Outcome.DRAFT, Outcome.WITHDRAWN):
        return
    if outcome is Outcome.ADOPTED and not verdict.adopted:
        raise RuleViolation(
            "the recorded positions do not allow adoption: " + verdict.explain(), field="outcome"
        )
    if outcome is Outcome.NOT_ADOPTED and verdict.adopted:
        raise RuleViolation(
            "nothing in the recorded positions blocks this draft, so it cannot be recorded as not "
            "adopted (record it as withdrawn if it was taken off the agenda): " + verdict.explain(),
            field="outcome",
        )


def rules_from_dict(row: Mapping[str, object]) -> Rules:
    """A reading as an organization's dataset gives it (organization.json `readings`)."""
    quorum = row.get("quorum")
    blocking = row.get("blocking", [Position.OBJECTS.value])
    sources = row.get("sources", [])
    if not isinstance(blocking, list) or not isinstance(sources, list):
        raise RuleViolation(
            f"reading {row.get('code')!r}: 'blocking' and 'sources' are lists", field="readings"
        )
    try:
        return Rules(
            code=str(row["code"]),
            title=str(row["title_en"]),
            title_ru=str(row.get("title_ru", "")),
            base=Base(str(row.get("base", Base.PRESENT.value))),
            blocking=frozenset(Position(str(p)) for p in blocking),
            non_interest_allowed=bool(row.get("non_interest_allowed", True)),
            quorum=Fraction(str(quorum)) if quorum is not None else None,
            absent_bound=bool(row.get("absent_bound", False)),
            sources=tuple(str(s) for s in sources),
            uncertain=bool(row.get("uncertain", False)),
            note=str(row.get("note_en", "")),
            note_ru=str(row.get("note_ru", "")),
        )
    except (KeyError, ValueError, TypeError) as exc:
        raise RuleViolation(f"reading {row.get('code')!r}: {exc}", field="readings") from None


def reading(code: str, readings: Mapping[str, Rules]) -> Rules:
    """The reading `code` among the organization's `readings`; refused when it has no such one."""
    try:
        return readings[code]
    except KeyError:
        raise RuleViolation(
            f"unknown reading of the rules {code!r}; known: {', '.join(sorted(readings)) or 'none'}",
            field="rules",
        ) from None

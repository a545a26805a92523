"""The procedure of a request for collective assistance, as a state machine.

A request moves forward only: submitted → consultations → council decision → mandate →
deployment → withdrawal of the forces → closed. The requesting state may withdraw its request
until forces are deployed (after that, the forces are withdrawn instead). Use `advance` before
storing a step: it names the step that is out of place and says what may come next. Each step is
dated no earlier than the step before it, so the record never says something impossible
(a deployment before the request, a mandate before the decision).
"""

from __future__ import annotations

import datetime as dt
from enum import StrEnum

from secretariat.core.domain.errors import RuleViolation


class Status(StrEnum):
    SUBMITTED = "submitted"
    CONSULTATIONS = "consultations"
    DECIDED = "decided"
    MANDATED = "mandated"
    DEPLOYED = "deployed"
    FORCES_WITHDRAWN = "forces_withdrawn"
    CLOSED = "closed"
    WITHDRAWN = "withdrawn"  # the requesting state withdrew its request

    @property
    def is_open(self) -> bool:
        return self not in (Status.CLOSED, Status.WITHDRAWN)


class Step(StrEnum):
    CONSULT = "consult"
    DECIDE = "decide"
    MANDATE = "mandate"
    DEPLOY = "deploy"
    WITHDRAW_FORCES = "withdraw_forces"
    CLOSE = "close"
    WITHDRAW_REQUEST = "withdraw_request"


class Outcome(StrEnum):
    """What the organization's council decided on a request."""

    ADOPTED = "adopted"  # assistance as asked (e.g. forces sent)
    ALTERNATIVE = "alternative"  # a different response, such as a monitoring mission
    REJECTED = "rejected"

    @property
    def allows_mandate(self) -> bool:
        return self is not Outcome.REJECTED


S = Status
# step -> (statuses it may follow, status it leads to)
TRANSITIONS: dict[Step, tuple[frozenset[Status], Status]] = {
    Step.CONSULT: (frozenset({S.SUBMITTED, S.CONSULTATIONS}), S.CONSULTATIONS),
    Step.DECIDE: (frozenset({S.SUBMITTED, S.CONSULTATIONS}), S.DECIDED),
    Step.MANDATE: (frozenset({S.DECIDED}), S.MANDATED),
    Step.DEPLOY: (frozenset({S.MANDATED, S.DEPLOYED}), S.DEPLOYED),
    Step.WITHDRAW_FORCES: (frozenset({S.DEPLOYED}), S.FORCES_WITHDRAWN),
    # A request may also be closed without a decision (the Council never took one).
    Step.CLOSE: (
        frozenset({S.SUBMITTED, S.CONSULTATIONS, S.DECIDED, S.MANDATED, S.FORCES_WITHDRAWN}),
        S.CLOSED,
    ),
    Step.WITHDRAW_REQUEST: (
        frozenset({S.SUBMITTED, S.CONSULTATIONS, S.DECIDED, S.MANDATED}),
        S.WITHDRAWN,
    ),
}

STEP_NAMES = {
    Step.CONSULT: "consultations",
    Step.DECIDE: "a council decision",
    Step.MANDATE: "a mandate",
    Step.DEPLOY: "a deployment",
    Step.WITHDRAW_FORCES: "the withdrawal of the forces",
    Step.CLOSE: "closing the request",
    Step.WITHDRAW_REQUEST: "withdrawing the request",
}


def allowed_steps(status: Status) -> list[Step]:
    return [step for step, (sources, _) in TRANSITIONS.items() if status in sources]


def advance(
    status: Status,
    step: Step,
    *,
    on: dt.date,
    last_step_on: dt.date,
    outcome: Outcome | None = None,
) -> Status:
    """The status after `step` on `on`, or a RuleViolation saying why the step is out of place.

    `last_step_on` is the date of the latest step so far (the request's date at first);
    `outcome` is the council decision's outcome, needed to issue a mandate.
    """
    sources, target = TRANSITIONS[step]
    if status not in sources:
        nexts = ", ".join(STEP_NAMES[s] for s in allowed_steps(status)) or "nothing"
        raise RuleViolation(
            f"{STEP_NAMES[step]} is not possible while the request is {status.value}; "
            f"what may come next: {nexts}",
            field="status",
        )
    if on < last_step_on:
        raise RuleViolation(
            f"{STEP_NAMES[step]} cannot be dated {on.isoformat()}, before the previous step "
            f"of the procedure ({last_step_on.isoformat()})",
            field="date",
        )
    if step is Step.MANDATE and (outcome is None or not outcome.allows_mandate):
        raise RuleViolation(
            "a mandate needs a council decision that grants assistance; "
            f"the decision was {outcome.value if outcome else 'not taken'}",
            field="decision",
        )
    return target

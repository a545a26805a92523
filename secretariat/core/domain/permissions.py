"""The role × action × ownership table: the single answer to "may this actor do this?".

Every view, API operation, admin action and command asks `is_allowed` (through
`secretariat.core.permissions`), so the table below is the whole policy. Ownership is whose record
it is: a member state's (OWN when it is the actor's state, OTHER when not) or the secretariat's.
Keep docs/permissions.md in step with this table; a test walks all of it.
"""

from __future__ import annotations

from secretariat.assistance.domain.policy import POLICY as ASSISTANCE_POLICY
from secretariat.audit.domain.policy import POLICY as AUDIT_POLICY
from secretariat.core.domain.actors import Actor, Role
from secretariat.core.domain.scopes import Scope
from secretariat.depositary.domain.policy import POLICY as DEPOSITARY_POLICY
from secretariat.entrybans.domain.policy import POLICY as ENTRYBANS_POLICY
from secretariat.forces.domain.policy import POLICY as FORCES_POLICY
from secretariat.journal.domain.policy import POLICY as JOURNAL_POLICY
from secretariat.meetings.domain.policy import POLICY as MEETINGS_POLICY

__all__ = ["POLICY", "Scope", "is_allowed"]

# action -> {role: scope}. A role missing from an action's entry may not do it at all.
CORE_POLICY: dict[str, dict[Role, Scope]] = {
    # Membership notifications (withdrawal, freezing participation, ...): a delegation submits
    # its own state's; the secretariat records any state's and registers submitted ones.
    "members.submit_event": {
        Role.DELEGATION: Scope.OWN,
        Role.SECRETARIAT: Scope.ANY,
        Role.SYSTEM: Scope.ANY,
    },
    "members.view_pending_event": {
        Role.DELEGATION: Scope.OWN,
        Role.SECRETARIAT: Scope.ANY,
        Role.AUDITOR: Scope.ANY,
        Role.SYSTEM: Scope.ANY,
    },
    "members.register_event": {Role.SECRETARIAT: Scope.ANY, Role.SYSTEM: Scope.ANY},
    "members.reject_event": {Role.SECRETARIAT: Scope.ANY, Role.SYSTEM: Scope.ANY},
    "members.record_state": {Role.SECRETARIAT: Scope.ANY, Role.SYSTEM: Scope.ANY},
    "members.record_chair_term": {Role.SECRETARIAT: Scope.ANY, Role.SYSTEM: Scope.ANY},
    "members.record_secretary_general": {Role.SECRETARIAT: Scope.ANY, Role.SYSTEM: Scope.ANY},
    "members.record_indicator": {Role.SECRETARIAT: Scope.ANY, Role.SYSTEM: Scope.ANY},
    "journal.read_entries": {
        Role.AUDITOR: Scope.ANY,
        Role.SECRETARIAT: Scope.ANY,
        Role.SYSTEM: Scope.ANY,
    },
}


def _merge(*tables: dict[str, dict[Role, Scope]]) -> dict[str, dict[Role, Scope]]:
    merged: dict[str, dict[Role, Scope]] = {}
    for table in tables:
        clash = merged.keys() & table.keys()
        if clash:
            raise ValueError(f"actions defined twice in the policy: {sorted(clash)}")
        merged.update(table)
    return merged


# The one table: the core's rows and each app's own (each app keeps its rows in domain/policy.py).
POLICY = _merge(
    CORE_POLICY,
    JOURNAL_POLICY,
    DEPOSITARY_POLICY,
    MEETINGS_POLICY,
    ASSISTANCE_POLICY,
    FORCES_POLICY,
    ENTRYBANS_POLICY,
    AUDIT_POLICY,
)

# Delegation-submitted membership notifications may only be of these kinds: a state can announce
# its own withdrawal or freeze/resume its own participation, never suspend itself or rejoin alone.
DELEGATION_EVENT_KINDS = frozenset(
    {"withdrawal", "frozen_participation", "resumption", "statement"}
)


def is_allowed(actor: Actor, action: str, state: str | None = None) -> bool:
    """May `actor` do `action` on a record belonging to `state` (None: the secretariat's own)?"""
    try:
        scopes = POLICY[action]
    except KeyError:
        raise ValueError(f"unknown action {action!r}: add it to POLICY") from None
    scope = scopes.get(actor.role)
    if scope is None:
        return False
    if scope is Scope.ANY:
        return True
    return state is not None and state == actor.state

"""The members app's rows of the permission table: membership notifications and the register.

`MembersConfig.ready()` registers them with `secretariat.core.domain.permissions`, which merges
every app's rows into the one table the permission funnel asks.
"""

from __future__ import annotations

from secretariat.core.domain.actors import Role
from secretariat.core.domain.scopes import Scope

POLICY: dict[str, dict[Role, Scope]] = {
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
}

# Delegation-submitted membership notifications may only be of these kinds: a state can announce
# its own withdrawal or freeze/resume its own participation, never suspend itself or rejoin alone.
DELEGATION_EVENT_KINDS = frozenset(
    {"withdrawal", "frozen_participation", "resumption", "statement"}
)

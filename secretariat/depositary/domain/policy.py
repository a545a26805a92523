"""Who may do what in Depositary: this app's rows of the role × action × ownership table.

The app's AppConfig.ready() registers this POLICY with secretariat.core.domain.permissions, which
merges every app's rows into the one table the permission funnel asks; docs/permissions.md mirrors it.

The secretariat, as depositary, keeps the record of instruments, examines what delegations submit
and registers it. A delegation submits acts (signature, ratification, withdrawal, ...) for its own
state only and sees its own submissions before they are registered.
"""

from __future__ import annotations

from secretariat.core.domain.actors import Role
from secretariat.core.domain.scopes import Scope

_SECRETARIAT = {Role.SECRETARIAT: Scope.ANY, Role.SYSTEM: Scope.ANY}

POLICY: dict[str, dict[Role, Scope]] = {
    "depositary.record_instrument": dict(_SECRETARIAT),
    "depositary.declare_condition": dict(_SECRETARIAT),
    "depositary.submit_act": {
        Role.DELEGATION: Scope.OWN,
        Role.SECRETARIAT: Scope.ANY,
        Role.SYSTEM: Scope.ANY,
    },
    "depositary.register_act": dict(_SECRETARIAT),
    "depositary.return_act": dict(_SECRETARIAT),
    # Acts submitted and not yet registered (or returned): the submitting state, the depositary
    # and auditors.
    "depositary.view_pending_act": {
        Role.DELEGATION: Scope.OWN,
        Role.SECRETARIAT: Scope.ANY,
        Role.AUDITOR: Scope.ANY,
        Role.SYSTEM: Scope.ANY,
    },
}

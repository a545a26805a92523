"""Who may do what in Meetings and decisions: this app's rows of the role × action × ownership table.

The app's AppConfig.ready() registers this POLICY with secretariat.core.domain.permissions, which
merges every app's rows into the one table the permission funnel asks; docs/permissions.md mirrors it.

The secretariat keeps the record of sessions, attendance, drafts and outcomes. A delegation states
its own state's position on a draft and its own state's claim in a dispute, never another's.
"""

from __future__ import annotations

from secretariat.core.domain.actors import Role
from secretariat.core.domain.scopes import Scope

_SECRETARIAT = {Role.SECRETARIAT: Scope.ANY, Role.SYSTEM: Scope.ANY}
_OWN_STATE = {Role.DELEGATION: Scope.OWN, Role.SECRETARIAT: Scope.ANY, Role.SYSTEM: Scope.ANY}

POLICY: dict[str, dict[Role, Scope]] = {
    "meetings.record_session": dict(_SECRETARIAT),
    "meetings.record_attendance": dict(_SECRETARIAT),
    "meetings.record_decision": dict(_SECRETARIAT),
    "meetings.record_outcome": dict(_SECRETARIAT),
    "meetings.record_position": dict(_OWN_STATE),
    "meetings.record_claim": dict(_OWN_STATE),
    # Positions on a draft not yet decided: the declaring state, the secretariat and auditors.
    "meetings.view_draft_position": {
        Role.DELEGATION: Scope.OWN,
        Role.SECRETARIAT: Scope.ANY,
        Role.AUDITOR: Scope.ANY,
        Role.SYSTEM: Scope.ANY,
    },
}

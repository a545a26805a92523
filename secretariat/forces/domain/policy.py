"""Who may do what in Forces: this app's rows of the role × action × ownership table.

The app's AppConfig.ready() registers this POLICY with secretariat.core.domain.permissions, which
merges every app's rows into the one table the permission funnel asks; docs/permissions.md mirrors it.
"""

from __future__ import annotations

from secretariat.core.domain.actors import Role
from secretariat.core.domain.scopes import Scope

POLICY: dict[str, dict[Role, Scope]] = {
    # Formations and exercises are the organization's records, kept by the secretariat.
    "forces.record_formation": {Role.SECRETARIAT: Scope.ANY, Role.SYSTEM: Scope.ANY},
    "forces.record_exercise": {Role.SECRETARIAT: Scope.ANY, Role.SYSTEM: Scope.ANY},
    # A delegation pledges (and corrects or ends) its own state's contingents only; the
    # secretariat records any state's pledge as notified to it.
    "forces.pledge_contingent": {
        Role.DELEGATION: Scope.OWN,
        Role.SECRETARIAT: Scope.ANY,
        Role.SYSTEM: Scope.ANY,
    },
}

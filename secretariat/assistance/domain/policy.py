"""Who may do what in Collective assistance: this app's rows of the role × action × ownership table.

The app's AppConfig.ready() registers this POLICY with secretariat.core.domain.permissions, which
merges every app's rows into the one table the permission funnel asks; docs/permissions.md mirrors it.
"""

from __future__ import annotations

from secretariat.core.domain.actors import Role
from secretariat.core.domain.scopes import Scope

_SECRETARIAT = {Role.SECRETARIAT: Scope.ANY, Role.SYSTEM: Scope.ANY}

POLICY: dict[str, dict[Role, Scope]] = {
    # Only the requesting state's delegation asks for assistance on its own territory, and only
    # it may withdraw its request. (SYSTEM: the dataset loader replays the historical record.)
    "assistance.submit_request": {Role.DELEGATION: Scope.OWN, Role.SYSTEM: Scope.ANY},
    "assistance.withdraw_request": {Role.DELEGATION: Scope.OWN, Role.SYSTEM: Scope.ANY},
    # The secretariat keeps the record of the procedure that follows.
    "assistance.record_consultation": dict(_SECRETARIAT),
    "assistance.record_decision": dict(_SECRETARIAT),
    "assistance.issue_mandate": dict(_SECRETARIAT),
    "assistance.record_deployment": dict(_SECRETARIAT),
    "assistance.withdraw_forces": dict(_SECRETARIAT),
    "assistance.close_request": dict(_SECRETARIAT),
}

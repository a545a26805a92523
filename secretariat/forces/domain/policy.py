"""Who may do what in Forces: this app's rows of the role × action × ownership table.

secretariat.core.domain.permissions merges every app's POLICY into the one table that the
permission funnel asks; docs/permissions.md mirrors it.
"""

from __future__ import annotations

from secretariat.core.domain.actors import Role
from secretariat.core.domain.scopes import Scope

POLICY: dict[str, dict[Role, Scope]] = {}

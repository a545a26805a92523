"""Who may run the audit of the record: the secretariat, which keeps the record.

Everything the audit reads is public already; the page is the secretariat's working tool (it
renders every page of the site, which is not a load to hand to anyone who asks).
"""

from __future__ import annotations

from secretariat.core.domain.actors import Role
from secretariat.core.domain.scopes import Scope

POLICY: dict[str, dict[Role, Scope]] = {
    "audit.run": {Role.SECRETARIAT: Scope.ANY, Role.SYSTEM: Scope.ANY},
}

"""The journal app's rows of the permission table: the delegations' signing-key registry.

A delegation registers, rotates and revokes its own state's keys only; the secretariat may revoke
any key (a compromised key reported out of band) but never registers one, since a key the
secretariat could register is a signature the secretariat could forge. Reading keys is public:
they are public keys, and anyone must be able to check a signed statement.
"""

from __future__ import annotations

from secretariat.core.domain.actors import Role
from secretariat.core.domain.scopes import Scope

POLICY: dict[str, dict[Role, Scope]] = {
    "journal.register_key": {Role.DELEGATION: Scope.OWN, Role.SYSTEM: Scope.ANY},
    "journal.rotate_key": {Role.DELEGATION: Scope.OWN, Role.SYSTEM: Scope.ANY},
    "journal.revoke_key": {
        Role.DELEGATION: Scope.OWN,
        Role.SECRETARIAT: Scope.ANY,
        Role.SYSTEM: Scope.ANY,
    },
}

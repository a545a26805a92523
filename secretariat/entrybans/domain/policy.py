"""Who may do what in the common entry-ban register: this app's rows of the role × action ×
ownership table.

secretariat.core.domain.permissions merges every app's POLICY into the one table that the
permission funnel asks; docs/permissions.md mirrors it. The state of a listing is its issuing
state: only that state's delegation enters, changes, extends or deletes it (SIS Regulation
2018/1861, Art. 24 and 39); the secretariat may only quarantine it for data quality. Border
officers screen; auditors read the access log.
"""

from __future__ import annotations

from secretariat.core.domain.actors import Role
from secretariat.core.domain.scopes import Scope

DEL, SEC, BORDER, AUD, SYS = (
    Role.DELEGATION,
    Role.SECRETARIAT,
    Role.BORDER_OFFICER,
    Role.AUDITOR,
    Role.SYSTEM,
)
OWN, ANY = Scope.OWN, Scope.ANY

POLICY: dict[str, dict[Role, Scope]] = {
    "entrybans.enter_listing": {DEL: OWN, SYS: ANY},
    "entrybans.change_listing": {DEL: OWN, SYS: ANY},
    "entrybans.extend_listing": {DEL: OWN, SYS: ANY},
    "entrybans.delete_listing": {DEL: OWN, SYS: ANY},
    "entrybans.quarantine_listing": {SEC: ANY, SYS: ANY},
    "entrybans.view_listing": {DEL: OWN, SEC: ANY, SYS: ANY},
    "entrybans.screen": {BORDER: ANY, SYS: ANY},
    "entrybans.read_access_log": {AUD: ANY, SYS: ANY},
    # A request is lodged with a state (its delegation records it) or with the secretariat.
    "entrybans.lodge_request": {DEL: OWN, SEC: ANY, SYS: ANY},
    # ... and answered by the issuing state of the listing it concerns.
    "entrybans.answer_request": {DEL: OWN, SYS: ANY},
    "entrybans.view_requests": {DEL: OWN, SEC: ANY, AUD: ANY, SYS: ANY},
    "entrybans.record_misused_identity": {DEL: OWN, SYS: ANY},
    "entrybans.expire": {SYS: ANY},
    "entrybans.record_legal_basis": {SEC: ANY, SYS: ANY},
}

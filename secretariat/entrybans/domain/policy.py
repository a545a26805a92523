"""Who may do what in the common entry-ban register: this app's rows of the role × action ×
ownership table.

The app's AppConfig.ready() registers this POLICY with secretariat.core.domain.permissions, which
merges every app's rows into the one table the permission funnel asks; docs/permissions.md mirrors it. The state of a listing is its issuing
state: only that state's delegation enters, changes, extends or deletes it (SIS Regulation
2018/1861, Art. 24 and 39); the secretariat may only quarantine it for data quality. Border
officers screen; auditors read the access log. A state applying a listing, or the secretariat,
may notify the issuing state that the listing has achieved its purpose. The secretariat is the
independent reviewer of delisting requests. An officer reports a hit to the issuing state's desk.
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
    # The independent reviewer of delisting requests (after the UN Ombudsperson) is the
    # secretariat: it refers, determines, gathers, holds the dialogue, reports and decides. The
    # reviews are read by whoever may read the request (entrybans.view_requests).
    "entrybans.review_delisting": {SEC: ANY, SYS: ANY},
    "entrybans.record_misused_identity": {DEL: OWN, SYS: ANY},
    # A listing has achieved its purpose (SIRENE): a state applying it (its delegation) or the
    # secretariat notifies; the issuing state replies; both, and the secretariat, follow notices.
    "entrybans.notify_purpose_achieved": {DEL: OWN, SEC: ANY, SYS: ANY},
    "entrybans.answer_purpose_notice": {DEL: OWN, SYS: ANY},
    "entrybans.view_purpose_notices": {DEL: OWN, SEC: ANY, SYS: ANY},
    # A border officer reports a hit screening gave them to the issuing state's desk, which
    # answers within 12 hours (SIRENE). The officer's state follows its reports, the issuing
    # state those about its listings, the secretariat every one (response times).
    "entrybans.report_hit": {BORDER: OWN, SYS: ANY},
    "entrybans.answer_hit_report": {DEL: OWN, SYS: ANY},
    "entrybans.view_hit_reports": {DEL: OWN, SEC: ANY, BORDER: OWN, SYS: ANY},
    "entrybans.expire": {SYS: ANY},
    "entrybans.record_legal_basis": {SEC: ANY, SYS: ANY},
}

"""The only writers of the entry-ban register. Each function checks permission, validates, writes
and journals in one transaction; on any error nothing is written.

Personal data never enter the journal: entries carry the listing's reference, issuing state,
ground, dates and a salted commitment to the personal fields (`domain.rules.commitment`). Every
change that screening sees bumps the register version, so every process serving screening
rebuilds its index before its next query (see `registry.current_index`).

Searches and accesses are not journaled (the journal is append-only and would have to keep the
names searched for ever); they go to the access log, which is kept three years and read by
auditors only (SIS Regulation 2018/1861, Art. 12).
"""

# One module per procedure (common.py holds what they share); every writer is re-exported here,
# so callers keep `from secretariat.entrybans import services` and `services.enter_listing(...)`.

from __future__ import annotations

from secretariat.entrybans.services.access_log import (
    ACCESS_LOG_COLUMNS,
    access_row,
    log_access,
    log_accesses,
)
from secretariat.entrybans.services.common import (
    CONTENT_FIELDS,
    PERSONAL_FIELDS,
    AboutListing,
    Result,
    bump_register_version,
)
from secretariat.entrybans.services.expiry import expire_listings
from secretariat.entrybans.services.hits import answer_hit_report, report_hit
from secretariat.entrybans.services.identities import (
    record_misused_identity,
    withdraw_misused_identity,
)
from secretariat.entrybans.services.legal_bases import record_legal_basis
from secretariat.entrybans.services.listings import (
    delete_listing,
    enter_listing,
    extend_listing,
    import_listings,
    quarantine_listing,
    release_listing,
)
from secretariat.entrybans.services.notices import answer_purpose_notice, notify_purpose_achieved
from secretariat.entrybans.services.reviews import (
    decide_review,
    determine_review,
    extend_review_phase,
    open_review_dialogue,
    refer_to_review,
    submit_review_report,
)
from secretariat.entrybans.services.subject_requests import answer_request, lodge_request

__all__ = [
    "ACCESS_LOG_COLUMNS",
    "CONTENT_FIELDS",
    "PERSONAL_FIELDS",
    "AboutListing",
    "Result",
    "access_row",
    "answer_hit_report",
    "answer_purpose_notice",
    "answer_request",
    "bump_register_version",
    "decide_review",
    "delete_listing",
    "determine_review",
    "enter_listing",
    "expire_listings",
    "extend_listing",
    "extend_review_phase",
    "import_listings",
    "lodge_request",
    "log_access",
    "log_accesses",
    "notify_purpose_achieved",
    "open_review_dialogue",
    "quarantine_listing",
    "record_legal_basis",
    "record_misused_identity",
    "refer_to_review",
    "release_listing",
    "report_hit",
    "submit_review_report",
    "withdraw_misused_identity",
]

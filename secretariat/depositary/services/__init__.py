"""The only writers of depositary records. Each function checks permission, validates, writes and
journals in one transaction; on any error nothing is written.

The workflow: a delegation submits an act for its own state with the document (`submit_act`); the
depositary officer examines it and registers it (`register_act`) or returns it with reasons
(`return_act`). The secretariat may also record an act directly (it is registered at once), which
is how the dataset and imports arrive. Registration issues a numbered notification, recomputes
entry into force and, the first time the condition is met, issues the entry-into-force
notification: exactly once, because the instrument row is locked for the registration and a
unique constraint backs the lock.
"""

# One module per procedure (common.py holds what they share); every writer is re-exported here,
# so callers keep `from secretariat.depositary import services` and `services.submit_act(...)`.

from __future__ import annotations

from secretariat.depositary.services.acts import register_act, return_act, submit_act
from secretariat.depositary.services.common import clauses_of, domain_act
from secretariat.depositary.services.documents import attach_document
from secretariat.depositary.services.instruments import (
    declare_condition,
    record_instrument,
    record_position_report,
)
from secretariat.depositary.services.notifications import notified

__all__ = [
    "attach_document",
    "clauses_of",
    "declare_condition",
    "domain_act",
    "notified",
    "record_instrument",
    "record_position_report",
    "register_act",
    "return_act",
    "submit_act",
]

"""A data subject's requests (access, rectification, erasure), lodged and answered by the issuing
state.
"""

from __future__ import annotations

import datetime as dt

from django.db import transaction

from secretariat.core.domain.actors import Actor, Role
from secretariat.core.domain.errors import NotFound, RuleViolation
from secretariat.core.permissions import require
from secretariat.entrybans.domain import rules
from secretariat.entrybans.domain.rules import Outcome, RequestKind
from secretariat.entrybans.models import Listing, ListingStatus, SubjectRequest
from secretariat.entrybans.services.common import _for_issuing_state, _text, _today
from secretariat.entrybans.services.listings import delete_listing
from secretariat.journal.services import record as journal


@transaction.atomic
def lodge_request(
    actor: Actor,
    *,
    reference: str,
    kind: str,
    requester_reference: str = "",
    lodged_on: dt.date | None = None,
) -> SubjectRequest:
    """Record a request from a listed person, lodged with the actor's state (a delegation) or
    with the secretariat, and route it to the issuing state with its deadlines."""
    lodged_with = actor.state if actor.role is Role.DELEGATION else "secretariat"
    require(actor, "entrybans.lodge_request", actor.state)
    if kind not in [k.value for k in RequestKind]:
        raise RuleViolation(
            f"kind must be one of {', '.join(k.value for k in RequestKind)}", field="kind"
        )
    listing = Listing.objects.filter(reference=reference).first()
    if listing is None:
        raise NotFound("No such listing.")
    day = _today(lodged_on)
    deadlines = rules.request_deadlines(day, lodged_with == listing.issuing_state)
    row = SubjectRequest.objects.create(
        listing=listing,
        kind=kind,
        lodged_with=lodged_with or "secretariat",
        lodged_on=day,
        route_by=deadlines.route_by,
        answer_by=deadlines.answer_by,
        requester_reference=requester_reference.strip(),
    )
    journal(
        actor=actor,
        action="subject_request.lodged",
        subject=f"subject_request:{row.pk}",
        data={
            "listing": reference,
            "issuing_state": listing.issuing_state,
            "kind": kind,
            "lodged_with": row.lodged_with,
            "answer_by": row.answer_by.isoformat(),
        },
    )
    return row


@transaction.atomic
def answer_request(
    actor: Actor,
    *,
    request_id: int,
    outcome: str,
    reasons: str,
    answered_on: dt.date | None = None,
) -> SubjectRequest:
    """The issuing state answers; a granted erasure or delisting deletes the listing."""
    row = _for_issuing_state(
        actor, SubjectRequest.objects, request_id, "entrybans.answer_request", "request"
    )
    if row.outcome != Outcome.PENDING:
        raise RuleViolation("this request has already been answered")
    if outcome not in (Outcome.GRANTED, Outcome.PARTLY_GRANTED, Outcome.REFUSED):
        raise RuleViolation("outcome is granted, partly_granted or refused", field="outcome")
    row.outcome = outcome
    row.answer_reasons = _text(reasons, "reasons", "the reasons for the answer")
    row.answered_on = _today(answered_on)
    row.save()
    journal(
        actor=actor,
        action="subject_request.answered",
        subject=f"subject_request:{row.pk}",
        data={
            "listing": row.listing.reference,
            "kind": row.kind,
            "outcome": outcome,
            "late": row.answered_on > row.answer_by,
        },
    )
    removes = row.kind in (RequestKind.ERASURE, RequestKind.DELISTING)
    if outcome == Outcome.GRANTED and removes and row.listing.status != ListingStatus.DELETED:
        delete_listing(actor, reference=row.listing.reference, reason=f"{row.kind} granted")
    return row

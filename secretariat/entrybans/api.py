"""The common entry-ban register over HTTP; mounted by secretariat.api.main at /entry-bans.

Listings are written by their issuing state's delegation; the secretariat quarantines and is the
independent reviewer of delisting requests (`/requests/{id}/review`, `/reviews/…`); a state
applying a listing, or the secretariat, notifies that its purpose is achieved
(`/listings/{ref}/purpose-achieved`, `/purpose-notices/…`); border officers screen (`/screen`,
`/screen/batch`, and `/match/{dataset}`, which takes and returns the shapes of OpenSanctions'
yente so existing screening clients work unchanged) and report their hits to the issuing state's
desk (`/hit-reports`, answered within 12 hours); auditors read the access log. Every search and every read of a listing is logged.
"""

from __future__ import annotations

import datetime as dt
import json
from typing import Annotated, Any

from django.http import HttpRequest, HttpResponse
from django.utils import timezone
from ninja import Query, Router, Status

from secretariat.core.api_auth import SIGNED_IN, actor_of
from secretariat.core.api_types import write_status
from secretariat.core.domain.errors import NotFound, RuleViolation
from secretariat.core.signing import content_digest
from secretariat.entrybans import ftm, registry, selectors, services
from secretariat.entrybans.domain import rules
from secretariat.entrybans.models import (
    DelistingReview,
    HitReport,
    Listing,
    PurposeNotice,
    SubjectRequest,
)
from secretariat.entrybans.schemas import (
    AccessLogOut,
    AnswerIn,
    BatchIn,
    DecisionIn,
    EntityMatchQuery,
    EntityMatchResponse,
    ExtendIn,
    HitAnswerIn,
    HitReportIn,
    HitReportOut,
    LegalBasisOut,
    ListingIn,
    ListingOut,
    ListingSummaryOut,
    MisuseIn,
    MisuseOut,
    PhaseExtensionIn,
    PreliminaryIn,
    PurposeAnswerIn,
    PurposeNoticeIn,
    PurposeNoticeOut,
    ReasonIn,
    ReferIn,
    ReportIn,
    RequestIn,
    RequestOut,
    ReviewOut,
    ScreenIn,
    ScreenOut,
)
from secretariat.entrybans.screening.score import USES

router = Router(tags=["entrybans"])
DATASET = "entrybans"


def listing_out(row: Listing) -> dict[str, Any]:
    fields = {f: getattr(row, f) for f in ListingOut.model_fields if hasattr(row, f)}
    fields["aliases"] = [{"name": n.name, "quality": n.quality} for n in row.names.all()]
    fields["documents"] = [
        {"kind": d.kind, "number": d.number, "issuing_country": d.issuing_country}
        for d in row.documents.all()
    ]
    return fields


def request_out(row: SubjectRequest) -> dict[str, Any]:
    return {
        "id": row.pk,
        "listing": row.listing.reference,
        "issuing_state": row.listing.issuing_state,
        "kind": row.kind,
        "lodged_with": row.lodged_with,
        "lodged_on": row.lodged_on,
        "route_by": row.route_by,
        "answer_by": row.answer_by,
        "outcome": row.outcome,
        "answered_on": row.answered_on,
    }


def notice_out(row: PurposeNotice, today: dt.date | None = None) -> dict[str, Any]:
    day = today or dt.date.today()
    return {
        "id": row.pk,
        "listing": row.listing.reference,
        "issuing_state": row.listing.issuing_state,
        "notified_by": row.notified_by,
        "notified_on": row.notified_on,
        "reason": row.reason,
        "reply_by": row.reply_by,
        "outcome": row.outcome,
        "answered_on": row.answered_on,
        "answer_reasons": row.answer_reasons,
        "escalated_on": row.escalated_on,
        "overdue": row.outcome == "pending" and rules.purpose_notice_overdue(row.reply_by, day),
    }


REVIEW_FIELDS = [
    f for f in ReviewOut.model_fields if f not in ("request", "listing", "issuing_state", "overdue")
]


def review_out(row: DelistingReview, today: dt.date | None = None) -> dict[str, Any]:
    fields = {f: getattr(row, f) for f in REVIEW_FIELDS}
    fields.update(
        request=row.request_id,
        listing=row.listing.reference,
        issuing_state=row.listing.issuing_state,
        overdue=rules.phase_overdue(row.phase_due, today or dt.date.today()),
    )
    return fields


def hit_report_out(row: HitReport, now: dt.datetime | None = None) -> dict[str, Any]:
    moment = now or timezone.now()
    fields = {
        f: getattr(row, f)
        for f in (
            "reported_by_state",
            "reported_at",
            "answer_due",
            "place",
            "action_taken",
            "note",
            "answered_at",
            "answer",
            "escalated_at",
        )
    }
    fields.update(
        id=row.pk,
        listing=row.listing.reference,
        issuing_state=row.listing.issuing_state,
        contact=row.listing.contact,
        overdue=rules.hit_report_overdue(row.answer_due, moment, row.answered_at),
        late=row.answered_at is not None and rules.hit_answer_late(row.answer_due, row.answered_at),
    )
    return fields


@router.get("/legal-basis", response=list[LegalBasisOut], summary="What the register stands on")
def legal_basis(request: HttpRequest) -> Any:
    """The instruments the common entry-ban register stands on, with their articles. **Who:**
    anyone; no token needed. **Example:** `GET /api/v1/entry-bans/legal-basis`
    """
    return list(selectors.legal_basis())


@router.get(
    "/listings",
    response=list[ListingSummaryOut],
    summary="Listings you may keep (your state's; every state's for the secretariat)",
    auth=SIGNED_IN,
)
def list_listings(request: HttpRequest) -> Any:
    """Listings the caller keeps: its own state's for a delegation, every state's for the
    secretariat. **Who:** delegations, the secretariat. **Errors:** 401 without a token; 403 for
    other roles. **Example:** `GET /api/v1/entry-bans/listings`
    """
    return list(selectors.listings_for(actor_of(request)))


@router.post(
    "/listings",
    response={201: ListingOut, 200: ListingOut},
    summary="Enter a listing, or change it (its issuing state's delegation only)",
    auth=SIGNED_IN,
)
def enter_listing(request: HttpRequest, body: ListingIn) -> Any:
    """Enter a listing, or change it (same reference), optionally signed by the delegation's key.
    **Who:** the issuing state's delegation only. **Errors:** 401 without a token; 403 for other
    roles; 404 for another state's listing; 409 for a replayed signature; 422 for missing
    grounds or a period beyond the rules. **Example:** `POST /api/v1/entry-bans/listings`
    """
    values = body.model_dump(exclude={"signed"})
    signed = None
    if body.signed is not None:
        # What the delegation signed is the body it sent, less the signature itself.
        sent = json.loads(request.body)
        sent.pop("signed", None)
        signed = {**body.signed.model_dump(), "content_sha256": content_digest(sent)}
    row, outcome = services.enter_listing(actor_of(request), signed=signed, **values)
    return Status(write_status(outcome), listing_out(row))


@router.get(
    "/listings/{reference}", response=ListingOut, summary="One listing (logged)", auth=SIGNED_IN
)
def get_listing(request: HttpRequest, reference: str) -> Any:
    """One listing in full; the read is written to the access log. **Who:** its issuing state's
    delegation, the secretariat. **Errors:** 401 without a token; 403 for roles that never read
    listings; 404 for another state's. **Example:** `GET
    /api/v1/entry-bans/listings/DEMO-BY-0001`
    """
    return listing_out(selectors.listing_for(actor_of(request), reference))


@router.post(
    "/listings/{reference}/extend",
    response=ListingOut,
    summary="Extend on a new assessment",
    auth=SIGNED_IN,
)
def extend_listing(request: HttpRequest, reference: str, body: ExtendIn) -> Any:
    """Extend a listing's period on a new assessment. **Who:** the issuing state's delegation.
    **Errors:** 401 without a token; 403, 404 as above; 422 beyond the maximum period.
    **Example:** `POST /api/v1/entry-bans/listings/DEMO-BY-0001/extend`
    """
    row = services.extend_listing(actor_of(request), reference=reference, **body.model_dump())
    return listing_out(row)


@router.post(
    "/listings/{reference}/delete",
    response=ListingOut,
    summary="Delete (erases personal data)",
    auth=SIGNED_IN,
)
def delete_listing(request: HttpRequest, reference: str, body: ReasonIn) -> Any:
    """Delete a listing: its personal data are erased, a tombstone stays. **Who:** the issuing
    state's delegation. **Errors:** 401 without a token; 403, 404 as above. **Example:** `POST
    /api/v1/entry-bans/listings/DEMO-BY-0001/delete`
    """
    return listing_out(
        services.delete_listing(actor_of(request), reference=reference, reason=body.reason)
    )


@router.post(
    "/listings/{reference}/quarantine",
    response=ListingSummaryOut,
    summary="Quarantine for data quality (secretariat; content untouched)",
    auth=SIGNED_IN,
)
def quarantine_listing(request: HttpRequest, reference: str, body: ReasonIn) -> Any:
    """Quarantine a listing for data quality: screening stops returning it, its content is
    untouched. **Who:** the secretariat. **Errors:** 401 without a token; 403 for other roles;
    404 for an unknown listing. **Example:** `POST
    /api/v1/entry-bans/listings/DEMO-BY-0001/quarantine`
    """
    return services.quarantine_listing(actor_of(request), reference=reference, reason=body.reason)


@router.post(
    "/listings/{reference}/release",
    response=ListingSummaryOut,
    summary="End a quarantine",
    auth=SIGNED_IN,
)
def release_listing(request: HttpRequest, reference: str, body: ReasonIn) -> Any:
    """End a quarantine. **Who:** the secretariat. **Errors:** 401 without a token; 403, 404 as
    above; 422 when not quarantined. **Example:** `POST
    /api/v1/entry-bans/listings/DEMO-BY-0001/release`
    """
    return services.release_listing(actor_of(request), reference=reference, reason=body.reason)


@router.post(
    "/listings/{reference}/misused-identities",
    response={201: MisuseOut},
    summary="Record a victim of identity misuse, with consent (issuing state)",
    auth=SIGNED_IN,
)
def record_misuse(request: HttpRequest, reference: str, body: MisuseIn) -> Any:
    """Record, with the person's consent, a victim of identity misuse so that screening tells them
    apart. **Who:** the issuing state's delegation. **Errors:** 401 without a token; 403, 404 as
    above. **Example:** `POST /api/v1/entry-bans/listings/DEMO-BY-0001/misused-identities`
    """
    row = services.record_misused_identity(
        actor_of(request), reference=reference, **body.model_dump()
    )
    return Status(201, {"id": row.pk, "listing": reference})


@router.delete(
    "/misused-identities/{record_id}",
    response={204: None},
    summary="Consent withdrawn",
    auth=SIGNED_IN,
)
def withdraw_misuse(request: HttpRequest, record_id: int) -> Any:
    """The person withdrew consent: the misused-identity record is erased. **Who:** the issuing
    state's delegation. **Errors:** 401 without a token; 403; 404 for an unknown record.
    **Example:** `DELETE /api/v1/entry-bans/misused-identities/3`
    """
    services.withdraw_misused_identity(actor_of(request), record_id=record_id)
    return Status(204, None)


@router.post(
    "/listings/{reference}/purpose-achieved",
    response={201: PurposeNoticeOut},
    summary="Notify the issuing state that a listing has achieved its purpose "
    "(a state applying it, or the secretariat; reply due in 15 days)",
    auth=SIGNED_IN,
)
def notify_purpose_achieved(request: HttpRequest, reference: str, body: PurposeNoticeIn) -> Any:
    """Notify the issuing state that a listing has achieved its purpose; it must reply within 15
    days. **Who:** a state applying the listing, the secretariat. **Errors:** 401 without a
    token; 403; 404; 422 when a notice is already open. **Example:** `POST
    /api/v1/entry-bans/listings/DEMO-BY-0001/purpose-achieved`
    """
    row = services.notify_purpose_achieved(
        actor_of(request), reference=reference, reason=body.reason
    )
    return Status(201, notice_out(row))


@router.get(
    "/purpose-notices",
    response=list[PurposeNoticeOut],
    summary="Purpose-achieved notices you may follow (escalated=true: those left unanswered)",
    auth=SIGNED_IN,
)
def list_purpose_notices(request: HttpRequest, escalated: bool | None = None) -> Any:
    """Purpose-achieved notices the caller may follow; `escalated=true` for those left unanswered.
    **Who:** delegations, the secretariat. **Errors:** 401 without a token; 403 for other roles.
    **Example:** `GET /api/v1/entry-bans/purpose-notices?escalated=true`
    """
    today = dt.date.today()
    rows = selectors.purpose_notices_for(actor_of(request), escalated=escalated)
    return [notice_out(r, today) for r in rows]


@router.post(
    "/purpose-notices/{notice_id}/answer",
    response=PurposeNoticeOut,
    summary="Confirm deletion or give reasons for keeping the listing (issuing state)",
    auth=SIGNED_IN,
)
def answer_purpose_notice(request: HttpRequest, notice_id: int, body: PurposeAnswerIn) -> Any:
    """Confirm the deletion, or give reasons for keeping the listing. **Who:** the issuing state's
    delegation. **Errors:** 401 without a token; 403; 404; 422 when already answered.
    **Example:** `POST /api/v1/entry-bans/purpose-notices/1/answer`
    """
    row = services.answer_purpose_notice(
        actor_of(request), notice_id=notice_id, reply=body.reply, reasons=body.reasons
    )
    return notice_out(row)


@router.get("/export.ftm", summary="Your listings as FollowTheMoney JSON lines", auth=SIGNED_IN)
def export_ftm(request: HttpRequest) -> HttpResponse:
    """The caller's listings as FollowTheMoney entities, one JSON object a line (logged). **Who:**
    delegations (own state), the secretariat. **Errors:** 401 without a token; 403 for other
    roles. **Example:** `GET /api/v1/entry-bans/export.ftm`
    """
    actor = actor_of(request)
    rows = selectors.listings_for(actor).prefetch_related("names", "documents")
    services.log_access(
        actor, action="export", query={}, returned=[{"reference": r.reference} for r in rows]
    )
    body = "".join(line + "\n" for line in ftm.export_lines(rows))
    return HttpResponse(body, content_type="application/x-ndjson; charset=utf-8")


@router.post(
    "/screen", response=ScreenOut, summary="Screen one name (border officers)", auth=SIGNED_IN
)
def screen(request: HttpRequest, body: ScreenIn) -> Any:
    """Screen one name (with birth date, nationality, documents) against the register; every search
    is logged. **Who:** border officers. **Errors:** 401 without a token; 403 for other roles.
    **Example:** `POST /api/v1/entry-bans/screen` with `{"name": "Pavel Uzorny"}`
    """
    query = registry.NameQuery(body.name, body.birth_date, body.nationality, tuple(body.documents))
    hits = registry.screen_names(actor_of(request), [query], use=body.use, limit=body.limit)[0]
    return {"query": body.name, "use": body.use, "hits": hits}


# The most queries one request may carry: /screen/batch (manifests), and /match as yente has it.
BATCH_MAX_QUERIES = 1000
MATCH_MAX_QUERIES = 100


def _at_most(limit: int, count: int) -> None:
    if count > limit:
        raise RuleViolation(
            f"at most {limit:,} queries per request; this one has {count:,}", field="queries"
        )


@router.post(
    "/screen/batch", response=list[ScreenOut], summary="Screen up to 1,000 names", auth=SIGNED_IN
)
def screen_batch(request: HttpRequest, body: BatchIn) -> Any:
    """Screen up to 1,000 names in one request, answered in order. **Who:** border officers.
    **Errors:** 401 without a token; 403 for other roles; 422 above 1,000 names. **Example:**
    `POST /api/v1/entry-bans/screen/batch`
    """
    _at_most(BATCH_MAX_QUERIES, len(body.queries))
    queries = [
        registry.NameQuery(q.name, q.birth_date, q.nationality, tuple(q.documents))
        for q in body.queries
    ]
    answers = registry.screen_names(actor_of(request), queries, use=body.use, limit=body.limit)
    return [
        {"query": q.name, "use": body.use, "hits": hits}
        for q, hits in zip(queries, answers, strict=True)
    ]


MATCHER_DOCS = {
    "name_match": {
        "description": "Names aligned word by word in any order, across scripts and "
        "transliteration schemes, weighed by role (surname, given name, patronymic).",
        "coefficient": 1.0,
        "url": "/api/v1/docs",
    },
    "dob_match": {
        "description": "Date of birth: same, partial, day and month swapped, or years apart.",
        "coefficient": 1.0,
        "url": "/api/v1/docs",
    },
    "country_match": {
        "description": "Nationality equal or different.",
        "coefficient": 1.0,
        "url": "/api/v1/docs",
    },
    "identifier_match": {
        "description": "Identity document number equal.",
        "coefficient": 1.0,
        "url": "/api/v1/docs",
    },
}


def _example_to_query(example: Any) -> registry.NameQuery:
    props = example.properties
    names = _prop(props, "name")
    if not names:
        parts = [_prop(props, key) for key in ("firstName", "fatherName", "lastName")]
        names = [" ".join(p[0] for p in parts if p)] if any(parts) else []
    if not names or not names[0].strip():
        raise RuleViolation("a query entity needs a name (or firstName and lastName)", field="name")
    countries = _prop(props, "nationality") or _prop(props, "citizenship")
    nationality = countries[0] if countries else None
    documents = tuple(_prop(props, "passportNumber") + _prop(props, "idNumber"))
    birth = _prop(props, "birthDate")
    return registry.NameQuery(names[0], birth[0] if birth else None, nationality, documents)


def _prop(props: dict[str, Any], key: str) -> list[str]:
    value = props.get(key) or []
    if isinstance(value, str):
        value = [value]
    return [str(v) for v in value if str(v).strip()]


@router.post(
    "/match/{dataset}",
    response=EntityMatchResponse,
    by_alias=True,
    summary="Match entities, compatible with yente's POST /match/{dataset} (border officers)",
    auth=SIGNED_IN,
)
def match(
    request: HttpRequest,
    dataset: str,
    body: EntityMatchQuery,
    limit: int = 5,
    threshold: float | None = None,
    cutoff: float = 0.0,
    algorithm: str = "best",
) -> Any:
    """Match entities, taking and returning the shapes of OpenSanctions' yente (`queries` →
    `responses`), so yente clients work unchanged; also at `/match/{dataset}`. The dataset is
    `entrybans` (or `default`). Properties are free-form FollowTheMoney values. **Who:** border
    officers. **Errors:** 401 without a token; 403 for other roles; 404 for another dataset; 422
    above 100 queries or for a query without a name. **Example:** `POST
    /api/v1/entry-bans/match/entrybans` with `{"queries": {"q1": {"schema": "Person",
    "properties": {"name": ["Pavel Uzorny"]}}}}`
    """
    if dataset not in (DATASET, "default"):
        raise NotFound(f"No dataset {dataset!r}; this register serves {DATASET!r}.")
    _at_most(MATCH_MAX_QUERIES, len(body.queries))
    hit_threshold = USES["border"].hit if threshold is None else threshold
    keys = list(body.queries)
    queries = [_example_to_query(body.queries[k]) for k in keys]
    answers = registry.screen_names(
        actor_of(request),
        queries,
        use="investigation",
        limit=max(1, min(limit, 50)),
        channel="match",
    )
    responses = {}
    for key, hits in zip(keys, answers, strict=True):
        example = body.queries[key]
        results = [
            {
                "id": h["reference"],
                "caption": h["name"],
                "schema": "Person",
                "properties": {
                    k: v
                    for k, v in {
                        "name": [h["name"], h["name_original"]],
                        "birthDate": [h["birth_date"]] if h["birth_date"] else [],
                        "nationality": [c.lower() for c in h["nationalities"]],
                        "country": [h["issuing_state"].lower()],
                        "topics": ["sanction"],
                        "notes": [f"action on hit: {h['action_on_hit']}; contact: {h['contact']}"],
                    }.items()
                    if v
                },
                "datasets": [DATASET],
                "referents": [],
                "target": True,
                "score": h["score"],
                "features": h["features"],
                "match": h["score"] >= hit_threshold and h["decision"] != "verify_identity",
                "explanations": {"decision": h["decision"], "lines": h["explanation"]},
            }
            for h in hits
            if h["score"] >= cutoff
        ]
        responses[key] = {
            "status": 200,
            "results": results,
            "total": {"value": len(results), "relation": "eq"},
            "query": {
                "id": example.id,
                "schema": example.schema_,
                "properties": example.properties,
            },
        }
    return {"responses": responses, "matcher": MATCHER_DOCS, "limit": limit}


@router.get(
    "/access-log",
    response=list[AccessLogOut],
    summary="Searches and accesses (auditors)",
    auth=SIGNED_IN,
)
def access_log(request: HttpRequest, since: dt.datetime | None = None, limit: int = 200) -> Any:
    """Searches and reads of listings, newest first; `since` and `limit` page. **Who:** auditors.
    **Errors:** 401 without a token; 403 for other roles. **Example:** `GET
    /api/v1/entry-bans/access-log?limit=50`
    """
    rows = selectors.access_log_for(actor_of(request), since=since)
    return list(rows[: max(1, min(limit, 1000))])


@router.post(
    "/requests",
    response={201: RequestOut},
    summary="Lodge a request of a listed person",
    auth=SIGNED_IN,
)
def lodge_request(request: HttpRequest, body: RequestIn) -> Any:
    """Lodge a request of a listed person (access, rectification, erasure, delisting), routed to
    the issuing state with its deadlines. **Who:** a delegation (lodged with its state), the
    secretariat. **Errors:** 401 without a token; 403 for other roles; 404 for an unknown
    listing. **Example:** `POST /api/v1/entry-bans/requests` with `{"reference": "DEMO-BY-0001",
    "kind": "access"}`
    """
    row = services.lodge_request(actor_of(request), **body.model_dump())
    return Status(201, request_out(row))


@router.get(
    "/requests", response=list[RequestOut], summary="Requests you may follow", auth=SIGNED_IN
)
def list_requests(request: HttpRequest) -> Any:
    """Requests the caller may follow, with their deadlines. **Who:** delegations, the secretariat,
    auditors. **Errors:** 401 without a token; 403 for other roles. **Example:** `GET
    /api/v1/entry-bans/requests`
    """
    return [request_out(r) for r in selectors.requests_for(actor_of(request))]


@router.get("/requests/statistics", summary="Annual statistics of requests", auth=SIGNED_IN)
def request_statistics(
    request: HttpRequest,
    year: Annotated[int | None, Query(ge=1900, le=2200, description="default: this year")] = None,
) -> Any:
    """Annual statistics of requests by kind and outcome for a year (1900–2200, default this year).
    **Who:** delegations (own state), the secretariat, auditors. **Errors:** 401 without a
    token; 403 for other roles; 422 for a year out of range. **Example:** `GET
    /api/v1/entry-bans/requests/statistics?year=2025`
    """
    year = year or dt.date.today().year
    return selectors.request_statistics(actor_of(request), year)


@router.post(
    "/requests/{request_id}/answer",
    response=RequestOut,
    summary="Answer (issuing state)",
    auth=SIGNED_IN,
)
def answer_request(request: HttpRequest, request_id: int, body: AnswerIn) -> Any:
    """Answer a request as the issuing state (granted, refused, with reasons). **Who:** the issuing
    state's delegation. **Errors:** 401 without a token; 403; 404; 422 when already answered.
    **Example:** `POST /api/v1/entry-bans/requests/1/answer`
    """
    row = services.answer_request(actor_of(request), request_id=request_id, **body.model_dump())
    return request_out(row)


@router.post(
    "/requests/{request_id}/review",
    response={201: ReviewOut},
    summary="Refer a delisting request to the independent reviewer (secretariat)",
    auth=SIGNED_IN,
)
def refer_to_review(request: HttpRequest, request_id: int, body: ReferIn) -> Any:
    """Refer a refused delisting request to the independent reviewer. **Who:** the secretariat.
    **Errors:** 401 without a token; 403; 404; 422 for a request that is not a refused
    delisting. **Example:** `POST /api/v1/entry-bans/requests/1/review`
    """
    row = services.refer_to_review(
        actor_of(request), request_id=request_id, new_material=body.new_material
    )
    return Status(201, review_out(row))


@router.get(
    "/reviews",
    response=list[ReviewOut],
    summary="Independent reviews of delisting requests you may follow",
    auth=SIGNED_IN,
)
def list_reviews(request: HttpRequest) -> Any:
    """Independent reviews of delisting requests the caller may follow, with their phase and
    deadlines. **Who:** delegations concerned, the secretariat, auditors. **Errors:** 401
    without a token; 403 for other roles. **Example:** `GET /api/v1/entry-bans/reviews`
    """
    today = dt.date.today()
    return [review_out(r, today) for r in selectors.reviews_for(actor_of(request))]


@router.post(
    "/reviews/{review_id}/preliminary",
    response=ReviewOut,
    summary="Preliminary determination: accept (information gathering opens) or reject",
    auth=SIGNED_IN,
)
def determine_review(request: HttpRequest, review_id: int, body: PreliminaryIn) -> Any:
    """Preliminary determination: accept (information gathering opens) or reject. **Who:** the
    secretariat as reviewer. **Errors:** 401 without a token; 403; 404; 422 out of phase.
    **Example:** `POST /api/v1/entry-bans/reviews/1/preliminary`
    """
    row = services.determine_review(actor_of(request), review_id=review_id, **body.model_dump())
    return review_out(row)


@router.post(
    "/reviews/{review_id}/extend",
    response=ReviewOut,
    summary="Extend information gathering or the dialogue, once each, by up to two months",
    auth=SIGNED_IN,
)
def extend_review_phase(request: HttpRequest, review_id: int, body: PhaseExtensionIn) -> Any:
    """Extend information gathering or the dialogue, once each, by up to two months. **Who:** the
    secretariat as reviewer. **Errors:** 401 without a token; 403; 404; 422 for a second
    extension or one too long. **Example:** `POST /api/v1/entry-bans/reviews/1/extend`
    """
    row = services.extend_review_phase(actor_of(request), review_id=review_id, months=body.months)
    return review_out(row)


@router.post(
    "/reviews/{review_id}/dialogue",
    response=ReviewOut,
    summary="Close information gathering and open the dialogue (two months)",
    auth=SIGNED_IN,
)
def open_review_dialogue(request: HttpRequest, review_id: int) -> Any:
    """Close information gathering and open the two-month dialogue. **Who:** the secretariat as
    reviewer. **Errors:** 401 without a token; 403; 404; 422 out of phase. **Example:** `POST
    /api/v1/entry-bans/reviews/1/dialogue`
    """
    return review_out(services.open_review_dialogue(actor_of(request), review_id=review_id))


@router.post(
    "/reviews/{review_id}/report",
    response=ReviewOut,
    summary="Close the dialogue with the comprehensive report",
    auth=SIGNED_IN,
)
def submit_review_report(request: HttpRequest, review_id: int, body: ReportIn) -> Any:
    """Close the dialogue with the comprehensive report. **Who:** the secretariat as reviewer.
    **Errors:** 401 without a token; 403; 404; 422 out of phase. **Example:** `POST
    /api/v1/entry-bans/reviews/1/report`
    """
    row = services.submit_review_report(actor_of(request), review_id=review_id, report=body.report)
    return review_out(row)


@router.post(
    "/reviews/{review_id}/decision",
    response=ReviewOut,
    summary="Decide on the report, with reasons: granted deletes the listing, refused keeps it",
    auth=SIGNED_IN,
)
def decide_review(request: HttpRequest, review_id: int, body: DecisionIn) -> Any:
    """Decide on the report, with reasons: granted deletes the listing, refused keeps it. **Who:**
    the secretariat as reviewer. **Errors:** 401 without a token; 403; 404; 422 before the
    report. **Example:** `POST /api/v1/entry-bans/reviews/1/decision`
    """
    row = services.decide_review(actor_of(request), review_id=review_id, **body.model_dump())
    return review_out(row)


@router.post(
    "/hit-reports",
    response={201: HitReportOut},
    summary="Report a hit to the issuing state's desk (border officers; answer due in 12 hours)",
    auth=SIGNED_IN,
)
def report_hit(request: HttpRequest, body: HitReportIn) -> Any:
    """Report a screening hit to the issuing state's desk, which must answer within 12 hours.
    **Who:** border officers. **Errors:** 401 without a token; 403 for other roles; 404 for an
    unknown listing. **Example:** `POST /api/v1/entry-bans/hit-reports`
    """
    row = services.report_hit(actor_of(request), **body.model_dump())
    return Status(201, hit_report_out(row))


@router.get(
    "/hit-reports",
    response=list[HitReportOut],
    summary="Reported hits you may follow (overdue=true: unanswered after 12 hours)",
    auth=SIGNED_IN,
)
def list_hit_reports(request: HttpRequest, overdue: bool | None = None) -> Any:
    """Reported hits the caller may follow; `overdue=true` for those unanswered after 12 hours.
    **Who:** border officers (their own), the issuing delegations, the secretariat. **Errors:**
    401 without a token; 403 for other roles. **Example:** `GET
    /api/v1/entry-bans/hit-reports?overdue=true`
    """
    now = timezone.now()
    rows = selectors.hit_reports_for(actor_of(request), overdue=overdue, now=now)
    return [hit_report_out(r, now) for r in rows]


@router.post(
    "/hit-reports/{report_id}/answer",
    response=HitReportOut,
    summary="Answer a reported hit (the issuing state's delegation)",
    auth=SIGNED_IN,
)
def answer_hit_report(request: HttpRequest, report_id: int, body: HitAnswerIn) -> Any:
    """Answer a reported hit (confirm, not the person, further action). **Who:** the issuing
    state's delegation. **Errors:** 401 without a token; 403; 404; 422 when already answered.
    **Example:** `POST /api/v1/entry-bans/hit-reports/1/answer`
    """
    row = services.answer_hit_report(actor_of(request), report_id=report_id, answer=body.answer)
    return hit_report_out(row)

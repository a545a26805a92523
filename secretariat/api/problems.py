"""Every API error in one shape: RFC 9457 problem details, `application/problem+json`.

Use `problem_response` whenever an API view or handler answers with an error. The body is

    {"type": "/api/v1/docs#problem-rule-violation", "title": "A rule of the record refuses it",
     "status": 422, "detail": "unknown state code 'PC'", "field": "state",
     "errors": [{"field": "state", "in": "body", "detail": "…", "type": "…"}]}

`type` names the kind of problem (a stable reference into the API reference page, which explains
each kind); `title` is that kind in the caller's language; `detail` is this occurrence; `field` (the
first input at fault) and `errors` (every input at fault) are our extension members, present when
an input is to blame. Clients that only read `detail` (yente's, FastAPI-style) still get a sentence.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from django.core.serializers.json import DjangoJSONEncoder
from django.http import HttpRequest, HttpResponse
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

PROBLEM_MEDIA_TYPE = "application/problem+json"
REFERENCE_PATH = "/api/v1/docs"


@dataclass(frozen=True)
class ProblemKind:
    slug: str
    status: int
    title: Promise
    explanation: Promise  # what the reference page says about this kind

    @property
    def type(self) -> str:
        return f"{REFERENCE_PATH}#problem-{self.slug}"


UNREADABLE_BODY = ProblemKind(
    "unreadable-body",
    400,
    _("The request body is not readable"),
    _("The body is not JSON, or not the encoding the operation takes. Nothing was changed."),
)
UNAUTHENTICATED = ProblemKind(
    "unauthenticated",
    401,
    _("Authentication required"),
    _(
        "The operation is not public and the request has no valid credentials, or the bearer "
        "token is unknown or revoked. This is decided before the input is read, so an anonymous "
        "call never learns which input would have been accepted."
    ),
)
NOT_PERMITTED = ProblemKind(
    "not-permitted",
    403,
    _("Not permitted to this role"),
    _("The caller is known, but the role (or the state it acts for) may not do this."),
)
CSRF_FAILED = ProblemKind(
    "csrf-failed",
    403,
    _("CSRF check failed"),
    _("A browser session changed state without the csrftoken cookie's value as X-CSRFToken."),
)
NOT_FOUND = ProblemKind(
    "not-found",
    404,
    _("No such record"),
    _("No record answers to this reference, or none this caller may see."),
)
UNKNOWN_PATH = ProblemKind(
    "unknown-path",
    404,
    _("No such operation"),
    _("No operation of the API lives at this address; the reference page lists them all."),
)
METHOD_NOT_ALLOWED = ProblemKind(
    "method-not-allowed",
    405,
    _("Method not allowed"),
    _("The address exists but not with this method; the Allow header lists those it takes."),
)
REPLAYED = ProblemKind(
    "replayed-submission",
    409,
    _("Submission already received"),
    _("A signed statement was sent a second time; the first one stands."),
)
VALIDATION = ProblemKind(
    "validation",
    422,
    _("The input does not match the operation's schema"),
    _(
        "A parameter or body field is missing, of the wrong type, or outside the limits the "
        "OpenAPI document gives (format, range, length, enumeration). `errors` lists every "
        "input at fault."
    ),
)
RULE_VIOLATION = ProblemKind(
    "rule-violation",
    422,
    _("A rule of the record refuses it"),
    _(
        "The input is well formed but the record's rules refuse it: an unknown state, "
        "overlapping terms, an event already registered. `field` names the input at fault."
    ),
)
RATE_LIMITED = ProblemKind(
    "rate-limited",
    429,
    _("Too many requests"),
    _("Slow down: the Retry-After header says when to try again."),
)
SERVER_ERROR = ProblemKind(
    "server-error",
    500,
    _("Internal error"),
    _("The server failed; the error is logged. Nothing was changed."),
)

KINDS = [
    UNREADABLE_BODY,
    UNAUTHENTICATED,
    NOT_PERMITTED,
    CSRF_FAILED,
    NOT_FOUND,
    UNKNOWN_PATH,
    METHOD_NOT_ALLOWED,
    REPLAYED,
    VALIDATION,
    RULE_VIOLATION,
    RATE_LIMITED,
    SERVER_ERROR,
]


def problem_body(
    kind: ProblemKind,
    detail: str,
    *,
    field: str | None = None,
    errors: list[dict[str, Any]] | None = None,
) -> dict[str, Any]:
    body: dict[str, Any] = {
        "type": kind.type,
        "title": str(kind.title),
        "status": kind.status,
        "detail": str(detail),
    }
    if field:
        body["field"] = field
    if errors:
        body["errors"] = errors
    return body


def problem_response(
    request: HttpRequest,
    kind: ProblemKind,
    detail: str,
    *,
    field: str | None = None,
    errors: list[dict[str, Any]] | None = None,
) -> HttpResponse:
    body = problem_body(kind, detail, field=field, errors=errors)
    response = HttpResponse(
        json.dumps(body, cls=DjangoJSONEncoder, ensure_ascii=False),
        status=kind.status,
        content_type=f"{PROBLEM_MEDIA_TYPE}; charset=utf-8",
    )
    # The detail is in the caller's language (?lang=, cookie, Accept-Language).
    response["Content-Language"] = getattr(request, "LANGUAGE_CODE", "") or "en"
    if kind is UNAUTHENTICATED:
        response["WWW-Authenticate"] = 'Bearer realm="secretariat"'
    return response


def input_errors(raw_errors: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """ninja's (pydantic's) input errors as problem `errors` entries: where (`in`: path, query,
    body), which field (dotted, without ninja's own wrapper names), what is wrong, and its type."""
    found = []
    for error in raw_errors:
        location = [str(part) for part in error.get("loc", ())]
        source = location[0] if location else ""
        rest = location[1:]
        # ninja nests a body parameter under its own name ("body", "payload"): drop that level.
        if source == "body" and len(rest) > 1:
            rest = rest[1:]
        found.append(
            {
                "in": source,
                "field": ".".join(rest),
                "detail": str(error.get("msg", "")).removeprefix("Value error, "),
                "type": str(error.get("type", "")),
            }
        )
    return found

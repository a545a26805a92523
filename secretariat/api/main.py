"""The NinjaAPI under /api/v1/: one place for authentication, errors and versioning.

Each app contributes a router from its own api.py; this module mounts them and turns every error
into an RFC 9457 problem (secretariat.api.problems) the same way for every operation: 422 for input
the schema refuses (every field at fault listed) or a broken rule (with the field), 404 for a
missing or hidden record, 403 for a refused action, 401 for a missing or bad token, 400 for an
unreadable body, 500 for our own failure (logged).
"""

from __future__ import annotations

import logging

from django.http import Http404, HttpRequest, HttpResponse
from django.utils.translation import gettext as _
from ninja.errors import HttpError, ValidationError

from secretariat.api.openapi import SecretariatAPI
from secretariat.api.problems import (
    CSRF_FAILED,
    NOT_FOUND,
    NOT_PERMITTED,
    RATE_LIMITED,
    REPLAYED,
    RULE_VIOLATION,
    SERVER_ERROR,
    UNAUTHENTICATED,
    UNREADABLE_BODY,
    VALIDATION,
    input_errors,
    problem_response,
)
from secretariat.api.reference import ReferencePage
from secretariat.core.api_auth import (
    ActorAuth,
    AuthenticationRequired,
    CsrfFailed,
    InvalidCredentials,
)
from secretariat.core.domain.errors import NotFound, NotPermitted, RuleViolation
from secretariat.core.security_log import security_event
from secretariat.core.signing import ReplayedSubmission

logger = logging.getLogger("django.request")

api = SecretariatAPI(
    title="Secretariat API",
    version="1.0.0",
    description=(
        "Records of a collective-security treaty organization: members and membership as of any "
        "date, chairs, Secretaries-General, indicators, and the tamper-evident journal. "
        "Anonymous calls see what is public; send `Authorization: Bearer <token>` to act in a role. "
        "Human-readable texts (error details, page links) come in the language asked for: "
        "`?lang=ru` or `?lang=en`, else the language cookie, else `Accept-Language`; records carry "
        "both `_en` and `_ru` fields whatever the language."
    ),
    urls_namespace="api-v1",
    auth=ActorAuth(),
    docs=ReferencePage(),
)


@api.exception_handler(RuleViolation)
def rule_violation(request: HttpRequest, exc: RuleViolation) -> HttpResponse:
    return problem_response(request, RULE_VIOLATION, exc.message, field=exc.field)


@api.exception_handler(ReplayedSubmission)
def replayed_submission(request: HttpRequest, exc: ReplayedSubmission) -> HttpResponse:
    return problem_response(request, REPLAYED, exc.message, field=exc.field)


@api.exception_handler(NotFound)
def not_found(request: HttpRequest, exc: NotFound) -> HttpResponse:
    return problem_response(request, NOT_FOUND, exc.message, field=exc.field)


@api.exception_handler(NotPermitted)
def not_permitted(request: HttpRequest, exc: NotPermitted) -> HttpResponse:
    return problem_response(request, NOT_PERMITTED, exc.message, field=exc.field)


@api.exception_handler(ValidationError)
def invalid_input(request: HttpRequest, exc: ValidationError) -> HttpResponse:
    errors = input_errors(exc.errors)
    first = errors[0] if errors else {"field": "", "detail": ""}
    detail = _("%(field)s: %(problem)s") % {
        "field": first["field"] or first.get("in", ""),
        "problem": first["detail"],
    }
    return problem_response(
        request, VALIDATION, detail, field=first["field"] or None, errors=errors
    )


@api.exception_handler(Http404)
def missing(request: HttpRequest, exc: Http404) -> HttpResponse:
    return problem_response(request, NOT_FOUND, _("No such record."))


@api.exception_handler(HttpError)
def http_error(request: HttpRequest, exc: HttpError) -> HttpResponse:
    """ninja's own refusals: an unreadable body (400), a throttle (429), its AuthenticationError."""
    kind = {400: UNREADABLE_BODY, 401: UNAUTHENTICATED, 403: NOT_PERMITTED, 429: RATE_LIMITED}
    found = kind.get(exc.status_code)
    if found is None:
        return problem_response(request, SERVER_ERROR, str(exc))
    if found is UNREADABLE_BODY:
        return problem_response(request, found, _("The request body is not readable JSON."))
    return problem_response(request, found, str(found.title))


@api.exception_handler(AuthenticationRequired)
def authentication_required(request: HttpRequest, exc: AuthenticationRequired) -> HttpResponse:
    return problem_response(
        request,
        UNAUTHENTICATED,
        _("This operation is not public: send Authorization: Bearer <token>."),
    )


@api.exception_handler(InvalidCredentials)
def invalid_credentials(request: HttpRequest, exc: InvalidCredentials) -> HttpResponse:
    security_event("api_token", request=request, user=None, outcome="invalid", path=request.path)
    return problem_response(request, UNAUTHENTICATED, _("Unknown or revoked API token."))


@api.exception_handler(CsrfFailed)
def csrf_failed(request: HttpRequest, exc: CsrfFailed) -> HttpResponse:
    user = request.user.get_username() if request.user.is_authenticated else None
    security_event("csrf", request=request, user=user, outcome="failed", path=request.path)
    return problem_response(
        request,
        CSRF_FAILED,
        _("CSRF check failed: send the csrftoken cookie's value as X-CSRFToken."),
    )


@api.exception_handler(Exception)
def server_error(request: HttpRequest, exc: Exception) -> HttpResponse:
    """A failure of ours: logged with its traceback (as Django would), answered as a problem."""
    logger.error("API error on %s %s", request.method, request.path, exc_info=exc)
    return problem_response(request, SERVER_ERROR, _("The server failed; the error is logged."))


def _mount() -> None:
    from secretariat.assistance.api import router as assistance_router
    from secretariat.depositary.api import router as depositary_router
    from secretariat.entrybans.api import router as entrybans_router
    from secretariat.forces.api import router as forces_router
    from secretariat.journal.api import router as journal_router
    from secretariat.meetings.api import router as meetings_router
    from secretariat.members.api import router as members_router

    api.add_router("/", members_router)
    api.add_router("/journal", journal_router)
    api.add_router("/depositary", depositary_router)
    api.add_router("/meetings", meetings_router)
    api.add_router("/forces", forces_router)
    api.add_router("/assistance", assistance_router)
    api.add_router("/entry-bans", entrybans_router)


_mount()

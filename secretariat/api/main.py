"""The NinjaAPI under /api/v1/: one place for authentication, errors and versioning.

Each app contributes a router from its own api.py; this module mounts them and turns domain errors
into JSON the same way for every operation: 422 for a broken rule (with the field), 404 for a
missing or hidden record, 403 for a refused action, 401 for a bad token.
"""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.utils.translation import gettext as _

from secretariat.api.auth import ActorAuth, CsrfFailed, InvalidCredentials
from secretariat.api.openapi import SecretariatAPI
from secretariat.core.domain.errors import NotFound, NotPermitted, RuleViolation
from secretariat.core.security_log import security_event
from secretariat.core.signing import ReplayedSubmission

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
)


def _error(
    request: HttpRequest, status: int, detail: str, field: str | None = None
) -> HttpResponse:
    body: dict[str, object] = {"detail": detail}
    if field:
        body["field"] = field
    return api.create_response(request, body, status=status)


@api.exception_handler(RuleViolation)
def rule_violation(request: HttpRequest, exc: RuleViolation) -> HttpResponse:
    return _error(request, 422, exc.message, exc.field)


@api.exception_handler(ReplayedSubmission)
def replayed_submission(request: HttpRequest, exc: ReplayedSubmission) -> HttpResponse:
    return _error(request, 409, exc.message, exc.field)


@api.exception_handler(NotFound)
def not_found(request: HttpRequest, exc: NotFound) -> HttpResponse:
    return _error(request, 404, exc.message)


@api.exception_handler(NotPermitted)
def not_permitted(request: HttpRequest, exc: NotPermitted) -> HttpResponse:
    return _error(request, 403, exc.message)


@api.exception_handler(InvalidCredentials)
def invalid_credentials(request: HttpRequest, exc: InvalidCredentials) -> HttpResponse:
    security_event("api_token", request=request, user=None, outcome="invalid", path=request.path)
    return _error(request, 401, _("Unknown or revoked API token."))


@api.exception_handler(CsrfFailed)
def csrf_failed(request: HttpRequest, exc: CsrfFailed) -> HttpResponse:
    user = request.user.get_username() if request.user.is_authenticated else None
    security_event("csrf", request=request, user=user, outcome="failed", path=request.path)
    return _error(
        request, 403, _("CSRF check failed: send the csrftoken cookie's value as X-CSRFToken.")
    )


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

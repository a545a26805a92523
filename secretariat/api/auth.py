"""API authentication: a bearer token (clients) or the portal's session cookie (browsers).

Anonymous callers are the public; authentication only ever adds what a role may do. Session calls
that change state must carry the CSRF token, as portal forms do.
"""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest
from django.middleware.csrf import CsrfViewMiddleware
from ninja.security.base import AuthBase

from secretariat.core.domain.actors import Actor
from secretariat.core.models import ApiToken, hash_token
from secretariat.core.permissions import actor_for

SAFE_METHODS = {"GET", "HEAD", "OPTIONS"}


class InvalidCredentials(Exception):
    """A bearer token was sent but is unknown or revoked."""


class CsrfFailed(Exception):
    """A session-authenticated write came without a valid CSRF token."""


class AuthenticationRequired(Exception):
    """An anonymous call to an operation that is not public."""


def _csrf_ok(request: HttpRequest) -> bool:
    def accept(_request: HttpRequest) -> None:
        return None

    check = CsrfViewMiddleware(accept)  # type: ignore[arg-type]
    check.process_request(request)
    return check.process_view(request, accept, (), {}) is None  # type: ignore[arg-type]


def request_actor(request: HttpRequest) -> Actor:
    header = request.headers.get("Authorization", "")
    if header.lower().startswith("bearer "):
        raw = header[7:].strip()
        token = (
            ApiToken.objects.select_related("user", "user__secretariat_role")
            .filter(token_hash=hash_token(raw), revoked_at__isnull=True)
            .first()
        )
        if token is None or not token.user.is_active:
            raise InvalidCredentials
        return actor_for(token.user)
    user: Any = getattr(request, "user", None)
    if user is not None and user.is_authenticated:
        if request.method not in SAFE_METHODS and not _csrf_ok(request):
            raise CsrfFailed
        return actor_for(user)
    return Actor.public()


class ActorAuth(AuthBase):
    """Every operation's authentication: always yields an Actor (the public when anonymous), and
    refuses a request that presents a bad token rather than quietly treating it as public."""

    openapi_type = "http"
    openapi_scheme = "bearer"

    def __call__(self, request: HttpRequest) -> Actor:
        return request_actor(request)


class SignedInAuth(ActorAuth):
    """The authentication of every operation that is not public (all writes, and the reads of
    the entry-ban register and the full journal): an anonymous call is answered 401 before its
    input is read, so it cannot probe which input an operation would accept. The role is still
    checked by the service (403 when it may not)."""

    def __call__(self, request: HttpRequest) -> Actor:
        actor = request_actor(request)
        if actor == Actor.public():
            raise AuthenticationRequired
        return actor


SIGNED_IN = SignedInAuth()


def actor_of(request: HttpRequest) -> Actor:
    """The Actor ActorAuth established for this API request."""
    found = getattr(request, "auth", None)
    return found if isinstance(found, Actor) else request_actor(request)

"""API authentication: a bearer token (clients) or the portal's session cookie (browsers).

Anonymous callers are the public; authentication only ever adds what a role may do. Session calls
that change state must carry the CSRF token, as portal forms do.
"""

from __future__ import annotations

from typing import Any

from django.contrib.auth import get_user_model
from django.db import connections, router
from django.http import HttpRequest
from django.middleware.csrf import CsrfViewMiddleware
from ninja.security.base import AuthBase

from secretariat.core.domain.actors import Actor, Role
from secretariat.core.models import ApiToken, UserRole, hash_token
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


def _token_sql() -> str:
    """The bearer token's owner and role in one fixed statement, the way `actor_for` reads them
    through the ORM (token, user, role): every API call makes this lookup, and compiling the
    ORM's three-table query again for each was a fifth of a one-name screening's CPU time."""
    model = get_user_model()
    user, token, role = model._meta, ApiToken._meta, UserRole._meta
    pk = user.pk.column if user.pk else "id"

    def col(meta: Any, name: str) -> str:
        return str(meta.get_field(name).column)

    return (
        f"SELECT u.{pk}, u.{col(user, model.USERNAME_FIELD)}, u.{col(user, 'is_active')}, "  # noqa: S608 - names from the models
        f"r.{col(role, 'role')}, r.{col(role, 'state')} "
        f"FROM {token.db_table} t JOIN {user.db_table} u ON u.{pk} = t.{col(token, 'user')} "
        f"LEFT JOIN {role.db_table} r ON r.{col(role, 'user')} = u.{pk} "
        f"WHERE t.{col(token, 'token_hash')} = %s AND t.{col(token, 'revoked_at')} IS NULL"
    )


_TOKEN_SQL: list[str] = []


def bearer_actor(raw: str) -> Actor:
    """The Actor of an unrevoked token of an active user (as `actor_for` makes it), or
    InvalidCredentials."""
    if not _TOKEN_SQL:
        _TOKEN_SQL.append(_token_sql())
    with connections[router.db_for_read(ApiToken)].cursor() as cursor:
        cursor.execute(_TOKEN_SQL[0], [hash_token(raw)])
        row = cursor.fetchone()
    if row is None or not row[2]:
        raise InvalidCredentials
    user_id, username, _, role, state = row
    if role is None:
        return Actor(Role.PUBLIC, username=username, user_id=user_id)
    return Actor(Role(role), state=state, username=username, user_id=user_id)


def request_actor(request: HttpRequest) -> Actor:
    header = request.headers.get("Authorization", "")
    if header.lower().startswith("bearer "):
        return bearer_actor(header[7:].strip())
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

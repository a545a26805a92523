"""Validators and cache rules for every response: what a browser, a proxy or a CDN may keep.

The public side changes only when the record does, and every change to the record appends a
journal entry. So the journal head is the record's version: a public page or API answer carries
`ETag` and `Last-Modified` derived from it, and a client (or a shared cache in front) that sends
the ETag back is answered 304 before the view runs: nothing is recomputed until the record moves.
Public answers say `Cache-Control: public, no-cache`: any cache may keep them and must ask again
each time, which costs one indexed query here. That is how the public portal scales past one
machine without a cache of our own.

The version also holds what else decides the bytes: today's date (pages default to "as of today"),
the language, and the code's version (a deploy changes templates).

Never public: anything for a signed-in user or an API token, anything that set a cookie or used a
CSRF token, and the entry-ban register, the screening endpoints, login and admin; those are
`private, no-store`. Errors and redirects get no validators.

HTTP_CACHE_VALIDATORS=false leaves responses as the views made them (the benchmark's baseline).
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Callable
from importlib import metadata

from django.conf import settings
from django.contrib.messages.storage.cookie import CookieStorage
from django.http import HttpRequest, HttpResponseBase
from django.utils.cache import get_conditional_response, patch_cache_control, patch_vary_headers
from django.utils.http import http_date
from django.utils.translation import get_language

from secretariat.journal.models import JournalEntry

PUBLIC = "public, no-cache"
PRIVATE = "private, no-store"
# Addresses that are never public whoever asks: the entry-ban register and screening (personal
# data), the admin, and everything about signing in. Page addresses carry a language prefix.
_PRIVATE_PATHS = ("/api/v1/entry-bans", "/match/", "/admin/", "/i18n/")
_PRIVATE_PAGES = ("entry-bans/", "login/", "logout/", "account/", "password-reset/", "admin/")
_CACHEABLE_STATUSES = {200, 203}

try:
    _CODE_VERSION = metadata.version("secretariat")
except metadata.PackageNotFoundError:  # pragma: no cover - run from a source tree
    _CODE_VERSION = "source"


def is_private_path(path: str) -> bool:
    if path.startswith(_PRIVATE_PATHS):
        return True
    _, _, rest = path.lstrip("/").partition("/")
    return path[1:3] in {code for code, _ in settings.LANGUAGES} and rest.startswith(_PRIVATE_PAGES)


def is_personal(request: HttpRequest) -> bool:
    """Whether the answer may depend on who asks (a signed-in user, a token, a flash message)."""
    user = getattr(request, "user", None)
    return bool(
        (user is not None and user.is_authenticated)
        or request.headers.get("Authorization")
        or CookieStorage.cookie_name in request.COOKIES
    )


def record_version() -> tuple[str, dt.datetime | None]:
    """The journal head's hash and time: one indexed read of the last entry."""
    head = JournalEntry.objects.order_by("-seq").values_list("entry_hash", "recorded_at").first()
    return head if head else ("", None)


def validators(address: str, today: dt.date) -> tuple[str, float | None]:
    """The weak ETag and the Last-Modified time (seconds) of a public answer at `address` now."""
    head_hash, recorded_at = record_version()
    token = f"{head_hash}|{today.isoformat()}|{get_language()}|{_CODE_VERSION}|{address}"
    etag = 'W/"' + hashlib.sha256(token.encode()).hexdigest()[:32] + '"'
    midnight = dt.datetime.combine(today, dt.time(), tzinfo=dt.UTC)
    # Pages are "as of today": they may change at midnight even when the record does not.
    last = max(recorded_at, midnight) if recorded_at else midnight
    return etag, last.timestamp()


def _mark_private(response: HttpResponseBase) -> HttpResponseBase:
    if not response.has_header("Cache-Control"):
        patch_cache_control(response, private=True, no_store=True)
    return response


class HttpCacheMiddleware:
    """Placed after authentication (it needs request.user) and before the views."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponseBase]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponseBase:
        if not settings.HTTP_CACHE_VALIDATORS:
            return self.get_response(request)
        if is_private_path(request.path) or is_personal(request):
            return _mark_private(self.get_response(request))
        if request.method not in ("GET", "HEAD"):
            return self.get_response(request)
        etag, last_modified = validators(request.get_full_path(), dt.date.today())
        not_modified = get_conditional_response(
            request, etag=etag, last_modified=int(last_modified) if last_modified else None
        )
        if not_modified is not None and not_modified.status_code == 304:
            return self._public(not_modified, etag, last_modified)
        response = self.get_response(request)
        if response.status_code not in _CACHEABLE_STATUSES or response.has_header("Cache-Control"):
            return response
        if request.META.get("CSRF_COOKIE_NEEDS_UPDATE") or response.cookies:
            # A form's token or a cookie is this visitor's: keep it out of shared caches.
            return _mark_private(response)
        return self._public(response, etag, last_modified)

    def _public(
        self, response: HttpResponseBase, etag: str, last_modified: float | None
    ) -> HttpResponseBase:
        response.headers["ETag"] = etag
        if last_modified is not None:
            response.headers["Last-Modified"] = http_date(last_modified)
        patch_cache_control(response, public=True, no_cache=True)
        # The answer to a signed-in user or a token holder differs: a cache must not hand this one
        # to them. The encoding is added by the compression middleware when it compresses.
        patch_vary_headers(response, ("Cookie", "Authorization", "Accept-Encoding"))
        return response

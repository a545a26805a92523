"""Request middleware of our own: session lifetimes and the content security policy."""

from __future__ import annotations

import time
from collections.abc import Callable

from django.conf import settings
from django.contrib.auth import logout
from django.http import HttpRequest, HttpResponse

from secretariat.core.security_log import current_request, security_event

SESSION_STARTED = "secretariat_session_started"
SESSION_SEEN = "secretariat_session_seen"


class SessionLifetimeMiddleware:
    """Logs a user out after SESSION_IDLE_SECONDS without a request, or SESSION_COOKIE_AGE after
    login whatever the activity (the absolute lifetime is not extended by use)."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated:
            now = int(time.time())
            started = request.session.setdefault(SESSION_STARTED, now)
            seen = request.session.get(SESSION_SEEN, now)
            expired = None
            if now - started > settings.SESSION_COOKIE_AGE:
                expired = "absolute"
            elif now - seen > settings.SESSION_IDLE_SECONDS:
                expired = "idle"
            if expired:
                security_event(
                    "session_expired", request=request, user=user.get_username(), outcome=expired
                )
                logout(request)
            elif now - seen >= 60 or SESSION_SEEN not in request.session:
                # Written at most once a minute, so reading pages does not rewrite the session.
                request.session[SESSION_SEEN] = now
        return self.get_response(request)


class ContentSecurityPolicyMiddleware:
    """Sends CONTENT_SECURITY_POLICY on every response that does not set its own."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        response.headers.setdefault("Content-Security-Policy", settings.CONTENT_SECURITY_POLICY)
        response.headers.setdefault("Cross-Origin-Opener-Policy", "same-origin")
        response.headers.setdefault(
            "Permissions-Policy", "camera=(), microphone=(), geolocation=()"
        )
        return response


class RequestContextMiddleware:
    """Makes the current request known to the security log for the length of the request."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        token = current_request.set(request)
        try:
            return self.get_response(request)
        finally:
            current_request.reset(token)

"""Failed-login counting and lockout, kept in the shared cache so every worker process agrees.

A username is locked for LOGIN_LOCKOUT_SECONDS after LOGIN_FAILURE_LIMIT failures (password or
second factor), and an address after four times as many, whichever user names it tried. The same
message answers a locked, unknown or wrong account, so the lockout reveals nothing.
"""

from __future__ import annotations

import hashlib

from django.conf import settings
from django.core.cache import cache

ADDRESS_FACTOR = 4


def _key(kind: str, value: str) -> str:
    # Hashed: user input never becomes a cache key (length, odd characters).
    digest = hashlib.sha256(value.strip().lower().encode()).hexdigest()[:32]
    return f"login:{kind}:{digest}"


def is_locked(username: str, address: str) -> bool:
    return bool(cache.get(_key("lock-user", username)) or cache.get(_key("lock-addr", address)))


def _bump(kind: str, value: str, limit: int) -> bool:
    counter = _key(f"fail-{kind}", value)
    # add() is atomic on Redis and creates the counter with its window; incr() then counts.
    cache.add(counter, 0, timeout=settings.LOGIN_LOCKOUT_SECONDS)
    try:
        count = cache.incr(counter)
    except ValueError:  # expired between add and incr
        cache.set(counter, 1, timeout=settings.LOGIN_LOCKOUT_SECONDS)
        count = 1
    if count >= limit:
        cache.set(_key(f"lock-{kind}", value), 1, timeout=settings.LOGIN_LOCKOUT_SECONDS)
        return True
    return False


def record_failure(username: str, address: str) -> bool:
    """Count a failure; True when it just locked the username or the address."""
    limit = settings.LOGIN_FAILURE_LIMIT
    user_locked = _bump("user", username, limit)
    address_locked = _bump("addr", address, limit * ADDRESS_FACTOR)
    return user_locked or address_locked


def clear(username: str) -> None:
    cache.delete_many([_key("fail-user", username), _key("lock-user", username)])

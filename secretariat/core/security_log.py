"""Security event log: authentication and authorization outcomes, one line each, in UTC.

Use `security_event(...)` for every login, logout, lockout, second-factor and refused-access event.
Values come from users (usernames, addresses), so control characters are escaped before they reach
the log, and no secret (password, code, token) is ever passed in.
"""

from __future__ import annotations

import contextvars
import logging
import time
from typing import Any

from django.http import HttpRequest

logger = logging.getLogger("secretariat.security")

# The request being served, so events raised deep in a service still name the client's address.
current_request: contextvars.ContextVar[HttpRequest | None] = contextvars.ContextVar(
    "secretariat_current_request", default=None
)


class UtcFormatter(logging.Formatter):
    converter = time.gmtime  # type: ignore[assignment]

    def __init__(self) -> None:
        super().__init__("%(asctime)sZ %(levelname)s %(message)s", "%Y-%m-%dT%H:%M:%S")


def escape_control(value: object) -> str:
    """Make a value safe for a one-line log: control characters become \\xNN or \\uNNNN escapes."""
    text = str(value)
    out = []
    for char in text:
        code = ord(char)
        if code < 0x20 or 0x7F <= code < 0xA0 or char in "\u2028\u2029":
            out.append(f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}")
        else:
            out.append(char)
    return "".join(out)


def client_address(request: HttpRequest | None) -> str:
    request = request or current_request.get()
    if request is None:
        return "-"
    return str(request.META.get("REMOTE_ADDR", "-"))


def security_event(
    event: str, *, request: HttpRequest | None, user: Any, outcome: str, **details: object
) -> None:
    parts = [
        f"event={escape_control(event)}",
        f"outcome={escape_control(outcome)}",
        f"user={escape_control(user if user else '-')}",
        f"address={escape_control(client_address(request))}",
    ]
    parts += [f"{key}={escape_control(value)}" for key, value in sorted(details.items())]
    logger.info(" ".join(parts))

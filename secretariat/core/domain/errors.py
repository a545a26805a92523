"""The three ways a request can fail in the domain, each rendered the same way by UI, API and CLI.

Services raise these; views turn them into form errors, the API into 4xx JSON, commands into a
message on stderr and a non-zero exit. Nothing has been written when one is raised.
"""

from __future__ import annotations


class DomainError(Exception):
    """Base of every expected failure; `message` is meant for the person who asked."""

    def __init__(self, message: str, *, field: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.field = field


class RuleViolation(DomainError):
    """The input breaks a rule of the organization or of the data (bad dates, overlaps, order)."""


class NotPermitted(DomainError):
    """The actor may not do this at all (e.g. the public trying to write)."""


class NotFound(DomainError):
    """The record does not exist, or the actor may not know that it exists (other states' records)."""

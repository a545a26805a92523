"""Ownership scopes used in the policy table."""

from __future__ import annotations

from enum import StrEnum


class Scope(StrEnum):
    ANY = "any"  # whatever state the record belongs to
    OWN = "own"  # only records of the actor's own state

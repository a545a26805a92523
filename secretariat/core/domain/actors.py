"""Who is acting: a role and, for national roles, the state the person acts for.

An Actor is what services receive instead of a request or a user row, so rules and the journal see
the same facts whether the call came from the portal, the API, the admin or a command.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum


class Role(StrEnum):
    PUBLIC = "public"
    DELEGATION = "delegation"
    SECRETARIAT = "secretariat"
    BORDER_OFFICER = "border_officer"
    AUDITOR = "auditor"
    SYSTEM = "system"

    @property
    def is_national(self) -> bool:
        """National roles act for one member state and must name it."""
        return self in (Role.DELEGATION, Role.BORDER_OFFICER)


@dataclass(frozen=True)
class Actor:
    role: Role
    state: str | None = None
    username: str | None = None
    user_id: int | None = None

    def __post_init__(self) -> None:
        if self.role.is_national and not self.state:
            raise ValueError(f"a {self.role.value} actor must act for a state")
        if not self.role.is_national and self.state:
            raise ValueError(f"a {self.role.value} actor does not act for a state")

    @classmethod
    def public(cls) -> Actor:
        return cls(Role.PUBLIC)

    @classmethod
    def system(cls, name: str) -> Actor:
        """A process acting on the secretariat's behalf, e.g. the dataset loader."""
        return cls(Role.SYSTEM, username=name)

    def as_journal_dict(self) -> dict[str, str | int | None]:
        return {
            "role": self.role.value,
            "state": self.state,
            "user": self.username,
            "user_id": self.user_id,
        }

    def describe(self) -> str:
        who = self.username or self.role.value
        return f"{who} ({self.role.value}{', ' + self.state if self.state else ''})"

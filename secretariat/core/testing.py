"""Test personas and small factories, shared by every app's tests (never used in production code).

Personas, one per role of ARCHITECTURE.md: sofia (secretariat), boris (delegation of Belarus),
anna (delegation of Armenia), kair (border officer of Kazakhstan), aud (auditor).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from secretariat.core.domain.actors import Actor
from secretariat.core.permissions import actor_for

PASSWORD = "correct horse battery staple 42"  # noqa: S105 - test persona password


def make_user(username: str, role: str, state: str | None = None) -> Any:
    from secretariat.core.services import create_user_with_role

    return create_user_with_role(
        Actor.system("tests"), username=username, password=PASSWORD, role=role, state=state
    )


@dataclass
class Personas:
    sofia: Any
    boris: Any
    anna: Any
    kair: Any
    aud: Any

    def all(self) -> dict[str, Any]:
        return dict(self.__dict__)

    @staticmethod
    def create() -> Personas:
        return Personas(
            sofia=make_user("sofia", "secretariat"),
            boris=make_user("boris", "delegation", "BY"),
            anna=make_user("anna", "delegation", "AM"),
            kair=make_user("kair", "border_officer", "KZ"),
            aud=make_user("aud", "auditor"),
        )


def actor(user: Any) -> Actor:
    return actor_for(user)


def journal_size() -> int:
    from secretariat.journal.models import JournalEntry

    return JournalEntry.objects.count()

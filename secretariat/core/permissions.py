"""The permission funnel: turn a Django user into an Actor and ask the policy table.

Views, API operations, admin actions and commands call these helpers and nothing else, so that a
record another state may not see is reported as missing (404) everywhere, never as forbidden.
"""

from __future__ import annotations

from typing import Any

from secretariat.core.domain.actors import Actor, Role
from secretariat.core.domain.errors import NotFound, NotPermitted
from secretariat.core.domain.permissions import is_allowed
from secretariat.core.security_log import security_event


def actor_for(user: Any) -> Actor:
    """The Actor a (possibly anonymous) Django user acts as."""
    if user is None or not getattr(user, "is_authenticated", False):
        return Actor.public()
    assignment = getattr(user, "secretariat_role", None)
    if assignment is None or not user.is_active:
        # Logged in but given no role: as much as the public, no more.
        return Actor(Role.PUBLIC, username=user.get_username(), user_id=user.pk)
    return Actor(
        Role(assignment.role),
        state=assignment.state_id,
        username=user.get_username(),
        user_id=user.pk,
    )


def require(actor: Actor, action: str, state: str | None = None) -> None:
    """Refuse a write the actor may not make.

    A national actor aiming at another state's record is told the record does not exist, so that
    nobody learns what another state keeps; everyone else gets a plain refusal.
    """
    if is_allowed(actor, action, state):
        return
    hidden = actor.role.is_national and state is not None and state != actor.state
    security_event(
        "authorization",
        request=None,
        user=actor.username,
        outcome="denied_as_not_found" if hidden else "denied",
        action=action,
        role=actor.role.value,
        actor_state=actor.state or "-",
        record_state=state or "-",
    )
    if hidden:
        raise NotFound("No such record.")
    raise NotPermitted(f"{actor.role.value} may not perform {action}.")


def can(actor: Actor, action: str, state: str | None = None) -> bool:
    return is_allowed(actor, action, state)

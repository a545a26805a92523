"""The role × action × ownership table: the single answer to "may this actor do this?".

Every view, API operation, admin action and command asks `is_allowed` (through
`secretariat.core.permissions`), so `POLICY` is the whole policy: the core's rows below and each
app's rows from its `domain/policy.py`, registered when Django starts. Ownership is whose record
it is: a member state's (OWN when it is the actor's state, OTHER when not) or the secretariat's.
Keep docs/permissions.md in step with this table; a test walks all of it.
"""

from __future__ import annotations

from secretariat.core.domain.actors import Actor, Role
from secretariat.core.domain.scopes import Scope

__all__ = ["POLICY", "Scope", "is_allowed", "register_policy"]

# action -> {role: scope}. A role missing from an action's entry may not do it at all.
CORE_POLICY: dict[str, dict[Role, Scope]] = {
    "journal.read_entries": {
        Role.AUDITOR: Scope.ANY,
        Role.SECRETARIAT: Scope.ANY,
        Role.SYSTEM: Scope.ANY,
    },
}


# The one table: the core's rows, and each app's own (kept in the app's domain/policy.py and added
# by `register_policy` from the app's AppConfig.ready(), so that the core imports no app).
POLICY: dict[str, dict[Role, Scope]] = dict(CORE_POLICY)


def register_policy(table: dict[str, dict[Role, Scope]]) -> None:
    """Add an app's rows to the table; called once per app when Django starts.

    The same rows again change nothing (a test runner may start the apps twice); an action that
    another app already defines differently is refused, so no app can widen another's rule."""
    clash = sorted(
        action for action in table if action in POLICY and POLICY[action] != table[action]
    )
    if clash:
        raise ValueError(f"actions defined twice in the policy: {clash}")
    POLICY.update(table)


def is_allowed(actor: Actor, action: str, state: str | None = None) -> bool:
    """May `actor` do `action` on a record belonging to `state` (None: the secretariat's own)?"""
    try:
        scopes = POLICY[action]
    except KeyError:
        raise ValueError(f"unknown action {action!r}: add it to POLICY") from None
    scope = scopes.get(actor.role)
    if scope is None:
        return False
    if scope is Scope.ANY:
        return True
    return state is not None and state == actor.state

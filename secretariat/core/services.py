"""Accounts: creating users with a role and issuing API tokens, journaled like every other write."""

from __future__ import annotations

from typing import Any

from django.contrib.auth import get_user_model
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.db import transaction

from secretariat.core import registry
from secretariat.core.domain.actors import Actor, Role
from secretariat.core.domain.errors import NotPermitted, RuleViolation
from secretariat.core.models import ApiToken, UserRole, hash_token
from secretariat.journal.services import record as journal


@transaction.atomic
def create_user_with_role(
    actor: Actor, *, username: str, password: str, role: str, state: str | None = None
) -> Any:
    if actor.role not in (Role.SYSTEM, Role.SECRETARIAT):
        raise NotPermitted("only the secretariat creates accounts")
    try:
        parsed = Role(role)
    except ValueError:
        raise RuleViolation(f"unknown role {role!r}", field="role") from None
    if parsed in (Role.PUBLIC, Role.SYSTEM):
        raise RuleViolation(f"{role} is not a role an account can hold", field="role")
    if parsed.is_national and not state:
        raise RuleViolation(f"a {role} account must name its state", field="state")
    if not parsed.is_national and state:
        raise RuleViolation(f"a {role} account acts for no state", field="state")
    if state and not registry.state_exists(state):
        raise RuleViolation(f"unknown state code {state!r}", field="state")
    user_model = get_user_model()
    if user_model.objects.filter(username=username).exists():
        raise RuleViolation(f"the username {username!r} is taken", field="username")
    user = user_model(username=username, is_staff=parsed is Role.SECRETARIAT)
    try:
        validate_password(password, user)
    except ValidationError as exc:
        raise RuleViolation(" ".join(exc.messages), field="password") from None
    user.set_password(password)
    user.save()
    UserRole.objects.create(user=user, role=parsed.value, state_id=state)
    journal(
        actor=actor,
        action="account.created",
        subject=f"user:{user.pk}",
        data={"username": username, "role": parsed.value, "state": state},
    )
    return user


@transaction.atomic
def issue_api_token(actor: Actor, *, user: Any, name: str) -> str:
    """Create a bearer token and return it; only its hash is kept, so it is shown once."""
    if actor.role not in (Role.SYSTEM, Role.SECRETARIAT) and actor.user_id != user.pk:
        raise NotPermitted("a token is issued by its owner or the secretariat")
    raw = ApiToken.new_raw_token()
    token = ApiToken.objects.create(user=user, name=name, token_hash=hash_token(raw))
    journal(
        actor=actor,
        action="api_token.issued",
        subject=f"api_token:{token.pk}",
        data={"user": user.get_username(), "name": name},
    )
    return raw

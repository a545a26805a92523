"""A bearer token is its owner in their role, and nothing once revoked or once the owner is
deactivated: the lookup is one fixed statement (auth.bearer_actor), checked here against what
`actor_for` makes of the same user through the ORM."""

from __future__ import annotations

import pytest
from django.contrib.auth import get_user_model
from django.test import Client
from django.utils import timezone

from secretariat.core.api_auth import InvalidCredentials, bearer_actor
from secretariat.core.domain.actors import Role
from secretariat.core.models import ApiToken
from secretariat.core.permissions import actor_for
from secretariat.core.services import issue_api_token
from secretariat.core.testing import actor

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("persona", ["sofia", "boris", "kair", "aud"])
def test_a_token_acts_as_its_owner_in_their_role_and_state(personas, persona):
    user = getattr(personas, persona)
    token = issue_api_token(actor(user), user=user, name="test")
    assert bearer_actor(token) == actor_for(user)


def test_a_user_without_a_role_is_the_public_under_their_name():
    user = get_user_model().objects.create_user("norole", password="x-Long-enough-1")
    token = issue_api_token(actor_for(user), user=user, name="test")
    found = bearer_actor(token)
    assert found.role == Role.PUBLIC
    assert (found.username, found.user_id) == ("norole", user.pk)


def test_a_revoked_token_or_a_deactivated_owner_is_refused_with_401(personas):
    kair = personas.kair
    revoked = issue_api_token(actor(kair), user=kair, name="old")
    ApiToken.objects.filter(name="old").update(revoked_at=timezone.now())
    with pytest.raises(InvalidCredentials):
        bearer_actor(revoked)
    live = issue_api_token(actor(kair), user=kair, name="live")
    assert (
        Client(headers={"Authorization": f"Bearer {live}"}).get("/api/v1/members").status_code
        == 200
    )
    kair.is_active = False
    kair.save()
    for token in (revoked, live, "sec_unknown"):
        response = Client(headers={"Authorization": f"Bearer {token}"}).get("/api/v1/members")
        assert response.status_code == 401

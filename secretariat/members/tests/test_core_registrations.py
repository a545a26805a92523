"""What the apps hand the core at start-up: their permission rows and what only they know."""

from __future__ import annotations

import pytest

from secretariat.core import registry
from secretariat.core.domain.actors import Role
from secretariat.core.domain.permissions import POLICY, register_policy
from secretariat.core.domain.scopes import Scope
from secretariat.members.domain.policy import POLICY as MEMBERS_POLICY


def test_every_installed_apps_rows_are_in_the_table_once_django_has_started():
    prefixes = {action.split(".")[0] for action in POLICY}
    assert prefixes == {
        "members",
        "journal",
        "depositary",
        "meetings",
        "assistance",
        "forces",
        "entrybans",
        "audit",
    }


def test_registering_an_apps_rows_again_changes_nothing():
    before = dict(POLICY)
    register_policy(MEMBERS_POLICY)
    assert before == POLICY


def test_an_app_cannot_redefine_another_apps_action():
    widened = {"members.register_event": {Role.DELEGATION: Scope.OWN}}
    with pytest.raises(ValueError, match=r"members\.register_event"):
        register_policy(widened)
    assert Role.DELEGATION not in POLICY["members.register_event"]


def test_a_second_provider_of_the_same_answer_is_refused():
    with pytest.raises(ValueError, match="state_exists"):
        registry.provide("state_exists", lambda code: True)


def test_the_members_app_answers_what_the_core_asks_about_the_register(db):
    from secretariat.members.models import MemberState, OrganizationProfile

    codes = set(MemberState.objects.values_list("code", flat=True))
    for code in codes:
        assert registry.state_exists(code)
    assert not registry.state_exists("QQ")
    assert registry.dataset_loaded() is OrganizationProfile.objects.exists()


def test_an_answer_no_app_provides_names_what_is_missing():
    with pytest.raises(RuntimeError, match="no installed app provides 'nobody'"):
        registry._provider("nobody")

"""The role × action × ownership table and the permission funnel (pure, no Django)."""

from __future__ import annotations

import pytest

from secretariat.core.domain.actors import Actor, Role
from secretariat.core.domain.errors import NotFound, NotPermitted
from secretariat.core.domain.permissions import POLICY, is_allowed
from secretariat.core.permissions import can, require

OWN_STATE = "BY"
OTHER_STATE = "AM"

SEC = Role.SECRETARIAT
DEL = Role.DELEGATION
AUD = Role.AUDITOR
SYS = Role.SYSTEM

# The policy written out independently of POLICY, so a change to the table must be made twice.
# action -> {role: "any" | "own"}; a role that is not listed may not do the action at all.
EXPECTED: dict[str, dict[Role, str]] = {
    "members.submit_event": {DEL: "own", SEC: "any", SYS: "any"},
    "journal.register_key": {DEL: "own", SYS: "any"},
    "journal.rotate_key": {DEL: "own", SYS: "any"},
    "journal.revoke_key": {DEL: "own", SEC: "any", SYS: "any"},
    "depositary.record_instrument": {SEC: "any", SYS: "any"},
    "depositary.declare_condition": {SEC: "any", SYS: "any"},
    "depositary.submit_act": {DEL: "own", SEC: "any", SYS: "any"},
    "depositary.register_act": {SEC: "any", SYS: "any"},
    "depositary.return_act": {SEC: "any", SYS: "any"},
    "depositary.view_pending_act": {DEL: "own", SEC: "any", AUD: "any", SYS: "any"},
    "entrybans.enter_listing": {DEL: "own", SYS: "any"},
    "entrybans.change_listing": {DEL: "own", SYS: "any"},
    "entrybans.extend_listing": {DEL: "own", SYS: "any"},
    "entrybans.delete_listing": {DEL: "own", SYS: "any"},
    "entrybans.quarantine_listing": {SEC: "any", SYS: "any"},
    "entrybans.view_listing": {DEL: "own", SEC: "any", SYS: "any"},
    "entrybans.screen": {Role.BORDER_OFFICER: "any", SYS: "any"},
    "entrybans.read_access_log": {AUD: "any", SYS: "any"},
    "entrybans.lodge_request": {DEL: "own", SEC: "any", SYS: "any"},
    "entrybans.answer_request": {DEL: "own", SYS: "any"},
    "entrybans.view_requests": {DEL: "own", SEC: "any", AUD: "any", SYS: "any"},
    "entrybans.review_delisting": {SEC: "any", SYS: "any"},
    "entrybans.record_misused_identity": {DEL: "own", SYS: "any"},
    "entrybans.notify_purpose_achieved": {DEL: "own", SEC: "any", SYS: "any"},
    "entrybans.answer_purpose_notice": {DEL: "own", SYS: "any"},
    "entrybans.view_purpose_notices": {DEL: "own", SEC: "any", SYS: "any"},
    "entrybans.report_hit": {Role.BORDER_OFFICER: "own", SYS: "any"},
    "entrybans.answer_hit_report": {DEL: "own", SYS: "any"},
    "entrybans.view_hit_reports": {
        DEL: "own",
        SEC: "any",
        Role.BORDER_OFFICER: "own",
        SYS: "any",
    },
    "entrybans.expire": {SYS: "any"},
    "entrybans.record_legal_basis": {SEC: "any", SYS: "any"},
    "forces.record_formation": {SEC: "any", SYS: "any"},
    "forces.record_exercise": {SEC: "any", SYS: "any"},
    "forces.pledge_contingent": {DEL: "own", SEC: "any", SYS: "any"},
    "assistance.submit_request": {DEL: "own", SYS: "any"},
    "assistance.withdraw_request": {DEL: "own", SYS: "any"},
    "assistance.record_consultation": {SEC: "any", SYS: "any"},
    "assistance.record_decision": {SEC: "any", SYS: "any"},
    "assistance.issue_mandate": {SEC: "any", SYS: "any"},
    "assistance.record_deployment": {SEC: "any", SYS: "any"},
    "assistance.withdraw_forces": {SEC: "any", SYS: "any"},
    "assistance.close_request": {SEC: "any", SYS: "any"},
    "meetings.record_session": {SEC: "any", SYS: "any"},
    "meetings.record_attendance": {SEC: "any", SYS: "any"},
    "meetings.record_decision": {SEC: "any", SYS: "any"},
    "meetings.record_outcome": {SEC: "any", SYS: "any"},
    "meetings.record_position": {DEL: "own", SEC: "any", SYS: "any"},
    "meetings.record_claim": {DEL: "own", SEC: "any", SYS: "any"},
    "meetings.view_draft_position": {DEL: "own", SEC: "any", AUD: "any", SYS: "any"},
    "members.view_pending_event": {DEL: "own", SEC: "any", AUD: "any", SYS: "any"},
    "members.register_event": {SEC: "any", SYS: "any"},
    "members.reject_event": {SEC: "any", SYS: "any"},
    "members.record_state": {SEC: "any", SYS: "any"},
    "members.record_chair_term": {SEC: "any", SYS: "any"},
    "members.record_secretary_general": {SEC: "any", SYS: "any"},
    "members.record_indicator": {SEC: "any", SYS: "any"},
    "journal.read_entries": {AUD: "any", SEC: "any", SYS: "any"},
    # The audit of the record: the secretariat's page, the system's command.
    "audit.run": {SEC: "any", SYS: "any"},
}


def make_actor(role: Role) -> Actor:
    return Actor(role, state=OWN_STATE if role.is_national else None, username=f"a-{role.value}")


def expected_answer(action: str, role: Role, target: str | None) -> bool:
    scope = EXPECTED[action].get(role)
    if scope is None:
        return False
    if scope == "any":
        return True
    return target == OWN_STATE


def test_the_policy_has_exactly_the_actions_this_test_knows():
    assert set(POLICY) == set(EXPECTED)


@pytest.mark.parametrize("action", sorted(EXPECTED))
@pytest.mark.parametrize("role", list(Role))
@pytest.mark.parametrize("target", [OWN_STATE, OTHER_STATE, None], ids=["own", "other", "none"])
def test_every_role_gets_the_documented_answer_for_every_action(action, role, target):
    actor = make_actor(role)

    assert is_allowed(actor, action, target) is expected_answer(action, role, target)
    assert can(actor, action, target) is expected_answer(action, role, target)


@pytest.mark.parametrize("action", sorted(EXPECTED))
def test_the_public_may_do_nothing_in_the_table(action):
    for target in (OWN_STATE, OTHER_STATE, None):
        assert not is_allowed(Actor.public(), action, target)


OFFICER_ACTIONS = {"entrybans.screen", "entrybans.report_hit", "entrybans.view_hit_reports"}


@pytest.mark.parametrize("action", sorted(set(EXPECTED) - OFFICER_ACTIONS))
def test_a_border_officer_may_do_nothing_but_screen_and_follow_up_hits(action):
    officer = Actor(Role.BORDER_OFFICER, state="KZ")
    for target in ("KZ", OTHER_STATE, None):
        assert not is_allowed(officer, action, target)


def test_a_border_officer_reports_and_follows_hits_for_its_own_state_only():
    officer = Actor(Role.BORDER_OFFICER, state="KZ")
    for action in ("entrybans.report_hit", "entrybans.view_hit_reports"):
        assert is_allowed(officer, action, "KZ")
        assert not is_allowed(officer, action, OTHER_STATE)
        assert not is_allowed(officer, action, None)


def test_a_border_officer_screens_against_every_states_listings():
    officer = Actor(Role.BORDER_OFFICER, state="KZ")
    for target in ("KZ", OTHER_STATE, None):
        assert is_allowed(officer, "entrybans.screen", target)


def test_a_delegation_submits_events_for_its_own_state_only():
    boris = Actor(Role.DELEGATION, state="BY", username="boris")

    assert is_allowed(boris, "members.submit_event", "BY")
    assert not is_allowed(boris, "members.submit_event", "AM")
    # A record of the secretariat's own is not the delegation's state's.
    assert not is_allowed(boris, "members.submit_event", None)


def test_a_delegation_may_not_register_even_its_own_states_event():
    boris = Actor(Role.DELEGATION, state="BY")

    assert not is_allowed(boris, "members.register_event", "BY")


def test_the_secretariat_acts_on_any_states_record():
    sofia = Actor(Role.SECRETARIAT, username="sofia")

    for state in ("BY", "AM", "KZ", None):
        assert is_allowed(sofia, "members.register_event", state)


def test_an_unknown_action_is_a_programming_error():
    with pytest.raises(ValueError, match=r"unknown action 'members.delete_everything'"):
        is_allowed(make_actor(Role.SECRETARIAT), "members.delete_everything")


def test_an_unknown_action_is_refused_loudly_even_for_the_public():
    with pytest.raises(ValueError, match="add it to POLICY"):
        require(Actor.public(), "journal.rewrite")


# --- Actor -------------------------------------------------------------------------------------


@pytest.mark.parametrize("role", [r for r in Role if r.is_national])
def test_an_actor_in_a_national_role_must_name_a_state(role):
    with pytest.raises(ValueError, match=rf"a {role.value} actor must act for a state"):
        Actor(role)
    with pytest.raises(ValueError, match="must act for a state"):
        Actor(role, state="")


@pytest.mark.parametrize("role", [r for r in Role if not r.is_national])
def test_an_actor_in_a_non_national_role_may_not_name_a_state(role):
    with pytest.raises(ValueError, match=rf"a {role.value} actor does not act for a state"):
        Actor(role, state="BY")


def test_only_delegations_and_border_officers_are_national():
    assert {r for r in Role if r.is_national} == {Role.DELEGATION, Role.BORDER_OFFICER}


def test_an_actor_describes_itself_for_the_journal():
    boris = Actor(Role.DELEGATION, state="BY", username="boris", user_id=7)

    assert boris.as_journal_dict() == {
        "role": "delegation",
        "state": "BY",
        "user": "boris",
        "user_id": 7,
    }
    assert boris.describe() == "boris (delegation, BY)"
    assert Actor.system("loader").describe() == "loader (system)"
    assert Actor.public().describe() == "public (public)"


# --- require -----------------------------------------------------------------------------------


def test_require_lets_an_allowed_actor_through():
    boris = Actor(Role.DELEGATION, state="BY")

    require(boris, "members.submit_event", "BY")  # raises when refused


def test_a_delegation_aiming_at_another_state_is_told_the_record_does_not_exist():
    boris = Actor(Role.DELEGATION, state="BY")

    with pytest.raises(NotFound) as caught:
        require(boris, "members.submit_event", "AM")

    assert not isinstance(caught.value, NotPermitted)
    assert "AM" not in caught.value.message


def test_a_delegation_aiming_an_action_it_lacks_at_another_state_also_gets_not_found():
    boris = Actor(Role.DELEGATION, state="BY")

    with pytest.raises(NotFound):
        require(boris, "members.register_event", "AM")


def test_a_border_officer_aiming_at_another_state_gets_not_found():
    kair = Actor(Role.BORDER_OFFICER, state="KZ")

    with pytest.raises(NotFound):
        require(kair, "members.view_pending_event", "BY")


def test_a_delegation_lacking_an_action_for_its_own_state_is_refused_plainly():
    boris = Actor(Role.DELEGATION, state="BY")

    with pytest.raises(NotPermitted, match=r"delegation may not perform members.register_event"):
        require(boris, "members.register_event", "BY")


def test_a_delegation_aiming_at_a_secretariat_record_is_refused_plainly():
    boris = Actor(Role.DELEGATION, state="BY")

    with pytest.raises(NotPermitted):
        require(boris, "journal.read_entries")


@pytest.mark.parametrize("target", [OWN_STATE, OTHER_STATE, None])
def test_the_public_is_refused_not_told_the_record_is_missing(target):
    with pytest.raises(
        NotPermitted, match=r"public may not perform members.submit_event"
    ) as caught:
        require(Actor.public(), "members.submit_event", target)

    assert not isinstance(caught.value, NotFound)


def test_an_auditor_is_refused_a_write_plainly_whatever_the_state():
    with pytest.raises(NotPermitted):
        require(Actor(Role.AUDITOR), "members.record_state", OTHER_STATE)

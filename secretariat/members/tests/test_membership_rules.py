"""Membership status from dated events: secretariat.members.domain.membership (pure, no Django)."""

from __future__ import annotations

import datetime as dt
import itertools

import pytest
from hypothesis import given
from hypothesis import strategies as st

from secretariat.core.domain.errors import RuleViolation
from secretariat.members.domain.membership import (
    Event,
    EventKind,
    Period,
    Status,
    check_known_status,
    check_sequence,
    periods,
    status_on,
)

K = EventKind
S = Status
FAR_FUTURE = dt.date(9999, 12, 31)

# The rules, written out independently of the module's table: kind -> (may follow, leads to).
EXPECTED_RULES: dict[EventKind, tuple[set[Status], Status]] = {
    K.TREATY_SIGNATURE: ({S.NONE}, S.PARTY),
    K.TREATY_ACCESSION: ({S.NONE, S.WITHDRAWN}, S.PARTY),
    K.FOUNDING_MEMBERSHIP: ({S.NONE, S.PARTY}, S.MEMBER),
    K.ACCESSION: ({S.NONE, S.PARTY, S.ASSOCIATE}, S.MEMBER),
    K.ASSOCIATION: ({S.NONE, S.PARTY, S.MEMBER, S.WITHDRAWN}, S.ASSOCIATE),
    K.WITHDRAWAL: ({S.PARTY, S.MEMBER, S.ASSOCIATE, S.FROZEN, S.SUSPENDED}, S.WITHDRAWN),
    K.RESTORATION: ({S.WITHDRAWN}, S.MEMBER),
    K.SUSPENSION: ({S.MEMBER, S.FROZEN}, S.SUSPENDED),
    K.FROZEN_PARTICIPATION: ({S.MEMBER}, S.FROZEN),
    K.RESUMPTION: ({S.FROZEN, S.SUSPENDED}, S.MEMBER),
}

# A short history that leaves a state in each status (dates are filled in by `history`).
PATH_TO: dict[Status, list[EventKind]] = {
    S.NONE: [],
    S.PARTY: [K.TREATY_SIGNATURE],
    S.MEMBER: [K.FOUNDING_MEMBERSHIP],
    S.ASSOCIATE: [K.FOUNDING_MEMBERSHIP, K.ASSOCIATION],
    S.FROZEN: [K.FOUNDING_MEMBERSHIP, K.FROZEN_PARTICIPATION],
    S.SUSPENDED: [K.FOUNDING_MEMBERSHIP, K.SUSPENSION],
    S.WITHDRAWN: [K.FOUNDING_MEMBERSHIP, K.WITHDRAWAL],
}


def d(text: str) -> dt.date:
    return dt.date.fromisoformat(text)


def ev(kind: EventKind, date: str, label: str = "") -> Event:
    return Event(kind, d(date), label)


def history(kinds: list[EventKind], start: dt.date = dt.date(1992, 5, 15)) -> list[Event]:
    """One event a year, in the given order."""
    return [Event(kind, start.replace(year=start.year + i)) for i, kind in enumerate(kinds)]


def uzbekistan() -> list[Event]:
    return [
        ev(K.TREATY_SIGNATURE, "1992-05-15"),
        ev(K.WITHDRAWAL, "1999-04-20"),
        ev(K.RESTORATION, "2006-06-23"),
        ev(K.FROZEN_PARTICIPATION, "2012-06-20"),
        ev(K.SUSPENSION, "2012-12-19"),
    ]


# --- status_on ---------------------------------------------------------------------------------


def test_the_rule_table_covers_every_kind_except_statements():
    assert set(EXPECTED_RULES) == set(EventKind) - {K.STATEMENT}


@pytest.mark.parametrize(
    ("kind", "before", "after"),
    [
        (kind, before, after)
        for kind, (allowed, after) in EXPECTED_RULES.items()
        for before in sorted(allowed)
    ],
)
def test_each_transition_takes_effect_on_its_own_date(kind, before, after):
    prior = history(PATH_TO[before])
    on = dt.date(2020, 3, 1)
    events = [*prior, Event(kind, on)]

    assert status_on(events, on - dt.timedelta(days=1)) is before
    assert status_on(events, on) is after
    assert status_on(events, FAR_FUTURE) is after
    assert check_sequence(events) is after


@pytest.mark.parametrize(
    ("kind", "before"),
    [
        (kind, before)
        for kind, (allowed, _after) in EXPECTED_RULES.items()
        for before in sorted(set(Status) - allowed)
    ],
)
def test_it_refuses_every_transition_from_a_status_it_cannot_follow(kind, before):
    events = [*history(PATH_TO[before]), Event(kind, dt.date(2020, 3, 1))]

    with pytest.raises(RuleViolation) as caught:
        check_sequence(events)

    assert kind.value in caught.value.message
    assert "2020-03-01" in caught.value.message
    assert f"'{before.value}'" in caught.value.message


def test_a_state_with_no_events_has_never_been_a_party():
    assert status_on([], dt.date(2000, 1, 1)) is S.NONE
    assert check_sequence([]) is S.NONE
    assert periods([]) == []


def test_before_its_first_event_a_state_has_no_status():
    assert status_on(uzbekistan(), d("1992-05-14")) is S.NONE


@pytest.mark.parametrize(
    ("on", "expected"),
    [
        ("1992-05-15", S.PARTY),
        ("2000-01-01", S.WITHDRAWN),
        ("2006-06-22", S.WITHDRAWN),
        ("2006-06-23", S.MEMBER),
        ("2011-08-12", S.MEMBER),
        ("2012-08-01", S.FROZEN),
        ("2012-12-18", S.FROZEN),
        ("2013-01-01", S.SUSPENDED),
    ],
)
def test_uzbekistans_status_follows_its_history(on, expected):
    assert status_on(uzbekistan(), d(on)) is expected


def test_events_given_out_of_order_are_read_in_date_order():
    events = list(reversed(uzbekistan()))

    assert status_on(events, d("2011-08-12")) is S.MEMBER
    assert check_sequence(events) is S.SUSPENDED


def test_a_frozen_member_still_participates_but_a_suspended_one_does_not():
    assert S.FROZEN.participates
    assert S.MEMBER.participates
    assert S.PARTY.participates
    assert not S.SUSPENDED.participates
    assert not S.WITHDRAWN.participates
    assert not S.NONE.participates


# --- check_sequence ----------------------------------------------------------------------------


def test_it_refuses_a_withdrawal_before_joining():
    events = [ev(K.WITHDRAWAL, "1991-01-01"), ev(K.FOUNDING_MEMBERSHIP, "2002-10-07")]

    with pytest.raises(RuleViolation) as caught:
        check_sequence(events)

    assert caught.value.message.startswith("withdrawal on 1991-01-01 is impossible")
    assert "'none'" in caught.value.message
    assert caught.value.field == "kind"


def test_it_refuses_the_suspension_of_a_state_that_is_not_a_member():
    events = [ev(K.TREATY_SIGNATURE, "1992-05-15"), ev(K.SUSPENSION, "1995-01-01")]

    with pytest.raises(RuleViolation, match=r"suspension on 1995-01-01 is impossible") as caught:
        check_sequence(events)

    assert "'party'" in caught.value.message


def test_it_refuses_to_restore_a_state_that_is_already_a_member():
    events = [ev(K.FOUNDING_MEMBERSHIP, "2002-10-07"), ev(K.RESTORATION, "2006-06-23")]

    with pytest.raises(RuleViolation, match=r"restoration on 2006-06-23 is impossible"):
        check_sequence(events)


def test_it_refuses_to_found_the_organization_twice():
    events = [ev(K.FOUNDING_MEMBERSHIP, "2002-10-07"), ev(K.FOUNDING_MEMBERSHIP, "2003-10-07")]

    with pytest.raises(RuleViolation) as caught:
        check_sequence(events)

    # The second founding is the impossible one, not the first.
    assert "2003-10-07" in caught.value.message
    assert "2002-10-07" not in caught.value.message


def test_the_refusal_names_the_event_by_its_label_when_it_has_one():
    events = [ev(K.WITHDRAWAL, "1991-01-01", label="Note verbale No. 17")]

    with pytest.raises(RuleViolation, match=r"^Note verbale No\. 17 on 1991-01-01 is impossible"):
        check_sequence(events)


def test_it_names_the_first_impossible_event_when_there_are_several():
    events = [
        ev(K.FOUNDING_MEMBERSHIP, "2002-10-07"),
        ev(K.RESUMPTION, "2004-01-01"),  # first impossible event
        ev(K.RESTORATION, "2005-01-01"),  # also impossible
    ]

    with pytest.raises(RuleViolation, match=r"^resumption on 2004-01-01"):
        check_sequence(events)


def test_events_on_the_same_date_are_applied_in_the_order_given():
    signed_then_founded = [
        ev(K.TREATY_SIGNATURE, "2002-10-07"),
        ev(K.FOUNDING_MEMBERSHIP, "2002-10-07"),
    ]
    assert check_sequence(signed_then_founded) is S.MEMBER

    with pytest.raises(RuleViolation, match=r"treaty_signature on 2002-10-07"):
        check_sequence(list(reversed(signed_then_founded)))


def test_status_on_a_date_before_an_impossible_event_is_still_answered():
    events = [ev(K.FOUNDING_MEMBERSHIP, "2002-10-07"), ev(K.RESTORATION, "2010-01-01")]

    assert status_on(events, d("2005-01-01")) is S.MEMBER
    with pytest.raises(RuleViolation):
        status_on(events, d("2010-01-01"))


# --- statements --------------------------------------------------------------------------------


@pytest.mark.parametrize("before", list(Status))
def test_a_statement_never_changes_the_status(before):
    prior = history(PATH_TO[before])
    events = [*prior, ev(K.STATEMENT, "2020-03-01")]

    assert status_on(events, d("2020-03-01")) is before
    assert check_sequence(events) is before
    assert periods(events) == periods(prior)


def test_a_statement_before_any_membership_is_accepted():
    events = [ev(K.STATEMENT, "1990-01-01"), ev(K.ACCESSION, "2000-01-01")]

    assert check_sequence(events) is S.MEMBER
    assert periods(events) == [Period(S.MEMBER, d("2000-01-01"), None)]


# --- periods -----------------------------------------------------------------------------------


def test_periods_of_uzbekistan_touch_end_to_start_and_the_last_is_open():
    assert periods(uzbekistan()) == [
        Period(S.PARTY, d("1992-05-15"), d("1999-04-20")),
        Period(S.WITHDRAWN, d("1999-04-20"), d("2006-06-23")),
        Period(S.MEMBER, d("2006-06-23"), d("2012-06-20")),
        Period(S.FROZEN, d("2012-06-20"), d("2012-12-19")),
        Period(S.SUSPENDED, d("2012-12-19"), None),
    ]


def test_two_status_changes_on_one_day_leave_only_the_second():
    events = [
        ev(K.TREATY_SIGNATURE, "1992-05-15"),
        ev(K.WITHDRAWAL, "1999-04-20"),
        ev(K.TREATY_ACCESSION, "2006-06-23"),
        ev(K.ACCESSION, "2006-06-23"),
    ]

    assert periods(events) == [
        Period(S.PARTY, d("1992-05-15"), d("1999-04-20")),
        Period(S.WITHDRAWN, d("1999-04-20"), d("2006-06-23")),
        Period(S.MEMBER, d("2006-06-23"), None),
    ]


def test_a_founder_that_signed_on_the_founding_day_has_a_single_member_period():
    events = [ev(K.TREATY_SIGNATURE, "2002-10-07"), ev(K.FOUNDING_MEMBERSHIP, "2002-10-07")]

    assert periods(events) == [Period(S.MEMBER, d("2002-10-07"), None)]


def test_a_freeze_lifted_on_the_day_it_began_leaves_membership_unbroken():
    # Nothing changed on 2010-01-01 by the end of the day: a timeline must not show a break there.
    events = [
        ev(K.FOUNDING_MEMBERSHIP, "2002-10-07"),
        ev(K.FROZEN_PARTICIPATION, "2010-01-01"),
        ev(K.RESUMPTION, "2010-01-01"),
    ]

    assert periods(events) == [Period(S.MEMBER, d("2002-10-07"), None)]


def test_a_state_that_withdrew_ends_with_an_open_withdrawn_period():
    events = [ev(K.FOUNDING_MEMBERSHIP, "2002-10-07"), ev(K.WITHDRAWAL, "2012-12-19")]

    assert periods(events) == [
        Period(S.MEMBER, d("2002-10-07"), d("2012-12-19")),
        Period(S.WITHDRAWN, d("2012-12-19"), None),
    ]


def test_periods_refuse_an_impossible_history():
    with pytest.raises(RuleViolation):
        periods([ev(K.SUSPENSION, "2000-01-01")])


# --- properties --------------------------------------------------------------------------------

DATES = st.dates(min_value=dt.date(1990, 1, 1), max_value=dt.date(2030, 12, 31))


@st.composite
def accepted_histories(draw: st.DrawFn) -> list[Event]:
    """Walks the rules: each event is one the state may have in the status it has reached."""
    count = draw(st.integers(min_value=0, max_value=10))
    dates = sorted(draw(st.lists(DATES, min_size=count, max_size=count)))
    status = S.NONE
    events = []
    for date in dates:
        possible = [K.STATEMENT] + [
            kind for kind, (allowed, _after) in EXPECTED_RULES.items() if status in allowed
        ]
        kind = draw(st.sampled_from(possible))
        if kind is not K.STATEMENT:
            status = EXPECTED_RULES[kind][1]
        events.append(Event(kind, date))
    # Hand them over latest first; a stable reverse sort keeps same-day events in their order.
    return sorted(events, key=lambda event: event.date, reverse=True)


def _assert_consistent(events: list[Event], final: Status) -> None:
    assert status_on(events, FAR_FUTURE) is final
    spans = periods(events)
    if not spans:
        assert final is S.NONE
        return
    assert spans[-1].status is final
    assert spans[-1].end is None
    for earlier, later in itertools.pairwise(spans):
        assert earlier.end == later.start
        assert earlier.status is not later.status
    for span in spans:
        assert span.end is None or span.start < span.end
        assert status_on(events, span.start) is span.status
        if span.end is not None:
            assert status_on(events, span.end - dt.timedelta(days=1)) is span.status
    assert status_on(events, spans[0].start - dt.timedelta(days=1)) is S.NONE


@given(accepted_histories())
def test_any_accepted_history_has_one_story_told_by_status_and_periods(events):
    _assert_consistent(events, check_sequence(events))


@given(st.lists(st.builds(Event, st.sampled_from(list(EventKind)), DATES), max_size=6))
def test_any_history_is_either_refused_everywhere_or_consistent(events):
    try:
        final = check_sequence(events)
    except RuleViolation:
        with pytest.raises(RuleViolation):
            status_on(events, FAR_FUTURE)
        with pytest.raises(RuleViolation):
            periods(events)
        return
    _assert_consistent(events, final)


def test_a_founding_member_may_become_an_associate_member_which_is_not_counted_among_members():
    # Turkmenistan in the CIS: a founder in 1991, an associate member from August 2005.
    events = [ev(K.FOUNDING_MEMBERSHIP, "1991-12-21"), ev(K.ASSOCIATION, "2005-08-26")]
    assert check_sequence(events) is S.ASSOCIATE
    assert status_on(events, d("2006-01-01")) is S.ASSOCIATE
    assert not S.ASSOCIATE.participates


def test_an_event_leading_to_a_status_the_organization_does_not_know_is_refused():
    csto = ("party", "member", "frozen", "suspended", "withdrawn")
    check_known_status(K.FROZEN_PARTICIPATION, csto)
    check_known_status(K.STATEMENT, csto)
    with pytest.raises(RuleViolation, match="'associate', which this organization does not have"):
        check_known_status(K.ASSOCIATION, csto)


def test_an_associate_member_sits_in_the_bodies_but_is_not_counted_among_the_members():
    from secretariat.members.domain.membership import Status

    assert Status.ASSOCIATE.sits and not Status.ASSOCIATE.participates
    assert Status.MEMBER.sits and Status.FROZEN.sits
    assert not Status.WITHDRAWN.sits and not Status.NONE.sits

"""Properties of the entry-into-force engine over random histories (hypothesis; no database)."""

from __future__ import annotations

import datetime as dt

from hypothesis import given, settings
from hypothesis import strategies as st

from secretariat.depositary.domain.acts import Act, ActKind
from secretariat.depositary.domain.clauses import (
    Align,
    Condition,
    EntryIntoForce,
    FinalClauses,
    Later,
    LaterStart,
    Timing,
)
from secretariat.depositary.domain.engine import Standing, evaluate

START = dt.date(2000, 1, 1)
STATES = [f"S{i}" for i in range(12)]

timings = st.builds(
    lambda days, months, align: Timing(
        days, max(months, 1) if align is Align.FIRST_OF_MONTH else months, align
    ),
    st.integers(0, 400),
    st.integers(0, 24),
    st.sampled_from(list(Align)),
)
clauses = st.builds(
    lambda needed, timing, later_timing, start, floor: FinalClauses(
        entry_into_force=EntryIntoForce(
            condition=Condition(consents=needed),
            timing=timing,
            later=Later(timing=later_timing, start=start),
            floor=floor,
        )
    ),
    st.integers(1, 8),
    timings,
    timings,
    st.sampled_from(list(LaterStart)),
    st.none() | st.dates(START, dt.date(2010, 1, 1)),
)
histories = st.lists(
    st.tuples(
        st.sampled_from(STATES),
        st.sampled_from([ActKind.SIGNATURE, ActKind.RATIFICATION, ActKind.ACCESSION]),
        st.integers(0, 3000),
    ),
    max_size=30,
).map(
    lambda rows: [
        Act(i + 1, state, kind, START + dt.timedelta(days=offset))
        for i, (state, kind, offset) in enumerate(rows)
    ]
)
ON = dt.date(2030, 1, 1)


@settings(max_examples=200, deadline=None)
@given(clauses, histories)
def test_entry_into_force_never_precedes_the_condition_or_the_floor(rules, acts):
    status = evaluate(rules, acts, as_of=ON)
    if status.entry_into_force is None:
        return
    assert status.condition_met_on is not None
    assert status.entry_into_force >= status.condition_met_on
    floor = rules.entry_into_force.floor
    assert floor is None or status.entry_into_force >= floor
    for state in status.states.values():
        if state.in_force_from is not None:
            assert state.in_force_from >= status.entry_into_force
            assert state.consent is not None


@settings(max_examples=200, deadline=None)
@given(clauses, histories)
def test_the_order_of_receipt_does_not_change_any_date(rules, acts):
    reversed_keys = [a._replace(key=len(acts) - i) for i, a in enumerate(acts)]
    first = evaluate(rules, acts, as_of=ON)
    second = evaluate(rules, reversed_keys, as_of=ON)
    assert first.entry_into_force == second.entry_into_force
    assert {s: v.in_force_from for s, v in first.states.items()} == {
        s: v.in_force_from for s, v in second.states.items()
    }


@settings(max_examples=100, deadline=None)
@given(clauses, histories, st.integers(0, 4000))
def test_a_past_date_sees_only_what_had_happened_by_then(rules, acts, offset):
    on = START + dt.timedelta(days=offset)
    past = evaluate(rules, acts, as_of=on)
    cut = evaluate(rules, [a for a in acts if a.date <= on], as_of=on)
    assert past.entry_into_force == cut.entry_into_force
    assert past.parties == cut.parties
    # In force on a past date means in force for good (these histories hold no withdrawals).
    if past.in_force:
        assert evaluate(rules, acts, as_of=ON).in_force


@settings(max_examples=100, deadline=None)
@given(clauses, histories)
def test_parties_are_exactly_the_states_in_force_on_the_date(rules, acts):
    status = evaluate(rules, acts, as_of=ON)
    for state in status.states.values():
        bound = state.in_force_from is not None and state.in_force_from <= ON
        assert (state.standing is Standing.PARTY) == bound

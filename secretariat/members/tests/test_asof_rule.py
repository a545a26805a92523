"""The members app answers "as of D" by the shared rule (core/domain/asof.py): a membership event
or a term of office exists from its own date, and a status on D is recomputed from what existed."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from secretariat.core.domain import asof
from secretariat.members import selectors
from secretariat.members.domain import membership
from secretariat.members.models import EventStatus, MembershipEvent

pytestmark = pytest.mark.django_db

SWEEP = settings(
    max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)


@SWEEP
@given(on=st.dates(min_value=dt.date(1990, 1, 1), max_value=dt.date.today()))
def test_statuses_and_office_holders_on_any_date_follow_the_as_of_rule(on):
    rows = MembershipEvent.objects.filter(status=EventStatus.REGISTERED).order_by("date", "id")
    existing = [row for row in rows if asof.existed_on(row.date, on)]

    for standing in selectors.standings_on(on):
        mine = [
            membership.Event(membership.EventKind(r.kind), r.date)
            for r in existing
            if r.state_id == standing.state.code
        ]
        assert standing.status == membership.status_on(mine, on)
    chair = selectors.chair_on(on)
    if chair is not None:
        assert asof.Lifespan(chair.start, ends=chair.end, end_inclusive=True).in_effect_on(on)
        assert chair.start <= on

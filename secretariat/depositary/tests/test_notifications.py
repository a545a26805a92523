"""Notifications as a depositary issues them: numbered in the order of issue within a year; a
notification reconstructed for a past event is marked so and numbered only from its source; no
notification for an act that does not count."""

from __future__ import annotations

import datetime as dt
from itertools import pairwise

import pytest
from django.test import Client

from secretariat.core.domain.actors import Actor
from secretariat.core.domain.errors import RuleViolation
from secretariat.depositary import interchange, services
from secretariat.depositary.models import Act, Notification
from secretariat.depositary.tests.conftest import CODE

pytestmark = pytest.mark.django_db

SYSTEM = Actor.system("tests")


def numbers_follow_issue_dates() -> bool:
    for year in set(Notification.objects.values_list("year", flat=True)):
        numbered = Notification.objects.filter(year=year, seq__isnull=False).order_by("seq")
        dates = [n.issued_on for n in numbered]
        if any(later < earlier for earlier, later in pairwise(dates)):
            return False
    return True


def test_the_datasets_notifications_are_reconstructions_and_carry_no_invented_number():
    notices = Notification.objects.all()

    assert notices.exists()
    assert all(n.reconstructed and n.number is None for n in notices)
    # The numbers the issue found running against their dates are gone with the invention.
    assert not Notification.objects.filter(number__in=["DN.1.2012", "DN.2.2012", "DN.1.2010"])
    assert numbers_follow_issue_dates()
    api = Client().get("/api/v1/depositary/notifications").json()
    assert all(n["number"] is None and n["reconstructed"] and n["reference"] for n in api)


def test_no_notification_is_issued_for_a_ratification_that_does_not_count():
    undeposited = Act.objects.filter(deposited=False, kind="ratification")

    assert undeposited.exists()  # e.g. Russia's 2012 ratification of the Charter amendments
    assert not Notification.objects.filter(act__in=undeposited).exists()
    assert not Notification.objects.filter(instrument_id="charter-amendments-2010", kind="act")


def test_notifications_issued_today_are_numbered_in_order(instrument):
    first, _ = services.submit_act(
        SYSTEM, instrument=CODE, state="KZ", kind="notification", date=dt.date(2020, 3, 1)
    )
    second, _ = services.submit_act(
        SYSTEM, instrument=CODE, state="RU", kind="notification", date=dt.date(2020, 4, 1)
    )

    a, b = (Notification.objects.get(act=act) for act in (first, second))
    year = dt.date.today().year
    assert not a.reconstructed and a.issued_on == dt.date.today()
    assert a.seq is not None
    assert (a.number, b.number) == (f"DN.{a.seq}.{year}", f"DN.{a.seq + 1}.{year}")
    assert numbers_follow_issue_dates()


def test_an_act_reported_but_never_deposited_gets_no_notification(instrument):
    act, _ = services.submit_act(
        SYSTEM,
        instrument=CODE,
        state="KZ",
        kind="ratification",
        date=dt.date(2020, 3, 1),
        deposited=False,
        domestic_act="Law No. 1",
    )

    assert not Notification.objects.filter(act=act).exists()


def history(notification: str | None) -> dict[str, object]:
    act: dict[str, object] = {"state": "KZ", "kind": "notification", "date": "2020-03-01"}
    if notification:
        act["notification"] = notification
    return {
        "code": "history-sample-2020",
        "title_en": "A past agreement",
        "kind": "agreement",
        "adopted_on": "2020-01-15",
        "final_clauses": {"entry_into_force": {"condition": {"consents": 3}}},
        "acts": [act],
    }


def test_a_reconstruction_keeps_the_number_its_source_gives_and_only_that():
    interchange.store(history("No. 15/2020"), SYSTEM, historical=True)

    notice = Notification.objects.get(instrument_id="history-sample-2020")
    assert notice.reconstructed and notice.number == "No. 15/2020" and notice.seq is None
    assert notice.issued_on == dt.date(2020, 3, 1)


def test_a_reconstruction_without_a_number_stays_unnumbered_and_a_taken_number_is_refused():
    interchange.store(history(None), SYSTEM, historical=True)
    notice = Notification.objects.get(instrument_id="history-sample-2020")
    assert notice.number is None
    assert notice.reference == "R.history-sample-2020.KZ.notification.2020-03-01"
    page = Client().get("/en/depositary/notifications/").content.decode()
    assert f'id="{notice.reference}"' in page and "Reconstructed, unnumbered" in page

    services.submit_act(
        SYSTEM,
        instrument="history-sample-2020",
        state="RU",
        kind="notification",
        date=dt.date(2020, 4, 1),
        issued_on=dt.date(2020, 4, 1),
        notification_number="No. 16/2020",
    )
    with pytest.raises(RuleViolation, match="already recorded"):
        services.submit_act(
            SYSTEM,
            instrument="history-sample-2020",
            state="BY",
            kind="notification",
            date=dt.date(2020, 5, 1),
            issued_on=dt.date(2020, 5, 1),
            notification_number="No. 16/2020",
        )

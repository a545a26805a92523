"""The last deposits arrive together: exactly one entry-into-force notification.

Runs on whichever database the suite runs on; CI runs it on SQLite and on PostgreSQL. The
registration locks the instrument's row and a unique constraint backs the lock, so even two
officers registering the deciding deposits at the same moment produce one notification.
"""

from __future__ import annotations

import datetime as dt
import threading

import pytest
from django.db import IntegrityError, connection, transaction

from secretariat.core.domain.actors import Actor, Role
from secretariat.depositary import services
from secretariat.depositary.models import Notification
from secretariat.depositary.tests.conftest import CODE, PDF, attach, make_instrument
from secretariat.journal.selectors import verify_journal

D = dt.date
RACERS = ["AM", "BY", "KG", "TJ", "UZ", "AZ"]


def test_the_last_deposits_racing_give_exactly_one_entry_into_force_notification(
    transactional_db,
):
    make_instrument(participation="open")
    system = Actor.system("tests")
    for state, day in (("KZ", D(2020, 3, 1)), ("RU", D(2020, 3, 2))):
        services.submit_act(system, instrument=CODE, state=state, kind="notification", date=day)
    pending = []
    for state in RACERS:
        delegation = Actor(Role.DELEGATION, state=state, username=f"del-{state}")
        act, _ = services.submit_act(
            delegation,
            instrument=CODE,
            state=state,
            kind="notification",
            date=D(2020, 4, 1),
            document=f"note verbale of {state}",
        )
        attach(delegation, act, PDF + state.encode())
        pending.append(act.pk)
    barrier = threading.Barrier(len(pending))
    failures: list[BaseException] = []

    def register(act_id: int) -> None:
        try:
            barrier.wait()
            services.register_act(Actor(Role.SECRETARIAT, username="officer"), act_id=act_id)
        except BaseException as exc:  # pragma: no cover - reported below
            failures.append(exc)
        finally:
            connection.close()

    threads = [threading.Thread(target=register, args=(pk,)) for pk in pending]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    assert not failures, failures
    notices = Notification.objects.filter(instrument_id=CODE, kind="entry_into_force")
    assert notices.count() == 1
    assert notices.get().effective_on == D(2020, 4, 1)
    acts = Notification.objects.filter(instrument_id=CODE, kind="act")
    assert acts.count() == 2 + len(RACERS)
    numbers = list(Notification.objects.filter(seq__isnull=False).values_list("year", "seq"))
    assert len(numbers) == len(set(numbers))
    assert verify_journal().ok


def test_the_database_refuses_a_second_entry_into_force_notification(transactional_db):
    instrument = make_instrument(participation="open")
    fields = {
        "kind": "entry_into_force",
        "instrument": instrument,
        "issued_on": D(2020, 4, 1),
        "subject_en": "in force",
        "body_en": "in force",
        "year": 2020,
    }
    Notification.objects.create(number="DN.901.2020", reference="DN.901.2020", seq=901, **fields)

    with pytest.raises(IntegrityError), transaction.atomic():
        Notification.objects.create(
            number="DN.902.2020", reference="DN.902.2020", seq=902, **fields
        )

"""The depositary's and the engines' texts in Russian: a notification is written in both
languages when it is issued, a state's position, the basis of entry into force and the consensus
verdict are written in the reader's language, and the API answers in the language asked for while
carrying both."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from django.test import Client

from secretariat.depositary.domain.acts import Act, ActKind
from secretariat.depositary.domain.engine import Standing, StateStatus
from secretariat.depositary.domain.positions import Evidence, Phrase, position_of
from secretariat.depositary.models import Notification
from secretariat.depositary.wording import position_summary

pytestmark = pytest.mark.django_db


def test_a_registered_act_is_notified_in_both_languages() -> None:
    notice = Notification.objects.get(reference="R.charter-2002.AM.signature.2002-10-07")
    assert notice.body_en.startswith("The depositary communicates that on 2002-10-07 Armenia")
    assert notice.subject_ru == (
        "Устав Организации Договора о коллективной безопасности: подписание — Армения"
    )
    assert notice.body_ru == (
        "Депозитарий сообщает: Устав Организации Договора о коллективной безопасности — "
        "подписание; государство: Армения; документ сдан на хранение 7\xa0октября 2002\u202fг."
    )
    with_law = Notification.objects.get(reference="R.charter-2002.RU.ratification.2003-09-18")
    assert with_law.body_ru.endswith("Внутригосударственный акт: Федеральный закон № 56-ФЗ.")


def test_every_notification_of_the_dataset_has_its_russian() -> None:
    missing = Notification.objects.filter(body_ru="") | Notification.objects.filter(subject_ru="")
    assert not missing.exists(), list(missing.values_list("reference", flat=True))


def test_a_position_is_the_same_facts_in_either_language() -> None:
    signed = Act(key=1, state="BY", kind=ActKind.SIGNATURE, date=dt.date(2009, 10, 20))
    status = StateStatus("BY", Standing.SIGNATORY, signature=signed)
    position = position_of(status, [], dt.date(2011, 8, 12), {1: Evidence(("https://x.org/a b",))})
    assert position.phrase is Phrase.SIGNED_NO_RECORD
    assert position_summary(position, "en") == (
        "signed on 2009-10-20 per https://x.org/a b; no record of its ratification"
    )
    assert position_summary(position, "ru") == (
        "подписание: 20\xa0октября 2009\u202fг.; сведений о ратификации нет "
        "(источник: https://x.org/a)"
    )
    assert position_summary(None, "ru") == "сведений нет"


def test_the_api_answers_in_the_language_asked_and_carries_both(client: Client) -> None:
    state: Any = client.get("/api/v1/depositary/states/KZ?lang=ru").json()
    positions = [row["position"] for row in state["instruments"]]
    assert all(p["summary"] == p["summary_ru"] for p in positions)
    assert any("закон государства от" in p["summary_ru"] for p in positions)
    assert any("by its own law" in p["summary_en"] for p in positions)
    english: Any = client.get("/api/v1/depositary/states/KZ?lang=en").json()
    assert all(
        row["position"]["summary"] == row["position"]["summary_en"]
        for row in english["instruments"]
    )
    charter: Any = client.get("/api/v1/depositary/instruments/charter-2002?lang=ru").json()
    assert charter["basis"] == charter["basis_ru"] and "условие выполнено" in charter["basis_ru"]
    assert charter["basis_en"].startswith("consent of every signatory reached on 2003-09-18")
    assert charter["depositary_ru"] == "Секретариат ОДКБ"
    notices: Any = client.get("/api/v1/depositary/notifications?lang=ru").json()
    assert all(n["body_ru"] and n["body_en"] for n in notices)
    decision: Any = client.get(
        "/api/v1/meetings/sessions/csc-2009-06-14/decisions/crrf-agreement?lang=ru"
    ).json()
    reading = decision["readings"][0]
    assert reading["explanation"] == reading["explanation_ru"]
    assert reading["explanation_ru"].startswith("Применённое толкование:")
    assert reading["explanation_en"].startswith("Reading applied:")
    mission: Any = client.get("/api/v1/assistance/missions/kz-2022-cpf?lang=ru").json()
    steps = [s for s in mission["timeline"] if s["text_en"]]
    assert steps and all(s["text"] == (s["text_ru"] or s["text_en"]) for s in steps)
    assert any(s["text_ru"] and s["text_ru"] != s["text_en"] for s in steps)

"""Fixtures of the depositary tests: a fresh instrument in the CSTO form, open to every state."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from secretariat.core.domain.actors import Actor
from secretariat.depositary import services

CODE = "test-agreement-2020"

PDF = b"%PDF-1.7\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n"
PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 32


def upload(content: bytes = PDF, name: str = "instrument.pdf") -> SimpleUploadedFile:
    return SimpleUploadedFile(name, content, content_type="application/octet-stream")


def attach(who: Actor, act: Any, content: bytes = PDF, name: str = "instrument.pdf") -> Any:
    document, _ = services.attach_document(
        who, act_id=act.pk, upload=upload(content, name), filename=name
    )
    return document


CSTO_FORM = {
    "entry_into_force": {
        "article": "article 12",
        "condition": {"consents": 3, "counted": ["notification"]},
        "later": {"start": "condition", "article": "article 12"},
    },
    "withdrawal": {"months": 6, "article": "article 14"},
}


def make_instrument(code: str = CODE, participation: str = "members", **extra: Any) -> Any:
    instrument, _ = services.record_instrument(
        Actor.system("tests"),
        code=code,
        title_en="Agreement for the tests",
        title_ru="Соглашение для тестов",
        kind="agreement",
        adopted_on=dt.date(2020, 1, 15),
        place_en="Moscow",
        participation=participation,
        final_clauses=extra.pop("final_clauses", CSTO_FORM),
        **extra,
    )
    return instrument


@pytest.fixture
def instrument(db: Any) -> Any:
    return make_instrument()


@pytest.fixture(autouse=True)
def _media_root(settings: Any, tmp_path: Any) -> None:
    """Each test writes its documents to its own directory, never to the data directory."""
    settings.MEDIA_ROOT = tmp_path / "media"

"""The admin shows the two languages of each text side by side (core/admin_base.py)."""

from __future__ import annotations

from typing import Any

import pytest
from django.contrib import admin
from django.test import RequestFactory

from secretariat.core.admin_base import ReadOnlyAdmin, pair_languages

pytestmark = pytest.mark.django_db


def test_each_english_field_is_paired_with_its_russian_on_one_row() -> None:
    fields = ["code", "title_en", "kind", "title_ru", "place_en", "place_ru", "note"]
    assert pair_languages(fields) == [
        "code",
        ("title_en", "title_ru"),
        "kind",
        ("place_en", "place_ru"),
        "note",
    ]


def test_every_admin_of_a_bilingual_record_pairs_its_languages(personas: Any) -> None:
    request = RequestFactory().get("/admin/")
    request.user = personas.sofia
    checked = 0
    for model, model_admin in admin.site._registry.items():
        if not isinstance(model_admin, ReadOnlyAdmin):
            continue
        flat: list[Any] = []
        for _name, options in model_admin.get_fieldsets(request):
            flat.extend(options["fields"])
        singles = {f for f in flat if isinstance(f, str)}
        for field in singles:
            if field.endswith("_en"):
                assert f"{field[:-3]}_ru" not in singles, (model.__name__, field)
        checked += any(isinstance(f, tuple) for f in flat)
    assert checked >= 5

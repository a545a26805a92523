"""What a person reads: states by name (never a code) in the page's alphabetical order, numbers in
one format, charts whose texts fit inside them."""

from __future__ import annotations

import re

import pytest
from django.test import Client

from secretariat.charts.strength import StrengthBar, strength_bars
from secretariat.core.formatting import NARROW_NBSP, name_order, sorted_names
from secretariat.core.testing import Personas


def test_names_sort_in_the_readers_alphabet_not_by_code() -> None:
    # By code KG (Kyrgyzstan) comes before KZ (Kazakhstan); in Russian Казахстан comes first.
    assert sorted_names(["Кыргызстан", "Казахстан", "Беларусь"], "ru") == [
        "Беларусь",
        "Казахстан",
        "Кыргызстан",
    ]
    # Ё sorts with Е, not after Я as its code point would put it.
    assert name_order("Ёлкин", "ru") < name_order("Жуков", "ru")


@pytest.mark.django_db
def test_the_session_card_lists_who_was_present_by_russian_name(client: Client) -> None:
    page = client.get("/ru/?date=2011-08-12").content.decode()
    present = re.search(r'data-testid="session-present">[^:]*: ([^<]*)<', page)
    assert present is not None
    names = present.group(1).split(", ")
    assert names == sorted_names(names, "ru")
    assert names.index("Казахстан") < names.index("Кыргызстан")


@pytest.mark.django_db
def test_the_attendance_matrix_puts_its_columns_in_the_order_of_the_names(client: Client) -> None:
    page = client.get("/ru/meetings/attendance/").content.decode()
    columns = re.findall(r'<th scope="col"><abbr title="([^"]+)">([A-Z]{2})</abbr></th>', page)
    names = [name for name, _ in columns]
    assert names == sorted_names(names, "ru")
    codes = [code for _, code in columns]
    assert codes.index("KZ") < codes.index("KG")
    # The cells follow their columns: each row's first cell is the first column's state.
    first = re.search(r'<td data-state="([A-Z]{2})"', page)
    assert first is not None and first.group(1) == codes[0]


@pytest.mark.django_db
def test_the_entry_ban_pages_name_the_states(client: Client, personas: Personas) -> None:
    page = client.get("/ru/entry-bans/").content.decode()
    assert "<td>Беларусь</td>" in page and "<td>BY</td>" not in page
    client.force_login(personas.boris)
    listings = client.get("/ru/entry-bans/listings/").content.decode()
    assert "<td>Беларусь</td>" in listings and "<td>BY</td>" not in listings
    listing = client.get("/en/entry-bans/listings/DEMO-BY-0001/").content.decode()
    assert "<small>Belarus ·" in listing


@pytest.mark.django_db
def test_a_missions_deployed_personnel_is_a_formatted_figure(client: Client) -> None:
    page = client.get("/ru/assistance/missions/kz-2022-cpf/").content.decode()
    assert f"Развёрнуто личного состава: ≈ 2{NARROW_NBSP}030" in page
    english = client.get("/en/assistance/missions/kz-2022-cpf/").content.decode()
    assert "Personnel deployed: ≈ 2,030" in english


@pytest.mark.django_db
def test_the_journal_and_audit_figures_are_formatted_like_every_other(client: Client) -> None:
    page = client.get("/ru/journal/").content.decode()
    assert re.search(
        r"<time datetime=\"[^\"]+\">\d{1,2}\s[а-я]+\s\d{4}\sг\.,\s\d\d:\d\d\sUTC</time>", page
    )


def test_the_forces_chart_leaves_room_for_its_longest_russian_note() -> None:
    rows = [
        StrengthBar("Россия", 1080, estimated=True, note="+2 не опубликованы"),
        StrengthBar("Российская Федерация и ещё одно длинное имя", 500),
        StrengthBar("Армения", 100),
    ]
    svg = str(strength_bars(rows, title="t", estimate_label="оценка"))
    width = int(re.search(r'viewBox="0 0 (\d+) ', svg).group(1))  # type: ignore[union-attr]
    label_x = [float(x) for x in re.findall(r'<text x="([\d.]+)"[^>]*text-anchor="end"', svg)]
    longest = max(len(row.label) for row in rows)
    assert min(label_x) >= longest * 13 * 0.55  # the longest label starts inside the chart
    for x, text in re.findall(r'<text x="([\d.]+)"[^>]*class="tick">([^<]*)<', svg):
        assert float(x) + len(text) * 11 * 0.6 <= width, text  # each figure ends inside it

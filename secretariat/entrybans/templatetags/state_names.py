"""State names where a person reads the register's pages: `{{ code|state_name }}` and
`{{ codes|state_names }}` ("Беларусь" on a Russian page, "Belarus" on an English one).

The organization's own states are named as the record names them (members app); any other ISO
3166 code, such as a listed person's nationality, by ICU's names in the page's language. A value
that is no state code (the register notes "secretariat" as a notifier) is translated as a term.
"""

from __future__ import annotations

from collections.abc import Iterable

import icu
from django import template
from django.utils.translation import get_language

from secretariat.core.terms import term_label
from secretariat.members import selectors as members

register = template.Library()


def name_of(code: str, lang: str) -> str:
    if len(code) != 2 or not code.isalpha():
        return term_label(code)
    state = members.states().filter(code=code.upper()).first()
    if state is not None:
        return state.name(lang)
    name = icu.Locale("und", code.upper()).getDisplayCountry(icu.Locale(lang))
    return str(name) if name and name != code.upper() else code


@register.filter
def state_name(code: str | None) -> str:
    if not code:
        return "—"
    return name_of(code, (get_language() or "en")[:2])


@register.filter
def state_names(codes: Iterable[str] | None) -> str:
    lang = (get_language() or "en")[:2]
    return ", ".join(name_of(code, lang) for code in codes or ()) or "—"

"""`{% load depositary_wording %}`: the depositary's engine texts in the page's language
(depositary/wording.py): `{{ position|position_text }}`, `{% basis_text instrument status %}`,
`{% flag_text flag %}`."""

from __future__ import annotations

from django import template
from django.utils.safestring import SafeString

from secretariat.core.formatting import current_language
from secretariat.core.templatetags.bilingual import english
from secretariat.depositary.domain.acts import Flag
from secretariat.depositary.domain.engine import InstrumentStatus
from secretariat.depositary.domain.positions import Position
from secretariat.depositary.models import Instrument
from secretariat.depositary.wording import basis_ru, flag_ru, parties_note_ru, position_summary

register = template.Library()


@register.filter
def position_text(position: Position | None) -> str:
    return position_summary(position)


def _russian_or_english(russian: str, english_text: str) -> str | SafeString:
    """The Russian on a Russian page when there is one; else the English, marked as pending on
    a Russian page (`{% english %}`)."""
    if russian and current_language().startswith("ru"):
        return russian
    return english(english_text)


@register.simple_tag
def basis_text(instrument: Instrument, status: InstrumentStatus) -> str | SafeString:
    """`{% basis_text instrument status %}`: why the instrument is in force on its date."""
    return _russian_or_english(basis_ru(instrument, status), status.basis)


@register.simple_tag
def flag_text(flag: Flag) -> str | SafeString:
    """`{% flag_text f %}`: a point to check in the record."""
    return _russian_or_english(flag_ru(flag), flag.message)


@register.simple_tag
def parties_note_text(instrument: Instrument, status: InstrumentStatus, note: str) -> str:
    """`{% parties_note_text row status parties_note %}`: why the parties are not counted, for
    a `title` attribute (no markup)."""
    russian = parties_note_ru(instrument, status)
    if russian and current_language().startswith("ru"):
        return russian
    return str(english(note, plain=True))

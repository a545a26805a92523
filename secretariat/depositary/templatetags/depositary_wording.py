"""`{% load depositary_wording %}`: `{{ position|position_text }}`, a state's position on an
instrument in the page's language (depositary/wording.py)."""

from __future__ import annotations

from django import template

from secretariat.depositary.domain.positions import Position
from secretariat.depositary.wording import position_summary

register = template.Library()


@register.filter
def position_text(position: Position | None) -> str:
    return position_summary(position)

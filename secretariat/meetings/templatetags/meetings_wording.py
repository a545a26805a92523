"""`{% load meetings_wording %}`: `{{ verdict|explained }}`, the consensus engine's explanation in
the page's language (meetings/wording.py)."""

from __future__ import annotations

from django import template

from secretariat.meetings.domain.consensus import Verdict
from secretariat.meetings.wording import explain

register = template.Library()


@register.filter
def explained(verdict: Verdict) -> str:
    return explain(verdict)

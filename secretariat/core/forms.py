"""Small pieces that several apps' portal forms share (a date field's widget, a list of sources).

Forms only shape input; the services decide what is valid.
"""

from __future__ import annotations

from django import forms

DATE_INPUT = forms.DateInput(attrs={"type": "date"})


def sources_list(text: str) -> list[str]:
    return [line.strip() for line in text.splitlines() if line.strip()]

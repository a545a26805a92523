"""Server-rendered SVG bar charts for forces and missions: no script, no CDN, printable.

`strength_bars` draws one horizontal bar per row (a member state's personnel); an estimated
figure is drawn hatched-light and marked "≈" so an estimate never looks like an official number.
Every text written is escaped; pages show the same figures in a table beside the chart.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from html import escape

from django.utils.safestring import SafeString, mark_safe

from secretariat.core.formatting import format_number

BAR_COLOUR = "#1f5fa8"
ESTIMATE_COLOUR = "#8fb3d9"


@dataclass(frozen=True)
class StrengthBar:
    label: str
    value: int
    estimated: bool = False
    href: str = ""
    note: str = ""  # shown after the figure, e.g. "+2 not published"
    unknown: bool = False  # the strength is not published: no bar and no figure, only the note


def _thousands(value: int) -> str:
    # "1 200" on a Russian page, "1,200" on an English one (core/formatting.py).
    return format_number(value)


def _figure(row: StrengthBar) -> str:
    """The text right of a bar: the figure ("≈" for an estimate) and the note."""
    figure = ("≈ " if row.estimated else "") + _thousands(row.value)
    return figure + (f" {row.note}" if row.note else "")


def _text_width(text: str, font_px: int) -> int:
    """An upper estimate of the width of a text in the system sans-serif (0.62 em a character)."""
    return int(len(text) * font_px * 0.62) + 1


def strength_bars(rows: Sequence[StrengthBar], *, title: str, estimate_label: str) -> SafeString:
    """Horizontal bars, longest first is the caller's choice; empty rows give an empty string."""
    if not rows:
        return mark_safe("")
    row_height, top, width = 28, 8, 760
    largest = max((row.value for row in rows), default=0) or 1
    # Room for the longest label on the left and, right of each bar, for its figure and note: the
    # Russian notes are longer than the English ones, and an SVG clips what passes its edge.
    label_width = max(150, max(_text_width(row.label, 13) for row in rows) + 12)
    plot = width - label_width - 150
    for row in rows:
        if row.value and not row.unknown:
            room = width - label_width - 14 - _text_width(_figure(row), 11)
            plot = min(plot, int(room * largest / row.value))
    height = top + row_height * len(rows) + 8
    # An image's content is presentational: links inside one would be hidden from assistive
    # technology (axe's nested-interactive), so a chart with links is a labelled group.
    role = "group" if any(row.href for row in rows) else "img"
    parts = [
        f'<svg class="chart bars" viewBox="0 0 {width} {height}" role="{role}" '
        f'aria-label="{escape(title)}" xmlns="http://www.w3.org/2000/svg">',
        f"<title>{escape(title)}</title>",
    ]
    for index, row in enumerate(rows):
        y = top + index * row_height
        label = f'<text x="{label_width - 8}" y="{y + 18}" text-anchor="end" class="row-label">{escape(row.label)}</text>'
        if row.href:
            label = f'<a href="{escape(row.href)}">{label}</a>'
        parts.append(label)
        if row.unknown:
            # No figure is known: drawing "0" would claim one. The note says what is missing.
            parts.append(
                f'<text x="{label_width + 6}" y="{y + 18}" class="tick unknown">'
                f"{escape(row.note)}</text>"
            )
            continue
        length = row.value / largest * plot
        colour = ESTIMATE_COLOUR if row.estimated else BAR_COLOUR
        figure = ("≈ " if row.estimated else "") + _thousands(row.value)
        tip = f"{row.label}: {figure}" + (f" ({estimate_label})" if row.estimated else "")
        parts.append(
            f'<rect x="{label_width}" y="{y + 5}" width="{max(length, 1.5):.1f}" '
            f'height="{row_height - 10}" fill="{colour}" class="bar'
            f'{" estimate" if row.estimated else ""}"><title>{escape(tip)}</title></rect>'
        )
        parts.append(
            f'<text x="{label_width + length + 6:.1f}" y="{y + 18}" class="tick">'
            f"{escape(_figure(row))}</text>"
        )
    parts.append("</svg>")
    return mark_safe("".join(parts))  # noqa: S308 - every interpolated text is escaped above

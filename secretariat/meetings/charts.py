"""Server-rendered SVG for the meetings pages: the attendance rate of each member by year.

No script and no CDN; every text is escaped, and the page shows the same numbers in a table.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from html import escape

from django.utils.safestring import SafeString, mark_safe


@dataclass(frozen=True)
class RateRow:
    label: str
    points: Sequence[tuple[int, int, int]]  # (year, attended, recorded)


def _colour(rate: float) -> str:
    """From red (never came) through amber to blue (always came)."""
    if rate >= 0.999:
        return "#1f5fa8"
    if rate >= 0.5:
        return "#8fb3d9"
    if rate > 0:
        return "#e0a526"
    return "#c0392b"


def attendance_rate_chart(
    rows: Sequence[RateRow], *, first_year: int, last_year: int, title: str
) -> SafeString:
    """One row per member, one cell per year: the share of recorded sessions it attended."""
    if not rows or last_year < first_year:
        return mark_safe("")
    label_width, cell, top, right = 120, 28, 22, 8
    years = list(range(first_year, last_year + 1))
    width = label_width + cell * len(years) + right
    height = top + cell * len(rows) + 6
    parts = [
        f'<svg class="chart rates" viewBox="0 0 {width} {height}" role="img" '
        f'aria-label="{escape(title)}" xmlns="http://www.w3.org/2000/svg"><title>{escape(title)}</title>'
    ]
    for index, year in enumerate(years):
        if year % 2 == 0 or len(years) < 12:
            x = label_width + index * cell + cell / 2
            parts.append(
                f'<text x="{x:.1f}" y="{top - 8}" class="tick" text-anchor="middle" '
                f'font-size="10">{year}</text>'
            )
    for row_index, row in enumerate(rows):
        y = top + row_index * cell
        parts.append(
            f'<text x="{label_width - 8}" y="{y + cell / 2 + 4:.1f}" class="row-label" '
            f'text-anchor="end">{escape(row.label)}</text>'
        )
        for year, attended, recorded in row.points:
            if recorded == 0 or not first_year <= year <= last_year:
                continue
            x = label_width + (year - first_year) * cell
            rate = attended / recorded
            parts.append(
                f'<rect x="{x + 1}" y="{y + 1}" width="{cell - 2}" height="{cell - 2}" '
                f'fill="{_colour(rate)}"><title>{escape(row.label)} {year}: {attended}/{recorded}'
                f"</title></rect>"
            )
            parts.append(
                f'<text x="{x + cell / 2:.1f}" y="{y + cell / 2 + 4:.1f}" text-anchor="middle" '
                f'font-size="10" fill="{"#fff" if rate >= 0.999 or rate == 0 else "#000"}">'
                f"{round(rate * 100)}</text>"
            )
    parts.append("</svg>")
    return mark_safe("".join(parts))  # noqa: S308 - every interpolated text is escaped above

"""Server-rendered SVG charts: no script, no CDN, readable by screen readers and printable.

Each function takes plain rows and returns SVG markup; every text it writes is escaped. Pages
show the same numbers in a table beside each chart, so nothing is only in a picture.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from html import escape

from django.utils.safestring import SafeString, mark_safe

from secretariat.core.formatting import format_date

STATUS_COLOURS = {
    "party": "#8fb3d9",
    "member": "#1f5fa8",
    "associate": "#5dade2",
    "frozen": "#e0a526",
    "suspended": "#c0392b",
    "withdrawn": "#d5d8dc",
}
FREEDOM_COLOURS = {"F": "#2e8b57", "PF": "#e0a526", "NF": "#9b2c2c"}


@dataclass(frozen=True)
class Bar:
    status: str
    label: str  # translated status name, for the tooltip
    start: dt.date
    end: dt.date | None


@dataclass(frozen=True)
class GanttRow:
    label: str
    href: str
    bars: Sequence[Bar]


def _year_fraction(day: dt.date) -> float:
    start = dt.date(day.year, 1, 1)
    length = (dt.date(day.year + 1, 1, 1) - start).days
    return day.year + (day - start).days / length


def membership_gantt(
    rows: Sequence[GanttRow],
    *,
    first_year: int,
    until: dt.date,
    title: str,
    marker: dt.date | None = None,
) -> SafeString:
    label_width, row_height, top, right = 130, 26, 24, 12
    width = 900
    plot = width - label_width - right
    last = _year_fraction(until)
    span = max(last - first_year, 1.0)

    def x(day: dt.date) -> float:
        return label_width + (min(_year_fraction(day), last) - first_year) / span * plot

    height = top + row_height * len(rows) + 8
    parts = [
        f'<svg class="chart gantt" viewBox="0 0 {width} {height}" role="group" '
        f'aria-label="{escape(title)}" xmlns="http://www.w3.org/2000/svg">',
        f"<title>{escape(title)}</title>",
    ]
    step = 2 if span <= 40 else 5
    for year in range(first_year, until.year + 1, step):
        gx = x(dt.date(year, 1, 1))
        parts.append(
            f'<line x1="{gx:.1f}" y1="{top - 4}" x2="{gx:.1f}" y2="{height - 8}" class="grid"/>'
        )
        parts.append(
            f'<text x="{gx:.1f}" y="{top - 8}" class="tick" text-anchor="middle">{year}</text>'
        )
    for index, row in enumerate(rows):
        y = top + index * row_height
        parts.append(
            f'<a href="{escape(row.href)}"><text x="{label_width - 8}" y="{y + 17}" '
            f'class="row-label" text-anchor="end">{escape(row.label)}</text></a>'
        )
        for bar in row.bars:
            start = max(bar.start, dt.date(first_year, 1, 1))
            x0, x1 = x(start), x(bar.end or until)
            colour = STATUS_COLOURS.get(bar.status, "#999")
            span_text = f"{format_date(bar.start)} – {format_date(bar.end) if bar.end else '…'}"
            parts.append(
                f'<rect x="{x0:.1f}" y="{y + 4}" width="{max(x1 - x0, 1.5):.1f}" height="{row_height - 8}" '
                f'fill="{colour}" class="bar status-{escape(bar.status)}"><title>{escape(row.label)}: '
                f"{escape(bar.label)}, {escape(span_text)}</title></rect>"
            )
    if marker is not None and first_year <= marker.year <= until.year:
        mx = x(marker)
        parts.append(
            f'<line x1="{mx:.1f}" y1="{top - 4}" x2="{mx:.1f}" y2="{height - 4}" class="marker"/>'
        )
    parts.append("</svg>")
    return mark_safe("".join(parts))  # noqa: S308 - every interpolated text is escaped above


@dataclass(frozen=True)
class RatingPoint:
    year: int
    status: str
    political_rights: int | None
    civil_liberties: int | None


def freedom_chart(
    points: Sequence[RatingPoint], *, title: str, pr_label: str, cl_label: str
) -> SafeString:
    """Ratings 1 (most free, top) to 7 (least free, bottom) by year, over a strip of statuses."""
    if not points:
        return mark_safe("")
    width, height, left, right, top, strip = 900, 260, 40, 12, 16, 14
    first, last = points[0].year, points[-1].year
    years = max(last - first, 1)
    plot_w = width - left - right
    plot_h = height - top - strip - 40

    def x(year: int) -> float:
        return left + (year - first) / years * plot_w

    def y(rating: int) -> float:
        return top + (rating - 1) / 6 * plot_h

    parts = [
        f'<svg class="chart freedom" viewBox="0 0 {width} {height}" role="img" '
        f'aria-label="{escape(title)}" xmlns="http://www.w3.org/2000/svg"><title>{escape(title)}</title>'
    ]
    for rating in range(1, 8):
        parts.append(
            f'<line x1="{left}" x2="{width - right}" y1="{y(rating):.1f}" y2="{y(rating):.1f}" class="grid"/>'
        )
        parts.append(
            f'<text x="{left - 8}" y="{y(rating) + 4:.1f}" class="tick" text-anchor="end">{rating}</text>'
        )
    strip_y = top + plot_h + 10
    cell = plot_w / (years + 1)
    for point in points:
        colour = FREEDOM_COLOURS.get(point.status, "#999")
        parts.append(
            f'<rect x="{x(point.year) - cell / 2:.1f}" y="{strip_y}" width="{cell:.1f}" height="{strip}" '
            f'fill="{colour}"><title>{point.year}: {escape(point.status)}</title></rect>'
        )
    for year in range(first, last + 1, 5 if years > 15 else 1):
        parts.append(
            f'<text x="{x(year):.1f}" y="{strip_y + strip + 16}" class="tick" text-anchor="middle">{year}</text>'
        )
    for attr, css, label in (
        ("political_rights", "pr", pr_label),
        ("civil_liberties", "cl", cl_label),
    ):
        coords = [
            f"{x(p.year):.1f},{y(value):.1f}"
            for p in points
            if (value := getattr(p, attr)) is not None
        ]
        if coords:
            parts.append(
                f'<polyline points="{" ".join(coords)}" class="line {css}"><title>{escape(label)}</title></polyline>'
            )
    parts.append("</svg>")
    return mark_safe("".join(parts))  # noqa: S308 - every interpolated text is escaped above

"""CSV exports: one record a line, in UTF-8, with a header row (used by several apps' APIs)."""

from __future__ import annotations

import csv
import io
from typing import Any

from django.http import HttpResponse


def _cell(value: Any) -> Any:
    if isinstance(value, list):
        return " | ".join(str(item) for item in value)
    return "" if value is None else value


def csv_response(filename: str, columns: list[str], rows: list[dict[str, Any]]) -> HttpResponse:
    """CSV in UTF-8; list values are joined with " | " so each record stays one line."""
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=columns, extrasaction="ignore")
    writer.writeheader()
    for row in rows:
        writer.writerow({column: _cell(row.get(column)) for column in columns})
    response = HttpResponse(buffer.getvalue(), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response

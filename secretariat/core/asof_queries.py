"""The as-of rule (core/domain/asof.py) as database filters, for selectors that read many rows.

`existed_q("issued_on", on)` keeps exactly the rows `asof.existed_on(row.issued_on, on)` keeps:
those that came into being on or before the date, and those whose date is not known.
"""

from __future__ import annotations

import datetime as dt

from django.db.models import Q


def existed_q(field: str, on: dt.date, *, nullable: bool = True) -> Q:
    """Rows whose date of coming into being (`field`) is on or before `on`, or unknown."""
    known = Q(**{f"{field}__lte": on})
    return known | Q(**{f"{field}__isnull": True}) if nullable else known

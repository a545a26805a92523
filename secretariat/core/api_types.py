"""Input types shared by every app's API.

`StrictIn`: the base of every input body. `IsoDate`: a date written YYYY-MM-DD (RFC 3339 full-date, what the OpenAPI document promises with
`format: date`). Pydantic on its own also reads a number as a Unix timestamp, so `?date=1e-9`
would quietly mean 1 January 1970; this refuses it with a 422 instead.

The others put in the document a limit the code enforces anyway, so that a client (or a fuzzer)
reading the document knows it: `StateCode` (a member state's alpha-2 code), `OneOf(values)` (an
enumeration, kept a plain string), `RecordCode` (a lower-case slug, as forces and instruments use).
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from typing import Annotated, Any

from ninja import Schema
from pydantic import BeforeValidator, ConfigDict, Field, GetCoreSchemaHandler
from pydantic_core import core_schema

FULL_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")


def _full_date_only(value: Any) -> Any:
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str) and FULL_DATE.fullmatch(value):
        return value
    raise ValueError("a date is written YYYY-MM-DD")


IsoDate = Annotated[dt.date, BeforeValidator(_full_date_only)]

# A member state as the records name it: ISO 3166-1 alpha-2, upper case (whether the state is
# known is the record's to say: 422 rule-violation).
StateCode = Annotated[
    str, Field(pattern=r"^[A-Z]{2}$", description="ISO 3166-1 alpha-2, e.g. BY", examples=["BY"])
]
# Lower-case words of letters and digits joined by single hyphens, at most 60 characters.
RecordCode = Annotated[
    str,
    Field(min_length=1, max_length=60, pattern=r"^[a-z0-9]+(-[a-z0-9]+)*$", examples=["cpf"]),
]


@dataclass(frozen=True)
class OneOf:
    """`Annotated[str, OneOf(("a", "b"))]`: one of these strings, an `enum` in the document, and
    still a plain `str` for the service (not an Enum member)."""

    values: tuple[str, ...]

    def __get_pydantic_core_schema__(
        self, source: Any, handler: GetCoreSchemaHandler
    ) -> core_schema.CoreSchema:
        return core_schema.literal_schema(list(self.values))


class StrictIn(Schema):
    """Base of every input body: an unknown field is refused (422), so a body cannot smuggle in a
    field the operation does not take, such as another state's code."""

    model_config = ConfigDict(extra="forbid")


class SignedStatementIn(StrictIn):
    """An Ed25519 signature over the RFC 8785 bytes of `statement`, by a key the submitting
    state's delegation registered (docs/signing.md)."""

    statement: dict[str, Any]
    signature: str
    key_id: str


def write_status(outcome: str) -> int:
    """The HTTP status of an idempotent create: 201 when it created, 200 when the record was
    there already (unchanged, or corrected)."""
    return 201 if outcome == "created" else 200

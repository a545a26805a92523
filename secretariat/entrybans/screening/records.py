"""What the engine compares: a register entry and a query, both prepared once into tokens with
their matching keys. Build entries with `make_entry` and queries with `make_query`; the index and
the scorers take nothing else, so the engine knows no database and no web framework.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field, fields
from functools import lru_cache
from typing import Any

from secretariat.entrybans.screening.names import is_known_given, is_translated, symbols_of
from secretariat.entrybans.screening.normalize import (
    ending_variants,
    fold,
    is_initial,
    is_patronymic,
    plain_forms,
    skeletons,
    tokenize,
)

SURNAME, GIVEN, PATRONYMIC, OTHER = "surname", "given", "patronymic", "other"
STRONG, WEAK = "strong", "weak"


class Frozen:
    """Base of the engine's frozen records. They pickle by their fields, the way they are built:
    queries and results cross to batch workers and back, and a frozen class compiled by mypyc
    (kernel.py) cannot be restored the default way, field by field after creation."""

    def __reduce__(self) -> tuple[Any, tuple[Any, ...]]:
        return type(self), tuple(getattr(self, f.name) for f in fields(self))  # type: ignore[arg-type]


@dataclass(frozen=True)
class PartialDate(Frozen):
    """A date known to the day, the month or only the year (`1961`, `1961-03`, `1961-03-14`)."""

    year: int
    month: int | None = None
    day: int | None = None

    @classmethod
    def parse(cls, text: str | None) -> PartialDate | None:
        if not text:
            return None
        match = re.fullmatch(r"\s*(\d{4})(?:-(\d{1,2}))?(?:-(\d{1,2}))?\s*", str(text))
        if not match:
            raise ValueError(
                f"a date of birth is written YYYY, YYYY-MM or YYYY-MM-DD; got {text!r}"
            )
        year, month, day = (int(g) if g else None for g in match.groups())
        assert year is not None
        if month is not None and not 1 <= month <= 12:
            raise ValueError(f"no month {month} in {text!r}")
        if day is not None:
            dt.date(year, month or 1, day)  # raises ValueError for 31 February
        return cls(year, month, day)

    def __str__(self) -> str:
        parts = [f"{self.year:04d}"]
        if self.month:
            parts.append(f"{self.month:02d}")
            if self.day:
                parts.append(f"{self.day:02d}")
        return "-".join(parts)


def akanye_keys(keys: frozenset[str]) -> frozenset[str]:
    """Skeletons with the vowels Belarusian spelling changes folded (о→а, е/я→e): Пятроў and
    Петров, Казлоў and Козлов meet here. Kept from five letters up."""
    return frozenset(k.replace("ia", "e").replace("o", "a") for k in keys if len(k) >= 5)


@dataclass(frozen=True)
class Token(Frozen):
    """One word of a name with its role and every key it is matched by."""

    text: str
    role: str
    keys: frozenset[str]
    symbols: frozenset[str]
    akanye: frozenset[str] = frozenset()
    plain: frozenset[str] = frozenset()
    known_given: bool = False  # one of the region's common given names (names.py)
    translated: bool = False  # a translated form of a given name (Jan for Иван)

    @property
    def initial(self) -> str:
        return min(self.keys)[0] if self.keys else ""


@dataclass(frozen=True)
class Name(Frozen):
    """One spelling of a listed person's name (original script, Latin, or an alias)."""

    text: str
    tokens: tuple[Token, ...]
    quality: str = STRONG


@dataclass(frozen=True)
class MisuseRecord(Frozen):
    """Identifiers of a person whose identity was misused, recorded with their consent, used only
    to tell them apart from the listed person."""

    birth_date: PartialDate | None
    nationality: str | None
    documents: frozenset[str]


@dataclass(frozen=True)
class Entry(Frozen):
    """A listing as the screening engine sees it. `payload` is what an officer may see on a hit."""

    id: str
    names: tuple[Name, ...]
    birth_dates: tuple[PartialDate, ...] = ()
    nationalities: frozenset[str] = frozenset()
    documents: frozenset[str] = frozenset()
    misuse: tuple[MisuseRecord, ...] = ()
    payload: dict[str, object] = field(default_factory=dict, compare=False, hash=False)


@dataclass(frozen=True)
class QueryToken(Frozen):
    text: str
    keys: frozenset[str]
    symbols: frozenset[str]
    patronymic: bool
    initial: bool
    akanye: frozenset[str] = frozenset()
    plain: frozenset[str] = frozenset()
    known_given: bool = False
    translated: bool = False


@dataclass(frozen=True)
class Query(Frozen):
    text: str
    tokens: tuple[QueryToken, ...]
    birth_date: PartialDate | None = None
    nationality: str | None = None
    documents: frozenset[str] = frozenset()


def document_key(number: str) -> str:
    """Document numbers compare on letters and digits only, upper case."""
    return re.sub(r"[^0-9A-Z]", "", fold(number).upper())


@lru_cache(maxsize=500_000)
def _token(word: str, role: str) -> Token:
    """Tokens are interned: the same word in the same role is one object across the register,
    which saves memory and lets a query remember its score against it (see `score_entry`)."""
    keys = skeletons(word)
    if role in (SURNAME, OTHER):
        keys = ending_variants(keys)
    given = role in (GIVEN, OTHER)
    symbols = symbols_of(keys) if given else frozenset()
    return Token(
        word,
        role,
        keys,
        symbols,
        akanye_keys(keys),
        plain_forms(word),
        known_given=given and is_known_given(keys),
        translated=bool(symbols) and is_translated(keys),
    )


def make_name(
    *,
    full: str = "",
    surname: str = "",
    given: str = "",
    patronymic: str = "",
    quality: str = STRONG,
) -> Name:
    """A name from its parts when they are known (best), else from the full text, whose words are
    tagged by position: a patronymic by its ending, the rest surname-or-given (role `other`)."""
    tokens: list[Token] = []
    if surname or given or patronymic:
        for text, role in ((surname, SURNAME), (given, GIVEN), (patronymic, PATRONYMIC)):
            tokens.extend(_token(word, role) for word in tokenize(text))
        display = " ".join(p for p in (given, patronymic, surname) if p) or full
    else:
        words = tokenize(full)
        # With two words, one ending like a patronymic is a surname (Раманіч, Petrovich).
        tagged = len(words) >= 3
        for word in words:
            tokens.append(_token(word, PATRONYMIC if tagged and is_patronymic(word) else OTHER))
        display = full
    return Name(display, tuple(t for t in tokens if t.keys), quality)


def make_entry(
    entry_id: str,
    names: list[Name],
    *,
    birth_dates: list[str] | None = None,
    nationalities: list[str] | None = None,
    documents: list[str] | None = None,
    misuse: list[MisuseRecord] | None = None,
    payload: dict[str, object] | None = None,
) -> Entry:
    dates = tuple(d for d in (PartialDate.parse(x) for x in birth_dates or []) if d)
    kept: list[Name] = []
    for name in names:
        if name.tokens and not any(_covers(other, name) for other in kept):
            kept.append(name)
    return Entry(
        id=entry_id,
        names=tuple(kept),
        birth_dates=dates,
        nationalities=frozenset(c.upper() for c in nationalities or []),
        documents=frozenset(document_key(d) for d in documents or [] if document_key(d)),
        misuse=tuple(misuse or ()),
        payload=dict(payload or {}),
    )


def _covers(a: Name, b: Name) -> bool:
    """Does name `a` match everything `b` would (same words, roles and quality, more keys)?
    Then `b` adds nothing to screening: the Latin passport form of a Cyrillic name usually."""
    return (
        a.quality == b.quality
        and len(a.tokens) == len(b.tokens)
        and all(
            x.role == y.role
            and y.keys <= x.keys
            and y.symbols <= x.symbols
            and x.translated == y.translated
            for x, y in zip(a.tokens, b.tokens, strict=True)
        )
    )


def make_query(
    text: str,
    *,
    birth_date: str | None = None,
    nationality: str | None = None,
    documents: list[str] | None = None,
) -> Query:
    tokens = []
    words = tokenize(text)
    for word in words:
        keys = ending_variants(skeletons(word))
        if not keys:
            continue
        symbols = symbols_of(keys)
        tokens.append(
            QueryToken(
                word,
                keys,
                symbols,
                len(words) >= 3 and is_patronymic(word),
                is_initial(word),
                akanye_keys(keys),
                plain_forms(word),
                known_given=is_known_given(keys),
                translated=bool(symbols) and is_translated(keys),
            )
        )
    return Query(
        text=text,
        tokens=tuple(tokens),
        birth_date=PartialDate.parse(birth_date),
        nationality=nationality.upper() if nationality else None,
        documents=frozenset(document_key(d) for d in documents or [] if document_key(d)),
    )

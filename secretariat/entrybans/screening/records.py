"""What the engine compares: a register entry and a query, both prepared once into tokens with
their matching keys. Build entries with `make_entry` and queries with `make_query`; the index and
the scorers take nothing else, so the engine knows no database and no web framework.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field, fields
from functools import lru_cache
from itertools import pairwise
from typing import Any

from secretariat.entrybans.screening.names import is_known_given, is_translated, symbols_of
from secretariat.entrybans.screening.normalize import (
    consonant_keys,
    ending_variants,
    father_of,
    fold,
    is_initial,
    is_patronymic,
    is_syllabic,
    plain_forms,
    skeletons,
    tokenize_groups,
    written_without_vowels,
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
    # A patronymic's father's name: its skeletons, and its given-name groups marked "§"
    # (Мікалаевіч and Николаевич: one father, Мікалай = Николай).
    father: frozenset[str] = frozenset()
    # Its consonants alone, for a query written in Arabic or Hebrew (normalize.consonant_keys).
    consonants: frozenset[str] = frozenset()

    @property
    def initial(self) -> str:
        return min(self.keys)[0] if self.keys else ""


@dataclass(frozen=True)
class Name(Frozen):
    """One spelling of a listed person's name (original script, Latin, or an alias)."""

    text: str
    tokens: tuple[Token, ...]
    quality: str = STRONG
    # Per token: 0, or the number of the hyphenated name it is a part of (Мельникова-Дорн: both
    # parts 1), so that a query giving one part of a compound surname is not short of a word.
    parts: tuple[int, ...] = ()


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
    father: frozenset[str] = frozenset()
    part: int = 0  # as `Name.parts`
    consonants: frozenset[str] = frozenset()  # set for a word written without short vowels
    # A word in Han or Hangul is read exactly (a mistyped character is another syllable, not a
    # near spelling): no typo rule, which would make the few short Chinese and Korean family
    # names (Wang, Zhang; Jang, Kang) all alike.
    typos: bool = True


@dataclass(frozen=True)
class Query(Frozen):
    text: str
    tokens: tuple[QueryToken, ...]
    birth_date: PartialDate | None = None
    nationality: str | None = None
    documents: frozenset[str] = frozenset()
    # Two neighbouring query words read as one (position of the first, the joined word): a
    # Chinese or Korean given name romanised syllable by syllable ("Ming-min", "Eun Ji") or a
    # Central Asian name written in two ("Абдул Азиз") is one word on record (Mingmin, Абдулазиз).
    joins: tuple[tuple[int, QueryToken], ...] = ()


# Words longer than this are not a syllable or a name's half: never joined.
JOINABLE_LENGTH = 6


def document_key(number: str) -> str:
    """Document numbers compare on letters and digits only, upper case."""
    return re.sub(r"[^0-9A-Z]", "", fold(number).upper())


@lru_cache(maxsize=200_000)
def fathers(keys: frozenset[str]) -> frozenset[str]:
    """A patronymic's father's name as `Token.father` holds it (see there)."""
    stems = father_of(keys)
    if not stems:
        return frozenset()
    given_forms = stems | {f"{stem}i" for stem in stems} | {f"{stem}a" for stem in stems}
    return stems | {f"§{group}" for group in symbols_of(frozenset(given_forms))}


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
        father=fathers(keys) if role == PATRONYMIC else frozenset(),
        consonants=consonant_keys(word),
    )


@lru_cache(maxsize=200_000)
def _known_given(word: str) -> bool:
    return is_known_given(skeletons(word))


@lru_cache(maxsize=200_000)
def _father_known(word: str) -> bool:
    stems = father_of(skeletons(word))
    return bool(stems) and is_known_given(
        stems | {f"{stem}i" for stem in stems} | {f"{stem}a" for stem in stems}
    )


def _marked_patronymic(group: list[str]) -> bool:
    """Is the group one word made of a father's name and "son/daughter of" ("Азамат уулу")?"""
    return len(group) == 1 and " " in group[0] and is_patronymic(group[0])


def full_name_roles(groups: list[list[str]]) -> list[str]:
    """The role of each group of words of a name written in full, from the structure of the whole
    name rather than from one word's ending.

    A name of the region has at most one patronymic, and it follows the given name: "Surname Given
    Patronymic" (the register's order) or "Given Patronymic Surname". A word ending like a
    patronymic elsewhere is a surname made of one (Мицкевич, Тарасевич, Petrovich, Serbian and
    Polish -vić/-wicz). Where two readings are possible the one whose given name is a known given
    name, and whose patronymic is made of one, wins; then the register's order. A Turkic
    patronymic written as two words ("Азамат уулу") is one always; with it a name may have no
    surname at all (Kyrgyz "Бекзат Азамат уулу"). When nothing says which word is which, every
    group is `other` (surname or given name) and the scorer aligns them in any order."""
    count = len(groups)
    roles = [OTHER] * count
    if count == 2 and _marked_patronymic(groups[0]) and not _marked_patronymic(groups[1]):
        # "Усен уулу Асель": the register's order, the father's name (in the surname's place)
        # first; the name has no surname.
        return [PATRONYMIC, GIVEN]
    best: tuple[int, int] | None = None  # (evidence, position of the patronymic)
    for position in range(1, count):
        group = groups[position]
        if len(group) != 1 or not is_patronymic(group[0]):
            continue
        marked = " " in group[0]  # the Turkic word "son/daughter of": a patronymic for sure
        if count < 3 and not marked:
            continue  # two words, one ending like a patronymic: a surname (Раманіч, Petrovich)
        given = groups[position - 1]
        evidence = 2 * all(_known_given(w) for w in given) + _father_known(group[0])
        evidence += 3 * marked + 2 * (position in (1, count - 1))
        if best is None or (evidence, position) > best:
            best = (evidence, position)
    if best is None:
        return roles
    position = best[1]
    roles[position] = PATRONYMIC
    roles[position - 1] = GIVEN
    if position == count - 1:  # Surname Given Patronymic
        roles[: position - 1] = [SURNAME] * (position - 1)
    elif position == 1:  # Given Patronymic Surname
        roles[2:] = [SURNAME] * (count - 2)
    return roles


def make_name(
    *,
    full: str = "",
    surname: str = "",
    given: str = "",
    patronymic: str = "",
    quality: str = STRONG,
) -> Name:
    """A name from its parts when they are known (best), else from the full text, whose words are
    tagged by the structure of the whole name (`full_name_roles`)."""
    tokens: list[Token] = []
    parts: list[int] = []
    if surname or given or patronymic:
        for text, role in ((surname, SURNAME), (given, GIVEN), (patronymic, PATRONYMIC)):
            for group in tokenize_groups(text):
                number = len(parts) + 1 if len(group) > 1 else 0
                # A Kyrgyz or Kazakh passport writes the father's name with "son/daughter of"
                # in the surname field ("Темирлан кызы", "Ermek uulu"): a patronymic for sure,
                # and the name has no surname. Read as a surname it matches no Russian-style
                # rendering of the same name ("Айзада Темирлановна").
                marked = role == SURNAME and len(group) == 1 and " " in group[0]
                word_role = PATRONYMIC if marked and is_patronymic(group[0]) else role
                for word in group:
                    tokens.append(_token(word, word_role))
                    parts.append(number)
        display = " ".join(p for p in (given, patronymic, surname) if p) or full
    else:
        groups = tokenize_groups(full)
        for group, role in zip(groups, full_name_roles(groups), strict=True):
            number = len(parts) + 1 if len(group) > 1 else 0
            for word in group:
                tokens.append(_token(word, role))
                parts.append(number)
        display = full
    kept = [i for i, t in enumerate(tokens) if t.keys]
    return Name(display, tuple(tokens[i] for i in kept), quality, tuple(parts[i] for i in kept))


def with_roles_of(name: Name, others: list[Name]) -> Name:
    """The name with the roles the listing's other names give its words: a word left `other`
    (or read as a patronymic by its ending) that is, in another name of the same listing, only
    ever a surname, a given name or a patronymic takes that role (the Belarusian "Тарасевіч Алег"
    from the Russian "Тарасевич Олег Николаевич" given in parts)."""
    definite = [t for other in others if other is not name for t in other.tokens if t.role != OTHER]
    if not definite:
        return name
    tokens: list[Token] = []
    changed = False
    for token in name.tokens:
        roles = {
            d.role
            for d in definite
            if d.keys & token.keys or d.akanye & token.akanye or d.symbols & token.symbols
        }
        if len(roles) == 1 and token.role in (OTHER, PATRONYMIC):
            role = roles.pop()
            if role != token.role:
                token = _token(token.text, role)
                changed = True
        tokens.append(token)
    if not changed:
        return name
    return Name(name.text, tuple(tokens), name.quality, name.parts)


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
    for name in (with_roles_of(n, names) for n in names):
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
        and a.parts == b.parts
        and all(
            x.role == y.role
            and y.keys <= x.keys
            and y.symbols <= x.symbols
            and x.translated == y.translated
            and y.father <= x.father
            and y.consonants <= x.consonants
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
    tokens: list[QueryToken] = []
    groups = tokenize_groups(text)
    roles = full_name_roles(groups)
    part = 0
    for group, role in zip(groups, roles, strict=True):
        if len(group) > 1:
            part += 1
        for word in group:
            token = _query_token(word, role == PATRONYMIC, part if len(group) > 1 else 0)
            if token is not None:
                tokens.append(token)
    joins: list[tuple[int, QueryToken]] = []
    for position, (first, second) in enumerate(pairwise(tokens)):
        if (first.initial and second.initial) or first.patronymic or second.patronymic:
            continue  # (one letter may be a syllable: Korean "Ji U", "Si-u")
        if max(len(first.text), len(second.text)) > JOINABLE_LENGTH or " " in first.text:
            continue
        joined = _query_token(first.text + second.text, False, 0)
        if joined is not None:
            joins.append((position, joined))
    return Query(
        text=text,
        tokens=tuple(tokens),
        birth_date=PartialDate.parse(birth_date),
        nationality=nationality.upper() if nationality else None,
        documents=frozenset(document_key(d) for d in documents or [] if document_key(d)),
        joins=tuple(joins),
    )


def _query_token(word: str, patronymic: bool, part: int) -> QueryToken | None:
    keys = ending_variants(skeletons(word))
    if not keys:
        return None
    symbols = symbols_of(keys)
    return QueryToken(
        word,
        keys,
        symbols,
        patronymic,
        is_initial(word),
        akanye_keys(keys),
        plain_forms(word),
        known_given=is_known_given(keys),
        translated=bool(symbols) and is_translated(keys),
        # A query word is compared as a patronymic wherever the listed word is one:
        # "Bekzat Azamatovich" gives the father of "Бекзат Азамат уулу".
        father=fathers(keys),
        part=part,
        consonants=consonant_keys(word) if written_without_vowels(word) else frozenset(),
        typos=not is_syllabic(word),
    )

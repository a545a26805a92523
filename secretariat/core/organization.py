"""What this installation knows about its organization, read from the dataset's organization.json.

Use `organization()` wherever code would otherwise name the organization's bodies, its rules of
procedure, its chair's rotation, the member statuses it knows, its default final clauses, the
Russian of its data's fixed phrases or its journal's name. Nothing here is the CSTO's: another
organization is another `organization.json` (docs/datasets.md), never another code path.

The file read is `<SECRETARIAT_DATASET_DIR>/organization.json`, the directory defaulting to
`secretariat/datasets/<SECRETARIAT_DATASET>/`. It is parsed once and read again only when it
changes. A dataset without the file gets `Organization.blank()`: no bodies, no readings, every
status, so the pages still render and the loader says what is missing when the data needs it.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from django.conf import settings

FORMAT = "secretariat-organization/1"
DATASETS_DIR = Path(__file__).resolve().parent.parent / "datasets"
# Every status the membership rules know (members/domain/membership.py); an organization names
# the ones its own history uses, and an event leading to another one is refused.
ALL_STATUSES = ("party", "member", "associate", "frozen", "suspended", "withdrawn")


class OrganizationError(ValueError):
    """organization.json cannot be read; the message names the key at fault."""


def _pick(lang: str, en: str, ru: str) -> str:
    return ru if lang.startswith("ru") and ru else en


@dataclass(frozen=True)
class Body:
    """One of the organization's bodies: its code (in session codes), names, and who sits on it."""

    code: str
    name_en: str
    name_ru: str
    members_en: str = ""  # who sits on it: "heads of state", "ministers of foreign affairs"
    members_ru: str = ""
    sources: tuple[str, ...] = ()

    def name(self, lang: str) -> str:
        return _pick(lang, self.name_en, self.name_ru)


@dataclass(frozen=True)
class ChairRule:
    """Which body's chair rotates, by what rule and for how long (shown on the offices page)."""

    body: str
    title_en: str = ""  # the heading of the chairs' table: "Chairmanship of the … Council"
    title_ru: str = ""
    rule_en: str = ""
    rule_ru: str = ""
    term_en: str = ""
    term_ru: str = ""
    sources: tuple[str, ...] = ()

    def title(self, lang: str) -> str:
        return _pick(lang, self.title_en, self.title_ru)

    def rule(self, lang: str) -> str:
        return _pick(lang, self.rule_en, self.rule_ru)

    def term(self, lang: str) -> str:
        return _pick(lang, self.term_en, self.term_ru)


@dataclass(frozen=True)
class Organization:
    dataset: str
    # The organization's working languages (ISO 639-1); the interface speaks English and Russian.
    working_languages: tuple[str, ...] = ()
    bodies: tuple[Body, ...] = ()
    principal_body: str = ""  # the body whose sessions the home page shows; the first by default
    chair: ChairRule | None = None
    statuses: tuple[str, ...] = ALL_STATUSES
    # The readings of the rules of procedure as given (meetings/rules.py makes them `Rules`).
    readings: tuple[dict[str, Any], ...] = ()
    default_reading: str = ""
    # Final clauses of an instrument whose record gives none (depositary import format).
    default_final_clauses: dict[str, Any] = field(default_factory=dict)
    # The Russian of fixed phrases the dataset's single-language fields use (a depositary's name).
    terms_ru: dict[str, str] = field(default_factory=dict)
    journal_origin: str = ""
    sources: tuple[str, ...] = ()

    @classmethod
    def blank(cls, dataset: str) -> Organization:
        return cls(dataset=dataset)

    def body(self, code: str) -> Body | None:
        return next((b for b in self.bodies if b.code == code), None)

    @property
    def body_codes(self) -> tuple[str, ...]:
        return tuple(b.code for b in self.bodies)

    @property
    def main_body(self) -> str:
        return self.principal_body or (self.bodies[0].code if self.bodies else "")

    def body_name(self, code: str, lang: str) -> str:
        found = self.body(code)
        return found.name(lang) if found else code

    def reading_title(self, code: str, lang: str) -> str | None:
        for row in self.readings:
            if row["code"] == code:
                return _pick(lang, row["title_en"], row.get("title_ru", ""))
        return None

    def term_ru(self, phrase: str) -> str | None:
        return self.terms_ru.get(phrase)


def dataset_directory() -> Path:
    configured = getattr(settings, "SECRETARIAT_DATASET_DIR", None)
    if configured:
        return Path(configured)
    return DATASETS_DIR / str(getattr(settings, "SECRETARIAT_DATASET", "csto"))


_parsed: dict[Path, tuple[int, Organization]] = {}


def organization() -> Organization:
    """The organization of the configured dataset."""
    return organization_in(dataset_directory())


def organization_in(directory: Path) -> Organization:
    """The organization described in `directory` (a dataset's directory)."""
    path = directory / "organization.json"
    try:
        stamp = path.stat().st_mtime_ns
    except OSError:
        return Organization.blank(directory.name)
    cached = _parsed.get(path)
    if cached and cached[0] == stamp:
        return cached[1]
    try:
        document = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise OrganizationError(f"{path}: {exc}") from None
    parsed = parse(document, directory.name)
    _parsed[path] = (stamp, parsed)
    return parsed


def _texts(row: dict[str, Any], where: str, *keys: str) -> dict[str, str]:
    values = {}
    for key in keys:
        value = row.get(key, "")
        if not isinstance(value, str):
            raise OrganizationError(f"{where}: {key!r} must be a string")
        values[key] = value
    return values


def _sources(row: dict[str, Any], where: str) -> tuple[str, ...]:
    value = row.get("sources", [])
    if not isinstance(value, list) or not all(isinstance(s, str) for s in value):
        raise OrganizationError(f"{where}: 'sources' must be a list of addresses")
    return tuple(value)


def _bilingual(row: dict[str, Any], where: str, stem: str) -> None:
    """Russian first: a name or rule given in English must be given in Russian too."""
    if row.get(f"{stem}_en") and not row.get(f"{stem}_ru"):
        raise OrganizationError(f"{where}: {stem}_en is given without {stem}_ru")


def parse(document: Any, dataset: str) -> Organization:
    """Check an organization.json document and return what it says; refuse it naming the key."""
    if not isinstance(document, dict):
        raise OrganizationError("organization.json: the top level must be an object")
    if document.get("format", FORMAT) != FORMAT:
        raise OrganizationError(f"organization.json: format must be {FORMAT!r}")
    bodies = []
    for position, row in enumerate(document.get("bodies", [])):
        where = f"bodies[{position}]"
        if not isinstance(row, dict) or not isinstance(row.get("code"), str) or not row["code"]:
            raise OrganizationError(f"{where}: each body needs a 'code'")
        if len(row["code"]) > 16 or not row["code"].isascii() or not row["code"].islower():
            raise OrganizationError(f"{where}: a body's code is at most 16 lower-case letters")
        _bilingual(row, where, "name")
        _bilingual(row, where, "members")
        texts = _texts(row, where, "name_en", "name_ru", "members_en", "members_ru")
        if not texts["name_en"]:
            raise OrganizationError(f"{where}: name_en is missing")
        bodies.append(Body(code=row["code"], **texts, sources=_sources(row, where)))
    codes = [b.code for b in bodies]
    if len(set(codes)) != len(codes):
        raise OrganizationError("bodies: a code is given twice")
    principal = document.get("principal_body", "")
    if principal and principal not in codes:
        raise OrganizationError(f"principal_body: {principal!r} is not among the bodies")
    chair = None
    if "chair" in document:
        row = document["chair"]
        if not isinstance(row, dict) or row.get("body") not in codes:
            raise OrganizationError("chair: 'body' must name one of the bodies")
        for stem in ("title", "rule", "term"):
            _bilingual(row, "chair", stem)
        chair = ChairRule(
            body=row["body"],
            **_texts(
                row, "chair", "title_en", "title_ru", "rule_en", "rule_ru", "term_en", "term_ru"
            ),
            sources=_sources(row, "chair"),
        )
    statuses = document.get("statuses", list(ALL_STATUSES))
    if not isinstance(statuses, list) or not set(statuses) <= set(ALL_STATUSES):
        raise OrganizationError(
            f"statuses: a list drawn from {', '.join(ALL_STATUSES)} (members/domain/membership.py)"
        )
    readings = []
    for position, row in enumerate(document.get("readings", [])):
        where = f"readings[{position}]"
        if not isinstance(row, dict) or not row.get("code") or not row.get("title_en"):
            raise OrganizationError(f"{where}: a reading needs a 'code' and a 'title_en'")
        _bilingual(row, where, "title")
        _bilingual(row, where, "note")
        _sources(row, where)
        readings.append(dict(row))
    reading_codes = [r["code"] for r in readings]
    default_reading = document.get("default_reading", reading_codes[0] if readings else "")
    if readings and default_reading not in reading_codes:
        raise OrganizationError(f"default_reading: {default_reading!r} is not among the readings")
    clauses = document.get("default_final_clauses", {})
    if not isinstance(clauses, dict):
        raise OrganizationError("default_final_clauses: an object in the depositary's format")
    terms = document.get("terms_ru", {})
    if not isinstance(terms, dict) or not all(isinstance(v, str) for v in terms.values()):
        raise OrganizationError("terms_ru: an object of English phrases and their Russian")
    languages = document.get("working_languages", [])
    if not isinstance(languages, list) or not all(
        isinstance(c, str) and len(c) == 2 for c in languages
    ):
        raise OrganizationError("working_languages: a list of ISO 639-1 codes")
    origin = document.get("journal_origin", "")
    if not isinstance(origin, str):
        raise OrganizationError("journal_origin: a string")
    return Organization(
        dataset=str(document.get("dataset", dataset)),
        working_languages=tuple(languages),
        bodies=tuple(bodies),
        principal_body=principal,
        chair=chair,
        statuses=tuple(statuses),
        readings=tuple(readings),
        default_reading=default_reading,
        default_final_clauses=dict(clauses),
        terms_ru=dict(terms),
        journal_origin=origin,
        sources=_sources(document, "top level"),
    )

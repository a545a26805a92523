"""Load an organization's dataset through the same services as every other write.

Use `load_dataset("csto")` (or `secretariat load-dataset csto`). A dataset is a directory
(docs/datasets.md): members.json, organization.json and each app's own file. The whole load is one transaction:
a bad record anywhere stops it with the record's position and the rule it breaks, and nothing is
written. Loading the same data again changes nothing and journals nothing.
"""

from __future__ import annotations

import importlib
import json
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import replace
from pathlib import Path
from typing import Any

from django.conf import settings
from django.db import transaction

from secretariat.core.domain.actors import Actor
from secretariat.core.domain.errors import DomainError, RuleViolation
from secretariat.core.domain.values import parse_date, parse_optional_date
from secretariat.core.organization import (
    OrganizationError,
    dataset_directory,
    organization,
    organization_in,
)
from secretariat.members import services

DATASETS_DIR = Path(__file__).resolve().parent


class DatasetError(Exception):
    """The dataset cannot be loaded; the message names the record and the reason."""


def dataset_file(name: str) -> Path:
    """The members.json of dataset `name`: in SECRETARIAT_DATASET_DIR when that is the dataset
    served, else under secretariat/datasets/."""
    outside = str(getattr(settings, "SECRETARIAT_DATASET_DIR", "") or "")
    if outside and name == settings.SECRETARIAT_DATASET:
        return Path(outside) / "members.json"
    path = DATASETS_DIR / name / "members.json"
    if not path.is_file():
        known = sorted(p.parent.name for p in DATASETS_DIR.glob("*/members.json"))
        raise DatasetError(f"unknown dataset {name!r}; available: {', '.join(known) or 'none'}")
    return path


def read_document(path: Path) -> dict[str, Any]:
    try:
        document = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError) as exc:
        raise DatasetError(f"cannot read {path}: {exc}") from None
    except json.JSONDecodeError as exc:
        raise DatasetError(f"{path} is not valid JSON: line {exc.lineno}: {exc.msg}") from None
    if not isinstance(document, dict):
        raise DatasetError(f"{path}: the top level must be an object")
    return document


def load_dataset(
    name: str, path: Path | None = None, on_stage: Callable[[str], None] | None = None
) -> Counter[str]:
    """Load a dataset by name (from the package) or from an explicit file; return change counts.

    `on_stage(name)` is called as each of the STAGES begins (a command's progress bar).
    """
    members_file = path or dataset_file(name)
    directory = members_file.parent
    document = read_document(members_file)
    _check_organization(directory)
    dataset = document.get("dataset", name)
    actor = Actor.system(f"dataset:{dataset}")
    counts: Counter[str] = Counter()
    began = on_stage or (lambda _stage: None)

    def apply(
        section: str, records: Iterable[Any], write: Callable[[dict[str, Any]], tuple[Any, str]]
    ) -> None:
        began(section)
        _apply(counts, section, records, write)

    with transaction.atomic():
        org = _required(document, "organization", dict, "top level")
        apply(
            "organization",
            [org],
            lambda r: services.record_organization_profile(
                actor,
                dataset=dataset,
                name_en=_text(r, "name_en"),
                name_ru=_text(r, "name_ru"),
                acronym_en=_text(r, "acronym_en"),
                acronym_ru=_text(r, "acronym_ru"),
            ),
        )
        apply(
            "states",
            _list(document, "states"),
            lambda r: services.record_state(
                actor,
                code=_text(r, "code"),
                iso3=_text(r, "iso3"),
                name_en=_text(r, "name_en"),
                name_ru=_text(r, "name_ru"),
                **_sourcing(r),
            ),
        )
        events = sorted(
            enumerate(_list(document, "membership_events")),
            key=lambda pair: (str(pair[1].get("state")), str(pair[1].get("date")), pair[0]),
        )
        apply(
            "membership_events",
            [e for _, e in events],
            lambda r: services.submit_membership_event(
                actor,
                state=_text(r, "state"),
                kind=_text(r, "kind"),
                date=parse_date(r.get("date")),
                summary_en=_text(r, "summary_en"),
                summary_ru=str(r.get("summary_ru", "")),
                **_sourcing(r),
            ),
        )
        apply(
            "chair_terms",
            _list(document, "chair_terms"),
            lambda r: services.record_chair_term(
                actor,
                state=_text(r, "state"),
                holder_en=_text(r, "holder_en"),
                holder_ru=str(r.get("holder_ru", "")),
                **_term_dates(r),
                **_sourcing(r),
            ),
        )
        apply(
            "secretaries_general",
            _list(document, "secretaries_general"),
            lambda r: services.record_secretary_general(
                actor,
                state=_text(r, "state"),
                person_en=_text(r, "person_en"),
                person_ru=str(r.get("person_ru", "")),
                acting=bool(r.get("acting", False)),
                **_term_dates(r),
                **_sourcing(r),
            ),
        )
        apply(
            "indicators",
            _list(document, "indicators"),
            lambda r: services.record_indicator(
                actor,
                state=_text(r, "state"),
                kind=str(r.get("kind", "freedom_house")),
                edition=str(r.get("edition", "")),
                year=_int(r, "year"),
                status=_text(r, "status"),
                political_rights=_optional_int(r, "political_rights"),
                civil_liberties=_optional_int(r, "civil_liberties"),
                score=_optional_int(r, "score"),
                **_sourcing(r),
            ),
        )
        # Each app loads its own part of the dataset, in dependency order, in the same transaction.
        for app in APP_LOADERS:
            began(app)
            module = importlib.import_module(f"secretariat.{app}.dataset")
            try:
                module.load(directory, actor, counts)
            except DomainError as exc:
                raise DatasetError(f"{app}: {exc.message}") from None
    return counts


def _check_organization(directory: Path) -> None:
    """The dataset's organization.json must read, and must be the one this installation serves:
    the services check sessions, readings and statuses against the configured organization. A
    directory without one (a members.json given with --file) is loaded into the organization
    served."""
    if not (directory / "organization.json").is_file():
        return
    try:
        loaded = organization_in(directory)
        served = organization()
    except OrganizationError as exc:
        raise DatasetError(str(exc)) from None
    if replace(loaded, dataset="") != replace(served, dataset=""):
        raise DatasetError(
            f"{directory} describes another organization than the one this installation serves "
            f"({dataset_directory()}): set SECRETARIAT_DATASET (or SECRETARIAT_DATASET_DIR) to it"
        )


# Apps whose dataset part is loaded after the members, in this order (later ones may refer to
# earlier ones: a meeting adopts an instrument, an assistance decision is taken at a meeting).
APP_LOADERS = ("depositary", "meetings", "forces", "assistance", "entrybans")


def _apply(
    counts: Counter[str],
    section: str,
    records: Iterable[Any],
    write: Callable[[dict[str, Any]], tuple[Any, str]],
) -> None:
    for position, record in enumerate(records):
        where = f"{section}[{position}]"
        if not isinstance(record, dict):
            raise DatasetError(f"{where}: each record must be an object")
        try:
            _, outcome = write(record)
        except DomainError as exc:
            raise DatasetError(f"{where} {_describe(record)}: {exc.message}") from None
        counts[f"{section}.{outcome}"] += 1


def _describe(record: dict[str, Any]) -> str:
    parts = [
        str(record[k]) for k in ("state", "code", "kind", "date", "start", "year") if k in record
    ]
    return f"({' '.join(parts)})" if parts else ""


def _required(document: dict[str, Any], key: str, kind: type, where: str) -> Any:
    value = document.get(key)
    if not isinstance(value, kind):
        raise DatasetError(f"{where}: {key!r} is missing or is not a {kind.__name__}")
    return value


def _list(document: dict[str, Any], key: str) -> list[Any]:
    value = document.get(key, [])
    if not isinstance(value, list):
        raise DatasetError(f"top level: {key!r} must be a list")
    return value


def _text(record: dict[str, Any], key: str) -> str:
    value = record.get(key)
    if not isinstance(value, str) or not value.strip():
        raise RuleViolation(f"{key!r} is missing or empty", field=key)
    return value


def _int(record: dict[str, Any], key: str) -> int:
    value = record.get(key)
    if isinstance(value, bool) or not isinstance(value, int):
        raise RuleViolation(f"{key!r} must be a whole number; got {value!r}", field=key)
    return value


def _optional_int(record: dict[str, Any], key: str) -> int | None:
    return None if record.get(key) is None else _int(record, key)


def _sourcing(record: dict[str, Any]) -> dict[str, Any]:
    sources = record.get("source", record.get("sources", []))
    if isinstance(sources, str):
        sources = [sources]
    return {
        "sources": sources,
        "uncertain": bool(record.get("uncertain", False)),
        "note": str(record.get("note") or ""),
        "note_ru": str(record.get("note_ru") or ""),
    }


def _term_dates(record: dict[str, Any]) -> dict[str, Any]:
    return {
        "start": parse_date(record.get("start"), "start"),
        "end": parse_optional_date(record.get("end"), "end"),
        "start_precision": str(record.get("start_precision") or "day"),
        "end_precision": str(record.get("end_precision") or "day"),
    }


# What `load_dataset` reports to `on_stage`, in order: the members' sections, then each app.
STAGES = (
    "organization",
    "states",
    "membership_events",
    "chair_terms",
    "secretaries_general",
    "indicators",
    *APP_LOADERS,
)

"""Listings in and out as FollowTheMoney entities (JSON lines), the format of OpenSanctions.

A listing is a `Person` entity and a `Sanction` entity whose `entity` property points to it.

| listing field | FtM property |
|---|---|
| reference | Person `id` |
| names (original script / Latin) | Person `lastName`, `firstName`, `fatherName` (values told apart by script) |
| aliases (strong / weak) | Person `alias` / `weakAlias` |
| birth date, place, nationality, gender | Person `birthDate`, `birthPlace`, `nationality`, `gender` |
| identity documents | Person `passportNumber`, `idNumber` |
| issuing state and authority | Sanction `country`, `authority` |
| national decision: reference, date, end | Sanction `authorityId`, `startDate`, `endDate` |
| ground, action on a hit | Sanction `program`, `provisions` |
| releasable reasons | Sanction `reason` |
| individual assessment, proportionality | Sanction `summary`, `description` |
| the issuing state's contact | Sanction `sourceUrl` |

The non-releasable reasons are never exported. Use `parse_lines` to read a file into listing
records and `export_lines` to write listings out.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from typing import Any

from secretariat.core.domain.errors import RuleViolation
from secretariat.entrybans.models import Listing
from secretariat.entrybans.screening.translit import script_of


def _values(entity: dict[str, Any], prop: str) -> list[str]:
    raw = (entity.get("properties") or {}).get(prop) or []
    if isinstance(raw, str):
        raw = [raw]
    return [str(v).strip() for v in raw if str(v).strip()]


def _first(entity: dict[str, Any], prop: str, default: str = "") -> str:
    values = _values(entity, prop)
    return values[0] if values else default


def _split_by_script(values: list[str]) -> tuple[str, str]:
    original = next((v for v in values if script_of(v.lower()) != "latin"), "")
    latin = next((v for v in values if script_of(v.lower()) == "latin"), "")
    return original or latin, latin


def parse_lines(lines: Iterable[str]) -> list[dict[str, Any]]:
    """Listing records (keyword arguments of `services.enter_listing`) from FtM JSON lines."""
    persons: dict[str, dict[str, Any]] = {}
    sanctions: dict[str, dict[str, Any]] = {}
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        try:
            entity = json.loads(line)
        except json.JSONDecodeError as exc:
            raise RuleViolation(f"line {number}: not JSON ({exc.msg})") from None
        if not isinstance(entity, dict) or not entity.get("id"):
            raise RuleViolation(f"line {number}: an entity needs an id")
        schema = entity.get("schema")
        if schema == "Person":
            persons[str(entity["id"])] = entity
        elif schema == "Sanction":
            for target in _values(entity, "entity"):
                sanctions[target] = entity
    records = []
    for person_id, person in persons.items():
        sanction = sanctions.get(person_id)
        if sanction is None:
            raise RuleViolation(f"Person {person_id}: no Sanction entity points to it")
        records.append(_record(person_id, person, sanction))
    return records


def _record(person_id: str, person: dict[str, Any], sanction: dict[str, Any]) -> dict[str, Any]:
    from secretariat.core.domain.values import parse_date, parse_optional_date

    surname, surname_latin = _split_by_script(_values(person, "lastName"))
    given, given_latin = _split_by_script(_values(person, "firstName"))
    patronymic, patronymic_latin = _split_by_script(_values(person, "fatherName"))
    if not surname and _values(person, "name"):
        raise RuleViolation(
            f"Person {person_id}: give lastName and firstName (the register keeps name parts)"
        )
    aliases = [{"name": a, "quality": "strong"} for a in _values(person, "alias")]
    aliases += [{"name": a, "quality": "weak"} for a in _values(person, "weakAlias")]
    documents = [{"kind": "passport", "number": n} for n in _values(person, "passportNumber")]
    documents += [{"kind": "id", "number": n} for n in _values(person, "idNumber")]
    where = f"Person {person_id}"
    try:
        decision_date = parse_date(
            _first(sanction, "startDate") or _first(sanction, "listingDate"), "startDate"
        )
        valid_until = parse_optional_date(_first(sanction, "endDate"), "endDate")
    except RuleViolation as exc:
        raise RuleViolation(f"{where}: {exc.message}") from None
    return {
        "reference": person_id,
        "issuing_state": _first(sanction, "country").upper(),
        "issuing_authority": _first(sanction, "authority"),
        "contact": _first(sanction, "sourceUrl"),
        "decision_reference": _first(sanction, "authorityId") or str(sanction.get("id")),
        "decision_date": decision_date,
        "decision_valid_until": valid_until,
        "ground": _first(sanction, "program"),
        "action_on_hit": _first(sanction, "provisions"),
        "reasons_releasable": _first(sanction, "reason"),
        "assessment": _first(sanction, "summary"),
        "proportionality": _first(sanction, "description"),
        "surname": surname,
        "given_names": given,
        "patronymic": patronymic,
        "surname_latin": surname_latin or surname,
        "given_names_latin": given_latin or given,
        "patronymic_latin": patronymic_latin,
        "birth_date": _first(person, "birthDate"),
        "place_of_birth": _first(person, "birthPlace"),
        "nationalities": [c.upper() for c in _values(person, "nationality")],
        "gender": _first(person, "gender"),
        "aliases": aliases,
        "documents": documents,
    }


def export_lines(listings: Iterable[Listing]) -> Iterator[str]:
    """Each listing as a Person and a Sanction entity (no non-releasable reasons)."""
    for listing in listings:
        names = [
            " ".join(p for p in (listing.given_names, listing.patronymic, listing.surname) if p),
            " ".join(
                p
                for p in (
                    listing.given_names_latin,
                    listing.patronymic_latin,
                    listing.surname_latin,
                )
                if p
            ),
        ]
        aliases = list(listing.names.all())
        person = {
            "id": listing.reference,
            "schema": "Person",
            "properties": _clean(
                {
                    "name": names,
                    "lastName": [listing.surname, listing.surname_latin],
                    "firstName": [listing.given_names, listing.given_names_latin],
                    "fatherName": [listing.patronymic, listing.patronymic_latin],
                    "alias": [a.name for a in aliases if a.quality == "strong"],
                    "weakAlias": [a.name for a in aliases if a.quality == "weak"],
                    "birthDate": [listing.birth_date],
                    "birthPlace": [listing.place_of_birth],
                    "nationality": [c.lower() for c in listing.nationalities],
                    "gender": [listing.gender],
                    "passportNumber": [
                        d.number for d in listing.documents.all() if d.kind == "passport"
                    ],
                    "idNumber": [d.number for d in listing.documents.all() if d.kind != "passport"],
                    "topics": ["sanction"],
                }
            ),
            "datasets": ["entrybans"],
        }
        sanction = {
            "id": f"{listing.reference}-sanction",
            "schema": "Sanction",
            "properties": _clean(
                {
                    "entity": [listing.reference],
                    "country": [listing.issuing_state.lower()],
                    "authority": [listing.issuing_authority],
                    "authorityId": [listing.decision_reference],
                    "startDate": [listing.decision_date.isoformat()],
                    "endDate": [
                        listing.decision_valid_until.isoformat()
                        if listing.decision_valid_until
                        else ""
                    ],
                    "program": [listing.ground],
                    "provisions": [listing.action_on_hit],
                    "reason": [listing.reasons_releasable],
                    "summary": [listing.assessment],
                    "description": [listing.proportionality],
                    "sourceUrl": [listing.contact],
                }
            ),
            "datasets": ["entrybans"],
        }
        yield json.dumps(person, ensure_ascii=False)
        yield json.dumps(sanction, ensure_ascii=False)


def _clean(properties: dict[str, list[str]]) -> dict[str, list[str]]:
    out = {}
    for key, values in properties.items():
        kept = list(dict.fromkeys(v for v in values if v))
        if kept:
            out[key] = kept
    return out
